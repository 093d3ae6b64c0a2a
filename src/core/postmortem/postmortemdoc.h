#pragma once

#include "core/types.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace idesk {

inline constexpr char kPostmortemSchema[] = "incidentdesk.postmortem/1";

// What the commander typed over the incident's own values. Unset means "take the incident's",
// so a later change to the incident still shows up in a post-mortem nobody touched.
struct SummaryOverrides
{
    std::optional<QDate> date;
    std::optional<qint64> durationMinutes;
    std::optional<Severity> severity;
    std::optional<QString> impactDescription;
    std::optional<qint64> usersAffected;
    std::optional<double> revenueImpact;
    bool operator==(const SummaryOverrides &) const = default;
    bool isEmpty() const { return *this == SummaryOverrides{}; }
};

// The post-mortem of one incident, stored as JSON through Store::savePostmortem. The incident,
// its timeline and its action items are not copied in: they are read fresh at export time.
struct PostmortemDoc
{
    SummaryOverrides summary;
    // Logical event ids (TimelineEvent::eventId) shown in the Timeline section. Unset = the
    // pinned events (every event when none is pinned), so pinning on the Timeline tab keeps
    // working until the commander edits this.
    std::optional<QStringList> keyEventIds;
    QString rootCause;
    QStringList contributingFactors;
    QStringList wentWell;
    QStringList couldBeImproved;
    QStringList lessonsLearned;
    // Google SRE template sections; rendered only when they have content.
    QString trigger;
    QString detection;
    QString resolution;
    QStringList whereWeGotLucky;
    QString supportingInformation;
    bool includeEvidence = true; // diagnostics' command/exit/output under Supporting Information
    // Review meeting, UTC; invalid = not scheduled yet.
    QDateTime reviewAt;
    int reviewMinutes = 60;
    QString reviewLocation;
    bool operator==(const PostmortemDoc &) const = default;
};

// Canonical JSON with "schema": kPostmortemSchema, stable key order. Unset optionals are omitted.
QByteArray postmortemToJson(const PostmortemDoc &d);
// Missing keys take their defaults (older documents keep loading); a wrong type or an unknown
// schema throws FormatError (core/incidentjson.h) naming the JSON path.
PostmortemDoc postmortemFromJson(const QByteArray &json, const QString &origin);

// The summary as it will be exported: overrides over the incident's values.
struct EffectiveSummary
{
    QDate date;    // first UTC day of the incident
    QDate endDate; // last UTC day (resolution), invalid if unresolved or same day
    std::optional<qint64> durationMinutes; // unset while unresolved
    Severity severity = Severity::P2;
    QString impactDescription;
    std::optional<qint64> usersAffected;
    std::optional<double> revenueImpact;
    bool revenueSoFar = false; // the incident is open: revenueImpact runs up to `now`
};

// Values taken only from the incident: what the editor shows as placeholders. Given `now`, an
// open incident's revenue impact is estimated so far.
EffectiveSummary derivedSummary(const Incident &incident, const QDateTime &now = {});
EffectiveSummary effectiveSummary(const Incident &incident, const SummaryOverrides &o);

// The Timeline section's events: current revisions, not deleted, ordered by occurredAt.
std::vector<TimelineEvent> keyEvents(const PostmortemDoc &d,
                                     const std::vector<TimelineEvent> &currentEvents);
// The same selection without copying: pointers into currentEvents, valid while it is.
std::vector<const TimelineEvent *> keyEventRefs(const PostmortemDoc &d,
                                                const std::vector<TimelineEvent> &currentEvents);

// Accepts "75", "75m", "1h 15m", "1h15m", "2d 3h", "1 hour 15 minutes"; nullopt otherwise.
std::optional<qint64> parseDuration(QStringView text);

// The seed asks for the review within 48 hours of resolution: the next UTC day at 10:00 after
// resolution (or after `now` while the incident is unresolved).
QDateTime defaultReviewTime(const Incident &incident, const QDateTime &now);
// True when `review` is later than 48 h after the resolution (or the unresolved `now`).
bool reviewLaterThan48h(const Incident &incident, const QDateTime &review, const QDateTime &now);

} // namespace idesk
