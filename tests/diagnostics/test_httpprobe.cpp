#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/httpprobe.h"
#include "fakehttpserver.h"
#include "loopback.h"
#include "runhelper.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace idesk;
using namespace idesk::diag;
using namespace idesk::test;

namespace {

DiagnosticCheck httpCheck(const QString &url, const QString &jsonPath = {})
{
    DiagnosticCheck c;
    c.id = QStringLiteral("probe");
    c.group = QStringLiteral("Application");
    c.title = QStringLiteral("probe");
    c.kind = QStringLiteral("http");
    c.url = url;
    c.method = QStringLiteral("GET");
    c.expect.jsonPath = jsonPath;
    c.timeoutSeconds = 10;
    return c;
}

DiagnosticResult runOne(const DiagnosticCheck &c, int timeoutSeconds = 0)
{
    RunnerOptions o;
    o.timeoutSeconds = timeoutSeconds;
    const auto results = runChecks(o, {c});
    return results.value(0);
}

class TlsServer final : public FakeHttpServer
{
public:
    QSslCertificate cert;
    QSslKey key;

protected:
    QTcpSocket *makeSocket(qintptr fd) override
    {
        auto *s = new QSslSocket(this);
        if (!s->setSocketDescriptor(fd))
            return nullptr;
        s->setLocalCertificate(cert);
        s->setPrivateKey(key);
        s->startServerEncryption();
        return s;
    }
};

} // namespace

class TestHttpProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void passesWithJsonPath();
    void statusMismatchFails();
    void slowDripTimesOut();
    void hugeBodyIsCapped();
    void deepJsonIsNotParsed();
    void invalidUtf8IsReplaced();
    void connectionRefused();
    void redirectLoopStops();
    void jsonRpcBlockNumberDecoded();
    void selfSignedTlsRefusedWithReason();
    void capPerKindHoldsTheRest();
    void helpers();

private:
};

void TestHttpProbe::passesWithJsonPath()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 200, "application/json", R"({"status":"ok","checks":[1,2]})");
    });
    DiagnosticCheck c =
        httpCheck(server.url(QStringLiteral("/health")), QStringLiteral("$.status"));
    c.expect.value = QStringLiteral("ok");
    const DiagnosticResult r = runOne(c);
    QVERIFY2(r.status == RunStatus::Pass, qPrintable(r.summary));
    QCOMPARE(r.exitCode, 200);
    QCOMPARE(r.url, c.url);
    QVERIFY(r.durationMs >= 0);
    QCOMPARE(r.summary, QStringLiteral("$.status = ok"));
    c.expect.value = QStringLiteral("degraded");
    QCOMPARE(runOne(c).status, RunStatus::Fail);
}

void TestHttpProbe::statusMismatchFails()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 503, "text/plain", "down");
    });
    const DiagnosticResult r = runOne(httpCheck(server.url(QStringLiteral("/health"))));
    QCOMPARE(r.status, RunStatus::Fail);
    QCOMPARE(r.exitCode, 503);
    QVERIFY(r.summary.contains(QStringLiteral("503")));
}

void TestHttpProbe::slowDripTimesOut()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    QList<QTcpSocket *> drips;
    QTimer drip;
    connect(&drip, &QTimer::timeout, [&drips] {
        for (QTcpSocket *s : std::as_const(drips))
            s->write("x");
    });
    drip.start(100);
    server.setHandler([&drips](const FakeHttpServer::Request &, QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
        drips.append(s);
    });
    // Each byte resets a transfer timeout; only a deadline for the whole exchange ends this.
    const DiagnosticResult r = runOne(httpCheck(server.url(QStringLiteral("/"))), 2);
    QCOMPARE(r.status, RunStatus::Timeout);
}

void TestHttpProbe::hugeBodyIsCapped()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        const qint64 total = 50LL * 1024 * 1024;
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
                 QByteArray::number(total) + "\r\n\r\n");
        const QByteArray block(1024 * 1024, 'a');
        for (int i = 0; i < 50; ++i)
            s->write(block);
    });
    const DiagnosticResult r = runOne(httpCheck(server.url(QStringLiteral("/big"))));
    QCOMPARE(r.status, RunStatus::Fail);
    QVERIFY(r.truncated);
    QVERIFY(r.output.size() <= 4 * 1024 * 1024);
    QVERIFY(r.summary.contains(QStringLiteral("larger than")));
}

void TestHttpProbe::deepJsonIsNotParsed()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 200, "application/json",
                              QByteArray(10000, '[') + QByteArray(10000, ']'));
    });
    const DiagnosticResult r =
        runOne(httpCheck(server.url(QStringLiteral("/deep")), QStringLiteral("$[0]")));
    QCOMPARE(r.status, RunStatus::Fail);
    QVERIFY2(r.summary.contains(QStringLiteral("deeper than 64")), qPrintable(r.summary));
}

void TestHttpProbe::invalidUtf8IsReplaced()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 200, "text/plain", "ok \xff\xfe\xc3 end");
    });
    const DiagnosticResult r = runOne(httpCheck(server.url(QStringLiteral("/bytes"))));
    QCOMPARE(r.status, RunStatus::Pass);
    QVERIFY(r.output.startsWith(QStringLiteral("ok ")));
    QVERIFY(r.output.endsWith(QStringLiteral(" end")));
    QVERIFY(r.output.contains(QChar(QChar::ReplacementCharacter)));
    // With a JSON expectation the same body is a failure, not a crash.
    const DiagnosticResult j =
        runOne(httpCheck(server.url(QStringLiteral("/bytes")), QStringLiteral("$.status")));
    QCOMPARE(j.status, RunStatus::Fail);
}

void TestHttpProbe::connectionRefused()
{
    const quint16 port = unusedLoopbackPort();
    QVERIFY(port != 0);
    const DiagnosticResult r =
        runOne(httpCheck(QStringLiteral("http://127.0.0.1:%1/health").arg(port)));
    QCOMPARE(r.status, RunStatus::Fail);
    QVERIFY2(r.summary.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(r.summary));
    QCOMPARE(r.exitCode, -1);
}

void TestHttpProbe::redirectLoopStops()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 302, "text/plain", "again", "Location: /loop\r\n");
    });
    const DiagnosticResult r = runOne(httpCheck(server.url(QStringLiteral("/loop"))));
    QCOMPARE(r.status, RunStatus::Fail);
    QVERIFY2(r.summary.contains(QStringLiteral("redirects")), qPrintable(r.summary));
    // A handful (QNAM may resend on a reused connection), never an endless chase.
    QVERIFY2(server.requests().size() < 20, qPrintable(QString::number(server.requests().size())));
}

void TestHttpProbe::jsonRpcBlockNumberDecoded()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 200, "application/json",
                              R"({"jsonrpc":"2.0","id":1,"result":"0x10d4f"})");
    });
    DiagnosticCheck c = defaultProfile().diagnostics.front();
    c = *defaultProfile().diagnostic(QStringLiteral("eth-block-number"));
    c.url = server.url(QStringLiteral("/v3/key"));
    const DiagnosticResult r = runOne(c);
    QVERIFY2(r.status == RunStatus::Pass, qPrintable(r.summary));
    QCOMPARE(r.summary, QStringLiteral("$.result = 68943"));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests()[0].method, QByteArray("POST"));
    QVERIFY(server.requests()[0].body.contains("\"method\":\"eth_blockNumber\""));
    QVERIFY(server.requests()[0].headers.value("content-type").startsWith("application/json"));
}

void TestHttpProbe::selfSignedTlsRefusedWithReason()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend, so there is no TLS probe to test");
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("no openssl binary to make a self-signed certificate (scripts/test installs it)");
    QTemporaryDir dir;
    QProcess gen;
    gen.start(openssl,
              {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
               QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
               dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
               dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"),
               QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    QVERIFY(gen.waitForFinished(60000));
    QCOMPARE(gen.exitCode(), 0);
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    TlsServer server;
    server.cert = QSslCertificate(certFile.readAll(), QSsl::Pem);
    server.key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!server.cert.isNull() && !server.key.isNull());
    QVERIFY(server.start());
    const DiagnosticResult r =
        runOne(httpCheck(QStringLiteral("https://127.0.0.1:%1/health").arg(server.serverPort())));
    QCOMPARE(r.status, RunStatus::Fail);
    QVERIFY2(r.summary.startsWith(QStringLiteral("TLS refused")), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive) ||
                 r.summary.contains(QStringLiteral("not trusted"), Qt::CaseInsensitive),
             qPrintable(r.summary));
    QVERIFY(server.requests().isEmpty());
}

void TestHttpProbe::capPerKindHoldsTheRest()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    QList<QTcpSocket *> held;
    bool hold = true;
    server.setHandler([&](const FakeHttpServer::Request &, QTcpSocket *s) {
        if (hold)
            held.append(s);
        else
            FakeHttpServer::reply(s, 200, "text/plain", "ok");
    });
    RunnerOptions o;
    o.httpCap = 3;
    DiagnosticsRunner runner(o);
    QList<DiagnosticResult> results;
    connect(&runner, &DiagnosticsRunner::resultReady,
            [&results](const DiagnosticResult &r) { results.append(r); });
    std::vector<DiagnosticCheck> checks;
    for (int i = 0; i < 8; ++i) {
        DiagnosticCheck c = httpCheck(server.url(QStringLiteral("/%1").arg(i)));
        c.id = QStringLiteral("probe-%1").arg(i);
        checks.push_back(c);
    }
    runner.run(checks);
    QTRY_COMPARE(held.size(), 3);
    QCOMPARE(runner.running(), 3);
    QVERIFY(results.isEmpty());
    hold = false;
    for (QTcpSocket *s : std::as_const(held))
        FakeHttpServer::reply(s, 200, "text/plain", "ok");
    QTRY_COMPARE(results.size(), 8);
    for (const auto &r : results)
        QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(server.requests().size(), 8);
}

void TestHttpProbe::helpers()
{
    quint64 v = 0;
    QVERIFY(decodeHexQuantity(QStringLiteral("0x1b4"), &v));
    QCOMPARE(v, quint64(436));
    QVERIFY(!decodeHexQuantity(QStringLiteral("1b4"), &v));
    QVERIFY(!decodeHexQuantity(QStringLiteral("0x"), &v));
    QCOMPARE(jsonDepth("{\"a\":\"[[[[\",\"b\":[[1]]}", 64), 3);
    QCOMPARE(jsonDepth(QByteArray(100, '['), 10), 11);
    QJsonValue out;
    QVERIFY(jsonPathValue(R"({"a":{"b":[5,{"c":"x"}]}})", QStringLiteral("$.a.b[1].c"), &out));
    QCOMPARE(out.toString(), QStringLiteral("x"));
    QVERIFY(!jsonPathValue(R"({"a":1})", QStringLiteral("$.b"), &out));
}

QTEST_GUILESS_MAIN(TestHttpProbe)
#include "test_httpprobe.moc"
