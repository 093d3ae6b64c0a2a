#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace idesk {

struct Incident;
struct PostmortemDoc;

// One calendar event, enough for a meeting invitation (RFC 5545).
struct CalendarEvent
{
    QString uid;     // stable, so re-exporting updates the same calendar entry
    QDateTime start; // written in UTC
    int durationMinutes = 60;
    QDateTime stamp; // DTSTAMP: when the file was made
    QString summary;
    QString description;
    QString location;
};

// A complete VCALENDAR with one VEVENT: CRLF line endings, text escaped, lines folded at 75
// octets without splitting a UTF-8 sequence. UTF-8 bytes.
QByteArray toIcs(const CalendarEvent &e);
// TEXT value escaping: backslash, semicolon, comma, newline.
QString icsEscapeText(QStringView text);

// The post-mortem review meeting for an incident, as scheduled in its post-mortem document.
// start is invalid when the document has no review date.
CalendarEvent reviewMeetingEvent(const Incident &incident, const PostmortemDoc &doc,
                                 const QDateTime &now);

} // namespace idesk
