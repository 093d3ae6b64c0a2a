#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Small helpers around QtSql that turn failures into StoreError, private to the storage layer.
namespace idesk::storage {

// The primary SQLite result code of a failed statement (SQLITE_CORRUPT = 11 …), 0 if unknown.
int sqliteCode(const QSqlError &e);
// Corruption keeps its own code so the UI can tell "damaged file" from "bad statement".
[[noreturn]] void throwSqlError(const QSqlError &e, const QString &context);

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
