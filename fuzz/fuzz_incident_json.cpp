// The incident import (incidentdesk-cli import FILE): any bytes either parse or throw FormatError.
// What parses must also keep the documented promise export → import → export = same bytes.
#include "core/incidentjson.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString origin = QStringLiteral("fuzz.json");
    // A fixed "now" for the import's clock-stamp check (stamps at most a day ahead of it).
    static const QDateTime now(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
    try {
        const idesk::IncidentBundle bundle =
            idesk::bundleFromJson(fuzzsupport::bytes(data, size), origin, now);
        const QByteArray once = idesk::bundleToJson(bundle);
        const QByteArray twice = idesk::bundleToJson(idesk::bundleFromJson(once, origin, now));
        fuzzsupport::require(once == twice);
    } catch (const idesk::FormatError &) {
        // a refusal with a message is the expected outcome for most inputs
    }
    return 0;
}
