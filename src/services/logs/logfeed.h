#pragma once

#include "core/logs/loganalyzer.h"
#include "core/profile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace idesk {

// Log sources streamed through the analyser, shared by the CLI's analyze-logs and the GUI's
// log panel so both read files and kubectl the same way.

// Read in blocks of this many bytes, two of them in memory at once (one read while the other is
// analysed): big enough that a block's handover costs nothing, small enough that the buffers are
// a small part of what a big log's analysis takes.
inline constexpr qint64 kLogReadBlock = qint64(8) << 20;
// A line is held whole until its end arrives; one longer than this is refused, so a source without
// line breaks (/dev/zero, a binary) cannot take all memory.
inline constexpr qint64 kMaxStreamLine = qint64(256) << 20;

// Called after each block with the bytes read so far and the total (-1 when unknown); returning
// false stops the read.
using FeedProgress = std::function<bool(qint64 done, qint64 total)>;

enum class FeedResult
{
    Done,
    Failed, // see the error
    Stopped // the progress callback said so
};

// A file (plain or gzip, "-" for standard input) in blocks of about blockSize bytes; memory stays
// near two blocks whatever the file's size, plus what one very long line needs (at most maxLine).
// A file on disk that ends before the size it had when opened (truncated while read) fails.
FeedResult feedLogFile(logs::LogAnalyzer &analyzer, const QString &path, QString *error,
                       const FeedProgress &progress = {}, qint64 blockSize = kLogReadBlock,
                       qint64 maxLine = kMaxStreamLine);

// Bytes already in memory (pasted text) the same way: blocks of about blockSize bytes, cut at
// newlines, with progress after each, so a big paste can be stopped like a file.
FeedResult feedLogBytes(logs::LogAnalyzer &analyzer, QByteArrayView data,
                        const FeedProgress &progress = {}, qint64 blockSize = kLogReadBlock);

// "deployment/NAME" → NAME; nothing for any other form.
std::optional<QString> deploymentOf(const QString &target);

struct KubectlLogsSource
{
    QString deployment;
    QString ns; // empty: the profile's
    QString since;
    bool allPods = false;
    int timeoutSeconds = 120;
    qint64 maxLine = kMaxStreamLine; // see kMaxStreamLine
};

// `kubectl logs deployment/NAME` with the diagnostics runner's rules (the profile's context,
// argument list, no shell, validated names), analysed as it arrives. Blocks the calling thread
// in a local event loop; progress is polled while no data comes, so a stop is prompt. `tee`, when
// set, sees every byte in order (the panel keeps them for example lines); `argv` gets what ran.
FeedResult feedKubectlLogs(logs::LogAnalyzer &analyzer, const Profile &profile,
                           const KubectlLogsSource &source, QString *error,
                           const FeedProgress &progress = {},
                           const std::function<void(QByteArrayView)> &tee = {},
                           QStringList *argv = nullptr);

// The lines with the given 1-based numbers (ascending), each capped at logs::kTextCap bytes;
// numbers past the end are left out. From a file (read again, stopping after the last wanted
// line) or from bytes in memory.
struct NumberedLine
{
    qint64 number = 0;
    QByteArray text;
};
std::vector<NumberedLine> linesByNumber(QByteArrayView data, const std::vector<qint64> &numbers);
bool linesByNumber(const QString &path, const std::vector<qint64> &numbers,
                   std::vector<NumberedLine> *out, QString *error,
                   const std::atomic<bool> *stop = nullptr);

} // namespace idesk
