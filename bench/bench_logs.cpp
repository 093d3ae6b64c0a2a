// P5: `incidentdesk-cli analyze-logs --json` on a generated 2-million-line log, against the
// runbook's three pipelines (grep/sort/uniq/awk, LC_ALL=C) on the same file in the same run, with
// `wc -l` as the floor: reading the bytes once. Prints one BENCH line; never fails on timing.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kLines = 2000000;
constexpr int kRuns = 5;

// A backend's log: ISO timestamps a few ms apart (so every line is unique, as in production),
// about a fifth errors from a dozen message kinds, and request lines ending in response_time.
void generate(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QRandomGenerator rng(17);
    static const char *errors[] = {
        "request failed user=u_%u order=ord_%x reason=timeout",
        "payment declined for order ord_%x amount=%u.99 gateway=stripe",
        "db query timeout after %ums on replica-%u",
        "upstream 502 from http://10.0.%u.%u:8080/api/inventory",
        "cache miss storm key=session:%x hits=%u",
        "JSON-RPC eth_call failed code=-32000 id=%u block=%u",
        "connection reset by peer 10.1.%u.%u",
        "order ord_%x stuck in state PENDING for %us",
        "user u_%u not found in shard %u",
        "websocket closed code=1006 client=%x after %us",
    };
    static const char *infos[] = {
        "GET /api/orders/%u status=200 request_id=%x",
        "order ord_%x created for user u_%u",
        "health check ok latency=%ums pods=%u",
        "cache hit key=product:%u ttl=%us",
    };
    static const char *loggers[] = {"c.l.OrderService", "c.l.Payments", "c.l.Gateway", "c.l.Rpc"};
    QByteArray buf;
    buf.reserve(8 << 20);
    qint64 ms = 1714521600000; // 2024-05-01T00:00:00Z
    char line[512], msg[256];
    for (int i = 0; i < kLines; ++i) {
        ms += rng.bounded(1, 20);
        const qint64 s = ms / 1000;
        const int hh = int(s / 3600 % 24), mm = int(s / 60 % 60), ss = int(s % 60);
        const unsigned a = rng.bounded(1u, 99999u), b = rng.bounded(1u, 65535u);
        const int kind = rng.bounded(100);
        const char *level;
        if (kind < 20) {
            level = "ERROR";
            std::snprintf(msg, sizeof msg, errors[rng.bounded(int(std::size(errors)))], a, b);
        } else if (kind < 55) {
            level = "INFO";
            std::snprintf(msg, sizeof msg, "%s /api/%s completed response_time: %u.%u",
                          rng.bounded(2) ? "GET" : "POST", rng.bounded(2) ? "orders" : "products",
                          rng.bounded(1u, 3000u), rng.bounded(0u, 10u));
        } else {
            level = kind < 95 ? "INFO" : "WARN";
            std::snprintf(msg, sizeof msg, infos[rng.bounded(int(std::size(infos)))], a, b);
        }
        const int n = std::snprintf(
            line, sizeof line, "2024-05-01T%02d:%02d:%02d.%03dZ %s [worker-%d] %s - %s\n", hh, mm,
            ss, int(ms % 1000), level, int(rng.bounded(16)), loggers[rng.bounded(4)], msg);
        buf.append(line, n);
        if (buf.size() > (7 << 20)) {
            f.write(buf);
            buf.clear();
        }
    }
    f.write(buf);
    // On disk before anything is timed: the kernel writing 200 MB back in the middle of a run
    // would slow whichever program runs then.
    f.flush();
    fsync(f.handle());
}

QProcessEnvironment cLocale()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return env;
}

// Runs stages chained stdout to stdin, the first reading the file, the last writing to
// /dev/null; milliseconds.
double pipeline(const QString &file, const QList<QStringList> &stages)
{
    std::vector<std::unique_ptr<QProcess>> procs;
    for (const QStringList &stage : stages) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(cLocale());
        p->setProgram(stage.first());
        p->setArguments(stage.mid(1));
        if (!procs.empty())
            procs.back()->setStandardOutputProcess(p.get());
        procs.push_back(std::move(p));
    }
    procs.front()->setStandardInputFile(file);
    procs.back()->setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    for (auto &p : procs)
        p->start();
    for (auto &p : procs)
        p->waitForFinished(-1);
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // `bench_logs --generate FILE` only writes the log, for profiling the CLI on it.
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QStringLiteral("--generate")) {
        generate(args.at(2));
        return 0;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("backend.log"));
    std::fprintf(stderr, "generating %d lines...\n", kLines);
    generate(file);
    const double sizeMb = double(QFileInfo(file).size()) / 1e6;

    const QStringList grepErr{QStringLiteral("grep"), QStringLiteral("ERROR")};
    const QStringList awkNf{QStringLiteral("awk"), QStringLiteral("{print $NF}")};
    const QStringList sort{QStringLiteral("sort")};
    const QStringList uniqC{QStringLiteral("uniq"), QStringLiteral("-c")};
    const QStringList sortNr{QStringLiteral("sort"), QStringLiteral("-nr")};

    const auto runOurs = [&]() -> double {
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(IDESK_CLI_BINARY),
                {QStringLiteral("--db"), dir.filePath(QStringLiteral("db.sqlite")),
                 QStringLiteral("analyze-logs"), QStringLiteral("--json"), file});
        p.waitForFinished(-1);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (p.exitCode() != 0) {
            std::fprintf(stderr, "analyze-logs failed: %s\n", p.readAllStandardError().constData());
            std::exit(1);
        }
        return ms;
    };
    const auto runRunbook = [&] {
        double total = pipeline(file, {grepErr, sort, uniqC, sortNr});
        total += pipeline(
            file,
            {grepErr, awkNf, sort, uniqC, sortNr, {QStringLiteral("head"), QStringLiteral("-10")}});
        total += pipeline(file, {{QStringLiteral("grep"), QStringLiteral("response_time")},
                                 awkNf,
                                 {QStringLiteral("sort"), QStringLiteral("-n")},
                                 {QStringLiteral("tail"), QStringLiteral("-20")}});
        return total;
    };

    // One run of ours alone first, so RUSAGE_CHILDREN's peak is the CLI's (sort's buffers are
    // larger); it also brings the file into the page cache for everyone. Then the programs take
    // turns, so a slow spell of the machine falls on both sides rather than on one.
    std::vector<double> ours, runbook, floor;
    runOurs();
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const double peakMb = double(usage.ru_maxrss) / 1024.0;
    for (int r = 0; r < kRuns; ++r) {
        ours.push_back(runOurs());
        runbook.push_back(runRunbook());
        floor.push_back(pipeline(file, {{QStringLiteral("wc"), QStringLiteral("-l")}}));
    }

    const double o = median(ours), a = median(runbook), w = median(floor);
    std::printf("BENCH logs ours_ms=%.0f anchor_ms=%.0f ratio=%.1fx goal=>=5x floor_wc_ms=%.0f "
                "peak_rss_mb=%.0f lines=%d size_mb=%.0f\n",
                o, a, a / o, w, peakMb, kLines, sizeMb);
    return 0;
}
