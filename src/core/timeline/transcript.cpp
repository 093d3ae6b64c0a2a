#include "core/timeline/transcript.h"

#include "core/timeline/timelinetext.h"
#include "core/timeline/timetokens.h"

#include <QRegularExpression>

namespace idesk {

namespace {

struct Speaker
{
    QString name;
    QStringView text;
};

// "alice: text", "Alice Smith: text", "<bob> text". A name is short, has at most three words and
// no punctuation a sentence would have, so "see https://x: y" stays text. "Error rate: 5%" does
// read as a name; the preview shows the author column so the user sees it before saving.
Speaker splitSpeaker(QStringView rest)
{
    static const QRegularExpression angled(QStringLiteral("^<([^<>\\s][^<>]{0,39})>\\s*"));
    static const QRegularExpression colon(
        QStringLiteral("^([\\w@.'-]+(?: [\\w@.'-]+){0,2}):(?:\\s+|$)"),
        QRegularExpression::UseUnicodePropertiesOption);
    if (const auto m = angled.match(rest); m.hasMatch())
        return {m.captured(1).trimmed(), rest.mid(m.capturedEnd(0))};
    if (const auto m = colon.match(rest); m.hasMatch() && m.capturedLength(1) <= 40)
        return {m.captured(1), rest.mid(m.capturedEnd(0))};
    return {{}, rest};
}

} // namespace

int TranscriptResult::errorCount() const
{
    int n = 0;
    for (const auto &l : lines)
        n += l.status == TranscriptLine::Status::Error ? 1 : 0;
    return n;
}

TranscriptResult parseTranscript(QStringView text, const TranscriptOptions &options)
{
    TranscriptResult result;
    if (text.isEmpty())
        return result;
    // Core reads no wall clock: the day comes from the caller, directly or through its clock.
    QDate reference = options.referenceDate;
    if (!reference.isValid() && options.clock)
        reference = options.clock->now().toTimeZone(options.zone).date();

    QDateTime last; // UTC time of the previous event, the anchor for undated lines
    bool previousWasError = false;
    int number = 0;
    for (QStringView raw : text.tokenize(u'\n')) {
        ++number;
        if (raw.endsWith(u'\r'))
            raw.chop(1);
        TranscriptLine line;
        line.number = number;
        line.raw = raw.toString();

        if (raw.trimmed().isEmpty()) {
            line.status = TranscriptLine::Status::Blank;
            result.lines.push_back(std::move(line));
            continue;
        }

        const LeadingStamp stamp = readLeadingStamp(raw.trimmed(), options.localZone);
        if (stamp.result == LeadingStamp::Result::None) {
            if (result.events.empty()) {
                line.status = TranscriptLine::Status::Error;
                line.message = QString::fromLatin1(timelinetext::kNoStampNoEvent);
            } else if (previousWasError) {
                // Appending to the last good event would put these words in the wrong mouth.
                line.status = TranscriptLine::Status::Error;
                line.message = QString::fromLatin1(timelinetext::kContinuesUnread);
            } else {
                auto &event = result.events.back();
                event.text += u'\n' + raw.trimmed().toString();
                event.lastLine = number;
                line.status = TranscriptLine::Status::Continuation;
                line.eventIndex = int(result.events.size()) - 1;
            }
            result.lines.push_back(std::move(line));
            continue;
        }
        if (stamp.result == LeadingStamp::Result::Malformed) {
            line.status = TranscriptLine::Status::Error;
            line.message = stamp.error;
            previousWasError = true;
            result.lines.push_back(std::move(line));
            continue;
        }

        const Speaker speaker = splitSpeaker(stamp.rest);
        const QString body = speaker.text.trimmed().toString();
        if (body.isEmpty()) {
            line.status = TranscriptLine::Status::Error;
            line.message = QString::fromLatin1(timelinetext::kNothingAfterStamp);
            previousWasError = true;
            result.lines.push_back(std::move(line));
            continue;
        }

        const QTimeZone zone = stamp.zone.value_or(options.zone);
        QDateTime at;
        if (stamp.date) {
            at = QDateTime(*stamp.date, stamp.time, zone);
        } else {
            const QDate day = last.isValid() ? last.toTimeZone(zone).date() : reference;
            at = QDateTime(day, stamp.time, zone);
            if (last.isValid() && at < last) {
                if (at.secsTo(last) > 12 * 3600) {
                    at = QDateTime(day.addDays(1), stamp.time, zone);
                    line.message = QString::fromLatin1(timelinetext::kNextDay);
                } else {
                    line.message = QString::fromLatin1(timelinetext::kEarlier);
                }
            }
        }
        if (!at.isValid()) {
            line.status = TranscriptLine::Status::Error;
            line.message = QString::fromLatin1(timelinetext::kTimeDoesNotExist)
                               .arg(QString::fromUtf8(zone.id()));
            previousWasError = true;
            result.lines.push_back(std::move(line));
            continue;
        }
        at = at.toUTC();
        last = at;
        previousWasError = false;

        TranscriptEvent event;
        event.occurredAt = at;
        event.author = speaker.name.isEmpty() ? options.defaultAuthor : speaker.name;
        event.text = body;
        event.firstLine = number;
        event.lastLine = number;
        result.events.push_back(std::move(event));
        line.status = TranscriptLine::Status::Event;
        line.eventIndex = int(result.events.size()) - 1;
        result.lines.push_back(std::move(line));
    }
    // A trailing newline is the end of the last line, not an extra blank one.
    if (!result.lines.empty() && text.endsWith(u'\n') &&
        result.lines.back().status == TranscriptLine::Status::Blank &&
        result.lines.back().raw.isEmpty())
        result.lines.pop_back();
    return result;
}

} // namespace idesk
