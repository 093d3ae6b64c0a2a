// A chat transcript pasted into the Timeline tab. Every input is read under each zone of
// fuzzsupport::zones(); the result must account for each line and point only at real events.
#include "core/timeline/transcript.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(fuzzsupport::bytes(data, size));
    for (const QTimeZone &zone : fuzzsupport::zones()) {
        idesk::TranscriptOptions options;
        options.referenceDate = QDate(2024, 3, 31);
        options.zone = zone;
        options.localZone = fuzzsupport::zones().back();
        options.defaultAuthor = QStringLiteral("fuzz");
        const idesk::TranscriptResult r = idesk::parseTranscript(text, options);
        const int events = int(r.events.size());
        int previous = 0;
        for (const idesk::TranscriptLine &line : r.lines) {
            fuzzsupport::require(line.number == previous + 1);
            previous = line.number;
            const bool inEvent = line.status == idesk::TranscriptLine::Status::Event ||
                                 line.status == idesk::TranscriptLine::Status::Continuation;
            fuzzsupport::require(inEvent ? line.eventIndex >= 0 && line.eventIndex < events
                                         : line.eventIndex == -1);
            if (line.status == idesk::TranscriptLine::Status::Error)
                fuzzsupport::require(!line.message.isEmpty());
        }
        for (const idesk::TranscriptEvent &e : r.events) {
            fuzzsupport::require(e.occurredAt.isValid() && e.occurredAt.timeSpec() == Qt::UTC);
            fuzzsupport::require(!e.text.isEmpty());
            fuzzsupport::require(e.firstLine >= 1 && e.firstLine <= e.lastLine &&
                                 e.lastLine <= previous);
        }
    }
    return 0;
}
