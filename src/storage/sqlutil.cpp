#include "storage/sqlutil.h"

#include "core/types.h"
#include "storage/store.h"

#include <QRandomGenerator>
#include <QSqlDriver>
#include <QUuid>
#include <algorithm>
#include <array>
#include <limits>
#include <sqlite3.h>

namespace idesk::storage {

int sqliteCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0; // extended codes carry the primary code in the low byte
}

namespace {

sqlite3 *handleOf(const QSqlDriver *driver)
{
    if (!driver)
        return nullptr;
    const QVariant v = driver->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QString pathOf(sqlite3 *h)
{
    const char *name = h ? sqlite3_db_filename(h, "main") : nullptr;
    return name ? QString::fromUtf8(name) : QString();
}

QString pathOf(const QSqlDatabase &db)
{
    const QString path = pathOf(sqliteHandle(db));
    return path.isEmpty() ? db.databaseName() : path;
}

} // namespace

namespace {

// One wording for every failure, whether it came through QtSql or straight from SQLite.
// extendedCode is SQLite's extended result code; text is what goes with it for the log.
[[noreturn]] void raise(int extendedCode, const QString &text, const QString &sqliteText,
                        const QString &databasePath)
{
    const QString file = databasePath.isEmpty()
                             ? QStringLiteral("The database")
                             : QStringLiteral("The database %1").arg(databasePath);
    switch (extendedCode & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw StoreError(StoreError::Code::Corrupt, text);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(StoreError::Code::Busy,
                         QStringLiteral("%1 is busy: another program has held it for longer than "
                                        "the %2 seconds IncidentDesk waits. Nothing was changed; "
                                        "try again.")
                             .arg(file)
                             .arg(kBusyTimeoutMs / 1000));
    case SQLITE_FULL:
        throw StoreError(
            StoreError::Code::DiskFull,
            QStringLiteral("The disk holding %1 is full. Nothing was changed; free "
                           "some space and try again.")
                .arg(databasePath.isEmpty() ? QStringLiteral("the database") : databasePath));
    case SQLITE_CONSTRAINT:
        if (extendedCode != SQLITE_CONSTRAINT_PRIMARYKEY &&
            extendedCode != SQLITE_CONSTRAINT_UNIQUE)
            throw StoreError(StoreError::Code::Query, text);
        throw StoreError(StoreError::Code::Conflict,
                         QStringLiteral("%1 already holds a record with the same id or name (%2). "
                                        "Nothing was changed.")
                             .arg(file, sqliteText));
    default:
        throw StoreError(StoreError::Code::Query, text);
    }
}

} // namespace

void throwSqlError(const QSqlError &e, const QString &context, const QString &databasePath)
{
    bool ok = false;
    const int extended = e.nativeErrorCode().toInt(&ok);
    raise(ok ? extended : 0, context + QStringLiteral(": ") + e.text(), e.databaseText(),
          databasePath);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    return db.isValid() ? handleOf(db.driver()) : nullptr;
}

QByteArray readDatabaseBytes(const QSqlDatabase &db)
{
    sqlite3 *h = sqliteHandle(db);
    sqlite3_file *file = nullptr;
    if (!h || sqlite3_file_control(h, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
        !file || !file->pMethods)
        throw StoreError(StoreError::Code::Query,
                         QStringLiteral("Cannot read %1: no open database file").arg(pathOf(db)));
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK || size < 0 ||
        size > std::numeric_limits<qsizetype>::max() / 2)
        throw StoreError(StoreError::Code::Query,
                         QStringLiteral("Cannot read the size of %1").arg(pathOf(db)));
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    constexpr sqlite3_int64 kChunk = 1 << 20;
    for (sqlite3_int64 at = 0; at < size; at += kChunk) {
        const int n = int(std::min(kChunk, size - at));
        if (file->pMethods->xRead(file, bytes.data() + at, n, at) != SQLITE_OK)
            throw StoreError(StoreError::Code::Query,
                             QStringLiteral("Cannot read %1 at byte %2").arg(pathOf(db)).arg(at));
    }
    return bytes;
}

QSqlQuery prepareSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throwSqlError(q.lastError(), QStringLiteral("Preparing \"%1\"").arg(sql.simplified()),
                      pathOf(db));
    return q;
}

void execPrepared(QSqlQuery &q, const QString &context)
{
    if (!q.exec())
        throwSqlError(q.lastError(), context, pathOf(handleOf(q.driver())));
}

QSqlQuery execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        throwSqlError(q.lastError(), QStringLiteral("\"%1\"").arg(sql.simplified()), pathOf(db));
    return q;
}

namespace {

QByteArray randomUuidBytes()
{
    thread_local QRandomGenerator64 rng = [] {
        std::array<quint32, 8> seed;
        QRandomGenerator::system()->fillRange(seed.data(), seed.size());
        return QRandomGenerator64(seed.data(), qsizetype(seed.size()));
    }();
    std::array<quint64, 2> words;
    rng.fillRange(words.data(), words.size());
    QByteArray bytes(reinterpret_cast<const char *>(words.data()), 16);
    bytes[6] = char((uchar(bytes.at(6)) & 0x0f) | 0x40); // version 4
    bytes[8] = char((uchar(bytes.at(8)) & 0x3f) | 0x80); // RFC 4122 variant
    return bytes;
}

} // namespace

QString randomUuid()
{
    return QUuid::fromRfc4122(randomUuidBytes()).toString(QUuid::WithoutBraces);
}

QString orderedUuid(qint64 msSinceEpoch)
{
    QByteArray bytes = randomUuidBytes();
    const quint64 ms = quint64(std::max<qint64>(0, msSinceEpoch));
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (8 * (5 - i))) & 0xff);
    bytes[6] = char((uchar(bytes.at(6)) & 0x0f) | 0x70);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QVariant textValue(const QString &s)
{
    if (s.isNull())
        return QVariant(QStringLiteral(""));
    return QVariant(s);
}

QVariant timeValue(const QDateTime &t)
{
    if (!t.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return QVariant(toIsoUtc(t));
}

namespace {

[[noreturn]] void throwSqlite(sqlite3 *db, int rc, const QString &context)
{
    const QString message = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    raise(db ? sqlite3_extended_errcode(db) : rc, context + QStringLiteral(": ") + message, message,
          pathOf(db));
}

} // namespace

BulkStatement::BulkStatement(const QSqlDatabase &db, const QString &sql)
{
    m_db = sqliteHandle(db);
    if (!m_db)
        throw StoreError(StoreError::Code::Query,
                         QStringLiteral("Preparing \"%1\": not an open SQLite connection")
                             .arg(sql.simplified()));
    const int rc = sqlite3_prepare16_v3(m_db, sql.utf16(), int(sql.size() * sizeof(QChar)),
                                        SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throwSqlite(m_db, rc, QStringLiteral("Preparing \"%1\"").arg(sql.simplified()));
}

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_stmt);
}

void BulkStatement::bind(int index, const QString &text)
{
    if (text.isNull())
        bindNull(index);
    else
        bindText(index, text);
}

void BulkStatement::bindText(int index, const QString &text)
{
    // An empty, non-null pointer: a null one would bind SQL NULL.
    static const char16_t empty[1] = {0};
    const void *data = text.isEmpty() ? static_cast<const void *>(empty) : text.utf16();
    sqlite3_bind_text16(m_stmt, index, data, int(text.size() * sizeof(QChar)), SQLITE_STATIC);
}

void BulkStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void BulkStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void BulkStatement::step(const QString &context)
{
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        throwSqlite(m_db, rc, context);
}

bool BulkStatement::next(const QString &context)
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    sqlite3_reset(m_stmt);
    if (rc != SQLITE_DONE)
        throwSqlite(m_db, rc, context);
    return false;
}

QStringView BulkStatement::textAt(int column) const
{
    // The pointer first, then the size: that is the order SQLite documents as safe.
    const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, column));
    const int bytes = sqlite3_column_bytes16(m_stmt, column);
    return text ? QStringView(text, bytes / qsizetype(sizeof(char16_t))) : QStringView();
}

QByteArrayView BulkStatement::bytesAt(int column) const
{
    // Blob first: it marks the value as bytes, so the size that follows is not that of a
    // conversion to UTF-8.
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return data ? QByteArrayView(data, bytes) : QByteArrayView();
}

qint64 BulkStatement::integerAt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool BulkStatement::isIntegerAt(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER;
}

} // namespace idesk::storage
