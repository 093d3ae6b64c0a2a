#include "clirunner.h"
#include "core/profile.h"
#include "fakekubeapi.h"
#include "loopback.h"
#include "runhelper.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "services/incidentservice.h"
#include "services/profilefile.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace idesk;
using namespace idesk::test;

class TestDiagCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void checksListsTheCatalog();
    void runPrintsResultKeys();
    void runForIncidentFilesRedactedEvidence();
    void exitCodes();
    void destructiveNeedsConfirm();
    void healthRunsQuickGroup();
    void productionMarkedInEveryOutput();
    void sqlThroughLibpqListedAndRun();

private:
    QString writeProfile(const Profile &p);
    QStringList base() const { return {QStringLiteral("--profile"), m_profilePath}; }

    QTemporaryDir m_tmp;
    std::unique_ptr<FakeKubeApi> m_api;
    std::unique_ptr<FakeHttpServer> m_web;
    QString m_db, m_profilePath, m_kubeconfig;
};

void TestDiagCli::initTestCase()
{
    test::enterTestMode();
    qputenv("KUBECACHEDIR", (m_tmp.path() + QStringLiteral("/cache")).toUtf8());
    qputenv("INCIDENTDESK_USER", "jane.roe");
}

QString TestDiagCli::writeProfile(const Profile &p)
{
    const QString path = m_tmp.path() + QStringLiteral("/profile.json");
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(profileToJson(p));
    return path;
}

void TestDiagCli::init()
{
    m_api = std::make_unique<FakeKubeApi>();
    QVERIFY(m_api->start());
    m_web = std::make_unique<FakeHttpServer>();
    QVERIFY(m_web->start());
    m_web->setHandler([](const FakeHttpServer::Request &, QTcpSocket *s) {
        FakeHttpServer::reply(s, 200, "application/json", R"({"status":"ok"})");
    });
    m_kubeconfig = m_api->writeKubeconfig(m_tmp.path(), QStringLiteral("fake"));
    qputenv("KUBECONFIG", m_kubeconfig.toUtf8());
    qunsetenv("IDESK_KUBECTL");
    Profile p = defaultProfile();
    p.kube.context = QStringLiteral("fake");
    for (DiagnosticCheck &c : p.diagnostics) {
        if (c.group == u"Quick health" && c.kind == u"http")
            c.url = m_web->url(QStringLiteral("/health/") + c.id);
    }
    m_profilePath = writeProfile(p);
    m_db = m_tmp.path() + QStringLiteral("/db.sqlite");
    QFile::remove(m_db);
}

void TestDiagCli::cleanup()
{
    qunsetenv("IDESK_KUBECTL");
    qunsetenv("KUBECONFIG");
}

void TestDiagCli::checksListsTheCatalog()
{
    const CliResult r =
        runCli(m_db, base() + QStringList{QStringLiteral("checks"), QStringLiteral("--group"),
                                          QStringLiteral("database"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(arr.size(), 6);
    for (const auto &v : arr) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QStringLiteral("group")).toString(), QStringLiteral("Database"));
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("sql"));
        QVERIFY(o.value(QStringLiteral("argv")).isArray());
        QVERIFY(!o.value(QStringLiteral("query")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("destructive")).toBool(), false);
    }
    const CliResult all = runCli(m_db, base() + QStringList{QStringLiteral("checks")});
    QCOMPARE(all.code, 0);
    QVERIFY(all.out.contains(QStringLiteral("dns-api\tNetwork\tdns")));
    QVERIFY(all.out.contains(QStringLiteral("[destructive: redis]")));
}

void TestDiagCli::runPrintsResultKeys()
{
    const CliResult r =
        runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes"),
                                          QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(arr.size(), 1);
    const QJsonObject o = arr[0].toObject();
    QStringList keys = o.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("argv"), QStringLiteral("check"),
                                QStringLiteral("context"), QStringLiteral("durationMs"),
                                QStringLiteral("exitCode"), QStringLiteral("kind"),
                                QStringLiteral("namespace"), QStringLiteral("output"),
                                QStringLiteral("production"), QStringLiteral("status"),
                                QStringLiteral("summary"), QStringLiteral("truncated")}));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
    QCOMPARE(o.value(QStringLiteral("context")).toString(), QStringLiteral("fake"));
    QVERIFY(o.value(QStringLiteral("output")).toString().contains(QStringLiteral("node-a")));
}

void TestDiagCli::runForIncidentFilesRedactedEvidence()
{
    const CliResult d =
        runCli(m_db, base() + QStringList{QStringLiteral("declare"), QStringLiteral("--title"),
                                          QStringLiteral("Payments failing"),
                                          QStringLiteral("--severity"), QStringLiteral("P1")});
    QCOMPARE(d.code, 0);
    const QString id = d.out.trimmed().split(QLatin1Char('\t')).first();
    QTemporaryDir stubDir;
    const QString stub =
        writeStub(stubDir.path(), "echo 'DATABASE_URL=postgres://app:hunter2secret@db:5432/shop'\n"
                                  "echo 'password=s3cr3tP4ssw0rd'\necho 'connections ok'");
    qputenv("IDESK_KUBECTL", stub.toUtf8());
    const CliResult r = runCli(
        m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("health-dependencies"),
                                   QStringLiteral("--incident"), id, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QString eventId =
        QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject().value(u"event").toString();
    QVERIFY(!eventId.isEmpty());

    const CliResult show =
        runCli(m_db, base() + QStringList{QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(show.code, 0);
    QVERIFY(!show.out.contains(QStringLiteral("hunter2secret")));
    QVERIFY(!show.out.contains(QStringLiteral("s3cr3tP4ssw0rd")));
    const QJsonObject doc = QJsonDocument::fromJson(show.out.toUtf8()).object();
    QJsonObject evidence;
    for (const auto &v : doc.value(u"events").toArray()) {
        if (v.toObject().value(u"kind").toString() == u"evidence")
            evidence = v.toObject();
    }
    QVERIFY2(!evidence.isEmpty(), qPrintable(show.out));
    const QString text = evidence.value(u"text").toString();
    QVERIFY2(text.contains(QStringLiteral("jane.roe ran health-dependencies")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("exit code 0")));
    QVERIFY(text.contains(
        QStringLiteral("context web3-marketplace-prod")
            .replace(QStringLiteral("web3-marketplace-prod"), QStringLiteral("fake"))));
    QVERIFY(text.contains(QStringLiteral("$ ") + stub + QStringLiteral(" --context=fake")));
    QVERIFY(text.contains(QStringLiteral("npm run health:dependencies")));
    QVERIFY(text.contains(QStringLiteral("[REDACTED]")));
    QVERIFY(text.contains(QStringLiteral("connections ok")));

    // The full output is kept beside the event, redacted too.
    static const SystemClock clock;
    auto service = IncidentService::open(m_db, defaultProfile(), clock);
    DiagnosticsService diag(*service);
    const auto out = diag.output(evidence.value(u"eventId").toString().isEmpty()
                                     ? eventId
                                     : evidence.value(u"eventId").toString());
    QVERIFY(out.has_value());
    QCOMPARE(out->checkId, QStringLiteral("health-dependencies"));
    QVERIFY(out->output.contains(QStringLiteral("connections ok")));
    QVERIFY(!out->output.contains(QStringLiteral("hunter2secret")));
    service.reset();

    // And it opens from the event: the output command prints all of it, redacted.
    const CliResult full = runCli(m_db, base() + QStringList{QStringLiteral("output"), eventId});
    QVERIFY2(full.code == 0, qPrintable(full.err));
    QVERIFY2(full.out.contains(QStringLiteral("connections ok")), qPrintable(full.out));
    QVERIFY(full.out.contains(QStringLiteral("[REDACTED]")));
    QVERIFY(!full.out.contains(QStringLiteral("hunter2secret")));
    QVERIFY(!full.out.contains(QStringLiteral("s3cr3tP4ssw0rd")));
    const CliResult json = runCli(
        m_db, base() + QStringList{QStringLiteral("output"), eventId, QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value(u"event").toString(), eventId);
    QCOMPARE(o.value(u"incident").toString(), id);
    QCOMPARE(o.value(u"check").toString(), QStringLiteral("health-dependencies"));
    QCOMPARE(o.value(u"output").toString().trimmed(), full.out.trimmed());
    // An event without a filed output (the declaration) is a data error, exit 3.
    const CliResult none =
        runCli(m_db, base() + QStringList{QStringLiteral("output"), QStringLiteral("nope")});
    QCOMPARE(none.code, 3);
    QVERIFY2(none.err.contains(QStringLiteral("nope")), qPrintable(none.err));
}

void TestDiagCli::exitCodes()
{
    qputenv("IDESK_KUBECTL", "/nonexistent/kubectl");
    CliResult r =
        runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes")});
    QCOMPARE(r.code, 4);
    QVERIFY(r.out.contains(QStringLiteral("kubernetes-client")));
    qunsetenv("IDESK_KUBECTL");

    QFile broken(m_tmp.path() + QStringLiteral("/broken"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not: [a kubeconfig");
    broken.close();
    qputenv("KUBECONFIG", broken.fileName().toUtf8());
    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes")});
    QCOMPARE(r.code, 4);
    qputenv("KUBECONFIG", m_kubeconfig.toUtf8());

    QTemporaryDir stubDir;
    qputenv("IDESK_KUBECTL", writeStub(stubDir.path(), "exit 3").toUtf8());
    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.startsWith(QStringLiteral("FAIL\tnodes")));

    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("no-such-check")});
    QCOMPARE(r.code, 2);
}

void TestDiagCli::destructiveNeedsConfirm()
{
    QTemporaryDir stubDir;
    qputenv("IDESK_KUBECTL", writeStub(stubDir.path(), "echo scaled").toUtf8());
    const QStringList run{QStringLiteral("run"), QStringLiteral("scale-backend")};
    CliResult r = runCli(m_db, base() + run);
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.startsWith(QStringLiteral("REFUSED")));
    r = runCli(m_db, base() + run + QStringList{QStringLiteral("--allow-destructive")});
    QCOMPARE(r.code, 1);
    r = runCli(m_db, base() + run +
                         QStringList{QStringLiteral("--allow-destructive"),
                                     QStringLiteral("--confirm"), QStringLiteral("frontend")});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(stubDir.path() + QStringLiteral("/argv")));
    r = runCli(m_db, base() + run +
                         QStringList{QStringLiteral("--allow-destructive"),
                                     QStringLiteral("--confirm"), QStringLiteral("backend")});
    QCOMPARE(r.code, 0);
    QVERIFY(recordedArgv(stubDir.path()).contains(QStringLiteral("--replicas=10")));
}

void TestDiagCli::healthRunsQuickGroup()
{
    const CliResult r =
        runCli(m_db, base() + QStringList{QStringLiteral("health"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(arr.size(), 6);
    QStringList kinds;
    for (const auto &v : arr) {
        QCOMPARE(v.toObject().value(u"status").toString(), QStringLiteral("pass"));
        kinds << v.toObject().value(u"kind").toString();
    }
    QCOMPARE(kinds.count(QStringLiteral("http")), 2);
    QCOMPARE(m_web->requests().size(), 2);
}

void TestDiagCli::productionMarkedInEveryOutput()
{
    // The staging context is named plainly.
    CliResult r =
        runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\t(context fake, namespace web3-marketplace)\n")),
             qPrintable(r.out));

    Profile p = loadProfileFile(m_profilePath);
    p.kube.productionContexts = QStringList{QStringLiteral("fake")};
    writeProfile(p);
    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("PASS\tnodes\t")), qPrintable(r.out));
    QVERIFY2(r.out.contains(
                 QStringLiteral("\t(context fake [PRODUCTION], namespace web3-marketplace)\n")),
             qPrintable(r.out));

    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes"),
                                          QStringLiteral("--json")});
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject();
    QCOMPARE(o.value(u"production").toBool(), true);
    QCOMPARE(o.value(u"context").toString(), QStringLiteral("fake"));

    const CliResult d =
        runCli(m_db, base() + QStringList{QStringLiteral("declare"), QStringLiteral("--title"),
                                          QStringLiteral("Checkout down"),
                                          QStringLiteral("--severity"), QStringLiteral("P2")});
    QCOMPARE(d.code, 0);
    const QString id = d.out.trimmed().split(QLatin1Char('\t')).first();
    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("nodes"),
                                          QStringLiteral("--incident"), id});
    QCOMPARE(r.code, 0);
    const CliResult show =
        runCli(m_db, base() + QStringList{QStringLiteral("show"), id, QStringLiteral("--json")});
    QVERIFY2(
        show.out.contains(QStringLiteral("context fake [PRODUCTION], namespace web3-marketplace")),
        qPrintable(show.out));
}

void TestDiagCli::sqlThroughLibpqListedAndRun()
{
    // Nothing listens on the port, so the run must end with "could not run" rather than hang.
    const quint16 port = unusedLoopbackPort();
    QVERIFY(port != 0);
    Profile p = loadProfileFile(m_profilePath);
    p.database.conninfo = QStringLiteral("host=127.0.0.1 port=%1 user=ops dbname=shop").arg(port);
    p.database.production = true;
    writeProfile(p);
    CliResult r =
        runCli(m_db, base() + QStringList{QStringLiteral("checks"), QStringLiteral("--group"),
                                          QStringLiteral("Database")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("db-locks\tDatabase\tsql\tUngranted locks\t"
                                           "SELECT * FROM pg_locks WHERE NOT granted;\n")),
             qPrintable(r.out));
    r = runCli(m_db, base() + QStringList{QStringLiteral("checks"), QStringLiteral("--group"),
                                          QStringLiteral("Database"), QStringLiteral("--json")});
    QCOMPARE(
        QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject().value(u"database").toString(),
        QStringLiteral("host=127.0.0.1 port=%1 dbname=shop user=ops").arg(port));
    r = runCli(m_db, base() + QStringList{QStringLiteral("run"), QStringLiteral("db-locks"),
                                          QStringLiteral("--json")});
    QCOMPARE(r.code, 4);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject();
    QCOMPARE(o.value(u"status").toString(), QStringLiteral("error"));
    QCOMPARE(o.value(u"database").toString(),
             QStringLiteral("host=127.0.0.1 port=%1 dbname=shop user=ops").arg(port));
    QCOMPARE(o.value(u"production").toBool(), true);
    QVERIFY(o.value(u"summary").toString().startsWith(u"could not connect to the database"));

    r = runCli(m_db, base() + QStringList{QStringLiteral("checks"), QStringLiteral("--group"),
                                          QStringLiteral("Blockchain"), QStringLiteral("--json")});
    bool sawLag = false;
    for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
        if (v.toObject().value(u"kind").toString() == u"jsonrpc-lag") {
            sawLag = true;
            QCOMPARE(v.toObject().value(u"urls").toArray().size(), 1);
        }
    }
    QVERIFY(sawLag);
}

QTEST_GUILESS_MAIN(TestDiagCli)
#include "test_diag_cli.moc"
