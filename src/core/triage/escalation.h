#pragma once

#include "core/profile.h"
#include "core/types.h"

#include <QDateTime>
#include <optional>
#include <vector>

namespace idesk::triage {

// A rule fires once the incident has been open (not resolved) for afterMinutes since startedAt:
// at 29:59 a 30-minute rule has not fired, at 30:00 it has. Rules with no severities apply to
// every incident. Resolved incidents stop escalating: nothing is due and nothing is next.
bool ruleApplies(const EscalationRule &rule, Severity s);
QDateTime ruleDueAt(const EscalationRule &rule, const Incident &incident);

struct EscalationStatus
{
    bool stopped = false; // resolved
    int engagedLevel = 1; // incident.escalationLevel: who is already working on it
    int dueLevel = 1;     // the highest level the fired rules ask for (1 when none fired)
    std::optional<EscalationRule> firedRule; // the rule that set dueLevel
    QDateTime dueSince;                      // when firedRule fired
    // dueLevel > engagedLevel: someone has to be called now.
    bool escalationNeeded() const { return !stopped && dueLevel > engagedLevel; }

    // The next level a rule will ask for, above both the due and the engaged level.
    std::optional<int> nextLevel;
    std::optional<EscalationRule> nextRule;
    QDateTime nextDueAt;

    // The level to work with now: max(due, engaged); whom to call for it and for the next one.
    int contactLevel = 1;
    std::vector<Contact> contacts;
    std::vector<Contact> nextContacts;
};

EscalationStatus evaluateEscalation(const Incident &incident, const Profile &profile,
                                    const QDateTime &now);

// The level's contactRoles matched (case-insensitively) against on-call, then personnel.
std::vector<Contact> contactsForLevel(const Profile &profile, int level);

// "Primary (Primary on-call) — +1-555-0123 — PagerDuty": one line to read out or paste.
QString contactSummary(const Contact &c);

// The level one click on "Escalate" moves to: the due level when one is due, else one up
// (capped at the highest level the profile defines, at least 3 when it defines none).
int escalationTarget(const EscalationStatus &status, const Profile &profile);

} // namespace idesk::triage
