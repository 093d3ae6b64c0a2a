#include "models/postmortem/actionitemmodel.h"
#include "models/postmortem/actionitemsortproxy.h"
#include "models/postmortem/keyeventmodel.h"
#include "pmfixtures.h"
#include "pmservicefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::pmtest;
using namespace Qt::StringLiterals;

namespace {

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

} // namespace

class TestActionItemModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void followsTheService();
    void editsGoThroughTheService();
    void rejectsBadEdits();
    void overdueIsHighlighted();
    void editorsStartFromTheValuesAndTooltipsSayWhatIsMissing();
    void proxySortsAndFilters();
    void keyEventsDefaultToPinned();
    void keyEventsAreAllWhileNonePinned();
};

void TestActionItemModel::followsTheService()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    ActionItemModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ActionItemModel::ColumnCount));
    model.setIncidentId(inc.id);
    QCOMPARE(model.rowCount(), 0);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    f.service->addActionItem(inc.id, u"Add pool monitoring"_s, u"devops"_s, QDate(2024, 1, 20));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0); // appended in place: the view keeps its selection

    f.clock.advanceSecs(60); // the store lists items in creation order
    const int row = model.addItem(u"Leak detection"_s, u"backend"_s, QDate(2024, 1, 25));
    QCOMPARE(row, 1);
    QCOMPARE(model.index(1, ActionItemModel::Description).data().toString(), u"Leak detection"_s);
    QCOMPARE(model.index(1, ActionItemModel::Due).data().toString(), u"2024-01-25"_s);
    QCOMPARE(model.index(1, ActionItemModel::Status).data().toString(), u"Open"_s);

    // another incident's items do not show up here
    NewIncident other;
    other.title = u"Other"_s;
    const Incident o = f.service->declare(other);
    f.service->addActionItem(o.id, u"Elsewhere"_s, u"x"_s, QDate(2024, 2, 1));
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(model.removeItem(0));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(f.store().actionItems(inc.id).size(), std::size_t(1)); // tombstoned, not listed

    model.setIncidentId({});
    QCOMPARE(model.rowCount(), 0);
}

void TestActionItemModel::editsGoThroughTheService()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"Add pool monitoring"_s, u"devops"_s, QDate(2024, 1, 20));
    ActionItemModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(inc.id);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(model.index(0, ActionItemModel::Owner), u"  sre  "_s));
    QVERIFY(model.setData(model.index(0, ActionItemModel::Due), QDate(2024, 1, 22)));
    QVERIFY(model.setData(model.index(0, ActionItemModel::Status), int(ActionStatus::InProgress)));
    QVERIFY(model.setData(model.index(0, ActionItemModel::Description), u"Monitor the pool"_s));
    QVERIFY(changed.count() >= 4);

    const ActionItem stored = f.store().actionItems(inc.id).front();
    QCOMPARE(stored.owner, u"sre"_s);
    QCOMPARE(stored.due, QDate(2024, 1, 22));
    QCOMPARE(stored.status, ActionStatus::InProgress);
    QCOMPARE(stored.description, u"Monitor the pool"_s);

    QVERIFY(model.setData(model.index(0, ActionItemModel::Status), u"done"_s));
    QVERIFY(model.setData(model.index(0, ActionItemModel::Due), u""_s)); // clears
    QCOMPARE(f.store().actionItems(inc.id).front().status, ActionStatus::Done);
    QVERIFY(!f.store().actionItems(inc.id).front().due.isValid());
    QCOMPARE(model.index(0, ActionItemModel::Due).data().toString(), u"not set"_s);
}

void TestActionItemModel::rejectsBadEdits()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"Keep me"_s, u"devops"_s, QDate(2024, 1, 20));
    ActionItemModel model(*f.service);
    model.setIncidentId(inc.id);
    QVERIFY(!model.setData(model.index(0, ActionItemModel::Description), u"   "_s));
    QVERIFY(!model.setData(model.index(0, ActionItemModel::Due), u"20/01/2024"_s));
    QVERIFY(!model.setData(model.index(0, ActionItemModel::Status), u"finished"_s));
    QVERIFY(!model.setData(model.index(0, ActionItemModel::Status), 7));
    QVERIFY(!model.setData(model.index(0, ActionItemModel::Owner), u"x"_s, Qt::DisplayRole));
    const ActionItem stored = f.store().actionItems(inc.id).front();
    QCOMPARE(stored.description, u"Keep me"_s);
    QCOMPARE(stored.due, QDate(2024, 1, 20));
    QCOMPARE(stored.status, ActionStatus::Open);
}

void TestActionItemModel::overdueIsHighlighted()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"due soon"_s, u"a"_s, QDate(2024, 1, 20));
    f.clock.advanceSecs(60); // the store lists items in creation order
    f.service->addActionItem(inc.id, u"no date"_s, u"b"_s, QDate());
    ActionItemModel model(*f.service);
    model.setIncidentId(inc.id);

    f.clock.set(utc(2024, 1, 20, 23, 59)); // due today is not overdue yet
    QVERIFY(!model.index(0, 0).data(ActionItemModel::OverdueRole).toBool());

    f.clock.set(utc(2024, 1, 21, 0, 0));
    for (int c = 0; c < ActionItemModel::ColumnCount; ++c) {
        QVERIFY(model.index(0, c).data(ActionItemModel::OverdueRole).toBool());
    }
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"2024-01-20"_s));
    QVERIFY(!model.index(1, 0).data(ActionItemModel::OverdueRole).toBool()); // undated

    QVERIFY(model.setData(model.index(0, ActionItemModel::Status), int(ActionStatus::Done)));
    QVERIFY(!model.index(0, 0).data(ActionItemModel::OverdueRole).toBool()); // done is never late
}

void TestActionItemModel::editorsStartFromTheValuesAndTooltipsSayWhatIsMissing()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"Add pool monitoring"_s, u"devops"_s, QDate(2024, 1, 20));
    f.clock.advanceSecs(60);
    f.service->addActionItem(inc.id, u"Write the runbook page"_s, u" "_s, QDate());
    ActionItemModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(inc.id);
    QCOMPARE(model.rowCount(), 2);

    // The editors open on what the row holds.
    QCOMPARE(model.index(0, ActionItemModel::Description).data(Qt::EditRole).toString(),
             u"Add pool monitoring"_s);
    QCOMPARE(model.index(0, ActionItemModel::Owner).data(Qt::EditRole).toString(), u"devops"_s);
    QCOMPARE(model.index(0, ActionItemModel::Due).data(Qt::EditRole).toDate(), QDate(2024, 1, 20));
    QCOMPARE(model.index(0, ActionItemModel::Status).data(Qt::EditRole).toInt(),
             int(ActionStatus::Open));
    // Without a due date the date editor starts a week from today (the clock's), not in 1970.
    QCOMPARE(model.index(1, ActionItemModel::Due).data(Qt::EditRole).toDate(),
             f.clock.now().toUTC().date().addDays(7));
    QCOMPARE(model.index(1, ActionItemModel::Due).data().toString(), u"not set"_s);

    // What a post-mortem still lacks is said where it is missing.
    QCOMPARE(model.index(1, ActionItemModel::Owner).data(Qt::ToolTipRole).toString(),
             u"Every action item needs an owner"_s);
    QCOMPARE(model.index(1, ActionItemModel::Due).data(Qt::ToolTipRole).toString(),
             u"Every action item needs a due date"_s);
    QVERIFY(!model.index(1, ActionItemModel::Description).data(Qt::ToolTipRole).isValid());
    QVERIFY(!model.index(0, ActionItemModel::Owner).data(Qt::ToolTipRole).isValid());

    QCOMPARE(ActionItemModel::statusLabel(ActionStatus::InProgress), u"In progress"_s);
    QCOMPARE(ActionItemModel::statusLabel(ActionStatus::Done), u"Done"_s);
    QVERIFY(model.setData(model.index(0, ActionItemModel::Status), int(ActionStatus::InProgress)));
    QCOMPARE(model.index(0, ActionItemModel::Status).data().toString(), u"In progress"_s);
    QVERIFY(!model.index(5, 0).data().isValid());
}

void TestActionItemModel::proxySortsAndFilters()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"bravo"_s, u"Zed"_s, QDate(2024, 1, 30));
    f.clock.advanceSecs(60); // the store lists items in creation order
    f.service->addActionItem(inc.id, u"Alpha"_s, u"amy"_s, QDate());
    f.clock.advanceSecs(60);
    f.service->addActionItem(inc.id, u"charlie"_s, u"bob"_s, QDate(2024, 1, 18));
    ActionItemModel model(*f.service);
    model.setIncidentId(inc.id);
    ActionItemSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    proxy.sort(ActionItemModel::Due, Qt::AscendingOrder);
    QCOMPARE(column(proxy, ActionItemModel::Description),
             (QStringList{u"charlie"_s, u"bravo"_s, u"Alpha"_s})); // undated last
    proxy.sort(ActionItemModel::Description, Qt::AscendingOrder);
    QCOMPARE(column(proxy, ActionItemModel::Description),
             (QStringList{u"Alpha"_s, u"bravo"_s, u"charlie"_s})); // case-insensitive
    proxy.sort(ActionItemModel::Owner, Qt::DescendingOrder);
    QCOMPARE(column(proxy, ActionItemModel::Owner), (QStringList{u"Zed"_s, u"bob"_s, u"amy"_s}));

    QVERIFY(model.setData(model.index(0, ActionItemModel::Status), int(ActionStatus::Done)));
    proxy.sort(ActionItemModel::Status, Qt::AscendingOrder);
    QCOMPARE(column(proxy, ActionItemModel::Status).last(), u"Done"_s);
    proxy.setShowDone(false);
    QCOMPARE(proxy.rowCount(), 2);
    QVERIFY(!column(proxy, ActionItemModel::Description).contains(u"bravo"_s));
    proxy.setShowDone(true);
    QCOMPARE(proxy.rowCount(), 3);

    // a new item sorts into place while sorted (dynamic sort)
    proxy.sort(ActionItemModel::Due, Qt::AscendingOrder);
    f.service->addActionItem(inc.id, u"delta"_s, u"x"_s, QDate(2024, 1, 1));
    QCOMPARE(proxy.index(0, ActionItemModel::Description).data().toString(), u"delta"_s);
}

void TestActionItemModel::keyEventsDefaultToPinned()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    KeyEventModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(inc.id);
    QVERIFY(model.rowCount() >= 4);
    QVERIFY(!model.selection().has_value());

    int pinned = 0;
    int notPinnedRow = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r);
        const bool isPinned = i.data(KeyEventModel::PinnedRole).toBool();
        QCOMPARE(i.data(Qt::CheckStateRole).toInt() == Qt::Checked, isPinned);
        QVERIFY(i.flags() & Qt::ItemIsUserCheckable);
        pinned += isPinned ? 1 : 0;
        if (!isPinned && i.data().toString().contains(u"Checked dashboards"_s))
            notPinnedRow = r;
    }
    QCOMPARE(pinned, 3);
    QVERIFY(notPinnedRow >= 0);
    QVERIFY(model.index(notPinnedRow).data().toString().startsWith(u"2024-01-15 14:38 UTC"_s));

    QSignalSpy changed(&model, &KeyEventModel::selectionChanged);
    QVERIFY(model.setData(model.index(notPinnedRow), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    const std::optional<QStringList> sel = model.selection();
    QVERIFY(sel.has_value());
    QCOMPARE(sel->size(), 4); // the pinned three plus the one just ticked
    QVERIFY(sel->contains(model.index(notPinnedRow).data(KeyEventModel::EventIdRole).toString()));

    // pinning another event later no longer changes an explicit selection
    EventChange pin;
    pin.pinned = true;
    f.service->editEvent(model.index(0).data(KeyEventModel::EventIdRole).toString(), pin);
    QCOMPARE(model.selection()->size(), 4);

    model.setSelection(std::nullopt);
    QVERIFY(!model.selection().has_value());
    QCOMPARE(changed.count(), 2);
}

void TestActionItemModel::keyEventsAreAllWhileNonePinned()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    KeyEventModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(inc.id);
    EventChange unpin;
    unpin.pinned = false;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r).data(KeyEventModel::PinnedRole).toBool())
            f.service->editEvent(model.index(r).data(KeyEventModel::EventIdRole).toString(), unpin);
    QVERIFY(model.rowCount() >= 4);
    // As the export does: with nothing pinned every event is a key event.
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!model.selection().has_value());
    // Unticking one turns the default into an explicit list of all the others.
    QVERIFY(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.selection()->size(), model.rowCount() - 1);
}

QTEST_GUILESS_MAIN(TestActionItemModel)
#include "test_actionitemmodel.moc"
