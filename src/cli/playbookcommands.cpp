#include "cli/cli.h"
#include "services/diagnostics/playbookservice.h"
#include "services/incidentservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace idesk::cli {

namespace {

using playbooks::StepState;

QString stateName(StepState s)
{
    switch (s) {
    case StepState::Done:
        return QStringLiteral("done");
    case StepState::Failed:
        return QStringLiteral("failed");
    case StepState::NotYet:
        break;
    }
    return QStringLiteral("not-yet");
}

// By id, or by title ignoring case, so `playbook show "Website down"` works as well.
Playbook requirePlaybook(const PlaybookService &svc, const QString &name)
{
    for (const Playbook &pb : svc.playbooks()) {
        if (pb.id == name || pb.title.compare(name, Qt::CaseInsensitive) == 0)
            return pb;
    }
    QStringList ids;
    for (const Playbook &pb : svc.playbooks())
        ids << pb.id;
    throw UsageError{
        QObject::tr("no playbook %1 (there are: %2)").arg(name, ids.join(QStringLiteral(", ")))};
}

int listPlaybooks(Context &ctx, const PlaybookService &svc, bool json)
{
    QJsonArray list;
    for (const Playbook &pb : svc.playbooks()) {
        if (json)
            list.append(QJsonObject{{QStringLiteral("id"), pb.id},
                                    {QStringLiteral("title"), pb.title},
                                    {QStringLiteral("steps"), int(pb.steps.size())}});
        else
            ctx.out << pb.id << '\t' << oneLine(pb.title) << '\t'
                    << QObject::tr("%n step(s)", nullptr, int(pb.steps.size())) << '\n';
    }
    if (json)
        ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return Ok;
}

int showPlaybook(Context &ctx, const PlaybookService &svc, const Playbook &pb,
                 const QString &incidentArg, bool json)
{
    QString incidentId;
    if (!incidentArg.isEmpty())
        incidentId = requireIncident(ctx, incidentArg).id;
    const playbooks::PlaybookProgress p = svc.progress(incidentId, pb);
    if (json) {
        QJsonArray steps;
        for (std::size_t i = 0; i < pb.steps.size(); ++i) {
            const PlaybookStep &s = pb.steps[i];
            QJsonObject o{{QStringLiteral("id"), s.id},
                          {QStringLiteral("kind"), playbookStepKindToString(s.kind)},
                          {QStringLiteral("title"), svc.stepTitle(s)}};
            if (!s.check.isEmpty())
                o.insert(QStringLiteral("check"), s.check);
            if (!s.note.isEmpty())
                o.insert(QStringLiteral("note"), s.note);
            if (!incidentId.isEmpty()) {
                o.insert(QStringLiteral("state"), stateName(p.steps[i].state));
                if (p.steps[i].state != StepState::NotYet) {
                    o.insert(QStringLiteral("by"), p.steps[i].author);
                    o.insert(QStringLiteral("at"), toIsoUtc(p.steps[i].at));
                }
            }
            steps.append(o);
        }
        QJsonObject doc{{QStringLiteral("id"), pb.id},
                        {QStringLiteral("title"), pb.title},
                        {QStringLiteral("symptoms"), pb.symptoms},
                        {QStringLiteral("steps"), steps}};
        if (!incidentId.isEmpty()) {
            doc.insert(QStringLiteral("incident"), incidentId);
            doc.insert(QStringLiteral("done"), p.done);
            doc.insert(QStringLiteral("failed"), p.failed);
        }
        ctx.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out << oneLine(pb.title) << '\n';
    if (!pb.symptoms.isEmpty())
        ctx.out << QObject::tr("Symptoms: %1").arg(oneLine(pb.symptoms)) << '\n';
    if (!incidentId.isEmpty())
        ctx.out << QObject::tr("%1 of %2 done, %3 failed").arg(p.done).arg(p.total()).arg(p.failed)
                << '\n';
    for (std::size_t i = 0; i < pb.steps.size(); ++i) {
        const PlaybookStep &s = pb.steps[i];
        ctx.out << (i + 1) << ". ";
        if (!incidentId.isEmpty())
            ctx.out << '[' << stateName(p.steps[i].state) << "] ";
        ctx.out << oneLine(svc.stepTitle(s)) << " (" << playbookStepKindToString(s.kind);
        if (!s.check.isEmpty())
            ctx.out << ": " << s.check;
        ctx.out << ")\n";
    }
    return Ok;
}

int cmdPlaybook(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--incident")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--json")});
    const QStringList pos = positionals(ctx.args, withValue);
    const bool json = flag(ctx.args, QStringLiteral("--json"));
    PlaybookService svc(ctx.service());
    if (pos.value(0) == u"list" && pos.size() == 1) {
        if (!option(ctx.args, QStringLiteral("--incident")).isEmpty())
            throw UsageError{QObject::tr("list takes no --incident")};
        return listPlaybooks(ctx, svc, json);
    }
    if (pos.value(0) == u"show" && pos.size() == 2)
        return showPlaybook(ctx, svc, requirePlaybook(svc, pos[1]),
                            option(ctx.args, QStringLiteral("--incident")), json);
    throw UsageError{QObject::tr("expected list, or show NAME")};
}

} // namespace

void registerPlaybookCommands(Registry &r)
{
    r.add({QStringLiteral("playbook"),
           QStringLiteral("playbook list|show NAME [--incident ID] [--json]"),
           QObject::tr("The runbook's scenario playbooks; with --incident, each step's state."),
           cmdPlaybook});
}

} // namespace idesk::cli
