#pragma once

namespace idesk::cli {

class Registry;

void registerLogCommands(Registry &r); // analyze-logs

} // namespace idesk::cli
