#include "diagnosticsrunner.h"

#include "core/changeguard.h"
#include "dnsprobe.h"
#include "httpprobe.h"
#include "rpclag.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace idesk::diag {

KubectlOptions kubectlOptionsFor(const Profile &profile)
{
    KubectlOptions o;
    o.program = findKubectl();
    o.context = profile.kube.context;
    o.ns = profile.kube.ns;
    o.monitoringNamespace = profile.kube.monitoringNamespace;
    return o;
}

RunnerOptions runnerOptionsFor(const Profile &profile)
{
    RunnerOptions o;
    o.kubectl = kubectlOptionsFor(profile);
    o.sql.conninfo = profile.database.conninfo;
    o.sql.connectTimeoutSeconds = profile.database.connectTimeoutSeconds;
    o.sql.production = profile.database.production;
    o.rpcEndpoints = profile.jsonRpcEndpoints;
    o.productionContexts = profile.kube.productionContexts;
    return o;
}

DiagnosticsRunner::DiagnosticsRunner(RunnerOptions options, QObject *parent)
    : QObject(parent), m_opt(std::move(options)), m_nam(new QNetworkAccessManager(this))
{
    // Probes must not be answered from a cache or sent through whatever proxy the desktop has.
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_nam->setAutoDeleteReplies(false);
}

DiagnosticsRunner::~DiagnosticsRunner()
{
    for (DiagnosticJob *job : std::as_const(m_running)) {
        job->disconnect(this);
        delete job;
    }
}

int DiagnosticsRunner::lane(const QString &kind)
{
    if (kind == u"http" || kind == u"jsonrpc" || kind == u"jsonrpc-lag")
        return 1;
    if (kind == u"dns")
        return 2;
    return 0;
}

int DiagnosticsRunner::cap(int l) const
{
    return std::max(1, l == 0 ? m_opt.kubectlCap : l == 1 ? m_opt.httpCap : m_opt.dnsCap);
}

QString DiagnosticsRunner::refusal(const DiagnosticCheck &c) const
{
    if (!c.destructive) {
        // The profile's reader refuses such checks; one built another way is refused here.
        const QString change = changeMadeBy(c);
        if (change.isEmpty())
            return {};
        return QStringLiteral("%1 runs %2, which changes what it runs against, but is not "
                              "marked destructive; nothing was run")
            .arg(c.id, change);
    }
    if (m_opt.readOnly)
        return QStringLiteral("%1 changes %2 and read-only mode is on; nothing was run")
            .arg(c.id, c.target);
    if (m_opt.confirmTarget != c.target)
        return QStringLiteral("%1 changes %2: confirm with exactly that name; nothing was run")
            .arg(c.id, c.target);
    return {};
}

void DiagnosticsRunner::run(const std::vector<DiagnosticCheck> &checks)
{
    for (const DiagnosticCheck &c : checks) {
        ++m_undelivered;
        const QString why = refusal(c);
        if (!why.isEmpty()) {
            DiagnosticResult r;
            r.check = c.id;
            r.kind = c.kind;
            r.status = RunStatus::Refused;
            r.summary = why;
            r.context = m_opt.kubectl.context;
            r.ns = m_opt.kubectl.ns;
            r.url = c.url;
            r.host = c.host;
            if (c.kind == u"sql" && !m_opt.sql.conninfo.isEmpty())
                r.database = describeConninfo(m_opt.sql.conninfo);
            // Delivered from the event loop like every other result, never from inside run().
            QMetaObject::invokeMethod(
                this, [this, r] { deliver(r); }, Qt::QueuedConnection);
            continue;
        }
        m_queue[lane(c.kind)].push_back(Pending{++m_seq, c});
    }
    QMetaObject::invokeMethod(this, &DiagnosticsRunner::pump, Qt::QueuedConnection);
}

void DiagnosticsRunner::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    bool again = true;
    while (again) {
        again = false;
        for (int l = 0; l < 3; ++l) {
            while (m_inLane[l] < cap(l) && !m_queue[l].empty()) {
                Pending p = std::move(m_queue[l].front());
                m_queue[l].pop_front();
                startOne(std::move(p), l);
                again = true;
            }
        }
    }
    m_pumping = false;
}

void DiagnosticsRunner::startOne(Pending p, int l)
{
    const int timeout = m_opt.timeoutSeconds;
    DiagnosticJob *job = nullptr;
    if (p.check.kind == u"sql" && !m_opt.sql.conninfo.isEmpty()) {
        job = new SqlJob(p.check, m_opt.sql, timeout, this);
    } else if (l == 0) {
        job = new KubectlJob(p.check, m_opt.kubectl, timeout, this);
    } else if (p.check.kind == u"jsonrpc-lag") {
        job = new RpcLagJob(p.check, m_opt.rpcEndpoints, m_nam, timeout, this);
    } else if (l == 1) {
        job = new HttpJob(p.check, m_nam, timeout, {}, this);
    } else {
        auto *dns = new DnsJob(p.check, timeout, this);
        if (!m_opt.dnsServer.isNull())
            dns->setNameserver(m_opt.dnsServer);
        job = dns;
    }
    const quint64 seq = p.seq;
    m_running.insert(seq, job);
    m_lane.insert(seq, l);
    m_checkOf.insert(seq, p.check.id);
    ++m_inLane[l];
    connect(job, &DiagnosticJob::finished, this, [this, seq, job](const DiagnosticResult &r) {
        if (!m_running.contains(seq))
            return;
        m_running.remove(seq);
        m_checkOf.remove(seq);
        --m_inLane[m_lane.take(seq)];
        job->deleteLater();
        deliver(r);
        pump();
    });
    Q_EMIT checkStarted(p.check.id);
    job->start();
}

void DiagnosticsRunner::deliver(const DiagnosticResult &result)
{
    --m_undelivered;
    // Probes and the database run for the environment the profile's context names; kubectl
    // fills in the context it actually used.
    DiagnosticResult r = result;
    if (r.context.isEmpty())
        r.context = m_opt.kubectl.context;
    if (r.ns.isEmpty())
        r.ns = m_opt.kubectl.ns;
    r.production = m_opt.productionContexts.contains(r.context) ||
                   (!r.database.isEmpty() && m_opt.sql.production);
    Q_EMIT resultReady(r);
    if (m_undelivered == 0 && m_running.isEmpty())
        Q_EMIT allFinished();
}

void DiagnosticsRunner::cancel(const QString &checkId)
{
    for (int l = 0; l < 3; ++l) {
        for (auto it = m_queue[l].begin(); it != m_queue[l].end();) {
            if (it->check.id == checkId) {
                DiagnosticResult r;
                r.check = it->check.id;
                r.kind = it->check.kind;
                r.status = RunStatus::Cancelled;
                r.summary = QStringLiteral("cancelled before it ran");
                it = m_queue[l].erase(it);
                QMetaObject::invokeMethod(
                    this, [this, r] { deliver(r); }, Qt::QueuedConnection);
            } else {
                ++it;
            }
        }
    }
    const auto seqs = m_checkOf.keys(checkId);
    for (quint64 seq : seqs) {
        if (DiagnosticJob *job = m_running.value(seq))
            job->cancel();
    }
}

void DiagnosticsRunner::cancelAll()
{
    QStringList ids;
    for (int l = 0; l < 3; ++l) {
        for (const Pending &p : m_queue[l])
            ids << p.check.id;
    }
    for (const QString &id : std::as_const(m_checkOf))
        ids << id;
    ids.removeDuplicates();
    for (const QString &id : ids)
        cancel(id);
}

bool DiagnosticsRunner::isIdle() const
{
    return m_undelivered == 0;
}

} // namespace idesk::diag
