#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace idesk {

// How the Timeline tab's quick-entry line reads what is typed.
//
// Typed clock times are UTC unless told otherwise, because the timeline shows UTC: what the
// commander reads in the table is what they type back. `zone` switches the default (the tab's
// "Local" toggle passes the system zone), and a zone written after the time always wins:
// "14:32 local text", "14:32 +02:00 text", "14:32 UTC text".
struct QuickEntryOptions
{
    QTimeZone zone = QTimeZone::utc();                 // for clock times typed without a zone
    QTimeZone localZone = QTimeZone::systemTimeZone(); // what the word "local" means
};

struct QuickEntry
{
    enum class Form
    {
        Now,       // plain text: happened now
        ClockTime, // "14:32 text": the occurrence of that clock time nearest to now
        Relative,  // "+5m text", "-1h30m text": relative to now (not to the last entry)
        DateTime,  // "2024-01-15 14:30 text"
    };
    bool ok = false;
    Form form = Form::Now;
    QDateTime occurredAt; // UTC; valid when ok
    // How far occurredAt lies ahead of now, when it does by more than a minute: "14:32 text"
    // typed at 14:15 is nearest to 14:32 today, which has not happened yet. An incident log
    // records what happened, so the faces warn before adding it.
    qint64 secondsInFuture = 0;
    QString text;  // trimmed
    QString error; // why not ok, short enough for a status line
};

// `now` is injected so the rules can be tested. A clock time is placed on the day (in its zone)
// that puts it nearest to `now`, so "23:58" typed at 00:05 means yesterday and "00:03" typed at
// 23:58 means five minutes from now; relative offsets accept s/m/h/d units, combined ("-1h30m").
QuickEntry parseQuickEntry(QStringView input, const QDateTime &now,
                           const QuickEntryOptions &options = {});

} // namespace idesk
