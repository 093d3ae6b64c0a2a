#pragma once

#include "core/profile.h"
#include "core/types.h"

#include <QDateTime>
#include <vector>

namespace idesk::triage {

// Ok: running with time to spare. Amber: little time left. Red: the deadline is reached.
// Done: nothing left to count (acknowledged, resolved, or no deadline in the profile).
enum class ClockState
{
    Ok = 0,
    Amber,
    Red,
    Done
};
QString clockStateToString(ClockState s); // "ok", "amber", "red", "done"

// The warning margin: Amber once less than a quarter of the window or less than five minutes
// remains, whichever starts earlier. A 15-minute window warns for its last 5 minutes, a 4-hour
// window for its last hour. A deadline counts as reached at its exact instant (Red at 0:00).
inline constexpr qint64 kAmberFloorSecs = 5 * 60;
qint64 amberMarginSecs(qint64 windowSecs);
ClockState countdownState(qint64 remainingMs, qint64 windowSecs);

struct Countdown
{
    QDateTime start;    // what the window counts from
    QDateTime deadline; // invalid when there is nothing to count
    qint64 windowSecs = 0;
    qint64 remainingSecs = 0; // deadline - now (or - doneAt), negative when overdue
    ClockState state = ClockState::Done;
    QDateTime doneAt;  // when it stopped (acknowledged, resolved); invalid while running
    bool late = false; // stopped at or after the deadline

    bool overdue() const { return state == ClockState::Red; }
};

// A window of windowSecs from start, seen at now; stopped at doneAt when that is valid.
Countdown makeCountdown(const QDateTime &start, qint64 windowSecs, const QDateTime &now,
                        const QDateTime &doneAt = {});

struct IncidentClocks
{
    qint64 elapsedSecs = 0; // since start; frozen at resolvedAt
    // startedAt + the severity's responseMinutes; Done once acknowledgedAt is set.
    Countdown acknowledge;
    // (last message sent, else startedAt) + the severity's updateEveryMinutes; Done once resolved.
    Countdown nextUpdate;
};

// lastMessageAt: when the latest message was sent (see lastMessageAt() below); invalid = none.
// Everything depends on incident.severity, so a severity change recomputes both deadlines.
IncidentClocks computeClocks(const Incident &incident, const Profile &profile,
                             const QDateTime &lastMessageAt, const QDateTime &now);

// Messages are stored as timeline events of kind Communication with this source.
inline constexpr char16_t kMessageSource[] = u"message";
bool isSentMessage(const TimelineEvent &e);
// occurredAt of the newest live sent-message event, invalid if none.
QDateTime lastMessageAt(const std::vector<TimelineEvent> &events);

} // namespace idesk::triage
