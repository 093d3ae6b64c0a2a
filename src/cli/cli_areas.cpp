#include "cli/cli.h"

namespace idesk::cli {

void registerAreaCommands(Registry &r)
{
    registerTriageCommands(r);
    registerPostmortemCommands(r);
    registerDiagnosticsCommands(r);
}

} // namespace idesk::cli
