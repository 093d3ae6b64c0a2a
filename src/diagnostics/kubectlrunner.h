#pragma once

#include "core/profile.h"
#include "diagnosticjob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace idesk::diag {

struct KubectlOptions
{
    QString program;    // absolute path to kubectl; empty when none was found
    QString kubeconfig; // passed as KUBECONFIG; empty: the caller's KUBECONFIG, if any
    QString context;    // the profile's; empty: the kubeconfig's current context
    QString ns;
    QString monitoringNamespace;
    qint64 outputCap = 4 * 1024 * 1024;
    qint64 stderrCap = 64 * 1024;
    int graceMs = 2000; // between terminate and kill
};

// IDESK_KUBECTL if set, else kubectl on PATH, as an absolute path; empty when there is none.
QString findKubectl();

bool isDns1123Label(const QString &s);
bool isDns1123Subdomain(const QString &s);

struct KubectlArgv
{
    QStringList args; // without the program
    QString ns;       // the namespace the command runs in ("*" for all namespaces)
    QString error;    // why the check cannot be expanded; args is empty then
};

// The exact argv for a kubectl/sql/logs check: explicit context, namespace and request
// timeout first, then the check's arguments with placeholders filled in and validated.
KubectlArgv kubectlArgv(const DiagnosticCheck &check, const KubectlOptions &options,
                        const QString &context, int timeoutSeconds);

// Runs one kubectl-based check: QProcess with an argument list (never a shell), stdin closed,
// an explicit environment, output read as it comes and capped, and a watchdog.
class KubectlJob final : public DiagnosticJob
{
    Q_OBJECT
public:
    KubectlJob(DiagnosticCheck check, KubectlOptions options, int timeoutSeconds,
               QObject *parent = nullptr);
    ~KubectlJob() override;
    void start() override;
    void cancel() override;

private:
    void runMain(const QString &context);
    void resolveContext();
    QProcess *newProcess();
    void readOut();
    void readErr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void onWatchdog();
    void finish(DiagnosticResult r);
    void evaluate(DiagnosticResult &r, int exitCode, const QString &stdoutText);

    DiagnosticCheck m_check;
    KubectlOptions m_opt;
    int m_timeout;
    QPointer<QProcess> m_proc;
    QTimer m_watchdog;
    QTimer m_grace;
    QElapsedTimer m_clock;
    QByteArray m_out, m_err;
    bool m_truncated = false;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_resolving = false;
    bool m_done = false;
    DiagnosticResult m_result;
};

} // namespace idesk::diag
