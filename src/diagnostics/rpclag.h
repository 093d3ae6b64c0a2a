#pragma once

#include "core/profile.h"
#include "diagnosticjob.h"

#include <QElapsedTimer>
#include <QPointer>

class QNetworkAccessManager;

namespace idesk::diag {

class HttpJob;

// The lag between JSON-RPC endpoints: eth_blockNumber on each distinct URL of the profile's
// jsonRpcEndpoints at once, then the highest block minus the lowest. Fails when an endpoint
// does not answer with a block number, or when the lag is above expect.threshold blocks.
class RpcLagJob final : public DiagnosticJob
{
    Q_OBJECT
public:
    RpcLagJob(DiagnosticCheck check, std::vector<JsonRpcEndpoint> endpoints,
              QNetworkAccessManager *nam, int timeoutSeconds, QObject *parent = nullptr);
    void start() override;
    void cancel() override;

private:
    struct Probe
    {
        QString name;
        QString url;
        QPointer<HttpJob> job;
        bool done = false;
        bool ok = false;
        quint64 block = 0;
        QString problem;
    };
    void onProbe(std::size_t index, const DiagnosticResult &r);
    void finish();

    DiagnosticCheck m_check;
    QNetworkAccessManager *m_nam;
    int m_timeout;
    std::vector<Probe> m_probes;
    std::size_t m_pending = 0;
    QElapsedTimer m_clock;
    bool m_cancelled = false;
    bool m_done = false;
    DiagnosticResult m_result;
};

} // namespace idesk::diag
