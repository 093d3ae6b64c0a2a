#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <optional>

namespace idesk {

// The time stamp a quick-entry line or a transcript line starts with, before it is placed on a
// calendar day. Shared by both parsers so they accept exactly the same spellings.
struct LeadingStamp
{
    enum class Result
    {
        None,      // the line does not start with a time stamp
        Ok,        // a stamp was read; `rest` is what follows it
        Malformed, // it starts like a stamp but is not a valid one; `error` says why
    };
    Result result = Result::None;
    std::optional<QDate> date;     // only when the line spelled out a date
    QTime time;                    // valid when result == Ok
    std::optional<QTimeZone> zone; // only when the line named a zone
    QStringView rest;              // the text after the stamp, leading blanks skipped
    QString error;
};

// Reads "14:30", "14:30:05", "2:30 PM", "2024-01-15 14:30", "2024-01-15T14:30:00Z", each
// optionally in brackets and optionally followed by a zone: "Z", "UTC", "GMT", "+02:00",
// "-0530", "UTC+2", or "local" (mapped to `localZone`, the reader's own zone).
LeadingStamp readLeadingStamp(QStringView line, const QTimeZone &localZone);

// One zone token as above; nullopt when the token is not a zone.
std::optional<QTimeZone> parseZoneToken(QStringView token, const QTimeZone &localZone);

} // namespace idesk
