#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

struct pg_conn;
struct pg_result;

namespace idesk::sync {

class SyncError : public std::runtime_error
{
public:
    enum class Code
    {
        Config,      // the settings are wrong (a password in the conninfo, a bad keyword)
        Unreachable, // no connection, or it was lost: nothing is lost, the outbox waits
        Server,      // the server refused a statement
        Protocol,    // the server holds data this build does not understand
    };
    SyncError(Code code, QString message);
    Code code() const { return m_code; }
    const QString &message() const { return m_message; }

private:
    Code m_code;
    QString m_message;
};

// Refuses a conninfo (keyword form or URI) that carries a password: passwords come from
// ~/.pgpass, PGPASSFILE or the service file only, never from settings or command lines.
// Throws SyncError(Config).
void checkConninfo(const QString &conninfo);

// A text parameter; nullopt binds SQL NULL.
using PgParam = std::optional<QString>;

// A PostgreSQL array literal of text (for unnest($1::text[])); a nullopt element is NULL.
QString pgTextArray(const std::vector<PgParam> &values);

// Appends one field in COPY's text format (UTF-8, backslash escapes); a null view is SQL NULL.
// The caller separates fields with '\t' and ends each row with '\n'.
void appendCopyField(QByteArray &row, QStringView value);
// The same for text already in UTF-8; never NULL.
void appendCopyField(QByteArray &row, QByteArrayView utf8);
// Appends a JSON string literal of `value` (quoted, escaped) as part of a field in COPY's text
// format, for JSON built straight into a COPY row.
void appendCopyJsonString(QByteArray &row, QStringView value);

class PgResult
{
public:
    explicit PgResult(pg_result *r) : m_r(r) {}
    ~PgResult();
    PgResult(PgResult &&other) noexcept : m_r(other.m_r) { other.m_r = nullptr; }
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;
    int rows() const;
    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    PgParam value(int row, int col) const;
    qint64 integer(int row, int col) const;
    // Rows an INSERT, UPDATE, DELETE or COPY touched.
    qint64 affected() const;

private:
    pg_result *m_r = nullptr;
};

// One libpq connection, owned by one thread.
class PgConnection
{
public:
    // Throws SyncError(Config) for a password in the conninfo, Unreachable when it cannot connect.
    explicit PgConnection(const QString &conninfo);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Runs one statement with text parameters. Throws SyncError: Unreachable when the connection
    // is gone (the caller reconnects), Server otherwise.
    PgResult exec(const QString &sql, const std::vector<PgParam> &params = {});
    // Runs `COPY … FROM STDIN` (text format) with rows made by appendCopyField; returns the
    // rows copied. Throws like exec().
    qint64 copyIn(const QString &sql, const QByteArray &rows);
    // The same in steps, for rows sent while they are made: copyBegin() starts the COPY,
    // copyPut() sends rows, copyEnd() finishes it and returns the rows copied. copyAbort() ends
    // a COPY begun without sending it (the server refuses it; the transaction is then failed).
    void copyBegin(const QString &sql);
    void copyPut(QByteArrayView rows);
    qint64 copyEnd();
    void copyAbort();
    bool isOk() const;
    int socket() const;
    // Reads what arrived on the socket and returns the payloads of notifications received.
    QStringList takeNotifications();
    int backendPid() const;

private:
    SyncError failure(const QString &what) const;
    qint64 copyEnd(const char *abortReason);

    pg_conn *m_conn = nullptr;
};

} // namespace idesk::sync
