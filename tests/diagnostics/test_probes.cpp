#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/dnsprobe.h"
#include "diagnostics/rpclag.h"
#include "fakednsserver.h"
#include "fakehttpserver.h"
#include "loopback.h"
#include "runhelper.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpSocket>
#include <QTest>

using namespace idesk;
using namespace idesk::diag;
using namespace idesk::test;

namespace {

// A JSON-RPC node that answers eth_blockNumber with the block it is told to be at.
class FakeNode
{
public:
    FakeNode()
    {
        server.setHandler([this](const FakeHttpServer::Request &r, QTcpSocket *s) {
            const QJsonObject call = QJsonDocument::fromJson(r.body).object();
            methods << call.value(u"method").toString();
            if (broken) {
                FakeHttpServer::reply(s, 200, "application/json",
                                      R"({"jsonrpc":"2.0","id":1,"result":"not a block"})");
                return;
            }
            const QByteArray body =
                R"({"jsonrpc":"2.0","id":1,"result":"0x)" + QByteArray::number(block, 16) + "\"}";
            FakeHttpServer::reply(s, 200, "application/json", body);
        });
    }
    FakeHttpServer server;
    quint64 block = 0;
    bool broken = false;
    QStringList methods;
};

DiagnosticCheck lagCheck(double threshold)
{
    DiagnosticCheck c;
    c.id = QStringLiteral("eth-block-lag");
    c.group = QStringLiteral("Blockchain");
    c.title = QStringLiteral("lag");
    c.kind = QStringLiteral("jsonrpc-lag");
    c.expect.threshold = threshold;
    c.timeoutSeconds = 10;
    return c;
}

DiagnosticCheck dnsCheck(const QString &host, int timeoutSeconds = 5)
{
    DiagnosticCheck c;
    c.id = QStringLiteral("dns");
    c.group = QStringLiteral("Network");
    c.title = QStringLiteral("dns");
    c.kind = QStringLiteral("dns");
    c.host = host;
    c.timeoutSeconds = timeoutSeconds;
    return c;
}

} // namespace

class TestProbes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lagWithinThresholdPasses();
    void lagAboveThresholdFails();
    void endpointWithoutBlockNumberFails();
    void sameUrlTwiceIsOneEndpoint();
    void lagCancelled();
    void dnsLocalhostResolves();
    void dnsNameThatDoesNotExistFails();
    void dnsSilentServerIsBoundedByTimeout();
    void dnsCname();
    void dnsCancelled();
    void everyResultNamesItsContext();
    void productionContextMarked();

private:
    bool startDns(FakeDnsServer &dns);
    RunnerOptions lagOptions(std::initializer_list<const FakeNode *> nodes) const;
};

void TestProbes::initTestCase()
{
    enterTestMode();
}

RunnerOptions TestProbes::lagOptions(std::initializer_list<const FakeNode *> nodes) const
{
    RunnerOptions o;
    int n = 0;
    for (const FakeNode *node : nodes)
        o.rpcEndpoints.push_back(JsonRpcEndpoint{QStringLiteral("node-%1").arg(++n),
                                                 node->server.url(QStringLiteral("/rpc")),
                                                 QStringLiteral("eth_blockNumber")});
    return o;
}

void TestProbes::lagWithinThresholdPasses()
{
    FakeNode a, b;
    QVERIFY(a.server.start());
    QVERIFY(b.server.start());
    a.block = 19000000;
    b.block = 19000003;
    const auto results = runChecks(lagOptions({&a, &b}), {lagCheck(5)});
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(r.summary, QStringLiteral("lag 3 blocks between 2 endpoints (highest 19000003)"));
    QVERIFY(r.output.contains(
        QStringLiteral("node-1\t%1\tblock 19000000").arg(a.server.url(QStringLiteral("/rpc")))));
    QVERIFY(r.url.contains(b.server.url(QStringLiteral("/rpc"))));
    QCOMPARE(a.methods, QStringList{QStringLiteral("eth_blockNumber")});
    QCOMPARE(b.methods, QStringList{QStringLiteral("eth_blockNumber")});
}

void TestProbes::lagAboveThresholdFails()
{
    FakeNode a, b, c;
    QVERIFY(a.server.start());
    QVERIFY(b.server.start());
    QVERIFY(c.server.start());
    a.block = 100;
    b.block = 112;
    c.block = 110;
    const auto results = runChecks(lagOptions({&a, &b, &c}), {lagCheck(5)});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QCOMPARE(results.value(0).summary,
             QStringLiteral("lag 12 blocks between the endpoints (at most 5 expected)"));
    // Without a threshold the lag is only reported.
    QCOMPARE(runChecks(lagOptions({&a, &b, &c}), {lagCheck(-1)}).value(0).status, RunStatus::Pass);
}

void TestProbes::endpointWithoutBlockNumberFails()
{
    FakeNode a, b;
    QVERIFY(a.server.start());
    QVERIFY(b.server.start());
    b.broken = true;
    auto results = runChecks(lagOptions({&a, &b}), {lagCheck(5)});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QVERIFY2(results.value(0).summary.contains(u"node-2: the result is not a block number"),
             qPrintable(results.value(0).summary));

    // A node that is not there at all.
    RunnerOptions o = lagOptions({&a});
    const quint16 port = unusedLoopbackPort();
    QVERIFY(port != 0);
    o.rpcEndpoints.push_back(JsonRpcEndpoint{QStringLiteral("gone"),
                                             QStringLiteral("http://127.0.0.1:%1/").arg(port),
                                             QStringLiteral("eth_blockNumber")});
    results = runChecks(o, {lagCheck(5)});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QVERIFY2(results.value(0).summary.startsWith(u"no block number from gone: "),
             qPrintable(results.value(0).summary));
}

void TestProbes::sameUrlTwiceIsOneEndpoint()
{
    // The shipped profile lists one node for two methods: nothing to compare, and it says so.
    FakeNode a;
    QVERIFY(a.server.start());
    RunnerOptions o = lagOptions({&a});
    o.rpcEndpoints.push_back(JsonRpcEndpoint{QStringLiteral("gas"),
                                             a.server.url(QStringLiteral("/rpc")),
                                             QStringLiteral("eth_gasPrice")});
    const auto results = runChecks(o, {lagCheck(5)});
    QCOMPARE(results.value(0).status, RunStatus::Error);
    QVERIFY2(results.value(0).summary.contains(u"has 1"), qPrintable(results.value(0).summary));
    QVERIFY(a.server.requests().isEmpty());
}

void TestProbes::lagCancelled()
{
    FakeHttpServer silent;
    QVERIFY(silent.start());
    silent.answerNothing();
    FakeNode a;
    QVERIFY(a.server.start());
    RunnerOptions o = lagOptions({&a});
    o.rpcEndpoints.push_back(JsonRpcEndpoint{QStringLiteral("silent"),
                                             silent.url(QStringLiteral("/")),
                                             QStringLiteral("eth_blockNumber")});
    DiagnosticsRunner runner(o);
    QList<DiagnosticResult> results;
    connect(&runner, &DiagnosticsRunner::resultReady,
            [&results](const DiagnosticResult &r) { results << r; });
    runner.run({lagCheck(5)});
    QTRY_COMPARE(silent.requests().size(), 1);
    runner.cancelAll();
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.first().status, RunStatus::Cancelled);

    // Cancelled before any node was asked.
    QNetworkAccessManager nam;
    RpcLagJob job(lagCheck(5), o.rpcEndpoints, &nam, 5);
    QSignalSpy done(&job, &DiagnosticJob::finished);
    job.cancel();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().first().value<DiagnosticResult>().status, RunStatus::Cancelled);
    job.cancel();
    QCOMPARE(done.size(), 1);
}

bool TestProbes::startDns(FakeDnsServer &dns)
{
    if (dns.start())
        return true;
    QTest::qSkip(qPrintable(QStringLiteral("no DNS server on port 53 of a loopback address: ") +
                            dns.error()),
                 __FILE__, __LINE__);
    return false;
}

void TestProbes::dnsLocalhostResolves()
{
    FakeDnsServer dns;
    if (!startDns(dns))
        return;
    dns.set(QStringLiteral("localhost"),
            {{QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("::1"))},
             {},
             false});
    RunnerOptions o;
    o.dnsServer = dns.address();
    const auto results = runChecks(o, {dnsCheck(QStringLiteral("localhost"))});
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(r.host, QStringLiteral("localhost"));
    // What a script reading `diag run --json` sees.
    QCOMPARE(r.toJson().value(u"host").toString(), QStringLiteral("localhost"));
    QVERIFY2(r.output.contains(QStringLiteral("A 127.0.0.1")), qPrintable(r.output));
    QVERIFY2(r.output.contains(QStringLiteral("AAAA ::1")), qPrintable(r.output));
    QVERIFY(r.summary.startsWith(QStringLiteral("2 records in ")));
}

void TestProbes::dnsNameThatDoesNotExistFails()
{
    FakeDnsServer dns;
    if (!startDns(dns))
        return;
    RunnerOptions o;
    o.dnsServer = dns.address();
    const auto results = runChecks(o, {dnsCheck(QStringLiteral("no-such-name.invalid"))});
    const DiagnosticResult &r = results.value(0);
    QCOMPARE(r.status, RunStatus::Fail);
    QCOMPARE(r.summary, QStringLiteral("no address for no-such-name.invalid"));
    QVERIFY(r.output.isEmpty());
    QVERIFY(dns.queries() >= 3);
}

void TestProbes::dnsSilentServerIsBoundedByTimeout()
{
    FakeDnsServer dns;
    if (!startDns(dns))
        return;
    dns.set(QStringLiteral("slow.example"), {{}, {}, true});
    RunnerOptions o;
    o.dnsServer = dns.address();
    DiagnosticsRunner runner(o);
    QList<DiagnosticResult> results;
    connect(&runner, &DiagnosticsRunner::resultReady,
            [&results](const DiagnosticResult &r) { results << r; });
    runner.run({dnsCheck(QStringLiteral("slow.example"), 1)});
    // The resolver alone would retry for far longer than this.
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 6000);
    QCOMPARE(results.first().status, RunStatus::Timeout);
    QCOMPARE(results.first().summary, QStringLiteral("no DNS answer within 1 s"));
}

void TestProbes::dnsCname()
{
    FakeDnsServer dns;
    if (!startDns(dns))
        return;
    dns.set(QStringLiteral("www.example"), {{}, QStringLiteral("edge.example"), false});
    RunnerOptions o;
    o.dnsServer = dns.address();
    const auto results = runChecks(o, {dnsCheck(QStringLiteral("www.example"))});
    const DiagnosticResult &r = results.value(0);
    // An alias without an address is no answer a browser can use.
    QCOMPARE(r.status, RunStatus::Fail);
    QVERIFY2(r.output.contains(QStringLiteral("CNAME edge.example")), qPrintable(r.output));
}

void TestProbes::dnsCancelled()
{
    FakeDnsServer dns;
    if (!startDns(dns))
        return;
    dns.set(QStringLiteral("slow.example"), {{}, {}, true});
    DnsJob job(dnsCheck(QStringLiteral("slow.example"), 30), 0);
    job.setNameserver(dns.address());
    QSignalSpy done(&job, &DiagnosticJob::finished);
    job.start();
    QTRY_VERIFY(dns.queries() >= 1);
    job.cancel();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().first().value<DiagnosticResult>().status, RunStatus::Cancelled);
    job.cancel();
    QCOMPARE(done.size(), 1);
}

void TestProbes::everyResultNamesItsContext()
{
    FakeHttpServer web;
    QVERIFY(web.start());
    web.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 200, "text/plain", "ok");
    });
    DiagnosticCheck c;
    c.id = QStringLiteral("web");
    c.kind = QStringLiteral("http");
    c.url = web.url(QStringLiteral("/"));
    RunnerOptions o;
    o.kubectl.context = QStringLiteral("staging");
    o.kubectl.ns = QStringLiteral("shop");
    o.productionContexts = QStringList{QStringLiteral("prod")};
    const auto results = runChecks(o, {c});
    const DiagnosticResult &r = results.value(0);
    QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(r.context, QStringLiteral("staging"));
    QCOMPARE(r.ns, QStringLiteral("shop"));
    QVERIFY(!r.production);
    QCOMPARE(r.where(), QStringLiteral("context staging, namespace shop"));
    QCOMPARE(r.toJson().value(u"production").toBool(), false);
    DiagnosticResult none;
    QCOMPARE(none.where(), QStringLiteral("context -, namespace -"));
}

void TestProbes::productionContextMarked()
{
    QTemporaryDir stubDir;
    RunnerOptions o;
    o.kubectl.program = writeStub(stubDir.path(), "echo node-a Ready");
    o.kubectl.context = QStringLiteral("web3-marketplace-prod");
    o.kubectl.ns = QStringLiteral("web3-marketplace");
    o.productionContexts = defaultProfile().kube.productionContexts;
    DiagnosticCheck nodes = *defaultProfile().diagnostic(QStringLiteral("nodes"));
    DiagnosticCheck scale = *defaultProfile().diagnostic(QStringLiteral("scale-backend"));
    const auto results = runChecks(o, {nodes, scale});
    QCOMPARE(results.size(), 2);
    for (const DiagnosticResult &r : results) {
        QVERIFY2(r.production, qPrintable(r.check));
        QCOMPARE(r.context, QStringLiteral("web3-marketplace-prod"));
        QCOMPARE(r.where(), QStringLiteral("context web3-marketplace-prod [PRODUCTION], namespace "
                                           "web3-marketplace"));
        QCOMPARE(r.toJson().value(u"production").toBool(), true);
    }
}

QTEST_GUILESS_MAIN(TestProbes)
#include "test_probes.moc"
