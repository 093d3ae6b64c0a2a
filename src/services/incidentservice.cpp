#include "incidentservice.h"

#include "core/triage/messages.h"
#include "incidentreader.h"

#include <spdlog/spdlog.h>

namespace idesk {

namespace {

// Who acts when neither the settings nor the environment name anyone.
const QString &unnamedActor()
{
    static const QString name = QStringLiteral("commander");
    return name;
}

QString defaultActor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? unnamedActor() : user;
}

} // namespace

IncidentService::IncidentService(std::unique_ptr<Store> store, Profile profile, const Clock &clock,
                                 QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_profile(std::move(profile)), m_clock(clock),
      m_actor(defaultActor()), m_dataVersion(m_store->dataVersion())
{}

IncidentService::~IncidentService() = default;

std::unique_ptr<IncidentService> IncidentService::open(const QString &path, Profile profile,
                                                       const Clock &clock, Check check)
{
    return open(path, std::move(profile), clock,
                check == Check::Structure ? Store::Verify::Structure : Store::Verify::AllPages);
}

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

bool IncidentService::refreshFromElsewhere()
{
    const qint64 version = m_store->dataVersion();
    if (version == m_dataVersion)
        return false;
    m_dataVersion = version;
    // Which rows changed is not known here, so every incident is announced; the views compare
    // ids and refresh only what they show, in place.
    const auto summaries = m_store->incidentSummaries();
    Q_EMIT incidentsChanged();
    Q_EMIT conflictsChanged();
    for (const IncidentSummary &s : summaries) {
        Q_EMIT incidentChanged(s.id);
        Q_EMIT eventsChanged(s.id);
        Q_EMIT checklistChanged(s.id);
        Q_EMIT actionItemsChanged(s.id);
    }
    return true;
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

NewEvent IncidentService::record(EventKind kind, const QString &source, const QString &text) const
{
    NewEvent e;
    e.kind = kind;
    e.author = m_actor;
    e.source = source;
    e.text = text;
    return e;
}

void IncidentService::announce(const TimelineEvent &added)
{
    Q_EMIT eventAdded(added);
    Q_EMIT eventsChanged(added.incidentId);
}

void IncidentService::announceIncident(const QString &id, const TimelineEvent &logged)
{
    announce(logged);
    Q_EMIT incidentChanged(id);
    Q_EMIT incidentsChanged();
}

Incident IncidentService::declare(const NewIncident &n)
{
    NewIncident request = n;
    if (request.commander.trimmed().isEmpty())
        request.commander = m_actor;
    // The incident, its checklists and the "declared" event: all of them or none, so a crash or
    // a full disk never leaves half an incident that a retrying script would duplicate.
    Store::Transaction tx(*m_store);
    const Incident inc = m_store->declareIncident(request);
    for (const auto kind : {ChecklistKind::InitialAssessment, ChecklistKind::RecoveryConfirmation,
                            ChecklistKind::PostIncident}) {
        for (const QString &text : m_profile.checklist(kind))
            m_store->addChecklistItem(inc.id, kind, text);
    }
    // Timeline text is the record every device shares and syncs, so it is never translated.
    NewEvent declared = record(EventKind::Alert, QStringLiteral("declare"),
                               QStringLiteral("Incident declared: %1 %2 — %3, channel %4")
                                   .arg(severityToString(inc.severity), inc.title,
                                        // not "commander commander" when nobody could be named
                                        inc.commander == unnamedActor()
                                            ? QStringLiteral("no commander named yet")
                                            : QStringLiteral("commander %1").arg(inc.commander),
                                        inc.channel));
    declared.occurredAt = inc.startedAt;
    const TimelineEvent logged = m_store->addEvent(inc.id, declared);
    tx.commit();
    spdlog::info("declared incident {} ({})", inc.id.toStdString(), inc.channel.toStdString());
    announce(logged);
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

void IncidentService::keepTheirs(const QString &conflictId)
{
    m_store->setConflictReviewed(conflictId);
    Q_EMIT conflictsChanged();
}

void IncidentService::restoreMine(const QString &conflictId)
{
    m_store->restoreConflict(conflictId);
    Q_EMIT conflictsChanged();
    // The restored field may be anywhere in an incident: its views read it again.
    for (const SyncConflict &c : m_store->conflicts(true)) {
        if (c.id != conflictId)
            continue;
        Q_EMIT incidentChanged(c.incidentId);
        Q_EMIT checklistChanged(c.incidentId);
        Q_EMIT actionItemsChanged(c.incidentId);
    }
    Q_EMIT incidentsChanged();
}

void IncidentService::assignRoles(const QString &id, const QString &commander,
                                  const QString &commsLead, const QString &scribe)
{
    Store::Transaction tx(*m_store);
    Incident inc = require(id);
    Incident changed = inc;
    changed.commander = commander.trimmed();
    changed.commsLead = commsLead.trimmed();
    changed.scribe = scribe.trimmed();
    if (changed == inc)
        return;
    m_store->updateIncident(changed);
    const TimelineEvent logged = m_store->addEvent(
        id,
        record(EventKind::Decision, QStringLiteral("roles"),
               QStringLiteral("Roles: commander %1, comms lead %2, scribe %3")
                   .arg(triage::commanderHandle(changed.commander),
                        changed.commsLead.isEmpty() ? QStringLiteral("none") : changed.commsLead,
                        changed.scribe.isEmpty() ? QStringLiteral("none") : changed.scribe)));
    tx.commit();
    announceIncident(id, logged);
}

void IncidentService::setStatus(const QString &id, IncidentStatus s, const QString &note)
{
    // Read inside the write transaction, so a change made meanwhile by another program is the
    // one this builds on, and the change and its timeline event commit together.
    Store::Transaction tx(*m_store);
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
    QString text = QStringLiteral("Status %1 → %2").arg(statusToString(before), statusToString(s));
    if (!note.trimmed().isEmpty())
        text += QStringLiteral(" — ") + note.trimmed();
    const TimelineEvent logged =
        m_store->addEvent(id, record(EventKind::Status, QStringLiteral("status change"), text));
    tx.commit();
    announceIncident(id, logged);
}

void IncidentService::setSeverity(const QString &id, Severity s, const QString &reason)
{
    Store::Transaction tx(*m_store);
    Incident inc = require(id);
    if (inc.severity == s)
        return;
    const Severity before = inc.severity;
    inc.severity = s;
    m_store->updateIncident(inc);
    QString text =
        QStringLiteral("Severity %1 → %2").arg(severityToString(before), severityToString(s));
    if (!reason.trimmed().isEmpty())
        text += QStringLiteral(" — ") + reason.trimmed();
    const TimelineEvent logged =
        m_store->addEvent(id, record(EventKind::Decision, QStringLiteral("severity change"), text));
    tx.commit();
    announceIncident(id, logged);
}

void IncidentService::acknowledge(const QString &id)
{
    Store::Transaction tx(*m_store);
    Incident inc = require(id);
    if (inc.acknowledgedAt.isValid())
        return;
    inc.acknowledgedAt = m_clock.now();
    m_store->updateIncident(inc);
    const TimelineEvent logged =
        m_store->addEvent(id, record(EventKind::Action, QStringLiteral("acknowledge"),
                                     QStringLiteral("Incident acknowledged by %1").arg(m_actor)));
    tx.commit();
    announceIncident(id, logged);
}

void IncidentService::escalate(const QString &id, int level, const QString &reason)
{
    Store::Transaction tx(*m_store);
    Incident inc = require(id);
    if (level < 1 || level > 3 || level <= inc.escalationLevel)
        return;
    inc.escalationLevel = level;
    m_store->updateIncident(inc);
    QString title;
    if (const auto *def = m_profile.level(level))
        title = def->title;
    QString text = QStringLiteral("Escalated to L%1 %2").arg(level).arg(title).trimmed();
    if (!reason.trimmed().isEmpty())
        text += QStringLiteral(" — ") + reason.trimmed();
    const TimelineEvent logged =
        m_store->addEvent(id, record(EventKind::Escalation, QStringLiteral("escalation"), text));
    tx.commit();
    announceIncident(id, logged);
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
    announce(added);
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
    Store::Transaction tx(*m_store);
    const auto items = m_store->checklist(incidentId);
    const auto it = std::find_if(items.begin(), items.end(),
                                 [&](const ChecklistItem &c) { return c.id == itemId; });
    if (it == items.end())
        throw StoreError(StoreError::Code::NotFound, tr("No checklist item %1").arg(itemId));
    if (it->checked == checked)
        return;
    m_store->setChecklistItem(itemId, checked, m_actor);
    const QString text = checked ? QStringLiteral("Checked: %1").arg(it->text)
                                 : QStringLiteral("Unchecked: %1").arg(it->text);
    const TimelineEvent logged =
        m_store->addEvent(incidentId, record(EventKind::Action, QStringLiteral("checklist"), text));
    tx.commit();
    announce(logged);
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
