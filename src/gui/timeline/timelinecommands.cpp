#include "gui/timeline/timelinecommands.h"

#include "services/incidentservice.h"

#include <QCoreApplication>

namespace idesk {

namespace {

QString excerpt(const QString &text)
{
    const QString oneLine = text.simplified();
    return oneLine.size() <= 40 ? oneLine : oneLine.left(39) + QChar(0x2026);
}

} // namespace

TimelineCommand::TimelineCommand(TimelineEditContext context, QUndoCommand *parent)
    : QUndoCommand(parent), m_context(std::move(context))
{}

void TimelineCommand::fail(const Error &error)
{
    m_failed = true;
    setObsolete(true);
    if (m_context.onError)
        m_context.onError(error.text());
}

bool TimelineCommand::revise(const QString &eventId, const EventChange &change)
{
    return attempt([&] { m_context.service->editEvent(eventId, change); });
}

bool TimelineCommand::reviseAll(const QStringList &eventIds, const EventChange &change)
{
    return attempt([&] {
        m_context.service->editEvents(std::vector<QString>(eventIds.cbegin(), eventIds.cend()),
                                      change);
    });
}

AddEventCommand::AddEventCommand(TimelineEditContext context, QString incidentId, NewEvent event)
    : TimelineCommand(std::move(context)), m_incidentId(std::move(incidentId)),
      m_event(std::move(event))
{
    setText(QCoreApplication::translate("idesk::TimelineCommand", "Add “%1”")
                .arg(excerpt(m_event.text)));
}

void AddEventCommand::redo()
{
    if (!m_eventId.isEmpty()) {
        EventChange revive;
        revive.deleted = false;
        revise(m_eventId, revive);
        return;
    }
    attempt([&] { m_eventId = m_context.service->addEvent(m_incidentId, m_event).eventId; });
}

void AddEventCommand::undo()
{
    EventChange tombstone;
    tombstone.deleted = true;
    revise(m_eventId, tombstone);
}

AddEventsCommand::AddEventsCommand(TimelineEditContext context, QString incidentId,
                                   std::vector<NewEvent> events)
    : TimelineCommand(std::move(context)), m_incidentId(std::move(incidentId)),
      m_events(std::move(events))
{
    setText(QCoreApplication::translate("idesk::TimelineCommand", "Add %n event(s)", nullptr,
                                        int(m_events.size())));
}

void AddEventsCommand::redo()
{
    if (!m_eventIds.isEmpty()) {
        EventChange revive;
        revive.deleted = false;
        reviseAll(m_eventIds, revive);
        return;
    }
    attempt([&] {
        for (const auto &e : m_context.service->addEvents(m_incidentId, m_events))
            m_eventIds << e.eventId;
    });
}

void AddEventsCommand::undo()
{
    EventChange tombstone;
    tombstone.deleted = true;
    reviseAll(m_eventIds, tombstone); // one transaction: the paste goes away whole or not at all
}

EditEventCommand::EditEventCommand(TimelineEditContext context, QString eventId, EventChange change)
    : TimelineCommand(std::move(context)), m_eventId(std::move(eventId)), m_after(std::move(change))
{
    std::optional<TimelineEvent> current;
    if (!attempt([&] { current = m_context.service->currentEvent(m_eventId); }))
        return;
    if (!current) {
        fail(Error(
            Error::Kind::NotFound,
            QCoreApplication::translate("idesk::TimelineCommand", "That event no longer exists")));
        return;
    }
    // Undo restores exactly the fields this edit touches, nothing else: a concurrent change to
    // another field (another tab, later sync) survives the undo.
    if (m_after.occurredAt)
        m_before.occurredAt = current->occurredAt;
    if (m_after.kind)
        m_before.kind = current->kind;
    if (m_after.author)
        m_before.author = current->author;
    if (m_after.text)
        m_before.text = current->text;
    if (m_after.pinned)
        m_before.pinned = current->pinned;
    if (m_after.deleted)
        m_before.deleted = current->deleted;
    setText(QCoreApplication::translate("idesk::TimelineCommand", "Edit “%1”")
                .arg(excerpt(current->text)));
}

void EditEventCommand::redo()
{
    if (!failed())
        revise(m_eventId, m_after);
}

void EditEventCommand::undo()
{
    if (!failed())
        revise(m_eventId, m_before);
}

PinEventCommand::PinEventCommand(TimelineEditContext context, QString eventId, bool pinned)
    : EditEventCommand(std::move(context), std::move(eventId), [pinned] {
          EventChange c;
          c.pinned = pinned;
          return c;
      }())
{
    setText(pinned ? QCoreApplication::translate("idesk::TimelineCommand", "Pin event")
                   : QCoreApplication::translate("idesk::TimelineCommand", "Unpin event"));
}

DeleteEventsCommand::DeleteEventsCommand(TimelineEditContext context, QStringList eventIds)
    : TimelineCommand(std::move(context)), m_eventIds(std::move(eventIds))
{
    setText(QCoreApplication::translate("idesk::TimelineCommand", "Delete %n event(s)", nullptr,
                                        int(m_eventIds.size())));
}

void DeleteEventsCommand::redo()
{
    EventChange tombstone;
    tombstone.deleted = true;
    for (const QString &id : std::as_const(m_eventIds)) {
        if (!revise(id, tombstone))
            return;
    }
}

void DeleteEventsCommand::undo()
{
    EventChange revive;
    revive.deleted = false;
    for (auto it = m_eventIds.crbegin(); it != m_eventIds.crend(); ++it) {
        if (!revise(*it, revive))
            return;
    }
}

} // namespace idesk
