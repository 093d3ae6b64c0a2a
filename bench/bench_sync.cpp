// P7: the first sync of 100,000 timeline events to an empty server schema, against `psql \copy`
// of the same rows into an equivalent table on the same server in the same run.
//   bench_sync [event count]
// Needs a PostgreSQL server: IDESK_TEST_PG is a superuser's conninfo without a password (the
// password comes from PGPASSFILE); scripts/bench starts a throwaway cluster and sets it. psql is
// IDESK_PSQL, or psql on PATH.
// Prints: BENCH sync_first_100k_events ours_ms=<x> anchor_ms=<y> ratio=<x/y> goal=<=2 ...
//
// Ours, timed: what `incidentdesk-cli sync` does on a laptop that has never synced, in process:
// connect, create the server schema, push the whole outbox (one incident, its checklist and
// 100,000 events), then pull the change log once. The store file is made beforehand, untimed,
// and copied for each round; each round syncs to a database of its own, created empty.
//
// The anchor, timed: `psql -c "\copy … FROM file CSV"` (process start, connection, one COPY) of
// the same 100,000 event rows, all sixteen columns the sync sends, read back from the store
// beforehand into a CSV file, into a table with those columns and a primary key on the revision
// id, created beforehand in a fresh database. What the anchor does not do is what the sync adds:
// reading the outbox and the rows from SQLite, the change log, the operation ids that make a
// retry idempotent, last-writer-wins for the incident's fields, marking the outbox pushed, and
// the pull that follows. Rounds (IDESK_BENCH_ROUNDS, default 3) alternate the two; the medians
// are compared.
#include "storage/store.h"
#include "sync/pg.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace idesk;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(why));
    std::exit(1);
}

const QStringList &eventColumns()
{
    static const QStringList cols{
        QStringLiteral("id"),          QStringLiteral("event_id"),    QStringLiteral("incident_id"),
        QStringLiteral("revision"),    QStringLiteral("supersedes"),  QStringLiteral("occurred_at"),
        QStringLiteral("recorded_at"), QStringLiteral("kind"),        QStringLiteral("author"),
        QStringLiteral("text"),        QStringLiteral("source"),      QStringLiteral("pinned"),
        QStringLiteral("deleted"),     QStringLiteral("created_hlc"), QStringLiteral("hlc"),
        QStringLiteral("site_id")};
    return cols;
}

QString csvField(const QVariant &v)
{
    if (v.isNull())
        return {}; // CSV's NULL: unquoted and empty
    QString s = v.toString();
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// The store the first sync starts from: one incident and `count` events, made untimed.
int makeStore(const QString &path, int count)
{
    SystemClock clock;
    auto store = Store::open(path, clock, QStringLiteral("bench-setup"));
    const Incident inc = store->declareIncident(
        {QStringLiteral("bench sync"), Severity::P1, QStringLiteral("ic"), {}});
    const QDateTime start = clock.now().addDays(-1);
    const QStringList authors{QStringLiteral("alice"), QStringLiteral("bob"),
                              QStringLiteral("carol"), QStringLiteral("dave")};
    std::vector<NewEvent> events(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        NewEvent &e = events[std::size_t(i)];
        e.occurredAt = start.addMSecs(qint64(i) * 750);
        e.kind = EventKind(i % EventKindCount);
        e.author = authors.at(i % authors.size());
        e.text = QStringLiteral("Event %1: restarted pod checkout-%2 after OOM; error rate now %3%")
                     .arg(i)
                     .arg(i % 17)
                     .arg(i % 100);
        e.pinned = i % 50 == 0;
    }
    store->addEvents(inc.id, events);
    return store->pendingOutbox();
}

// The event rows as the sync reads them, as CSV in eventColumns() order.
qint64 writeCsv(const QString &storePath, const QString &csvPath)
{
    SystemClock clock;
    auto store = Store::open(storePath, clock, QStringLiteral("bench-csv"));
    QSqlQuery q(store->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM timeline_events ORDER BY rowid")
                    .arg(eventColumns().join(QStringLiteral(", ")))))
        fail(QStringLiteral("reading the events"));
    QFile out(csvPath);
    if (!out.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write %1").arg(csvPath));
    qint64 rows = 0;
    QStringList fields;
    while (q.next()) {
        fields.clear();
        for (int c = 0; c < eventColumns().size(); ++c)
            fields << csvField(q.value(c));
        out.write(fields.join(QLatin1Char(',')).toUtf8());
        out.write("\n");
        ++rows;
    }
    return rows;
}

QString freshDatabase(const QString &admin, const QString &name)
{
    sync::PgConnection c(admin);
    c.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
    c.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    return admin + QStringLiteral(" dbname=") + name;
}

void dropDatabase(const QString &admin, const QString &name)
{
    sync::PgConnection c(admin);
    c.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
}

struct Ours
{
    double totalMs = 0, pushMs = 0, pullMs = 0;
    int pushed = 0;
};

Ours runOurs(const QString &admin, const QString &dir, const QString &seedStore, int round)
{
    const QString path = dir + QStringLiteral("/ours%1.db").arg(round);
    QFile::remove(path);
    if (!QFile::copy(seedStore, path))
        fail(QStringLiteral("cannot copy the store"));
    const QString dbName = QStringLiteral("idesk_bench_ours_%1").arg(round);
    const QString conninfo = freshDatabase(admin, dbName);
    Ours o;
    {
        SystemClock clock;
        auto store = Store::open(path, clock, QStringLiteral("bench-ours%1").arg(round));
        const int pending = store->pendingOutbox();
        sync::SyncEngine engine(*store, conninfo);
        QElapsedTimer t;
        t.start();
        const sync::SyncCounts pushed = engine.push();
        o.pushMs = double(t.nsecsElapsed()) / 1e6;
        engine.pull();
        o.totalMs = double(t.nsecsElapsed()) / 1e6;
        o.pullMs = o.totalMs - o.pushMs;
        o.pushed = pushed.pushed;
        if (pushed.pushed != pending || store->pendingOutbox() != 0)
            fail(QStringLiteral("pushed %1 of %2").arg(pushed.pushed).arg(pending));
        sync::PgConnection check(conninfo);
        const qint64 onServer =
            check.exec(QStringLiteral("SELECT count(*) FROM idesk_sync.event_revisions"))
                .integer(0, 0);
        QSqlQuery q(store->db());
        q.exec(QStringLiteral("SELECT count(*) FROM timeline_events"));
        if (!q.next() || onServer != q.value(0).toLongLong())
            fail(QStringLiteral("the server holds %1 revisions").arg(onServer));
    }
    dropDatabase(admin, dbName);
    QFile::remove(path);
    return o;
}

double runAnchor(const QString &admin, const QString &psql, const QString &csv, qint64 rows,
                 int round)
{
    const QString dbName = QStringLiteral("idesk_bench_anchor_%1").arg(round);
    const QString conninfo = freshDatabase(admin, dbName);
    {
        sync::PgConnection c(conninfo);
        QStringList defs;
        for (const QString &col : eventColumns())
            defs << col + (col == QStringLiteral("id") ? QStringLiteral(" text PRIMARY KEY")
                           : col == QStringLiteral("supersedes")
                               ? QStringLiteral(" text")
                               : QStringLiteral(" text NOT NULL"));
        c.exec(
            QStringLiteral("CREATE TABLE anchor_events (%1)").arg(defs.join(QStringLiteral(", "))));
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QProcess::nullDevice());
    const QString copy = QStringLiteral("\\copy anchor_events(%1) FROM '%2' WITH (FORMAT csv)")
                             .arg(eventColumns().join(QStringLiteral(", ")), csv);
    QElapsedTimer t;
    t.start();
    p.start(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                   QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), conninfo,
                   QStringLiteral("-c"), copy});
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        fail(QStringLiteral("psql \\copy failed"));
    const double ms = double(t.nsecsElapsed()) / 1e6;
    {
        sync::PgConnection c(conninfo);
        const qint64 n = c.exec(QStringLiteral("SELECT count(*) FROM anchor_events")).integer(0, 0);
        if (n != rows)
            fail(QStringLiteral("the anchor copied %1 rows of %2").arg(n).arg(rows));
    }
    dropDatabase(admin, dbName);
    return ms;
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
    const int count = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 100000;
    if (count <= 0)
        fail(QStringLiteral("bad event count"));
    const QString admin = qEnvironmentVariable("IDESK_TEST_PG");
    if (admin.isEmpty())
        fail(QStringLiteral("needs a PostgreSQL server in IDESK_TEST_PG (scripts/bench starts "
                            "one)"));
    QString psql = qEnvironmentVariable("IDESK_PSQL");
    if (psql.isEmpty())
        psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psql.isEmpty())
        fail(QStringLiteral("psql not found (set IDESK_PSQL)"));
    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("no temporary directory"));
    if (qEnvironmentVariableIsSet("IDESK_BENCH_KEEP")) { // to rerun either side by hand
        dir.setAutoRemove(false);
        std::fprintf(stderr, "bench_sync: files kept in %s\n", qPrintable(dir.path()));
    }

    const QString seed = dir.filePath(QStringLiteral("seed.db"));
    const int pending = makeStore(seed, count);
    const QString csv = dir.filePath(QStringLiteral("events.csv"));
    const qint64 rows = writeCsv(seed, csv);

    const int rounds = qEnvironmentVariableIsSet("IDESK_BENCH_ROUNDS")
                           ? std::max(1, qEnvironmentVariableIntValue("IDESK_BENCH_ROUNDS"))
                           : 3;
    std::vector<double> ours, push, pull, anchor;
    for (int r = 0; r < rounds; ++r) {
        const Ours o = runOurs(admin, dir.path(), seed, r);
        ours.push_back(o.totalMs);
        push.push_back(o.pushMs);
        pull.push_back(o.pullMs);
        anchor.push_back(runAnchor(admin, psql, csv, rows, r));
        std::fprintf(stderr, "round %d: ours %.0f ms (push %.0f, pull %.0f), psql \\copy %.0f ms\n",
                     r + 1, o.totalMs, o.pushMs, o.pullMs, anchor.back());
    }
    const double o = median(ours), a = median(anchor);
    std::printf("BENCH sync_first_100k_events ours_ms=%.0f anchor_ms=%.0f ratio=%.2f goal=<=2 "
                "push_ms=%.0f pull_ms=%.0f events=%lld outbox_ops=%d rounds=%d "
                "anchor=psql_copy_csv_same_event_rows_16_columns_pk_on_id_same_server\n",
                o, a, o / a, median(push), median(pull), rows, pending, rounds);
    return 0;
}
