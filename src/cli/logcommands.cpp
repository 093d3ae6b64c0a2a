#include "cli/logcommands.h"

#include "cli/cli.h"
#include "core/logs/loganalyzer.h"
#include "core/logs/logreport.h"
#include "core/profile.h"
#include "services/logs/logfeed.h"

#include <QDateTime>
#include <algorithm>
#include <thread>
#include <vector>

namespace idesk::cli {

namespace {

int count(const QStringList &args, const QString &name, int fallback)
{
    const QString text = option(args, name, QString::number(fallback));
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0)
        throw UsageError{
            QObject::tr("%1 needs a whole number of 0 or more, not '%2'").arg(name, text)};
    return n;
}

// `kubectl logs deployment/NAME` through the analyser, as the log panel reads it.
bool feedKubectl(Context &ctx, logs::LogAnalyzer &analyzer, const QString &target, QString *error)
{
    const std::optional<QString> deployment = deploymentOf(target);
    if (!deployment)
        throw UsageError{QObject::tr("--kubectl takes deployment/NAME, not '%1'").arg(target)};
    KubectlLogsSource source;
    source.deployment = *deployment;
    source.since = option(ctx.args, QStringLiteral("--since"));
    source.allPods = flag(ctx.args, QStringLiteral("--all-pods"));
    source.ns = option(ctx.args, QStringLiteral("--namespace"));
    source.timeoutSeconds = std::max(1, count(ctx.args, QStringLiteral("--timeout"), 120));
    return feedKubectlLogs(analyzer, ctx.profile(), source, error) == FeedResult::Done;
}

int cmdAnalyzeLogs(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--match"),   QStringLiteral("--top"),
                                QStringLiteral("--slowest"), QStringLiteral("--kubectl"),
                                QStringLiteral("--since"),   QStringLiteral("--namespace"),
                                QStringLiteral("--timeout")};
    checkOptions(
        ctx.args, withValue,
        {QStringLiteral("--with-lines"), QStringLiteral("--json"), QStringLiteral("--all-pods")});
    QStringList sources = positionals(ctx.args, withValue);
    const QString kubectlTarget = option(ctx.args, QStringLiteral("--kubectl"));
    if (kubectlTarget.isEmpty()) {
        for (const QString &o : {QStringLiteral("--since"), QStringLiteral("--namespace"),
                                 QStringLiteral("--timeout")}) {
            if (!option(ctx.args, o).isEmpty())
                throw UsageError{QObject::tr("%1 goes with --kubectl").arg(o)};
        }
        if (flag(ctx.args, QStringLiteral("--all-pods")))
            throw UsageError{QObject::tr("--all-pods goes with --kubectl")};
        if (sources.isEmpty())
            sources << QStringLiteral("-");
    } else if (!sources.isEmpty()) {
        throw UsageError{QObject::tr("--kubectl reads the cluster's logs; give no files with it")};
    }
    if (sources.count(QStringLiteral("-")) > 1)
        throw UsageError{QObject::tr("standard input (-) can be read only once")};

    logs::Options opt;
    opt.match = option(ctx.args, QStringLiteral("--match"), QStringLiteral("ERROR")).toLocal8Bit();
    opt.top = count(ctx.args, QStringLiteral("--top"), 10);
    opt.slowest = count(ctx.args, QStringLiteral("--slowest"), 20);
    opt.withLines = flag(ctx.args, QStringLiteral("--with-lines"));
    opt.threads = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    opt.defaultYear = QDateTime::currentDateTimeUtc().date().year();

    logs::LogAnalyzer analyzer(opt);
    if (!kubectlTarget.isEmpty()) {
        QString error;
        if (!feedKubectl(ctx, analyzer, kubectlTarget, &error)) {
            ctx.err << error << '\n';
            return CouldNotRun;
        }
    }
    for (const QString &path : sources) {
        QString error;
        if (feedLogFile(analyzer, path, &error) != FeedResult::Done) {
            ctx.err << error << '\n';
            return DataError;
        }
    }
    const logs::Report report = analyzer.finish();
    // Big reports go out as bytes: a detour through QString would double the time.
    if (flag(ctx.args, QStringLiteral("--json")))
        logs::writeJson(report, opt.withLines, ctx.writeBytes);
    else
        ctx.writeBytes(logs::reportToText(report, opt.match));
    return Ok;
}

} // namespace

void registerLogCommands(Registry &r)
{
    r.add({QStringLiteral("analyze-logs"),
           QStringLiteral("analyze-logs [FILE...|-] [--kubectl deployment/NAME [--since 1h] "
                          "[--namespace N] [--all-pods] [--timeout S]] [--match WORD] [--top N] "
                          "[--slowest N] [--with-lines] [--json]"),
           QObject::tr("Analyse logs (plain or .gz, - for standard input, or a deployment's "
                       "through kubectl) as the runbook's analyze-logs.sh does, plus message "
                       "templates and errors per minute."),
           cmdAnalyzeLogs});
}

} // namespace idesk::cli
