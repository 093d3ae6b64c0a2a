#include "rpclag.h"

#include "httpprobe.h"

#include <QJsonValue>

namespace idesk::diag {

RpcLagJob::RpcLagJob(DiagnosticCheck check, std::vector<JsonRpcEndpoint> endpoints,
                     QNetworkAccessManager *nam, int timeoutSeconds, QObject *parent)
    : DiagnosticJob(parent), m_check(std::move(check)), m_nam(nam),
      m_timeout(timeoutSeconds > 0 ? timeoutSeconds : m_check.timeoutSeconds)
{
    m_result.check = m_check.id;
    m_result.kind = m_check.kind;
    // The same node listed for several methods is one endpoint here.
    for (const JsonRpcEndpoint &e : endpoints) {
        const bool seen = std::any_of(m_probes.begin(), m_probes.end(),
                                      [&e](const Probe &p) { return p.url == e.url; });
        if (!seen)
            m_probes.push_back(Probe{e.name, e.url, {}, false, false, 0, {}});
    }
    QStringList urls;
    for (const Probe &p : m_probes)
        urls << p.url;
    m_result.url = urls.join(QLatin1Char(' '));
}

void RpcLagJob::start()
{
    m_clock.start();
    if (m_probes.size() < 2) {
        m_result.status = RunStatus::Error;
        m_result.summary = QStringLiteral("the lag needs two JSON-RPC endpoints with different "
                                          "URLs; the profile's jsonRpcEndpoints has %1")
                               .arg(m_probes.size());
        finish();
        return;
    }
    m_pending = m_probes.size();
    for (std::size_t i = 0; i < m_probes.size(); ++i) {
        DiagnosticCheck call;
        call.id = m_check.id;
        call.kind = QStringLiteral("jsonrpc");
        call.url = m_probes[i].url;
        call.method = QStringLiteral("eth_blockNumber");
        call.expect.jsonPath = QStringLiteral("$.result");
        auto *job = new HttpJob(call, m_nam, m_timeout, {}, this);
        m_probes[i].job = job;
        connect(job, &DiagnosticJob::finished, this,
                [this, i](const DiagnosticResult &r) { onProbe(i, r); });
    }
    // Started after all are wired: a job may finish at once (a bad URL).
    for (Probe &p : m_probes) {
        if (p.job)
            p.job->start();
    }
}

void RpcLagJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    bool anyRunning = false;
    for (Probe &p : m_probes) {
        if (p.job && !p.done) {
            anyRunning = true;
            p.job->cancel();
        }
    }
    if (!anyRunning)
        finish();
}

void RpcLagJob::onProbe(std::size_t index, const DiagnosticResult &r)
{
    Probe &p = m_probes[index];
    if (p.done || m_done)
        return;
    p.done = true;
    if (p.job)
        p.job->deleteLater();
    QJsonValue v;
    if (r.status == RunStatus::Pass &&
        jsonPathValue(r.output.toUtf8(), QStringLiteral("$.result"), &v) &&
        decodeHexQuantity(v.toString(), &p.block)) {
        p.ok = true;
    } else {
        p.problem = r.status == RunStatus::Pass ? QStringLiteral("the result is not a block number")
                                                : r.summary;
    }
    if (--m_pending == 0)
        finish();
}

void RpcLagJob::finish()
{
    if (m_done)
        return;
    m_done = true;
    DiagnosticResult &r = m_result;
    r.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_cancelled) {
        r.status = RunStatus::Cancelled;
        r.summary = QStringLiteral("cancelled");
        Q_EMIT finished(r);
        return;
    }
    if (r.status == RunStatus::Error && !r.summary.isEmpty()) {
        Q_EMIT finished(r);
        return;
    }
    QStringList lines, problems;
    quint64 lo = std::numeric_limits<quint64>::max(), hi = 0;
    for (const Probe &p : m_probes) {
        if (p.ok) {
            lines << QStringLiteral("%1\t%2\tblock %3").arg(p.name, p.url).arg(p.block);
            lo = std::min(lo, p.block);
            hi = std::max(hi, p.block);
        } else {
            lines << QStringLiteral("%1\t%2\t%3").arg(p.name, p.url, p.problem);
            problems << QStringLiteral("%1: %2").arg(p.name, p.problem);
        }
    }
    r.output = stripControl(lines.join(QLatin1Char('\n')));
    if (!problems.isEmpty()) {
        r.status = RunStatus::Fail;
        r.summary =
            QStringLiteral("no block number from %1").arg(problems.join(QStringLiteral("; ")));
        Q_EMIT finished(r);
        return;
    }
    const quint64 lag = hi - lo;
    r.exitCode = 0;
    if (m_check.expect.threshold >= 0 && static_cast<double>(lag) > m_check.expect.threshold) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("lag %1 blocks between the endpoints (at most %2 expected)")
                        .arg(lag)
                        .arg(m_check.expect.threshold);
    } else {
        r.status = RunStatus::Pass;
        r.summary = QStringLiteral("lag %1 blocks between %2 endpoints (highest %3)")
                        .arg(lag)
                        .arg(m_probes.size())
                        .arg(hi);
    }
    Q_EMIT finished(r);
}

} // namespace idesk::diag
