#pragma once

#include "core/profile.h"
#include "core/types.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace idesk::playbooks {

// The playbooks a profile offers: the built-in ones (the shipped profile's, from the runbook),
// then the profile's own, each replacing a built-in of the same id. A built-in step naming a
// check the profile does not have becomes a manual step with the same title, so a site with
// another catalog still gets the scenario's steps to tick.
std::vector<Playbook> effectivePlaybooks(const Profile &profile,
                                         const std::vector<Playbook> &builtins);

// What a step is called: its own title, else the check's title, else the check id.
QString stepTitle(const PlaybookStep &step, const Profile &profile);

enum class StepState
{
    NotYet = 0,
    Done,
    Failed
};
QString stepStateText(StepState s);

// How a step's outcome is recorded in a timeline event's source, which users cannot edit:
// "playbook:<playbook id>:<step id>:<mark>". A check or mitigation files passed or failed,
// a person's tick files ticked; undoing a tick deletes (tombstones) that event.
enum class StepMark
{
    Passed,
    Failed,
    Ticked
};
inline constexpr char16_t kSourcePrefix[] = u"playbook:";
QString stepSource(const QString &playbookId, const QString &stepId, StepMark mark);
struct StepRecord
{
    QString playbookId;
    QString stepId;
    StepMark mark = StepMark::Ticked;
};
std::optional<StepRecord> parseStepSource(QStringView source);

struct StepProgress
{
    StepState state = StepState::NotYet;
    QString eventId;     // the event that decided the state; empty while not yet
    bool ticked = false; // decided by a person's tick (which Space can take back)
    QDateTime at;
    QString author;
};

struct PlaybookProgress
{
    std::vector<StepProgress> steps; // one per step of the playbook, in its order
    int done = 0;
    int failed = 0;
    int total() const { return static_cast<int>(steps.size()); }
};

// Progress from the incident's current timeline events (deleted ones are ignored): for each
// step the latest of its records by occurred_at (then recorded_at) decides.
PlaybookProgress progress(const Playbook &playbook, const std::vector<TimelineEvent> &events);

// The timeline text for a step's record.
QString stepEventText(const Playbook &playbook, const PlaybookStep &step, const QString &title,
                      StepMark mark, const QString &detail = {});

struct Suggestion
{
    QString playbookId;
    QString reason; // "title mentions “payment”"
    int score = 0;
};

// The playbook that fits the incident best, from its title (weight 3 per keyword), summary (2),
// impact texts (1) and impact figures at or above the playbook's levels (3 each). Ties go to the
// playbook listed first; nothing when no playbook scores.
std::optional<Suggestion> suggest(const Incident &incident, const std::vector<Playbook> &playbooks);

} // namespace idesk::playbooks
