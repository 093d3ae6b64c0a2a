#pragma once

#include "diagnostics/diagnosticsrunner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace idesk::test {

// Runs checks on this thread's event loop until the runner reports the last result.
inline QList<diag::DiagnosticResult> runChecks(const diag::RunnerOptions &options,
                                               const std::vector<DiagnosticCheck> &checks,
                                               int waitMs = 30000)
{
    diag::DiagnosticsRunner runner(options);
    QList<diag::DiagnosticResult> results;
    QObject::connect(&runner, &diag::DiagnosticsRunner::resultReady,
                     [&results](const diag::DiagnosticResult &r) { results.append(r); });
    QSignalSpy done(&runner, &diag::DiagnosticsRunner::allFinished);
    runner.run(checks);
    if (!done.wait(waitMs))
        qWarning("the runner did not finish within %d ms", waitMs);
    return results;
}

// A kubectl stand-in: records its argv (one per line) next to itself, then runs `body`.
inline QString writeStub(const QString &dir, const QByteArray &body)
{
    const QString path = dir + QStringLiteral("/kubectl");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\nhere=$(dirname \"$0\")\nprintf '%s\\n' \"$@\" > \"$here/argv\"\n" + body +
            "\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

inline QStringList recordedArgv(const QString &dir)
{
    QFile f(dir + QStringLiteral("/argv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace idesk::test
