#include "core/timeline/quickentry.h"

#include "core/timeline/timelinetext.h"
#include "core/timeline/timetokens.h"

#include <QRegularExpression>
#include <cstdlib>
#include <limits>

namespace idesk {

namespace {

QuickEntry failure(QString why)
{
    QuickEntry e;
    e.error = std::move(why);
    return e;
}

// "+5m", "-10min", "-1h30m", "+90s", "-2d": sign, then one or more number+unit pairs.
const QRegularExpression &relativePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^([+-])((?:\\d+\\s?(?:secs?|s|mins?|m|hrs?|h|d)(?![a-z]))+)(?=\\s|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

std::optional<qint64> relativeSeconds(QStringView amounts)
{
    static const QRegularExpression part(QStringLiteral("(\\d+)\\s?([a-z]+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    qint64 total = 0;
    auto it = part.globalMatch(amounts);
    while (it.hasNext()) {
        const auto m = it.next();
        bool ok = false;
        const qint64 n = m.capturedView(1).toLongLong(&ok);
        // Beyond 10 days, "+99999h" is a typo, not an incident time.
        if (!ok || n > 100000)
            return std::nullopt;
        const QChar unit = m.capturedView(2).front().toLower();
        const qint64 scale = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : 86400;
        total += n * scale;
    }
    if (total > 10 * 86400)
        return std::nullopt;
    return total;
}

QDateTime nearestOccurrence(QTime time, const QTimeZone &zone, const QDateTime &now)
{
    const QDate today = now.toTimeZone(zone).date();
    QDateTime best;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (int dayOffset : {-1, 0, 1}) {
        const QDateTime candidate(today.addDays(dayOffset), time, zone);
        if (!candidate.isValid())
            continue;
        const qint64 distance = std::abs(now.msecsTo(candidate));
        // Ties (exactly 12 hours away) go to the past: an incident log records what happened.
        if (distance < bestDistance || (distance == bestDistance && candidate < best)) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace

namespace {

QuickEntry parseEntry(QStringView input, const QDateTime &now, const QuickEntryOptions &options);

} // namespace

QuickEntry parseQuickEntry(QStringView input, const QDateTime &now,
                           const QuickEntryOptions &options)
{
    QuickEntry e = parseEntry(input, now, options);
    if (e.ok) {
        const qint64 ahead = now.toUTC().secsTo(e.occurredAt);
        e.secondsInFuture = ahead > 60 ? ahead : 0;
    }
    return e;
}

namespace {

QuickEntry parseEntry(QStringView input, const QDateTime &now, const QuickEntryOptions &options)
{
    const QStringView line = input.trimmed();
    if (line.isEmpty())
        return failure(QString::fromLatin1(timelinetext::kNothingToAdd));
    const QDateTime nowUtc = now.toUTC();

    if (const auto m = relativePattern().match(line); m.hasMatch()) {
        const auto secs = relativeSeconds(m.capturedView(2));
        if (!secs)
            return failure(QString::fromLatin1(timelinetext::kOffsetTooLarge).arg(m.captured(0)));
        QuickEntry e;
        e.form = QuickEntry::Form::Relative;
        e.text = line.mid(m.capturedEnd(0)).trimmed().toString();
        if (e.text.isEmpty())
            return failure(QString::fromLatin1(timelinetext::kTextMissingAfter).arg(m.captured(0)));
        e.occurredAt = nowUtc.addSecs(m.capturedView(1) == u"-" ? -*secs : *secs);
        e.ok = true;
        return e;
    }

    const LeadingStamp stamp = readLeadingStamp(line, options.localZone);
    switch (stamp.result) {
    case LeadingStamp::Result::Malformed:
        return failure(stamp.error);
    case LeadingStamp::Result::None: {
        QuickEntry e;
        e.form = QuickEntry::Form::Now;
        e.text = line.toString();
        e.occurredAt = nowUtc;
        e.ok = true;
        return e;
    }
    case LeadingStamp::Result::Ok:
        break;
    }

    QuickEntry e;
    e.text = stamp.rest.toString();
    if (e.text.isEmpty())
        return failure(QString::fromLatin1(timelinetext::kTextMissingAfterTime));
    const QTimeZone zone = stamp.zone.value_or(options.zone);
    if (stamp.date) {
        e.form = QuickEntry::Form::DateTime;
        e.occurredAt = QDateTime(*stamp.date, stamp.time, zone).toUTC();
    } else {
        e.form = QuickEntry::Form::ClockTime;
        e.occurredAt = nearestOccurrence(stamp.time, zone, nowUtc).toUTC();
    }
    if (!e.occurredAt.isValid())
        return failure(
            QString::fromLatin1(timelinetext::kTimeDoesNotExist).arg(QString::fromUtf8(zone.id())));
    e.ok = true;
    return e;
}

} // namespace

} // namespace idesk
