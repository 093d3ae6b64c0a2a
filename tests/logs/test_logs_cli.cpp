// `incidentdesk-cli analyze-logs`: exit codes, the JSON shape, the text headings, terminal
// safety, gzip and standard input.

#include "testsupport.h"
#include "testsupport/clirunner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace idesk;

namespace {

const QByteArray kLog = "2024-05-01T13:55:36Z ERROR request failed user=u_12 order=ord_9f\n"
                        "2024-05-01T13:55:40Z INFO GET /api response_time=120\n"
                        "2024-05-01T13:56:01Z ERROR request failed user=u_13 order=ord_a1\n"
                        "2024-05-01T13:56:02Z INFO GET /api response_time=95\n"
                        "ERROR escape \x1b]0;owned\x07 and \xff\xfe bytes\n"
                        "last line response_time 300";

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runBinary(const QStringList &args, const QString &stdinFile = {})
{
    QProcess p;
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    else
        p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(IDESK_CLI_BINARY), args);
    p.waitForFinished(-1);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray gzip(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-c"), file});
    p.waitForFinished(-1);
    return p.readAllStandardOutput();
}

} // namespace

class TestLogsCli : public QObject
{
    Q_OBJECT

    test::TempDir m_dir;
    QString m_db, m_log;

    test::CliResult cli(const QStringList &args) { return test::runCli(m_db, args); }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        m_db = m_dir.file(QStringLiteral("db.sqlite"));
        m_dir.write(QStringLiteral("app.log"), kLog);
        m_log = m_dir.file(QStringLiteral("app.log"));
    }

    void textHasTheRunbookHeadingsInOrder()
    {
        const test::CliResult r = cli({QStringLiteral("analyze-logs"), m_log});
        QCOMPARE(r.code, 0);
        const qsizetype a = r.out.indexOf(QStringLiteral("=== Error Analysis ==="));
        const qsizetype b = r.out.indexOf(QStringLiteral("=== Top Error Messages ==="));
        const qsizetype c = r.out.indexOf(QStringLiteral("=== Response Time Analysis ==="));
        QVERIFY(a >= 0 && b > a && c > b);
        // Answer 3 as tail prints it: largest last.
        QVERIFY(r.out.indexOf(QStringLiteral("response_time=95\n")) <
                r.out.indexOf(QStringLiteral("\n300\n")));
    }

    void textNeverWritesControlCharactersRaw()
    {
        const test::CliResult r = cli({QStringLiteral("analyze-logs"), m_log});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains(QChar(0x1b)));
        QVERIFY(!r.out.contains(QChar(0x07)));
        QVERIFY(r.out.contains(QStringLiteral("escape \\x1b]0;owned\\x07 and \uFFFD\uFFFD bytes")));
    }

    void jsonNeverWritesDeleteOrC1Raw_data()
    {
        QTest::addColumn<QByteArray>("control");
        QTest::newRow("DEL") << QByteArray("\x7f");
        QTest::newRow("U+009B") << QByteArray("\xc2\x9b");
    }

    void jsonNeverWritesDeleteOrC1Raw()
    {
        // DEL and U+009B (a CSI on many terminals) are valid in JSON text, so the report keeps
        // them; the terminal filter must still catch them, wherever they sit in a long line.
        QFETCH(QByteArray, control);
        QByteArray log;
        for (int at = 0; at < 40; ++at)
            log += "ERROR " + QByteArray(at, 'a') + control + QByteArray(20, 'b') + '\n';
        m_dir.write(QStringLiteral("controls.log"), log);
        const Run r =
            runBinary({QStringLiteral("--db"), m_db, QStringLiteral("analyze-logs"),
                       QStringLiteral("--json"), m_dir.file(QStringLiteral("controls.log"))});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QByteArray(39, 'a')));
        QVERIFY(!r.out.contains(control));
    }

    void jsonHasTheDocumentedShape()
    {
        const Run r = runBinary({QStringLiteral("--db"), m_db, QStringLiteral("analyze-logs"),
                                 QStringLiteral("--json"), m_log});
        QCOMPARE(r.code, 0);
        // Keys in the documented order.
        const char *keys[] = {
            "\"schema\"",           "\"lines\"",   "\"errorLines\"", "\"errorGroups\"",
            "\"topErrorMessages\"", "\"slowest\"", "\"templates\"",  "\"errorsPerMinute\""};
        qsizetype at = -1;
        for (const char *k : keys) {
            const qsizetype next = r.out.indexOf(k);
            QVERIFY2(next > at, k);
            at = next;
        }
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("schema")).toString(),
                 QStringLiteral("incidentdesk.logreport/1"));
        QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("errorLines")).toInt(), 3);
        const QJsonArray slowest = o.value(QStringLiteral("slowest")).toArray();
        QCOMPARE(slowest.size(), 3);
        QCOMPARE(slowest[0].toObject().value(QStringLiteral("value")).toDouble(), 300.0);
        QCOMPARE(slowest[0].toObject().value(QStringLiteral("line")).toString(),
                 QStringLiteral("last line response_time 300"));
        const QJsonObject t = o.value(QStringLiteral("templates")).toArray()[0].toObject();
        QCOMPARE(t.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(t.value(QStringLiteral("template")).toString(),
                 QStringLiteral("ERROR request failed user=<*> order=<*>"));
        QCOMPARE(t.value(QStringLiteral("first")).toString(),
                 QStringLiteral("2024-05-01T13:55:36.000Z"));
        QVERIFY(!t.contains(QStringLiteral("lineNumbers")));
        const QJsonArray perMinute = o.value(QStringLiteral("errorsPerMinute")).toArray();
        QCOMPARE(perMinute.size(), 2);
        QCOMPARE(perMinute[0].toObject().value(QStringLiteral("minute")).toString(),
                 QStringLiteral("2024-05-01T13:55Z"));
        // Invalid UTF-8 arrives as U+FFFD, the escape as \u001b.
        QVERIFY(r.out.contains("\\u001b]0;owned\\u0007 and \xEF\xBF\xBD\xEF\xBF\xBD bytes"));
    }

    void withLinesMatchAndLimits()
    {
        const test::CliResult r = cli({QStringLiteral("analyze-logs"), QStringLiteral("--json"),
                                       QStringLiteral("--with-lines"), QStringLiteral("--match"),
                                       QString(), QStringLiteral("--top"), QStringLiteral("2"),
                                       QStringLiteral("--slowest=1"), m_log});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("errorLines")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("topErrorMessages")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("slowest")).toArray().size(), 1);
        int numbered = 0;
        for (const QJsonValue &t : o.value(QStringLiteral("templates")).toArray())
            numbered += int(t.toObject().value(QStringLiteral("lineNumbers")).toArray().size());
        QCOMPARE(numbered, 6);
    }

    void gzipAndStandardInputGiveTheSameReport()
    {
        m_dir.write(QStringLiteral("app.log.gz"), gzip(m_log));
        // Two gzip members back to back, as `cat a.gz b.gz` makes.
        m_dir.write(QStringLiteral("twice.gz"), gzip(m_log) + gzip(m_log));
        const QStringList base{QStringLiteral("--db"), m_db, QStringLiteral("analyze-logs"),
                               QStringLiteral("--json")};
        const Run plain = runBinary(base + QStringList{m_log});
        const Run gz = runBinary(base + QStringList{m_dir.file(QStringLiteral("app.log.gz"))});
        const Run in = runBinary(base + QStringList{QStringLiteral("-")}, m_log);
        QCOMPARE(plain.code, 0);
        QCOMPARE(gz.code, 0);
        QCOMPARE(in.code, 0);
        QCOMPARE(gz.out, plain.out);
        QCOMPARE(in.out, plain.out);
        const Run twice = runBinary(base + QStringList{m_dir.file(QStringLiteral("twice.gz"))});
        QCOMPARE(twice.code, 0);
        QCOMPARE(QJsonDocument::fromJson(twice.out).object().value(QStringLiteral("lines")).toInt(),
                 11); // the first copy's last line has no newline: it joins the second's first
    }

    void analysisLeavesTheDatabaseAlone()
    {
        // Opening (and creating, migrating) the database is not needed to read a log.
        const QString db = m_dir.file(QStringLiteral("untouched.sqlite"));
        const Run json = runBinary({QStringLiteral("--db"), db, QStringLiteral("analyze-logs"),
                                    QStringLiteral("--json"), m_log});
        QCOMPARE(json.code, 0);
        QVERIFY(json.out.startsWith("{\"schema\""));
        const test::CliResult text = test::runCli(db, {QStringLiteral("analyze-logs"), m_log});
        QCOMPARE(text.code, 0);
        QVERIFY(!QFileInfo::exists(db));
        // A command that needs it still opens it.
        QCOMPARE(test::runCli(db, {QStringLiteral("list")}).code, 0);
        QVERIFY(QFileInfo::exists(db));
    }

    void badInputIsADataError()
    {
        const test::CliResult missing =
            cli({QStringLiteral("analyze-logs"), m_dir.file(QStringLiteral("nope.log"))});
        QCOMPARE(missing.code, 3);
        QVERIFY(missing.err.contains(QStringLiteral("nope.log")));

        const test::CliResult dir = cli({QStringLiteral("analyze-logs"), m_dir.path()});
        QCOMPARE(dir.code, 3);

        QByteArray gz = gzip(m_log);
        m_dir.write(QStringLiteral("cut.gz"), gz.left(gz.size() / 2));
        const test::CliResult cut =
            cli({QStringLiteral("analyze-logs"), m_dir.file(QStringLiteral("cut.gz"))});
        QCOMPARE(cut.code, 3);
        QVERIFY(cut.err.contains(QStringLiteral("cut.gz")));

        gz[gz.size() / 2] = char(gz[gz.size() / 2] ^ 0x55);
        gz[gz.size() / 2 + 1] = char(gz[gz.size() / 2 + 1] ^ 0x55);
        m_dir.write(QStringLiteral("corrupt.gz"), gz);
        const test::CliResult corrupt =
            cli({QStringLiteral("analyze-logs"), m_dir.file(QStringLiteral("corrupt.gz"))});
        QCOMPARE(corrupt.code, 3);
    }

    void emptyAndBinaryInputGiveAReport()
    {
        m_dir.write(QStringLiteral("empty.log"), {});
        const test::CliResult empty = cli({QStringLiteral("analyze-logs"), QStringLiteral("--json"),
                                           m_dir.file(QStringLiteral("empty.log"))});
        QCOMPARE(empty.code, 0);
        QCOMPARE(
            QJsonDocument::fromJson(empty.out.toUtf8()).object().value(QStringLiteral("lines")),
            QJsonValue(0));

        QByteArray junk;
        for (int i = 0; i < 100000; ++i)
            junk += char((i * 7919) & 0xff);
        m_dir.write(QStringLiteral("junk.bin"), junk);
        const test::CliResult bin = cli({QStringLiteral("analyze-logs"), QStringLiteral("--match"),
                                         QString(), m_dir.file(QStringLiteral("junk.bin"))});
        QCOMPARE(bin.code, 0);
        for (QChar c : bin.out)
            QVERIFY(c == QLatin1Char('\n') || c.unicode() >= 0x20);
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("negative top") << QStringList{QStringLiteral("--top"), QStringLiteral("-1")};
        QTest::newRow("text slowest") << QStringList{QStringLiteral("--slowest=many")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--kube")};
        QTest::newRow("files with kubectl")
            << QStringList{QStringLiteral("--kubectl"), QStringLiteral("deployment/backend"),
                           QStringLiteral("app.log")};
        QTest::newRow("stdin twice") << QStringList{QStringLiteral("-"), QStringLiteral("-")};
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, args);
        const test::CliResult r = cli(QStringList{QStringLiteral("analyze-logs")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("analyze-logs [FILE...|-]")));
    }
};

QTEST_GUILESS_MAIN(TestLogsCli)
#include "test_logs_cli.moc"
