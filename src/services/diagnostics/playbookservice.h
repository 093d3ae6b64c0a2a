#pragma once

#include "core/playbooks/playbooks.h"
#include "core/types.h"

#include <QObject>
#include <optional>
#include <vector>

namespace idesk {

class IncidentService;

// Scenario playbooks over an incident's timeline. The timeline is the only record: each step's
// outcome is an event whose source names the playbook, the step and the outcome, so progress
// is kept in the database, syncs like any event, and a tick taken back is a tombstone.
class PlaybookService final : public QObject
{
    Q_OBJECT
public:
    explicit PlaybookService(IncidentService &incidents, QObject *parent = nullptr);

    // The built-in playbooks merged with the current profile's own.
    std::vector<Playbook> playbooks() const;
    std::optional<Playbook> playbook(const QString &id) const;
    QString stepTitle(const PlaybookStep &step) const;

    playbooks::PlaybookProgress progress(const QString &incidentId, const Playbook &playbook) const;

    // Files a check or mitigation step's outcome; `detail` is the run's one-line summary.
    TimelineEvent recordRun(const QString &incidentId, const Playbook &playbook,
                            const QString &stepId, bool passed, const QString &detail = {});
    // A step that is not done gets a person's tick; a step done by a tick loses it (the tick
    // event is deleted, so an earlier outcome shows again). Returns whether it is ticked now.
    bool toggleTick(const QString &incidentId, const Playbook &playbook, const QString &stepId);

    std::optional<playbooks::Suggestion> suggestion(const Incident &incident) const;

Q_SIGNALS:
    // A step's outcome was filed or taken back for this incident.
    void progressChanged(const QString &incidentId);

private:
    const PlaybookStep &requireStep(const Playbook &playbook, const QString &stepId) const;

    IncidentService &m_incidents;
};

} // namespace idesk
