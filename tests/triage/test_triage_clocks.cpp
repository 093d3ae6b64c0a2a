#include "core/clock.h"
#include "core/triage/clocks.h"
#include "core/triage/triageformat.h"
#include "triagefixtures.h"

#include <QTest>

using namespace idesk;
using namespace idesk::triage;
using namespace idesk::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::Severity)
Q_DECLARE_METATYPE(idesk::triage::ClockState)

class TestTriageClocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void amberMargin_data();
    void amberMargin();
    void acknowledgeSla_data();
    void acknowledgeSla();
    void acknowledgedIsDone_data();
    void acknowledgedIsDone();
    void severityChangeRecomputes();
    void nextUpdate_data();
    void nextUpdate();
    void nextUpdateStopsWhenResolved();
    void elapsedFreezesAtResolution();
    void lastMessageIgnoresOtherEvents();
    void missingSeverityHasNoDeadline();
    void formatting_data();
    void formatting();
};

void TestTriageClocks::amberMargin_data()
{
    QTest::addColumn<qint64>("window");
    QTest::addColumn<qint64>("margin");
    QTest::newRow("15 min: floor of 5 min") << qint64(900) << qint64(300);
    QTest::newRow("20 min: quarter equals floor") << qint64(1200) << qint64(300);
    QTest::newRow("1 h: quarter") << qint64(3600) << qint64(900);
    QTest::newRow("24 h: quarter") << qint64(86400) << qint64(21600);
}

void TestTriageClocks::amberMargin()
{
    QFETCH(qint64, window);
    QFETCH(qint64, margin);
    QCOMPARE(amberMarginSecs(window), margin);
}

void TestTriageClocks::acknowledgeSla_data()
{
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<ClockState>("state");
    QTest::addColumn<qint64>("remaining");

    // P0: 15 minutes, amber for the last 5.
    QTest::newRow("P0 at start") << Severity::P0 << qint64(0) << ClockState::Ok << qint64(900);
    QTest::newRow("P0 10:00, exactly 5 min left")
        << Severity::P0 << qint64(600) << ClockState::Ok << qint64(300);
    QTest::newRow("P0 10:01") << Severity::P0 << qint64(601) << ClockState::Amber << qint64(299);
    QTest::newRow("P0 14:59") << Severity::P0 << qint64(899) << ClockState::Amber << qint64(1);
    QTest::newRow("P0 15:00, deadline")
        << Severity::P0 << qint64(900) << ClockState::Red << qint64(0);
    QTest::newRow("P0 16:40, overdue")
        << Severity::P0 << qint64(1000) << ClockState::Red << qint64(-100);
    // P1: 1 hour, amber for the last quarter (15 minutes).
    QTest::newRow("P1 45:00") << Severity::P1 << qint64(2700) << ClockState::Ok << qint64(900);
    QTest::newRow("P1 45:01") << Severity::P1 << qint64(2701) << ClockState::Amber << qint64(899);
    QTest::newRow("P1 59:59") << Severity::P1 << qint64(3599) << ClockState::Amber << qint64(1);
    QTest::newRow("P1 1:00:00") << Severity::P1 << qint64(3600) << ClockState::Red << qint64(0);
    // P2: 4 hours, amber for the last hour.
    QTest::newRow("P2 3:00:00") << Severity::P2 << qint64(10800) << ClockState::Ok << qint64(3600);
    QTest::newRow("P2 3:00:01") << Severity::P2 << qint64(10801) << ClockState::Amber
                                << qint64(3599);
    QTest::newRow("P2 4:00:00") << Severity::P2 << qint64(14400) << ClockState::Red << qint64(0);
    // P3: 24 hours, amber for the last 6.
    QTest::newRow("P3 18:00:00") << Severity::P3 << qint64(64800) << ClockState::Ok
                                 << qint64(21600);
    QTest::newRow("P3 18:00:01") << Severity::P3 << qint64(64801) << ClockState::Amber
                                 << qint64(21599);
    QTest::newRow("P3 24:00:00") << Severity::P3 << qint64(86400) << ClockState::Red << qint64(0);
}

void TestTriageClocks::acknowledgeSla()
{
    QFETCH(Severity, severity);
    QFETCH(qint64, elapsed);
    QFETCH(ClockState, state);
    QFETCH(qint64, remaining);

    const Incident in = incidentAt(severity);
    const FakeClock clock(in.startedAt.addSecs(elapsed));
    const IncidentClocks c = computeClocks(in, seedProfile(), {}, clock.now());
    QCOMPARE(c.acknowledge.state, state);
    QCOMPARE(c.acknowledge.remainingSecs, remaining);
    QCOMPARE(c.acknowledge.overdue(), state == ClockState::Red);
    QCOMPARE(c.elapsedSecs, elapsed);
}

void TestTriageClocks::acknowledgedIsDone_data()
{
    QTest::addColumn<qint64>("ackAfter");
    QTest::addColumn<bool>("late");
    QTest::newRow("in time") << qint64(600) << false;
    QTest::newRow("one second before") << qint64(899) << false;
    QTest::newRow("at the deadline") << qint64(900) << true;
    QTest::newRow("after the deadline") << qint64(1200) << true;
}

void TestTriageClocks::acknowledgedIsDone()
{
    QFETCH(qint64, ackAfter);
    QFETCH(bool, late);
    Incident in = incidentAt(Severity::P0);
    in.acknowledgedAt = in.startedAt.addSecs(ackAfter);
    const IncidentClocks c = computeClocks(in, seedProfile(), {}, in.startedAt.addSecs(3 * 3600));
    QCOMPARE(c.acknowledge.state, ClockState::Done);
    QCOMPARE(c.acknowledge.late, late);
    QCOMPARE(c.acknowledge.doneAt, in.acknowledgedAt);
    QCOMPARE(c.acknowledge.remainingSecs, 900 - ackAfter);
}

void TestTriageClocks::severityChangeRecomputes()
{
    Incident in = incidentAt(Severity::P2);
    const QDateTime now = in.startedAt.addSecs(20 * 60);
    const Profile p = seedProfile();
    IncidentClocks c = computeClocks(in, p, {}, now);
    QCOMPARE(c.acknowledge.state, ClockState::Ok);
    QCOMPARE(c.acknowledge.deadline, in.startedAt.addSecs(4 * 3600));
    QCOMPARE(c.nextUpdate.deadline, in.startedAt.addSecs(60 * 60));

    in.severity = Severity::P0;
    c = computeClocks(in, p, {}, now);
    QCOMPARE(c.acknowledge.state, ClockState::Red);
    QCOMPARE(c.acknowledge.deadline, in.startedAt.addSecs(15 * 60));
    QCOMPARE(c.nextUpdate.deadline, in.startedAt.addSecs(15 * 60));
    QCOMPARE(c.nextUpdate.state, ClockState::Red);
}

void TestTriageClocks::nextUpdate_data()
{
    QTest::addColumn<qint64>("lastMessageAfter"); // -1: no message yet
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<ClockState>("state");
    QTest::addColumn<qint64>("remaining");

    // P1 updates every 30 minutes; a quarter (7:30) is more than the 5-minute floor.
    QTest::newRow("no message, start") << qint64(-1) << qint64(0) << ClockState::Ok << qint64(1800);
    QTest::newRow("no message, 22:30")
        << qint64(-1) << qint64(1350) << ClockState::Ok << qint64(450);
    QTest::newRow("no message, 22:31")
        << qint64(-1) << qint64(1351) << ClockState::Amber << qint64(449);
    QTest::newRow("no message, 30:00")
        << qint64(-1) << qint64(1800) << ClockState::Red << qint64(0);
    QTest::newRow("sent at 25:00, seen at 30:00")
        << qint64(1500) << qint64(1800) << ClockState::Ok << qint64(1500);
    QTest::newRow("sent at 25:00, seen at 55:00")
        << qint64(1500) << qint64(3300) << ClockState::Red << qint64(0);
    QTest::newRow("message before start is ignored")
        << qint64(-600) << qint64(1800) << ClockState::Red << qint64(0);
}

void TestTriageClocks::nextUpdate()
{
    QFETCH(qint64, lastMessageAfter);
    QFETCH(qint64, elapsed);
    QFETCH(ClockState, state);
    QFETCH(qint64, remaining);

    const Incident in = incidentAt(Severity::P1);
    const QDateTime last =
        lastMessageAfter == -1 ? QDateTime() : in.startedAt.addSecs(lastMessageAfter);
    const IncidentClocks c = computeClocks(in, seedProfile(), last, in.startedAt.addSecs(elapsed));
    QCOMPARE(c.nextUpdate.state, state);
    QCOMPARE(c.nextUpdate.remainingSecs, remaining);
}

void TestTriageClocks::nextUpdateStopsWhenResolved()
{
    Incident in = incidentAt(Severity::P1);
    in.status = IncidentStatus::Resolved;
    in.resolvedAt = in.startedAt.addSecs(75 * 60);
    const IncidentClocks c = computeClocks(in, seedProfile(), {}, in.startedAt.addSecs(5 * 3600));
    QCOMPARE(c.nextUpdate.state, ClockState::Done);
    // Never acknowledged, but resolved: the SLA is no longer counting either.
    QCOMPARE(c.acknowledge.state, ClockState::Done);
    QVERIFY(c.acknowledge.late);
}

void TestTriageClocks::elapsedFreezesAtResolution()
{
    Incident in = incidentAt(Severity::P1);
    in.status = IncidentStatus::Resolved;
    in.resolvedAt = in.startedAt.addSecs(75 * 60);
    QCOMPARE(computeClocks(in, seedProfile(), {}, in.startedAt.addSecs(9 * 3600)).elapsedSecs,
             qint64(75 * 60));
    in.status = IncidentStatus::Monitoring; // reopened: counts on
    QCOMPARE(computeClocks(in, seedProfile(), {}, in.startedAt.addSecs(9 * 3600)).elapsedSecs,
             qint64(9 * 3600));
}

void TestTriageClocks::lastMessageIgnoresOtherEvents()
{
    const QDateTime t0 = runbookStart();
    auto ev = [&](qint64 after, EventKind kind, const QString &source, bool deleted = false) {
        TimelineEvent e;
        e.occurredAt = t0.addSecs(after);
        e.kind = kind;
        e.source = source;
        e.deleted = deleted;
        return e;
    };
    std::vector<TimelineEvent> events{
        ev(60, EventKind::Communication, u"message"_s),
        ev(600, EventKind::Communication, u"message"_s),
        ev(900, EventKind::Communication, u"manual"_s), // a note about a call, not a message
        ev(1200, EventKind::Note, u"message"_s),        // wrong kind
        ev(1500, EventKind::Communication, u"message"_s, true), // deleted
    };
    QCOMPARE(lastMessageAt(events), t0.addSecs(600));
    QVERIFY(!lastMessageAt({}).isValid());
}

void TestTriageClocks::missingSeverityHasNoDeadline()
{
    Profile p = seedProfile();
    p.severities.clear();
    const Incident in = incidentAt(Severity::P0);
    const IncidentClocks c = computeClocks(in, p, {}, in.startedAt.addSecs(3600));
    QVERIFY(!c.acknowledge.deadline.isValid());
    QCOMPARE(c.acknowledge.state, ClockState::Done);
    QCOMPARE(c.elapsedSecs, qint64(3600));
}

void TestTriageClocks::formatting_data()
{
    QTest::addColumn<qint64>("secs");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QString>("countdown");
    QTest::newRow("0") << qint64(0) << u"0 minutes"_s << u"0:00"_s;
    QTest::newRow("59 s") << qint64(59) << u"0 minutes"_s << u"0:59"_s;
    QTest::newRow("1 min") << qint64(60) << u"1 minute"_s << u"1:00"_s;
    QTest::newRow("45 min") << qint64(45 * 60) << u"45 minutes"_s << u"45:00"_s;
    QTest::newRow("1 h") << qint64(3600) << u"1 hour"_s << u"1:00:00"_s;
    QTest::newRow("1 h 15 min") << qint64(75 * 60) << u"1 hour 15 minutes"_s << u"1:15:00"_s;
    QTest::newRow("2 h 1 min 5 s") << qint64(7265) << u"2 hours 1 minute"_s << u"2:01:05"_s;
    QTest::newRow("1 day 3 min") << qint64(86400 + 180) << u"1 day 3 minutes"_s << u"24:03:00"_s;
    QTest::newRow("overdue 45 s") << qint64(-45) << u"0 minutes"_s << u"-0:45"_s;
}

void TestTriageClocks::formatting()
{
    QFETCH(qint64, secs);
    QFETCH(QString, duration);
    QFETCH(QString, countdown);
    QCOMPARE(formatDuration(secs), duration);
    QCOMPARE(formatCountdown(secs), countdown);
}

QTEST_GUILESS_MAIN(TestTriageClocks)
#include "test_triage_clocks.moc"
