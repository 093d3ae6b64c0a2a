#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace idesk::diag {

enum class RunStatus
{
    Pass,
    Fail,
    Timeout,
    Error, // could not run at all: kubectl missing, kubeconfig broken, bad placeholder
    Refused,
    Cancelled
};

QString runStatusToString(RunStatus s);

struct DiagnosticResult
{
    QString check;
    QString kind;
    RunStatus status = RunStatus::Error;
    int exitCode = -1; // kubectl's; the HTTP status for http/jsonrpc; -1 when nothing ran
    qint64 durationMs = 0;
    QStringList argv; // kubectl, sql, logs: the exact argv, program first
    QString url;      // http, jsonrpc
    QString host;     // dns
    QString context;
    QString ns;
    QString database;        // sql through libpq: the connection, without any password
    bool production = false; // the context (or database) is marked production in the profile
    QString output;          // capped, control characters stripped
    bool truncated = false;
    QString summary;
    // sql through libpq: the result set, so a view can show a table; output holds the same as
    // aligned text. Cells are control-stripped; SQL NULL is an empty cell.
    QStringList columns;
    QList<QStringList> rows;

    // "context NAME [PRODUCTION], namespace NS": where it ran, as every face prints it.
    QString where() const;

    // The keys the CLI prints, exactly as the issue lists them.
    QJsonObject toJson() const;
};

// Removes ANSI escape sequences and control characters except newline and tab, so command
// output cannot move a terminal's cursor or rewrite what a reader sees.
QString stripControl(const QString &text);

// argv as one line a reader can paste into a POSIX shell: each word quoted only where the shell
// would need it. For display; the engine itself never goes through a shell.
QString shellQuoted(const QStringList &argv);

// A result set as aligned text, psql-like: a header, a rule, the rows, and "(N rows)".
QString formatTable(const QStringList &columns, const QList<QStringList> &rows);

} // namespace idesk::diag
