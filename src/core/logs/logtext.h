#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>
#include <string>

namespace idesk::logs {

// The time a log line was written, in milliseconds since the epoch (UTC), read without any
// per-format configuration: ISO 8601 (with or without 'T', 'Z', an offset or a fraction), syslog
// "Mmm dd HH:MM:SS" (no year, so defaultYear; no zone, so read as UTC), the common log format's
// "[10/Oct/2000:13:55:36 -0700]" anywhere near the start, and epoch seconds or milliseconds
// starting the line.
std::optional<qint64> lineTimestamp(QByteArrayView line, int defaultYear);

// The line with its header (timestamp, pid/thread, logger) dropped and its variable parts
// (numbers, hex, UUIDs, ids such as u_12, IPs, quoted strings, path segments with digits) masked
// as <*>, so lines that differ only in those parts have the same template. A detected level stays
// in front ("ERROR request failed user=<*>").
QByteArray messageTemplate(QByteArrayView line);
// The same into a buffer the caller reuses from line to line (its old content is replaced).
void messageTemplate(QByteArrayView line, std::string &out);
// The same, and the timestamp the line starts with, read as lineTimestamp reads it (so
// lineTimestamp is needed only when this leaves time empty): the header is parsed once.
void messageTemplate(QByteArrayView line, std::string &out, int defaultYear,
                     std::optional<qint64> &time);

QByteArray isoTime(qint64 msecsSinceEpoch);     // "2024-05-01T13:55:36.250Z"
QByteArray isoMinute(qint64 minutesSinceEpoch); // "2024-05-01T13:55Z"

} // namespace idesk::logs
