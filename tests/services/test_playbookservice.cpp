#include "services/diagnostics/playbookservice.h"
#include "testsupport/servicefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::test;
using playbooks::StepState;

class TestPlaybookService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void stepsLandOnTheTimelineAndSurviveReopening();
    void untickIsATombstoneAndAnEarlierOutcomeShowsAgain();
    void deletingTheRecordOnTheTimelineUndoesTheStep();
    void profilePlaybooksReplaceBuiltins();
};

namespace {

std::size_t indexOf(const Playbook &pb, const char *stepId)
{
    const PlaybookStep *s = pb.step(QString::fromLatin1(stepId));
    if (!s)
        qFatal("no step %s", stepId);
    return static_cast<std::size_t>(s - pb.steps.data());
}

} // namespace

void TestPlaybookService::stepsLandOnTheTimelineAndSurviveReopening()
{
    ServiceFixture f;
    f.service->setActor(QStringLiteral("jane.roe"));
    const QString id = f.service->declare({QStringLiteral("Site down"), Severity::P0, {}, {}}).id;
    const int before = f.service->eventCount(id);
    const int outboxBefore = f.service->store().pendingOutbox();
    {
        PlaybookService svc(*f.service);
        QSignalSpy changed(&svc, &PlaybookService::progressChanged);
        const Playbook pb = *svc.playbook(QStringLiteral("website-down"));
        const TimelineEvent run =
            svc.recordRun(id, pb, QStringLiteral("pods"), false, QStringLiteral("2 pods pending"));
        QCOMPARE(run.source, QStringLiteral("playbook:website-down:pods:failed"));
        QCOMPARE(run.kind, EventKind::Diagnostic);
        QCOMPARE(run.author, QStringLiteral("jane.roe"));
        QVERIFY2(run.text.startsWith(QStringLiteral(
                     "Playbook Website down, step 5 of 14: Check all pods — failed")),
                 qPrintable(run.text));
        QVERIFY(run.text.contains(u"2 pods pending"));
        QVERIFY(svc.toggleTick(id, pb, QStringLiteral("status-update")));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(f.service->eventCount(id), before + 2);
        // Each record is an ordinary synced event: it queued for the server like any other.
        QVERIFY(f.service->store().pendingOutbox() >= outboxBefore + 2);
    }
    f.reopen();
    PlaybookService svc(*f.service);
    const Playbook pb = *svc.playbook(QStringLiteral("website-down"));
    const auto p = svc.progress(id, pb);
    QCOMPARE(p.done, 1);
    QCOMPARE(p.failed, 1);
    QCOMPARE(p.steps[indexOf(pb, "pods")].state, StepState::Failed);
    QCOMPARE(p.steps[indexOf(pb, "status-update")].state, StepState::Done);
    QVERIFY(p.steps[indexOf(pb, "status-update")].ticked);
    // Another playbook on the same incident keeps its own progress.
    QCOMPARE(svc.progress(id, *svc.playbook(QStringLiteral("payment-issues"))).done, 0);
}

void TestPlaybookService::untickIsATombstoneAndAnEarlierOutcomeShowsAgain()
{
    ServiceFixture f;
    const QString id = f.service->declare({QStringLiteral("Slow"), Severity::P2, {}, {}}).id;
    PlaybookService svc(*f.service);
    const Playbook pb = *svc.playbook(QStringLiteral("database-performance"));
    const std::size_t locks = indexOf(pb, "locks");
    svc.recordRun(id, pb, QStringLiteral("locks"), false);
    f.clock.advanceSecs(60);
    // A person looked and ticks it done by hand; taking the tick back leaves the failure.
    QVERIFY(svc.toggleTick(id, pb, QStringLiteral("locks")));
    auto p = svc.progress(id, pb);
    QCOMPARE(p.steps[locks].state, StepState::Done);
    const QString tickEvent = p.steps[locks].eventId;
    f.clock.advanceSecs(60);
    QVERIFY(!svc.toggleTick(id, pb, QStringLiteral("locks")));
    p = svc.progress(id, pb);
    QCOMPARE(p.steps[locks].state, StepState::Failed);
    // The tick's history is kept: two revisions, the last one deleted.
    const auto history = f.service->eventHistory(tickEvent);
    QCOMPARE(history.size(), std::size_t(2));
    QVERIFY(history.back().deleted);
    // A check's own record is never taken back by Space: a new tick goes on top of it.
    svc.recordRun(id, pb, QStringLiteral("slow-queries"), true);
    f.clock.advanceSecs(60);
    QVERIFY(svc.toggleTick(id, pb, QStringLiteral("slow-queries")));
    const std::size_t slow = indexOf(pb, "slow-queries");
    QVERIFY(svc.progress(id, pb).steps[slow].ticked);
    f.clock.advanceSecs(60);
    QVERIFY(!svc.toggleTick(id, pb, QStringLiteral("slow-queries")));
    p = svc.progress(id, pb);
    QCOMPARE(p.steps[slow].state, StepState::Done); // the check's pass shows again
    QVERIFY(!p.steps[slow].ticked);
    QCOMPARE(p.done, 1);
}

void TestPlaybookService::deletingTheRecordOnTheTimelineUndoesTheStep()
{
    ServiceFixture f;
    const QString id = f.service->declare({QStringLiteral("Errors"), Severity::P1, {}, {}}).id;
    PlaybookService svc(*f.service);
    const Playbook pb = *svc.playbook(QStringLiteral("high-error-rate"));
    const TimelineEvent e = svc.recordRun(id, pb, QStringLiteral("error-rate"), true);
    QCOMPARE(svc.progress(id, pb).done, 1);
    QSignalSpy changed(&svc, &PlaybookService::progressChanged);
    EventChange del;
    del.deleted = true;
    f.service->editEvent(e.eventId, del);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(svc.progress(id, pb).done, 0);
}

void TestPlaybookService::profilePlaybooksReplaceBuiltins()
{
    Profile p = defaultProfile();
    Playbook own;
    own.id = QStringLiteral("website-down");
    own.title = QStringLiteral("Site outage (ours)");
    own.match.keywords = QStringList{QStringLiteral("outage")};
    PlaybookStep s;
    s.id = QStringLiteral("call");
    s.title = QStringLiteral("Call the hosting company");
    own.steps.push_back(s);
    p.playbooks = {own};
    ServiceFixture f(p);
    PlaybookService svc(*f.service);
    const auto all = svc.playbooks();
    QCOMPARE(all.size(), std::size_t(4));
    QCOMPARE(all.front().title, QStringLiteral("Site outage (ours)"));
    Incident in;
    in.title = QStringLiteral("Total outage");
    QCOMPARE(svc.suggestion(in)->playbookId, QStringLiteral("website-down"));
}

QTEST_GUILESS_MAIN(TestPlaybookService)
#include "test_playbookservice.moc"
