// kill -9 in the middle of every use case: whatever survives is whole. A declaration has all its
// checklist rows and its "declared" event; a status, severity, acknowledgement or escalation is
// on the incident only together with the timeline event that records it.
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <csignal>

using namespace idesk;

namespace {

// The target of the last event from source whose text reads "… A → B", or fallback.
QString lastTarget(std::vector<TimelineEvent> events, const QString &source,
                   const QString &fallback)
{
    events.erase(std::remove_if(events.begin(), events.end(),
                                [&](const TimelineEvent &e) { return e.source != source; }),
                 events.end());
    if (events.empty())
        return fallback;
    // The HLC orders a process's writes exactly, even within one millisecond.
    const auto last =
        std::max_element(events.begin(), events.end(),
                         [](const auto &a, const auto &b) { return a.stamp.hlc < b.stamp.hlc; });
    static const QRegularExpression arrow(QStringLiteral("→ (\\S+)"));
    return arrow.match(last->text).captured(1);
}

} // namespace

class TestUseCaseCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void killNineLeavesNoHalfUseCase()
    {
        const test::TempDir dir;
        const QString db = dir.file(QStringLiteral("usecases.db"));
        QRandomGenerator rng(20241201);
        SystemClock clock;
        const Profile profile = defaultProfile();
        const int checklistRows =
            int(profile.checklist(ChecklistKind::InitialAssessment).size() +
                profile.checklist(ChecklistKind::RecoveryConfirmation).size() +
                profile.checklist(ChecklistKind::PostIncident).size());
        int incidentsSeen = 0;
        const int rounds = 40;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QStringLiteral(IDESK_USECASE_CHILD), {db, QString::number(rng.generate())});
            QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
            // 5..150 ms into the use cases, counted from the first one that committed, so a slow
            // machine or a sanitizer build still kills mid-work rather than during start-up.
            QVERIFY(child.waitForReadyRead(30000));
            QTest::qSleep(5 + int(rng.bounded(146)));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(5000));
            const QByteArray err = child.readAllStandardError();
            QVERIFY2(!err.contains("error"), err.constData());

            auto service = IncidentService::open(db, profile, clock);
            QSqlQuery integrity(service->store().db());
            QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
            QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
            integrity.finish();

            const auto incidents = service->store().incidents();
            incidentsSeen = int(incidents.size());
            for (const Incident &inc : incidents) {
                const QByteArray where =
                    inc.title.toUtf8() + " in round " + QByteArray::number(round);
                QCOMPARE(int(service->checklist(inc.id).size()), checklistRows);
                EventQuery q;
                q.incidentId = inc.id;
                const auto events = service->events(q);
                QCOMPARE(std::count_if(
                             events.begin(), events.end(),
                             [](const auto &e) { return e.source == QStringLiteral("declare"); }),
                         1);
                QVERIFY2(lastTarget(events, QStringLiteral("status change"),
                                    statusToString(IncidentStatus::Investigating)) ==
                             statusToString(inc.status),
                         where.constData());
                const auto declared = std::find_if(events.begin(), events.end(), [](const auto &e) {
                    return e.source == QStringLiteral("declare");
                });
                static const QRegularExpression declaredSeverity(
                    QStringLiteral("declared: (P\\d)"));
                QVERIFY2(lastTarget(events, QStringLiteral("severity change"),
                                    declaredSeverity.match(declared->text).captured(1)) ==
                             severityToString(inc.severity),
                         where.constData());
                QCOMPARE(inc.acknowledgedAt.isValid(),
                         std::any_of(events.begin(), events.end(), [](const auto &e) {
                             return e.source == QStringLiteral("acknowledge");
                         }));
                const int escalations =
                    int(std::count_if(events.begin(), events.end(), [](const auto &e) {
                        return e.source == QStringLiteral("escalation");
                    }));
                QCOMPARE(inc.escalationLevel > 1, escalations > 0); // declared at L1
            }
        }
        QVERIFY2(incidentsSeen > 3, "the child declared too few incidents to test anything");
    }
};

QTEST_GUILESS_MAIN(TestUseCaseCrash)
#include "test_usecase_crash.moc"
