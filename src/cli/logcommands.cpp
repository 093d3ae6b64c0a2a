#include "cli/logcommands.h"

#include "cli/cli.h"
#include "cli/logsource.h"
#include "core/logs/loganalyzer.h"
#include "core/logs/logreport.h"
#include "core/profile.h"
#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/kubectlrunner.h"

#include <QDateTime>
#include <QEventLoop>
#include <QIODevice>
#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

namespace idesk::cli {

namespace {

// Read size; the analyser splits each block across the cores.
constexpr qint64 kReadBlock = qint64(16) << 20;

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

// Streams one source through the analyser; false with a message on a read error.
bool feed(logs::LogAnalyzer &analyzer, const QString &path, QString *error)
{
    LogSource source;
    if (!source.open(path)) {
        *error = source.errorString();
        return false;
    }
    std::vector<char> buf(static_cast<size_t>(kReadBlock));
    size_t have = 0;
    for (;;) {
        if (buf.size() - have < size_t(kReadBlock) / 2)
            buf.resize(have + size_t(kReadBlock)); // a line longer than the buffer
        const qint64 n = source.read(buf.data() + have, qint64(buf.size() - have));
        if (n < 0) {
            *error = source.errorString();
            return false;
        }
        const bool end = n == 0;
        have += size_t(n);
        const qsizetype used = analyzer.consume(QByteArrayView(buf.data(), qsizetype(have)), end);
        std::memmove(buf.data(), buf.data() + used, have - size_t(used));
        have -= size_t(used);
        if (end)
            return true;
        if (buf.size() > size_t(kReadBlock) && have < size_t(kReadBlock) / 2) {
            buf.resize(size_t(kReadBlock)); // give back what a long line needed
            buf.shrink_to_fit();
        }
    }
}

// Streams `kubectl logs deployment/NAME` through the analyser as it arrives.
bool feedKubectl(Context &ctx, logs::LogAnalyzer &analyzer, const QString &target, QString *error)
{
    const QString prefix = QStringLiteral("deployment/");
    if (!target.startsWith(prefix))
        throw UsageError{QObject::tr("--kubectl takes deployment/NAME, not '%1'").arg(target)};
    diag::LogsRequest request;
    request.deployment = target.mid(prefix.size());
    request.since = option(ctx.args, QStringLiteral("--since"));
    request.allPods = flag(ctx.args, QStringLiteral("--all-pods"));
    diag::KubectlOptions kube = diag::kubectlOptionsFor(ctx.profile());
    const QString ns = option(ctx.args, QStringLiteral("--namespace"));
    if (!ns.isEmpty())
        kube.ns = ns;
    const int timeout = count(ctx.args, QStringLiteral("--timeout"), 120);

    diag::KubectlLogStream stream(kube, request, std::max(1, timeout));
    QEventLoop loop;
    QByteArray pending;
    QString failure;
    QObject::connect(&stream, &diag::KubectlLogStream::data, &loop, [&](const QByteArray &chunk) {
        pending += chunk;
        pending.remove(0, analyzer.consume(pending, false));
    });
    QObject::connect(&stream, &diag::KubectlLogStream::finished, &loop, [&](const QString &e) {
        failure = e;
        loop.quit();
    });
    QMetaObject::invokeMethod(&stream, &diag::KubectlLogStream::start, Qt::QueuedConnection);
    loop.exec();
    if (!failure.isEmpty()) {
        *error = QObject::tr("kubectl logs %1: %2").arg(target, failure);
        return false;
    }
    analyzer.consume(pending, true);
    return true;
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
        if (!feed(analyzer, path, &error)) {
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
