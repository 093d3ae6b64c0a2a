#include "cli/cli.h"
#include "cli/logcommands.h"

namespace idesk::cli {

void registerAreaCommands(Registry &r)
{
    registerTriageCommands(r);
    registerPostmortemCommands(r);
    registerLogCommands(r);
    registerDiagnosticsCommands(r);
    registerSyncCommands(r);
    registerPlaybookCommands(r);
}

} // namespace idesk::cli
