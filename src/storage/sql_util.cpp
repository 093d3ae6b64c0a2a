#include "storage/sql_util.h"

#include "core/types.h"
#include "storage/store.h"

#include <QRandomGenerator>
#include <QSqlDriver>
#include <QUuid>
#include <algorithm>
#include <array>
#include <sqlite3.h>

namespace idesk::storage {

int sqliteCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0; // extended codes carry the primary code in the low byte
}

void throwSqlError(const QSqlError &e, const QString &context)
{
    const int code = sqliteCode(e);
    const QString text = context + QStringLiteral(": ") + e.text();
    if (code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */)
        throw StoreError(StoreError::Code::Corrupt, text);
    throw StoreError(StoreError::Code::Query, text);
}

QSqlQuery prepareSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throwSqlError(q.lastError(), QStringLiteral("Preparing \"%1\"").arg(sql.simplified()));
    return q;
}

void execPrepared(QSqlQuery &q, const QString &context)
{
    if (!q.exec())
        throwSqlError(q.lastError(), context);
}

QSqlQuery execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        throwSqlError(q.lastError(), QStringLiteral("\"%1\"").arg(sql.simplified()));
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
    const QString text = context + QStringLiteral(": ") +
                         QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    const int primary = rc & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        throw StoreError(StoreError::Code::Corrupt, text);
    throw StoreError(StoreError::Code::Query, text);
}

} // namespace

BulkStatement::BulkStatement(const QSqlDatabase &db, const QString &sql)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(handle.constData());
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

qint64 BulkStatement::integerAt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

} // namespace idesk::storage
