#include "postmortemservice.h"

#include "core/postmortem/ics.h"
#include "core/triage/messages.h"
#include "core/triage/triageformat.h"
#include "services/atomicwrite.h"
#include "services/incidentservice.h"

namespace idesk {

PostmortemService::PostmortemService(IncidentService &service, QObject *parent)
    : QObject(parent), m_service(service)
{}

Incident PostmortemService::requireIncident(const QString &incidentId) const
{
    const std::optional<Incident> inc = m_service.store().incident(incidentId);
    if (!inc)
        throw StoreError(StoreError::Code::NotFound, tr("No incident with id %1").arg(incidentId));
    return *inc;
}

PostmortemDoc PostmortemService::document(const QString &incidentId) const
{
    const Incident inc = requireIncident(incidentId);
    if (const std::optional<QByteArray> json = m_service.store().postmortem(incidentId))
        return postmortemFromJson(*json, tr("post-mortem of %1").arg(inc.channel));
    PostmortemDoc d;
    if (inc.resolvedAt.isValid())
        d.reviewAt = defaultReviewTime(inc, m_service.clock().now());
    return d;
}

bool PostmortemService::hasStoredDocument(const QString &incidentId) const
{
    return m_service.store().postmortem(incidentId).has_value();
}

void PostmortemService::save(const QString &incidentId, const PostmortemDoc &doc)
{
    m_service.store().savePostmortem(incidentId, postmortemToJson(doc));
    Q_EMIT documentSaved(incidentId);
}

PostmortemInput PostmortemService::input(const QString &incidentId, const PostmortemDoc &doc) const
{
    PostmortemInput in;
    in.incident = requireIncident(incidentId);
    EventQuery q;
    q.incidentId = incidentId;
    in.events = m_service.store().events(q);
    in.actions = m_service.store().actionItems(incidentId);
    in.doc = doc;
    in.currency = m_service.profile().thresholds.currency;
    return in;
}

PostmortemMarkdown PostmortemService::exportMarkdown(const QString &incidentId, bool redact) const
{
    return exportMarkdown(incidentId, document(incidentId), redact);
}

PostmortemMarkdown PostmortemService::exportMarkdown(const QString &incidentId,
                                                     const PostmortemDoc &doc, bool redact) const
{
    return buildPostmortemMarkdown(input(incidentId, doc), redact);
}

QDateTime PostmortemService::suggestedReviewTime(const QString &incidentId) const
{
    return defaultReviewTime(requireIncident(incidentId), m_service.clock().now());
}

QByteArray PostmortemService::reviewIcs(const QString &incidentId, const PostmortemDoc &doc) const
{
    if (!doc.reviewAt.isValid())
        return {};
    const Incident inc = requireIncident(incidentId);
    return toIcs(reviewMeetingEvent(inc, doc, m_service.clock().now()));
}

QString PostmortemService::resolutionNotification(const QString &incidentId,
                                                  const PostmortemDoc &doc) const
{
    const Incident inc = requireIncident(incidentId);
    triage::MessageInput msg;
    msg.kind = triage::MessageKind::Resolved;
    msg.resolution = doc.resolution.trimmed().isEmpty() ? doc.rootCause : doc.resolution;
    if (doc.reviewAt.isValid())
        msg.nextSteps << QStringLiteral("Post-mortem scheduled for %1")
                             .arg(triage::formatUtcMinute(doc.reviewAt));
    for (const ActionItem &a : m_service.store().actionItems(incidentId))
        if (!a.deleted && a.status != ActionStatus::Done)
            msg.nextSteps << a.description;
    return triage::renderMessage(inc, m_service.profile(), msg, m_service.clock().now());
}

PostmortemReports PostmortemService::reports() const
{
    PostmortemReports r;
    const std::vector<Incident> incidents = m_service.store().incidents();
    r.bySeverityAndMonth = incidentsBySeverityAndMonth(incidents);
    r.responseTimes = responseTimesBySeverity(incidents);
    std::vector<ActionItem> actions;
    for (const Incident &i : incidents) {
        std::vector<ActionItem> more = m_service.store().actionItems(i.id);
        actions.insert(actions.end(), more.begin(), more.end());
    }
    r.openActionItemsByOwner =
        openActionItemsByOwner(actions, m_service.clock().now().toUTC().date());
    return r;
}

bool PostmortemService::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    const std::optional<Error> failed = writeFileAtomically(path, bytes);
    if (failed && error)
        *error = failed->detail();
    return !failed;
}

} // namespace idesk
