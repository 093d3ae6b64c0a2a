#pragma once

#include "core/profile.h"
#include "diagnosticresult.h"
#include "kubectlrunner.h"
#include "sqlprobe.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <deque>

class QNetworkAccessManager;

namespace idesk::diag {

class DiagnosticJob;

struct RunnerOptions
{
    KubectlOptions kubectl;
    // Destructive checks run only when readOnly is off AND confirmTarget names the check's
    // target exactly; anything else is refused before a process or socket is opened.
    bool readOnly = true;
    QString confirmTarget;
    int timeoutSeconds = 0; // overrides every check's own timeout when > 0
    int kubectlCap = 4;
    int httpCap = 64;
    int dnsCap = 8;
    QHostAddress dnsServer; // null: the system's
    SqlOptions sql;         // a conninfo sends sql checks through libpq instead of kubectl
    std::vector<JsonRpcEndpoint> rpcEndpoints; // compared by jsonrpc-lag checks
    // Every result names its context; those listed here are marked production.
    QStringList productionContexts;
};

// The kubectl options a profile implies: its context, namespaces, and kubectl found once.
KubectlOptions kubectlOptionsFor(const Profile &profile);
// Everything a profile implies for a run: kubectl, the database, the JSON-RPC endpoints and the
// production contexts; read-only, as a run starts.
RunnerOptions runnerOptionsFor(const Profile &profile);

// Runs many checks at once on the caller's thread and event loop, never blocking it: kubectl
// through QProcess, probes through one QNetworkAccessManager, a cap per kind, each cancellable.
// Every check yields exactly one resultReady; allFinished follows the last of them.
class DiagnosticsRunner final : public QObject
{
    Q_OBJECT
public:
    explicit DiagnosticsRunner(RunnerOptions options, QObject *parent = nullptr);
    ~DiagnosticsRunner() override;

    void run(const std::vector<DiagnosticCheck> &checks);
    void cancel(const QString &checkId);
    void cancelAll();
    bool isIdle() const;
    int running() const { return static_cast<int>(m_running.size()); }

Q_SIGNALS:
    void checkStarted(const QString &checkId);
    void resultReady(const idesk::diag::DiagnosticResult &result);
    void allFinished();

private:
    struct Pending
    {
        quint64 seq;
        DiagnosticCheck check;
    };
    static int lane(const QString &kind); // 0 kubectl/sql/logs, 1 http/jsonrpc(-lag), 2 dns
    int cap(int lane) const;
    void pump();
    void startOne(Pending p, int lane);
    void deliver(const DiagnosticResult &r);
    QString refusal(const DiagnosticCheck &c) const;

    RunnerOptions m_opt;
    QNetworkAccessManager *m_nam;
    std::deque<Pending> m_queue[3];
    QHash<quint64, DiagnosticJob *> m_running;
    QHash<quint64, int> m_lane;
    QHash<quint64, QString> m_checkOf;
    int m_inLane[3] = {0, 0, 0};
    quint64 m_seq = 0;
    int m_undelivered = 0;
    bool m_pumping = false;
};

} // namespace idesk::diag
