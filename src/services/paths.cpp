#include "paths.h"

#include <QDir>
#include <QStandardPaths>

namespace idesk::paths {

QString appDataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

QString defaultDatabase()
{
    return QDir(appDataDir()).filePath(QStringLiteral("incidentdesk.sqlite"));
}

QString logFile()
{
    return QDir(appDataDir()).filePath(QStringLiteral("logs/incidentdesk.log"));
}

} // namespace idesk::paths
