#include "sync/pg.h"

#include "pq/libpq.h"

#include <algorithm>
#include <array>
#include <string>

namespace idesk::sync {

SyncError::SyncError(Code code, QString message)
    : std::runtime_error(message.toStdString()), m_code(code), m_message(std::move(message))
{}

void checkConninfo(const QString &conninfo)
{
    if (const QString why = pq::loadError(); !why.isEmpty())
        throw SyncError(SyncError::Code::Config, why);
    char *err = nullptr;
    PQconninfoOption *opts = pq::PQconninfoParse(conninfo.toUtf8().constData(), &err);
    if (!opts) {
        const QString why =
            err ? QString::fromUtf8(err).trimmed() : QStringLiteral("out of memory");
        pq::PQfreemem(err);
        throw SyncError(
            SyncError::Code::Config,
            QStringLiteral("The sync server setting is not a valid conninfo: %1").arg(why));
    }
    bool hasPassword = false;
    for (PQconninfoOption *o = opts; o->keyword; ++o) {
        if (qstrcmp(o->keyword, "password") == 0 && o->val && *o->val)
            hasPassword = true;
    }
    pq::PQconninfoFree(opts);
    if (hasPassword)
        throw SyncError(SyncError::Code::Config,
                        QStringLiteral("The sync server setting contains a password. Remove it "
                                       "and put the password in ~/.pgpass (or the file PGPASSFILE "
                                       "names) or use a service from pg_service.conf."));
}

QString pgTextArray(const std::vector<PgParam> &values)
{
    QString out = QStringLiteral("{");
    bool first = true;
    for (const PgParam &v : values) {
        if (!first)
            out += QLatin1Char(',');
        first = false;
        if (!v) {
            out += QStringLiteral("NULL");
            continue;
        }
        out += QLatin1Char('"');
        for (const QChar c : *v) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                out += QLatin1Char('\\');
            out += c;
        }
        out += QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

namespace {

// What an ASCII character becomes in a field: itself (nullptr) or an escape.
using EscapeTable = std::array<const char *, 128>;

const EscapeTable &copyEscapes()
{
    static const EscapeTable table = [] {
        EscapeTable t{};
        t['\\'] = "\\\\";
        t['\n'] = "\\n";
        t['\r'] = "\\r";
        t['\t'] = "\\t";
        return t;
    }();
    return table;
}

// JSON's escapes, with every backslash doubled for COPY's text format (JSON text holds no raw
// tab or line break, so backslashes are all COPY has to escape in it).
const EscapeTable &copyJsonEscapes()
{
    static const std::array<std::string, 128> texts = [] {
        std::array<std::string, 128> t;
        for (int c = 0; c < 0x20; ++c) {
            static const char hex[] = "0123456789abcdef";
            t[std::size_t(c)] = std::string("\\\\u00") + hex[c >> 4] + hex[c & 0xf];
        }
        t['\n'] = "\\\\n";
        t['\r'] = "\\\\r";
        t['\t'] = "\\\\t";
        t['"'] = "\\\\\"";
        t['\\'] = "\\\\\\\\";
        return t;
    }();
    static const EscapeTable table = [] {
        EscapeTable t{};
        for (std::size_t c = 0; c < texts.size(); ++c)
            t[c] = texts[c].empty() ? nullptr : texts[c].c_str();
        return t;
    }();
    return table;
}

// UTF-16 straight to UTF-8, escaping ASCII characters by `escapes`, without an intermediate
// QByteArray per field: a first sync encodes every column of every revision.
void appendUtf8(QByteArray &out, QStringView value, const EscapeTable &escapes)
{
    const qsizetype start = out.size();
    // Enough for the worst case: an escape is at most 8 bytes, a UTF-16 unit at most 3.
    out.resize(start + value.size() * 8);
    char *w = out.data() + start;
    const char16_t *p = value.utf16();
    const char16_t *const end = p + value.size();
    while (p != end) {
        char32_t c = *p++;
        if (c < 0x80) {
            if (const char *e = escapes[c]) {
                while (*e)
                    *w++ = *e++;
            } else {
                *w++ = char(c);
            }
            continue;
        }
        if (c < 0x800) {
            *w++ = char(0xc0 | (c >> 6));
            *w++ = char(0x80 | (c & 0x3f));
            continue;
        }
        if (QChar::isHighSurrogate(c) && p != end && QChar::isLowSurrogate(*p)) {
            c = QChar::surrogateToUcs4(char16_t(c), *p++);
            *w++ = char(0xf0 | (c >> 18));
            *w++ = char(0x80 | ((c >> 12) & 0x3f));
            *w++ = char(0x80 | ((c >> 6) & 0x3f));
            *w++ = char(0x80 | (c & 0x3f));
            continue;
        }
        if (QChar::isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form. It becomes '?' as in QString::toUtf8, which
            // writes the same text everywhere else (exports, the local JSON): every site must
            // end up with the same bytes.
            *w++ = '?';
            continue;
        }
        *w++ = char(0xe0 | (c >> 12));
        *w++ = char(0x80 | ((c >> 6) & 0x3f));
        *w++ = char(0x80 | (c & 0x3f));
    }
    out.resize(w - out.constData());
}

} // namespace

void appendCopyField(QByteArray &row, QByteArrayView utf8)
{
    // Only ASCII bytes are special, and UTF-8 never uses them inside a multi-byte character.
    // Runs without one are appended whole: most fields have none.
    const EscapeTable &escapes = copyEscapes();
    const char *p = utf8.data();
    const char *const end = p + utf8.size();
    const char *run = p;
    for (; p != end; ++p) {
        const auto byte = static_cast<unsigned char>(*p);
        const char *escape = byte < 0x80 ? escapes[byte] : nullptr;
        if (!escape)
            continue;
        row.append(run, p - run);
        row.append(escape);
        run = p + 1;
    }
    row.append(run, end - run);
}

void appendCopyField(QByteArray &row, QStringView value)
{
    if (value.isNull())
        row += "\\N";
    else
        appendUtf8(row, value, copyEscapes());
}

void appendCopyJsonString(QByteArray &row, QStringView value)
{
    row += '"';
    appendUtf8(row, value, copyJsonEscapes());
    row += '"';
}

PgResult::~PgResult()
{
    if (m_r)
        pq::PQclear(m_r);
}

int PgResult::rows() const
{
    return m_r ? pq::PQntuples(m_r) : 0;
}

bool PgResult::isNull(int row, int col) const
{
    return pq::PQgetisnull(m_r, row, col) != 0;
}

QString PgResult::text(int row, int col) const
{
    return QString::fromUtf8(pq::PQgetvalue(m_r, row, col), pq::PQgetlength(m_r, row, col));
}

PgParam PgResult::value(int row, int col) const
{
    if (isNull(row, col))
        return std::nullopt;
    return text(row, col);
}

qint64 PgResult::integer(int row, int col) const
{
    return text(row, col).toLongLong();
}

qint64 PgResult::affected() const
{
    return m_r ? QByteArray(pq::PQcmdTuples(m_r)).toLongLong() : 0;
}

PgConnection::PgConnection(const QString &conninfo)
{
    checkConninfo(conninfo);
    // A default wait for the connection, so a host that drops packets cannot hold a round (or
    // the window's close) for minutes; the conninfo's own connect_timeout comes later and wins.
    const QByteArray expanded = conninfo.toUtf8();
    const char *keywords[] = {"connect_timeout", "dbname", nullptr};
    const char *values[] = {"10", expanded.constData(), nullptr};
    m_conn = pq::PQconnectdbParams(keywords, values, 1);
    if (pq::PQstatus(m_conn) != CONNECTION_OK) {
        const QString why = QString::fromUtf8(pq::PQerrorMessage(m_conn)).trimmed();
        pq::PQfinish(m_conn);
        m_conn = nullptr;
        throw SyncError(SyncError::Code::Unreachable,
                        QStringLiteral("Cannot reach the sync server: %1").arg(why));
    }
    // Quiet: NOTICEs (e.g. "schema already exists") would otherwise go to stderr.
    pq::PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr);
}

PgConnection::~PgConnection()
{
    if (m_conn)
        pq::PQfinish(m_conn);
}

bool PgConnection::isOk() const
{
    return m_conn && pq::PQstatus(m_conn) == CONNECTION_OK;
}

int PgConnection::socket() const
{
    return m_conn ? pq::PQsocket(m_conn) : -1;
}

int PgConnection::backendPid() const
{
    return m_conn ? pq::PQbackendPID(m_conn) : 0;
}

PgResult PgConnection::exec(const QString &sql, const std::vector<PgParam> &params)
{
    if (!isOk())
        throw SyncError(SyncError::Code::Unreachable,
                        QStringLiteral("The connection to the sync server was lost"));
    std::vector<QByteArray> bytes;
    bytes.reserve(params.size());
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const PgParam &p : params) {
        if (p) {
            bytes.push_back(p->toUtf8());
            values.push_back(bytes.back().constData());
        } else {
            values.push_back(nullptr);
        }
    }
    PGresult *r = pq::PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                                   values.data(), nullptr, nullptr, 0);
    PgResult result(r);
    const ExecStatusType status = r ? pq::PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return result;
    const QString why = QString::fromUtf8(pq::PQerrorMessage(m_conn)).trimmed();
    if (pq::PQstatus(m_conn) != CONNECTION_OK)
        throw SyncError(SyncError::Code::Unreachable,
                        QStringLiteral("The connection to the sync server was lost: %1").arg(why));
    throw SyncError(SyncError::Code::Server,
                    QStringLiteral("The sync server refused: %1").arg(why));
}

SyncError PgConnection::failure(const QString &what) const
{
    const QString why = QString::fromUtf8(pq::PQerrorMessage(m_conn)).trimmed();
    if (pq::PQstatus(m_conn) != CONNECTION_OK)
        return SyncError(SyncError::Code::Unreachable,
                         QStringLiteral("The connection to the sync server was lost: %1").arg(why));
    return SyncError(SyncError::Code::Server,
                     QStringLiteral("The sync server refused %1: %2").arg(what, why));
}

void PgConnection::copyBegin(const QString &sql)
{
    if (!isOk())
        throw SyncError(SyncError::Code::Unreachable,
                        QStringLiteral("The connection to the sync server was lost"));
    PGresult *r = pq::PQexec(m_conn, sql.toUtf8().constData());
    const PgResult start(r);
    if (pq::PQresultStatus(r) != PGRES_COPY_IN)
        throw failure(QStringLiteral("a copy"));
}

void PgConnection::copyPut(QByteArrayView rows)
{
    // In pieces: libpq buffers what it is given, and a piece of a few hundred kilobytes keeps
    // the socket busy without a second copy of a large batch.
    constexpr qsizetype kPiece = 256 * 1024;
    for (qsizetype at = 0; at < rows.size(); at += kPiece) {
        const qsizetype n = std::min(kPiece, rows.size() - at);
        if (pq::PQputCopyData(m_conn, rows.data() + at, int(n)) != 1)
            throw failure(QStringLiteral("a copy"));
    }
}

qint64 PgConnection::copyEnd(const char *abortReason)
{
    const bool sent = pq::PQputCopyEnd(m_conn, abortReason) == 1;
    // Every result is read, also after a failure, so the connection is ready for the next
    // statement (or found lost).
    qint64 copied = -1;
    bool failed = !sent;
    while (PGresult *r = pq::PQgetResult(m_conn)) {
        PgResult result(r);
        if (pq::PQresultStatus(r) == PGRES_COMMAND_OK && copied < 0)
            copied = result.affected();
        else
            failed = true;
        if (pq::PQstatus(m_conn) != CONNECTION_OK)
            break;
    }
    if (failed || copied < 0)
        throw failure(QStringLiteral("a copy"));
    return copied;
}

qint64 PgConnection::copyEnd()
{
    return copyEnd(nullptr);
}

void PgConnection::copyAbort()
{
    try {
        copyEnd("abandoned by the client");
    } catch (const SyncError &) {
        // The refusal is what was asked for; a lost connection shows in isOk().
    }
}

qint64 PgConnection::copyIn(const QString &sql, const QByteArray &rows)
{
    copyBegin(sql);
    try {
        copyPut(rows);
    } catch (const SyncError &) {
        copyAbort();
        throw;
    }
    return copyEnd();
}

QStringList PgConnection::takeNotifications()
{
    QStringList channels;
    if (!isOk())
        return channels;
    pq::PQconsumeInput(m_conn);
    while (PGnotify *n = pq::PQnotifies(m_conn)) {
        channels << QString::fromUtf8(n->extra);
        pq::PQfreemem(n);
    }
    return channels;
}

} // namespace idesk::sync
