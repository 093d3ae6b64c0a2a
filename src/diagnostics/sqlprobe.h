#pragma once

#include "core/profile.h"
#include "diagnosticjob.h"

#include <QElapsedTimer>
#include <atomic>
#include <memory>

class QThread;

namespace idesk::diag {

struct SqlOptions
{
    QString conninfo; // empty: sql checks go through kubectl exec psql instead
    int connectTimeoutSeconds = 5;
    bool production = false;
    QString passfile; // empty: libpq's own lookup (PGPASSFILE, else ~/.pgpass)
    int maxRows = 1000;
    qint64 outputCap = 4 * 1024 * 1024;
};

// Why a conninfo cannot be used (it does not parse, or it carries a password); empty when fine.
QString conninfoProblem(const QString &conninfo);
// "host=H port=P dbname=D user=U" from a conninfo, for outputs; never includes a password.
QString describeConninfo(const QString &conninfo);

struct SqlOutcome
{
    RunStatus status = RunStatus::Error;
    // As psql's: 0 the query ran, 1 the server refused it, 2 no usable connection.
    int exitCode = 2;
    QString summary;
    QString sqlState;
    QStringList columns;
    QList<QStringList> rows;
    bool truncated = false;
    QString commandStatus; // "SELECT 3", "UPDATE 0"
};

// The whole exchange, blocking but bounded: connect (at most connectTimeoutSeconds), then
// BEGIN READ ONLY + SET LOCAL statement_timeout + the query + ROLLBACK; a destructive check runs
// read-write with a session statement_timeout instead. The query goes through the extended
// protocol, which takes exactly one statement, so "ROLLBACK; DROP ..." cannot leave the
// read-only transaction. `cancel` is polled every 100 ms; when set the server is asked to
// cancel. Runs on a worker thread; exposed for tests.
SqlOutcome runSql(const SqlOptions &options, const QString &query, int timeoutSeconds,
                  bool readWrite, const std::atomic<bool> &cancel);

// An sql check through libpq on a thread of its own, so neither connecting nor a slow query
// ever blocks the thread that owns the job.
class SqlJob final : public DiagnosticJob
{
    Q_OBJECT
public:
    SqlJob(DiagnosticCheck check, SqlOptions options, int timeoutSeconds,
           QObject *parent = nullptr);
    ~SqlJob() override;
    void start() override;
    void cancel() override;

private:
    struct Shared
    {
        std::atomic<bool> cancel{false};
        SqlOutcome outcome;
    };
    void onThreadDone();
    void finish(DiagnosticResult r);

    DiagnosticCheck m_check;
    SqlOptions m_opt;
    int m_timeout;
    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    QElapsedTimer m_clock;
    bool m_done = false;
    DiagnosticResult m_result;
};

} // namespace idesk::diag
