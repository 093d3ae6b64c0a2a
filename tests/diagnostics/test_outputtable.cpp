// kubectl's table output read back into columns and rows, on output shaped exactly as kubectl
// prints it (tabwriter padding, the last column unpadded), and what must stay text.

#include "diagnostics/outputtable.h"

#include <QTest>

using namespace idesk;
using namespace idesk::diag;

Q_DECLARE_METATYPE(QList<QStringList>)

class TestOutputTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getPods();
    void getDeploymentsWide();
    void topPods();
    void events();
    void emptyCellsAndRaggedLines();
    void wideCharactersKeepPositions();
    void notTabular_data();
    void notTabular();
    void sqlResultSet();
};

void TestOutputTable::getPods()
{
    const QString out = QStringLiteral(
        "NAME                       READY   STATUS             RESTARTS        AGE\n"
        "backend-5d8f7c9b4-x2x7q    1/1     Running            0               3d4h\n"
        "backend-5d8f7c9b4-zq9kt    0/1     CrashLoopBackOff   7 (2m13s ago)   3d4h\n"
        "frontend-7c6d9f8b5-abcde   1/1     Running            1 (3 days ago)  12d\n");
    const auto t = parseKubectlTable(out);
    QVERIFY(t);
    QCOMPARE(t->columns,
             (QStringList{QStringLiteral("NAME"), QStringLiteral("READY"), QStringLiteral("STATUS"),
                          QStringLiteral("RESTARTS"), QStringLiteral("AGE")}));
    QCOMPARE(t->rows.size(), 3);
    QCOMPARE(t->rows[1], (QStringList{QStringLiteral("backend-5d8f7c9b4-zq9kt"),
                                      QStringLiteral("0/1"), QStringLiteral("CrashLoopBackOff"),
                                      QStringLiteral("7 (2m13s ago)"), QStringLiteral("3d4h")}));
    // A cell one short of its column's width still ends at the next column.
    QCOMPARE(t->rows[2][3], QStringLiteral("1 (3 days ago)"));
    QCOMPARE(t->rows[2][4], QStringLiteral("12d"));
}

void TestOutputTable::getDeploymentsWide()
{
    const QString out = QStringLiteral(
        "NAME       READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                 "
        "        SELECTOR\n"
        "backend    3/3     3            3           40d   backend      "
        "registry.local/backend:2.4.1   app=backend,tier=api\n"
        "frontend   2/2     2            2           40d   frontend     "
        "registry.local/web:1.9         app=frontend\n");
    const auto t = parseKubectlTable(out);
    QVERIFY(t);
    QCOMPARE(t->columns.size(), 8);
    QCOMPARE(t->columns[2], QStringLiteral("UP-TO-DATE"));
    QCOMPARE(t->rows.size(), 2);
    QCOMPARE(t->rows[0][6], QStringLiteral("registry.local/backend:2.4.1"));
    QCOMPARE(t->rows[0][7], QStringLiteral("app=backend,tier=api"));
    QCOMPARE(t->rows[1][6], QStringLiteral("registry.local/web:1.9"));
}

void TestOutputTable::topPods()
{
    const QString out = QStringLiteral("NAME                       CPU(cores)   MEMORY(bytes)\n"
                                       "backend-5d8f7c9b4-x2x7q    250m         512Mi\n"
                                       "postgres-0                 1021m        2048Mi\n");
    const auto t = parseKubectlTable(out);
    QVERIFY(t);
    QCOMPARE(t->columns, (QStringList{QStringLiteral("NAME"), QStringLiteral("CPU(cores)"),
                                      QStringLiteral("MEMORY(bytes)")}));
    QCOMPARE(t->rows[1], (QStringList{QStringLiteral("postgres-0"), QStringLiteral("1021m"),
                                      QStringLiteral("2048Mi")}));
}

void TestOutputTable::events()
{
    // Two-word column names; the message, last, keeps its own runs of blanks.
    const QString out = QStringLiteral(
        "LAST SEEN   TYPE      REASON      OBJECT                        MESSAGE\n"
        "2m13s       Warning   BackOff     pod/backend-5d8f7c9b4-zq9kt   Back-off restarting "
        "failed container backend in pod backend-5d8f7c9b4-zq9kt_web3-marketplace(1f2e)\n"
        "45s         Normal    Pulled      pod/frontend-7c6d9f8b5-abcde  Container image "
        "\"web:1.9\" already present on machine\n"
        "<unknown>   Warning   Unhealthy   pod/postgres-0                Readiness probe failed:  "
        "timeout\n");
    const auto t = parseKubectlTable(out);
    QVERIFY(t);
    QCOMPARE(t->columns, (QStringList{QStringLiteral("LAST SEEN"), QStringLiteral("TYPE"),
                                      QStringLiteral("REASON"), QStringLiteral("OBJECT"),
                                      QStringLiteral("MESSAGE")}));
    QCOMPARE(t->rows.size(), 3);
    QCOMPARE(t->rows[0][0], QStringLiteral("2m13s"));
    QVERIFY(t->rows[0][4].startsWith(u"Back-off restarting failed container"));
    QCOMPARE(t->rows[1][3], QStringLiteral("pod/frontend-7c6d9f8b5-abcde"));
    QCOMPARE(t->rows[2][4], QStringLiteral("Readiness probe failed:  timeout"));
}

void TestOutputTable::emptyCellsAndRaggedLines()
{
    const QString out = QStringLiteral(
        "NAME       TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)          AGE\n"
        "backend    ClusterIP      10.96.12.40                  8080/TCP         40d\n"
        "frontend   LoadBalancer   10.96.80.11    203.0.113.7   80:31380/TCP     40d\n"
        "headless   ClusterIP\r\n"
        "\n\n");
    const auto t = parseKubectlTable(out);
    QVERIFY(t);
    QCOMPARE(t->rows.size(), 3);
    QCOMPARE(t->rows[0][3], QString()); // empty, and the next cell stays in its column
    QCOMPARE(t->rows[0][4], QStringLiteral("8080/TCP"));
    QCOMPARE(t->rows[1][3], QStringLiteral("203.0.113.7"));
    QCOMPARE(t->rows[2], (QStringList{QStringLiteral("headless"), QStringLiteral("ClusterIP"),
                                      QString(), QString(), QString(), QString()}));
}

void TestOutputTable::wideCharactersKeepPositions()
{
    // Outside the BMP a character is two UTF-16 units but one padded position.
    const QString out = QString::fromUtf8("NAME     STATUS   NOTE\n"
                                          "pod-\xF0\x9F\x98\x80   Ready    ok\n"
                                          "pod-b    Failed   \xF0\x9F\x94\xA5 hot\n");
    const auto t = parseKubectlTable(out);
    QVERIFY(t);
    QCOMPARE(t->rows[0][0], QString::fromUtf8("pod-\xF0\x9F\x98\x80"));
    QCOMPARE(t->rows[0][1], QStringLiteral("Ready"));
    QCOMPARE(t->rows[1][2], QString::fromUtf8("\xF0\x9F\x94\xA5 hot"));
}

void TestOutputTable::notTabular_data()
{
    QTest::addColumn<QString>("output");
    QTest::newRow("no resources") << QStringLiteral("No resources found in web3-marketplace "
                                                    "namespace.\n");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank lines") << QStringLiteral("\n  \n");
    QTest::newRow("one column") << QStringLiteral("NAME\nbackend\nfrontend\n");
    QTest::newRow("header only") << QStringLiteral("NAME   READY   STATUS\n");
    QTest::newRow("yaml") << QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n");
    QTest::newRow("log lines") << QStringLiteral("2024-05-01T10:00:00Z  ERROR  failed\n"
                                                 "2024-05-01T10:00:01Z  INFO  ok\n");
    QTest::newRow("sentence in capitals")
        << QStringLiteral("ERROR: connection refused\nretrying in 5s\n");
    QTest::newRow("two tables") << QStringLiteral("NAME      READY\npod/a     1/1\n\n"
                                                  "NAME      TYPE\nsvc/a     ClusterIP\n");
    QTest::newRow("misaligned row")
        << QStringLiteral("NAME   READY   STATUS\nbackend-with-a-long-name 1/1 Running\n");
    QTest::newRow("punctuation in capitals")
        << QStringLiteral("WARNING!  DISK FULL\nnode-1    92%\n");
    QTest::newRow("parentheses the wrong way round")
        << QStringLiteral("CPU)(CORES  READY\n5m          1/1\n");
    QTest::newRow("tabs") << QStringLiteral("NAME\tREADY\nbackend\t1/1\n");
    QTest::newRow("indented") << QStringLiteral("  NAME   READY\n  a      1/1\n");
    QTest::newRow("psql") << QStringLiteral(" pid | state\n-----+-------\n 12  | active\n");
}

void TestOutputTable::notTabular()
{
    QFETCH(QString, output);
    QVERIFY(!parseKubectlTable(output));
    DiagnosticResult r;
    r.kind = QStringLiteral("kubectl");
    r.output = output;
    QVERIFY(!tableOf(r));
}

void TestOutputTable::sqlResultSet()
{
    DiagnosticResult r;
    r.kind = QStringLiteral("sql");
    r.columns = QStringList{QStringLiteral("pid"), QStringLiteral("state")};
    r.rows = {{QStringLiteral("12"), QStringLiteral("active")}, {QStringLiteral("13")}};
    r.output = formatTable(r.columns, r.rows);
    const auto t = tableOf(r);
    QVERIFY(t);
    QCOMPARE(t->columns, r.columns);
    QCOMPARE(t->rows[1], (QStringList{QStringLiteral("13"), QString()}));
    // The same text from an http check is not read as a table.
    r.kind = QStringLiteral("http");
    r.columns.clear();
    r.rows.clear();
    r.output = QStringLiteral("NAME   READY\na      1/1\n");
    QVERIFY(!tableOf(r));
    r.kind = QStringLiteral("kubectl");
    QVERIFY(tableOf(r));
}

QTEST_APPLESS_MAIN(TestOutputTable)
#include "test_outputtable.moc"
