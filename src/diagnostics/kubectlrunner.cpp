#include "kubectlrunner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

namespace idesk::diag {

QString findKubectl()
{
    const QString env = qEnvironmentVariable("IDESK_KUBECTL");
    if (!env.isEmpty()) {
        const QFileInfo fi(env);
        if (fi.isAbsolute())
            return fi.isExecutable() ? fi.absoluteFilePath() : QString();
        return QStandardPaths::findExecutable(env);
    }
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

bool isDns1123Label(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return !s.isEmpty() && s.size() <= 63 && re.match(s).hasMatch();
}

bool isDns1123Subdomain(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return !s.isEmpty() && s.size() <= 253 && re.match(s).hasMatch();
}

namespace {

bool setsNamespace(const QStringList &args, QString *ns)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--")
            break;
        if (a == u"--all-namespaces" || a == u"-A") {
            *ns = QStringLiteral("*");
            return true;
        }
        if ((a == u"-n" || a == u"--namespace") && i + 1 < args.size()) {
            *ns = args[i + 1];
            return true;
        }
        if (a.startsWith(u"--namespace=")) {
            *ns = a.mid(12);
            return true;
        }
    }
    return false;
}

// A context name may be an ARN or contain ':' and '/', so DNS-1123 does not fit; it goes into
// argv as one --context=VALUE word, which is enough as long as it has no control characters.
bool isSafeContext(const QString &s)
{
    if (s.isEmpty() || s.size() > 253 || s.startsWith(QLatin1Char('-')))
        return false;
    for (QChar c : s) {
        if (c.unicode() < 0x21 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

QString firstLine(const QString &s)
{
    const QString t = s.trimmed();
    const auto nl = t.indexOf(QLatin1Char('\n'));
    return (nl < 0 ? t : t.left(nl)).left(300);
}

bool looksLikeConfigProblem(const QString &err)
{
    static const QStringList needles{
        QStringLiteral("error loading config file"),
        QStringLiteral("context was not found"),
        QStringLiteral("no configuration has been provided"),
        QStringLiteral("invalid configuration"),
        QStringLiteral("current-context is not set"),
        QStringLiteral("couldn't get version/kind; json parse error"),
    };
    for (const QString &n : needles) {
        if (err.contains(n, Qt::CaseInsensitive))
            return true;
    }
    static const QRegularExpression missingContext(
        QStringLiteral("context \"[^\"]*\" does not exist"));
    return missingContext.match(err).hasMatch();
}

} // namespace

KubectlArgv kubectlArgv(const DiagnosticCheck &check, const KubectlOptions &options,
                        const QString &context, int timeoutSeconds)
{
    KubectlArgv out;
    if (!isSafeContext(context)) {
        out.error = QStringLiteral("the kube context \"%1\" is not a usable context name")
                        .arg(stripControl(context));
        return out;
    }
    const QString deployment =
        check.deployment.isEmpty() ? QStringLiteral("backend") : check.deployment;
    const struct
    {
        const char16_t *name;
        QString value;
        bool subdomain;
    } values[] = {{u"${namespace}", options.ns, false},
                  {u"${monitoringNamespace}", options.monitoringNamespace, false},
                  {u"${deployment}", deployment, true}};
    QStringList args;
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{[^}]*\\}"));
    for (QString a : check.args) {
        a.replace(QStringLiteral("${context}"), context);
        for (const auto &v : values) {
            const QString name = QString::fromUtf16(v.name);
            if (!a.contains(name))
                continue;
            const bool ok = v.subdomain ? isDns1123Subdomain(v.value) : isDns1123Label(v.value);
            if (!ok) {
                out.error = QStringLiteral("%1 is \"%2\", which is not a valid Kubernetes name "
                                           "(DNS-1123); fix the profile's kube section")
                                .arg(name, stripControl(v.value));
                return out;
            }
            a.replace(name, v.value);
        }
        if (const auto m = placeholder.match(a); m.hasMatch()) {
            out.error = QStringLiteral("unknown placeholder %1 in the check's arguments")
                            .arg(m.captured(0));
            return out;
        }
        args << a;
    }
    if (check.kind == u"sql")
        args << QStringLiteral("-c") << check.query;

    QStringList head{QStringLiteral("--context=") + context};
    QString ns;
    if (!setsNamespace(args, &ns)) {
        if (!isDns1123Label(options.ns)) {
            out.error = QStringLiteral("the namespace \"%1\" is not a valid Kubernetes name "
                                       "(DNS-1123); set kube.namespace in the profile")
                            .arg(stripControl(options.ns));
            return out;
        }
        ns = options.ns;
        head << QStringLiteral("--namespace=") + ns;
    }
    head << QStringLiteral("--request-timeout=%1s").arg(timeoutSeconds);
    out.args = head + args;
    out.ns = ns;
    return out;
}

KubectlJob::KubectlJob(DiagnosticCheck check, KubectlOptions options, int timeoutSeconds,
                       QObject *parent)
    : DiagnosticJob(parent), m_check(std::move(check)), m_opt(std::move(options)),
      m_timeout(timeoutSeconds > 0 ? timeoutSeconds : m_check.timeoutSeconds)
{
    m_watchdog.setSingleShot(true);
    m_grace.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &KubectlJob::onWatchdog);
    connect(&m_grace, &QTimer::timeout, this, [this] {
        if (m_proc)
            m_proc->kill();
    });
    m_result.check = m_check.id;
    m_result.kind = m_check.kind;
}

KubectlJob::~KubectlJob()
{
    if (m_proc && m_proc->state() != QProcess::NotRunning) {
        m_proc->disconnect(this);
        m_proc->kill();
        m_proc->waitForFinished(1000);
    }
}

QProcessEnvironment kubectlEnvironment(const KubectlOptions &options)
{
    const QProcessEnvironment sys = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment env;
    // An explicit, small environment: kubectl needs HOME for its cache and default kubeconfig,
    // PATH for credential plugins, and nothing else of the caller's.
    for (const char *name : {"PATH", "HOME", "USER", "LANG", "TMPDIR", "KUBECACHEDIR",
                             "AWS_PROFILE", "AWS_CONFIG_FILE", "GOOGLE_APPLICATION_CREDENTIALS"}) {
        const QString n = QString::fromLatin1(name);
        if (sys.contains(n))
            env.insert(n, sys.value(n));
    }
    const QString kubeconfig =
        options.kubeconfig.isEmpty() ? sys.value(QStringLiteral("KUBECONFIG")) : options.kubeconfig;
    if (!kubeconfig.isEmpty())
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    return env;
}

QProcess *KubectlJob::newProcess()
{
    auto *p = new QProcess(this);
    const QProcessEnvironment env = kubectlEnvironment(m_opt);
    p->setProcessEnvironment(env);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setProcessChannelMode(QProcess::SeparateChannels);
    connect(p, &QProcess::readyReadStandardOutput, this, &KubectlJob::readOut);
    connect(p, &QProcess::readyReadStandardError, this, &KubectlJob::readErr);
    connect(p, &QProcess::finished, this, &KubectlJob::onFinished);
    connect(p, &QProcess::errorOccurred, this, &KubectlJob::onError);
    return p;
}

void KubectlJob::start()
{
    m_clock.start();
    m_result.ns = m_opt.ns;
    if (m_opt.program.isEmpty()) {
        m_result.status = RunStatus::Error;
        m_result.summary = QStringLiteral("kubectl was not found: install it (Debian: apt install "
                                          "kubernetes-client) or set IDESK_KUBECTL to its path");
        finish(m_result);
        return;
    }
    m_watchdog.start(m_timeout * 1000);
    if (m_opt.context.isEmpty())
        resolveContext();
    else
        runMain(m_opt.context);
}

void KubectlJob::resolveContext()
{
    m_resolving = true;
    m_proc = newProcess();
    m_result.argv =
        QStringList{m_opt.program, QStringLiteral("config"), QStringLiteral("current-context")};
    m_proc->start(m_opt.program, m_result.argv.mid(1));
}

void KubectlJob::runMain(const QString &context)
{
    m_resolving = false;
    m_result.context = context;
    const KubectlArgv a = kubectlArgv(m_check, m_opt, context, m_timeout);
    if (!a.error.isEmpty()) {
        m_result.status = RunStatus::Error;
        m_result.summary = a.error;
        finish(m_result);
        return;
    }
    m_result.ns = a.ns;
    m_result.argv = QStringList{m_opt.program} + a.args;
    m_out.clear();
    m_err.clear();
    m_proc = newProcess();
    m_proc->start(m_opt.program, a.args);
}

void KubectlJob::readOut()
{
    if (!m_proc)
        return;
    // Read everything that arrived so QProcess's own buffer stays small; keep only the cap.
    const QByteArray chunk = m_proc->readAllStandardOutput();
    const qint64 room = m_opt.outputCap - m_out.size();
    if (room >= chunk.size()) {
        m_out.append(chunk);
    } else {
        if (room > 0)
            m_out.append(chunk.left(room));
        m_truncated = true;
    }
}

void KubectlJob::readErr()
{
    if (!m_proc)
        return;
    const QByteArray chunk = m_proc->readAllStandardError();
    const qint64 room = m_opt.stderrCap - m_err.size();
    if (room > 0)
        m_err.append(chunk.left(room));
}

void KubectlJob::onWatchdog()
{
    if (!m_proc || m_proc->state() == QProcess::NotRunning)
        return;
    m_timedOut = true;
    m_proc->terminate();
    m_grace.start(m_opt.graceMs);
}

void KubectlJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_proc && m_proc->state() != QProcess::NotRunning) {
        m_proc->terminate();
        m_grace.start(m_opt.graceMs);
        return;
    }
    m_result.status = RunStatus::Cancelled;
    m_result.summary = QStringLiteral("cancelled before it ran");
    finish(m_result);
}

void KubectlJob::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_done)
        return;
    m_result.status = RunStatus::Error;
    m_result.summary = QStringLiteral("kubectl could not be started (%1): check that %2 is an "
                                      "executable kubectl, or set IDESK_KUBECTL")
                           .arg(m_proc ? m_proc->errorString() : QString(), m_opt.program);
    finish(m_result);
}

void KubectlJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_done)
        return;
    readOut();
    readErr();
    const QString err = stripControl(QString::fromUtf8(m_err));
    if (m_proc) {
        m_proc->deleteLater();
        m_proc = nullptr;
    }
    if (m_resolving && !m_timedOut && !m_cancelled) {
        const QString ctx = QString::fromUtf8(m_out).trimmed();
        if (status != QProcess::NormalExit || exitCode != 0 || ctx.isEmpty()) {
            m_result.status = RunStatus::Error;
            m_result.exitCode = exitCode;
            m_result.output = err;
            m_result.summary =
                QStringLiteral("kubectl found no current context in the kubeconfig (%1): check "
                               "KUBECONFIG or ~/.kube/config, or set kube.context in the profile")
                    .arg(firstLine(err));
            finish(m_result);
            return;
        }
        runMain(ctx);
        return;
    }
    DiagnosticResult &r = m_result;
    r.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    QString out = stripControl(QString::fromUtf8(m_out));
    if (!m_check.filter.isEmpty()) {
        const QRegularExpression re(m_check.filter);
        QStringList kept;
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            if (re.match(line).hasMatch())
                kept << line;
        }
        out = kept.join(QLatin1Char('\n'));
    }
    r.output = out;
    if (!err.isEmpty())
        r.output +=
            (r.output.isEmpty() || r.output.endsWith(QLatin1Char('\n')) ? QString()
                                                                        : QStringLiteral("\n")) +
            err;
    r.truncated = m_truncated;
    if (m_cancelled) {
        r.status = RunStatus::Cancelled;
        r.summary = QStringLiteral("cancelled");
    } else if (m_timedOut) {
        r.status = RunStatus::Timeout;
        r.summary = QStringLiteral("no answer within %1 s; kubectl was stopped").arg(m_timeout);
    } else if (status != QProcess::NormalExit) {
        r.status = RunStatus::Error;
        r.summary = QStringLiteral("kubectl crashed: %1").arg(firstLine(err));
    } else if (looksLikeConfigProblem(err)) {
        r.status = RunStatus::Error;
        r.summary = QStringLiteral("kubectl cannot use the kubeconfig (%1): check KUBECONFIG or "
                                   "~/.kube/config and the profile's kube.context")
                        .arg(firstLine(err));
    } else {
        evaluate(r, exitCode, out);
    }
    finish(r);
}

void KubectlJob::evaluate(DiagnosticResult &r, int exitCode, const QString &stdoutText)
{
    QStringList lines;
    for (const QString &l : stdoutText.split(QLatin1Char('\n'))) {
        if (!l.trimmed().isEmpty())
            lines << l;
    }
    if (exitCode != m_check.expect.exitCode) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("exit code %1 (expected %2): %3")
                        .arg(exitCode)
                        .arg(m_check.expect.exitCode)
                        .arg(firstLine(stripControl(QString::fromUtf8(m_err))));
        return;
    }
    qsizetype count = lines.size();
    QString unit = QStringLiteral("lines");
    if (m_check.kind == u"sql") {
        // psql -A prints a header line and a "(N rows)" footer around the rows.
        static const QRegularExpression footer(QStringLiteral("^\\((\\d+) rows?\\)$"));
        count = 0;
        for (const QString &l : lines) {
            if (const auto m = footer.match(l.trimmed()); m.hasMatch())
                count = m.captured(1).toLongLong();
        }
        unit = QStringLiteral("rows");
    }
    if (m_check.expect.threshold >= 0 && static_cast<double>(count) > m_check.expect.threshold) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("%1 %2 (at most %3 expected)")
                        .arg(count)
                        .arg(unit)
                        .arg(m_check.expect.threshold);
        return;
    }
    r.status = RunStatus::Pass;
    r.summary = QStringLiteral("%1 %2%3").arg(count).arg(
        unit, m_truncated ? QStringLiteral(", truncated") : QString());
}

void KubectlJob::finish(DiagnosticResult r)
{
    if (m_done)
        return;
    m_done = true;
    m_watchdog.stop();
    m_grace.stop();
    r.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(r);
}

} // namespace idesk::diag

namespace idesk::diag {

KubectlArgv kubectlLogsArgv(const LogsRequest &request, const KubectlOptions &options,
                            const QString &context, int timeoutSeconds)
{
    static const QRegularExpression duration(QStringLiteral("^([0-9]{1,6}[hms]){1,3}$"));
    if (!request.since.isEmpty() && !duration.match(request.since).hasMatch()) {
        KubectlArgv out;
        out.error = QStringLiteral("--since takes a duration such as 30s, 15m or 1h, not \"%1\"")
                        .arg(stripControl(request.since));
        return out;
    }
    // Through the same expansion as a profile's checks: the deployment name is validated as a
    // DNS-1123 name before it reaches argv, and context, namespace and timeout come first.
    DiagnosticCheck check;
    check.kind = QStringLiteral("logs");
    check.deployment = request.deployment;
    check.args = {QStringLiteral("logs"), QStringLiteral("deployment/${deployment}")};
    if (request.deployment.isEmpty())
        check.deployment = QStringLiteral("-"); // not a name: refused below
    if (!request.since.isEmpty())
        check.args << QStringLiteral("--since=") + request.since;
    return kubectlArgv(check, options, context, timeoutSeconds);
}

namespace {

// A deployment's matchLabels (`{"app":"backend"}`) as a label selector; empty when a label is
// not of the plain form Kubernetes allows.
QString selectorOf(const QByteArray &matchLabels)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9._/-]{0,250})?$"));
    const QJsonObject o = QJsonDocument::fromJson(matchLabels).object();
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString value = it.value().toString();
        if (!plain.match(it.key()).hasMatch() || !plain.match(value).hasMatch())
            return {};
        parts << it.key() + QLatin1Char('=') + value;
    }
    return parts.join(QLatin1Char(','));
}

} // namespace

KubectlLogStream::KubectlLogStream(KubectlOptions options, LogsRequest request, int timeoutSeconds,
                                   QObject *parent)
    : QObject(parent), m_opt(std::move(options)), m_request(std::move(request)),
      m_timeout(timeoutSeconds)
{
    m_watchdog.setSingleShot(true);
    m_grace.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        m_error = QStringLiteral("kubectl logs did not finish within %1 s").arg(m_timeout);
        stopProcess();
    });
    connect(&m_grace, &QTimer::timeout, this, [this] {
        if (m_proc)
            m_proc->kill();
    });
}

KubectlLogStream::~KubectlLogStream()
{
    if (m_proc && m_proc->state() != QProcess::NotRunning) {
        m_proc->disconnect(this);
        m_proc->kill();
        m_proc->waitForFinished(1000);
    }
}

void KubectlLogStream::start()
{
    if (m_opt.program.isEmpty()) {
        done(QStringLiteral("kubectl was not found (set IDESK_KUBECTL or put it on PATH)"));
        return;
    }
    // The whole run, context lookup included, is bounded: a grace period past kubectl's own
    // request timeout.
    m_watchdog.start((m_timeout + 5) * 1000);
    if (m_opt.context.isEmpty()) {
        // Explicit even then: the kubeconfig's current context, read once and passed along.
        m_resolving = true;
        startProcess({QStringLiteral("config"), QStringLiteral("current-context")});
        return;
    }
    runLogs(m_opt.context);
}

void KubectlLogStream::cancel()
{
    // After the end there is no process to stop, and done() reports only once.
    m_error = QStringLiteral("cancelled");
    stopProcess();
}

void KubectlLogStream::runLogs(const QString &context)
{
    m_resolving = false;
    m_context = context.toUtf8();
    KubectlArgv a = kubectlLogsArgv(m_request, m_opt, context, m_timeout);
    if (!a.error.isEmpty()) {
        done(a.error);
        return;
    }
    if (m_request.allPods && m_selector.isEmpty()) {
        // Every pod: kubectl's own --all-pods is missing before 1.30, so read the deployment's
        // selector first and ask for the logs of the pods it selects.
        m_readingSelector = true;
        QStringList args = a.args;
        const qsizetype at = args.indexOf(QStringLiteral("logs"));
        args.erase(args.begin() + at, args.end());
        args << QStringLiteral("get") << QStringLiteral("deployment/") + m_request.deployment
             << QStringLiteral("-o") << QStringLiteral("jsonpath={.spec.selector.matchLabels}");
        startProcess(args);
        return;
    }
    if (m_request.allPods) {
        const qsizetype at = a.args.indexOf(QStringLiteral("deployment/") + m_request.deployment);
        a.args.replace(at, QStringLiteral("--selector=") + m_selector);
        a.args << QStringLiteral("--prefix=true") << QStringLiteral("--max-log-requests=50");
    }
    m_argv = QStringList{m_opt.program} + a.args;
    startProcess(a.args);
}

void KubectlLogStream::startProcess(const QStringList &args)
{
    m_err.clear();
    m_proc = new QProcess(this);
    m_proc->setProcessEnvironment(kubectlEnvironment(m_opt));
    m_proc->setStandardInputFile(QProcess::nullDevice());
    m_proc->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_proc, &QProcess::readyReadStandardOutput, this, [this] {
        if (!m_proc)
            return;
        const QByteArray chunk = m_proc->readAllStandardOutput();
        if (m_resolving || m_readingSelector)
            m_captured += chunk.left(4096);
        else if (!chunk.isEmpty())
            Q_EMIT data(chunk);
    });
    connect(m_proc, &QProcess::readyReadStandardError, this, [this] {
        if (!m_proc)
            return;
        const QByteArray chunk = m_proc->readAllStandardError();
        m_err.append(chunk.left(m_opt.stderrCap - m_err.size()));
    });
    connect(m_proc, &QProcess::finished, this, &KubectlLogStream::onFinished);
    connect(m_proc, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            done(QStringLiteral("kubectl could not be started: %1").arg(m_proc->errorString()));
    });
    m_proc->start(m_opt.program, args);
}

void KubectlLogStream::stopProcess()
{
    if (m_proc && m_proc->state() != QProcess::NotRunning) {
        m_proc->terminate();
        m_grace.start(m_opt.graceMs);
    } else {
        done(m_error);
    }
}

void KubectlLogStream::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_proc || m_finished)
        return;
    const QByteArray rest = m_proc->readAllStandardOutput();
    const bool internal = m_resolving || m_readingSelector;
    if (!internal && !rest.isEmpty())
        Q_EMIT data(rest);
    m_proc->deleteLater();
    m_proc = nullptr;
    if (!m_error.isEmpty()) {
        done(m_error);
        return;
    }
    const QString err = stripControl(QString::fromUtf8(m_err)).trimmed();
    if (status != QProcess::NormalExit || exitCode != 0) {
        done(err.isEmpty() ? QStringLiteral("kubectl exited with code %1").arg(exitCode) : err);
        return;
    }
    if (m_resolving) {
        const QByteArray context = (m_captured + rest.left(4096)).trimmed();
        m_captured.clear();
        runLogs(QString::fromUtf8(context));
        return;
    }
    if (m_readingSelector) {
        m_readingSelector = false;
        m_selector = selectorOf((m_captured + rest.left(4096)).trimmed());
        m_captured.clear();
        if (m_selector.isEmpty()) {
            done(QStringLiteral("deployment/%1 has no plain label selector")
                     .arg(m_request.deployment));
            return;
        }
        runLogs(QString::fromUtf8(m_context));
        return;
    }
    done({});
}

void KubectlLogStream::done(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_watchdog.stop();
    m_grace.stop();
    Q_EMIT finished(error);
}

} // namespace idesk::diag
