#include "core/profile.h"
#include "models/diagnostics/playbookstepmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::playbooks;
using DisplayState = PlaybookStepModel::DisplayState;

namespace {

Playbook sample()
{
    Playbook pb;
    pb.id = QStringLiteral("website-down");
    pb.title = QStringLiteral("Website down");
    const auto step = [&](const char *id, PlaybookStep::Kind k, const char *check) {
        PlaybookStep s;
        s.id = QString::fromLatin1(id);
        s.kind = k;
        s.check = QString::fromLatin1(check);
        s.note = QStringLiteral("note for ") + s.id;
        pb.steps.push_back(s);
    };
    step("pods", PlaybookStep::Kind::Check, "pods");
    step("restart", PlaybookStep::Kind::Mitigation, "restart-backend");
    step("status", PlaybookStep::Kind::Manual, "");
    return pb;
}

TimelineEvent record(const QString &step, StepMark mark)
{
    TimelineEvent e;
    e.id = newUuid();
    e.eventId = e.id;
    e.occurredAt = QDateTime(QDate(2024, 1, 15), QTime(14, 31), Qt::UTC);
    e.recordedAt = e.occurredAt;
    e.author = QStringLiteral("jane.roe");
    e.source = stepSource(QStringLiteral("website-down"), step, mark);
    return e;
}

} // namespace

class TestPlaybookStepModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsStatesAndProgress();
};

void TestPlaybookStepModel::rowsStatesAndProgress()
{
    PlaybookStepModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    const Playbook pb = sample();
    model.setPlaybook(pb, {QStringLiteral("Check all pods"), QStringLiteral("Restart backend"),
                           QStringLiteral("Post a status update")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(PlaybookStepModel::ColumnCount));
    QCOMPARE(model.index(0, PlaybookStepModel::Number).data().toInt(), 1);
    QCOMPARE(model.index(1, PlaybookStepModel::Step).data().toString(),
             QStringLiteral("Restart backend"));
    QCOMPARE(model.index(1, PlaybookStepModel::Kind).data().toString(),
             QStringLiteral("Mitigation"));
    QCOMPARE(model.index(2, PlaybookStepModel::Kind).data().toString(), QStringLiteral("Manual"));
    QCOMPARE(model.index(2, 0).data(PlaybookStepModel::StepIdRole).toString(),
             QStringLiteral("status"));
    QCOMPARE(model.index(0, 0).data(PlaybookStepModel::CheckIdRole).toString(),
             QStringLiteral("pods"));
    QCOMPARE(model.index(0, PlaybookStepModel::State).data().toString(), QStringLiteral("Not yet"));
    QCOMPARE(model.progressText(), QStringLiteral("0 of 3 done"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const std::vector<TimelineEvent> events{record(QStringLiteral("pods"), StepMark::Failed),
                                            record(QStringLiteral("status"), StepMark::Ticked)};
    model.setProgress(progress(pb, events));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, PlaybookStepModel::State).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(model.index(0, 0).data(PlaybookStepModel::StateRole).toInt(),
             int(DisplayState::Failed));
    QCOMPARE(model.index(2, PlaybookStepModel::State).data().toString(), QStringLiteral("Done"));
    QVERIFY(model.index(2, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Ticked by jane.roe at 2024-01-15 14:31 UTC")));
    QCOMPARE(model.progressText(), QStringLiteral("1 of 3 done, 1 failed"));

    // Running shows over the recorded state, and only for the step that runs.
    changed.clear();
    model.setRunning(QStringLiteral("pods"), true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(model.displayState(0), DisplayState::Running);
    QCOMPARE(model.index(0, PlaybookStepModel::State).data().toString(),
             QStringLiteral("Running…"));
    model.setRunning(QStringLiteral("pods"), false);
    QCOMPARE(model.displayState(0), DisplayState::Failed);
    model.setRunning(QStringLiteral("no-such-step"), true);

    // Progress for another playbook (another step count) is ignored, not shown on these rows.
    PlaybookProgress other;
    other.steps.resize(5);
    other.done = 5;
    model.setProgress(other);
    QCOMPARE(model.progressText(), QStringLiteral("1 of 3 done, 1 failed"));

    // A new playbook resets the rows and forgets the old states.
    model.setPlaybook(Playbook{}, {});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.progressText(), QStringLiteral("0 of 0 done"));
}

QTEST_GUILESS_MAIN(TestPlaybookStepModel)
#include "test_playbookstepmodel.moc"
