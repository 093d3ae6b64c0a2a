#pragma once

#include "core/logs/bigmemory.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace idesk::logs {

// Stored text (a group's line, a last field, an example) is capped at this many bytes so one
// enormous line cannot hold the whole file in memory; counting still tells such lines apart by a
// hash of all their bytes.
inline constexpr qsizetype kTextCap = 4096;

struct Options
{
    QByteArray match = QByteArrayLiteral("ERROR"); // empty: every line matches
    int top = 10;
    int slowest = 20;
    bool withLines = false;
    // Count each template's lines per minute too (Template::perMinute), for a chart of the
    // top templates over time. Off for the CLI, whose JSON has no place for it.
    bool templateMinutes = false;
    int threads = 2;
    int defaultYear = 1970; // for syslog timestamps, which carry no year
};

struct CountedText
{
    qint64 count = 0;
    QByteArray text;
    bool truncated = false; // text holds only the first kTextCap bytes
};

// Answers 1 and 2 in big memory: a log whose every line is its own group makes megabytes of them.
using CountedTexts = BigVector<CountedText>;

struct SlowEntry
{
    double value = 0; // the number `sort -n` reads at the start of the field
    QByteArray text;  // the last field, as awk prints it
    QByteArray line;  // the whole line it came from
    bool truncated = false;
};

struct Template
{
    qint64 count = 0;
    QByteArray text;        // the masked message
    QByteArray example;     // the first line of the group
    QByteArray first, last; // earliest / latest timestamp, ISO 8601 UTC; empty when none was read
    std::vector<qint64> lineNumbers; // 1-based, only with Options::withLines
    // (minute since the epoch, lines) in ascending minute, for the lines with a timestamp;
    // only with Options::templateMinutes
    std::vector<std::pair<qint64, qint64>> perMinute;
};

struct MinuteCount
{
    QByteArray minute; // "2024-05-01T13:55Z"
    qint64 count = 0;
};

struct Report
{
    qint64 lines = 0;                         // as awk 'END{print NR}' counts them
    qint64 errorLines = 0;                    // lines containing the match word
    CountedTexts errorGroups;                 // answer 1: count desc, as `sort -nr` orders ties
    CountedTexts topErrorMessages;            // answer 2: top Options::top last fields
    std::vector<SlowEntry> slowest;           // answer 3: largest first
    std::vector<Template> templates;          // count desc, then template text
    std::vector<MinuteCount> errorsPerMinute; // ascending minute
    // The bytes that the texts of errorGroups and topErrorMessages point into: a log whose
    // every line is its own group would otherwise copy each line once more. Keep the report
    // (or a copy of it) while using those texts; copy a text that has to outlive it.
    std::shared_ptr<const void> storage;
};

// One pass over a log's bytes. Lines are split at '\n' only: a '\r' before it, NUL bytes and
// invalid UTF-8 are part of the line, as they are for grep -a, awk and sort under LC_ALL=C.
// Feed the bytes in order; each call analyses the complete lines and says how many bytes it used,
// so the caller keeps the unfinished last line and passes it again with the next block.
class LogAnalyzer
{
public:
    explicit LogAnalyzer(Options options = {});
    ~LogAnalyzer();
    LogAnalyzer(const LogAnalyzer &) = delete;
    LogAnalyzer &operator=(const LogAnalyzer &) = delete;

    // Analyses the complete lines of `data` and returns the bytes consumed (up to and including the
    // last '\n'). With atEnd, the rest is a last line without a newline and is consumed too.
    qsizetype consume(QByteArrayView data, bool atEnd = false);
    // The input's size in bytes, when known (a file's): a hint only, to size the tables once
    // instead of growing them; the results do not depend on it.
    void expectBytes(qint64 total);
    Report finish();

    // Convenience: the whole log in memory.
    static Report analyze(QByteArrayView data, const Options &options = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// What `sort -n` reads: compares the numeric prefixes of a and b (leading blanks, optional '-',
// digits, optional '.' and digits; anything else reads as 0) exactly, without rounding.
int compareNumeric(QByteArrayView a, QByteArrayView b);
// The number itself, rounded to a double.
double numericValue(QByteArrayView field);
// awk's $NF with the default field separator: the last run of non-blanks (space and tab),
// or the whole line when it has no fields.
QByteArrayView lastField(QByteArrayView line);

} // namespace idesk::logs
