#include "core/clock.h"
#include "services/settings.h"
#include "storage/store.h"
#include "sync/pg.h"
#include "sync/syncengine.h"
#include "testsupport/clirunner.h"
#include "testsupport/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <tuple>

using namespace idesk;

class TestSyncCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void syncPushesAndPullsOnce();
    void unreachableServerExitsFourAndKeepsTheOutbox();
    void passwordInConninfoIsRefused();
    void withoutServerSaysHowToSetItUp();
    void killedMidSyncLosesAndDoublesNothing();
    void statusInWordsBeforeAndAfter();
    void unexpectedArgumentIsAUsageError();
    void serverFromTheSettings();
    void serverFromLibpqEnvironment();
    void newerServerSchemaIsADataError();
    void renamedChannelIsReported();
    void conflictsAreListed();

private:
    QJsonObject json(const QString &text)
    {
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }
    QString m_admin, m_conninfo, m_dbName;
    test::TempDir m_dir;
};

void TestSyncCli::initTestCase()
{
    test::enterTestMode();
    // libpq's environment must not stand in for a server in the "not set up" case.
    for (const char *var : {"PGSERVICE", "PGHOST", "PGHOSTADDR", "PGDATABASE"})
        qunsetenv(var);
    IDESK_NEED_PG();
    m_admin = test::pgConninfo();
    m_dbName = QStringLiteral("idesk_cli_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    sync::PgConnection admin(m_admin);
    admin.exec(QStringLiteral("CREATE DATABASE %1").arg(m_dbName));
    m_conninfo = m_admin + QStringLiteral(" dbname=") + m_dbName;
}

void TestSyncCli::cleanupTestCase()
{
    if (m_dbName.isEmpty())
        return;
    sync::PgConnection admin(m_admin);
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_dbName));
}

void TestSyncCli::syncPushesAndPullsOnce()
{
    const QString a = m_dir.file(QStringLiteral("a.db"));
    const QString b = m_dir.file(QStringLiteral("b.db"));
    QCOMPARE(test::runCli(a, {QStringLiteral("declare"), QStringLiteral("--title"),
                              QStringLiteral("From the CLI"), QStringLiteral("--severity"),
                              QStringLiteral("P2")})
                 .code,
             0);
    const auto before = test::runCli(
        a, {QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--json")});
    QCOMPARE(before.code, 0);
    const int waiting = json(before.out).value(QStringLiteral("pending")).toInt();
    QVERIFY(waiting > 0);

    const auto up = test::runCli(
        a, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo, QStringLiteral("--json")});
    QVERIFY2(up.code == 0, qPrintable(up.err));
    QCOMPARE(json(up.out).value(QStringLiteral("pushed")).toInt(), waiting);
    QCOMPARE(json(up.out).value(QStringLiteral("pending")).toInt(), 0);

    const auto down = test::runCli(b, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo});
    QVERIFY2(down.code == 0, qPrintable(down.err));
    QVERIFY2(down.out.startsWith(QStringLiteral("pushed 0, pulled ")), qPrintable(down.out));
    const auto list = test::runCli(b, {QStringLiteral("list")});
    QVERIFY2(list.out.contains(QStringLiteral("From the CLI")), qPrintable(list.out));
    const auto conflicts = test::runCli(b, {QStringLiteral("conflicts"), QStringLiteral("--json")});
    QCOMPARE(conflicts.code, 0);
    QVERIFY(QJsonDocument::fromJson(conflicts.out.toUtf8()).isArray());
}

void TestSyncCli::unreachableServerExitsFourAndKeepsTheOutbox()
{
    const QString c = m_dir.file(QStringLiteral("c.db"));
    test::runCli(c, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("x"),
                     QStringLiteral("--severity"), QStringLiteral("P3")});
    const auto r = test::runCli(c, {QStringLiteral("sync"), QStringLiteral("--pg"),
                                    QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2")});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains(QStringLiteral("Cannot reach the sync server")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Nothing was lost")), qPrintable(r.err));
    const auto status = test::runCli(
        c, {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY(json(status.out).value(QStringLiteral("pending")).toInt() > 0);
}

void TestSyncCli::passwordInConninfoIsRefused()
{
    const auto r = test::runCli(m_dir.file(QStringLiteral("d.db")),
                                {QStringLiteral("sync"), QStringLiteral("--pg"),
                                 m_conninfo + QStringLiteral(" password=hunter2")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("pgpass")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QStringLiteral("hunter2")));
}

void TestSyncCli::withoutServerSaysHowToSetItUp()
{
    const auto r = test::runCli(m_dir.file(QStringLiteral("e.db")), {QStringLiteral("sync")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--pg")), qPrintable(r.err));
}

// kill -9 of `incidentdesk-cli sync` once the server has some of its revisions, then a
// restart: every revision arrives once, and another laptop gets the same timeline.
void TestSyncCli::killedMidSyncLosesAndDoublesNothing()
{
    {
        sync::PgConnection c(m_conninfo);
        c.exec(QStringLiteral("DROP SCHEMA IF EXISTS idesk_sync CASCADE"));
    }
    const QString a = m_dir.file(QStringLiteral("killed.db"));
    SystemClock clock;
    int total = 0;
    QString incidentId;
    {
        auto store = Store::open(a, clock, QStringLiteral("killed-setup"));
        const Incident inc = store->declareIncident(
            {QStringLiteral("kill -9"), Severity::P1, QStringLiteral("ana"), {}});
        incidentId = inc.id;
        std::vector<NewEvent> events(8000);
        for (std::size_t i = 0; i < events.size(); ++i)
            events[i].text = QStringLiteral("event %1").arg(i);
        store->addEvents(inc.id, events);
        total = store->eventCount(inc.id);
    }
    const auto serverCount = [&] {
        sync::PgConnection c(m_conninfo);
        const sync::PgResult r =
            c.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                  "'idesk_sync' AND tablename = 'event_revisions'"));
        if (r.integer(0, 0) == 0)
            return qint64(0);
        return c.exec(QStringLiteral("SELECT count(*) FROM idesk_sync.event_revisions"))
            .integer(0, 0);
    };
    QProcess cli;
    cli.setProcessEnvironment(test::privateEnvironment(m_dir.file(QStringLiteral("killed-env"))));
    cli.start(QStringLiteral(IDESK_CLI_BINARY), {QStringLiteral("--db"), a, QStringLiteral("sync"),
                                                 QStringLiteral("--pg"), m_conninfo});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(serverCount() > 0 || cli.state() == QProcess::NotRunning, 60000);
    const bool killedMidway = cli.state() != QProcess::NotRunning;
    cli.kill();
    cli.waitForFinished();
    if (!killedMidway)
        qWarning("the sync finished before the kill; only the restart is checked");

    const auto resumed = test::runCli(
        a, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo, QStringLiteral("--json")});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    QCOMPARE(json(resumed.out).value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(serverCount(), qint64(total));
    {
        // Each revision has one place in the change log, its own.
        sync::PgConnection c(m_conninfo);
        QCOMPARE(c.exec(QStringLiteral("SELECT count(DISTINCT seq) FROM "
                                       "idesk_sync.event_revisions"))
                     .integer(0, 0),
                 qint64(total));
        QCOMPARE(c.exec(QStringLiteral("SELECT count(*) FROM idesk_sync.changes WHERE kind = "
                                       "'event'"))
                     .integer(0, 0),
                 qint64(0));
    }
    const QString b = m_dir.file(QStringLiteral("after-kill.db"));
    QCOMPARE(test::runCli(b, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo}).code, 0);
    auto other = Store::open(b, clock, QStringLiteral("killed-check"));
    QCOMPARE(other->eventCount(incidentId), total);
}

void TestSyncCli::statusInWordsBeforeAndAfter()
{
    const QString db = m_dir.file(QStringLiteral("words.db"));
    test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("w"),
                      QStringLiteral("--severity"), QStringLiteral("P3")});
    const auto before = test::runCli(db, {QStringLiteral("sync"), QStringLiteral("--status")});
    QCOMPARE(before.code, 0);
    QVERIFY2(before.out.contains(QStringLiteral("sync: off (no server set)")),
             qPrintable(before.out));
    QVERIFY2(before.out.contains(QStringLiteral("last sync: never")), qPrintable(before.out));
    QVERIFY2(!before.out.contains(QStringLiteral("waiting to go up: 0")), qPrintable(before.out));

    QCOMPARE(test::runCli(db, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo}).code,
             0);
    const auto after = test::runCli(
        db, {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--pg"), m_conninfo});
    QCOMPARE(after.code, 0);
    QVERIFY2(after.out.contains(QStringLiteral("sync: configured")), qPrintable(after.out));
    QVERIFY2(after.out.contains(QStringLiteral("waiting to go up: 0")), qPrintable(after.out));
    QVERIFY2(!after.out.contains(QStringLiteral("never")), qPrintable(after.out));
    const auto asJson =
        test::runCli(db, {QStringLiteral("sync"), QStringLiteral("--status"),
                          QStringLiteral("--json"), QStringLiteral("--pg"), m_conninfo});
    QCOMPARE(asJson.code, 0);
    QVERIFY(json(asJson.out).value(QStringLiteral("configured")).toBool());
    QVERIFY(!json(asJson.out).value(QStringLiteral("lastSync")).toString().isEmpty());
}

void TestSyncCli::unexpectedArgumentIsAUsageError()
{
    const auto r = test::runCli(m_dir.file(QStringLiteral("usage.db")),
                                {QStringLiteral("sync"), QStringLiteral("now")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("now")), qPrintable(r.err));
}

// With no --pg, the server set in the settings is the one used.
void TestSyncCli::serverFromTheSettings()
{
    Settings().setSyncServer(m_conninfo);
    const QString db = m_dir.file(QStringLiteral("settings.db"));
    test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"),
                      QStringLiteral("from settings"), QStringLiteral("--severity"),
                      QStringLiteral("P2")});
    const auto r = test::runCli(db, {QStringLiteral("sync"), QStringLiteral("--json")});
    Settings().setSyncServer(QString());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(json(r.out).value(QStringLiteral("pushed")).toInt() > 0);
    QCOMPARE(json(r.out).value(QStringLiteral("pending")).toInt(), 0);
}

// With neither --pg nor a setting, libpq's own environment names the server: here a closed
// port, so the sync says the server is unreachable rather than "not set up".
void TestSyncCli::serverFromLibpqEnvironment()
{
    qputenv("PGHOST", "127.0.0.1");
    qputenv("PGPORT", "1");
    qputenv("PGCONNECT_TIMEOUT", "2");
    const auto r = test::runCli(m_dir.file(QStringLiteral("env.db")),
                                {QStringLiteral("sync"), QStringLiteral("--json")});
    const auto status = test::runCli(
        m_dir.file(QStringLiteral("env.db")),
        {QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--json")});
    for (const char *var : {"PGHOST", "PGPORT", "PGCONNECT_TIMEOUT"})
        qunsetenv(var);
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains(QStringLiteral("Cannot reach the sync server")), qPrintable(r.err));
    QVERIFY(json(status.out).value(QStringLiteral("configured")).toBool());
}

// A server migrated by a newer build: nothing is changed and the exit says the data is the
// problem, not the connection.
void TestSyncCli::newerServerSchemaIsADataError()
{
    const QString name =
        QStringLiteral("idesk_cli_new_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    sync::PgConnection admin(m_admin);
    admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    const QString conninfo = m_admin + QStringLiteral(" dbname=") + name;
    {
        sync::PgConnection c(conninfo);
        c.exec(QStringLiteral("CREATE SCHEMA idesk_sync"));
        c.exec(QStringLiteral("CREATE TABLE idesk_sync.schema_version (version int NOT NULL)"));
        c.exec(QStringLiteral("INSERT INTO idesk_sync.schema_version VALUES (99)"));
    }
    const QString db = m_dir.file(QStringLiteral("newer.db"));
    test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("n"),
                      QStringLiteral("--severity"), QStringLiteral("P3")});
    const auto r = test::runCli(db, {QStringLiteral("sync"), QStringLiteral("--pg"), conninfo});
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("newer than this build")), qPrintable(r.err));
}

// Two laptops declare the day's first incident offline; the one that syncs second is renamed,
// and the CLI says so in words and in JSON.
void TestSyncCli::renamedChannelIsReported()
{
    {
        sync::PgConnection c(m_conninfo);
        c.exec(QStringLiteral("DROP SCHEMA IF EXISTS idesk_sync CASCADE"));
    }
    const QString first = m_dir.file(QStringLiteral("first.db"));
    const QString second = m_dir.file(QStringLiteral("second.db"));
    const QString third = m_dir.file(QStringLiteral("third.db"));
    for (const QString &db : {first, second, third})
        QCOMPARE(test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"),
                                   QStringLiteral("same day"), QStringLiteral("--severity"),
                                   QStringLiteral("P2")})
                     .code,
                 0);
    QCOMPARE(test::runCli(first, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo}).code,
             0);
    const auto words =
        test::runCli(second, {QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo});
    QVERIFY2(words.code == 0, qPrintable(words.err));
    QVERIFY2(words.out.contains(QStringLiteral("renamed 1 incident channel(s)")),
             qPrintable(words.out));
    const auto asJson = test::runCli(third, {QStringLiteral("sync"), QStringLiteral("--json"),
                                             QStringLiteral("--pg"), m_conninfo});
    QVERIFY2(asJson.code == 0, qPrintable(asJson.err));
    QCOMPARE(json(asJson.out).value(QStringLiteral("renamed")).toInt(), 1);
    QCOMPARE(json(asJson.out).value(QStringLiteral("skipped")), QJsonValue(0));
    QVERIFY2(!words.out.contains(QStringLiteral("skipped")), qPrintable(words.out));
}

// Both laptops change the same title offline; the older loses and is listed, in words and JSON,
// on both.
void TestSyncCli::conflictsAreListed()
{
    {
        sync::PgConnection c(m_conninfo);
        c.exec(QStringLiteral("DROP SCHEMA IF EXISTS idesk_sync CASCADE"));
    }
    const QString a = m_dir.file(QStringLiteral("conflict-a.db"));
    const QString b = m_dir.file(QStringLiteral("conflict-b.db"));
    FakeClock clockA(fromIso(QStringLiteral("2026-03-10T09:00:00.000Z")));
    FakeClock clockB(fromIso(QStringLiteral("2026-03-10T09:00:30.000Z")));
    QString id;
    {
        auto store = Store::open(a, clockA, QStringLiteral("conflict-a"));
        id = store
                 ->declareIncident(
                     {QStringLiteral("Queue"), Severity::P2, QStringLiteral("ana"), {}})
                 .id;
    }
    const QStringList sync{QStringLiteral("sync"), QStringLiteral("--pg"), m_conninfo};
    QCOMPARE(test::runCli(a, sync, &clockA).code, 0);
    QCOMPARE(test::runCli(b, sync, &clockB).code, 0);
    for (const auto &[db, clock, title] :
         {std::tuple{a, &clockA, QStringLiteral("title from A")},
          std::tuple{b, &clockB, QStringLiteral("title from B")}}) {
        clock->advanceSecs(60);
        auto store = Store::open(db, *clock, QStringLiteral("conflict-edit"));
        Incident inc = *store->incident(id);
        inc.title = title;
        store->updateIncident(inc);
    }
    QCOMPARE(test::runCli(a, sync, &clockA).code, 0);
    const auto second = test::runCli(
        b, {QStringLiteral("sync"), QStringLiteral("--json"), QStringLiteral("--pg"), m_conninfo},
        &clockB);
    QVERIFY2(second.code == 0, qPrintable(second.err));
    QCOMPARE(json(second.out).value(QStringLiteral("conflicts")).toInt(), 1);
    QCOMPARE(json(second.out).value(QStringLiteral("conflictsTotal")).toInt(), 1);
    QCOMPARE(test::runCli(a, sync, &clockA).code, 0);

    for (const QString &db : {a, b}) {
        const auto words = test::runCli(db, {QStringLiteral("conflicts")});
        QCOMPARE(words.code, 0);
        QVERIFY2(words.out.contains(QStringLiteral("incidents ") + id.left(8) +
                                    QStringLiteral(".title  lost: title from A")),
                 qPrintable(words.out));
        const auto listed =
            test::runCli(db, {QStringLiteral("conflicts"), QStringLiteral("--json")});
        QCOMPARE(listed.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(QStringLiteral("field")).toString(), QStringLiteral("title"));
        QCOMPARE(row.value(QStringLiteral("row")).toString(), id);
        QCOMPARE(row.value(QStringLiteral("loserValue")).toString(),
                 QStringLiteral("title from A"));
    }
    const auto none =
        test::runCli(m_dir.file(QStringLiteral("no-conflicts.db")), {QStringLiteral("conflicts")});
    QCOMPARE(none.code, 0);
    QVERIFY2(none.out.contains(QStringLiteral("no conflicts")), qPrintable(none.out));
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "test_sync_cli.moc"
