#pragma once

#include "cli/cli.h"
#include "core/clock.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace idesk::test {

// What one in-process run of incidentdesk-cli printed and returned.
struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

// Runs the CLI in this process on the given database, as `incidentdesk-cli --db DB args…`, on
// the system clock or the one given. Header-only so the core test support library stays free
// of the CLI.
inline CliResult runCli(const QString &db, const QStringList &args, const Clock *clock = nullptr)
{
    CliResult r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    const QStringList arguments = QStringList{QStringLiteral("--db"), db} + args;
    r.code = clock ? cli::run(arguments, out, err, *clock) : cli::run(arguments, out, err);
    out.flush();
    err.flush();
    return r;
}

} // namespace idesk::test
