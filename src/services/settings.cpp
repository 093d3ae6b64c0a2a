#include "settings.h"

#include <algorithm>

namespace idesk {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kLastDatabase = QStringLiteral("files/lastDatabase");
const QString kLastProfile = QStringLiteral("files/lastProfile");
const QString kReadOnly = QStringLiteral("safety/readOnly");
const QString kUserName = QStringLiteral("user/name");
const QString kOutputAsTable = QStringLiteral("diagnostics/outputAsTable");
const QString kSyncServer = QStringLiteral("sync/server");
const QString kSyncInterval = QStringLiteral("sync/intervalSecs");
const QString kSyncEnabled = QStringLiteral("sync/enabled");
const QString kSyncSslMode = QStringLiteral("sync/sslmode");
} // namespace

void Settings::put(const QString &key, const QVariant &value)
{
    // QSettings rewrites the whole file (and syncs it to disk) after any setValue, even one that
    // changes nothing; start-up stores the same paths every time.
    QVariant current = m_s->value(key);
    if (current.isValid() && current.convert(value.metaType()) && current == value)
        return;
    m_s->setValue(key, value);
}

Settings::Settings() : m_s(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &iniPath)
    : m_s(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

QByteArray Settings::windowGeometry() const
{
    return m_s->value(kGeometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray &g)
{
    put(kGeometry, g);
}
QByteArray Settings::windowState() const
{
    return m_s->value(kState).toByteArray();
}
void Settings::setWindowState(const QByteArray &s)
{
    put(kState, s);
}
QByteArray Settings::splitterState() const
{
    return m_s->value(kSplitter).toByteArray();
}
void Settings::setSplitterState(const QByteArray &s)
{
    put(kSplitter, s);
}
QString Settings::lastDatabase() const
{
    return m_s->value(kLastDatabase).toString();
}
void Settings::setLastDatabase(const QString &path)
{
    put(kLastDatabase, path);
}
QString Settings::lastProfile() const
{
    return m_s->value(kLastProfile).toString();
}
void Settings::setLastProfile(const QString &path)
{
    put(kLastProfile, path);
}
bool Settings::readOnly() const
{
    return m_s->value(kReadOnly, true).toBool();
}
void Settings::setReadOnly(bool on)
{
    put(kReadOnly, on);
}
bool Settings::diagnosticsOutputAsTable() const
{
    return m_s->value(kOutputAsTable, false).toBool();
}
void Settings::setDiagnosticsOutputAsTable(bool table)
{
    put(kOutputAsTable, table);
}
QString Settings::syncServer() const
{
    return m_s->value(kSyncServer).toString().trimmed();
}
void Settings::setSyncServer(const QString &conninfo)
{
    put(kSyncServer, conninfo.trimmed());
}
int Settings::syncIntervalSecs() const
{
    return std::clamp(m_s->value(kSyncInterval, 30).toInt(), 2, 3600);
}
void Settings::setSyncIntervalSecs(int secs)
{
    put(kSyncInterval, std::clamp(secs, 2, 3600));
}
bool Settings::syncEnabled() const
{
    return m_s->value(kSyncEnabled, true).toBool();
}
void Settings::setSyncEnabled(bool on)
{
    put(kSyncEnabled, on);
}
QString Settings::syncSslMode() const
{
    return m_s->value(kSyncSslMode).toString().trimmed();
}
void Settings::setSyncSslMode(const QString &mode)
{
    put(kSyncSslMode, mode.trimmed());
}
QString Settings::syncConninfo() const
{
    const QString server = syncServer();
    if (!syncEnabled() || server.isEmpty())
        return {};
    return withSslMode(server, syncSslMode());
}
QString Settings::withSslMode(const QString &server, const QString &mode)
{
    if (mode.isEmpty() || server.contains(QStringLiteral("sslmode")))
        return server;
    if (server.startsWith(QStringLiteral("postgres://")) ||
        server.startsWith(QStringLiteral("postgresql://")))
        return server + (server.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
               QStringLiteral("sslmode=") + mode;
    return server + QStringLiteral(" sslmode=") + mode;
}
QString Settings::userName() const
{
    return m_s->value(kUserName).toString();
}
void Settings::setUserName(const QString &name)
{
    put(kUserName, name);
}
void Settings::sync()
{
    m_s->sync();
}

} // namespace idesk
