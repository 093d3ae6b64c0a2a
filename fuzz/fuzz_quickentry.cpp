// The Timeline tab's quick-entry line, typed or pasted. Every input is read under each zone of
// fuzzsupport::zones(), at a fixed "now" and at one just after midnight.
#include "core/timeline/quickentry.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString line = QString::fromUtf8(fuzzsupport::bytes(data, size));
    static const QDateTime nows[] = {
        QDateTime(QDate(2024, 3, 31), QTime(1, 30), QTimeZone::utc()),
        QDateTime(QDate(2024, 1, 1), QTime(0, 5), QTimeZone::utc()),
    };
    for (const QTimeZone &zone : fuzzsupport::zones()) {
        for (const QDateTime &now : nows) {
            idesk::QuickEntryOptions options;
            options.zone = zone;
            options.localZone = fuzzsupport::zones().back();
            const idesk::QuickEntry e = idesk::parseQuickEntry(line, now, options);
            if (e.ok) {
                fuzzsupport::require(e.occurredAt.isValid());
                fuzzsupport::require(e.occurredAt.timeSpec() == Qt::UTC);
                fuzzsupport::require(!e.text.isEmpty());
            } else {
                fuzzsupport::require(!e.error.isEmpty());
            }
        }
    }
    return 0;
}
