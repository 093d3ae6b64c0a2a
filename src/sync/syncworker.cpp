#include "sync/syncworker.h"

#include "storage/store.h"
#include "sync/syncengine.h"

#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

namespace idesk::sync {

namespace {
constexpr int kPollMs = 1000;
} // namespace

SyncWorker::SyncWorker(QString databasePath, QString conninfo, int intervalSecs)
    : m_path(std::move(databasePath)), m_conninfo(std::move(conninfo)),
      m_intervalMs(std::max(1, intervalSecs) * 1000)
{}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::round);
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &SyncWorker::checkLocalChanges);
    try {
        m_store = Store::open(m_path, m_clock,
                              QStringLiteral("sync-worker-%1").arg(quintptr(this), 0, 16),
                              Store::Verify::Structure);
        // Every page, whatever the size, before the first push: a damaged file would otherwise
        // send the rows it can still read and stop at the first it cannot.
        m_store->requireSound();
        m_engine = std::make_unique<SyncEngine>(*m_store, m_conninfo);
        m_dataVersion = m_store->dataVersion();
    } catch (const StoreError &e) {
        m_engine.reset();
        m_store.reset();
        report(SyncStatus::State::Error, e.message());
        return;
    }
    report(SyncStatus::State::Syncing);
    m_poll->start();
    m_timer->start(0);
}

void SyncWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    if (m_poll)
        m_poll->stop();
    delete m_notifier;
    m_notifier = nullptr;
    m_engine.reset();
    m_store.reset();
}

void SyncWorker::syncSoon()
{
    // A failing server keeps its backoff: a burst of edits must not hammer it.
    if (m_timer && m_engine && m_failures == 0)
        m_timer->start(0);
}

void SyncWorker::checkLocalChanges()
{
    if (!m_store)
        return;
    const qint64 v = m_store->dataVersion();
    if (v != m_dataVersion) {
        m_dataVersion = v;
        // Offline, the next round may be minutes away (the backoff): the count of waiting
        // changes follows the outbox now, not then.
        if (m_failures > 0)
            report(m_state, m_message);
        syncSoon();
    }
}

void SyncWorker::round()
{
    if (!m_engine)
        return;
    try {
        // data_version moves only for other connections' commits (the window's, the CLI's):
        // one that lands while the round runs may have missed its push, so it starts the next
        // round at once instead of waiting for the interval.
        const qint64 before = m_store->dataVersion();
        m_engine->syncOnce();
        m_failures = 0;
        m_lastSync = QDateTime::currentDateTimeUtc();
        m_dataVersion = m_store->dataVersion();
        const bool changedMeanwhile = m_dataVersion != before;
        watchNotifications();
        report(SyncStatus::State::Synced);
        // libpq queues notifications that arrived during the round's own statements; the
        // socket will not signal those again.
        QStringList missed;
        if (PgConnection *c = m_engine->connection())
            missed = c->takeNotifications();
        missed.removeAll(m_store->siteId());
        m_timer->start(missed.isEmpty() && !changedMeanwhile ? m_intervalMs : 0);
    } catch (const SyncError &e) {
        m_engine->disconnect();
        delete m_notifier;
        m_notifier = nullptr;
        const int backoffMs = retryDelayMs();
        ++m_failures;
        report(e.code() == SyncError::Code::Unreachable ? SyncStatus::State::Offline
                                                        : SyncStatus::State::Error,
               e.message());
        m_timer->start(backoffMs);
    } catch (const StoreError &e) {
        ++m_failures;
        report(SyncStatus::State::Error, e.message());
        m_timer->start(retryDelayMs());
    }
}

void SyncWorker::watchNotifications()
{
    PgConnection *c = m_engine->connection();
    if (!c || !c->isOk())
        return;
    if (m_notifier && m_notifierSocket == c->socket())
        return;
    delete m_notifier;
    c->exec(QStringLiteral("LISTEN ") + SyncEngine::notifyChannel());
    m_notifierSocket = c->socket();
    m_notifier = new QSocketNotifier(qintptr(m_notifierSocket), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        PgConnection *conn = m_engine ? m_engine->connection() : nullptr;
        if (!conn)
            return;
        QStringList payloads = conn->takeNotifications();
        // A push notifies with its site id: this laptop's own pushes need no pull.
        if (m_store)
            payloads.removeAll(m_store->siteId());
        if (!conn->isOk()) {
            // The server went away: the next round reconnects and reports it.
            delete m_notifier;
            m_notifier = nullptr;
            if (m_timer)
                m_timer->start(0);
            return;
        }
        if (!payloads.isEmpty())
            syncSoon();
    });
}

int SyncWorker::retryDelayMs() const
{
    return int(std::min<qint64>(m_intervalMs, qint64(m_firstRetryMs) << std::min(m_failures, 16)));
}

void SyncWorker::report(SyncStatus::State state, const QString &message)
{
    m_state = state;
    m_message = message;
    SyncStatus s;
    s.state = state;
    s.message = message;
    s.lastSync = m_lastSync;
    if (m_store) {
        try {
            const auto local = SyncEngine::localStatus(*m_store);
            s.pending = local.pending;
            s.conflicts = local.conflicts;
        } catch (const StoreError &) {
        }
    }
    Q_EMIT statusChanged(s);
}

SyncController::SyncController(const QString &databasePath, const QString &conninfo,
                               int intervalSecs, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncStatus>();
    if (conninfo.trimmed().isEmpty())
        return; // off: no thread at all
    m_status.state = SyncStatus::State::Syncing;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sync"));
    m_worker = new SyncWorker(databasePath, conninfo, intervalSecs);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &SyncWorker::start);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, [this](const SyncStatus &s) {
        m_status = s;
        Q_EMIT statusChanged(s);
    });
    m_thread->start();
}

SyncController::~SyncController()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString statusText(const SyncStatus &s, const QDateTime &nowUtc)
{
    QString text;
    switch (s.state) {
    case SyncStatus::State::Off:
        return QObject::tr("Sync: off");
    case SyncStatus::State::Syncing:
        text = QObject::tr("Sync: connecting");
        break;
    case SyncStatus::State::Synced:
        text = QObject::tr("Sync: synced %1 s ago")
                   .arg(std::max<qint64>(0, s.lastSync.secsTo(nowUtc)));
        break;
    case SyncStatus::State::Offline:
        text = QObject::tr("Sync: offline, %1 waiting").arg(s.pending);
        break;
    case SyncStatus::State::Error:
        text = QObject::tr("Sync: error, %1 waiting").arg(s.pending);
        break;
    }
    if (s.conflicts > 0)
        text += QObject::tr(", %1 conflicts").arg(s.conflicts);
    return text;
}

} // namespace idesk::sync
