#pragma once

#include "core/profile.h"
#include "diagnosticjob.h"

#include <QDnsLookup>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QTimer>

namespace idesk::diag {

// A, AAAA and CNAME lookups of one host at once, with their time. QDnsLookup has no timeout
// of its own, so a deadline aborts whatever has not answered.
class DnsJob final : public DiagnosticJob
{
    Q_OBJECT
public:
    DnsJob(DiagnosticCheck check, int timeoutSeconds, QObject *parent = nullptr);
    // Tests point the lookups at a server they own.
    void setNameserver(const QHostAddress &server) { m_server = server; }
    void start() override;
    void cancel() override;

private:
    void onLookupFinished();
    void finish();

    DiagnosticCheck m_check;
    int m_timeout;
    QHostAddress m_server;
    std::vector<QPointer<QDnsLookup>> m_lookups;
    QStringList m_lines;
    QStringList m_errors;
    int m_pending = 0;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_done = false;
    DiagnosticResult m_result;
};

} // namespace idesk::diag
