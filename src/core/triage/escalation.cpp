#include "escalation.h"

#include <algorithm>

namespace idesk::triage {

bool ruleApplies(const EscalationRule &rule, Severity s)
{
    return rule.severities.empty() ||
           std::find(rule.severities.begin(), rule.severities.end(), s) != rule.severities.end();
}

QDateTime ruleDueAt(const EscalationRule &rule, const Incident &incident)
{
    if (!incident.startedAt.isValid())
        return {};
    return incident.startedAt.addSecs(qint64(rule.afterMinutes) * 60);
}

std::vector<Contact> contactsForLevel(const Profile &profile, int level)
{
    std::vector<Contact> out;
    const EscalationLevel *def = profile.level(level);
    if (!def)
        return out;
    for (const QString &role : def->contactRoles) {
        for (const auto *list : {&profile.onCall, &profile.personnel}) {
            for (const Contact &c : *list) {
                if (c.role.compare(role, Qt::CaseInsensitive) == 0)
                    out.push_back(c);
            }
        }
    }
    return out;
}

EscalationStatus evaluateEscalation(const Incident &incident, const Profile &profile,
                                    const QDateTime &now)
{
    EscalationStatus st;
    st.engagedLevel = std::max(1, incident.escalationLevel);
    st.stopped = incident.status == IncidentStatus::Resolved;

    if (!st.stopped) {
        for (const EscalationRule &rule : profile.escalationRules) {
            if (!ruleApplies(rule, incident.severity))
                continue;
            const QDateTime due = ruleDueAt(rule, incident);
            if (!due.isValid())
                continue;
            if (now >= due) {
                // Highest level wins; among equals the earliest firing explains it best.
                if (rule.toLevel > st.dueLevel ||
                    (st.firedRule && rule.toLevel == st.dueLevel && due < st.dueSince)) {
                    st.dueLevel = rule.toLevel;
                    st.firedRule = rule;
                    st.dueSince = due;
                }
            }
        }
        const int floor = std::max(st.dueLevel, st.engagedLevel);
        for (const EscalationRule &rule : profile.escalationRules) {
            if (!ruleApplies(rule, incident.severity) || rule.toLevel <= floor)
                continue;
            const QDateTime due = ruleDueAt(rule, incident);
            if (!due.isValid() || now >= due)
                continue;
            // Soonest first; at the same instant the higher level is the one that matters.
            if (!st.nextRule || due < st.nextDueAt ||
                (due == st.nextDueAt && rule.toLevel > *st.nextLevel)) {
                st.nextRule = rule;
                st.nextLevel = rule.toLevel;
                st.nextDueAt = due;
            }
        }
    }

    st.contactLevel = std::max(st.dueLevel, st.engagedLevel);
    st.contacts = contactsForLevel(profile, st.contactLevel);
    if (st.nextLevel)
        st.nextContacts = contactsForLevel(profile, *st.nextLevel);
    return st;
}

QString contactSummary(const Contact &c)
{
    QStringList parts;
    const QString role = c.role.trimmed();
    const QString name = c.name.trimmed();
    const QString who = name.isEmpty() || name == role
                            ? role
                            : (role.isEmpty() ? name : role + QStringLiteral(" (") + name + u')');
    for (const QString &p : {who, c.phone.trimmed(), c.email.trimmed(), c.via.trimmed()}) {
        if (!p.isEmpty())
            parts << p;
    }
    return parts.join(QStringLiteral(" — "));
}

int escalationTarget(const EscalationStatus &status, const Profile &profile)
{
    if (status.escalationNeeded())
        return status.dueLevel;
    int top = 3;
    if (!profile.escalationLevels.empty()) {
        top = 1;
        for (const auto &l : profile.escalationLevels)
            top = std::max(top, l.level);
    }
    return std::min(status.engagedLevel + 1, top);
}

} // namespace idesk::triage
