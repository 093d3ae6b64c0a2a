#include "clocks.h"

#include <algorithm>

namespace idesk::triage {

QString clockStateToString(ClockState s)
{
    switch (s) {
    case ClockState::Ok:
        return QStringLiteral("ok");
    case ClockState::Amber:
        return QStringLiteral("amber");
    case ClockState::Red:
        return QStringLiteral("red");
    case ClockState::Done:
        break;
    }
    return QStringLiteral("done");
}

qint64 amberMarginSecs(qint64 windowSecs)
{
    return std::max(windowSecs / 4, kAmberFloorSecs);
}

ClockState countdownState(qint64 remainingMs, qint64 windowSecs)
{
    if (remainingMs <= 0)
        return ClockState::Red;
    if (remainingMs < amberMarginSecs(windowSecs) * 1000)
        return ClockState::Amber;
    return ClockState::Ok;
}

namespace {

// Whole seconds, rounded so that a running clock shows 0:00 only at the deadline itself.
qint64 ceilSecs(qint64 ms)
{
    return ms >= 0 ? (ms + 999) / 1000 : -((-ms) / 1000);
}

} // namespace

Countdown makeCountdown(const QDateTime &start, qint64 windowSecs, const QDateTime &now,
                        const QDateTime &doneAt)
{
    Countdown c;
    c.start = start;
    c.windowSecs = windowSecs;
    if (!start.isValid() || windowSecs <= 0)
        return c;
    c.deadline = start.addSecs(windowSecs);
    if (doneAt.isValid()) {
        c.doneAt = doneAt;
        c.state = ClockState::Done;
        const qint64 ms = doneAt.msecsTo(c.deadline);
        c.remainingSecs = ceilSecs(ms);
        c.late = ms <= 0;
        return c;
    }
    const qint64 ms = now.msecsTo(c.deadline);
    c.remainingSecs = ceilSecs(ms);
    c.state = countdownState(ms, windowSecs);
    return c;
}

IncidentClocks computeClocks(const Incident &incident, const Profile &profile,
                             const QDateTime &lastMessage, const QDateTime &now)
{
    IncidentClocks clocks;
    const bool resolved = incident.status == IncidentStatus::Resolved;
    QDateTime end = now;
    if (resolved && incident.resolvedAt.isValid())
        end = incident.resolvedAt;
    if (incident.startedAt.isValid())
        clocks.elapsedSecs = std::max<qint64>(0, incident.startedAt.secsTo(end));

    const SeverityDef *def = profile.severity(incident.severity);
    const qint64 responseSecs = def ? qint64(def->responseMinutes) * 60 : 0;
    const qint64 updateSecs = def ? qint64(def->updateEveryMinutes) * 60 : 0;

    // A resolved incident that was never acknowledged has nothing left to wait for either.
    QDateTime ackDone = incident.acknowledgedAt;
    if (!ackDone.isValid() && resolved)
        ackDone = end;
    clocks.acknowledge = makeCountdown(incident.startedAt, responseSecs, now, ackDone);

    QDateTime from = incident.startedAt;
    if (lastMessage.isValid() && (!from.isValid() || lastMessage > from))
        from = lastMessage;
    clocks.nextUpdate = makeCountdown(from, updateSecs, now, resolved ? end : QDateTime());
    return clocks;
}

bool isSentMessage(const TimelineEvent &e)
{
    return !e.deleted && e.kind == EventKind::Communication &&
           e.source == QStringView(kMessageSource);
}

QDateTime lastMessageAt(const std::vector<TimelineEvent> &events)
{
    QDateTime latest;
    for (const auto &e : events) {
        if (isSentMessage(e) && e.occurredAt.isValid() &&
            (!latest.isValid() || e.occurredAt > latest))
            latest = e.occurredAt;
    }
    return latest;
}

} // namespace idesk::triage
