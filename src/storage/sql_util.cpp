#include "storage/sql_util.h"

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

void throwSqlError(const QSqlError &e, const QString &context, const QString &databasePath)
{
    const int code = sqliteCode(e);
    const QString text = context + QStringLiteral(": ") + e.text();
    const QString file = databasePath.isEmpty()
                             ? QStringLiteral("The database")
                             : QStringLiteral("The database %1").arg(databasePath);
    switch (code) {
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
        if (const int extended = e.nativeErrorCode().toInt();
            extended != SQLITE_CONSTRAINT_PRIMARYKEY && extended != SQLITE_CONSTRAINT_UNIQUE)
            throw StoreError(StoreError::Code::Query, text);
        throw StoreError(StoreError::Code::Conflict,
                         QStringLiteral("%1 already holds a record with the same id or name (%2). "
                                        "Nothing was changed.")
                             .arg(file, e.databaseText()));
    default:
        throw StoreError(StoreError::Code::Query, text);
    }
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

} // namespace idesk::storage
