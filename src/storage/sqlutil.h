#pragma once

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringView>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

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

// One statement prepared on the connection's own SQLite handle, for rows written by the
// thousand: QSqlQuery keeps its bound values in a QVariant list indexed through a string hash,
// which for a batch of events cost more than SQLite's own work. Values are bound in place
// (text as UTF-16, the store's encoding) and must stay alive until step() returns. Needs the Qt
// driver to use the process's SQLite library, as Debian's does (the system libsqlite3).
class BulkStatement
{
public:
    BulkStatement(const QSqlDatabase &db, const QString &sql);
    ~BulkStatement();
    BulkStatement(const BulkStatement &) = delete;
    BulkStatement &operator=(const BulkStatement &) = delete;

    // 1-based, as in SQLite. A null QString binds SQL NULL, as QtSql does; bindText() binds it
    // as '' (for NOT NULL text columns, like textValue()).
    void bind(int index, const QString &text);
    void bindText(int index, const QString &text);
    void bind(int index, qint64 value);
    void bindNull(int index);
    // Runs the statement once and resets it for the next row; throws StoreError on failure.
    void step(const QString &context);
    // For a query: steps to the next row, false (and reset) once there is none. The values of
    // the row are valid until the next call. Throws StoreError on failure.
    bool next(const QString &context);
    QStringView textAt(int column) const; // 0-based, as in SQLite
    // The value's bytes as stored (text in the file's encoding), unconverted: what SQLite's
    // BINARY collation compares.
    QByteArrayView bytesAt(int column) const;
    qint64 integerAt(int column) const;
    // Whether the value is stored as an integer: textAt() would format it into a new string.
    bool isIntegerAt(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace idesk::storage
