#include "incidentservice.h"

#include "incidentreader.h"

#include <spdlog/spdlog.h>

namespace idesk {

namespace {

QString defaultActor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("commander") : user;
}

} // namespace

IncidentService::IncidentService(std::unique_ptr<Store> store, Profile profile, const Clock &clock,
                                 QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_profile(std::move(profile)), m_clock(clock),
      m_actor(defaultActor())
{}

IncidentService::~IncidentService() = default;

std::unique_ptr<IncidentService> IncidentService::open(const QString &path, Profile profile,
                                                       const Clock &clock, Store::Verify verify)
{
    return std::make_unique<IncidentService>(Store::open(path, clock, {}, verify),
                                             std::move(profile), clock);
}

QString IncidentService::integrityProblems(const QString &path)
{
    try {
        return IncidentReader(path).integrityProblems();
    } catch (const StoreError &e) {
        return e.message();
    }
}

void IncidentService::setProfile(Profile p)
{
    m_profile = std::move(p);
    Q_EMIT profileChanged();
}

void IncidentService::setActor(const QString &name)
{
    m_actor = name.trimmed().isEmpty() ? defaultActor() : name.trimmed();
}

void IncidentService::setReadOnly(bool on)
{
    if (m_readOnly == on)
        return;
    m_readOnly = on;
    Q_EMIT readOnlyChanged(on);
}

Incident IncidentService::require(const QString &id) const
{
    auto inc = m_store->incident(id);
    if (!inc)
        throw StoreError(StoreError::Code::NotFound, tr("No incident with id %1").arg(id));
    return *inc;
}

TimelineEvent IncidentService::logEvent(const QString &incidentId, EventKind kind,
                                        const QString &source, const QString &text)
{
    NewEvent e;
    e.kind = kind;
    e.author = m_actor;
    e.source = source;
    e.text = text;
    return addEvent(incidentId, e);
}

Incident IncidentService::declare(const NewIncident &n)
{
    NewIncident request = n;
    if (request.commander.trimmed().isEmpty())
        request.commander = m_actor;
    const Incident inc = m_store->declareIncident(request);
    for (const auto kind : {ChecklistKind::InitialAssessment, ChecklistKind::RecoveryConfirmation,
                            ChecklistKind::PostIncident}) {
        for (const QString &text : m_profile.checklist(kind))
            m_store->addChecklistItem(inc.id, kind, text);
    }
    NewEvent declared;
    declared.occurredAt = inc.startedAt;
    declared.kind = EventKind::Alert;
    declared.author = m_actor;
    declared.source = QStringLiteral("declare");
    declared.text = tr("Incident declared: %1 %2 — commander %3, channel %4")
                        .arg(severityToString(inc.severity), inc.title, inc.commander, inc.channel);
    spdlog::info("declared incident {} ({})", inc.id.toStdString(), inc.channel.toStdString());
    addEvent(inc.id, declared);
    Q_EMIT incidentsChanged();
    Q_EMIT checklistChanged(inc.id);
    return inc;
}

void IncidentService::updateIncident(const Incident &changed)
{
    m_store->updateIncident(changed);
    Q_EMIT incidentChanged(changed.id);
    Q_EMIT incidentsChanged();
}

void IncidentService::setStatus(const QString &id, IncidentStatus s, const QString &note)
{
    Incident inc = require(id);
    if (inc.status == s)
        return;
    const IncidentStatus before = inc.status;
    inc.status = s;
    const QDateTime now = m_clock.now();
    if (s == IncidentStatus::Mitigating && !inc.mitigatedAt.isValid())
        inc.mitigatedAt = now;
    if (s == IncidentStatus::Resolved)
        inc.resolvedAt = now;
    else
        inc.resolvedAt = {}; // reopening clears the resolution time
    m_store->updateIncident(inc);
    QString text = tr("Status %1 → %2").arg(statusToString(before), statusToString(s));
    if (!note.trimmed().isEmpty())
        text += QStringLiteral(" — ") + note.trimmed();
    logEvent(id, EventKind::Status, QStringLiteral("status change"), text);
    Q_EMIT incidentChanged(id);
    Q_EMIT incidentsChanged();
}

void IncidentService::setSeverity(const QString &id, Severity s, const QString &reason)
{
    Incident inc = require(id);
    if (inc.severity == s)
        return;
    const Severity before = inc.severity;
    inc.severity = s;
    m_store->updateIncident(inc);
    QString text = tr("Severity %1 → %2").arg(severityToString(before), severityToString(s));
    if (!reason.trimmed().isEmpty())
        text += QStringLiteral(" — ") + reason.trimmed();
    logEvent(id, EventKind::Decision, QStringLiteral("severity change"), text);
    Q_EMIT incidentChanged(id);
    Q_EMIT incidentsChanged();
}

void IncidentService::acknowledge(const QString &id)
{
    Incident inc = require(id);
    if (inc.acknowledgedAt.isValid())
        return;
    inc.acknowledgedAt = m_clock.now();
    m_store->updateIncident(inc);
    logEvent(id, EventKind::Action, QStringLiteral("acknowledge"),
             tr("Incident acknowledged by %1").arg(m_actor));
    Q_EMIT incidentChanged(id);
    Q_EMIT incidentsChanged();
}

void IncidentService::escalate(const QString &id, int level, const QString &reason)
{
    Incident inc = require(id);
    if (level < 1 || level > 3 || level <= inc.escalationLevel)
        return;
    inc.escalationLevel = level;
    m_store->updateIncident(inc);
    QString title;
    if (const auto *def = m_profile.level(level))
        title = def->title;
    QString text = tr("Escalated to L%1 %2").arg(level).arg(title).trimmed();
    if (!reason.trimmed().isEmpty())
        text += QStringLiteral(" — ") + reason.trimmed();
    logEvent(id, EventKind::Escalation, QStringLiteral("escalation"), text);
    Q_EMIT incidentChanged(id);
    Q_EMIT incidentsChanged();
}

void IncidentService::importBundle(const IncidentBundle &b)
{
    m_store->importBundle(b);
    Q_EMIT incidentsChanged();
}

TimelineEvent IncidentService::addEvent(const QString &incidentId, const NewEvent &e)
{
    NewEvent ev = e;
    if (ev.author.isEmpty())
        ev.author = m_actor;
    const TimelineEvent added = m_store->addEvent(incidentId, ev);
    Q_EMIT eventAdded(added);
    Q_EMIT eventsChanged(incidentId);
    return added;
}

std::vector<TimelineEvent> IncidentService::addEvents(const QString &incidentId,
                                                      const std::vector<NewEvent> &events)
{
    std::vector<NewEvent> batch = events;
    for (auto &ev : batch) {
        if (ev.author.isEmpty())
            ev.author = m_actor;
    }
    auto added = m_store->addEvents(incidentId, batch);
    for (const auto &ev : added)
        Q_EMIT eventAdded(ev);
    Q_EMIT eventsChanged(incidentId);
    return added;
}

TimelineEvent IncidentService::editEvent(const QString &eventId, const EventChange &change)
{
    const TimelineEvent rev = m_store->editEvent(eventId, change);
    Q_EMIT eventRevised(rev);
    Q_EMIT eventsChanged(rev.incidentId);
    return rev;
}

std::vector<TimelineEvent> IncidentService::editEvents(const std::vector<QString> &eventIds,
                                                       const EventChange &change)
{
    const auto revised = m_store->editEvents(eventIds, change);
    QStringList incidents;
    for (const TimelineEvent &rev : revised) {
        Q_EMIT eventRevised(rev);
        if (!incidents.contains(rev.incidentId))
            incidents << rev.incidentId;
    }
    for (const QString &id : std::as_const(incidents))
        Q_EMIT eventsChanged(id);
    return revised;
}

void IncidentService::setChecklistItem(const QString &incidentId, const QString &itemId,
                                       bool checked)
{
    const auto items = m_store->checklist(incidentId);
    const auto it = std::find_if(items.begin(), items.end(),
                                 [&](const ChecklistItem &c) { return c.id == itemId; });
    if (it == items.end())
        throw StoreError(StoreError::Code::NotFound, tr("No checklist item %1").arg(itemId));
    if (it->checked == checked)
        return;
    m_store->setChecklistItem(itemId, checked, m_actor);
    const QString text =
        checked ? tr("Checked: %1").arg(it->text) : tr("Unchecked: %1").arg(it->text);
    logEvent(incidentId, EventKind::Action, QStringLiteral("checklist"), text);
    Q_EMIT checklistChanged(incidentId);
}

ActionItem IncidentService::addActionItem(const QString &incidentId, const QString &description,
                                          const QString &owner, const QDate &due)
{
    const ActionItem item = m_store->addActionItem(incidentId, description, owner, due);
    Q_EMIT actionItemsChanged(incidentId);
    return item;
}

void IncidentService::updateActionItem(const ActionItem &changed)
{
    m_store->updateActionItem(changed);
    Q_EMIT actionItemsChanged(changed.incidentId);
}

} // namespace idesk
