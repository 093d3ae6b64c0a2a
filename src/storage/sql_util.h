#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Small helpers around QtSql that turn failures into StoreError, private to the storage layer.
struct sqlite3;

namespace idesk::storage {

// How long a statement waits for another connection's lock before giving up as busy.
constexpr int kBusyTimeoutMs = 5000;

// The primary SQLite result code of a failed statement (SQLITE_CORRUPT = 11 …), 0 if unknown.
int sqliteCode(const QSqlError &e);
// Corruption keeps its own code so the UI can tell "damaged file" from "bad statement"; a busy
// database, a full disk and a clashing id become sentences that name the file (databasePath,
// when known) and say that nothing was changed, since every write runs in a transaction.
[[noreturn]] void throwSqlError(const QSqlError &e, const QString &context,
                                const QString &databasePath = {});

// The SQLite connection under a QtSql one (the driver is always QSQLITE here), or nullptr.
sqlite3 *sqliteHandle(const QSqlDatabase &db);
// Reads the main database file's bytes through the descriptor SQLite already holds. Opening the
// file a second time would be unsafe: closing any descriptor of a file drops every POSIX lock
// the process holds on it, and another process may then delete the WAL under our connection.
// Throws StoreError(Query) when the connection has no file.
QByteArray readDatabaseBytes(const QSqlDatabase &db);

QSqlQuery prepareSql(const QSqlDatabase &db, const QString &sql);
// Executes a prepared query with whatever is bound; throws on failure.
void execPrepared(QSqlQuery &q, const QString &context);
// Executes one statement without parameters and returns the query positioned before row 1.
QSqlQuery execSql(const QSqlDatabase &db, const QString &sql);

// A random (version 4) UUID, like idesk::newUuid(), from a per-thread generator seeded once
// from the system: QUuid::createUuid() asks the CPU's hardware generator for every id, which
// is slow under virtualisation and dominated bulk inserts.
QString randomUuid();

// A UUID version 7: the time in milliseconds first, then random bits. Keys made of these arrive
// in ascending order, so an index on them grows at its right edge instead of splitting pages all
// over the tree. For internal keys only: unlike random UUIDs their leading characters repeat,
// which makes them useless as short prefixes a person types.
QString orderedUuid(qint64 msSinceEpoch);

// NOT NULL text columns: QtSql binds a null QString as SQL NULL, an empty one as ''.
QVariant textValue(const QString &s);
// Times are ISO-8601 UTC text with milliseconds (sorts lexicographically), NULL when unset.
QVariant timeValue(const QDateTime &t);

} // namespace idesk::storage
