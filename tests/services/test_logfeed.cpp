// The log readers the CLI and the log panel share: progress and stopping, gzip, and lines read
// back by number.

#include "core/logs/logreport.h"
#include "services/logs/logfeed.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace idesk;

class TestLogFeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void progressReachesTheSizeAndStops()
    {
        test::TempDir dir;
        QByteArray log;
        for (int i = 0; i < 20000; ++i)
            log += "2024-05-01T10:00:00Z ERROR failed id=" + QByteArray::number(i) + '\n';
        dir.write(QStringLiteral("a.log"), log);
        const QString path = dir.file(QStringLiteral("a.log"));

        logs::LogAnalyzer all;
        QString error;
        QList<qint64> seen;
        QCOMPARE(feedLogFile(
                     all, path, &error,
                     [&](qint64 done, qint64 total) {
                         seen << done;
                         return total == log.size();
                     },
                     64 * 1024),
                 FeedResult::Done);
        QVERIFY(seen.size() > 5);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.last(), qint64(log.size()));
        QCOMPARE(all.finish().errorLines, 20000);

        logs::LogAnalyzer stopped;
        int calls = 0;
        QCOMPARE(feedLogFile(
                     stopped, path, &error, [&](qint64, qint64) { return ++calls < 3; }, 64 * 1024),
                 FeedResult::Stopped);
        QCOMPARE(calls, 3);
        QVERIFY(stopped.finish().lines < 20000);

        logs::LogAnalyzer missing;
        QCOMPARE(feedLogFile(missing, dir.file(QStringLiteral("none.log")), &error),
                 FeedResult::Failed);
        QVERIFY(error.contains(QStringLiteral("none.log")));
    }

    void aFileThatShrinksWhileReadIsAnError()
    {
        // A rotation that truncates the log in place (copytruncate) while it is analysed: the
        // rest of the file is gone under a window that was already open. The feed says so; it
        // must not crash the process.
        test::TempDir dir;
        QByteArray log;
        for (int i = 0; i < 40000; ++i)
            log += "2024-05-01T10:00:00Z ERROR failed id=" + QByteArray::number(i) + '\n';
        dir.write(QStringLiteral("c.log"), log);
        const QString path = dir.file(QStringLiteral("c.log"));
        for (const qint64 keep : {qint64(0), qint64(100), qint64(70000)}) {
            logs::LogAnalyzer analyzer;
            QString error;
            int calls = 0;
            QCOMPARE(feedLogFile(
                         analyzer, path, &error,
                         [&](qint64, qint64) {
                             if (++calls == 1)
                                 QFile::resize(path, keep);
                             return true;
                         },
                         64 * 1024),
                     FeedResult::Failed);
            QVERIFY2(error.contains(QStringLiteral("c.log")), qPrintable(error));
            dir.write(QStringLiteral("c.log"), log);
        }
    }

    void bytesInBlocksGiveTheWholeReportAndStop()
    {
        // A line longer than a block and a last line without a newline: the blocks bend to the
        // lines, and the report is the one of the bytes analysed at once.
        QByteArray log;
        for (int i = 0; i < 5000; ++i)
            log += "2024-05-01T10:00:0" + QByteArray::number(i % 10) +
                   "Z ERROR failed id=" + QByteArray::number(i) + '\n';
        log += "ERROR " + QByteArray(200 * 1024, 'x') + " response_time: 9\n";
        log += "2024-05-01T10:01:00Z ERROR last one";
        logs::Options opt;
        opt.withLines = true;
        const QByteArray whole = logs::reportToJson(logs::LogAnalyzer::analyze(log, opt), true);

        logs::LogAnalyzer blocks(opt);
        QList<qint64> seen;
        QCOMPARE(feedLogBytes(
                     blocks, log,
                     [&](qint64 done, qint64 total) {
                         seen << done;
                         return total == log.size();
                     },
                     4096),
                 FeedResult::Done);
        QVERIFY(seen.size() > 20);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(logs::reportToJson(blocks.finish(), true), whole);

        logs::LogAnalyzer stopped(opt);
        int calls = 0;
        QCOMPARE(feedLogBytes(
                     stopped, log, [&](qint64, qint64) { return ++calls < 3; }, 4096),
                 FeedResult::Stopped);
        QCOMPARE(calls, 3);
        QVERIFY(stopped.finish().lines < 5000);
    }

    void linesByNumberFromMemoryAndFiles()
    {
        const QByteArray log = "one\ntwo\n\nfour\nfive without newline";
        const std::vector<qint64> wanted{2, 3, 5, 9};
        const auto lines = linesByNumber(log, wanted);
        QCOMPARE(lines.size(), size_t(3));
        QCOMPARE(lines[0].number, 2);
        QCOMPARE(lines[0].text, QByteArray("two"));
        QCOMPARE(lines[1].text, QByteArray());
        QCOMPARE(lines[2].number, 5);
        QCOMPARE(lines[2].text, QByteArray("five without newline"));

        test::TempDir dir;
        dir.write(QStringLiteral("b.log"), log);
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"),
                   {QStringLiteral("-k"), dir.file(QStringLiteral("b.log"))});
        QVERIFY(gzip.waitForFinished());
        for (const QString &name : {QStringLiteral("b.log"), QStringLiteral("b.log.gz")}) {
            std::vector<NumberedLine> fromFile;
            QString error;
            QVERIFY(linesByNumber(dir.file(name), wanted, &fromFile, &error));
            QCOMPARE(fromFile.size(), size_t(3));
            QCOMPARE(fromFile[2].text, QByteArray("five without newline"));
        }
        // A very long line is cut to the cap, not held whole.
        const QByteArray longLine = "x\n" + QByteArray(logs::kTextCap * 3, 'y') + "\nz\n";
        const auto cut = linesByNumber(longLine, {2, 3});
        QCOMPARE(cut[0].text.size(), logs::kTextCap);
        QCOMPARE(cut[1].text, QByteArray("z"));
    }

    // From a stream (here a .gz file) a line longer than many blocks is analysed whole and
    // right; one longer than the limit is refused with a message instead of growing without end.
    void longLinesFromAStream()
    {
        test::TempDir dir;
        const QByteArray longLine = "ERROR " + QByteArray(3 << 20, 'a') + " tail";
        dir.write(QStringLiteral("long.log"),
                  "first ERROR x\n" + longLine + "\nINFO response_time: 7\n");
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"), {dir.file(QStringLiteral("long.log"))});
        QVERIFY(gzip.waitForFinished() && gzip.exitCode() == 0);
        const QString gz = dir.file(QStringLiteral("long.log.gz"));

        logs::LogAnalyzer ok;
        QString error;
        QCOMPARE(feedLogFile(ok, gz, &error, {}, 64 << 10, 4 << 20), FeedResult::Done);
        const logs::Report r = ok.finish();
        QCOMPARE(r.lines, 3);
        QCOMPARE(r.errorLines, 2);
        QCOMPARE(r.topErrorMessages.size(), size_t(2)); // "tail" and "x"
        QCOMPARE(r.slowest.size(), size_t(1));

        logs::LogAnalyzer refused;
        QCOMPARE(feedLogFile(refused, gz, &error, {}, 64 << 10, 1 << 20), FeedResult::Failed);
        QCOMPARE(error, gz + QStringLiteral(" has a line longer than 1 MB: only text logs with "
                                            "line breaks can be analysed"));
    }

    // A stream stops when the progress callback says so, as a mapped file does.
    void aStreamStopsWhenAsked()
    {
        test::TempDir dir;
        QByteArray log;
        for (int i = 0; i < 20000; ++i)
            log += "ERROR line " + QByteArray::number(i) + '\n';
        dir.write(QStringLiteral("s.log"), log);
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"), {dir.file(QStringLiteral("s.log"))});
        QVERIFY(gzip.waitForFinished() && gzip.exitCode() == 0);
        logs::LogAnalyzer analyzer;
        QString error;
        int calls = 0;
        QCOMPARE(feedLogFile(
                     analyzer, dir.file(QStringLiteral("s.log.gz")), &error,
                     [&](qint64, qint64) { return ++calls < 3; }, 4096),
                 FeedResult::Stopped);
        QCOMPARE(calls, 3);
        QVERIFY(analyzer.finish().lines < 20000);
    }

    void deploymentTargets()
    {
        QCOMPARE(deploymentOf(QStringLiteral("deployment/backend")), QStringLiteral("backend"));
        QVERIFY(!deploymentOf(QStringLiteral("pod/backend")));
        QVERIFY(!deploymentOf(QStringLiteral("backend")));
    }
};

QTEST_GUILESS_MAIN(TestLogFeed)
#include "test_logfeed.moc"
