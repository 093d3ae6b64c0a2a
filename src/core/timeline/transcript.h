#pragma once

#include "core/clock.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <vector>

namespace idesk {

// Reads a chat transcript pasted into the Timeline tab. Accepted lines:
//   [14:30] name: text          14:30 name: text          <name> text after a stamp
//   2024-01-15 14:30 UTC text   [2024-01-15 14:30:05 +02:00] name: text
// A line without a leading stamp continues the event above it. A line that starts like a stamp
// but is not a valid one is an error, reported with its line number, never dropped silently.
struct TranscriptOptions
{
    QDate referenceDate;               // the day of the first undated line, in `zone`
    const Clock *clock = nullptr;      // "today" in `zone` when referenceDate is not set
    QTimeZone zone = QTimeZone::utc(); // for stamps that name no zone
    QTimeZone localZone = QTimeZone::systemTimeZone(); // what "local" means
    QString defaultAuthor;                             // for lines that name nobody
};

struct TranscriptEvent
{
    QDateTime occurredAt; // UTC
    QString author;
    QString text;      // continuation lines joined with '\n'
    int firstLine = 0; // 1-based
    int lastLine = 0;
};

struct TranscriptLine
{
    enum class Status
    {
        Event,        // starts event `eventIndex`
        Continuation, // appended to event `eventIndex`
        Blank,        // empty or whitespace, ignored
        Error,        // not imported; `message` says why
    };
    int number = 0; // 1-based
    QString raw;
    Status status = Status::Blank;
    int eventIndex = -1;
    QString message; // errors, and notes such as "next day (after midnight)"
};

struct TranscriptResult
{
    std::vector<TranscriptEvent> events;
    std::vector<TranscriptLine> lines; // one per input line, in order
    int errorCount() const;
};

// Undated lines are placed on the day of the line before them (the reference date for the
// first); when a clock time goes back by more than 12 hours the transcript has passed midnight
// and the day advances ("23:58" then "00:03" is the next day). A smaller step back is kept on the
// same day and noted, since chat clients do deliver lines slightly out of order.
TranscriptResult parseTranscript(QStringView text, const TranscriptOptions &options);

} // namespace idesk
