// The service profile (--profile PATH, File → Open profile): any bytes either parse or throw
// ProfileError, and what parses saves and reads back to an equal profile.
#include "core/profile.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString origin = QStringLiteral("fuzz.json");
    try {
        const idesk::Profile profile = idesk::parseProfile(fuzzsupport::bytes(data, size), origin);
        const idesk::Profile again = idesk::parseProfile(idesk::profileToJson(profile), origin);
        fuzzsupport::require(again == profile);
    } catch (const idesk::ProfileError &) {
        // a refusal naming the JSON path is the expected outcome for most inputs
    }
    return 0;
}
