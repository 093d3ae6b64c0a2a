#include "playbookservice.h"

#include "core/error.h"
#include "services/incidentservice.h"

namespace idesk {

using playbooks::StepMark;
using playbooks::StepState;

PlaybookService::PlaybookService(IncidentService &incidents, QObject *parent)
    : QObject(parent), m_incidents(incidents)
{
    // Edits made on the Timeline tab (deleting a step's record) change progress too.
    connect(&m_incidents, &IncidentService::eventsChanged, this, &PlaybookService::progressChanged);
}

std::vector<Playbook> PlaybookService::playbooks() const
{
    return playbooks::effectivePlaybooks(m_incidents.profile(), defaultProfile().playbooks);
}

std::optional<Playbook> PlaybookService::playbook(const QString &id) const
{
    for (Playbook &pb : playbooks()) {
        if (pb.id == id)
            return std::move(pb);
    }
    return std::nullopt;
}

QString PlaybookService::stepTitle(const PlaybookStep &step) const
{
    return playbooks::stepTitle(step, m_incidents.profile());
}

playbooks::PlaybookProgress PlaybookService::progress(const QString &incidentId,
                                                      const Playbook &playbook) const
{
    if (incidentId.isEmpty())
        return playbooks::progress(playbook, {});
    return playbooks::progress(playbook, m_incidents.events(EventQuery{incidentId}));
}

const PlaybookStep &PlaybookService::requireStep(const Playbook &playbook,
                                                 const QString &stepId) const
{
    const PlaybookStep *s = playbook.step(stepId);
    if (!s)
        throw Error(Error::Kind::NotFound,
                    QStringLiteral("Playbook %1 has no step %2").arg(playbook.title, stepId));
    return *s;
}

TimelineEvent PlaybookService::recordRun(const QString &incidentId, const Playbook &playbook,
                                         const QString &stepId, bool passed, const QString &detail)
{
    const PlaybookStep &step = requireStep(playbook, stepId);
    const StepMark mark = passed ? StepMark::Passed : StepMark::Failed;
    NewEvent e;
    e.occurredAt = m_incidents.clock().now();
    e.kind =
        step.kind == PlaybookStep::Kind::Mitigation ? EventKind::Action : EventKind::Diagnostic;
    e.author = m_incidents.actor();
    e.source = playbooks::stepSource(playbook.id, step.id, mark);
    e.text = playbooks::stepEventText(playbook, step, stepTitle(step), mark, detail);
    return m_incidents.addEvent(incidentId, e);
}

bool PlaybookService::toggleTick(const QString &incidentId, const Playbook &playbook,
                                 const QString &stepId)
{
    const PlaybookStep &step = requireStep(playbook, stepId);
    const auto p = progress(incidentId, playbook);
    const auto i = static_cast<std::size_t>(&step - playbook.steps.data());
    const playbooks::StepProgress &now = p.steps.at(i);
    if (now.state == StepState::Done && now.ticked) {
        EventChange gone;
        gone.deleted = true;
        m_incidents.editEvent(now.eventId, gone);
        return false;
    }
    NewEvent e;
    e.occurredAt = m_incidents.clock().now();
    e.kind = EventKind::Action;
    e.author = m_incidents.actor();
    e.source = playbooks::stepSource(playbook.id, step.id, StepMark::Ticked);
    e.text = playbooks::stepEventText(
        playbook, step, stepTitle(step), StepMark::Ticked,
        e.author.isEmpty() ? QString() : QStringLiteral("ticked by %1").arg(e.author));
    m_incidents.addEvent(incidentId, e);
    return true;
}

std::optional<playbooks::Suggestion> PlaybookService::suggestion(const Incident &incident) const
{
    return playbooks::suggest(incident, playbooks());
}

} // namespace idesk
