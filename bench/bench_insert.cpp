// Inserting 100,000 timeline events through Store::addEvents against the sqlite3 shell running
// the same rows as plain INSERT statements (same schema, dumped from the store's sqlite_master;
// journal_mode=WAL, synchronous=FULL, foreign_keys=ON; one BEGIN/COMMIT).
//   bench_insert [event count]
// Prints: BENCH insert_100k_events ours_ms=<x> anchor_ms=<y> ratio=<x/y> goal=<=1.5
// Timed: the addEvents call (events, their outbox rows and the HLC, one transaction), and the
// shell run that inserts the events. The anchor's schema and incident row go in beforehand in a
// separate, untimed shell run. Environment: IDESK_BENCH_KEEP=1 keeps the files;
// IDESK_BENCH_ANCHOR_CACHE=<n> gives the anchor "PRAGMA cache_size=<n>" too (the store uses
// -32768), for a like-for-like comparison.
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

using namespace idesk;

namespace {

const QString kSqlite3 = QStringLiteral("/usr/bin/sqlite3");

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_insert: %s\n", qPrintable(why));
    std::exit(1);
}

QSqlQuery run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        fail(sql);
    return q;
}

// One "INSERT INTO t VALUES(...);" line per row, the values rendered by SQLite's own quote(),
// so the shell inserts exactly the bytes the store wrote.
void dumpRows(QSqlDatabase &db, const QString &table, QFile &out)
{
    QStringList quoted;
    QSqlQuery cols = run(db, QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (cols.next())
        quoted << QStringLiteral("quote(%1)").arg(cols.value(1).toString());
    // Insertion order (rowid) for rowid tables, so the anchor inserts in the order the store did.
    const bool withoutRowid = table == QStringLiteral("meta");
    QSqlQuery rows =
        run(db, QStringLiteral("SELECT 'INSERT INTO %1 VALUES(' || %2 || ');' FROM %1 %3")
                    .arg(table, quoted.join(QStringLiteral(" || ',' || ")),
                         withoutRowid ? QString() : QStringLiteral("ORDER BY rowid")));
    while (rows.next()) {
        out.write(rows.value(0).toString().toUtf8());
        out.write("\n");
    }
}

// Runs the sqlite3 shell with a script on stdin; returns wall milliseconds.
double runShell(const QString &dbPath, const QString &scriptPath)
{
    QProcess p;
    p.setStandardInputFile(scriptPath);
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(kSqlite3, {QStringLiteral("-bail"), dbPath});
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        fail(QStringLiteral("sqlite3 failed: ") + QString::fromLocal8Bit(p.readAllStandardError()));
    const double ms = double(t.nsecsElapsed()) / 1e6;
    const QByteArray err = p.readAllStandardError();
    if (!err.isEmpty())
        fail(QStringLiteral("sqlite3 reported: ") + QString::fromLocal8Bit(err));
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 100000;
    if (count <= 0)
        fail(QStringLiteral("bad event count"));
    if (!QFile::exists(kSqlite3))
        fail(QStringLiteral("%1 is missing").arg(kSqlite3));
    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("no temporary directory"));
    if (qEnvironmentVariableIsSet("IDESK_BENCH_KEEP")) { // to rerun the anchor by hand
        dir.setAutoRemove(false);
        std::fprintf(stderr, "bench_insert: files kept in %s\n", qPrintable(dir.path()));
    }

    SystemClock clock;
    auto store = Store::open(dir.filePath(QStringLiteral("ours.db")), clock);
    const Incident inc =
        store->declareIncident({QStringLiteral("bench"), Severity::P1, QStringLiteral("ic"), {}});
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

    QElapsedTimer t;
    t.start();
    const auto added = store->addEvents(inc.id, events);
    const double oursMs = double(t.nsecsElapsed()) / 1e6;
    if (int(added.size()) != count)
        fail(QStringLiteral("addEvents returned %1 rows").arg(added.size()));

    // The anchor database gets the store's schema and incident row untimed, then the timed
    // script inserts the same event rows with the same durability settings.
    const QString setupPath = dir.filePath(QStringLiteral("setup.sql"));
    const QString scriptPath = dir.filePath(QStringLiteral("insert.sql"));
    {
        QFile setup(setupPath);
        if (!setup.open(QIODevice::WriteOnly))
            fail(setup.errorString());
        setup.write("PRAGMA journal_mode=WAL;\nPRAGMA foreign_keys=ON;\n");
        QSqlQuery schema = run(store->db(), QStringLiteral("SELECT sql FROM sqlite_master WHERE "
                                                           "sql IS NOT NULL ORDER BY rowid"));
        while (schema.next()) {
            setup.write(schema.value(0).toString().toUtf8());
            setup.write(";\n");
        }
        dumpRows(store->db(), QStringLiteral("meta"), setup);
        dumpRows(store->db(), QStringLiteral("incidents"), setup);

        QFile script(scriptPath);
        if (!script.open(QIODevice::WriteOnly))
            fail(script.errorString());
        script.write(
            "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\nPRAGMA foreign_keys=ON;\n");
        if (qEnvironmentVariableIsSet("IDESK_BENCH_ANCHOR_CACHE"))
            script.write("PRAGMA cache_size=" + qgetenv("IDESK_BENCH_ANCHOR_CACHE") + ";\n");
        script.write("BEGIN;\n");
        dumpRows(store->db(), QStringLiteral("timeline_events"), script);
        script.write("COMMIT;\n");
    }
    store.reset();

    const QString anchorDb = dir.filePath(QStringLiteral("anchor.db"));
    runShell(anchorDb, setupPath);
    const double anchorMs = runShell(anchorDb, scriptPath);

    {
        QProcess check;
        check.start(kSqlite3, {anchorDb, QStringLiteral("SELECT count(*) FROM timeline_events")});
        check.waitForFinished(-1);
        if (check.readAllStandardOutput().trimmed().toInt() != count)
            fail(QStringLiteral("the anchor database does not hold %1 events").arg(count));
    }

    std::printf("BENCH insert_100k_events ours_ms=%.1f anchor_ms=%.1f ratio=%.3f goal=<=1.5\n",
                oursMs, anchorMs, oursMs / anchorMs);
    return 0;
}
