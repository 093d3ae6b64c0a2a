#pragma once

#include <QString>

namespace idesk {

// spdlog to a rotating file in the app data folder; also to stderr when verbose.
// Qt's own messages (qWarning…) are routed into the same sinks.
void setupLogging(const QString &logFile, bool verbose);

} // namespace idesk
