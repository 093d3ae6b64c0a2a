#pragma once

#include "core/profile.h"
#include "core/types.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace idesk::triage {

// The runbook's three communication templates. The plain text is the source of truth; the Slack
// variant is derived from it (plainToSlack), so edits made in the tab survive "Copy for Slack".
enum class MessageKind
{
    Alert = 0,
    Update,
    Resolved
};
QString messageKindToString(MessageKind k); // "alert", "update", "resolved"
std::optional<MessageKind> messageKindFromString(QStringView s);

enum class MessageFormat
{
    Plain,
    Slack
};

struct MessageInput
{
    MessageKind kind = MessageKind::Alert;
    // Alert: "Initial symptoms:" (each gets "- " unless it has a marker already).
    // Update: "Progress:" lines, shown as written ("✅ Root cause identified: …").
    QStringList lines;
    // Resolved: the "Resolution:" paragraph; empty → incident.summary; both empty → omitted.
    QString resolution;
    // Resolved: "Impact:" lines; empty → derived from incident.impact (users, revenue × duration).
    QStringList impactLines;
    // Resolved: "Next steps:" lines; empty → the block is omitted.
    QStringList nextSteps;
    // Alert/Update: empty → the severity's updateEveryMinutes from the profile.
    std::optional<int> nextUpdateMinutes;
    // Figures from the previous message, for "(down from 25%)".
    std::optional<Impact> previousMetrics;
};

// now is used for Duration while the incident is open, and for Resolved when resolvedAt is unset.
// Blocks with nothing in them (no metrics yet, no symptoms) are left out entirely.
QString renderMessage(const Incident &incident, const Profile &profile, const MessageInput &input,
                      const QDateTime &now, MessageFormat format = MessageFormat::Plain);

// Slack mrkdwn from a plain message: header in bold, "Label:" prefixes in bold, "- " bullets as
// "• ", and &, <, > escaped as Slack requires.
QString plainToSlack(const QString &plain);

// Alert until one message has been sent, then Update; Resolved once the incident is resolved.
MessageKind suggestedMessageKind(const Incident &incident, bool anyMessageSent);

// "@john.doe" from "john.doe" or "@john.doe"; "unassigned" when empty.
QString commanderHandle(const QString &commander);

} // namespace idesk::triage
