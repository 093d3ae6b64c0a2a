// Inserting 100,000 timeline events through Store::addEvents against SQLite itself writing the
// same rows the same way.
//   bench_insert [event count]
// Prints: BENCH insert_100k_events ours_ms=<x> anchor_ms=<y> ratio=<x/y> goal=<=1.5 anchor=...
//
// Ours, timed: the addEvents call (ids, HLC stamps, the event rows, one outbox row per event
// and the saved clock, in one transaction) on a store opened beforehand.
//
// The anchor, timed: SQLite's C API on a second file in the same state as ours was before the
// call (the store's schema and rows, copied untimed through ATTACH), with the store's
// connection settings (UTF-16 text, WAL, synchronous=FULL, foreign_keys=ON, the store's
// cache_size) and the same work: BEGIN IMMEDIATE, then for each event its row and its outbox
// row, in the store's order, through two prepared statements with bound values (read back from
// ours beforehand, so the anchor writes exactly the same bytes), the saved clock, COMMIT. What
// the anchor does not do is what the store adds on top of SQLite: making ids, stamps and times
// and going through Qt's SQL layer.
// Three rounds (IDESK_BENCH_ROUNDS) alternate the two, each on fresh files; the medians are
// compared. The CPU times (this process's, so the same kind for both) are printed beside the
// wall times: on a machine busy with other work they show the same comparison without the
// waiting. Environment: IDESK_BENCH_KEEP=1 keeps the files.
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sqlite3.h>
#include <variant>

using namespace idesk;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_insert: %s\n", qPrintable(why));
    std::exit(1);
}

void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what),
                                          QString::fromUtf8(sqlite3_errmsg(db))));
}

void exec(sqlite3 *db, const QString &sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        const QString why = QString::fromUtf8(err);
        sqlite3_free(err);
        fail(sql + QStringLiteral(": ") + why);
    }
}

sqlite3_stmt *prepare(sqlite3 *db, const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    check(db, sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr), "prepare");
    return stmt;
}

// One column value as the store bound it: text stays UTF-16 (the store's files are UTF-16, and
// Qt binds QString as UTF-16), integers stay integers.
using Value = std::variant<std::monostate, qint64, double, std::u16string>;
using Row = std::vector<Value>;

std::vector<Row> readRows(sqlite3 *db, const QString &sql)
{
    sqlite3_stmt *stmt = prepare(db, sql);
    std::vector<Row> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Row row;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER:
                row.emplace_back(qint64(sqlite3_column_int64(stmt, c)));
                break;
            case SQLITE_FLOAT:
                row.emplace_back(sqlite3_column_double(stmt, c));
                break;
            case SQLITE_NULL:
                row.emplace_back(std::monostate{});
                break;
            default: {
                const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(stmt, c));
                row.emplace_back(
                    std::u16string(text, std::size_t(sqlite3_column_bytes16(stmt, c)) / 2));
            }
            }
        }
        rows.push_back(std::move(row));
    }
    check(db, rc, "reading");
    sqlite3_finalize(stmt);
    return rows;
}

void insert(sqlite3 *db, sqlite3_stmt *stmt, const Row &row)
{
    for (int c = 0; c < int(row.size()); ++c) {
        const Value &v = row[std::size_t(c)];
        if (const auto *i = std::get_if<qint64>(&v))
            sqlite3_bind_int64(stmt, c + 1, *i);
        else if (const auto *d = std::get_if<double>(&v))
            sqlite3_bind_double(stmt, c + 1, *d);
        else if (const auto *s = std::get_if<std::u16string>(&v))
            sqlite3_bind_text16(stmt, c + 1, s->data(), int(s->size() * 2), SQLITE_STATIC);
        else
            sqlite3_bind_null(stmt, c + 1);
    }
    check(db, sqlite3_step(stmt), "insert");
    sqlite3_reset(stmt);
}

QStringList columns(sqlite3 *db, const QString &table)
{
    QStringList names;
    for (const Row &r : readRows(db, QStringLiteral("PRAGMA ours.table_info(%1)").arg(table)))
        names << QString::fromStdU16String(std::get<std::u16string>(r[1]));
    return names;
}

QString placeholders(int n)
{
    QStringList q;
    for (int i = 0; i < n; ++i)
        q << QStringLiteral("?");
    return q.join(u',');
}

// CPU time of this process: the work itself, without the time the scheduler gave to others.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct Round
{
    double oursMs, oursCpuMs, anchorMs, anchorCpuMs;
    QString cacheSize;
};

// One round: ours into a fresh store, then the anchor into a fresh file in the same state.
Round runRound(const QTemporaryDir &dir, int round, const std::vector<NewEvent> &events)
{
    const int count = int(events.size());
    const QString oursPath = dir.filePath(QStringLiteral("ours%1.db").arg(round));
    SystemClock clock;
    auto store = Store::open(oursPath, clock);
    const Incident inc =
        store->declareIncident({QStringLiteral("bench"), Severity::P1, QStringLiteral("ic"), {}});
    qint64 eventsBefore = 0;
    {
        QSqlQuery q(store->db());
        q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM timeline_events"));
        eventsBefore = q.next() ? q.value(0).toLongLong() : 0;
    }
    const QString cacheSize = [&] {
        QSqlQuery q(store->db());
        q.exec(QStringLiteral("PRAGMA cache_size"));
        return q.next() ? q.value(0).toString() : QString();
    }();

    QElapsedTimer t;
    double cpu = cpuMs();
    t.start();
    const auto added = store->addEvents(inc.id, events);
    const double oursMs = double(t.nsecsElapsed()) / 1e6;
    const double oursCpuMs = cpuMs() - cpu;
    if (int(added.size()) != count)
        fail(QStringLiteral("addEvents returned %1 rows").arg(added.size()));
    store.reset();

    // The anchor file: ours as it was before the call, copied untimed.
    sqlite3 *db = nullptr;
    const QString anchorPath = dir.filePath(QStringLiteral("anchor%1.db").arg(round));
    check(db, sqlite3_open(anchorPath.toUtf8().constData(), &db), "open");
    exec(db, QStringLiteral("PRAGMA encoding = 'UTF-16le'"));
    exec(db, QStringLiteral("PRAGMA busy_timeout = 5000"));
    exec(db, QStringLiteral("ATTACH '%1' AS ours").arg(oursPath));
    for (const Row &r : readRows(db, QStringLiteral("SELECT sql FROM ours.sqlite_master WHERE sql "
                                                    "IS NOT NULL ORDER BY rowid")))
        exec(db, QString::fromStdU16String(std::get<std::u16string>(r[0])));
    const QString newEvents =
        QStringLiteral("SELECT id FROM ours.timeline_events WHERE rowid > %1").arg(eventsBefore);
    for (const Row &r : readRows(db, QStringLiteral("SELECT name FROM ours.sqlite_master WHERE "
                                                    "type = 'table' ORDER BY rowid"))) {
        const QString table = QString::fromStdU16String(std::get<std::u16string>(r[0]));
        QString where;
        if (table == QStringLiteral("timeline_events"))
            where = QStringLiteral(" WHERE rowid <= %1").arg(eventsBefore);
        else if (table == QStringLiteral("outbox"))
            where = QStringLiteral(" WHERE row_id NOT IN (%1)").arg(newEvents);
        exec(db, QStringLiteral("INSERT INTO main.%1 SELECT * FROM ours.%1%2").arg(table, where));
    }
    // The rows addEvents wrote, each event with its outbox row, in the order it wrote them.
    const QStringList eventColumns = columns(db, QStringLiteral("timeline_events"));
    const QStringList outboxColumns = columns(db, QStringLiteral("outbox"));
    QStringList outboxSelect;
    for (const QString &c : outboxColumns)
        outboxSelect << QStringLiteral("o.") + c;
    const std::vector<Row> eventRows =
        readRows(db, QStringLiteral("SELECT %1 FROM ours.timeline_events WHERE rowid > %2 "
                                    "ORDER BY rowid")
                         .arg(eventColumns.join(u','))
                         .arg(eventsBefore));
    const std::vector<Row> outboxRows =
        readRows(db, QStringLiteral("SELECT %1 FROM ours.timeline_events e JOIN ours.outbox o "
                                    "ON o.row_id = e.id WHERE e.rowid > %2 ORDER BY e.rowid")
                         .arg(outboxSelect.join(u','))
                         .arg(eventsBefore));
    const std::vector<Row> hlc =
        readRows(db, QStringLiteral("SELECT value FROM ours.meta WHERE key = 'hlc'"));
    exec(db, QStringLiteral("DETACH ours"));
    if (int(eventRows.size()) != count || outboxRows.size() != eventRows.size() || hlc.size() != 1)
        fail(QStringLiteral("ours does not hold %1 events with their outbox rows").arg(count));
    // The store's connection settings.
    exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(db, QStringLiteral("PRAGMA synchronous = FULL"));
    exec(db, QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
    exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));

    cpu = cpuMs();
    t.restart();
    exec(db, QStringLiteral("BEGIN IMMEDIATE"));
    sqlite3_stmt *insertEvent =
        prepare(db, QStringLiteral("INSERT INTO timeline_events(%1) VALUES(%2)")
                        .arg(eventColumns.join(u','), placeholders(int(eventColumns.size()))));
    sqlite3_stmt *insertOutbox =
        prepare(db, QStringLiteral("INSERT INTO outbox(%1) VALUES(%2)")
                        .arg(outboxColumns.join(u','), placeholders(int(outboxColumns.size()))));
    for (std::size_t i = 0; i < eventRows.size(); ++i) {
        insert(db, insertEvent, eventRows[i]);
        insert(db, insertOutbox, outboxRows[i]);
    }
    sqlite3_stmt *saveClock =
        prepare(db, QStringLiteral("INSERT INTO meta(key, value) VALUES('hlc', ?) ON "
                                   "CONFLICT(key) DO UPDATE SET value = excluded.value"));
    insert(db, saveClock, hlc.front());
    exec(db, QStringLiteral("COMMIT"));
    const double anchorMs = double(t.nsecsElapsed()) / 1e6;
    const double anchorCpuMs = cpuMs() - cpu;
    for (sqlite3_stmt *s : {insertEvent, insertOutbox, saveClock})
        sqlite3_finalize(s);

    const std::vector<Row> counted = readRows(
        db, QStringLiteral("SELECT (SELECT count(*) FROM timeline_events WHERE rowid > %1), "
                           "(SELECT count(*) FROM outbox)")
                .arg(eventsBefore));
    sqlite3_close(db);
    if (std::get<qint64>(counted[0][0]) != count)
        fail(QStringLiteral("the anchor database does not hold %1 new events").arg(count));

    return {oursMs, oursCpuMs, anchorMs, anchorCpuMs, cacheSize};
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
    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("no temporary directory"));
    if (qEnvironmentVariableIsSet("IDESK_BENCH_KEEP")) { // to rerun the anchor by hand
        dir.setAutoRemove(false);
        std::fprintf(stderr, "bench_insert: files kept in %s\n", qPrintable(dir.path()));
    }

    SystemClock clock;
    const QDateTime start = clock.now().addDays(-1);
    const QStringList authors{QStringLiteral("alice"), QStringLiteral("bob"),
                              QStringLiteral("carol"), QStringLiteral("dave")};
    std::vector<NewEvent> events;
    events.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
        NewEvent &e = events[size_t(i)];
        e.occurredAt = start.addMSecs(qint64(i) * 750);
        e.kind = EventKind(i % EventKindCount);
        e.author = authors.at(i % authors.size());
        e.text = QStringLiteral("Event %1: restarted pod checkout-%2 after OOM; error rate now %3%")
                     .arg(i)
                     .arg(i % 17)
                     .arg(i % 100);
        e.pinned = i % 50 == 0;
    }
    // Rounds alternate ours and the anchor, so a busy machine slows both alike; the medians
    // are compared.
    const int rounds = qEnvironmentVariableIsSet("IDESK_BENCH_ROUNDS")
                           ? std::max(1, qEnvironmentVariableIntValue("IDESK_BENCH_ROUNDS"))
                           : 3;
    std::vector<double> ours, oursCpu, anchor, anchorCpu;
    QString cacheSize;
    for (int r = 0; r < rounds; ++r) {
        const Round one = runRound(dir, r, events);
        ours.push_back(one.oursMs);
        oursCpu.push_back(one.oursCpuMs);
        anchor.push_back(one.anchorMs);
        anchorCpu.push_back(one.anchorCpuMs);
        cacheSize = one.cacheSize;
    }
    const double oursMs = median(ours), anchorMs = median(anchor);
    const double oursCpuMs = median(oursCpu), anchorCpuMs = median(anchorCpu);
    std::printf("BENCH insert_100k_events ours_ms=%.1f anchor_ms=%.1f ratio=%.3f goal=<=1.5 "
                "rows=%d+%d_outbox anchor=sqlite3_c_api_prepared_bound_same_rows_same_pragmas "
                "cache_size=%s sqlite=%s rounds=%d ours_cpu_ms=%.1f anchor_cpu_ms=%.1f "
                "cpu_ratio=%.3f\n",
                oursMs, anchorMs, oursMs / anchorMs, count, count, qPrintable(cacheSize),
                sqlite3_libversion(), rounds, oursCpuMs, anchorCpuMs, oursCpuMs / anchorCpuMs);
    return 0;
}
