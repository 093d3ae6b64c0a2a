// `analyze-logs --kubectl deployment/NAME`: the real kubectl against the fake API server, with
// the runner's rules (explicit context and namespace, validated names, no database).

#include "clirunner.h"
#include "core/profile.h"
#include "fakekubeapi.h"
#include "services/logs/logfeed.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace idesk;
using namespace idesk::test;

namespace {

const QByteArray kPodA = "2024-05-01T10:00:00Z ERROR payment failed order=ord_1a\n"
                         "2024-05-01T10:00:01Z INFO GET /api response_time=120\n"
                         "2024-05-01T10:00:02Z ERROR payment failed order=ord_2b\n";
const QByteArray kPodB = "2024-05-01T10:01:00Z ERROR cache timeout after 30ms\n"
                         "2024-05-01T10:01:01Z INFO GET /api response_time=340\n"
                         "2024-05-01T10:01:02Z INFO ok\n";

} // namespace

class TestLogsKubectl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<FakeKubeApi> m_api;
    QString m_db, m_profilePath;
    QString m_ns;

    CliResult cli(const QStringList &args)
    {
        return runCli(m_db, QStringList{QStringLiteral("--profile"), m_profilePath,
                                        QStringLiteral("analyze-logs")} +
                                args);
    }

    QStringList requestPaths() const
    {
        QStringList paths;
        for (const auto &r : m_api->requests())
            paths << QString::fromLatin1(r.path);
        return paths;
    }

private Q_SLOTS:
    void initTestCase()
    {
        enterTestMode();
        qputenv("KUBECACHEDIR", (m_tmp.path() + QStringLiteral("/cache")).toUtf8());
        qunsetenv("IDESK_KUBECTL");
    }

    void init()
    {
        m_api = std::make_unique<FakeKubeApi>();
        QVERIFY(m_api->start());
        qputenv("KUBECONFIG",
                m_api->writeKubeconfig(m_tmp.path(), QStringLiteral("fake")).toUtf8());
        Profile p = defaultProfile();
        p.kube.context = QStringLiteral("fake");
        m_ns = p.kube.ns;
        m_api->setPods({{m_ns, QStringLiteral("backend-aaaa"), QStringLiteral("Running")},
                        {m_ns, QStringLiteral("backend-bbbb"), QStringLiteral("Running")},
                        {QStringLiteral("staging"), QStringLiteral("backend-cccc"),
                         QStringLiteral("Running")}});
        m_api->setPodLog(QStringLiteral("backend-aaaa"), kPodA);
        m_api->setPodLog(QStringLiteral("backend-bbbb"), kPodB);
        m_api->setPodLog(QStringLiteral("backend-cccc"), "ERROR staging only\n");
        m_profilePath = m_tmp.path() + QStringLiteral("/profile.json");
        QFile f(m_profilePath);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(profileToJson(p));
        f.close();
        m_db = m_tmp.path() + QStringLiteral("/db.sqlite");
        QFile::remove(m_db);
    }

    void cleanup() { qunsetenv("KUBECONFIG"); }

    void onePodSinceAnHour()
    {
        const CliResult r =
            cli({QStringLiteral("--kubectl"), QStringLiteral("deployment/backend"),
                 QStringLiteral("--since"), QStringLiteral("1h"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 3);
        const int errors = o.value(QStringLiteral("errorLines")).toInt();
        QVERIFY(errors == 2 || errors == 1); // whichever pod kubectl picked
        QString logPath;
        for (const QString &p : requestPaths())
            if (p.contains(QStringLiteral("/log")))
                logPath = p;
        QVERIFY2(
            logPath.startsWith(QStringLiteral("/api/v1/namespaces/%1/pods/backend-").arg(m_ns)),
            qPrintable(logPath));
        QVERIFY2(logPath.contains(QStringLiteral("sinceSeconds=3600")), qPrintable(logPath));
        // Reading logs needs the profile, not the incident database.
        QVERIFY(!QFileInfo::exists(m_db));
    }

    // A pod that writes no line breaks (a binary, a runaway process) is refused once the line
    // passes the limit, instead of being held in memory without end.
    void aLineWithoutEndIsRefused()
    {
        m_api->setPodLog(QStringLiteral("backend-aaaa"), QByteArray(3 << 20, 'x'));
        m_api->setPodLog(QStringLiteral("backend-bbbb"), QByteArray(3 << 20, 'y'));
        Profile p = defaultProfile();
        p.kube.context = QStringLiteral("fake");
        KubectlLogsSource source;
        source.deployment = QStringLiteral("backend");
        source.maxLine = 1 << 20;
        logs::LogAnalyzer analyzer;
        QString error;
        QCOMPARE(feedKubectlLogs(analyzer, p, source, &error), FeedResult::Failed);
        QCOMPARE(error,
                 QStringLiteral("kubectl logs deployment/backend has a line longer than 1 MB: "
                                "only text logs with line breaks can be analysed"));
    }

    void allPodsOfAnotherNamespace()
    {
        const CliResult all =
            cli({QStringLiteral("--kubectl"), QStringLiteral("deployment/backend"),
                 QStringLiteral("--all-pods"), QStringLiteral("--json")});
        QVERIFY2(all.code == 0, qPrintable(all.err));
        const QJsonObject o = QJsonDocument::fromJson(all.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("errorLines")).toInt(), 3);

        const CliResult staging =
            cli({QStringLiteral("--kubectl"), QStringLiteral("deployment/backend"),
                 QStringLiteral("--namespace"), QStringLiteral("staging")});
        QVERIFY2(staging.code == 0, qPrintable(staging.err));
        QVERIFY(staging.out.contains(QStringLiteral("1 ERROR staging only")));
    }

    void unsafeInputNeverReachesKubectl_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("name") << QStringList{QStringLiteral("--kubectl"),
                                             QStringLiteral("deployment/Bad_Name;rm")}
                              << 4;
        QTest::newRow("namespace")
            << QStringList{QStringLiteral("--kubectl"), QStringLiteral("deployment/backend"),
                           QStringLiteral("--namespace"), QStringLiteral("--all-namespaces")}
            << 4;
        QTest::newRow("since") << QStringList{QStringLiteral("--kubectl"),
                                              QStringLiteral("deployment/backend"),
                                              QStringLiteral("--since"),
                                              QStringLiteral("1h --all-pods")}
                               << 4;
        QTest::newRow("not a deployment")
            << QStringList{QStringLiteral("--kubectl"), QStringLiteral("pod/backend-aaaa")} << 2;
        QTest::newRow("since without kubectl")
            << QStringList{QStringLiteral("--since"), QStringLiteral("1h")} << 2;
    }

    void unsafeInputNeverReachesKubectl()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const CliResult r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY(m_api->requests().isEmpty());
    }

    void kubectlErrorsAreReported()
    {
        m_api->setHang(true);
        const CliResult r = cli({QStringLiteral("--kubectl"), QStringLiteral("deployment/backend"),
                                 QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("kubectl logs deployment/backend")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestLogsKubectl)
#include "test_logs_kubectl.moc"
