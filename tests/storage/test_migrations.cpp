#include "storage/migrations.h"
#include "storage/store.h"
#include "testsupport/testsupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace idesk;
using Code = StoreError::Code;

Q_DECLARE_METATYPE(idesk::StoreError::Code)

namespace {

// A database made without the Store, the way an older build or another tool would leave it.
void makeSqliteFile(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-") + newUuid();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot create test database");
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                qFatal("%s", qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString pragma(Store &s, const char *name)
{
    QSqlQuery q(s.db());
    if (!q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) || !q.next())
        return {};
    return q.value(0).toString();
}

bool hasTable(Store &s, const QString &table)
{
    QSqlQuery q(s.db());
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(table);
    return q.exec() && q.next();
}

bool noSidecars(const QString &path)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (QFile::exists(path + QLatin1String(suffix))) {
            qWarning("left behind: %s", suffix);
            return false;
        }
    }
    return true;
}

// Opening must fail with `expected` and leave the file byte for byte as it was.
void expectRefused(const QString &path, QList<Code> expected, const FakeClock &clock)
{
    const QByteArray before = test::readFile(path);
    try {
        auto s = Store::open(path, clock);
        QFAIL("the store opened a file it should have refused");
    } catch (const StoreError &e) {
        QVERIFY2(expected.contains(e.code()), qPrintable(e.message()));
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
    QCOMPARE(test::readFile(path), before);
    QVERIFY(noSidecars(path));
    QCOMPARE(QSqlDatabase::connectionNames().size(), 0);
}

QByteArray randomBytes(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(rng.bounded(256));
    return b;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDir> m_dir;
    FakeClock m_clock{fromIso(QStringLiteral("2024-03-10T12:00:00Z"))};

    // A real, closed database of ours with enough rows to span many pages.
    QString makeStoreFile(const QString &name, int events)
    {
        const QString path = m_dir->file(name);
        auto s = Store::open(path, m_clock);
        const Incident inc = s->declareIncident({QStringLiteral("t"), Severity::P2, {}, {}});
        std::vector<NewEvent> batch;
        for (int i = 0; i < events; ++i) {
            NewEvent e;
            e.text = QStringLiteral("event %1 with some padding text to fill pages").arg(i);
            batch.push_back(e);
        }
        s->addEvents(inc.id, batch);
        return path;
    }

    // What version 5 added: the conflicts' own sync bookkeeping and review field.
    static QStringList undoV5()
    {
        QStringList out;
        for (const char *c :
             {"incident_id", "reviewed", "field_hlc", "field_site", "base_hlc", "hlc", "site_id"})
            out << QStringLiteral("ALTER TABLE conflicts DROP COLUMN %1").arg(QLatin1String(c));
        return out;
    }

    // What version 4 added: the sync columns and the pending-outbox index.
    static QStringList undoV4()
    {
        QStringList out{QStringLiteral("DROP INDEX outbox_pending")};
        for (const char *t : {"incidents", "checklist_items", "action_items", "postmortems"})
            out << QStringLiteral("ALTER TABLE %1 DROP COLUMN field_site").arg(QLatin1String(t))
                << QStringLiteral("ALTER TABLE %1 DROP COLUMN base_hlc").arg(QLatin1String(t));
        return out;
    }

    // The same file as schema version 1 left it: version 2 only added the list index.
    QString makeV1File(const QString &name, int events)
    {
        const QString path = makeStoreFile(name, events);
        makeSqliteFile(path, undoV5() + undoV4() +
                                 QStringList{QStringLiteral("DROP INDEX incidents_list"),
                                             QStringLiteral("DROP TABLE diagnostic_outputs"),
                                             QStringLiteral("PRAGMA user_version = 1")});
        return path;
    }

    QString makeV2File(const QString &name, int events)
    {
        const QString path = makeStoreFile(name, events);
        makeSqliteFile(path, undoV5() + undoV4() +
                                 QStringList{QStringLiteral("DROP TABLE diagnostic_outputs"),
                                             QStringLiteral("PRAGMA user_version = 2")});
        return path;
    }

    static bool hasIndex(Store &s, const QString &index)
    {
        QSqlQuery q(s.db());
        q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"));
        q.addBindValue(index);
        return q.exec() && q.next();
    }

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void init() { m_dir = std::make_unique<test::TempDir>(); }
    void cleanup()
    {
        storage::setExtraMigrationsForTesting({});
        m_dir.reset();
    }

    void freshFileGetsCurrentSchemaAndWal()
    {
        const QString path = m_dir->file(QStringLiteral("new.db"));
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(Store::kSchemaVersion, 5);
        QCOMPARE(storage::targetSchemaVersion(), Store::kSchemaVersion);
        QCOMPARE(pragma(*s, "journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma(*s, "synchronous"), QStringLiteral("2")); // FULL
        QCOMPARE(pragma(*s, "foreign_keys"), QStringLiteral("1"));
        QVERIFY(pragma(*s, "busy_timeout").toInt() > 0);
        for (const char *t : {"meta", "incidents", "timeline_events", "checklist_items",
                              "action_items", "postmortems", "conflicts", "outbox"})
            QVERIFY2(hasTable(*s, QLatin1String(t)), t);
        QVERIFY(!s->siteId().isEmpty());
        QVERIFY(!QFile::exists(storage::backupPath(path, 0))); // nothing worth backing up
    }

    void emptyFileIsFresh()
    {
        m_dir->write(QStringLiteral("empty.db"), {});
        auto s = Store::open(m_dir->file(QStringLiteral("empty.db")), m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(pragma(*s, "journal_mode"), QStringLiteral("wal"));
    }

    void versionZeroFileMigratesWithBackup()
    {
        const QString path = m_dir->file(QStringLiteral("old.db"));
        makeSqliteFile(path, {QStringLiteral("CREATE TABLE legacy_notes(body TEXT)"),
                              QStringLiteral("INSERT INTO legacy_notes VALUES('keep me')")});
        const QByteArray original = test::readFile(path);
        QVERIFY(!original.isEmpty());
        {
            auto s = Store::open(path, m_clock);
            QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
            QCOMPARE(pragma(*s, "journal_mode"), QStringLiteral("wal"));
            QVERIFY(hasTable(*s, QStringLiteral("incidents")));
            QVERIFY(hasTable(*s, QStringLiteral("legacy_notes")));
            s->declareIncident({QStringLiteral("works"), Severity::P3, {}, {}});
        }
        QCOMPARE(test::readFile(storage::backupPath(path, 0)), original);
        // Reopening an up-to-date file neither migrates nor backs up again.
        QFile::remove(storage::backupPath(path, 0));
        auto s = Store::open(path, m_clock);
        QCOMPARE(int(s->incidents().size()), 1);
        QVERIFY(!QFile::exists(storage::backupPath(path, 0)));
    }

    void tooNewIsRefusedUntouched()
    {
        const QString path = m_dir->file(QStringLiteral("future.db"));
        makeSqliteFile(path, {QStringLiteral("CREATE TABLE future_things(x)"),
                              QStringLiteral("PRAGMA user_version = 99")});
        expectRefused(path, {Code::TooNew}, m_clock);
    }

    void tooNewWalFileIsRefusedUntouched()
    {
        // Our own WAL-mode file, as a newer build would leave it.
        const QString path = makeStoreFile(QStringLiteral("ours-future.db"), 10);
        makeSqliteFile(path,
                       {QStringLiteral("PRAGMA user_version = %1").arg(Store::kSchemaVersion + 1)});
        expectRefused(path, {Code::TooNew}, m_clock);
    }

    // Version 2 to 3: the table that keeps diagnostic outputs, data kept, backup made.
    void versionTwoFileGetsDiagnosticOutputs()
    {
        const QString path = makeV2File(QStringLiteral("v2.db"), 5);
        const QByteArray v2 = test::readFile(path);
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QVERIFY(hasTable(*s, QStringLiteral("diagnostic_outputs")));
        QCOMPARE(s->eventCount(s->incidents().front().id), 5);
        QCOMPARE(test::readFile(storage::backupPath(path, 2)), v2);
    }

    // Version 3 to 4: every mutable record gets field sites and server bases; rows made before
    // know no base, so their fields all count as not yet on a server.
    void versionThreeFileGetsSyncColumns()
    {
        const QString path = makeStoreFile(QStringLiteral("v3.db"), 3);
        makeSqliteFile(path, undoV5() + undoV4() +
                                 QStringList{QStringLiteral("PRAGMA user_version = 3")});
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QSqlQuery q(s->db());
        QVERIFY(q.exec(QStringLiteral("SELECT field_site, base_hlc FROM incidents")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("{}"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("{}"));
        QVERIFY(hasIndex(*s, QStringLiteral("outbox_pending")));
        QCOMPARE(s->pendingOutbox(), 4);
        QCOMPARE(test::readFile(storage::backupPath(path, 3)).isEmpty(), false);
    }

    // Version 4 to 5: conflicts become synced records whose review is a field; the ones pulled
    // before are unreviewed and their fields not yet stamped.
    void versionFourFileGetsConflictReview()
    {
        const QString path = makeStoreFile(QStringLiteral("v4.db"), 3);
        makeSqliteFile(
            path, undoV5() + QStringList{QStringLiteral(
                                             "INSERT INTO conflicts(id, entity, row_id, field, "
                                             "loser_value, loser_hlc, loser_site, winner_hlc, "
                                             "detected_at) VALUES('c1', 'incidents', 'x', 'title', "
                                             "'old', 'h1', 's1', 'h2', '2024-03-10T12:00:00Z')"),
                                         QStringLiteral("PRAGMA user_version = 4")});
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        const auto conflicts = s->conflicts();
        QCOMPARE(conflicts.size(), std::size_t(1));
        QCOMPARE(conflicts.front().reviewed, false);
        QCOMPARE(conflicts.front().mine, std::optional<QString>(QStringLiteral("old")));
        QCOMPARE(test::readFile(storage::backupPath(path, 4)).isEmpty(), false);
        s->setConflictReviewed(QStringLiteral("c1"));
        QCOMPARE(s->conflicts().size(), std::size_t(0));
        QCOMPARE(s->conflicts(true).front().reviewed, true);
    }

    // Version 1 to 2: the covering index the incident list reads, data kept, backup made.
    void versionOneFileGetsTheListIndex()
    {
        const QString path = makeV1File(QStringLiteral("v1.db"), 20);
        const QByteArray v1 = test::readFile(path);
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QVERIFY(hasIndex(*s, QStringLiteral("incidents_list")));
        QCOMPARE(int(s->incidentSummaries().size()), 1);
        QCOMPARE(s->eventCount(s->incidents().front().id), 20);
        QCOMPARE(test::readFile(storage::backupPath(path, 1)), v1);

        QSqlQuery plan(s->db());
        QVERIFY(plan.exec(QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT id, title, severity, status, channel, commander, "
            "started_at FROM incidents WHERE deleted = 0 ORDER BY started_at DESC, id")));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        QVERIFY2(steps.join(u' ').contains(QStringLiteral("COVERING INDEX incidents_list")),
                 qPrintable(steps.join(u' ')));
        QVERIFY2(!steps.join(u' ').contains(QStringLiteral("TEMP B-TREE")),
                 qPrintable(steps.join(u' ')));
    }

    void failingMigrationLeavesFileUntouched_data()
    {
        QTest::addColumn<int>("fromVersion");
        QTest::newRow("v0 file") << 0;
        QTest::newRow("v1 file") << 1;
        QTest::newRow("current file") << int(Store::kSchemaVersion);
    }

    void failingMigrationLeavesFileUntouched()
    {
        QFETCH(int, fromVersion);
        QString path;
        if (fromVersion == 0) {
            path = m_dir->file(QStringLiteral("v0.db"));
            makeSqliteFile(path, {QStringLiteral("CREATE TABLE legacy_notes(body TEXT)")});
        } else if (fromVersion == 1) {
            path = makeV1File(QStringLiteral("v1.db"), 50);
        } else {
            path = makeStoreFile(QStringLiteral("current.db"), 50);
        }
        // A step after the shipped ones does real work and then fails: the work must be rolled
        // back with it, and with every shipped step that ran before it.
        storage::setExtraMigrationsForTesting(
            {{Store::kSchemaVersion + 1, QStringLiteral("broken step"), [](QSqlDatabase &db) {
                  storage::execStatements(db, {QStringLiteral("CREATE TABLE half(x)"),
                                               QStringLiteral("INSERT INTO half VALUES(1)"),
                                               QStringLiteral("CREATE TABLE incidents(x)")});
              }}});
        const QByteArray original = test::readFile(path);
        try {
            auto s = Store::open(path, m_clock);
            QFAIL("the migration should have failed");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::MigrationFailed);
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("broken step")) ||
                         e.message().contains(QStringLiteral("incidents")),
                     qPrintable(e.message()));
        }
        QCOMPARE(test::readFile(path), original);
        QVERIFY(noSidecars(path));
        QCOMPARE(test::readFile(storage::backupPath(path, fromVersion)), original);

        // Without the broken step the same file opens at its old or the current version.
        storage::setExtraMigrationsForTesting({});
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QVERIFY(hasIndex(*s, QStringLiteral("incidents_list")));
        QVERIFY(!hasTable(*s, QStringLiteral("half")));
    }

    void addingAVersionIsOneMoreStep()
    {
        const QString path = makeStoreFile(QStringLiteral("grow.db"), 5);
        const QByteArray before = test::readFile(path);
        const int next = Store::kSchemaVersion + 1;
        storage::setExtraMigrationsForTesting(
            {{next, QStringLiteral("incident tags"), [](QSqlDatabase &db) {
                  storage::execStatements(
                      db, {QStringLiteral("ALTER TABLE incidents ADD COLUMN tags TEXT NOT NULL "
                                          "DEFAULT ''")});
              }}});
        {
            auto s = Store::open(path, m_clock);
            QCOMPARE(s->schemaVersion(), next);
            QCOMPARE(int(s->incidents().size()), 1);
            QCOMPARE(s->eventCount(s->incidents().front().id), 5);
        }
        QCOMPARE(test::readFile(storage::backupPath(path, Store::kSchemaVersion)), before);
        // A build without that step refuses the upgraded file instead of guessing.
        storage::setExtraMigrationsForTesting({});
        expectRefused(path, {Code::TooNew}, m_clock);
    }

    void notADatabase_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("incident notes\nnot a database at all\n");
        QTest::newRow("random bytes") << randomBytes(8192, 42);
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) +
                                    randomBytes(4000, 7);
        QTest::newRow("one byte") << QByteArray("S");
        QTest::newRow("wrong sqlite version")
            << QByteArray("SQLite format 2\0", 16) + QByteArray(4080, '\0');
    }

    void notADatabase()
    {
        QFETCH(QByteArray, bytes);
        m_dir->write(QStringLiteral("x.db"), bytes);
        expectRefused(m_dir->file(QStringLiteral("x.db")), {Code::NotADatabase}, m_clock);
    }

    void corrupt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("pages overwritten in the middle") << QStringLiteral("middle");
        QTest::newRow("first page after the header overwritten") << QStringLiteral("page1");
        QTest::newRow("truncated to half") << QStringLiteral("half");
        QTest::newRow("truncated mid-page") << QStringLiteral("midpage");
        // Without a trustworthy page count in the header only SQLite's own check can tell.
        QTest::newRow("truncated, stale header") << QStringLiteral("half-stale");
        QTest::newRow("truncated inside the header") << QStringLiteral("header");
        QTest::newRow("garbage page size") << QStringLiteral("pagesize");
    }

    void corrupt()
    {
        QFETCH(QString, damage);
        const QString path = makeStoreFile(QStringLiteral("damaged.db"), 3000);
        QByteArray bytes = test::readFile(path);
        const int pageSize = 4096;
        QVERIFY(bytes.size() > 20 * pageSize);
        const int pages = int(bytes.size() / pageSize);
        if (damage == QStringLiteral("middle")) {
            bytes.replace(pages / 2 * pageSize, 3 * pageSize, randomBytes(3 * pageSize, 1));
        } else if (damage == QStringLiteral("page1")) {
            bytes.replace(100, pageSize - 100, randomBytes(pageSize - 100, 2));
        } else if (damage == QStringLiteral("half")) {
            bytes.truncate(pages / 2 * pageSize);
        } else if (damage == QStringLiteral("half-stale")) {
            bytes.truncate(pages / 2 * pageSize);
            bytes[95] = char(bytes.at(27) ^ 0x55); // version-valid-for no longer matches
        } else if (damage == QStringLiteral("midpage")) {
            bytes.truncate(pages / 2 * pageSize + 1000);
        } else if (damage == QStringLiteral("header")) {
            bytes.truncate(50);
        } else if (damage == QStringLiteral("pagesize")) {
            bytes[16] = char(0x12);
            bytes[17] = char(0x34);
        }
        m_dir->write(QStringLiteral("damaged.db"), bytes);
        expectRefused(path, {Code::Corrupt, Code::NotADatabase}, m_clock);
    }

    void missingFolderCannotOpen()
    {
        const QString path = m_dir->file(QStringLiteral("no/such/folder/x.db"));
        try {
            auto s = Store::open(path, m_clock);
            QFAIL("opened a file in a missing folder");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::CannotOpen);
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(m_dir->file(QStringLiteral("no"))));
        QCOMPARE(QSqlDatabase::connectionNames().size(), 0);
    }

    void folderInsteadOfFileCannotOpen()
    {
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("adir")));
        try {
            auto s = Store::open(m_dir->file(QStringLiteral("adir")), m_clock);
            QFAIL("opened a folder");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::CannotOpen);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
