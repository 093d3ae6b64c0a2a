#include "dnsprobe.h"

namespace idesk::diag {

DnsJob::DnsJob(DiagnosticCheck check, int timeoutSeconds, QObject *parent)
    : DiagnosticJob(parent), m_check(std::move(check)),
      m_timeout(timeoutSeconds > 0 ? timeoutSeconds : m_check.timeoutSeconds)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        finish();
    });
    m_result.check = m_check.id;
    m_result.kind = m_check.kind;
    m_result.host = m_check.host;
}

void DnsJob::start()
{
    m_clock.start();
    for (auto type : {QDnsLookup::A, QDnsLookup::AAAA, QDnsLookup::CNAME}) {
        auto *l = new QDnsLookup(type, m_check.host, this);
        if (!m_server.isNull())
            l->setNameserver(m_server);
        connect(l, &QDnsLookup::finished, this, &DnsJob::onLookupFinished);
        m_lookups.emplace_back(l);
        ++m_pending;
    }
    m_deadline.start(m_timeout * 1000);
    for (auto &l : m_lookups)
        l->lookup();
}

void DnsJob::cancel()
{
    m_cancelled = true;
    finish();
}

void DnsJob::onLookupFinished()
{
    auto *l = qobject_cast<QDnsLookup *>(sender());
    if (!l || m_done)
        return;
    --m_pending;
    if (l->error() != QDnsLookup::NoError && l->error() != QDnsLookup::NotFoundError) {
        m_errors << l->errorString();
    } else {
        for (const QDnsHostAddressRecord &a : l->hostAddressRecords())
            m_lines << QStringLiteral("%1 %2").arg(
                a.value().protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("AAAA")
                                                                      : QStringLiteral("A"),
                a.value().toString());
        for (const QDnsDomainNameRecord &c : l->canonicalNameRecords())
            m_lines << QStringLiteral("CNAME %1").arg(c.value());
    }
    if (m_pending == 0)
        finish();
}

void DnsJob::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    for (auto &l : m_lookups) {
        if (l) {
            l->disconnect(this);
            l->abort();
        }
    }
    DiagnosticResult &r = m_result;
    r.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_lines.removeDuplicates();
    r.output = stripControl(m_lines.join(QLatin1Char('\n')));
    const bool hasAddress = std::any_of(m_lines.begin(), m_lines.end(), [](const QString &s) {
        return s.startsWith(QStringLiteral("A"));
    });
    if (m_cancelled) {
        r.status = RunStatus::Cancelled;
        r.summary = QStringLiteral("cancelled");
    } else if (m_timedOut) {
        r.status = RunStatus::Timeout;
        r.summary = QStringLiteral("no DNS answer within %1 s").arg(m_timeout);
    } else if (hasAddress) {
        r.status = RunStatus::Pass;
        r.summary = QStringLiteral("%1 records in %2 ms").arg(m_lines.size()).arg(r.durationMs);
    } else {
        r.status = RunStatus::Fail;
        r.summary = m_errors.isEmpty() ? QStringLiteral("no address for %1").arg(m_check.host)
                                       : m_errors.join(QStringLiteral("; "));
    }
    Q_EMIT finished(r);
}

} // namespace idesk::diag
