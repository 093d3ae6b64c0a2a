#include "cli/cli.h"
#include "core/triage/clocks.h"
#include "core/triage/escalation.h"
#include "core/triage/messages.h"
#include "core/triage/triageformat.h"
#include "services/incidentservice.h"
#include "services/triage/triageservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace idesk::cli {

namespace {

using namespace triage;

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toIsoUtc(t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject contactJson(const Contact &c)
{
    return QJsonObject{{QStringLiteral("role"), c.role},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("phone"), c.phone},
                       {QStringLiteral("email"), c.email},
                       {QStringLiteral("via"), c.via}};
}

QJsonValue ruleJson(const std::optional<EscalationRule> &r)
{
    if (!r)
        return QJsonValue(QJsonValue::Null);
    QJsonArray severities;
    for (Severity s : r->severities)
        severities.append(severityToString(s));
    return QJsonObject{{QStringLiteral("severities"), severities},
                       {QStringLiteral("afterMinutes"), r->afterMinutes},
                       {QStringLiteral("toLevel"), r->toLevel},
                       {QStringLiteral("reason"), r->reason}};
}

QString levelTitle(const Profile &p, int level)
{
    const EscalationLevel *l = p.level(level);
    return l ? QStringLiteral("L%1 %2").arg(level).arg(l->title) : QStringLiteral("L%1").arg(level);
}

int cmdMessage(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--kind")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--slack")});
    const QString id =
        exactPositionals(ctx.args, withValue, 1, QObject::tr("one incident id")).first();
    const QString kindText = option(ctx.args, QStringLiteral("--kind"), QStringLiteral("alert"));
    const auto kind = messageKindFromString(kindText);
    if (!kind)
        throw UsageError{
            QObject::tr("--kind must be alert, update or resolved, not '%1'").arg(kindText)};
    const Incident inc = requireIncident(ctx, id);
    TriageService triage(ctx.service());
    const MessageFormat format =
        flag(ctx.args, QStringLiteral("--slack")) ? MessageFormat::Slack : MessageFormat::Plain;
    ctx.out << triage.renderMessage(inc, *kind, format) << '\n';
    return Ok;
}

int cmdStatus(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--note"), QStringLiteral("--override")};
    checkOptions(ctx.args, withValue, {});
    const QStringList pos =
        exactPositionals(ctx.args, withValue, 2, QObject::tr("an incident id and a status"));
    const auto status = statusFromString(pos[1]);
    if (!status)
        throw UsageError{QObject::tr("STATUS must be Investigating, Identified, Mitigating, "
                                     "Monitoring or Resolved, not '%1'")
                             .arg(pos[1])};
    const Incident inc = requireIncident(ctx, pos[0]);
    QString note = option(ctx.args, QStringLiteral("--note")).trimmed();
    const QString overrideReason = option(ctx.args, QStringLiteral("--override")).trimmed();
    if (*status == IncidentStatus::Resolved && inc.status != IncidentStatus::Resolved) {
        // The same rule as the tab: recovery is confirmed first, or overridden with a reason.
        QStringList open;
        int total = 0;
        for (const ChecklistItem &c : ctx.service().checklist(inc.id)) {
            if (c.list != ChecklistKind::RecoveryConfirmation || c.deleted)
                continue;
            ++total;
            if (!c.checked)
                open << c.text;
        }
        if (!open.isEmpty() && overrideReason.isEmpty()) {
            ctx.err << QObject::tr("Recovery is not confirmed; open items:") << '\n';
            for (const QString &t : open)
                ctx.err << "  [ ] " << oneLine(t) << '\n';
            ctx.err << QObject::tr("Tick them in the app, or resolve anyway with "
                                   "--override \"REASON\".")
                    << '\n';
            return CheckFailed;
        }
        // The note goes on the timeline, which every device shares: never translated.
        const QString recovery =
            open.isEmpty() ? QStringLiteral("recovery confirmed (%1/%1)").arg(total)
                           : QStringLiteral("recovery checklist overridden (%1/%2): %3; open: %4")
                                 .arg(total - open.size())
                                 .arg(total)
                                 .arg(overrideReason, open.join(QStringLiteral("; ")));
        note = note.isEmpty() ? recovery : recovery + QStringLiteral("; ") + note;
    }
    ctx.service().setStatus(inc.id, *status, note);
    const auto after = ctx.service().incident(inc.id);
    ctx.out << oneLine(inc.channel) << ": " << statusToString(inc.status) << " → "
            << statusToString(after->status) << '\n';
    return Ok;
}

int cmdAck(Context &ctx)
{
    checkOptions(ctx.args, {}, {});
    const QString id = exactPositionals(ctx.args, {}, 1, QObject::tr("one incident id")).first();
    const Incident inc = requireIncident(ctx, id);
    const bool already = inc.acknowledgedAt.isValid();
    ctx.service().acknowledge(inc.id);
    const Incident after = *ctx.service().incident(inc.id);
    const IncidentClocks c =
        computeClocks(after, ctx.service().profile(), {}, ctx.service().clock().now());
    ctx.out << oneLine(inc.channel) << ": "
            << (already ? QObject::tr("already acknowledged at ") : QObject::tr("acknowledged at "))
            << formatUtcMinute(after.acknowledgedAt);
    if (c.acknowledge.deadline.isValid()) {
        ctx.out << (c.acknowledge.late ? QObject::tr(" — %1 after the %2 response time")
                                             .arg(formatDuration(-c.acknowledge.remainingSecs),
                                                  formatDuration(c.acknowledge.windowSecs))
                                       : QObject::tr(" — within the %1 response time")
                                             .arg(formatDuration(c.acknowledge.windowSecs)));
    }
    ctx.out << '\n';
    return Ok;
}

int cmdEscalation(Context &ctx)
{
    checkOptions(ctx.args, {}, {QStringLiteral("--json")});
    const QString id = exactPositionals(ctx.args, {}, 1, QObject::tr("one incident id")).first();
    const Incident inc = requireIncident(ctx, id);
    const Profile &p = ctx.service().profile();
    const QDateTime now = ctx.service().clock().now();
    const EscalationStatus st = evaluateEscalation(inc, p, now);

    if (flag(ctx.args, QStringLiteral("--json"))) {
        QJsonArray contacts, nextContacts;
        for (const Contact &c : st.contacts)
            contacts.append(contactJson(c));
        for (const Contact &c : st.nextContacts)
            nextContacts.append(contactJson(c));
        const QJsonObject o{
            {QStringLiteral("id"), inc.id},
            {QStringLiteral("channel"), inc.channel},
            {QStringLiteral("severity"), severityToString(inc.severity)},
            {QStringLiteral("status"), statusToString(inc.status)},
            {QStringLiteral("now"), iso(now)},
            {QStringLiteral("stopped"), st.stopped},
            {QStringLiteral("engagedLevel"), st.engagedLevel},
            {QStringLiteral("dueLevel"), st.dueLevel},
            {QStringLiteral("escalationNeeded"), st.escalationNeeded()},
            {QStringLiteral("firedRule"), ruleJson(st.firedRule)},
            {QStringLiteral("dueSince"), iso(st.dueSince)},
            {QStringLiteral("nextLevel"),
             st.nextLevel ? QJsonValue(*st.nextLevel) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("nextDueAt"), iso(st.nextDueAt)},
            {QStringLiteral("nextRule"), ruleJson(st.nextRule)},
            {QStringLiteral("contactLevel"), st.contactLevel},
            {QStringLiteral("contacts"), contacts},
            {QStringLiteral("nextContacts"), nextContacts},
        };
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }

    ctx.out << oneLine(inc.channel) << "  " << severityToString(inc.severity) << ' '
            << statusToString(inc.status) << "  " << oneLine(inc.title) << '\n';
    ctx.out << "Engaged:  " << levelTitle(p, st.engagedLevel) << '\n';
    if (st.stopped) {
        ctx.out << "Due:      " << QObject::tr("nothing — resolved incidents stop escalating")
                << '\n';
    } else if (st.escalationNeeded()) {
        ctx.out << "Due:      " << levelTitle(p, st.dueLevel) << QObject::tr(" since ")
                << formatUtcMinute(st.dueSince) << " — "
                << (st.firedRule ? st.firedRule->reason : QString()) << "  "
                << QObject::tr("(ESCALATE NOW)") << '\n';
    } else {
        ctx.out << "Due:      " << QObject::tr("nothing above the engaged level") << '\n';
    }
    if (st.nextLevel) {
        ctx.out << "Next:     " << levelTitle(p, *st.nextLevel) << QObject::tr(" at ")
                << formatUtcMinute(st.nextDueAt)
                << QObject::tr(" (in %1)").arg(formatCountdown(now.secsTo(st.nextDueAt))) << " — "
                << (st.nextRule ? st.nextRule->reason : QString()) << '\n';
    } else {
        ctx.out << "Next:     " << QObject::tr("none scheduled") << '\n';
    }
    ctx.out << "Contact:  " << levelTitle(p, st.contactLevel) << '\n';
    for (const Contact &c : st.contacts)
        ctx.out << "          " << contactSummary(c) << '\n';
    if (st.contacts.empty())
        ctx.out << "          " << QObject::tr("(no contacts for this level in the profile)")
                << '\n';
    return Ok;
}

} // namespace

void registerTriageCommands(Registry &r)
{
    r.add({QStringLiteral("message"),
           QStringLiteral("message ID [--kind alert|update|resolved] [--slack]"),
           QObject::tr("Print the incident's alert, update or resolved message (plain or Slack)."),
           cmdMessage});
    r.add({QStringLiteral("status"),
           QStringLiteral("status ID STATUS [--note TEXT] [--override REASON]"),
           QObject::tr("Set the status; Resolved needs the recovery checklist or --override."),
           cmdStatus});
    r.add({QStringLiteral("ack"), QStringLiteral("ack ID"),
           QObject::tr("Acknowledge the incident and say whether the response SLA was met."),
           cmdAck});
    r.add({QStringLiteral("escalation"), QStringLiteral("escalation ID [--json]"),
           QObject::tr("Current and next escalation level, when it falls due, whom to contact."),
           cmdEscalation});
}

} // namespace idesk::cli
