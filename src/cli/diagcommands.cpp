#include "cli/cli.h"
#include "diagnostics/diagnosticsrunner.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "services/incidentservice.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace idesk::cli {

namespace {

QStringList lagUrls(const Profile &p)
{
    QStringList urls;
    for (const JsonRpcEndpoint &e : p.jsonRpcEndpoints)
        urls << e.url;
    urls.removeDuplicates();
    return urls;
}

QString target(const DiagnosticCheck &c, const Profile &p)
{
    if (c.kind == u"jsonrpc-lag")
        return lagUrls(p).join(QLatin1Char(' '));
    if (c.kind == u"sql" && !p.database.conninfo.isEmpty())
        return c.query;
    if (!c.args.isEmpty()) {
        QStringList a = c.args;
        if (c.kind == u"sql")
            a << QStringLiteral("-c") << c.query;
        return QStringLiteral("kubectl ") + a.join(QLatin1Char(' '));
    }
    if (!c.url.isEmpty())
        return c.url;
    return c.host;
}

QJsonObject checkJson(const DiagnosticCheck &c, const Profile &p)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("group"), c.group},
                  {QStringLiteral("kind"), c.kind},
                  {QStringLiteral("title"), c.title},
                  {QStringLiteral("destructive"), c.destructive}};
    if (c.kind == u"kubectl" || c.kind == u"logs" || c.kind == u"sql")
        o.insert(QStringLiteral("argv"), QJsonArray::fromStringList(c.args));
    if (c.kind == u"sql")
        o.insert(QStringLiteral("query"), c.query);
    if (c.kind == u"sql" && !p.database.conninfo.isEmpty())
        o.insert(QStringLiteral("database"), diag::describeConninfo(p.database.conninfo));
    if (c.kind == u"http" || c.kind == u"jsonrpc")
        o.insert(QStringLiteral("url"), c.url);
    if (c.kind == u"dns")
        o.insert(QStringLiteral("host"), c.host);
    if (c.kind == u"jsonrpc-lag")
        o.insert(QStringLiteral("urls"), QJsonArray::fromStringList(lagUrls(p)));
    if (c.destructive)
        o.insert(QStringLiteral("target"), c.target);
    return o;
}

int cmdChecks(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--group")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--json")});
    exactPositionals(ctx.args, withValue, 0, QObject::tr("no positional arguments"));
    const QString group = option(ctx.args, QStringLiteral("--group"));
    QJsonArray list;
    for (const DiagnosticCheck &c : ctx.service().profile().diagnostics) {
        if (!group.isEmpty() && c.group.compare(group, Qt::CaseInsensitive) != 0)
            continue;
        if (flag(ctx.args, QStringLiteral("--json"))) {
            list.append(checkJson(c, ctx.service().profile()));
        } else {
            ctx.out << c.id << '\t' << c.group << '\t' << c.kind << '\t' << c.title
                    << (c.destructive ? QObject::tr("\t[destructive: %1]").arg(c.target)
                                      : QString())
                    << '\t' << target(c, ctx.service().profile()) << '\n';
        }
    }
    if (flag(ctx.args, QStringLiteral("--json")))
        ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return Ok;
}

// Runs checks on a local event loop (the CLI has no other), files evidence, prints results.
int runAndReport(Context &ctx, const std::vector<DiagnosticCheck> &checks,
                 const diag::RunnerOptions &options, const QString &incidentArg, bool json)
{
    QString incidentId;
    if (!incidentArg.isEmpty())
        incidentId = requireIncident(ctx, incidentArg).id;
    std::map<QString, QString> titles;
    for (const DiagnosticCheck &c : checks)
        titles[c.id] = c.title;

    diag::DiagnosticsRunner runner(options);
    QList<diag::DiagnosticResult> results;
    QEventLoop loop;
    QObject::connect(&runner, &diag::DiagnosticsRunner::resultReady,
                     [&results](const diag::DiagnosticResult &r) { results.append(r); });
    QObject::connect(&runner, &diag::DiagnosticsRunner::allFinished, &loop, &QEventLoop::quit);
    runner.run(checks);
    if (!runner.isIdle())
        loop.exec();

    DiagnosticsService evidence(ctx.service());
    QJsonArray out;
    bool anyFailed = false, anyError = false;
    for (const diag::DiagnosticResult &r : std::as_const(results)) {
        anyFailed = anyFailed || r.status != diag::RunStatus::Pass;
        anyError = anyError || r.status == diag::RunStatus::Error;
        QString eventId;
        if (!incidentId.isEmpty())
            eventId = evidence.recordEvidence(incidentId, r, titles[r.check]).id;
        if (json) {
            QJsonObject o = r.toJson();
            if (!eventId.isEmpty())
                o.insert(QStringLiteral("event"), eventId);
            out.append(o);
            continue;
        }
        ctx.out << diag::runStatusToString(r.status).toUpper() << '\t' << r.check << '\t'
                << r.summary;
        ctx.out << QStringLiteral("\t(%1)").arg(r.where()) << '\n';
        if (checks.size() == 1 && !r.output.isEmpty()) {
            ctx.out << r.output;
            if (!r.output.endsWith(QLatin1Char('\n')))
                ctx.out << '\n';
            if (r.truncated)
                ctx.out << QObject::tr("[output truncated]") << '\n';
        }
    }
    if (json)
        ctx.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
    if (anyError)
        return CouldNotRun;
    return anyFailed ? CheckFailed : Ok;
}

diag::RunnerOptions optionsFor(const Context &ctx)
{
    return diag::runnerOptionsFor(ctx.service().profile());
}

int cmdRun(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--incident"), QStringLiteral("--timeout"),
                                QStringLiteral("--confirm")};
    checkOptions(ctx.args, withValue,
                 {QStringLiteral("--json"), QStringLiteral("--allow-destructive")});
    const QStringList ids = positionals(ctx.args, withValue);
    if (ids.isEmpty())
        throw UsageError{QObject::tr("name at least one check (see the checks command)")};
    std::vector<DiagnosticCheck> checks;
    for (const QString &id : ids) {
        const DiagnosticCheck *c = ctx.service().profile().diagnostic(id);
        if (!c)
            throw UsageError{QObject::tr("unknown check '%1' (see the checks command)").arg(id)};
        checks.push_back(*c);
    }
    diag::RunnerOptions o = optionsFor(ctx);
    const QString timeout = option(ctx.args, QStringLiteral("--timeout"));
    if (!timeout.isEmpty()) {
        bool ok = false;
        o.timeoutSeconds = timeout.toInt(&ok);
        if (!ok || o.timeoutSeconds < 1 || o.timeoutSeconds > 3600)
            throw UsageError{QObject::tr("--timeout takes seconds between 1 and 3600")};
    }
    if (flag(ctx.args, QStringLiteral("--allow-destructive"))) {
        o.readOnly = false;
        o.confirmTarget = option(ctx.args, QStringLiteral("--confirm"));
    }
    return runAndReport(ctx, checks, o, option(ctx.args, QStringLiteral("--incident")),
                        flag(ctx.args, QStringLiteral("--json")));
}

int cmdHealth(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--incident")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--json")});
    exactPositionals(ctx.args, withValue, 0, QObject::tr("no positional arguments"));
    std::vector<DiagnosticCheck> checks;
    for (const DiagnosticCheck &c : ctx.service().profile().diagnostics) {
        if (c.group == u"Quick health" && !c.destructive)
            checks.push_back(c);
    }
    return runAndReport(ctx, checks, optionsFor(ctx),
                        option(ctx.args, QStringLiteral("--incident")),
                        flag(ctx.args, QStringLiteral("--json")));
}

// The full output of a run filed as evidence: the event on the timeline holds an excerpt, the
// database the whole (redacted) text.
int cmdOutput(Context &ctx)
{
    checkOptions(ctx.args, {}, {QStringLiteral("--json")});
    const QString eventId =
        exactPositionals(ctx.args, {}, 1, QObject::tr("one evidence event id")).first();
    const DiagnosticsService evidence(ctx.service());
    const auto stored = evidence.output(eventId);
    if (!stored)
        throw StoreError(StoreError::Code::NotFound,
                         QObject::tr("no diagnostic output is filed for event '%1'").arg(eventId));
    if (flag(ctx.args, QStringLiteral("--json"))) {
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("event"), stored->eventId},
                                             {QStringLiteral("incident"), stored->incidentId},
                                             {QStringLiteral("check"), stored->checkId},
                                             {QStringLiteral("truncated"), stored->truncated},
                                             {QStringLiteral("output"), stored->output}})
                       .toJson(QJsonDocument::Indented);
        return 0;
    }
    ctx.out << stored->output;
    if (!stored->output.endsWith(u'\n'))
        ctx.out << '\n';
    if (stored->truncated)
        ctx.out << QObject::tr("(output truncated when it was recorded)") << '\n';
    return 0;
}

} // namespace

void registerDiagnosticsCommands(Registry &r)
{
    r.add({QStringLiteral("checks"), QStringLiteral("checks [--group G] [--json]"),
           QObject::tr("List the profile's diagnostic checks."), cmdChecks});
    r.add({QStringLiteral("run"),
           QStringLiteral("run CHECK... [--incident ID] [--json] [--timeout SECONDS] "
                          "[--allow-destructive --confirm TARGET]"),
           QObject::tr("Run checks; with --incident, file each result as evidence."), cmdRun});
    r.add({QStringLiteral("health"), QStringLiteral("health [--incident ID] [--json]"),
           QObject::tr("The runbook's quick health check, in parallel."), cmdHealth});
    r.add({QStringLiteral("output"), QStringLiteral("output EVENT_ID [--json]"),
           QObject::tr("The full output of a check filed as evidence."), cmdOutput});
}

} // namespace idesk::cli
