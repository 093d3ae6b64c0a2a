#pragma once

#include <QString>

namespace idesk::paths {

// The app data folder (QStandardPaths::AppDataLocation), created on demand.
QString appDataDir();
// The default database both faces use when no --db is given.
QString defaultDatabase();
// Where the rotating log file lives.
QString logFile();

} // namespace idesk::paths
