// The store's refusals on real SQLite files: a migration that cannot be made safe, a database
// whose metadata is gone, rows that are not there, and imports that would write nonsense. Each
// refusal must leave the file as it was.
#include "storage/migrations.h"
#include "storage/sqlutil.h"
#include "storage/store.h"
#include "testsupport/damageddb.h"
#include "testsupport/testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace idesk;
using Code = StoreError::Code;

namespace {

// Statements run on the closed file with a plain SQLite connection, as another tool would.
void editRaw(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-") + newUuid();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open the test database");
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                qFatal("%s", qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int outboxRows(Store &s)
{
    QSqlQuery q(s.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestStoreErrors : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDir> m_dir;
    FakeClock m_clock{fromIso(QStringLiteral("2024-03-10T12:00:00Z"))};

    QString makeStoreFile(const QString &name)
    {
        const QString path = m_dir->file(name);
        auto s = Store::open(path, m_clock);
        const Incident inc = s->declareIncident({QStringLiteral("t"), Severity::P2, {}, {}});
        NewEvent e;
        e.text = QStringLiteral("first note");
        s->addEvent(inc.id, e);
        return path;
    }

    // Opening fails with `code` and a message holding `words`; the file keeps every byte.
    void expectMigrationRefused(const QString &path, const QString &words)
    {
        const QByteArray before = test::readFile(path);
        try {
            auto s = Store::open(path, m_clock);
            QFAIL("the store opened a file whose migration should have failed");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::MigrationFailed);
            QVERIFY2(e.message().contains(words), qPrintable(e.message()));
        }
        QCOMPARE(test::readFile(path), before);
    }

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void init() { m_dir = std::make_unique<test::TempDir>(); }
    void cleanup()
    {
        storage::setExtraMigrationsForTesting({});
        m_dir.reset();
    }

    // A gap in the version numbers would leave a schema no build knows.
    void migrationWithAGapIsRefused()
    {
        const QString path = makeStoreFile(QStringLiteral("gap.db"));
        storage::setExtraMigrationsForTesting(
            {{Store::kSchemaVersion + 2, QStringLiteral("skips one"), [](QSqlDatabase &db) {
                  storage::execStatements(db, {QStringLiteral("CREATE TABLE skipped(x)")});
              }}});
        expectMigrationRefused(path, QStringLiteral("out of order: %1 after %2")
                                         .arg(Store::kSchemaVersion + 2)
                                         .arg(Store::kSchemaVersion));
        storage::setExtraMigrationsForTesting({});
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(int(s->incidents().size()), 1);
    }

    // Foreign keys are off while steps run; a step that leaves an orphan row is undone.
    void migrationLeavingAnOrphanIsRolledBack()
    {
        const QString path = makeStoreFile(QStringLiteral("orphan.db"));
        storage::setExtraMigrationsForTesting(
            {{Store::kSchemaVersion + 1, QStringLiteral("tags"), [](QSqlDatabase &db) {
                  storage::execStatements(
                      db, {QStringLiteral("CREATE TABLE tags(incident_id TEXT NOT NULL "
                                          "REFERENCES incidents(id), tag TEXT)"),
                           QStringLiteral("INSERT INTO tags VALUES('no-such-incident', 'x')")});
              }}});
        expectMigrationRefused(path, QStringLiteral("foreign key violation in table tags"));
        storage::setExtraMigrationsForTesting({});
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion);
        QSqlQuery q(s->db());
        QVERIFY(q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'tags'")));
        QVERIFY(!q.next());
    }

    // No backup, no migration: the upgrade waits until the backup can be written.
    void unwritableBackupStopsTheMigration()
    {
        const QString path = makeStoreFile(QStringLiteral("backup.db"));
        const QString backup = storage::backupPath(path, Store::kSchemaVersion);
        QVERIFY(QDir().mkpath(backup)); // a folder where the backup file should go
        storage::setExtraMigrationsForTesting(
            {{Store::kSchemaVersion + 1, QStringLiteral("column"), [](QSqlDatabase &db) {
                  storage::execStatements(
                      db, {QStringLiteral("ALTER TABLE incidents ADD COLUMN tags TEXT")});
              }}});
        expectMigrationRefused(path, QStringLiteral("Cannot write the backup %1").arg(backup));

        QVERIFY(QDir(backup).removeRecursively());
        auto s = Store::open(path, m_clock);
        QCOMPARE(s->schemaVersion(), Store::kSchemaVersion + 1);
        QVERIFY(QFileInfo(backup).isFile());
    }

    // Every change is stamped with the site id; without it nothing could be synced or merged.
    void missingSiteIdIsCorrupt()
    {
        const QString path = makeStoreFile(QStringLiteral("site.db"));
        editRaw(path, {QStringLiteral("DELETE FROM meta WHERE key = 'site_id'")});
        const QByteArray before = test::readFile(path);
        try {
            auto s = Store::open(path, m_clock);
            QFAIL("opened a database without a site id");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::Corrupt);
            QVERIFY2(e.message().contains(QStringLiteral("%1 has no site id").arg(path)),
                     qPrintable(e.message()));
        }
        QCOMPARE(test::readFile(path), before);
    }

    // A structure-only open accepts a file whose middle pages are damaged; requireSound() reads
    // every page and refuses it with open()'s own sentence, and leaves a sound file alone.
    void requireSoundReadsEveryPage()
    {
        const QString path = m_dir->file(QStringLiteral("damaged.db"));
        QVERIFY(test::writeDamagedDatabase(path));
        auto s = Store::open(path, m_clock, {}, Store::Verify::Structure);
        try {
            s->requireSound();
            QFAIL("a damaged file passed");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::Corrupt);
            QVERIFY2(e.message().startsWith(
                         QStringLiteral("The database %1 is damaged (SQLite integrity check: ")
                             .arg(QFileInfo(path).absoluteFilePath())),
                     qPrintable(e.message()));
            QVERIFY(e.message().endsWith(QStringLiteral("restore it from a backup.")));
        }
        auto sound = Store::open(makeStoreFile(QStringLiteral("sound.db")), m_clock, {},
                                 Store::Verify::Structure);
        sound->requireSound();
    }

    // Updates of rows that are not there say so and write nothing (no stamp, no outbox row).
    void missingRowsAreNotFound()
    {
        auto s = Store::open(m_dir->file(QStringLiteral("rows.db")), m_clock);
        const Incident inc = s->declareIncident({QStringLiteral("t"), Severity::P2, {}, {}});
        ActionItem item = s->addActionItem(inc.id, QStringLiteral("Fix retries"),
                                           QStringLiteral("bob"), QDate(2024, 4, 1));
        const int outbox = outboxRows(*s);

        Incident ghost = inc;
        ghost.id = newUuid();
        ghost.title = QStringLiteral("changed");
        try {
            s->updateIncident(ghost);
            QFAIL("updated an incident that does not exist");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::NotFound);
            QVERIFY(e.message().contains(ghost.id));
        }
        item.id = newUuid();
        item.description = QStringLiteral("changed");
        try {
            s->updateActionItem(item);
            QFAIL("updated an action item that does not exist");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::NotFound);
            QVERIFY(e.message().contains(item.id));
        }
        try {
            s->bundle(ghost.id);
            QFAIL("exported an incident that does not exist");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), Code::NotFound);
        }
        QCOMPARE(outboxRows(*s), outbox);
        QCOMPARE(s->incident(inc.id)->title, QStringLiteral("t"));
        QCOMPARE(s->actionItems(inc.id).front().description, QStringLiteral("Fix retries"));
    }

    void importRefusesWhatItCannotStore()
    {
        auto source = Store::open(m_dir->file(QStringLiteral("source.db")), m_clock);
        const Incident inc = source->declareIncident({QStringLiteral("t"), Severity::P1, {}, {}});
        NewEvent e;
        e.text = QStringLiteral("a note");
        source->addEvent(inc.id, e);
        const IncidentBundle good = source->bundle(inc.id);

        auto target = Store::open(m_dir->file(QStringLiteral("target.db")), m_clock);
        IncidentBundle noId = good;
        noId.incident.id.clear();
        QVERIFY_THROWS_EXCEPTION(StoreError, target->importBundle(noId));

        // A stamp that is not an HLC would sort anywhere: the whole import is refused.
        IncidentBundle badStamp = good;
        badStamp.events.front().stamp.hlc = QStringLiteral("yesterday");
        try {
            target->importBundle(badStamp);
            QFAIL("imported an event with a malformed stamp");
        } catch (const StoreError &err) {
            QCOMPARE(err.code(), Code::Query);
            QVERIFY2(err.message().contains(QStringLiteral("The stamp yesterday")),
                     qPrintable(err.message()));
        }
        QVERIFY(!target->incident(inc.id));
        QCOMPARE(outboxRows(*target), 0);

        // A row without a stamp (a hand-written file) becomes a change made here.
        IncidentBundle unstamped = good;
        unstamped.events.front().stamp = {};
        target->importBundle(unstamped);
        EventQuery q;
        q.incidentId = inc.id;
        const auto events = target->events(q);
        QCOMPARE(int(events.size()), 1);
        QCOMPARE(events.front().stamp.siteId, target->siteId());
        QVERIFY(!events.front().stamp.hlc.isEmpty());
    }

    // A channel still names its incident after the incident was deleted, as long as no live
    // one has taken it.
    void deletedIncidentIsFoundByItsChannel()
    {
        auto s = Store::open(m_dir->file(QStringLiteral("deleted.db")), m_clock);
        Incident inc = s->declareIncident({QStringLiteral("t"), Severity::P2, {}, {}});
        inc.deleted = true;
        s->updateIncident(inc);
        const auto found = s->findIncident(inc.channel);
        QVERIFY(found);
        QCOMPARE(found->id, inc.id);
        QVERIFY(found->deleted);
    }

    // The backup reads through SQLite's own descriptor; without an open file there is none.
    void readingBytesNeedsAnOpenDatabase()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, storage::readDatabaseBytes(QSqlDatabase()));
        auto s = Store::open(m_dir->file(QStringLiteral("bytes.db")), m_clock);
        const QByteArray bytes = storage::readDatabaseBytes(s->db());
        QVERIFY(bytes.startsWith("SQLite format 3"));
    }
};

QTEST_GUILESS_MAIN(TestStoreErrors)
#include "test_store_errors.moc"
