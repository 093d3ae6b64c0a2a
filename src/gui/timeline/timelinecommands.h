#pragma once

#include "core/error.h"
#include "core/types.h"

#include <QStringList>
#include <QUndoCommand>
#include <functional>
#include <utility>
#include <vector>

namespace idesk {

class IncidentService;

// What every timeline command works through. Every step is a new revision written by the
// service (redo and undo alike): nothing is ever hard-deleted, so the full history stays in
// eventHistory(). Views follow through the service's eventAdded and eventRevised signals.
struct TimelineEditContext
{
    IncidentService *service = nullptr;
    // Store failures, as text: the tab raises them as errors, tests collect them.
    std::function<void(const QString &message)> onError;
};

class TimelineCommand : public QUndoCommand
{
public:
    explicit TimelineCommand(TimelineEditContext context, QUndoCommand *parent = nullptr);
    bool failed() const { return m_failed; }

protected:
    // One revision; on failure reports it and marks the command obsolete so the stack drops it
    // rather than keep a step whose effect is unknown.
    bool revise(const QString &eventId, const EventChange &change);
    bool reviseAll(const QStringList &eventIds, const EventChange &change); // one transaction
    void fail(const Error &error);
    // Runs a store call; an Error it throws fails the command (see fail) instead of escaping.
    template<typename Work> bool attempt(Work &&work)
    {
        try {
            std::forward<Work>(work)();
            return true;
        } catch (const Error &e) {
            fail(e);
            return false;
        }
    }
    TimelineEditContext m_context;

private:
    bool m_failed = false;
};

// Adds one event; undo is a tombstone, redo brings the same event back (same eventId).
class AddEventCommand final : public TimelineCommand
{
public:
    AddEventCommand(TimelineEditContext context, QString incidentId, NewEvent event);
    void redo() override;
    void undo() override;
    QString eventId() const { return m_eventId; }

private:
    QString m_incidentId;
    NewEvent m_event;
    QString m_eventId;
};

// Adds many events in one transaction (a pasted transcript); undo tombstones them all.
class AddEventsCommand final : public TimelineCommand
{
public:
    AddEventsCommand(TimelineEditContext context, QString incidentId, std::vector<NewEvent> events);
    void redo() override;
    void undo() override;
    QStringList eventIds() const { return m_eventIds; }

private:
    QString m_incidentId;
    std::vector<NewEvent> m_events;
    QStringList m_eventIds;
};

// Changes fields of one event; undo writes the previous values back as a further revision.
class EditEventCommand : public TimelineCommand
{
public:
    EditEventCommand(TimelineEditContext context, QString eventId, EventChange change);
    void redo() override;
    void undo() override;
    QString eventId() const { return m_eventId; }

private:
    QString m_eventId;
    EventChange m_after;
    EventChange m_before;
};

class PinEventCommand final : public EditEventCommand
{
public:
    PinEventCommand(TimelineEditContext context, QString eventId, bool pinned);
};

// Tombstones events; undo brings them back.
class DeleteEventsCommand final : public TimelineCommand
{
public:
    DeleteEventsCommand(TimelineEditContext context, QStringList eventIds);
    void redo() override;
    void undo() override;

private:
    QStringList m_eventIds;
};

} // namespace idesk
