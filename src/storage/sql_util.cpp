#include "storage/sql_util.h"

#include "core/types.h"
#include "storage/store.h"

#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>
#include <array>

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

} // namespace idesk::storage
