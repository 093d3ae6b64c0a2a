#include "fakehttpserver.h"
#include "loopback.h"
#include "services/triage/webhookposter.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::test;
using namespace Qt::StringLiterals;

namespace {

QUrl urlFor(quint16 port)
{
    return QUrl(u"http://127.0.0.1:%1/services/T000/B000/XXXX"_s.arg(port));
}

WebhookResult waitForResult(QSignalSpy &spy, int timeoutMs = 15000)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return {};
    return spy.takeFirst().at(0).value<WebhookResult>();
}

} // namespace

class TestTriageWebhook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void success();
    void httpErrors_data();
    void httpErrors();
    void timeout();
    void connectionRefused();
    void missingOrBadUrl_data();
    void missingOrBadUrl();
};

void TestTriageWebhook::success()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.answerAlways(200, "OK", "ok");
    WebhookPoster poster;
    QSignalSpy spy(&poster, &WebhookPoster::finished);
    const QString text = u"🚨 INCIDENT ALERT 🚨\nSeverity: P1\n\"quoted\" & <angled>"_s;
    const quint64 id = poster.post(urlFor(server.serverPort()), text);

    const WebhookResult r = waitForResult(spy);
    QCOMPARE(r.requestId, id);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.httpStatus, 200);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(server.requests().size(), 1);
    const auto &req = server.requests().first();
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.path, QByteArray("/services/T000/B000/XXXX"));
    QCOMPARE(req.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject json = QJsonDocument::fromJson(req.body).object();
    QCOMPARE(json.keys(), QStringList{u"text"_s});
    QCOMPARE(json.value(u"text"_s).toString(), text);
}

void TestTriageWebhook::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("400 invalid payload")
        << 400 << QByteArray("Bad Request") << QByteArray("invalid_payload")
        << u"HTTP 400 Bad Request: invalid_payload"_s;
    QTest::newRow("403") << 403 << QByteArray("Forbidden") << QByteArray("invalid_token")
                         << u"HTTP 403 Forbidden: invalid_token"_s;
    QTest::newRow("404 no body") << 404 << QByteArray("Not Found") << QByteArray()
                                 << u"HTTP 404 Not Found"_s;
    QTest::newRow("500") << 500 << QByteArray("Internal Server Error")
                         << QByteArray("upstream\r\n\x1b[31mfailed\x1b[0m")
                         << u"HTTP 500 Internal Server Error: upstream [31mfailed [0m"_s;
    QTest::newRow("long body is cut")
        << 502 << QByteArray("Bad Gateway") << QByteArray(1000, 'x')
        << u"HTTP 502 Bad Gateway: "_s + QString(WebhookPoster::kExcerptChars, u'x') + u"…"_s;
}

void TestTriageWebhook::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    FakeHttpServer server;
    QVERIFY(server.start());
    server.answerAlways(status, reason, body);
    WebhookPoster poster;
    QSignalSpy spy(&poster, &WebhookPoster::finished);
    poster.post(urlFor(server.serverPort()), u"update"_s);
    const WebhookResult r = waitForResult(spy);
    QVERIFY(!r.ok);
    QCOMPARE(r.httpStatus, status);
    QCOMPARE(r.error, expected);
    QCOMPARE(server.requests().size(), 1);
}

void TestTriageWebhook::timeout()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.answerNothing();
    WebhookPoster poster;
    poster.setTimeoutMs(600);
    QSignalSpy spy(&poster, &WebhookPoster::finished);
    QElapsedTimer t;
    t.start();
    poster.post(urlFor(server.serverPort()), u"update"_s);
    const WebhookResult r = waitForResult(spy);
    QVERIFY(!r.ok);
    QCOMPARE(r.httpStatus, 0);
    QVERIFY2(r.error.contains(u"timed out"_s), qPrintable(r.error));
    QVERIFY2(r.error.contains(u"0.6 s"_s), qPrintable(r.error));
    QVERIFY(t.elapsed() >= 500);
    QCOMPARE(server.requests().size(), 1); // it did arrive; the answer never came
}

void TestTriageWebhook::connectionRefused()
{
    const quint16 port = unusedLoopbackPort();
    QVERIFY(port != 0);
    WebhookPoster poster;
    QSignalSpy spy(&poster, &WebhookPoster::finished);
    poster.post(urlFor(port), u"update"_s);
    const WebhookResult r = waitForResult(spy);
    QVERIFY(!r.ok);
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(r.error,
             u"Connection refused by 127.0.0.1:%1: nothing is listening there."_s.arg(port));
}

void TestTriageWebhook::missingOrBadUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QUrl() << u"No webhook URL is set in the profile."_s;
    QTest::newRow("ftp") << QUrl(u"ftp://example.invalid/hook"_s)
                         << u"The webhook URL is not an http(s) URL: ftp://example.invalid/hook"_s;
}

void TestTriageWebhook::missingOrBadUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expected);
    WebhookPoster poster;
    QSignalSpy spy(&poster, &WebhookPoster::finished);
    poster.post(url, u"x"_s);
    QVERIFY(spy.isEmpty()); // never re-entrant: the answer comes from the event loop
    const WebhookResult r = waitForResult(spy, 2000);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, expected);
}

QTEST_GUILESS_MAIN(TestTriageWebhook)
#include "test_triage_webhook.moc"
