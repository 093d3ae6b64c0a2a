#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace idesk {

enum class Severity
{
    P0 = 0,
    P1 = 1,
    P2 = 2,
    P3 = 3
};
inline constexpr int SeverityCount = 4;
QString severityToString(Severity s);
std::optional<Severity> severityFromString(QStringView s);

enum class IncidentStatus
{
    Investigating = 0,
    Identified,
    Mitigating,
    Monitoring,
    Resolved
};
inline constexpr int IncidentStatusCount = 5;
QString statusToString(IncidentStatus s);
std::optional<IncidentStatus> statusFromString(QStringView s);

enum class EventKind
{
    Alert = 0,
    Detection,
    Action,
    Diagnostic,
    Decision,
    Communication,
    Status,
    Escalation,
    Note,
    Evidence // a diagnostic run recorded by the app: who ran what, where, and what came back
};
inline constexpr int EventKindCount = 10;
QString eventKindToString(EventKind k);
std::optional<EventKind> eventKindFromString(QStringView s);

enum class ActionStatus
{
    Open = 0,
    InProgress,
    Done
};
QString actionStatusToString(ActionStatus s);
std::optional<ActionStatus> actionStatusFromString(QStringView s);

enum class ChecklistKind
{
    InitialAssessment = 0,
    RecoveryConfirmation,
    PostIncident
};
QString checklistKindToString(ChecklistKind k);
std::optional<ChecklistKind> checklistKindFromString(QStringView s);

// Every synced row carries who wrote it last and when, in hybrid-logical-clock order.
struct SyncStamp
{
    QString hlc;    // Hlc::toString(), sorts lexicographically in causal order
    QString siteId; // the device that made the change
    bool operator==(const SyncStamp &) const = default;
};

struct Impact
{
    QString userImpact;     // free text: who is hurt and how
    QString businessImpact; // free text
    std::optional<qint64> affectedUsers;
    std::optional<double> affectedUsersPercent;
    std::optional<double> errorRatePercent;
    std::optional<double> responseTimeMs;
    std::optional<double> revenueLossPerHour;
    bool regulatory = false;
    bool operator==(const Impact &) const = default;
};

struct Incident
{
    QString id; // UUID without braces
    QString title;
    Severity severity = Severity::P2;
    IncidentStatus status = IncidentStatus::Investigating;
    QString commander;
    QString commsLead;
    QString scribe;
    QString channel; // #incident-YYYY-MM-DD-###
    QDateTime startedAt;
    QDateTime detectedAt;
    QDateTime acknowledgedAt;
    QDateTime mitigatedAt;
    QDateTime resolvedAt;
    Impact impact;
    QString summary;
    int escalationLevel = 1; // the level currently engaged, 1..3
    bool deleted = false;
    SyncStamp stamp;
    bool operator==(const Incident &) const = default;
};

// What the incident list shows and sorts by: a light read of the incidents table.
struct IncidentSummary
{
    QString id;
    QString title;
    Severity severity = Severity::P2;
    IncidentStatus status = IncidentStatus::Investigating;
    QString channel;
    QString commander;
    QDateTime startedAt;
    bool operator==(const IncidentSummary &) const = default;
};
IncidentSummary summaryOf(const Incident &i);

// One revision of a timeline event. Edits add a revision that supersedes the previous one;
// deletes add a revision with deleted=true. eventId is stable across revisions.
struct TimelineEvent
{
    QString id;      // this revision's UUID
    QString eventId; // the logical event's UUID (id of its first revision)
    QString incidentId;
    int revision = 1;
    QDateTime occurredAt; // what the user says happened when
    QDateTime recordedAt; // when this revision was written
    EventKind kind = EventKind::Note;
    QString author;
    QString text;
    QString source = QStringLiteral("manual");
    bool pinned = false;
    bool deleted = false;
    SyncStamp stamp;
    bool operator==(const TimelineEvent &) const = default;
};

struct ChecklistItem
{
    QString id;
    QString incidentId;
    ChecklistKind list = ChecklistKind::InitialAssessment;
    int position = 0;
    QString text;
    bool checked = false;
    QString checkedBy;
    QDateTime checkedAt;
    bool deleted = false;
    SyncStamp stamp;
    bool operator==(const ChecklistItem &) const = default;
};

struct ActionItem
{
    QString id;
    QString incidentId;
    QString description;
    QString owner;
    QDate due;
    ActionStatus status = ActionStatus::Open;
    QDateTime createdAt;
    bool deleted = false;
    SyncStamp stamp;
    bool operator==(const ActionItem &) const = default;
};

// Requests: what a face (GUI, CLI, import) asks the store to write or read.
struct NewIncident
{
    QString title;
    Severity severity = Severity::P2;
    QString commander;
    QDateTime startedAt; // invalid → now
};

struct NewEvent
{
    QDateTime occurredAt; // invalid → now
    EventKind kind = EventKind::Note;
    QString author;
    QString text;
    QString source = QStringLiteral("manual");
    bool pinned = false;
};

// What a timeline edit changes; unset fields are carried over from the current revision.
struct EventChange
{
    std::optional<QDateTime> occurredAt;
    std::optional<EventKind> kind;
    std::optional<QString> author;
    std::optional<QString> text;
    std::optional<bool> pinned;
    std::optional<bool> deleted;
};

struct EventQuery
{
    QString incidentId;
    int offset = 0;
    int limit = -1; // -1: all
    bool includeDeleted = false;
    QString source{}; // only events from this source ("message", "overdue", …); empty: all
};

// A whole incident with everything hanging off it: what export/import and sync move around.
struct IncidentBundle
{
    Incident incident;
    std::vector<TimelineEvent> events; // every revision, oldest first
    std::vector<ChecklistItem> checklist;
    std::vector<ActionItem> actions;
    bool operator==(const IncidentBundle &) const = default;
};

QString newUuid();

// "#incident-YYYY-MM-DD-###" for the given UTC day and 1-based sequence number.
QString channelName(QDate utcDay, int sequence);
// The prefix shared by every channel of that UTC day, "#incident-YYYY-MM-DD-".
QString channelPrefix(QDate utcDay);

// ISO 8601 in UTC with milliseconds, "2024-01-15T14:30:00.000Z"; empty for an invalid time.
QString toIsoUtc(const QDateTime &t);
// Accepts ISO 8601 with Z or an offset; a time without zone is taken as UTC.
QDateTime fromIso(const QString &s);

} // namespace idesk
