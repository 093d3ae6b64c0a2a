#include "sqlprobe.h"

#include "pq/libpq.h"

#include <QDeadlineTimer>
#include <QThread>
#include <poll.h>

namespace idesk::diag {

namespace {

constexpr int kPollMs = 100;
// After statement_timeout the server cancels by itself; this much later the client asks too,
// and gives up waiting once more has passed.
constexpr int kClientGraceMs = 2000;

struct ConninfoOptions
{
    PQconninfoOption *options = nullptr;
    QString error;
    ~ConninfoOptions()
    {
        if (options)
            pq::PQconninfoFree(options);
    }
};

void parseConninfo(const QString &conninfo, ConninfoOptions &out)
{
    if (const QString why = pq::loadError(); !why.isEmpty()) {
        out.error = why;
        return;
    }
    char *err = nullptr;
    out.options = pq::PQconninfoParse(conninfo.toUtf8().constData(), &err);
    if (!out.options) {
        out.error = err ? QString::fromUtf8(err).trimmed()
                        : QStringLiteral("out of memory while parsing it");
        if (err)
            pq::PQfreemem(err);
    }
}

QString firstLine(const char *message)
{
    const QString t = stripControl(QString::fromUtf8(message ? message : "")).trimmed();
    const auto nl = t.indexOf(QLatin1Char('\n'));
    return nl < 0 ? t : t.left(nl);
}

// Waits until the socket is ready for `events`, at most kPollMs; false on a poll error.
bool waitSocket(PGconn *conn, short events)
{
    pollfd p{};
    p.fd = pq::PQsocket(conn);
    p.events = events;
    if (p.fd < 0)
        return false;
    const int rc = ::poll(&p, 1, kPollMs);
    return rc >= 0 || errno == EINTR;
}

class Connection
{
public:
    ~Connection()
    {
        if (m_conn)
            pq::PQfinish(m_conn);
    }
    PGconn *get() const { return m_conn; }

    // Connects without ever blocking longer than one poll interval at a time.
    QString open(const SqlOptions &o, const std::atomic<bool> &cancel, bool *cancelled)
    {
        if (const QString why = pq::loadError(); !why.isEmpty())
            return why;
        ConninfoOptions parsed;
        parseConninfo(o.conninfo, parsed);
        if (!parsed.options)
            return QStringLiteral("the database conninfo does not parse: %1").arg(parsed.error);
        QByteArray conninfo;
        const auto add = [&conninfo](const QByteArray &key, QByteArray value) {
            value.replace('\\', "\\\\").replace('\'', "\\'");
            conninfo += key + "='" + value + "' ";
        };
        for (PQconninfoOption *opt = parsed.options; opt->keyword; ++opt) {
            const QByteArray key(opt->keyword);
            if (!opt->val || key == "connect_timeout" || key == "application_name" ||
                key == "password" || (key == "passfile" && !o.passfile.isEmpty()))
                continue;
            add(key, opt->val);
        }
        add("connect_timeout", QByteArray::number(o.connectTimeoutSeconds));
        add("application_name", "IncidentDesk diagnostics");
        if (!o.passfile.isEmpty())
            add("passfile", o.passfile.toUtf8());
        // Present but empty, so libpq takes no password from PGPASSWORD and still looks in the
        // password file. Only the string form keeps an empty value; the array form drops it.
        add("password", {});
        m_conn = pq::PQconnectStart(conninfo.constData());
        if (!m_conn)
            return QStringLiteral("libpq could not allocate a connection");
        if (pq::PQstatus(m_conn) == CONNECTION_BAD)
            return failure();
        const QDeadlineTimer deadline(o.connectTimeoutSeconds * 1000);
        PostgresPollingStatusType state = PGRES_POLLING_WRITING;
        while (state != PGRES_POLLING_OK) {
            if (state == PGRES_POLLING_FAILED)
                return failure();
            if (cancel.load()) {
                *cancelled = true;
                return QStringLiteral("cancelled while connecting");
            }
            if (deadline.hasExpired())
                return QStringLiteral("no connection to the database within %1 s "
                                      "(connectTimeoutSeconds); check that the server at %2 is "
                                      "reachable")
                    .arg(o.connectTimeoutSeconds)
                    .arg(describeConninfo(o.conninfo));
            pollfd p{};
            p.fd = pq::PQsocket(m_conn);
            p.events = state == PGRES_POLLING_READING ? POLLIN : POLLOUT;
            const int rc = p.fd >= 0 ? ::poll(&p, 1, kPollMs) : 0;
            if (rc > 0)
                state = pq::PQconnectPoll(m_conn);
        }
        return {};
    }

private:
    QString failure() const
    {
        return QStringLiteral("could not connect to the database: %1; check the profile's "
                              "database.conninfo, and the password in ~/.pgpass or PGPASSFILE")
            .arg(firstLine(pq::PQerrorMessage(m_conn)));
    }
    PGconn *m_conn = nullptr;
};

struct ClearResult
{
    void operator()(PGresult *r) const { pq::PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ClearResult>;

struct Exec
{
    ResultPtr result;
    bool cancelledByUs = false;
    bool clientTimeout = false;
    QString error; // connection-level failure
};

// One statement through the extended protocol, waiting in kPollMs steps so that `cancel` and
// the client deadline are noticed.
Exec execOne(PGconn *conn, const QByteArray &sql, const std::atomic<bool> &cancel,
             const QDeadlineTimer &deadline)
{
    Exec e;
    if (!pq::PQsendQueryParams(conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)) {
        e.error = firstLine(pq::PQerrorMessage(conn));
        return e;
    }
    bool cancelSent = false;
    // Called once at most: both callers look at cancelSent first.
    const auto sendCancel = [&] {
        cancelSent = true;
        if (PGcancel *c = pq::PQgetCancel(conn)) {
            char buf[256];
            pq::PQcancel(c, buf, sizeof buf);
            pq::PQfreeCancel(c);
        }
    };
    QDeadlineTimer giveUp(QDeadlineTimer::Forever);
    while (pq::PQisBusy(conn)) {
        if (cancel.load() && !cancelSent) {
            e.cancelledByUs = true;
            sendCancel();
            giveUp.setRemainingTime(kClientGraceMs);
        }
        if (deadline.hasExpired() && !cancelSent) {
            e.clientTimeout = true;
            sendCancel();
            giveUp.setRemainingTime(kClientGraceMs);
        }
        if (giveUp.hasExpired()) {
            e.error = QStringLiteral("the server did not answer the cancel request");
            return e;
        }
        if (!waitSocket(conn, POLLIN) || !pq::PQconsumeInput(conn)) {
            e.error = firstLine(pq::PQerrorMessage(conn));
            return e;
        }
    }
    // The last result wins, but an error anywhere is what the caller must see.
    while (PGresult *r = pq::PQgetResult(conn)) {
        const bool isError = pq::PQresultStatus(r) == PGRES_FATAL_ERROR;
        if (!e.result || isError || pq::PQresultStatus(e.result.get()) != PGRES_FATAL_ERROR)
            e.result.reset(r);
        else
            pq::PQclear(r);
    }
    if (!e.result) {
        // The server may go back to ready without answering at all, and then libpq has no
        // message either.
        e.error = firstLine(pq::PQerrorMessage(conn));
        if (e.error.isEmpty())
            e.error = QStringLiteral("the server sent no result");
    }
    return e;
}

QString field(const PGresult *r, int code)
{
    const char *v = pq::PQresultErrorField(r, code);
    return v ? stripControl(QString::fromUtf8(v)) : QString();
}

QString cell(const PGresult *r, int row, int col)
{
    if (pq::PQgetisnull(r, row, col))
        return {};
    QString v =
        stripControl(QString::fromUtf8(pq::PQgetvalue(r, row, col), pq::PQgetlength(r, row, col)));
    // One row per line in the text form.
    v.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return v;
}

} // namespace

QString conninfoProblem(const QString &conninfo)
{
    if (conninfo.trimmed().isEmpty())
        return QStringLiteral("no database conninfo in the profile");
    // Without libpq nothing parses, and the conninfo is not what is wrong.
    if (const QString why = pq::loadError(); !why.isEmpty())
        return why;
    ConninfoOptions parsed;
    parseConninfo(conninfo, parsed);
    if (!parsed.options)
        return QStringLiteral("the database conninfo does not parse: %1").arg(parsed.error);
    for (PQconninfoOption *opt = parsed.options; opt->keyword; ++opt) {
        if (qstrcmp(opt->keyword, "password") == 0 && opt->val && *opt->val)
            return QStringLiteral("the database conninfo carries a password; remove it and put "
                                  "the password in ~/.pgpass (or the file PGPASSFILE names)");
    }
    return {};
}

QString describeConninfo(const QString &conninfo)
{
    ConninfoOptions parsed;
    parseConninfo(conninfo, parsed);
    if (!parsed.options)
        return {};
    QStringList parts;
    for (const char *key : {"service", "host", "hostaddr", "port", "dbname", "user"}) {
        for (PQconninfoOption *opt = parsed.options; opt->keyword; ++opt) {
            if (qstrcmp(opt->keyword, key) == 0 && opt->val && *opt->val)
                parts << QStringLiteral("%1=%2").arg(QString::fromLatin1(key),
                                                     stripControl(QString::fromUtf8(opt->val)));
        }
    }
    return parts.join(QLatin1Char(' '));
}

SqlOutcome runSql(const SqlOptions &options, const QString &query, int timeoutSeconds,
                  bool readWrite, const std::atomic<bool> &cancel)
{
    SqlOutcome out;
    if (const QString why = conninfoProblem(options.conninfo); !why.isEmpty()) {
        out.summary = why;
        return out;
    }
    Connection conn;
    bool cancelledConnecting = false;
    if (const QString why = conn.open(options, cancel, &cancelledConnecting); !why.isEmpty()) {
        out.status = cancelledConnecting ? RunStatus::Cancelled : RunStatus::Error;
        out.summary = why;
        return out;
    }
    const QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000 + kClientGraceMs);
    const QByteArray timeoutMs = QByteArray::number(qint64(timeoutSeconds) * 1000);
    QList<QByteArray> setup;
    if (readWrite) {
        setup << "SET statement_timeout = " + timeoutMs;
    } else {
        // The first query takes the snapshot, after which nothing in the check's statement can
        // switch the transaction back to read-write.
        setup << "BEGIN READ ONLY"
              << "SET LOCAL statement_timeout = " + timeoutMs << "SELECT 1";
    }
    for (const QByteArray &sql : std::as_const(setup)) {
        const Exec e = execOne(conn.get(), sql, cancel, deadline);
        if (!e.error.isEmpty() || pq::PQresultStatus(e.result.get()) == PGRES_FATAL_ERROR) {
            if (e.cancelledByUs) {
                out.status = RunStatus::Cancelled;
                out.summary = QStringLiteral("cancelled before the query ran");
                return out;
            }
            out.summary =
                QStringLiteral("the session could not be set up: %1")
                    .arg(e.error.isEmpty() ? field(e.result.get(), PG_DIAG_MESSAGE_PRIMARY)
                                           : e.error);
            return out;
        }
    }
    const Exec e = execOne(conn.get(), query.toUtf8(), cancel, deadline);
    if (!e.error.isEmpty()) {
        out.status = e.cancelledByUs   ? RunStatus::Cancelled
                     : e.clientTimeout ? RunStatus::Timeout
                                       : RunStatus::Error;
        out.summary = QStringLiteral("the query did not complete: %1").arg(e.error);
        return out;
    }
    const PGresult *r = e.result.get();
    out.exitCode = pq::PQresultStatus(r) == PGRES_FATAL_ERROR ? 1 : 0;
    switch (pq::PQresultStatus(r)) {
    case PGRES_TUPLES_OK: {
        const int nCols = pq::PQnfields(r);
        for (int c = 0; c < nCols; ++c)
            out.columns << stripControl(QString::fromUtf8(pq::PQfname(r, c)));
        const int nRows = pq::PQntuples(r);
        qint64 bytes = 0;
        for (int row = 0; row < nRows; ++row) {
            if (row >= options.maxRows || bytes > options.outputCap) {
                out.truncated = true;
                break;
            }
            QStringList values;
            for (int c = 0; c < nCols; ++c) {
                values << cell(r, row, c);
                bytes += values.last().size();
            }
            out.rows << values;
        }
        out.status = RunStatus::Pass;
        break;
    }
    case PGRES_COMMAND_OK:
        out.status = RunStatus::Pass;
        break;
    case PGRES_EMPTY_QUERY:
        // The server's answer to blanks or comments alone: the check, not the database, is wrong.
        out.status = RunStatus::Error;
        out.exitCode = 2;
        out.summary =
            QStringLiteral("the check's query has no statement (only blanks or comments)");
        return out;
    default: {
        out.sqlState = field(r, PG_DIAG_SQLSTATE);
        const QString message = field(r, PG_DIAG_MESSAGE_PRIMARY);
        if (out.sqlState == u"57014") {
            if (e.clientTimeout) {
                out.status = RunStatus::Timeout;
                out.summary = QStringLiteral("no answer within %1 s; the query was cancelled")
                                  .arg(timeoutSeconds);
            } else if (e.cancelledByUs) {
                out.status = RunStatus::Cancelled;
                out.summary = QStringLiteral("cancelled; the server stopped the query");
            } else {
                out.status = RunStatus::Timeout;
                out.summary = QStringLiteral("the query ran longer than %1 s and the server "
                                             "cancelled it (statement_timeout)")
                                  .arg(timeoutSeconds);
            }
        } else if (out.sqlState.isEmpty() && pq::PQstatus(conn.get()) == CONNECTION_BAD) {
            // libpq makes up an error result when the server goes away mid-query.
            out.status = RunStatus::Error;
            out.exitCode = 2;
            out.summary = QStringLiteral("the connection to the database was lost: %1")
                              .arg(firstLine(pq::PQresultErrorMessage(r)));
        } else if (out.sqlState == u"25006") {
            out.status = RunStatus::Fail;
            out.summary = QStringLiteral("refused by the read-only transaction: %1").arg(message);
        } else {
            out.status = RunStatus::Fail;
            out.summary =
                QStringLiteral("the query failed (SQLSTATE %1): %2")
                    .arg(out.sqlState.isEmpty() ? QStringLiteral("?") : out.sqlState,
                         message.isEmpty() ? firstLine(pq::PQresultErrorMessage(r)) : message);
        }
        return out;
    }
    }
    out.commandStatus = QString::fromUtf8(pq::PQcmdStatus(const_cast<PGresult *>(r)));
    if (!readWrite)
        execOne(conn.get(), "ROLLBACK", cancel, QDeadlineTimer(kClientGraceMs));
    return out;
}

SqlJob::SqlJob(DiagnosticCheck check, SqlOptions options, int timeoutSeconds, QObject *parent)
    : DiagnosticJob(parent), m_check(std::move(check)), m_opt(std::move(options)),
      m_timeout(timeoutSeconds > 0 ? timeoutSeconds : m_check.timeoutSeconds),
      m_shared(std::make_shared<Shared>())
{
    m_result.check = m_check.id;
    m_result.kind = m_check.kind;
    m_result.database = describeConninfo(m_opt.conninfo);
}

SqlJob::~SqlJob()
{
    if (m_thread) {
        m_shared->cancel = true;
        m_thread->disconnect(this);
        // Bounded: the worker looks at the flag every kPollMs and then cancels on the server.
        m_thread->wait();
        delete m_thread;
    }
}

void SqlJob::start()
{
    m_clock.start();
    std::shared_ptr<Shared> shared = m_shared;
    const SqlOptions opt = m_opt;
    const QString query = m_check.query;
    const int timeout = m_timeout;
    const bool readWrite = m_check.destructive;
    m_thread = QThread::create([shared, opt, query, timeout, readWrite] {
        shared->outcome = runSql(opt, query, timeout, readWrite, shared->cancel);
    });
    connect(m_thread, &QThread::finished, this, &SqlJob::onThreadDone);
    m_thread->start();
}

void SqlJob::cancel()
{
    if (m_done)
        return;
    m_shared->cancel = true;
    if (!m_thread) {
        m_result.status = RunStatus::Cancelled;
        m_result.summary = QStringLiteral("cancelled before it ran");
        finish(m_result);
    }
}

void SqlJob::onThreadDone()
{
    const SqlOutcome &o = m_shared->outcome;
    DiagnosticResult &r = m_result;
    r.status = o.status;
    r.exitCode = o.status == RunStatus::Cancelled ? -1 : o.exitCode;
    r.columns = o.columns;
    r.rows = o.rows;
    r.truncated = o.truncated;
    if (!o.columns.isEmpty())
        r.output = formatTable(o.columns, o.rows);
    else if (!o.commandStatus.isEmpty())
        r.output = o.commandStatus + QLatin1Char('\n');
    r.summary = o.summary;
    if (o.status == RunStatus::Pass) {
        // A single number (a count, a size in bytes) is what a threshold is about; otherwise
        // the number of rows, as with psql through kubectl.
        bool numeric = false;
        double value = 0;
        if (o.rows.size() == 1 && o.columns.size() == 1)
            value = o.rows.first().value(0).toDouble(&numeric);
        const double count = numeric ? value : static_cast<double>(o.rows.size());
        const QString what = numeric ? QStringLiteral("%1 = %2").arg(o.columns.first()).arg(value)
                                     : QStringLiteral("%1 rows").arg(o.rows.size());
        if (o.columns.isEmpty()) {
            r.summary = o.commandStatus;
        } else if (m_check.expect.threshold >= 0 && count > m_check.expect.threshold) {
            r.status = RunStatus::Fail;
            r.summary =
                QStringLiteral("%1 (at most %2 expected)").arg(what).arg(m_check.expect.threshold);
        } else {
            r.summary = what + (o.truncated ? QStringLiteral(", truncated") : QString());
        }
    }
    finish(r);
}

void SqlJob::finish(DiagnosticResult r)
{
    if (m_done)
        return;
    m_done = true;
    r.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(r);
}

} // namespace idesk::diag
