#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <memory>

namespace idesk {

// The one typed door to QSettings: every key, its type and its default live here.
class Settings
{
public:
    Settings();                                // the application's settings
    explicit Settings(const QString &iniPath); // a given INI file (tests)

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &g);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &s);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &s);

    QString lastDatabase() const;
    void setLastDatabase(const QString &path);
    QString lastProfile() const; // empty: the shipped default
    void setLastProfile(const QString &path);

    bool readOnly() const; // destructive actions off; on by default
    void setReadOnly(bool on);

    // The Diagnostics output as a table where the result has one (else as text); off by default.
    bool diagnosticsOutputAsTable() const;
    void setDiagnosticsOutputAsTable(bool table);

    QString userName() const; // how this commander appears on the timeline
    void setUserName(const QString &name);

    // Sync: a libpq conninfo without a password ("host=… dbname=… user=… sslmode=verify-full")
    // or "service=NAME" from pg_service.conf; empty means sync is off. The password comes from
    // ~/.pgpass or PGPASSFILE only.
    QString syncServer() const;
    void setSyncServer(const QString &conninfo);
    int syncIntervalSecs() const; // between rounds when nothing changed; 30 by default
    void setSyncIntervalSecs(int secs);
    bool syncEnabled() const; // on by default: a server alone used to mean on
    void setSyncEnabled(bool on);
    // libpq's sslmode added to the server when it names none; empty leaves it to libpq, the
    // service file or the conninfo.
    QString syncSslMode() const;
    void setSyncSslMode(const QString &mode);
    // What the sync worker connects with: the server plus the sslmode; empty when sync is off.
    QString syncConninfo() const;
    // A server (keyword conninfo, URI or "service=NAME") with sslmode added unless it names one.
    static QString withSslMode(const QString &server, const QString &mode);

    void sync();

private:
    void put(const QString &key, const QVariant &value); // writes only what changes

    std::unique_ptr<QSettings> m_s;
};

} // namespace idesk
