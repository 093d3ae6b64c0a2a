#pragma once

#include "core/profile.h"
#include "diagnosticjob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
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

// The environment every kubectl run gets: a few of the caller's variables and KUBECONFIG.
QProcessEnvironment kubectlEnvironment(const KubectlOptions &options);

// `kubectl logs deployment/NAME` for log analysis.
struct LogsRequest
{
    QString deployment;
    QString since;        // a duration ("1h", "15m"); empty: all the logs kubectl has
    bool allPods = false; // the pods the deployment's selector picks, each line prefixed
};

// Its argv, checked like a profile's checks: the name must be DNS-1123, the duration plain, and
// context, namespace and request timeout are explicit.
KubectlArgv kubectlLogsArgv(const LogsRequest &request, const KubectlOptions &options,
                            const QString &context, int timeoutSeconds);

// Runs `kubectl logs` with the runner's rules (argument list, no shell, stdin closed, explicit
// environment and context, watchdog) and hands the output over as it arrives: logs are analysed
// block by block, so they are neither capped nor kept.
class KubectlLogStream final : public QObject
{
    Q_OBJECT
public:
    KubectlLogStream(KubectlOptions options, LogsRequest request, int timeoutSeconds,
                     QObject *parent = nullptr);
    ~KubectlLogStream() override;
    void start();
    void cancel();
    QStringList argv() const { return m_argv; } // what ran, once it has started

Q_SIGNALS:
    void data(const QByteArray &chunk);
    void finished(const QString &error); // empty on success; emitted once

private:
    void runLogs(const QString &context);
    void startProcess(const QStringList &args);
    void stopProcess();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void done(const QString &error);

    KubectlOptions m_opt;
    LogsRequest m_request;
    int m_timeout;
    QPointer<QProcess> m_proc;
    QTimer m_watchdog, m_grace;
    QByteArray m_err, m_context, m_captured;
    QString m_error, m_selector;
    QStringList m_argv;
    bool m_resolving = false;
    bool m_readingSelector = false;
    bool m_finished = false;
};

} // namespace idesk::diag
