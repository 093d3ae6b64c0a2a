#pragma once

#include "core/clock.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <memory>

class QSocketNotifier;
class QThread;
class QTimer;

namespace idesk {
class Store;
}

namespace idesk::sync {

class SyncEngine;

struct SyncStatus
{
    enum class State
    {
        Off,     // no server configured
        Syncing, // the first round has not finished yet
        Synced,  // the last round pushed and pulled
        Offline, // the server cannot be reached; retried with backoff
        Error,   // the server or the settings refuse; retried with backoff
    };
    State state = State::Off;
    QDateTime lastSync; // UTC, invalid before the first round
    int pending = 0;
    int conflicts = 0;
    QString message; // why, for Offline and Error
};

// Lives on its own thread with its own Store connection: a round (push then pull) runs when the
// local file changes (PRAGMA data_version, which also sees the CLI and other windows), when
// the server NOTIFYs that another laptop pushed, and every interval otherwise. A failed round
// is retried after 1, 2, 4 … seconds up to the interval's maximum. Nothing here ever runs on
// the GUI thread; the status comes back by a queued signal.
class SyncWorker final : public QObject
{
    Q_OBJECT
public:
    SyncWorker(QString databasePath, QString conninfo, int intervalSecs);
    ~SyncWorker() override;

    // Tests: the delay before the first retry after a failed round (it doubles from there, up
    // to the interval); one second by default.
    void setFirstRetryMs(int ms) { m_firstRetryMs = ms; }

public Q_SLOTS:
    void start(); // on the worker's thread
    void syncSoon();
    void stop();

Q_SIGNALS:
    void statusChanged(const idesk::sync::SyncStatus &status);

private:
    void round();
    void watchNotifications();
    void checkLocalChanges();
    void report(SyncStatus::State state, const QString &message = {});
    int retryDelayMs() const;

    QString m_path;
    QString m_conninfo;
    int m_intervalMs;
    SystemClock m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    QTimer *m_timer = nullptr;
    QTimer *m_poll = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    int m_notifierSocket = -1;
    int m_failures = 0;
    int m_firstRetryMs = 1000;
    SyncStatus::State m_state = SyncStatus::State::Off; // as last reported
    QString m_message;
    qint64 m_dataVersion = -1;
    QDateTime m_lastSync;
};

// Owned by the GUI thread: starts the worker on its thread and stops it (waiting for the round
// in flight) on destruction.
class SyncController final : public QObject
{
    Q_OBJECT
public:
    SyncController(const QString &databasePath, const QString &conninfo, int intervalSecs,
                   QObject *parent = nullptr);
    ~SyncController() override;
    const SyncStatus &status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const idesk::sync::SyncStatus &status);

private:
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr;
    SyncStatus m_status;
};

// "off", "synced 12 s ago", "offline, 3 waiting", with ", 2 conflicts" when there are any.
QString statusText(const SyncStatus &s, const QDateTime &nowUtc);

} // namespace idesk::sync

Q_DECLARE_METATYPE(idesk::sync::SyncStatus)
