#include "models/timeline/timelinefilterproxy.h"
#include "models/timeline/timelinemodel.h"
#include "timelinefixture.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace idesk;
using namespace idesk::test;
using namespace Qt::StringLiterals;

class TestTimelineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void emptyIncident();
    void pagesAndTesters();
    void newEventsInsertInTimeOrder();
    void editsUpdateMoveAndRemoveRows();
    void undescribedChangesApplyInPlace();
    void syncMarksFollowTheOutbox();
    void editsByOtherViewsUpdateInPlace();
    void insertsWhilePagingNeitherDuplicateNorSkip();
    void backgroundLoadMergesChangesMadeMeanwhile();
    void backgroundLoadStopsWithTheIncident();
    void backgroundLoadReadsCurrentLiveRowsOnly();
    void backgroundLoadKeepsTheOrderOfTies();
    void setDataGoesThroughTheService();
    void setDataUsesTheEditHandler();
    void displayAndRoles();
    void proxyFilters();
    void proxySorts();
    void proxySortsEveryColumn();
    void proxyOverAnotherProxy();
    void otherIncidentsAreIgnored();
};

namespace {

bool isChronological(const TimelineModel &m)
{
    for (int r = 1; r < m.rowCount(); ++r) {
        if (m.row(r - 1).occurredMs > m.row(r).occurredMs)
            return false;
    }
    return true;
}

} // namespace

void TestTimelineModel::emptyIncident()
{
    TimelineFixture f;
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.setIncidentId(f.declare());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.isComplete());
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
    model.setIncidentId({});
    QCOMPARE(model.rowCount(), 0);
}

void TestTimelineModel::pagesAndTesters()
{
    TimelineFixture f;
    f.declare();
    f.seed(1200);

    // Paging first, without testers: a tester fetches a page itself after every reset.
    {
        TimelineModel model(*f.service);
        TimelineFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setIncidentId(f.incidentId);
        QCOMPARE(model.rowCount(), TimelineModel::kDefaultPageSize);
        QCOMPARE(model.totalCount(), -1);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(proxy.canFetchMore({}));
        proxy.fetchMore({}); // the view asks the proxy; the proxy asks the model
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(proxy.rowCount(), 1000);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 1200);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.isComplete());
        QCOMPARE(model.totalCount(), 1200);
        QVERIFY(isChronological(model));
        QCOMPARE(model.index(1199, TimelineModel::Text).data().toString(), u"event 01199"_s);
    }

    // The testers are attached after the reset that selects the incident: a tester runs its
    // checks, fetchMore included, from its modelReset slot before it has marked the reset as
    // finished, so a lazy model that can fetch more right after a reset would trip it.
    TimelineModel model(*f.service);
    model.setPageSize(300);
    model.setIncidentId(f.incidentId);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.rowCount() >= 300); // the testers fetch a page themselves
    while (proxy.canFetchMore({}))
        proxy.fetchMore({});
    QCOMPARE(model.rowCount(), 1200);
    QCOMPARE(proxy.rowCount(), 1200);
    QVERIFY(isChronological(model));

    // Filtering and sorting through the proxy under the tester.
    proxy.setTextFilter(u"EVENT 0119"_s);
    QCOMPARE(proxy.rowCount(), 10);
    proxy.sort(TimelineModel::Occurred, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, TimelineModel::Text).data().toString(), u"event 01199"_s);
    proxy.setTextFilter({});
    QCOMPARE(proxy.rowCount(), 1200);

    // Changes under both testers: add, edit, move, delete.
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 30, 30), u"between"_s));
    QCOMPARE(model.rowCount(), 1201);
    EventChange c;
    c.text = u"changed"_s;
    model.editEvent(model.row(5).eventId, c);
    c = {};
    c.occurredAt = utcAt(16, 0, 30);
    model.editEvent(model.row(7).eventId, c);
    c = {};
    c.deleted = true;
    model.editEvent(model.row(6).eventId, c);
    QCOMPARE(model.rowCount(), 1200);
    QCOMPARE(proxy.rowCount(), 1200);
    QVERIFY(isChronological(model));
    model.reload();
    QCOMPARE(model.rowCount(), 1200);
}

void TestTimelineModel::newEventsInsertInTimeOrder()
{
    TimelineFixture f;
    f.declare();
    f.seed(10);
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(f.incidentId);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

    // From "another tab": only the service's signals tell the model.
    const auto added = f.service->addEvent(f.incidentId, f.event(utcAt(14, 3, 30), u"mid"_s));
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(inserts.at(0).at(1).toInt(), 4);
    QCOMPARE(model.row(4).eventId, added.eventId);
    f.service->addEvent(f.incidentId, f.event(utcAt(13, 0), u"first"_s));
    QCOMPARE(model.row(0).text, u"first"_s);
    f.service->addEvent(f.incidentId, f.event(utcAt(16, 0), u"last"_s));
    QCOMPARE(model.row(model.rowCount() - 1).text, u"last"_s);
    f.service->addEvents(f.incidentId,
                         {f.event(utcAt(14, 1, 1), u"b1"_s), f.event(utcAt(14, 8, 1), u"b2"_s)});
    QCOMPARE(model.rowCount(), 15);
    QVERIFY(isChronological(model));
    QTest::qWait(20); // let the coalesced change check run: everything was described
    QCOMPARE(resets.size(), 0);
}

void TestTimelineModel::editsUpdateMoveAndRemoveRows()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(10);
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(f.incidentId);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);

    EventChange text;
    text.text = u"rewritten"_s;
    model.editEvent(seeded[2].eventId, text);
    QCOMPARE(model.row(2).text, u"rewritten"_s);
    QCOMPARE(model.row(2).revision, 2);
    QVERIFY(!changed.isEmpty());

    // Moving row 2 to after row 7 keeps the row (and any selection on it).
    EventChange time;
    time.occurredAt = utcAt(14, 7, 30);
    model.editEvent(seeded[2].eventId, time);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(model.rowOf(seeded[2].eventId), 7);
    QVERIFY(isChronological(model));
    time.occurredAt = utcAt(13, 59);
    model.editEvent(seeded[2].eventId, time);
    QCOMPARE(model.rowOf(seeded[2].eventId), 0);
    QVERIFY(isChronological(model));

    EventChange del;
    del.deleted = true;
    model.editEvent(seeded[5].eventId, del);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.rowOf(seeded[5].eventId), -1);
    EventChange revive;
    revive.deleted = false;
    model.editEvent(seeded[5].eventId, revive);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.rowOf(seeded[5].eventId), 5);

    // A stale revision (already applied) changes nothing.
    const auto current = *f.service->store().currentEvent(seeded[2].eventId);
    auto stale = current;
    stale.revision = 1;
    stale.text = u"stale"_s;
    model.applyRevision(stale);
    QCOMPARE(model.row(0).text, u"rewritten"_s);
    QTest::qWait(20);
    QCOMPARE(resets.size(), 0);
}

void TestTimelineModel::undescribedChangesApplyInPlace()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(5);
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(f.incidentId);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // Changes the service only announces as "events changed" (written past the service, as an
    // import, another program or the sync worker would): the new revisions are read and applied
    // row by row, so the selection and the scroll position stay.
    EventChange c;
    c.text = u"edited elsewhere"_s;
    f.service->store().editEvent(seeded[1].eventId, c);
    f.service->store().addEvent(f.incidentId, f.event(utcAt(14, 2, 30), u"pulled"_s));
    EventChange del;
    del.deleted = true;
    f.service->store().editEvent(seeded[3].eventId, del);
    Q_EMIT f.service->eventsChanged(f.incidentId);
    QTRY_COMPARE(model.row(1).text, u"edited elsewhere"_s);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.row(3).text, u"pulled"_s);
    QCOMPARE(model.rowOf(seeded[3].eventId), -1);
    QVERIFY(isChronological(model));
    // Announced again with nothing new: nothing moves.
    Q_EMIT f.service->eventsChanged(f.incidentId);
    QTest::qWait(20);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 1);
}

// A file that has synced shows, per event, whether it still waits in the outbox; one that
// never synced shows no mark at all.
void TestTimelineModel::syncMarksFollowTheOutbox()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(3);
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(f.incidentId);
    const auto state = [&](int row) {
        return model.index(row, TimelineModel::Synced).data(TimelineModel::SyncStateRole).toInt();
    };
    QCOMPARE(state(0), int(TimelineModel::SyncState::NotSyncing));
    QVERIFY(model.index(0, TimelineModel::Synced).data().isNull());

    // What a sync round leaves: the server known, the first two events pushed.
    QSqlDatabase &db = f.service->store().db();
    QSqlQuery q(db);
    QVERIFY(q.exec(u"INSERT INTO meta(key, value) VALUES('sync_server_id', 'server-1')"_s));
    q.prepare(u"UPDATE outbox SET pushed_at = '2024-01-15T15:00:00Z' WHERE row_id IN (?, ?)"_s);
    q.addBindValue(seeded[0].id);
    q.addBindValue(seeded[1].id);
    QVERIFY(q.exec());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Q_EMIT f.service->eventsChanged(f.incidentId);
    QTRY_COMPARE(state(2), int(TimelineModel::SyncState::LocalOnly));
    QCOMPARE(state(0), int(TimelineModel::SyncState::Synced));
    QCOMPARE(state(1), int(TimelineModel::SyncState::Synced));
    QVERIFY(!changed.isEmpty());
    const QModelIndex local = model.index(2, TimelineModel::Synced);
    const QModelIndex synced = model.index(0, TimelineModel::Synced);
    QCOMPARE(local.data(Qt::AccessibleTextRole).toString(),
             u"Local only: not on the sync server yet"_s);
    QCOMPARE(local.data(Qt::ToolTipRole).toString(), local.data(Qt::AccessibleTextRole).toString());
    QCOMPARE(synced.data(Qt::AccessibleTextRole).toString(), u"Synced"_s);
    // Not colour alone: the two states read differently.
    QVERIFY(!local.data().toString().isEmpty());
    QVERIFY(local.data().toString() != synced.data().toString());

    // A new revision of a pushed event waits again; its push clears it.
    EventChange c;
    c.text = u"edited"_s;
    const TimelineEvent edited = f.service->editEvent(seeded[0].eventId, c);
    QTRY_COMPARE(state(0), int(TimelineModel::SyncState::LocalOnly));
    q.prepare(u"UPDATE outbox SET pushed_at = '2024-01-15T15:01:00Z' WHERE row_id = ?"_s);
    q.addBindValue(edited.id);
    QVERIFY(q.exec());
    Q_EMIT f.service->eventsChanged(f.incidentId);
    QTRY_COMPARE(state(0), int(TimelineModel::SyncState::Synced));
}

void TestTimelineModel::editsByOtherViewsUpdateInPlace()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(5);
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(f.incidentId);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Another tab pins and rewrites an event through the service: the row follows at once,
    // without re-reading the timeline (selection and scroll position stay).
    EventChange c;
    c.text = u"pinned from the post-mortem"_s;
    c.pinned = true;
    f.service->editEvent(seeded[3].eventId, c);
    QCOMPARE(model.row(3).text, u"pinned from the post-mortem"_s);
    QVERIFY(model.row(3).pinned);
    QCOMPARE(model.row(3).revision, 2);
    QVERIFY(!changed.isEmpty());
    EventChange gone;
    gone.deleted = true;
    f.service->editEvent(seeded[0].eventId, gone);
    QCOMPARE(model.rowCount(), 4);
    QTest::qWait(400); // past the settle timer: nothing was left undescribed
    QCOMPARE(resets.size(), 0);
}

void TestTimelineModel::insertsWhilePagingNeitherDuplicateNorSkip()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(25);
    TimelineModel model(*f.service);
    model.setPageSize(10);
    model.setIncidentId(f.incidentId);
    QCOMPARE(model.rowCount(), 10);

    // Before the frontier, a tie with the last loaded row, beyond the frontier, and a delete
    // before the frontier: the store's ordering shifts under the page offset each time.
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 2, 30), u"early"_s));
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 9), u"tie"_s));
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 20, 30), u"beyond"_s));
    EventChange del;
    del.deleted = true;
    model.editEvent(seeded[3].eventId, del);
    // An event not yet loaded moves before the frontier.
    EventChange move;
    move.occurredAt = utcAt(14, 0, 30);
    model.editEvent(seeded[22].eventId, move);

    while (model.canFetchMore({}))
        model.fetchMore({});
    const auto expected = f.service->store().events({f.incidentId, 0, -1, false});
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(model.rowCount(), 25 + 3 - 1);
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.row(r).eventId);
    QCOMPARE(ids.size(), model.rowCount());
    for (const auto &e : expected)
        QVERIFY2(ids.contains(e.eventId), qPrintable(e.text));
    QVERIFY(isChronological(model));
}

void TestTimelineModel::backgroundLoadMergesChangesMadeMeanwhile()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(1700);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);
    QCOMPARE(model.rowCount(), TimelineModel::kDefaultPageSize);
    QCOMPARE(model.totalCount(), -1); // not counted on open: that read costs more than a page
    QSignalSpy done(&model, &TimelineModel::fullyLoaded);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.loadRemainingInBackground();
    QVERIFY(model.isLoadingInBackground());
    QVERIFY(!model.canFetchMore({}));

    // Changes while the worker reads; its batches are merged only when the event loop runs, so
    // all of these happen before any of them, whichever snapshot the worker read.
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 2, 30), u"early, loaded range"_s));
    f.service->addEvent(f.incidentId, f.event(utcAt(18, 0), u"late, not loaded yet"_s));
    EventChange del;
    del.deleted = true;
    model.editEvent(seeded[1500].eventId, del);
    EventChange text;
    text.text = u"edited before it arrived"_s;
    model.editEvent(seeded[1600].eventId, text);
    EventChange move;
    move.occurredAt = utcAt(14, 0, 30);
    model.editEvent(seeded[1650].eventId, move);

    QVERIFY(done.wait(20000));
    QVERIFY(!model.isLoadingInBackground());
    QVERIFY(model.isComplete());
    const auto expected = f.service->store().events({f.incidentId, 0, -1, false});
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(model.rowCount(), 1700 + 2 - 1);
    QCOMPARE(model.totalCount(), model.rowCount());
    QVERIFY(isChronological(model));
    QHash<QString, QString> texts;
    for (int r = 0; r < model.rowCount(); ++r)
        texts.insert(model.row(r).eventId, model.row(r).text);
    QCOMPARE(texts.size(), model.rowCount());
    for (const auto &e : expected)
        QCOMPARE(texts.value(e.eventId), e.text);
    QCOMPARE(model.rowOf(seeded[1650].eventId), 1);
    // Everything was described by signals or re-applied: no full re-read was needed unless the
    // early insert shifted the worker's offsets, and even then only once.
    QVERIFY(resets.size() <= 1);
}

void TestTimelineModel::backgroundLoadStopsWithTheIncident()
{
    TimelineFixture f;
    f.declare();
    f.seed(3000);
    const QString first = f.incidentId;
    const QString second = f.declare();
    f.seed(3);
    TimelineModel model(*f.service);
    model.setIncidentId(first);
    QSignalSpy done(&model, &TimelineModel::fullyLoaded);
    model.loadRemainingInBackground();
    model.setIncidentId(second); // joins the worker; its batches must not land here
    QVERIFY(!model.isLoadingInBackground());
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(done.size(), 0);
    {
        auto doomed = std::make_unique<TimelineModel>(*f.service);
        doomed->setIncidentId(first);
        doomed->loadRemainingInBackground();
    } // destroyed while reading: must neither crash nor leak a running thread
    QTest::qWait(100);
}

void TestTimelineModel::backgroundLoadReadsCurrentLiveRowsOnly()
{
    // Everything changed before the model opens, beyond its first page: the worker's own read
    // must see only this incident's current, not deleted revisions, with every field intact.
    TimelineFixture f;
    const QString other = f.declare();
    f.seed(40, utcAt(14, 30));
    const QString mine = f.declare();
    const auto seeded = f.seed(1300);
    EventChange del;
    del.deleted = true;
    f.service->store().editEvent(seeded[900].eventId, del);
    EventChange edit;
    edit.text = u"second revision"_s;
    edit.author = u"carol"_s;
    edit.pinned = true;
    f.service->store().editEvent(seeded[1000].eventId, edit);
    EventChange move;
    move.occurredAt = utcAt(14, 0, 30, QDate(2024, 1, 14));
    f.service->store().editEvent(seeded[1100].eventId, move);
    NewEvent sourced =
        f.event(utcAt(9, 0, 0, QDate(2024, 1, 17)), u"from a transcript"_s, EventKind::Decision);
    sourced.source = u"transcript"_s;
    f.service->store().addEvent(mine, sourced);

    TimelineModel model(*f.service);
    model.setIncidentId(mine);
    QSignalSpy done(&model, &TimelineModel::fullyLoaded);
    model.loadRemainingInBackground();
    QVERIFY(done.wait(20000));

    const auto expected = f.service->store().events({mine, 0, -1, false});
    QCOMPARE(int(expected.size()), 1300 - 1 + 1);
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(model.totalCount(), model.rowCount());
    for (int r = 0; r < model.rowCount(); ++r) {
        const TimelineRow &row = model.row(r);
        const TimelineEvent &e = expected[std::size_t(r)];
        QCOMPARE(row.eventId, e.eventId);
        QCOMPARE(row.occurredMs, e.occurredAt.toMSecsSinceEpoch());
        QCOMPARE(row.revision, e.revision);
        QCOMPARE(row.kind, e.kind);
        QCOMPARE(row.pinned, e.pinned);
        QCOMPARE(row.author, e.author);
        QCOMPARE(row.text, e.text);
        QCOMPARE(row.source, e.source);
    }
    QCOMPARE(model.rowOf(seeded[900].eventId), -1);
    QCOMPARE(model.row(model.rowOf(seeded[1000].eventId)).text, u"second revision"_s);
    QCOMPARE(model.rowOf(seeded[1100].eventId), 0);
    QCOMPARE(model.row(model.rowCount() - 1).source, u"transcript"_s);
    QVERIFY(other != mine);
}

void TestTimelineModel::backgroundLoadKeepsTheOrderOfTies()
{
    // 1,200 events at 40 times, 30 to a time, so the first page ends inside a tie; edits give
    // early events of a tie rows written late, so the file's order within a tie is not the
    // timeline's (which keeps the order the events were made in).
    TimelineFixture f;
    f.declare();
    std::vector<NewEvent> batch;
    for (int i = 0; i < 1200; ++i) {
        NewEvent e = f.event(utcAt(14, 0).addSecs(60 * (i / 30)), u"event %1"_s.arg(i));
        e.kind = static_cast<EventKind>(i % EventKindCount);
        batch.push_back(e);
    }
    const auto seeded = f.service->store().addEvents(f.incidentId, batch);
    int edited = 0;
    for (int i = 0; i < 1200; i += 7) {
        EventChange edit;
        edit.text = u"event %1 edited"_s.arg(i);
        f.service->store().editEvent(seeded[std::size_t(i)].eventId, edit);
        ++edited;
    }

    TimelineModel model(*f.service);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setIncidentId(f.incidentId);
    QCOMPARE(model.rowCount(), TimelineModel::kDefaultPageSize);
    QSignalSpy done(&model, &TimelineModel::fullyLoaded);
    model.loadRemainingInBackground();
    QVERIFY(done.wait(20000));

    const auto expected = f.service->store().events({f.incidentId, 0, -1, false});
    QCOMPARE(int(expected.size()), 1200);
    QCOMPARE(model.rowCount(), 1200);
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.row(r).eventId, expected[std::size_t(r)].eventId);
        QCOMPARE(model.row(r).text, expected[std::size_t(r)].text);
        QCOMPARE(model.rowOf(expected[std::size_t(r)].eventId), r);
    }
    // The proxy has every row, in the same order, and its filter sees them all.
    QCOMPARE(proxy.rowCount(), 1200);
    QCOMPARE(proxy.index(1199, 0).data(TimelineModel::EventIdRole).toString(),
             expected.back().eventId);
    proxy.setTextFilter(u"EDITED"_s);
    QCOMPARE(proxy.rowCount(), edited);
    proxy.setTextFilter({});
    QCOMPARE(proxy.rowCount(), 1200);

    // Written by another program after the load: it still finds its place.
    f.service->store().addEvent(f.incidentId, f.event(utcAt(14, 17), u"from elsewhere"_s));
    Q_EMIT f.service->eventsChanged(f.incidentId);
    QTRY_COMPARE(model.rowCount(), 1201);
    const auto after = f.service->store().events({f.incidentId, 0, -1, false});
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.row(r).eventId, after[std::size_t(r)].eventId);
}

void TestTimelineModel::setDataGoesThroughTheService()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(3);
    TimelineModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(f.incidentId);

    QVERIFY(model.setData(model.index(1, TimelineModel::Text), u"  new words "_s));
    QVERIFY(model.setData(model.index(1, TimelineModel::Kind), u"decision"_s));
    QVERIFY(model.setData(model.index(1, TimelineModel::Author), u"carol"_s));
    QVERIFY(model.setData(model.index(1, TimelineModel::Pinned), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(1, TimelineModel::Occurred), u"2024-01-15 14:05:00"_s));
    const auto stored = *f.service->store().currentEvent(seeded[1].eventId);
    QCOMPARE(stored.text, u"new words"_s);
    QCOMPARE(stored.kind, EventKind::Decision);
    QCOMPARE(stored.author, u"carol"_s);
    QVERIFY(stored.pinned);
    QCOMPARE(stored.occurredAt, utcAt(14, 5));
    QCOMPARE(stored.revision, 6);
    QCOMPARE(model.rowOf(seeded[1].eventId), 2);

    // No-ops and nonsense write nothing.
    const int row = model.rowOf(seeded[1].eventId);
    QVERIFY(!model.setData(model.index(row, TimelineModel::Text), u"new words"_s));
    QVERIFY(!model.setData(model.index(row, TimelineModel::Text), u"   "_s));
    QVERIFY(!model.setData(model.index(row, TimelineModel::Kind), u"banana"_s));
    QVERIFY(!model.setData(model.index(row, TimelineModel::Occurred), u"yesterday"_s));
    QVERIFY(!model.setData(model.index(row, TimelineModel::Source), u"x"_s));
    QCOMPARE(f.service->store().eventHistory(seeded[1].eventId).size(), std::size_t(6));
}

void TestTimelineModel::setDataUsesTheEditHandler()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(2);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);
    QString seenId;
    EventChange seen;
    model.setEditHandler([&](const QString &id, const EventChange &c) {
        seenId = id;
        seen = c;
        return false;
    });
    QVERIFY(!model.setData(model.index(0, TimelineModel::Text), u"via handler"_s));
    QCOMPARE(seenId, seeded[0].eventId);
    QCOMPARE(seen.text.value_or(QString()), u"via handler"_s);
    QVERIFY(!seen.kind && !seen.pinned && !seen.deleted);
    QCOMPARE(f.service->store().eventHistory(seeded[0].eventId).size(), std::size_t(1));
}

void TestTimelineModel::displayAndRoles()
{
    TimelineFixture f;
    f.declare();
    NewEvent e = f.event(utcAt(14, 32, 7), u"line one\nline two"_s, EventKind::Communication);
    e.pinned = true;
    e.source = u"message"_s;
    f.service->store().addEvent(f.incidentId, e);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);

    const auto at = [&](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(at(TimelineModel::Occurred).toString(), u"14:32:07"_s);
    QVERIFY(!model.spansDays());
    const QString tip = at(TimelineModel::Occurred, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"2024-01-15 14:32:07 UTC"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"local"_s), qPrintable(tip));
    QCOMPARE(at(TimelineModel::Occurred, TimelineModel::OccurredAtRole).toDateTime(),
             utcAt(14, 32, 7));
    QCOMPARE(at(TimelineModel::Kind).toString(), u"communication"_s);
    QCOMPARE(at(TimelineModel::Text).toString(), u"line one \u23CE line two"_s);
    QCOMPARE(at(TimelineModel::Text, Qt::EditRole).toString(), u"line one\nline two"_s);
    QCOMPARE(at(TimelineModel::Source).toString(), u"message"_s);
    QCOMPARE(at(TimelineModel::Pinned, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.flags(model.index(0, TimelineModel::Pinned)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, TimelineModel::Source)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, TimelineModel::Text)) & Qt::ItemIsEditable);

    // An event on the next day makes the time column show dates.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    f.service->addEvent(f.incidentId,
                        f.event(utcAt(0, 10, 0, QDate(2024, 1, 16)), u"after midnight"_s));
    QVERIFY(model.spansDays());
    QCOMPARE(at(TimelineModel::Occurred).toString(), u"2024-01-15 14:32:07"_s);
    QVERIFY(!changed.isEmpty());
}

void TestTimelineModel::proxyFilters()
{
    TimelineFixture f;
    f.declare();
    f.seed(63); // kinds cycle over 9, bob every 7th: 9 bob rows
    auto pinned = f.event(utcAt(16, 0), u"Rolled BACK to v2.3.1"_s, EventKind::Action);
    pinned.pinned = true;
    pinned.author = u"Carol"_s;
    f.service->store().addEvent(f.incidentId, pinned);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.rowCount(), 64);
    QVERIFY(!proxy.isFiltering());

    proxy.setAuthorFilter(u"BOB"_s);
    QCOMPARE(proxy.rowCount(), 9);
    proxy.setAuthorFilter({});
    proxy.setTextFilter(u"rolled back"_s);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setTextFilter(u"event 0001"_s); // event 00010..00019
    QCOMPARE(proxy.rowCount(), 10);
    proxy.setTextFilter({});
    proxy.setKindMask(1u << int(EventKind::Alert));
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setKindVisible(EventKind::Action, true);
    QCOMPARE(proxy.rowCount(), 7 + 7 + 1);
    proxy.setPinnedOnly(true);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, TimelineModel::Author).data().toString(), u"Carol"_s);
    QVERIFY(proxy.isFiltering());
    proxy.setPinnedOnly(false);
    proxy.setKindMask(0);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setKindMask(TimelineFilterProxy::kAllKinds);
    QCOMPARE(proxy.rowCount(), 64);

    // New rows are filtered as they arrive.
    proxy.setTextFilter(u"incoming"_s);
    QCOMPARE(proxy.rowCount(), 0);
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 30, 1), u"INCOMING page"_s));
    QCOMPARE(proxy.rowCount(), 1);
}

void TestTimelineModel::proxySorts()
{
    TimelineFixture f;
    f.declare();
    f.seed(20);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    // Unsorted: the model's chronological order.
    QCOMPARE(proxy.index(0, TimelineModel::Text).data().toString(), u"event 00000"_s);
    proxy.sort(TimelineModel::Occurred, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, TimelineModel::Text).data().toString(), u"event 00019"_s);
    proxy.sort(TimelineModel::Kind, Qt::AscendingOrder);
    // "action" sorts first; within a kind, chronological.
    QCOMPARE(proxy.index(0, TimelineModel::Kind).data().toString(), u"action"_s);
    QCOMPARE(proxy.index(0, TimelineModel::Text).data().toString(), u"event 00002"_s);
    QCOMPARE(proxy.index(1, TimelineModel::Text).data().toString(),
             u"event %1"_s.arg(2 + EventKindCount, 5, 10, QLatin1Char('0')));
    proxy.sort(-1);
    QCOMPARE(proxy.index(19, TimelineModel::Text).data().toString(), u"event 00019"_s);
}

// Each column sorts by its own value, ties fall back to time: what a commander expects from a
// header click, whichever column.
void TestTimelineModel::proxySortsEveryColumn()
{
    TimelineFixture f;
    f.declare();
    f.seed(14); // bob writes events 0 and 7
    auto late = f.event(utcAt(13, 0), u"a pinned early note"_s);
    late.pinned = true;
    late.author = u"Carol"_s;
    f.service->store().addEvent(f.incidentId, late);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto text = [&](int row) {
        return proxy.index(row, TimelineModel::Text).data().toString();
    };

    proxy.sort(TimelineModel::Author, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, TimelineModel::Author).data().toString(), u"alice"_s);
    QCOMPARE(text(0), u"event 00001"_s); // alice's first, by time
    QCOMPARE(proxy.index(12, TimelineModel::Author).data().toString(), u"bob"_s);
    QCOMPARE(text(12), u"event 00000"_s);
    QCOMPARE(text(13), u"event 00007"_s);
    QCOMPARE(proxy.index(14, TimelineModel::Author).data().toString(), u"Carol"_s); // no case

    proxy.sort(TimelineModel::Text, Qt::DescendingOrder);
    QCOMPARE(text(0), u"event 00013"_s);
    QCOMPARE(text(14), u"a pinned early note"_s);

    proxy.sort(TimelineModel::Pinned, Qt::DescendingOrder);
    QCOMPARE(text(0), u"a pinned early note"_s);
    proxy.sort(TimelineModel::Pinned, Qt::AscendingOrder);
    QCOMPARE(text(0), u"event 00000"_s); // unpinned, then by time
    QCOMPARE(text(14), u"a pinned early note"_s);

    // Every row has the same source: the order is the chronological one.
    proxy.sort(TimelineModel::Source, Qt::AscendingOrder);
    QCOMPARE(text(0), u"a pinned early note"_s);
    QCOMPARE(text(1), u"event 00000"_s);
    QCOMPARE(text(14), u"event 00013"_s);
}

// Over any other model (here a proxy in between) the filter reads the same columns and roles
// through data(), and sorting is the generic one: the same rows pass.
void TestTimelineModel::proxyOverAnotherProxy()
{
    TimelineFixture f;
    f.declare();
    f.seed(63);
    auto pinned = f.event(utcAt(16, 0), u"Rolled BACK to v2.3.1"_s, EventKind::Action);
    pinned.pinned = true;
    f.service->store().addEvent(f.incidentId, pinned);
    TimelineModel model(*f.service);
    model.setIncidentId(f.incidentId);
    QIdentityProxyModel between;
    between.setSourceModel(&model);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&between);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.rowCount(), 64);
    proxy.setAuthorFilter(u"BOB"_s);
    QCOMPARE(proxy.rowCount(), 9);
    proxy.setAuthorFilter({});
    proxy.setTextFilter(u"rolled back"_s);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setTextFilter({});
    proxy.setKindMask(1u << int(EventKind::Alert));
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setKindMask(TimelineFilterProxy::kAllKinds);
    proxy.setPinnedOnly(true);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setPinnedOnly(false);
    // Without case: "Rolled" after "event".
    proxy.sort(TimelineModel::Text, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, TimelineModel::Text).data().toString(), u"Rolled BACK to v2.3.1"_s);
    QCOMPARE(proxy.index(1, TimelineModel::Text).data().toString(), u"event 00062"_s);
}

void TestTimelineModel::otherIncidentsAreIgnored()
{
    TimelineFixture f;
    f.declare();
    f.seed(3);
    const QString mine = f.incidentId;
    TimelineModel model(*f.service);
    model.setIncidentId(mine);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QString other = f.declare();
    f.service->addEvent(other, f.event(utcAt(14, 1), u"elsewhere"_s));
    QTest::qWait(20);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(resets.size(), 0);
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "test_timelinemodel.moc"
