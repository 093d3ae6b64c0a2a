// The incident import (incidentdesk-cli import FILE): any bytes either parse or throw FormatError.
// What parses must also keep the documented promise export → import → export = same bytes.
#include "core/incident_json.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString origin = QStringLiteral("fuzz.json");
    try {
        const idesk::IncidentBundle bundle =
            idesk::bundleFromJson(fuzzsupport::bytes(data, size), origin);
        const QByteArray once = idesk::bundleToJson(bundle);
        const QByteArray twice = idesk::bundleToJson(idesk::bundleFromJson(once, origin));
        fuzzsupport::require(once == twice);
    } catch (const idesk::FormatError &) {
        // a refusal with a message is the expected outcome for most inputs
    }
    return 0;
}
