// Opens an incident with 100,000 timeline events in the Timeline tab and measures the time to
// the first painted rows and the process's peak memory, against the sqlite3 shell reading the
// same rows into /dev/null; then the median time to filter all 100,000 loaded rows by text.
//
// The database is written by a child run of this same binary (--generate), so the measured
// process's peak memory is not inflated by building 100,000 events in memory first.

#include "core/clock.h"
#include "core/profile.h"
#include "gui/timeline/timelinechart.h"
#include "gui/timeline/timelinetab.h"
#include "models/timeline/timelinefilterproxy.h"
#include "models/timeline/timelinemodel.h"
#include "services/incidentservice.h"
#include "storage/store.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace idesk;

namespace {

constexpr int kEvents = 100000;
constexpr int kFilterRuns = 11;

double statusMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return -1;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int generate(const QString &path, int count)
{
    const QDateTime start(QDate(2024, 1, 15), QTime(9, 0), QTimeZone::utc());
    FakeClock clock(start);
    auto store = Store::open(path, clock);
    NewIncident n;
    n.title = QStringLiteral("Checkout outage (bench)");
    n.severity = Severity::P1;
    n.startedAt = start;
    const Incident inc = store->declareIncident(n);

    static const char *const authors[] = {"alice", "bob",   "carol", "dave",
                                          "erin",  "frank", "grace", "heidi"};
    static const char *const sources[] = {"manual",        "message",        "checklist",
                                          "status change", "diagnostic run", "transcript"};
    static const char *const phrases[] = {
        "backend pods restarting after OOMKilled, rolling back deployment",
        "checked database connections: 480 of 500 in use, long queries on orders",
        "Incident Update - Order Processing Issue\nStatus: Mitigating\n- Error rate: %1% (down "
        "from 25%)\n- Response time: %2ms\n- Affected users: ~%3/minute",
        "cache hit ratio dropped to 40 percent, flushing redis keys for product listings",
        "decided to fail over the primary database to the replica in zone b",
        "paged the L2 on-call engineer for the payments service",
        "health endpoint returns 200 again from all regions",
        "kubectl get pods -n web3-marketplace shows 3 of 12 pods pending",
    };
    std::vector<NewEvent> batch;
    batch.reserve(std::size_t(count));
    // Three days of events, a few seconds apart: the time column shows dates.
    const qint64 spanSecs = 3 * 24 * 3600;
    for (int i = 0; i < count; ++i) {
        NewEvent e;
        e.occurredAt = start.addSecs(qint64(i) * spanSecs / count);
        e.kind = static_cast<EventKind>(i % EventKindCount);
        e.author = QString::fromLatin1(authors[i % 8]);
        e.source = QString::fromLatin1(sources[(i / 3) % 6]);
        QString text = QString::fromLatin1(phrases[i % 8]);
        if (text.contains(u'%'))
            text = text.arg(1 + i % 20).arg(300 + i % 900).arg(50 + i % 1000);
        e.text = text + QStringLiteral(" #%1").arg(i);
        e.pinned = i % 997 == 0;
        batch.push_back(std::move(e));
    }
    store->addEvents(inc.id, batch);
    std::fputs(qPrintable(inc.id), stdout);
    return 0;
}

class FirstPaint final : public QObject
{
public:
    bool seen = false;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            seen = true;
        return false;
    }
};

double anchorMs(const QString &db, const QString &incidentId)
{
    // The same rows the timeline shows, read by the sqlite3 shell and thrown away.
    const QString sql =
        QStringLiteral("SELECT id, event_id, incident_id, revision, occurred_at, recorded_at, "
                       "kind, author, text, source, pinned, deleted, hlc, site_id "
                       "FROM timeline_events WHERE incident_id = '%1' AND is_current = 1 "
                       "AND deleted = 0 ORDER BY occurred_at")
            .arg(incidentId);
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral("/usr/bin/sqlite3"), {db, sql});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            std::fprintf(stderr, "sqlite3 failed: %s\n", p.readAllStandardError().constData());
            return -1;
        }
        runs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return median(runs);
}

// The offscreen platform warns each time a window's size limits change, which says nothing
// about the benchmark; everything else goes through.
QtMessageHandler g_previousHandler = nullptr;

void quietOffscreenSizeHints(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    if (msg.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, msg);
    else
        std::fprintf(stderr, "%s\n", qPrintable(msg));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--generate") == 0) {
        QCoreApplication app(argc, argv);
        return generate(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    g_previousHandler = qInstallMessageHandler(quietOffscreenSizeHints);
    QApplication app(argc, argv);

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench_timeline.sqlite"));
    QProcess gen;
    gen.start(QCoreApplication::applicationFilePath(),
              {QStringLiteral("--generate"), db, QString::number(kEvents)});
    if (!gen.waitForFinished(600000) || gen.exitCode() != 0) {
        std::fprintf(stderr, "generating the database failed: %s\n",
                     gen.readAllStandardError().constData());
        return 1;
    }
    const QString incidentId = QString::fromLatin1(gen.readAllStandardOutput()).trimmed();

    SystemClock clock;
    IncidentService service(Store::open(db, clock), defaultProfile(), clock);
    const double rssBefore = statusMb("VmHWM");

    // Ours: from creating the tab (model, proxy, view, chart) to its first painted rows.
    FirstPaint paint;
    QElapsedTimer t;
    t.start();
    auto *tab = new TimelineTab(service);
    tab->view()->viewport()->installEventFilter(&paint);
    tab->setIncidentId(incidentId);
    tab->resize(1280, 800);
    tab->show();
    while (!paint.seen)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double oursMs = double(t.nsecsElapsed()) / 1e6;
    const double peakAtPaint = statusMb("VmHWM");
    const int rowsAtPaint = tab->model()->rowCount();

    // The rest streams in after the first paint; wait for it, then filter the whole incident.
    QElapsedTimer full;
    full.start();
    while (tab->isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double fullLoadMs = double(full.nsecsElapsed()) / 1e6;

    QElapsedTimer chartTimer;
    chartTimer.start();
    const TimelineChartInput chartInput = computeTimelineChart(tab->model()->rows());
    const double chartMs = double(chartTimer.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents();
    const double peakLoaded = statusMb("VmHWM");

    const QStringList needles{QStringLiteral("database"),
                              QStringLiteral("ROLLING"),
                              QStringLiteral("#4242"),
                              QStringLiteral("error rate"),
                              QStringLiteral("zone b"),
                              QStringLiteral("pods pending"),
                              QStringLiteral("no such words"),
                              QStringLiteral("L2 ON-CALL"),
                              QStringLiteral("#9"),
                              QStringLiteral("redis"),
                              QStringLiteral("health endpoint")};
    std::vector<double> filterRuns;
    int lastShown = 0;
    for (int i = 0; i < kFilterRuns; ++i) {
        QElapsedTimer f;
        f.start();
        tab->proxy()->setTextFilter(needles[i % needles.size()]);
        filterRuns.push_back(double(f.nsecsElapsed()) / 1e6);
        lastShown = tab->proxy()->rowCount();
    }
    const double filterMs = median(filterRuns);
    // Same filter on a proxy without a view: what the proxy itself costs.
    TimelineFilterProxy bare;
    bare.setSourceModel(tab->model());
    std::vector<double> bareRuns;
    for (int i = 0; i < kFilterRuns; ++i) {
        QElapsedTimer f;
        f.start();
        bare.setTextFilter(needles[i % needles.size()]);
        bare.rowCount(); // the proxy maps lazily: make it filter now
        bareRuns.push_back(double(f.nsecsElapsed()) / 1e6);
    }

    const double anchor = anchorMs(db, incidentId);
    const int loadedRows = tab->model()->rowCount();
    delete tab;

    std::printf("BENCH timeline_open_100k ours_ms=%.1f anchor_ms=%.1f ratio=%.2f goal=<=2 "
                "peak_rss_mb=%.1f\n",
                oursMs, anchor, anchor > 0 ? oursMs / anchor : -1.0, peakAtPaint);
    std::printf("BENCH timeline_filter_100k median_ms=%.1f goal=<100\n", filterMs);
    std::printf("INFO timeline rows_at_first_paint=%d rows_loaded=%d background_load_ms=%.0f "
                "chart_compute_ms=%.1f chart_buckets=%zu chart_metrics=%zu "
                "rss_before_open_mb=%.1f peak_rss_all_loaded_mb=%.1f "
                "filter_proxy_only_median_ms=%.1f last_filter_rows=%d\n",
                rowsAtPaint, loadedRows, fullLoadMs, chartMs, chartInput.buckets.counts.size(),
                chartInput.metrics.size(), rssBefore, peakLoaded, median(bareRuns), lastShown);
    return 0;
}
