#include "gui/timeline/timelinecommands.h"
#include "models/timeline/timelinemodel.h"
#include "timelinefixture.h"

#include <QTest>
#include <QUndoStack>

using namespace idesk;
using namespace idesk::test;
using namespace Qt::StringLiterals;

// Every step through the undo stack is checked against the store, not only the model: undo and
// redo must write revisions, never remove rows.
class TestTimelineUndo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void addUndoRedo();
    void addManyUndoRedo();
    void editUndoRedo();
    void editUndoRestoresOnlyTouchedFields();
    void deleteUndoRedo();
    void pinUndoRedo();
    void wholeStackBackAndForth();
    void failedCommandIsDropped();

private:
    struct Setup
    {
        TimelineFixture f;
        TimelineModel model{*f.service};
        QUndoStack stack;
        QStringList errors;
        TimelineEditContext ctx()
        {
            TimelineEditContext c;
            c.service = f.service.get();
            c.onError = [this](const QString &m) { errors << m; };
            return c;
        }
        Setup()
        {
            f.declare();
            model.setIncidentId(f.incidentId);
        }
        TimelineEvent current(const QString &eventId)
        {
            const auto e = f.service->store().currentEvent(eventId);
            return e.value_or(TimelineEvent{});
        }
        std::size_t revisions(const QString &eventId)
        {
            return f.service->store().eventHistory(eventId).size();
        }
        int liveCount() { return f.service->store().eventCount(f.incidentId); }
    };
};

void TestTimelineUndo::addUndoRedo()
{
    Setup s;
    auto *add =
        new AddEventCommand(s.ctx(), s.f.incidentId, s.f.event(utcAt(14, 32), u"rolled back"_s));
    s.stack.push(add);
    const QString id = add->eventId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(s.liveCount(), 1);
    QCOMPARE(s.model.rowCount(), 1);
    QCOMPARE(s.current(id).text, u"rolled back"_s);

    s.stack.undo();
    QCOMPARE(s.liveCount(), 0);
    QCOMPARE(s.model.rowCount(), 0);
    QVERIFY(s.current(id).deleted); // a tombstone, not a hard delete
    QCOMPARE(s.revisions(id), std::size_t(2));

    s.stack.redo();
    QCOMPARE(s.liveCount(), 1);
    QCOMPARE(s.model.rowCount(), 1);
    QCOMPARE(s.model.row(0).eventId, id); // the same event comes back, not a copy
    QVERIFY(!s.current(id).deleted);
    QCOMPARE(s.current(id).text, u"rolled back"_s);
    QCOMPARE(s.revisions(id), std::size_t(3));
    QVERIFY(s.errors.isEmpty());
}

void TestTimelineUndo::addManyUndoRedo()
{
    Setup s;
    std::vector<NewEvent> batch{s.f.event(utcAt(14, 30), u"a"_s), s.f.event(utcAt(14, 31), u"b"_s),
                                s.f.event(utcAt(14, 32), u"c"_s)};
    auto *add = new AddEventsCommand(s.ctx(), s.f.incidentId, batch);
    s.stack.push(add);
    QCOMPARE(add->eventIds().size(), 3);
    QCOMPARE(s.liveCount(), 3);
    QCOMPARE(s.model.rowCount(), 3);
    s.stack.undo();
    QCOMPARE(s.liveCount(), 0);
    QCOMPARE(s.model.rowCount(), 0);
    for (const QString &id : add->eventIds())
        QVERIFY(s.current(id).deleted);
    s.stack.redo();
    QCOMPARE(s.liveCount(), 3);
    QCOMPARE(s.model.rowCount(), 3);
    QCOMPARE(s.model.row(2).text, u"c"_s);
}

void TestTimelineUndo::editUndoRedo()
{
    Setup s;
    const auto e = s.f.service->addEvent(s.f.incidentId, s.f.event(utcAt(14, 0), u"before"_s));
    EventChange c;
    c.text = u"after"_s;
    c.occurredAt = utcAt(14, 5);
    s.stack.push(new EditEventCommand(s.ctx(), e.eventId, c));
    QCOMPARE(s.current(e.eventId).text, u"after"_s);
    QCOMPARE(s.current(e.eventId).occurredAt, utcAt(14, 5));
    QCOMPARE(s.model.row(0).text, u"after"_s);

    s.stack.undo();
    QCOMPARE(s.current(e.eventId).text, u"before"_s);
    QCOMPARE(s.current(e.eventId).occurredAt, utcAt(14, 0));
    QCOMPARE(s.model.row(0).text, u"before"_s);
    const auto history = s.f.service->store().eventHistory(e.eventId);
    QCOMPARE(history.size(), std::size_t(3));
    QCOMPARE(history[1].text, u"after"_s); // the undone edit stays on record

    s.stack.redo();
    QCOMPARE(s.current(e.eventId).text, u"after"_s);
    QCOMPARE(s.revisions(e.eventId), std::size_t(4));
}

void TestTimelineUndo::editUndoRestoresOnlyTouchedFields()
{
    Setup s;
    const auto e = s.f.service->addEvent(s.f.incidentId, s.f.event(utcAt(14, 0), u"text"_s));
    EventChange c;
    c.text = u"mine"_s;
    s.stack.push(new EditEventCommand(s.ctx(), e.eventId, c));
    // Someone else changes the kind in between.
    EventChange other;
    other.kind = EventKind::Decision;
    s.f.service->editEvent(e.eventId, other);
    s.stack.undo();
    QCOMPARE(s.current(e.eventId).text, u"text"_s);
    QCOMPARE(s.current(e.eventId).kind, EventKind::Decision);
}

void TestTimelineUndo::deleteUndoRedo()
{
    Setup s;
    const auto a = s.f.service->addEvent(s.f.incidentId, s.f.event(utcAt(14, 0), u"a"_s));
    const auto b = s.f.service->addEvent(s.f.incidentId, s.f.event(utcAt(14, 1), u"b"_s));
    const auto keep = s.f.service->addEvent(s.f.incidentId, s.f.event(utcAt(14, 2), u"keep"_s));
    s.stack.push(new DeleteEventsCommand(s.ctx(), {a.eventId, b.eventId}));
    QCOMPARE(s.liveCount(), 1);
    QCOMPARE(s.model.rowCount(), 1);
    QCOMPARE(s.model.row(0).eventId, keep.eventId);
    QVERIFY(s.current(a.eventId).deleted && s.current(b.eventId).deleted);
    QCOMPARE(s.f.service->store().eventCount(s.f.incidentId, true), 3);

    s.stack.undo();
    QCOMPARE(s.liveCount(), 3);
    QCOMPARE(s.model.rowCount(), 3);
    QCOMPARE(s.model.row(0).text, u"a"_s);
    QVERIFY(!s.current(a.eventId).deleted);

    s.stack.redo();
    QCOMPARE(s.liveCount(), 1);
    QCOMPARE(s.revisions(a.eventId), std::size_t(4));
}

void TestTimelineUndo::pinUndoRedo()
{
    Setup s;
    const auto e = s.f.service->addEvent(s.f.incidentId, s.f.event(utcAt(14, 0), u"key"_s));
    s.stack.push(new PinEventCommand(s.ctx(), e.eventId, true));
    QVERIFY(s.current(e.eventId).pinned);
    QVERIFY(s.model.row(0).pinned);
    QCOMPARE(s.stack.undoText(), u"Pin event"_s);
    s.stack.undo();
    QVERIFY(!s.current(e.eventId).pinned);
    QVERIFY(!s.model.row(0).pinned);
    s.stack.redo();
    QVERIFY(s.current(e.eventId).pinned);
    QCOMPARE(s.current(e.eventId).text, u"key"_s);
}

void TestTimelineUndo::wholeStackBackAndForth()
{
    Setup s;
    auto *add = new AddEventCommand(s.ctx(), s.f.incidentId, s.f.event(utcAt(14, 0), u"one"_s));
    s.stack.push(add);
    const QString id = add->eventId();
    EventChange c;
    c.text = u"two"_s;
    s.stack.push(new EditEventCommand(s.ctx(), id, c));
    s.stack.push(new PinEventCommand(s.ctx(), id, true));
    s.stack.push(new DeleteEventsCommand(s.ctx(), {id}));
    QCOMPARE(s.stack.count(), 4);
    QCOMPARE(s.liveCount(), 0);

    s.stack.setIndex(0);
    QCOMPARE(s.liveCount(), 0);
    QVERIFY(s.current(id).deleted);
    QCOMPARE(s.current(id).text, u"one"_s);
    QVERIFY(!s.current(id).pinned);

    s.stack.setIndex(3);
    QCOMPARE(s.liveCount(), 1);
    QCOMPARE(s.model.rowCount(), 1);
    QCOMPARE(s.current(id).text, u"two"_s);
    QVERIFY(s.current(id).pinned);
    QCOMPARE(s.model.row(0).text, u"two"_s);
    QVERIFY(s.model.row(0).pinned);
    // 4 forward, 4 back, 3 forward: every one a revision.
    QCOMPARE(s.revisions(id), std::size_t(1 + 3 + 4 + 3));
    QVERIFY(s.errors.isEmpty());
}

void TestTimelineUndo::failedCommandIsDropped()
{
    Setup s;
    EventChange c;
    c.text = u"x"_s;
    s.stack.push(new EditEventCommand(s.ctx(), u"no-such-event"_s, c));
    QCOMPARE(s.stack.count(), 0);
    QCOMPARE(s.errors.size(), 1);
}

QTEST_MAIN(TestTimelineUndo)
#include "test_timelineundo.moc"
