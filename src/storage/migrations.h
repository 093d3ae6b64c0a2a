#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace idesk::storage {

// One forward-only schema step. apply() brings the schema from version-1 to version and throws
// StoreError on failure; the runner sets PRAGMA user_version. Adding schema version N later is
// one more entry at the end of builtinMigrations() plus bumping Store::kSchemaVersion.
struct Migration
{
    int version = 0;
    QString description;
    std::function<void(QSqlDatabase &)> apply;
};

// The shipped steps, ordered, versions 1, 2, … without gaps.
const std::vector<Migration> &builtinMigrations();
// The shipped steps followed by any a test appended.
std::vector<Migration> migrations();
// The version a freshly migrated database has: the last step's version.
int targetSchemaVersion();

// Tests only: steps appended after the shipped ones, e.g. one that fails half-way. Pass {} to
// clear. Not thread-safe; set it before opening a Store.
void setExtraMigrationsForTesting(std::vector<Migration> steps);

// Runs every step with a version above fromVersion on an open connection. All steps share one
// outer transaction (each step is a savepoint inside it), so a failure anywhere rolls the file
// back to exactly what it was. Before touching a file that already held data (backupFirst),
// copies it to "<path>.bak-v<fromVersion>". Throws StoreError(MigrationFailed).
void runMigrations(QSqlDatabase &db, const QString &path, int fromVersion, bool backupFirst);

// The file a migration from fromVersion backs up to.
QString backupPath(const QString &path, int fromVersion);

// Executes statements in order; throws StoreError(Query) naming the failing one.
void execStatements(QSqlDatabase &db, const QStringList &statements);

} // namespace idesk::storage
