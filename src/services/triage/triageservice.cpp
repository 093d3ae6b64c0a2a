#include "triageservice.h"

#include "core/triage/triageformat.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"

namespace idesk {

using namespace triage;

TriageService::TriageService(IncidentService &service, QObject *parent)
    : QObject(parent), m_service(service), m_webhook(new WebhookPoster(this))
{
    connect(m_webhook, &WebhookPoster::finished, this, &TriageService::webhookFinished);
    connect(&m_service, &IncidentService::eventsChanged, this,
            [this](const QString &incidentId) { m_lastMessage.remove(incidentId); });
    connect(&m_service, &IncidentService::incidentsChanged, this, [this] {
        // A database switch or an import can change any incident's timeline.
        m_lastMessage.clear();
    });
}

TriageService::~TriageService() = default;

QDateTime TriageService::lastMessageAt(const QString &incidentId) const
{
    if (const auto it = m_lastMessage.constFind(incidentId); it != m_lastMessage.constEnd())
        return *it;
    EventQuery q;
    q.incidentId = incidentId;
    q.source = QString::fromUtf16(kMessageSource);
    const QDateTime last = triage::lastMessageAt(m_service.store().events(q));
    m_lastMessage.insert(incidentId, last);
    return last;
}

IncidentClocks TriageService::clocks(const Incident &incident) const
{
    return computeClocks(incident, m_service.profile(), lastMessageAt(incident.id),
                         m_service.clock().now());
}

EscalationStatus TriageService::escalation(const Incident &incident) const
{
    return evaluateEscalation(incident, m_service.profile(), m_service.clock().now());
}

ImpactAssessment TriageService::assessment(const Incident &incident) const
{
    return assessImpact(incident.impact, m_service.profile().thresholds);
}

MessageKind TriageService::suggestedMessageKind(const Incident &incident) const
{
    return triage::suggestedMessageKind(incident, lastMessageAt(incident.id).isValid());
}

QString TriageService::renderMessage(const Incident &incident, MessageKind kind,
                                     MessageFormat format) const
{
    MessageInput input;
    input.kind = kind;
    return triage::renderMessage(incident, m_service.profile(), input, m_service.clock().now(),
                                 format);
}

TimelineEvent TriageService::recordMessage(const QString &incidentId, MessageKind kind,
                                           const QString &text)
{
    Q_UNUSED(kind) // the text's own header says which template it was
    NewEvent e;
    e.occurredAt = m_service.clock().now();
    e.kind = EventKind::Communication;
    e.source = QString::fromUtf16(kMessageSource);
    e.text = text;
    const TimelineEvent added = m_service.addEvent(incidentId, e);
    Q_EMIT messageRecorded(incidentId, added);
    return added;
}

quint64 TriageService::postToWebhook(const QString &text)
{
    return m_webhook->post(QUrl(m_service.profile().webhookUrl.trimmed()), text);
}

TimelineEvent TriageService::sendMessage(const QString &incidentId, MessageKind kind,
                                         const QString &text)
{
    postToWebhook(triage::plainToSlack(text));
    return recordMessage(incidentId, kind, text);
}

void TriageService::decideSeverity(const QString &incidentId, Severity chosen,
                                   std::optional<Severity> suggested, const QString &reason)
{
    const auto incident = m_service.incident(incidentId);
    if (!incident)
        return;
    const QString why = reason.trimmed();
    QString note;
    if (suggested && *suggested == chosen) {
        note = QStringLiteral("applied the suggestion from the impact assessment");
    } else if (suggested) {
        note = QStringLiteral("override of suggested %1: %2")
                   .arg(severityToString(*suggested),
                        why.isEmpty() ? QStringLiteral("no reason given") : why);
    } else {
        note = why;
    }
    if (incident->severity != chosen) {
        m_service.setSeverity(incidentId, chosen, note);
        return;
    }
    if (!suggested || *suggested == chosen)
        return; // nothing changes and nothing was overridden
    NewEvent e;
    e.occurredAt = m_service.clock().now();
    e.kind = EventKind::Decision;
    e.source = QString::fromUtf16(kOverrideSource);
    e.text = QStringLiteral("Severity kept at %1 — %2").arg(severityToString(chosen), note);
    m_service.addEvent(incidentId, e);
}

int TriageService::escalateNow(const QString &incidentId)
{
    const auto incident = m_service.incident(incidentId);
    if (!incident)
        return 0;
    const EscalationStatus st = escalation(*incident);
    const int target = escalationTarget(st, m_service.profile());
    if (target <= incident->escalationLevel)
        return 0;
    QString reason;
    if (st.escalationNeeded() && st.firedRule)
        reason = st.firedRule->reason;
    else
        reason = QStringLiteral("escalated by the commander");
    m_service.escalate(incidentId, target, reason);
    return target;
}

std::vector<OverdueItem> TriageService::checkOverdue(const QString &incidentId)
{
    const auto incident = m_service.incident(incidentId);
    if (!incident || incident->status == IncidentStatus::Resolved)
        return {};
    return checkOverdue(*incident, clocks(*incident), escalation(*incident));
}

std::vector<OverdueItem> TriageService::checkOverdue(const Incident &incident,
                                                     const IncidentClocks &c,
                                                     const EscalationStatus &esc)
{
    std::vector<OverdueItem> items;
    if (incident.status == IncidentStatus::Resolved)
        return items;
    const QString &incidentId = incident.id;
    const Profile &profile = m_service.profile();
    const QString sev = severityToString(incident.severity);

    if (c.acknowledge.overdue()) {
        items.push_back(
            {OverdueItem::Kind::Acknowledge, c.acknowledge.deadline,
             QStringLiteral("Response SLA missed: %1 not acknowledged by %2 (%3 response time).")
                 .arg(sev, formatUtcMinute(c.acknowledge.deadline),
                      formatDuration(c.acknowledge.windowSecs)),
             tr("Response SLA missed: %1 not acknowledged by %2 (%3 response time).")
                 .arg(sev, formatUtcMinute(c.acknowledge.deadline),
                      DisplayText::duration(c.acknowledge.windowSecs)),
             false});
    }
    if (c.nextUpdate.overdue()) {
        items.push_back({OverdueItem::Kind::Update, c.nextUpdate.deadline,
                         QStringLiteral("Stakeholder update overdue: due %1 (%2 updates every %3).")
                             .arg(formatUtcMinute(c.nextUpdate.deadline), sev,
                                  formatDuration(c.nextUpdate.windowSecs)),
                         tr("Stakeholder update overdue: due %1 (%2 updates every %3).")
                             .arg(formatUtcMinute(c.nextUpdate.deadline), sev,
                                  DisplayText::duration(c.nextUpdate.windowSecs)),
                         false});
    }
    if (esc.escalationNeeded()) {
        QString title;
        if (const EscalationLevel *l = profile.level(esc.dueLevel))
            title = QLatin1Char(' ') + l->title;
        const QString ruleReason = esc.firedRule ? esc.firedRule->reason : QString();
        items.push_back({OverdueItem::Kind::Escalation, esc.dueSince,
                         QStringLiteral("Escalation to L%1%2 due since %3: %4.")
                             .arg(esc.dueLevel)
                             .arg(title, formatUtcMinute(esc.dueSince), ruleReason),
                         tr("Escalation to L%1%2 due since %3: %4.")
                             .arg(esc.dueLevel)
                             .arg(title, formatUtcMinute(esc.dueSince), ruleReason),
                         false});
    }
    if (items.empty())
        return items;

    std::optional<std::vector<TimelineEvent>> events; // read only when something is not cached
    for (OverdueItem &item : items) {
        const QString key = incidentId + QLatin1Char('|') + item.text;
        if (m_logged.contains(key))
            continue;
        if (!events) {
            EventQuery q;
            q.incidentId = incidentId;
            q.includeDeleted = true; // a deleted note was still seen once
            q.source = QString::fromUtf16(kOverdueSource);
            events = m_service.store().events(q);
        }
        const bool seen = std::any_of(events->begin(), events->end(), [&](const TimelineEvent &e) {
            return e.source == QStringView(kOverdueSource) && e.text == item.text;
        });
        m_logged.insert(key);
        if (seen)
            continue;
        NewEvent e;
        e.occurredAt = item.deadline.isValid() ? item.deadline : m_service.clock().now();
        e.kind = EventKind::Note;
        e.source = QString::fromUtf16(kOverdueSource);
        e.text = item.text;
        m_service.addEvent(incidentId, e);
        item.isNew = true;
        Q_EMIT overdue(incidentId, item.text);
    }
    return items;
}

} // namespace idesk
