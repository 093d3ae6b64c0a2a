#include "core/clock.h"
#include "core/triage/escalation.h"
#include "triagefixtures.h"

#include <QTest>

using namespace idesk;
using namespace idesk::triage;
using namespace idesk::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::Severity)
Q_DECLARE_METATYPE(idesk::IncidentStatus)

class TestTriageEscalation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void engine_data();
    void engine();
    void contactsPerLevel();
    void target_data();
    void target();
    void customRulesFromProfile();
    void defaultProfileCarriesSeedRules();
};

void TestTriageEscalation::engine_data()
{
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<IncidentStatus>("status");
    QTest::addColumn<int>("engaged");
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<int>("due");
    QTest::addColumn<int>("firedAfter"); // the fired rule's afterMinutes, -1 for none
    QTest::addColumn<int>("next");       // 0 for none
    QTest::addColumn<qint64>("nextAt");  // seconds after start, -1 for none
    QTest::addColumn<bool>("needed");

    const auto inv = IncidentStatus::Investigating;
    // Rule 1: P0/P1 not resolved within 30 min → L2.
    QTest::newRow("P0 0:00") << Severity::P0 << inv << 1 << qint64(0) << 1 << -1 << 2
                             << qint64(1800) << false;
    QTest::newRow("P0 29:59") << Severity::P0 << inv << 1 << qint64(1799) << 1 << -1 << 2
                              << qint64(1800) << false;
    QTest::newRow("P0 30:00") << Severity::P0 << inv << 1 << qint64(1800) << 2 << 30 << 3
                              << qint64(3600) << true;
    QTest::newRow("P1 29:59") << Severity::P1 << inv << 1 << qint64(1799) << 1 << -1 << 2
                              << qint64(1800) << false;
    QTest::newRow("P1 30:00") << Severity::P1 << inv << 1 << qint64(1800) << 2 << 30 << 3
                              << qint64(7200) << true;
    // Rule 2: P0 within 1 h → L3.
    QTest::newRow("P0 59:59") << Severity::P0 << inv << 1 << qint64(3599) << 2 << 30 << 3
                              << qint64(3600) << true;
    QTest::newRow("P0 1:00:00") << Severity::P0 << inv << 1 << qint64(3600) << 3 << 60 << 0
                                << qint64(-1) << true;
    // Rule 3: P1 within 2 h → L3.
    QTest::newRow("P1 1:59:59") << Severity::P1 << inv << 1 << qint64(7199) << 2 << 30 << 3
                                << qint64(7200) << true;
    QTest::newRow("P1 2:00:00") << Severity::P1 << inv << 1 << qint64(7200) << 3 << 120 << 0
                                << qint64(-1) << true;
    // Rule 4: any incident over 4 h → L3.
    QTest::newRow("P2 0:00") << Severity::P2 << inv << 1 << qint64(0) << 1 << -1 << 3
                             << qint64(14400) << false;
    QTest::newRow("P2 30:00, P0/P1 rule does not apply")
        << Severity::P2 << inv << 1 << qint64(1800) << 1 << -1 << 3 << qint64(14400) << false;
    QTest::newRow("P2 3:59:59") << Severity::P2 << inv << 1 << qint64(14399) << 1 << -1 << 3
                                << qint64(14400) << false;
    QTest::newRow("P2 4:00:00") << Severity::P2 << inv << 1 << qint64(14400) << 3 << 240 << 0
                                << qint64(-1) << true;
    QTest::newRow("P3 4:00:00") << Severity::P3 << IncidentStatus::Monitoring << 1 << qint64(14400)
                                << 3 << 240 << 0 << qint64(-1) << true;
    // Several rules fired: the highest level, explained by the earliest rule reaching it.
    QTest::newRow("P0 5:00:00") << Severity::P0 << inv << 1 << qint64(18000) << 3 << 60 << 0
                                << qint64(-1) << true;
    QTest::newRow("P1 5:00:00") << Severity::P1 << inv << 1 << qint64(18000) << 3 << 120 << 0
                                << qint64(-1) << true;
    // Already engaged levels.
    QTest::newRow("P0 10:00, L2 engaged early: next is L3")
        << Severity::P0 << inv << 2 << qint64(600) << 1 << -1 << 3 << qint64(3600) << false;
    QTest::newRow("P0 30:00, L2 engaged")
        << Severity::P0 << inv << 2 << qint64(1800) << 2 << 30 << 3 << qint64(3600) << false;
    QTest::newRow("P0 1:00:00, L2 engaged")
        << Severity::P0 << inv << 2 << qint64(3600) << 3 << 60 << 0 << qint64(-1) << true;
    QTest::newRow("P1 40:00, L3 engaged")
        << Severity::P1 << inv << 3 << qint64(2400) << 2 << 30 << 0 << qint64(-1) << false;
    // Resolved incidents stop escalating.
    QTest::newRow("P0 resolved, 5:00:00") << Severity::P0 << IncidentStatus::Resolved << 1
                                          << qint64(18000) << 1 << -1 << 0 << qint64(-1) << false;
    QTest::newRow("P1 resolved at 10:00") << Severity::P1 << IncidentStatus::Resolved << 1
                                          << qint64(600) << 1 << -1 << 0 << qint64(-1) << false;
}

void TestTriageEscalation::engine()
{
    QFETCH(Severity, severity);
    QFETCH(IncidentStatus, status);
    QFETCH(int, engaged);
    QFETCH(qint64, elapsed);
    QFETCH(int, due);
    QFETCH(int, firedAfter);
    QFETCH(int, next);
    QFETCH(qint64, nextAt);
    QFETCH(bool, needed);

    Incident in = incidentAt(severity);
    in.status = status;
    in.escalationLevel = engaged;
    FakeClock clock(in.startedAt);
    clock.advanceSecs(elapsed);
    const EscalationStatus st = evaluateEscalation(in, seedProfile(), clock.now());

    QCOMPARE(st.stopped, status == IncidentStatus::Resolved);
    QCOMPARE(st.engagedLevel, engaged);
    QCOMPARE(st.dueLevel, due);
    QCOMPARE(st.firedRule ? st.firedRule->afterMinutes : -1, firedAfter);
    if (st.firedRule)
        QCOMPARE(st.dueSince, in.startedAt.addSecs(qint64(firedAfter) * 60));
    QCOMPARE(st.nextLevel.value_or(0), next);
    QCOMPARE(st.nextDueAt.isValid() ? in.startedAt.secsTo(st.nextDueAt) : qint64(-1), nextAt);
    QCOMPARE(st.escalationNeeded(), needed);
    QCOMPARE(st.contactLevel, std::max(due, engaged));
}

void TestTriageEscalation::contactsPerLevel()
{
    const Profile p = seedProfile();
    auto names = [](const std::vector<Contact> &cs) {
        QStringList out;
        for (const auto &c : cs)
            out << c.role + u'=' + c.phone;
        return out;
    };
    QCOMPARE(names(contactsForLevel(p, 1)),
             QStringList({u"Primary=+1-555-0123"_s, u"Secondary=+1-555-0124"_s}));
    QCOMPARE(names(contactsForLevel(p, 2)),
             QStringList({u"Escalation=+1-555-0125"_s, u"DevOps Lead=+1-555-0101"_s}));
    QCOMPARE(names(contactsForLevel(p, 3)), QStringList({u"CTO=+1-555-0100"_s}));
    QVERIFY(contactsForLevel(p, 4).empty());

    Incident in = incidentAt(Severity::P0);
    const EscalationStatus st = evaluateEscalation(in, p, in.startedAt.addSecs(1800));
    QCOMPARE(names(st.contacts), names(contactsForLevel(p, 2)));
    QCOMPARE(names(st.nextContacts), names(contactsForLevel(p, 3)));
}

void TestTriageEscalation::target_data()
{
    QTest::addColumn<int>("engaged");
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<int>("target");
    QTest::newRow("nothing due: one up") << 1 << qint64(60) << 2;
    QTest::newRow("L2 due") << 1 << qint64(1800) << 2;
    QTest::newRow("L3 due from L1: straight to L3") << 1 << qint64(3600) << 3;
    QTest::newRow("L2 engaged, nothing due: one up") << 2 << qint64(60) << 3;
    QTest::newRow("L3 engaged: stays at the top") << 3 << qint64(60) << 3;
}

void TestTriageEscalation::target()
{
    QFETCH(int, engaged);
    QFETCH(qint64, elapsed);
    QFETCH(int, target);
    Incident in = incidentAt(Severity::P0);
    in.escalationLevel = engaged;
    const Profile p = seedProfile();
    QCOMPARE(escalationTarget(evaluateEscalation(in, p, in.startedAt.addSecs(elapsed)), p), target);
}

void TestTriageEscalation::customRulesFromProfile()
{
    Profile p = seedProfile();
    p.escalationRules = {{{Severity::P2}, 10, 2, u"P2 after 10 minutes"_s}};
    Incident in = incidentAt(Severity::P2);
    EscalationStatus st = evaluateEscalation(in, p, in.startedAt.addSecs(599));
    QCOMPARE(st.dueLevel, 1);
    QCOMPARE(st.nextLevel.value_or(0), 2);
    st = evaluateEscalation(in, p, in.startedAt.addSecs(600));
    QCOMPARE(st.dueLevel, 2);
    QCOMPARE(st.firedRule->reason, u"P2 after 10 minutes"_s);
    QVERIFY(!st.nextLevel);
}

// The shipped profile must carry the runbook's rules; the engine gives the same answers on it.
void TestTriageEscalation::defaultProfileCarriesSeedRules()
{
    Profile shipped;
    try {
        shipped = defaultProfile();
    } catch (const ProfileError &e) {
        QFAIL(qPrintable(e.message()));
    }
    QVERIFY(!shipped.escalationRules.empty());
    const Profile seed = seedProfile();
    for (Severity s : {Severity::P0, Severity::P1, Severity::P2, Severity::P3}) {
        const Incident in = incidentAt(s);
        for (qint64 t : {0, 1799, 1800, 3599, 3600, 7199, 7200, 14399, 14400, 30000}) {
            const auto a = evaluateEscalation(in, shipped, in.startedAt.addSecs(t));
            const auto b = evaluateEscalation(in, seed, in.startedAt.addSecs(t));
            QCOMPARE(a.dueLevel, b.dueLevel);
            QCOMPARE(a.nextLevel, b.nextLevel);
            QCOMPARE(a.nextDueAt, b.nextDueAt);
        }
    }
}

QTEST_GUILESS_MAIN(TestTriageEscalation)
#include "test_triage_escalation.moc"
