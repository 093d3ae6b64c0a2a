#pragma once

// The runbook's analyze-logs.sh pipelines, run for real (grep -a, sort, uniq, awk, head, tail under
// LC_ALL=C) by chaining QProcess stdout to stdin, and the same answers rendered from a Report the
// way those tools print them, so the two can be compared byte for byte.

#include "core/logs/loganalyzer.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTest>
#include <memory>
#include <vector>

namespace idesk::test {

inline QByteArray runPipeline(const QString &inputFile, const QList<QStringList> &stages)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    std::vector<std::unique_ptr<QProcess>> procs;
    for (const QStringList &stage : stages) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->setProgram(stage.first());
        p->setArguments(stage.mid(1));
        if (!procs.empty())
            procs.back()->setStandardOutputProcess(p.get());
        procs.push_back(std::move(p));
    }
    procs.front()->setStandardInputFile(inputFile);
    for (auto &p : procs)
        p->start();
    // QProcess buffers the last stage's output while it waits; the others write into pipes.
    QProcess &last = *procs.back();
    last.waitForFinished(-1);
    const QByteArray out = last.readAllStandardOutput();
    for (auto &p : procs)
        p->waitForFinished(-1);
    return out;
}

inline QStringList grepStage(const QByteArray &match)
{
    return {QStringLiteral("grep"), QStringLiteral("-a"), QStringLiteral("--"),
            QString::fromLatin1(match)};
}

inline const QStringList awkLastField{QStringLiteral("awk"), QStringLiteral("{print $NF}")};

// 1. grep ERROR | sort | uniq -c | sort -nr
inline QByteArray runbookGroups(const QString &file, const QByteArray &match)
{
    return runPipeline(file, {grepStage(match),
                              {QStringLiteral("sort")},
                              {QStringLiteral("uniq"), QStringLiteral("-c")},
                              {QStringLiteral("sort"), QStringLiteral("-nr")}});
}

// 2. grep ERROR | awk '{print $NF}' | sort | uniq -c | sort -nr | head -N
inline QByteArray runbookTopFields(const QString &file, const QByteArray &match, int top)
{
    return runPipeline(file, {grepStage(match),
                              awkLastField,
                              {QStringLiteral("sort")},
                              {QStringLiteral("uniq"), QStringLiteral("-c")},
                              {QStringLiteral("sort"), QStringLiteral("-nr")},
                              {QStringLiteral("head"), QStringLiteral("-%1").arg(top)}});
}

// 3. grep response_time | awk '{print $NF}' | sort -n | tail -N
inline QByteArray runbookSlowest(const QString &file, int n)
{
    return runPipeline(file, {grepStage("response_time"),
                              awkLastField,
                              {QStringLiteral("sort"), QStringLiteral("-n")},
                              {QStringLiteral("tail"), QStringLiteral("-%1").arg(n)}});
}

inline QByteArray runbookLineCount(const QString &file)
{
    return runPipeline(file, {{QStringLiteral("awk"), QStringLiteral("END{print NR}")}}).trimmed();
}

// Long texts are capped in the report; the tools' lines are capped the same way to compare.
inline QByteArray capped(const QByteArray &line)
{
    return line.left(logs::kTextCap);
}

inline QByteArray cappedLines(const QByteArray &text)
{
    QByteArray out;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype nl = text.indexOf('\n', i);
        if (nl < 0)
            nl = text.size();
        // "uniq -c" lines: the count prefix is 8 bytes.
        const QByteArray line = text.mid(i, nl - i);
        const qsizetype prefix = line.size() > 8 && line[7] == ' ' ? 8 : 0;
        out += line.left(prefix) + capped(line.mid(prefix)) + '\n';
        i = nl + 1;
    }
    return out;
}

inline QByteArray renderCounted(const logs::CountedTexts &v)
{
    QByteArray out;
    for (const auto &g : v)
        out += QByteArray::number(g.count).rightJustified(7, ' ') + ' ' + g.text + '\n';
    return out;
}

inline QByteArray renderSlowest(const std::vector<logs::SlowEntry> &v)
{
    QByteArray out;
    for (auto it = v.rbegin(); it != v.rend(); ++it)
        out += it->text + '\n';
    return out;
}

} // namespace idesk::test
