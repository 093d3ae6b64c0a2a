#include "core/timeline/timetokens.h"

#include "core/timeline/timelinetext.h"

#include <QRegularExpression>

namespace idesk {

namespace {

// A bare offset needs four digits ("+0200", "+02:00") so that "14:32 +5 servers" is text, not a
// zone; with a UTC/GMT prefix the short form "UTC+2" is unambiguous.
constexpr auto kZone = u"Z|UTC|GMT|local|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)[+-]\\d{1,2}(?::?\\d{2})?";

const QRegularExpression &stampPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(\\[)?\\s*"
                       "(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]\\s*))?"
                       "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d{1,6})?(?!\\d)"
                       "(?:\\s*([AaPp][Mm])(?!\\w))?"
                       "(?:\\s*(%1)(?![\\w:+-]))?"
                       "\\s*(\\])?")
            .arg(QString::fromUtf16(kZone)),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &looksLikeStamp()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:\\[\\s*\\d|\\d{1,2}:\\d|\\d{4}-\\d{1,2}-\\d)"));
    return re;
}

const QRegularExpression &zonePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:(Z|UTC|GMT)|(local)|(?:UTC|GMT)?([+-])(\\d{1,2}):?(\\d{2})?)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

LeadingStamp malformed(QString why)
{
    LeadingStamp s;
    s.result = LeadingStamp::Result::Malformed;
    s.error = std::move(why);
    return s;
}

} // namespace

std::optional<QTimeZone> parseZoneToken(QStringView token, const QTimeZone &localZone)
{
    const auto m = zonePattern().match(token);
    if (!m.hasMatch())
        return std::nullopt;
    if (m.hasCaptured(1))
        return QTimeZone::utc();
    if (m.hasCaptured(2))
        return localZone;
    const int hours = m.capturedView(4).toInt();
    const int minutes = m.hasCaptured(5) ? m.capturedView(5).toInt() : 0;
    // Real offsets run from -12:00 to +14:00.
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    const int sign = m.capturedView(3) == u"-" ? -1 : 1;
    const int offset = sign * (hours * 3600 + minutes * 60);
    if (offset == 0)
        return QTimeZone::utc();
    return QTimeZone(offset);
}

LeadingStamp readLeadingStamp(QStringView line, const QTimeZone &localZone)
{
    const auto m = stampPattern().match(line);
    if (!m.hasMatch()) {
        if (looksLikeStamp().match(line).hasMatch())
            return malformed(QString::fromLatin1(timelinetext::kNotAStamp));
        return {};
    }
    const bool opened = m.hasCaptured(1);
    const bool closed = m.hasCaptured(10);
    if (opened != closed)
        return malformed(opened ? QString::fromLatin1(timelinetext::kMissingBracket)
                                : QString::fromLatin1(timelinetext::kUnexpectedBracket));

    const QStringView rest = line.mid(m.capturedEnd(0));
    // "14:30text" or "14:30-foo": the stamp has to stand on its own.
    if (!opened && !rest.isEmpty() && !m.capturedView(0).back().isSpace())
        return malformed(QString::fromLatin1(timelinetext::kNoSpace));

    LeadingStamp s;
    if (m.hasCaptured(2)) {
        const QDate d(m.capturedView(2).toInt(), m.capturedView(3).toInt(),
                      m.capturedView(4).toInt());
        if (!d.isValid())
            return malformed(QString::fromLatin1(timelinetext::kNoSuchDate)
                                 .arg(m.captured(2), m.captured(3), m.captured(4)));
        s.date = d;
    }
    int hour = m.capturedView(5).toInt();
    const int minute = m.capturedView(6).toInt();
    const int second = m.hasCaptured(7) ? m.capturedView(7).toInt() : 0;
    if (m.hasCaptured(8)) {
        if (hour < 1 || hour > 12)
            return malformed(QString::fromLatin1(timelinetext::kHourAmPm).arg(hour));
        const bool pm = m.capturedView(8).startsWith(u'p', Qt::CaseInsensitive);
        hour = (hour % 12) + (pm ? 12 : 0);
    }
    const QTime t(hour, minute, second);
    if (!t.isValid())
        return malformed(
            QString::fromLatin1(timelinetext::kNoSuchTime).arg(m.captured(0).trimmed()));
    s.time = t;
    if (m.hasCaptured(9)) {
        auto zone = parseZoneToken(m.capturedView(9), localZone);
        if (!zone)
            return malformed(QString::fromLatin1(timelinetext::kUnknownZone).arg(m.captured(9)));
        s.zone = std::move(zone);
    }
    s.rest = rest.trimmed();
    s.result = LeadingStamp::Result::Ok;
    return s;
}

} // namespace idesk
