#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/httpprobe.h"
#include "diagnostics/kubectlrunner.h"
#include "fakehttpserver.h"
#include "runhelper.h"
#include "testsupport.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace idesk;
using namespace idesk::diag;
using namespace idesk::test;

namespace {

DiagnosticCheck kubectlCheck(const QStringList &args)
{
    DiagnosticCheck c;
    c.id = QStringLiteral("k");
    c.group = QStringLiteral("System");
    c.title = QStringLiteral("k");
    c.kind = QStringLiteral("kubectl");
    c.args = args;
    c.timeoutSeconds = 20;
    return c;
}

DiagnosticCheck httpCheck(const QString &url)
{
    DiagnosticCheck c;
    c.id = QStringLiteral("h");
    c.group = QStringLiteral("Application");
    c.title = QStringLiteral("h");
    c.kind = QStringLiteral("http");
    c.url = url;
    c.timeoutSeconds = 10;
    return c;
}

KubectlOptions plainOptions()
{
    KubectlOptions o;
    o.context = QStringLiteral("ctx");
    o.ns = QStringLiteral("shop");
    o.monitoringNamespace = QStringLiteral("monitoring");
    return o;
}

} // namespace

// The branches of the diagnostics layer the feature tests do not reach: each expectation kind,
// each way a check cannot be expanded, each moment a check can be cancelled.
class TestDiagPaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void statusNames();
    void stripControlSequences();
    void findKubectlFromEnvironment();
    void argvNamespaceForms();
    void argvRefusals();
    void currentContextResolvedThroughKubectl();
    void currentContextMissing();
    void programThatCannotStart();
    void expectedExitCodeAndConfigProblem();
    void psqlRowsThroughKubectl();
    void kubectlCancelledBeforeStart();
    void jsonPathsAndValues();
    void httpExpectations();
    void httpNotAnHttpUrl();
    void httpCancelled();
    void runnerCancelsQueuedChecks();
    void runnerDestroyedWhileRunning();
    void refusalNamesTheTarget();
    void changingCheckNotMarkedDestructiveIsRefused();
};

void TestDiagPaths::statusNames()
{
    const QList<std::pair<RunStatus, QString>> names{
        {RunStatus::Pass, QStringLiteral("pass")},
        {RunStatus::Fail, QStringLiteral("fail")},
        {RunStatus::Timeout, QStringLiteral("timeout")},
        {RunStatus::Error, QStringLiteral("error")},
        {RunStatus::Refused, QStringLiteral("refused")},
        {RunStatus::Cancelled, QStringLiteral("cancelled")},
    };
    for (const auto &[status, name] : names)
        QCOMPARE(runStatusToString(status), name);
    QCOMPARE(runStatusToString(static_cast<RunStatus>(99)), QStringLiteral("error"));
}

void TestDiagPaths::stripControlSequences()
{
    // OSC ended by ESC \, a two-byte escape, C1 controls, DEL, bidi isolates.
    QCOMPARE(stripControl(QStringLiteral("a\x1b]8;;http://x\x1b\\link\x1b(Bb")),
             QStringLiteral("alinkb"));
    QCOMPARE(stripControl(QStringLiteral("x\u0085y\u007fz\u2066w\u2069")), QStringLiteral("xyzw"));
    QCOMPARE(stripControl(QStringLiteral("tail\x1b[")), QStringLiteral("tail"));
    QCOMPARE(stripControl(QStringLiteral("open\x1b]never ends")), QStringLiteral("open"));
}

void TestDiagPaths::findKubectlFromEnvironment()
{
    QTemporaryDir dir;
    const QString stub = writeStub(dir.path(), "true");
    qputenv("IDESK_KUBECTL", stub.toUtf8());
    QCOMPARE(findKubectl(), stub);
    QFile::setPermissions(stub, QFile::ReadOwner);
    QCOMPARE(findKubectl(), QString());
    // A bare name is looked up on PATH.
    qputenv("IDESK_KUBECTL", "sh");
    QVERIFY(findKubectl().endsWith(u"/sh"));
    qunsetenv("IDESK_KUBECTL");
}

void TestDiagPaths::argvNamespaceForms()
{
    const KubectlOptions o = plainOptions();
    KubectlArgv a = kubectlArgv(kubectlCheck({QStringLiteral("get"), QStringLiteral("pods"),
                                              QStringLiteral("-n"), QStringLiteral("kube-system")}),
                                o, QStringLiteral("ctx"), 7);
    QCOMPARE(a.ns, QStringLiteral("kube-system"));
    QCOMPARE(a.args.first(), QStringLiteral("--context=ctx"));
    QCOMPARE(a.args.at(1), QStringLiteral("--request-timeout=7s"));
    a = kubectlArgv(kubectlCheck({QStringLiteral("get"), QStringLiteral("pods"),
                                  QStringLiteral("--namespace=${monitoringNamespace}")}),
                    o, QStringLiteral("ctx"), 7);
    QCOMPARE(a.ns, QStringLiteral("monitoring"));
    QVERIFY(a.args.contains(QStringLiteral("--namespace=monitoring")));
    a = kubectlArgv(
        kubectlCheck({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")}), o,
        QStringLiteral("ctx"), 7);
    QCOMPARE(a.ns, QStringLiteral("*"));
    // After "--" the words belong to the command in the pod, not to kubectl.
    a = kubectlArgv(
        kubectlCheck({QStringLiteral("exec"), QStringLiteral("deployment/${deployment}"),
                      QStringLiteral("--"), QStringLiteral("env"), QStringLiteral("-n"),
                      QStringLiteral("x")}),
        o, QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod"), 7);
    QCOMPARE(a.ns, QStringLiteral("shop"));
    QVERIFY(a.args.contains(QStringLiteral("deployment/backend")));
    QCOMPARE(a.args.first(), QStringLiteral("--context=arn:aws:eks:eu-west-1:1:cluster/prod"));
    QVERIFY(isDns1123Subdomain(QStringLiteral("api.example")));
    QVERIFY(!isDns1123Label(QStringLiteral("api.example")));
}

void TestDiagPaths::argvRefusals()
{
    KubectlOptions o = plainOptions();
    const DiagnosticCheck get = kubectlCheck({QStringLiteral("get"), QStringLiteral("pods")});
    for (const QString &context :
         {QStringLiteral("-bad"), QStringLiteral("a b"), QString(), QStringLiteral("tab\there")}) {
        const KubectlArgv a = kubectlArgv(get, o, context, 5);
        QVERIFY2(a.error.contains(u"not a usable context name"), qPrintable(a.error));
        QVERIFY(a.args.isEmpty());
    }
    KubectlArgv a = kubectlArgv(kubectlCheck({QStringLiteral("get"), QStringLiteral("${pod}")}), o,
                                QStringLiteral("ctx"), 5);
    QCOMPARE(a.error, QStringLiteral("unknown placeholder ${pod} in the check's arguments"));
    o.ns = QStringLiteral("Not_A_Name");
    a = kubectlArgv(get, o, QStringLiteral("ctx"), 5);
    QVERIFY2(a.error.contains(u"set kube.namespace in the profile"), qPrintable(a.error));
    // A placeholder that expands to a bad name is refused by its own message.
    a = kubectlArgv(kubectlCheck({QStringLiteral("get"), QStringLiteral("pods"),
                                  QStringLiteral("--namespace"), QStringLiteral("${namespace}")}),
                    o, QStringLiteral("ctx"), 5);
    QVERIFY2(a.error.startsWith(u"${namespace} is \"Not_A_Name\""), qPrintable(a.error));
}

void TestDiagPaths::currentContextResolvedThroughKubectl()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.context.clear();
    o.kubectl.program = writeStub(dir.path(), "if [ \"$1\" = config ]; then echo from-kubeconfig; "
                                              "else echo ran; fi");
    const auto results =
        runChecks(o, {kubectlCheck({QStringLiteral("get"), QStringLiteral("nodes")})});
    QCOMPARE(results.value(0).status, RunStatus::Pass);
    QCOMPARE(results.value(0).context, QStringLiteral("from-kubeconfig"));
    QCOMPARE(recordedArgv(dir.path()).first(), QStringLiteral("--context=from-kubeconfig"));
}

void TestDiagPaths::currentContextMissing()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.context.clear();
    o.kubectl.program =
        writeStub(dir.path(), "echo 'error: current-context is not set' >&2; exit 1");
    const auto results =
        runChecks(o, {kubectlCheck({QStringLiteral("get"), QStringLiteral("nodes")})});
    QCOMPARE(results.value(0).status, RunStatus::Error);
    QCOMPARE(results.value(0).exitCode, 1);
    QVERIFY2(results.value(0).summary.contains(u"set kube.context in the profile"),
             qPrintable(results.value(0).summary));
    QVERIFY(results.value(0).summary.contains(u"current-context is not set"));
}

void TestDiagPaths::programThatCannotStart()
{
    QTemporaryDir dir;
    const QString notExecutable = dir.path() + QStringLiteral("/kubectl");
    QFile f(notExecutable);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a program");
    f.close();
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.program = notExecutable;
    const auto results =
        runChecks(o, {kubectlCheck({QStringLiteral("get"), QStringLiteral("nodes")})});
    QCOMPARE(results.value(0).status, RunStatus::Error);
    QVERIFY2(results.value(0).summary.startsWith(u"kubectl could not be started"),
             qPrintable(results.value(0).summary));
}

void TestDiagPaths::expectedExitCodeAndConfigProblem()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.program = writeStub(dir.path(), "echo 'no such pod' >&2; exit 1");
    DiagnosticCheck c = kubectlCheck({QStringLiteral("get"), QStringLiteral("pod/x")});
    auto results = runChecks(o, {c});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QCOMPARE(results.value(0).summary, QStringLiteral("exit code 1 (expected 0): no such pod"));
    // A check that expects kubectl to fail (nothing found) passes when it does.
    c.expect.exitCode = 1;
    results = runChecks(o, {c});
    QCOMPARE(results.value(0).status, RunStatus::Pass);

    o.kubectl.program =
        writeStub(dir.path(), "echo 'error: context \"gone\" does not exist' >&2; exit 1");
    results = runChecks(o, {c});
    QCOMPARE(results.value(0).status, RunStatus::Error);
    QVERIFY2(results.value(0).summary.startsWith(u"kubectl cannot use the kubeconfig"),
             qPrintable(results.value(0).summary));
}

void TestDiagPaths::psqlRowsThroughKubectl()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.program =
        writeStub(dir.path(), "printf 'pid|state\\n1|active\\n2|active\\n(2 rows)\\n'");
    DiagnosticCheck c = *defaultProfile().diagnostic(QStringLiteral("db-active-queries"));
    auto results = runChecks(o, {c});
    QCOMPARE(results.value(0).status, RunStatus::Pass);
    QCOMPARE(results.value(0).summary, QStringLiteral("2 rows"));
    c.expect.threshold = 1;
    results = runChecks(o, {c});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QCOMPARE(results.value(0).summary, QStringLiteral("2 rows (at most 1 expected)"));
}

void TestDiagPaths::kubectlCancelledBeforeStart()
{
    KubectlJob job(kubectlCheck({QStringLiteral("get"), QStringLiteral("nodes")}), plainOptions(),
                   0);
    QSignalSpy done(&job, &DiagnosticJob::finished);
    job.cancel();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().first().value<DiagnosticResult>().status, RunStatus::Cancelled);
    job.cancel();
    QCOMPARE(done.size(), 1);
}

void TestDiagPaths::jsonPathsAndValues()
{
    QJsonValue v;
    const QByteArray doc = R"([{"a":[1,2]},true])";
    QVERIFY(jsonPathValue(doc, QStringLiteral("$[0].a[1]"), &v));
    QCOMPARE(v.toInt(), 2);
    QVERIFY(!jsonPathValue(doc, QStringLiteral("$[2]"), &v));
    QVERIFY(!jsonPathValue(doc, QStringLiteral("$[x]"), &v));
    QVERIFY(!jsonPathValue(doc, QStringLiteral("$.a"), &v));
    QVERIFY(!jsonPathValue(doc, QStringLiteral("$x"), &v));
    QVERIFY(!jsonPathValue(doc, QStringLiteral("a"), &v));
    QVERIFY(!jsonPathValue("not json", QStringLiteral("$"), &v));
    QVERIFY(jsonPathValue(doc, QStringLiteral("$"), &v));
    QVERIFY(v.isArray());
    // Brackets inside strings, escaped quotes included, are not nesting.
    QCOMPARE(jsonDepth("{\"a\":\"x\\\"[[[\",\"b\":[1]}", 64), 2);
    quint64 q = 0;
    QVERIFY(!decodeHexQuantity(QStringLiteral("0xzz"), &q));
    QVERIFY(!decodeHexQuantity(QStringLiteral("0x10000000000000000"), &q));
}

void TestDiagPaths::httpExpectations()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &r, QTcpSocket *s) {
        if (r.path == "/created")
            FakeHttpServer::reply(s, 201, "application/json", "{}");
        else
            FakeHttpServer::reply(s, 200, "application/json",
                                  R"({"ok":true,"none":null,"ratio":0.25,"n":12,"list":[1],)"
                                  R"("obj":{"k":"v"},"hex":"0x10","text":"many"})");
    });
    struct Case
    {
        QString path, value;
        double threshold;
        RunStatus status;
        QString summary;
    };
    const QList<Case> cases{
        {QStringLiteral("$.ok"), QStringLiteral("true"), -1, RunStatus::Pass,
         QStringLiteral("$.ok = true")},
        {QStringLiteral("$.none"), QStringLiteral("null"), -1, RunStatus::Pass,
         QStringLiteral("$.none = null")},
        {QStringLiteral("$.ratio"), QString(), 0.5, RunStatus::Pass,
         QStringLiteral("$.ratio = 0.25")},
        {QStringLiteral("$.n"), QString(), 10, RunStatus::Fail,
         QStringLiteral("$.n is 12 (at most 10 expected)")},
        {QStringLiteral("$.list"), QStringLiteral("[1]"), -1, RunStatus::Pass,
         QStringLiteral("$.list = [1]")},
        {QStringLiteral("$.obj"), QStringLiteral("{\"k\":\"v\"}"), -1, RunStatus::Pass,
         QStringLiteral("$.obj = {\"k\":\"v\"}")},
        // A hex quantity compares as the number it stands for, or as written.
        {QStringLiteral("$.hex"), QStringLiteral("0x10"), 16, RunStatus::Pass,
         QStringLiteral("$.hex = 16")},
        {QStringLiteral("$.text"), QString(), 5, RunStatus::Fail,
         QStringLiteral("$.text is many (at most 5 expected)")},
        {QStringLiteral("$.missing"), QString(), -1, RunStatus::Fail,
         QStringLiteral("HTTP 200 but $.missing is missing or the body is not JSON")},
    };
    for (const Case &k : cases) {
        DiagnosticCheck c = httpCheck(server.url(QStringLiteral("/")));
        c.expect.jsonPath = k.path;
        c.expect.value = k.value;
        c.expect.threshold = k.threshold;
        const DiagnosticResult r = runChecks({}, {c}).value(0);
        QVERIFY2(r.status == k.status && r.summary == k.summary,
                 qPrintable(k.path + QStringLiteral(": ") + r.summary));
    }
    // A JSON-RPC check looks at $.result unless told otherwise.
    DiagnosticCheck rpc = httpCheck(server.url(QStringLiteral("/")));
    rpc.kind = QStringLiteral("jsonrpc");
    rpc.method = QStringLiteral("eth_blockNumber");
    QCOMPARE(runChecks({}, {rpc}).value(0).summary,
             QStringLiteral("HTTP 200 but $.result is missing or the body is not JSON"));
    // An explicit status, and a verb of the check's choosing.
    DiagnosticCheck c = httpCheck(server.url(QStringLiteral("/created")));
    c.method = QStringLiteral("HEAD");
    c.expect.status = 200;
    DiagnosticResult r = runChecks({}, {c}).value(0);
    QCOMPARE(r.status, RunStatus::Fail);
    QCOMPARE(r.summary, QStringLiteral("HTTP 201 (expected 200)"));
    QCOMPARE(server.requests().last().method, QByteArray("HEAD"));
    c.expect.status = 201;
    r = runChecks({}, {c}).value(0);
    QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(r.summary, QStringLiteral("HTTP 201"));
}

void TestDiagPaths::httpNotAnHttpUrl()
{
    for (const QString &url :
         {QStringLiteral("ftp://example.test/"), QStringLiteral("::not a url")}) {
        const DiagnosticResult r = runChecks({}, {httpCheck(url)}).value(0);
        QCOMPARE(r.status, RunStatus::Error);
        QCOMPARE(r.summary, QStringLiteral("not an http(s) URL"));
    }
}

void TestDiagPaths::httpCancelled()
{
    QNetworkAccessManager nam;
    HttpJob before(httpCheck(QStringLiteral("http://127.0.0.1:9/")), &nam, 0);
    QSignalSpy beforeDone(&before, &DiagnosticJob::finished);
    before.cancel();
    QCOMPARE(beforeDone.size(), 1);
    QCOMPARE(beforeDone.first().first().value<DiagnosticResult>().status, RunStatus::Cancelled);
    before.cancel();
    QCOMPARE(beforeDone.size(), 1);

    FakeHttpServer silent;
    QVERIFY(silent.start());
    silent.answerNothing();
    auto *during = new HttpJob(httpCheck(silent.url(QStringLiteral("/"))), &nam, 0);
    QSignalSpy duringDone(during, &DiagnosticJob::finished);
    during->start();
    QTRY_COMPARE(silent.requests().size(), 1);
    during->cancel();
    QTRY_COMPARE(duringDone.size(), 1);
    QCOMPARE(duringDone.first().first().value<DiagnosticResult>().status, RunStatus::Cancelled);
    delete during;

    // Destroyed while waiting for an answer: the reply goes with it.
    auto *dropped = new HttpJob(httpCheck(silent.url(QStringLiteral("/"))), &nam, 0);
    dropped->start();
    QTRY_COMPARE(silent.requests().size(), 2);
    delete dropped;
}

void TestDiagPaths::runnerCancelsQueuedChecks()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.program = writeStub(dir.path(), "sleep 30");
    o.kubectlCap = 1;
    DiagnosticCheck first = kubectlCheck({QStringLiteral("get"), QStringLiteral("nodes")});
    first.id = QStringLiteral("first");
    DiagnosticCheck second = first;
    second.id = QStringLiteral("second");
    DiagnosticCheck third = first;
    third.id = QStringLiteral("third");
    DiagnosticsRunner runner(o);
    QList<DiagnosticResult> results;
    connect(&runner, &DiagnosticsRunner::resultReady,
            [&results](const DiagnosticResult &r) { results << r; });
    QSignalSpy started(&runner, &DiagnosticsRunner::checkStarted);
    QSignalSpy all(&runner, &DiagnosticsRunner::allFinished);
    runner.run({first, second, third});
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(runner.running(), 1);
    QVERIFY(!runner.isIdle());
    runner.cancel(QStringLiteral("second"));
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.first().check, QStringLiteral("second"));
    QCOMPARE(results.first().summary, QStringLiteral("cancelled before it ran"));
    runner.cancelAll();
    QTRY_COMPARE(all.size(), 1);
    QCOMPARE(results.size(), 3);
    for (const DiagnosticResult &r : std::as_const(results))
        QCOMPARE(r.status, RunStatus::Cancelled);
    QVERIFY(runner.isIdle());
    QCOMPARE(started.size(), 1);
}

void TestDiagPaths::runnerDestroyedWhileRunning()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.program = writeStub(dir.path(), "sleep 30");
    auto *runner = new DiagnosticsRunner(o);
    QSignalSpy started(runner, &DiagnosticsRunner::checkStarted);
    QSignalSpy results(runner, &DiagnosticsRunner::resultReady);
    runner->run({kubectlCheck({QStringLiteral("get"), QStringLiteral("nodes")})});
    QTRY_COMPARE(started.size(), 1);
    QTRY_VERIFY(QFile::exists(dir.path() + QStringLiteral("/argv")));
    delete runner;
    QCOMPARE(results.size(), 0);
}

void TestDiagPaths::refusalNamesTheTarget()
{
    DiagnosticCheck c = kubectlCheck({QStringLiteral("rollout"), QStringLiteral("restart"),
                                      QStringLiteral("deployment/backend")});
    c.destructive = true;
    c.target = QStringLiteral("backend");
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.readOnly = false;
    o.confirmTarget = QStringLiteral("frontend");
    const DiagnosticResult r = runChecks(o, {c}).value(0);
    QCOMPARE(r.status, RunStatus::Refused);
    QCOMPARE(r.summary,
             QStringLiteral("k changes backend: confirm with exactly that name; nothing was run"));
    QCOMPARE(r.context, QStringLiteral("ctx"));
    QCOMPARE(r.ns, QStringLiteral("shop"));
}

// A check built in code (not read from a profile, whose reader refuses it) that runs a verb which
// changes the cluster is refused unless marked destructive, before kubectl is started.
void TestDiagPaths::changingCheckNotMarkedDestructiveIsRefused()
{
    QTemporaryDir dir;
    RunnerOptions o;
    o.kubectl = plainOptions();
    o.kubectl.program = writeStub(dir.path(), "exit 0");
    o.readOnly = false;
    const DiagnosticResult r =
        runChecks(o, {kubectlCheck({QStringLiteral("delete"), QStringLiteral("pod"),
                                    QStringLiteral("api-0")})})
            .value(0);
    QCOMPARE(r.status, RunStatus::Refused);
    QCOMPARE(r.summary, QStringLiteral("k runs kubectl delete, which changes what it runs "
                                       "against, but is not marked destructive; nothing was run"));
    QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/argv")));
}

QTEST_GUILESS_MAIN(TestDiagPaths)
#include "test_diag_paths.moc"
