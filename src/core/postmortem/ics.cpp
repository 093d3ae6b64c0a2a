#include "ics.h"

#include "core/safetext.h"
#include "core/types.h"
#include "postmortemdoc.h"

#include <QStringList>
#include <algorithm>

namespace idesk {

namespace {

QByteArray icsUtc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

// RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF + space.
// Cutting inside a UTF-8 sequence would corrupt the character, so only cut before a lead byte.
void appendFolded(QByteArray &out, const QByteArray &line)
{
    qsizetype pos = 0;
    int limit = 75;
    while (line.size() - pos > limit) {
        qsizetype cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out += line.mid(pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        limit = 74; // the leading space counts
    }
    out += line.mid(pos);
    out += "\r\n";
}

} // namespace

QString icsEscapeText(QStringView text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u';':
            out += QStringLiteral("\\;");
            break;
        case u',':
            out += QStringLiteral("\\,");
            break;
        case u'\r':
            if (i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            out += QStringLiteral("\\n");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        default:
            // other control characters are not allowed in TEXT values, and bidi overrides would
            // show a calendar entry other than what it says
            if (!safetext::isUnsafe(c.unicode()))
                out += c;
            break;
        }
    }
    return out;
}

QByteArray toIcs(const CalendarEvent &e)
{
    QByteArray out;
    auto line = [&out](const QByteArray &l) { appendFolded(out, l); };
    auto text = [&line](const char *name, const QString &value) {
        line(QByteArray(name) + ':' + icsEscapeText(value).toUtf8());
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//IncidentDesk//Post-mortem review//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("BEGIN:VEVENT");
    text("UID", e.uid);
    line("DTSTAMP:" + icsUtc(e.stamp.isValid() ? e.stamp : e.start));
    line("DTSTART:" + icsUtc(e.start));
    line("DTEND:" + icsUtc(e.start.addSecs(qint64(std::max(1, e.durationMinutes)) * 60)));
    text("SUMMARY", e.summary);
    if (!e.description.isEmpty())
        text("DESCRIPTION", e.description);
    if (!e.location.isEmpty())
        text("LOCATION", e.location);
    line("STATUS:CONFIRMED");
    line("TRANSP:OPAQUE");
    line("END:VEVENT");
    line("END:VCALENDAR");
    return out;
}

CalendarEvent reviewMeetingEvent(const Incident &incident, const PostmortemDoc &doc,
                                 const QDateTime &now)
{
    CalendarEvent e;
    e.uid = QStringLiteral("postmortem-review-") + incident.id + QStringLiteral("@incidentdesk");
    e.start = doc.reviewAt;
    e.durationMinutes = doc.reviewMinutes;
    e.stamp = now;
    e.summary = QStringLiteral("Post-mortem review: ") + incident.title;
    QStringList lines;
    lines << QStringLiteral("Severity: %1").arg(severityToString(incident.severity));
    if (!incident.channel.isEmpty())
        lines << QStringLiteral("Channel: %1").arg(incident.channel);
    if (!incident.commander.isEmpty())
        lines << QStringLiteral("Commander: %1").arg(incident.commander);
    if (incident.startedAt.isValid())
        lines << QStringLiteral("Started: %1 UTC")
                     .arg(incident.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (incident.resolvedAt.isValid())
        lines << QStringLiteral("Resolved: %1 UTC")
                     .arg(incident.resolvedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    e.description = lines.join(QLatin1Char('\n'));
    e.location = doc.reviewLocation;
    return e;
}

} // namespace idesk
