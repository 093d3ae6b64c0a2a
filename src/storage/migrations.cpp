#include "storage/migrations.h"

#include "core/types.h"
#include "storage/sqlutil.h"
#include "storage/store.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlQuery>
#include <spdlog/spdlog.h>

namespace idesk::storage {

namespace {

// Version 1: the first schema. Every synced row carries a client-made UUID, its HLC stamp and
// the site that wrote it; mutable records keep per-field stamps in field_hlc for last-writer-wins.
void createSchemaV1(QSqlDatabase &db)
{
    execStatements(
        db, {
                QStringLiteral("CREATE TABLE meta ("
                               " key TEXT PRIMARY KEY NOT NULL,"
                               " value TEXT NOT NULL"
                               ") WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE incidents ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " title TEXT NOT NULL DEFAULT '',"
                               " severity TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " commander TEXT NOT NULL DEFAULT '',"
                               " comms_lead TEXT NOT NULL DEFAULT '',"
                               " scribe TEXT NOT NULL DEFAULT '',"
                               " channel TEXT NOT NULL,"
                               " started_at TEXT,"
                               " detected_at TEXT,"
                               " acknowledged_at TEXT,"
                               " mitigated_at TEXT,"
                               " resolved_at TEXT,"
                               " user_impact TEXT NOT NULL DEFAULT '',"
                               " business_impact TEXT NOT NULL DEFAULT '',"
                               " affected_users INTEGER,"
                               " affected_users_percent REAL,"
                               " error_rate_percent REAL,"
                               " response_time_ms REAL,"
                               " revenue_loss_per_hour REAL,"
                               " regulatory INTEGER NOT NULL DEFAULT 0,"
                               " summary TEXT NOT NULL DEFAULT '',"
                               " escalation_level INTEGER NOT NULL DEFAULT 1,"
                               " deleted INTEGER NOT NULL DEFAULT 0,"
                               " field_hlc TEXT NOT NULL DEFAULT '{}',"
                               " hlc TEXT NOT NULL,"
                               " site_id TEXT NOT NULL"
                               ")"),
                // Not unique: two offline devices can both declare the day's first incident.
                QStringLiteral("CREATE INDEX incidents_channel ON incidents(channel)"),
                QStringLiteral("CREATE TABLE timeline_events ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " event_id TEXT NOT NULL,"
                               " incident_id TEXT NOT NULL REFERENCES incidents(id),"
                               " revision INTEGER NOT NULL,"
                               " supersedes TEXT,"
                               " occurred_at TEXT NOT NULL,"
                               " recorded_at TEXT NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " author TEXT NOT NULL DEFAULT '',"
                               " text TEXT NOT NULL DEFAULT '',"
                               " source TEXT NOT NULL DEFAULT 'manual',"
                               " pinned INTEGER NOT NULL DEFAULT 0,"
                               " deleted INTEGER NOT NULL DEFAULT 0,"
                               " is_current INTEGER NOT NULL DEFAULT 1,"
                               // local: the first revision's stamp, so events at the same
                               // time keep the order they were made in, across edits
                               " created_hlc TEXT NOT NULL,"
                               " hlc TEXT NOT NULL,"
                               " site_id TEXT NOT NULL"
                               ")"),
                QStringLiteral("CREATE INDEX timeline_events_current"
                               " ON timeline_events(incident_id, is_current, occurred_at)"),
                // Revisions of one event; not unique because two sites may edit the same revision.
                QStringLiteral(
                    "CREATE INDEX timeline_events_event ON timeline_events(event_id, revision)"),
                QStringLiteral("CREATE TABLE checklist_items ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " incident_id TEXT NOT NULL REFERENCES incidents(id),"
                               " list TEXT NOT NULL,"
                               " position INTEGER NOT NULL,"
                               " text TEXT NOT NULL DEFAULT '',"
                               " checked INTEGER NOT NULL DEFAULT 0,"
                               " checked_by TEXT NOT NULL DEFAULT '',"
                               " checked_at TEXT,"
                               " deleted INTEGER NOT NULL DEFAULT 0,"
                               " field_hlc TEXT NOT NULL DEFAULT '{}',"
                               " hlc TEXT NOT NULL,"
                               " site_id TEXT NOT NULL"
                               ")"),
                QStringLiteral("CREATE INDEX checklist_items_incident ON "
                               "checklist_items(incident_id, list, position)"),
                QStringLiteral("CREATE TABLE action_items ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " incident_id TEXT NOT NULL REFERENCES incidents(id),"
                               " description TEXT NOT NULL DEFAULT '',"
                               " owner TEXT NOT NULL DEFAULT '',"
                               " due TEXT,"
                               " status TEXT NOT NULL,"
                               " created_at TEXT NOT NULL,"
                               " deleted INTEGER NOT NULL DEFAULT 0,"
                               " field_hlc TEXT NOT NULL DEFAULT '{}',"
                               " hlc TEXT NOT NULL,"
                               " site_id TEXT NOT NULL"
                               ")"),
                QStringLiteral(
                    "CREATE INDEX action_items_incident ON action_items(incident_id, created_at)"),
                // One post-mortem document per incident, as JSON whose shape core/postmortem owns;
                // synced as one last-writer-wins row.
                QStringLiteral("CREATE TABLE postmortems ("
                               " incident_id TEXT PRIMARY KEY NOT NULL REFERENCES incidents(id),"
                               " body TEXT NOT NULL,"
                               " updated_at TEXT NOT NULL,"
                               " hlc TEXT NOT NULL,"
                               " site_id TEXT NOT NULL"
                               ")"),
                // Local only: the losing side of a last-writer-wins merge, for the user to review.
                QStringLiteral("CREATE TABLE conflicts ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " entity TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " field TEXT NOT NULL,"
                               " loser_value TEXT,"
                               " loser_hlc TEXT NOT NULL,"
                               " loser_site TEXT NOT NULL,"
                               " winner_hlc TEXT NOT NULL,"
                               " detected_at TEXT NOT NULL"
                               ")"),
                // Local only: what still has to go up to the server. op_id is a time-ordered UUID
                // and the table is clustered on it, so a large batch appends instead of growing a
                // second, randomly ordered index; hlc gives the exact order of changes.
                QStringLiteral("CREATE TABLE outbox ("
                               " op_id TEXT PRIMARY KEY NOT NULL,"
                               " entity TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " hlc TEXT NOT NULL,"
                               " created_at TEXT NOT NULL,"
                               " pushed_at TEXT"
                               ") WITHOUT ROWID"),
            });

    QSqlQuery q =
        prepareSql(db, QStringLiteral("INSERT INTO meta(key, value) VALUES('site_id', ?)"));
    q.addBindValue(newUuid());
    execPrepared(q, QStringLiteral("Creating the site id"));
}

// The incident list reads a few columns of every incident, newest first. Rows carry their
// per-field stamps, so a table scan touches one page per incident; this covering index holds
// the list's columns in its own compact pages, already in the list's order.
void createListIndexV2(QSqlDatabase &db)
{
    execStatements(db, {QStringLiteral("CREATE INDEX incidents_list ON incidents(deleted, "
                                       "started_at DESC, id, title, severity, status, channel, "
                                       "commander)")});
}

// A diagnostic run's full output (up to the runner's cap) beside the evidence event that
// summarises it; the timeline row stays small, the output opens from it. Local to this machine:
// it is not synced, like any other large attachment would not be.
void createDiagnosticOutputsV3(QSqlDatabase &db)
{
    execStatements(db, {QStringLiteral("CREATE TABLE diagnostic_outputs ("
                                       " event_id TEXT PRIMARY KEY,"
                                       " incident_id TEXT NOT NULL REFERENCES incidents(id),"
                                       " check_id TEXT NOT NULL,"
                                       " output TEXT NOT NULL,"
                                       " truncated INTEGER NOT NULL DEFAULT 0,"
                                       " recorded_at TEXT NOT NULL)"),
                        QStringLiteral("CREATE INDEX diagnostic_outputs_incident ON "
                                       "diagnostic_outputs(incident_id)")});
}

// Sync bookkeeping on every mutable synced record: field_site names the site of each field's
// stamp (the row's site_id only names the last writer of any field, and stamps from two sites
// can be equal), base_hlc the stamp of each field the server is known to hold. A field whose
// stamp differs from its base is a local change not yet on the server.
void addSyncColumnsV4(QSqlDatabase &db)
{
    QStringList statements;
    for (const char *table : {"incidents", "checklist_items", "action_items", "postmortems"}) {
        const QString t = QString::fromLatin1(table);
        statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN field_site TEXT NOT NULL DEFAULT "
                                     "'{}'")
                          .arg(t)
                   << QStringLiteral("ALTER TABLE %1 ADD COLUMN base_hlc TEXT NOT NULL DEFAULT "
                                     "'{}'")
                          .arg(t);
    }
    statements << QStringLiteral("CREATE INDEX outbox_pending ON outbox(pushed_at, hlc)");
    execStatements(db, statements);
}

// A conflict's review ("keep theirs") is a synced field of its own, so a commander who settles
// it on one laptop settles it on all: the conflicts table gets the bookkeeping of a mutable
// record. incident_id stays empty here; sync only carries it along.
void addConflictReviewV5(QSqlDatabase &db)
{
    execStatements(db,
                   {QStringLiteral("ALTER TABLE conflicts ADD COLUMN incident_id TEXT"),
                    QStringLiteral("ALTER TABLE conflicts ADD COLUMN reviewed INTEGER NOT NULL "
                                   "DEFAULT 0"),
                    QStringLiteral("ALTER TABLE conflicts ADD COLUMN field_hlc TEXT NOT NULL "
                                   "DEFAULT '{}'"),
                    QStringLiteral("ALTER TABLE conflicts ADD COLUMN field_site TEXT NOT NULL "
                                   "DEFAULT '{}'"),
                    QStringLiteral("ALTER TABLE conflicts ADD COLUMN base_hlc TEXT NOT NULL "
                                   "DEFAULT '{}'"),
                    QStringLiteral("ALTER TABLE conflicts ADD COLUMN hlc TEXT NOT NULL DEFAULT ''"),
                    QStringLiteral("ALTER TABLE conflicts ADD COLUMN site_id TEXT NOT NULL "
                                   "DEFAULT ''")});
}

std::vector<Migration> &extraMigrations()
{
    static std::vector<Migration> extra;
    return extra;
}

// The bytes come through SQLite's own descriptor inside a read transaction: opening the file
// again would drop this process's locks when closed, and the snapshot keeps other processes'
// checkpoints from rewriting pages while they are copied.
void backUp(QSqlDatabase &db, const QString &path, int fromVersion)
{
    // A WAL left behind by a crash holds committed data the main file does not have yet.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        execSql(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const QString target = backupPath(path, fromVersion);
    execSql(db, QStringLiteral("BEGIN"));
    QByteArray bytes;
    try {
        execSql(db, QStringLiteral("SELECT count(*) FROM sqlite_master")).finish();
        bytes = readDatabaseBytes(db);
    } catch (const StoreError &e) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        throw StoreError(StoreError::Code::MigrationFailed,
                         QStringLiteral("Cannot read %1 to back it up: %2").arg(path, e.message()));
    }
    execSql(db, QStringLiteral("COMMIT"));
    // QSaveFile writes a temporary file, syncs it and renames it, so a backup is whole or absent.
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw StoreError(
            StoreError::Code::MigrationFailed,
            QStringLiteral("Cannot write the backup %1: %2").arg(target, out.errorString()));
    spdlog::info("Backed up {} to {} before migrating", path.toStdString(), target.toStdString());
}

} // namespace

const std::vector<Migration> &builtinMigrations()
{
    static const std::vector<Migration> steps{
        {1, QStringLiteral("initial schema"), createSchemaV1},
        {2, QStringLiteral("incident list index"), createListIndexV2},
        {3, QStringLiteral("diagnostic outputs"), createDiagnosticOutputsV3},
        {4, QStringLiteral("sync field sites and bases"), addSyncColumnsV4},
        {5, QStringLiteral("conflict review"), addConflictReviewV5},
    };
    return steps;
}

std::vector<Migration> migrations()
{
    std::vector<Migration> all = builtinMigrations();
    const auto &extra = extraMigrations();
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

int targetSchemaVersion()
{
    const auto all = migrations();
    return all.empty() ? 0 : all.back().version;
}

void setExtraMigrationsForTesting(std::vector<Migration> steps)
{
    extraMigrations() = std::move(steps);
}

QString backupPath(const QString &path, int fromVersion)
{
    return path + QStringLiteral(".bak-v") + QString::number(fromVersion);
}

void execStatements(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements)
        execSql(db, sql);
}

void runMigrations(QSqlDatabase &db, const QString &path, int fromVersion, bool backupFirst)
{
    std::vector<Migration> pending;
    for (auto &m : migrations()) {
        if (m.version > fromVersion)
            pending.push_back(std::move(m));
    }
    if (pending.empty())
        return;

    if (backupFirst)
        backUp(db, path, fromVersion);
    const QString backupNote =
        backupFirst ? QStringLiteral(" A backup is at %1.").arg(backupPath(path, fromVersion))
                    : QString();

    // SQLite only lets foreign keys be switched off outside a transaction; table rebuilds in
    // later steps need that, and foreign_key_check below verifies the result instead.
    execSql(db, QStringLiteral("PRAGMA foreign_keys = OFF"));
    int current = fromVersion;
    try {
        execSql(db, QStringLiteral("BEGIN IMMEDIATE"));
        for (const Migration &m : pending) {
            if (m.version != current + 1)
                throw StoreError(StoreError::Code::MigrationFailed,
                                 QStringLiteral("Migration steps are out of order: %1 after %2")
                                     .arg(m.version)
                                     .arg(current));
            const QString savepoint = QStringLiteral("migrate_v%1").arg(m.version);
            execSql(db, QStringLiteral("SAVEPOINT ") + savepoint);
            m.apply(db);
            execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version));
            execSql(db, QStringLiteral("RELEASE ") + savepoint);
            current = m.version;
        }
        QSqlQuery fk = execSql(db, QStringLiteral("PRAGMA foreign_key_check"));
        if (fk.next())
            throw StoreError(
                StoreError::Code::MigrationFailed,
                QStringLiteral("foreign key violation in table %1").arg(fk.value(0).toString()));
        fk.finish();
        execSql(db, QStringLiteral("COMMIT"));
    } catch (const std::exception &e) {
        const auto *storeError = dynamic_cast<const StoreError *>(&e);
        const QString why = storeError ? storeError->message() : QString::fromUtf8(e.what());
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        throw StoreError(StoreError::Code::MigrationFailed,
                         QStringLiteral("Could not upgrade %1 from schema version %2 to %3 (step "
                                        "%4 failed: %5). The file was left unchanged.%6")
                             .arg(path)
                             .arg(fromVersion)
                             .arg(pending.back().version)
                             .arg(current + 1)
                             .arg(why, backupNote));
    }
    execSql(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (backupFirst)
        spdlog::info("Migrated {} from schema version {} to {}", path.toStdString(), fromVersion,
                     current);
    else
        spdlog::debug("Created {} with schema version {}", path.toStdString(), current);
}

} // namespace idesk::storage
