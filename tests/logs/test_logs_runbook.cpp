// The core's three runbook answers against grep/sort/uniq/awk run for real on the same bytes:
// hand-made logs full of edge cases (golden), and seeded random logs (property).

#include "core/logs/loganalyzer.h"
#include "core/logs/logreport.h"
#include "runbookpipelines.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <functional>
#include <memory>
#include <sys/resource.h>

using namespace idesk;
using namespace idesk::logs;

namespace {

QByteArray edgeCaseLog()
{
    QByteArray log;
    const auto add = [&](const QByteArray &line) { log += line + '\n'; };
    add("2024-05-01T13:55:36Z ERROR request failed user=u_12 order=ord_9f");
    add("2024-05-01T13:55:36Z ERROR request failed user=u_12 order=ord_9f");
    add("2024-05-01T13:55:37.250+02:00 ERROR request failed user=u_13 order=ord_a1");
    add("xERRORy substring counts");
    add("ERRORS plural counts");
    add("error lower case does not");
    add("ERROR\ttabs\tbetween\tfields\t");
    add("ERROR   runs of   blanks   ");
    add("   ERROR leading blanks");
    add("ERROR");
    add("ERROR ");
    add("");
    add("   ");
    add("\t");
    add("ERROR crlf line\r");
    add("ERROR crlf line\r");
    add("ERROR trailing tab field\t\r");
    add(QByteArray("ERROR nul\0byte inside", 21));
    add(QByteArray("ERROR nul at end \0", 18));
    add("ERROR invalid utf8 \xff\xfe and \xc3 cut");
    add("ERROR valid utf8 caf\xc3\xa9 \xe2\x82\xac");
    add("ERROR escape \x1b[31mred\x1b[0m");
    add("ERROR tie a");
    add("ERROR tie b");
    add("ERROR tie b");
    add("ERROR tie a");
    add("ERROR tie ab");
    add("ERROR tie ab");
    add("ERROR " + QByteArray(4000, 'x'));
    add("ERROR " + QByteArray(100000, 'y'));
    add("ERROR " + QByteArray(100000, 'y'));
    add("ERROR " + QByteArray(50000, 'z') + " tail");
    // response_time values as sort -n reads them.
    const char *values[] = {"120ms",
                            "-5",
                            "+5",
                            ".5",
                            "-.5",
                            "1e3",
                            "0x1F",
                            "1,000",
                            "007",
                            "-0",
                            "0",
                            "abc",
                            "5",
                            "5.0",
                            "05",
                            "5ms",
                            "99.99",
                            "100",
                            "100.0",
                            "1000000000000000000000000",
                            "-1000000000000000000000",
                            "12.3.4",
                            "7",
                            "8",
                            "9",
                            "10",
                            "11",
                            "250",
                            "250",
                            "3.14159",
                            "2.71828"};
    int k = 0;
    for (const char *v : values) {
        const QByteArray value(v);
        switch (k++ % 4) {
        case 0:
            add("INFO GET /api response_time=" + value);
            break;
        case 1:
            add("INFO GET /api response_time " + value);
            break;
        case 2:
            add("WARN response_time " + value + "   ");
            break;
        default:
            add("ERROR slow response_time\t" + value + "\r");
            break;
        }
    }
    add("response_time");
    add("response_time   ");
    log += "last ERROR line without a newline";
    return log;
}

struct Case
{
    QByteArray match;
    int top;
    int slowest;
};

void compareWithTools(const QByteArray &log, const Case &c, int threads, const char *what)
{
    test::TempDir dir;
    dir.write(QStringLiteral("app.log"), log);
    const QString file = dir.file(QStringLiteral("app.log"));

    Options opt;
    opt.match = c.match;
    opt.top = c.top;
    opt.slowest = c.slowest;
    opt.threads = threads;
    const Report r = LogAnalyzer::analyze(log, opt);

    const QByteArray groups = test::cappedLines(test::runbookGroups(file, c.match));
    const QByteArray fields = test::cappedLines(test::runbookTopFields(file, c.match, c.top));
    const QByteArray slowest = test::cappedLines(test::runbookSlowest(file, c.slowest));
    if (test::renderCounted(r.errorGroups) != groups)
        qWarning().noquote() << what << "ours:\n"
                             << test::renderCounted(r.errorGroups).left(2000) << "\ntools:\n"
                             << groups.left(2000);
    QCOMPARE(test::renderCounted(r.errorGroups), groups);
    QCOMPARE(test::renderCounted(r.topErrorMessages), fields);
    QCOMPARE(test::renderSlowest(r.slowest), slowest);
    QCOMPARE(QByteArray::number(r.lines), test::runbookLineCount(file));
    qint64 matched = 0;
    for (const CountedText &g : r.errorGroups)
        matched += g.count;
    QCOMPARE(r.errorLines, matched);
}

// A random line from a vocabulary that produces the cases the tools disagree on when done
// carelessly: ties, blanks, signs, units, \r, NUL, invalid bytes, the match word inside words.
QByteArray randomLine(QRandomGenerator &rng, const std::vector<QByteArray> &previous)
{
    if (!previous.empty() && rng.bounded(10) < 3)
        return previous[size_t(rng.bounded(int(previous.size())))];
    static const QByteArray words[] = {"ERROR",
                                       "response_time",
                                       "xERRORx",
                                       "OR",
                                       "ERR",
                                       "12",
                                       "-3",
                                       "4.5ms",
                                       ".5",
                                       "-.5",
                                       "007",
                                       "-0",
                                       "abc",
                                       "5",
                                       "5.0",
                                       "+7",
                                       "1e9",
                                       "u_12",
                                       QByteArray("\0", 1),
                                       "\xff",
                                       "\xc3\xa9",
                                       "\r",
                                       "9999999999",
                                       "-",
                                       "."};
    static const QByteArray seps[] = {" ", "  ", "\t", " \t "};
    QByteArray line;
    const int n = rng.bounded(7);
    if (rng.bounded(5) == 0)
        line += seps[rng.bounded(4)];
    for (int i = 0; i < n; ++i) {
        if (i)
            line += seps[rng.bounded(4)];
        line += words[rng.bounded(int(std::size(words)))];
    }
    if (rng.bounded(5) == 0)
        line += seps[rng.bounded(4)];
    return line;
}

// A line of a bigger random log: mostly shaped like a service's (timestamp, level, message with
// ids and numbers with units or signs), with empty lines, blank runs, tabs, trailing blanks and
// now and then a line of several kilobytes.
QByteArray serviceLine(QRandomGenerator &rng, const std::vector<QByteArray> &previous, int index)
{
    const int kind = rng.bounded(100);
    if (kind < 4)
        return {};
    if (kind < 12)
        return randomLine(rng, previous);
    QByteArray line;
    if (rng.bounded(4) != 0) {
        line += QByteArrayLiteral("2024-05-01T") + QByteArray::number(10 + index / 36000) + ':' +
                QByteArray::number(10 + index / 600 % 50) + ':' +
                QByteArray::number(10 + index / 10 % 50) + 'Z';
        line += rng.bounded(3) ? " " : "\t";
    }
    static const char *levels[] = {"ERROR", "INFO", "WARN", "error", "xERRORx"};
    line += levels[rng.bounded(5)];
    static const char *words[] = {"request",        "failed", "user=u_",
                                  "order ord_",     "took",   "response_time",
                                  "response_time:", "retry",  "ERROR"};
    static const char *units[] = {"ms", "s", "", "%", "MB"};
    const int n = rng.bounded(1, 9);
    for (int i = 0; i < n; ++i) {
        line += rng.bounded(6) ? " " : (rng.bounded(2) ? "  " : "\t");
        line += words[rng.bounded(int(std::size(words)))];
        if (rng.bounded(2))
            line += (rng.bounded(5) ? "" : "-") + QByteArray::number(rng.bounded(2000)) +
                    (rng.bounded(3) ? "" : "." + QByteArray::number(rng.bounded(100))) +
                    units[rng.bounded(5)];
    }
    if (rng.bounded(300) == 0)
        line += ' ' + QByteArray(rng.bounded(kTextCap - 100, kTextCap * 2), 'k');
    if (rng.bounded(8) == 0)
        line += rng.bounded(2) ? " " : " \t ";
    return line;
}

// The whole report, templates and line numbers included, as bytes to compare.
QByteArray everything(const Report &r)
{
    return reportToJson(r, true);
}

} // namespace

class TestLogsRunbook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void goldenEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("match");
        QTest::addColumn<int>("top");
        QTest::addColumn<int>("slowest");
        QTest::addColumn<int>("threads");
        QTest::newRow("runbook") << QByteArray("ERROR") << 10 << 20 << 1;
        QTest::newRow("runbook, two threads") << QByteArray("ERROR") << 10 << 20 << 2;
        QTest::newRow("every line") << QByteArray() << 10 << 20 << 2;
        QTest::newRow("other word, all fields") << QByteArray("OR") << 1000 << 1000 << 2;
        QTest::newRow("top 3, slowest 5") << QByteArray("ERROR") << 3 << 5 << 3;
        // Both words are searched in one pass: a word that starts where response_time does,
        // one inside it, one byte long, and one longer than the sixteen bytes tested at once.
        QTest::newRow("word sharing a start") << QByteArray("response") << 10 << 20 << 2;
        QTest::newRow("word inside the other") << QByteArray("time") << 10 << 20 << 1;
        QTest::newRow("one byte") << QByteArray("e") << 10 << 20 << 2;
        QTest::newRow("long word") << QByteArray("response_time: 12") << 10 << 20 << 1;
    }

    void goldenEdgeCases()
    {
        QFETCH(QByteArray, match);
        QFETCH(int, top);
        QFETCH(int, slowest);
        QFETCH(int, threads);
        compareWithTools(edgeCaseLog(), {match, top, slowest}, threads, "edge cases");
    }

    void goldenEmptyAndTiny_data()
    {
        QTest::addColumn<QByteArray>("log");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one newline") << QByteArray("\n");
        QTest::newRow("no newline") << QByteArray("ERROR response_time 5");
        QTest::newRow("only blanks") << QByteArray("  \t ");
    }

    void goldenEmptyAndTiny()
    {
        QFETCH(QByteArray, log);
        compareWithTools(log, {"ERROR", 10, 20}, 2, "tiny");
        compareWithTools(log, {"", 10, 20}, 2, "tiny, every line");
    }

    // Long lines are capped in the report but told apart and counted by all their bytes.
    void longLinesCountedExactly()
    {
        QByteArray log;
        const QByteArray common(kTextCap + 10, 'a');
        for (int i = 0; i < 3; ++i)
            log += "ERROR " + common + "one\n";
        log += "ERROR " + common + "two\n";
        const Report r = LogAnalyzer::analyze(log);
        QCOMPARE(r.errorGroups.size(), size_t(2));
        QCOMPARE(r.errorGroups[0].count, 3);
        QCOMPARE(r.errorGroups[1].count, 1);
        QVERIFY(r.errorGroups[0].truncated);
        QCOMPARE(r.errorGroups[0].text.size(), kTextCap);
    }

    // A capped line keeps its mark whichever core read it: the workers' answers are merged
    // from capped copies, which must not pass for whole lines. The long lines are spread over
    // many pieces so that both workers take some.
    void longSlowLinesKeepTheirMarkOnEveryThread()
    {
        QByteArray log;
        const QByteArray filler = "INFO GET /health 200 ok\n";
        const int pieces = 64;
        for (int i = 0; i < pieces; ++i) {
            while (log.size() < qsizetype(i + 1) * (256 << 10))
                log += filler;
            log += "WARN GET /orders " + QByteArray(kTextCap + 100, 'q') +
                   " response_time: " + QByteArray::number(1000 + i) + '\n';
        }
        Options one;
        one.slowest = pieces;
        one.threads = 1;
        const Report single = LogAnalyzer::analyze(log, one);
        Options two = one;
        two.threads = 2;
        const Report both = LogAnalyzer::analyze(log, two);
        QCOMPARE(both.slowest.size(), size_t(pieces));
        for (const SlowEntry &s : both.slowest)
            QVERIFY2(s.truncated, s.text.constData());
        QCOMPARE(everything(both), everything(single));
    }

    // The caller may hand over the bytes in any slices: the answers are the same.
    void slicedInputGivesTheSameReport()
    {
        const QByteArray log = edgeCaseLog();
        const Report whole = LogAnalyzer::analyze(log, {});
        QRandomGenerator rng(7);
        for (int round = 0; round < 5; ++round) {
            Options opt;
            opt.withLines = true;
            LogAnalyzer a(opt);
            QByteArray pending;
            qsizetype at = 0;
            while (at < log.size()) {
                const qsizetype n = std::min<qsizetype>(rng.bounded(1, 70000), log.size() - at);
                pending += log.mid(at, n);
                at += n;
                pending.remove(0, a.consume(pending, false));
            }
            QCOMPARE(a.consume(pending, true), pending.size());
            const Report r = a.finish();
            QCOMPARE(r.lines, whole.lines);
            QCOMPARE(test::renderCounted(r.errorGroups), test::renderCounted(whole.errorGroups));
            QCOMPARE(test::renderSlowest(r.slowest), test::renderSlowest(whole.slowest));
            QCOMPARE(r.templates.size(), whole.templates.size());
            qint64 numbered = 0;
            for (const Template &t : r.templates) {
                numbered += qint64(t.lineNumbers.size());
                QVERIFY(std::is_sorted(t.lineNumbers.begin(), t.lineNumbers.end()));
            }
            QCOMPARE(numbered, r.errorLines);
        }
    }

    // A size hint only sizes the tables: given with the first slice, after it (so the tables
    // are resized holding keys), too small or far too large, the answers are the same.
    void sizeHintChangesNothing_data()
    {
        QTest::addColumn<qint64>("hint");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("lines");
        QTest::newRow("the size") << qint64(-1) << 2 << 4000;
        QTest::newRow("far more") << qint64(1) << 1 << 4000;
        QTest::newRow("far more, two threads") << qint64(1) << 2 << 4000;
        QTest::newRow("too small") << qint64(10) << 2 << 4000;
        // Over a megabyte, announced as far bigger: the first block is cut short to size the
        // tables, and they are sized with thousands of keys in them.
        QTest::newRow("big, far more") << qint64(1) << 2 << 60000;
        QTest::newRow("big, far more, one thread") << qint64(1) << 1 << 60000;
    }

    void sizeHintChangesNothing()
    {
        QFETCH(qint64, hint);
        QFETCH(int, threads);
        QFETCH(int, lines);
        const int distinct = lines * 3 / 8;
        QByteArray log;
        for (int i = 0; i < lines; ++i) {
            const int k = i % distinct; // each line comes back up to twice more
            log += "2024-05-01T10:" + QByteArray::number(10 + k / 100 % 50) + ":00Z ERROR order " +
                   QByteArray::number(k) + " failed reason=" + QByteArray::number(k % 7) +
                   (k % 3 ? " response_time: " + QByteArray::number(k % 97) : QByteArray()) + '\n';
        }
        Options opt;
        opt.threads = threads;
        opt.withLines = true;
        const Report plain = LogAnalyzer::analyze(log, opt);
        LogAnalyzer a(opt);
        a.expectBytes(hint < 0 ? log.size() : hint == 1 ? log.size() * 1000 : hint);
        // Three slices ending at newlines: the tables are sized after the first, with its keys
        // in them.
        const qsizetype one = log.indexOf('\n', log.size() / 3) + 1;
        const qsizetype two = log.indexOf('\n', 2 * log.size() / 3) + 1;
        QCOMPARE(a.consume(log.first(one)), one);
        QCOMPARE(a.consume(log.sliced(one, two - one)), two - one);
        QCOMPARE(a.consume(log.sliced(two), true), log.size() - two);
        const Report sized = a.finish();
        QCOMPARE(plain.errorGroups.size(), size_t(distinct));
        QCOMPARE(everything(sized), everything(plain));
    }

    // A file's size is only a hint: a huge file whose first block is all distinct lines (a sparse
    // 4 GB file, a log of mostly blank lines after a burst) must not size the tables for the
    // whole file at that rate; memory follows the groups met, not the bytes announced.
    void hugeSizeHintKeepsMemoryBounded()
    {
        QByteArray block;
        for (int i = 0; i < 20000; ++i)
            block +=
                "2024-05-01T13:55:10Z ERROR request failed user=u_" + QByteArray::number(i) + '\n';
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        LogAnalyzer a;
        a.expectBytes(qint64(1) << 40); // a terabyte, announced
        QCOMPARE(a.consume(block), block.size());
        QCOMPARE(a.consume(block), block.size()); // the tables are sized after the first block
        const Report r = a.finish();
        QCOMPARE(r.errorGroups.size(), size_t(20000));
        rusage after{};
        getrusage(RUSAGE_SELF, &after);
        const long grownMb = (after.ru_maxrss - before.ru_maxrss) / 1024;
        QVERIFY2(grownMb < 200, qPrintable(QStringLiteral("peak grew by %1 MB").arg(grownMb)));
    }

    void propertyRandomLogs_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 12; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void propertyRandomLogs()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        std::vector<QByteArray> lines;
        QByteArray log;
        const int count = rng.bounded(50, 400);
        for (int i = 0; i < count; ++i) {
            lines.push_back(randomLine(rng, lines));
            log += lines.back();
            if (i + 1 < count || rng.bounded(2))
                log += '\n';
        }
        const QByteArray matches[] = {"ERROR", "", "OR", "5"};
        const QByteArray match = matches[rng.bounded(4)];
        compareWithTools(log, {match, rng.bounded(1, 15), rng.bounded(1, 30)}, rng.bounded(1, 4),
                         "random");
    }

    // Logs large enough that both cores get a share, fed in random slices: the three answers
    // equal the real pipelines', and the whole report (ties, examples, line numbers, templates)
    // equals the single-threaded one byte for byte.
    void bigRandomLogsMatchPipelinesAndOneCore_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("lines");
        QTest::newRow("a") << 101u << 8000;
        QTest::newRow("b") << 102u << 15000;
        // Past the size where finishing sorts on two cores.
        QTest::newRow("many groups") << 103u << 45000;
    }

    void bigRandomLogsMatchPipelinesAndOneCore()
    {
        QFETCH(quint32, seed);
        QFETCH(int, lines);
        QRandomGenerator rng(seed);
        std::vector<QByteArray> previous;
        QByteArray log;
        for (int i = 0; i < lines; ++i) {
            QByteArray line = serviceLine(rng, previous, i);
            if (previous.size() < 50)
                previous.push_back(line);
            log += line;
            if (i + 1 < lines)
                log += '\n';
        }
        compareWithTools(log, {"ERROR", 10, 20}, 2, "big random");

        Options one;
        one.withLines = true;
        one.threads = 1;
        const QByteArray single = everything(LogAnalyzer::analyze(log, one));
        Options two = one;
        two.threads = 2;
        QCOMPARE(everything(LogAnalyzer::analyze(log, two)), single);

        LogAnalyzer sliced(two);
        QByteArray pending;
        for (qsizetype at = 0; at < log.size();) {
            const qsizetype n = std::min<qsizetype>(rng.bounded(1, 400000), log.size() - at);
            pending += log.mid(at, n);
            at += n;
            pending.remove(0, sliced.consume(pending, false));
        }
        sliced.consume(pending, true);
        QCOMPARE(everything(sliced.finish()), single);
    }

    // A log with timestamps leaves each of two workers its groups in ascending order: the two
    // runs are merged into the answer from both ends at once. Every line its own group, as
    // `sort | uniq -c | sort -nr` gives them: the lines in descending byte order.
    void twoWorkersRunsMergeFromBothEnds()
    {
        QByteArray log;
        std::vector<QByteArray> lines;
        for (int k = 0; k < 40001; ++k) {
            const QByteArray stamp = QByteArray::number(100000 + k);
            lines.push_back("2024-05-01T10:00:00." + stamp + "Z ERROR item " +
                            QByteArray::number(k % 977));
            log += lines.back() + '\n';
        }
        Options opt;
        opt.threads = 2;
        const Report r = LogAnalyzer::analyze(log, opt);
        std::sort(lines.begin(), lines.end(), std::greater<>{});
        QCOMPARE(r.errorGroups.size(), lines.size());
        for (size_t k = 0; k < lines.size(); ++k) {
            QCOMPARE(r.errorGroups[k].count, qint64(1));
            QCOMPARE(r.errorGroups[k].text, lines[k]);
        }
    }

    // The workers' threads stay from block to block: blocks of one piece (the helpers sit that
    // one out) between blocks of several, with more threads than pieces, give what one
    // thread gives.
    void helperThreadsAcrossBlocks()
    {
        QByteArray log;
        for (int k = 0; k < 90000; ++k)
            log += "2024-05-01T10:" + QByteArray::number(10 + k / 2000) + ":00Z " +
                   (k % 3 ? "INFO" : "ERROR") + " job " + QByteArray::number(k % 1234) +
                   " took response_time: " + QByteArray::number(k % 991) + '\n';
        Options one;
        one.threads = 1;
        one.withLines = true;
        const QByteArray single = everything(LogAnalyzer::analyze(log, one));
        Options four = one;
        four.threads = 4;
        LogAnalyzer a(four);
        qsizetype at = 0;
        for (int round = 0; at < log.size(); ++round) {
            // A line, then about 1.5 MB: one piece, then several.
            const qsizetype end =
                round % 2 ? std::min(log.size(), at + (3 << 19)) : log.indexOf('\n', at) + 1;
            const qsizetype n = a.consume(log.sliced(at, end - at), end == log.size());
            QVERIFY(n > 0);
            at += n;
        }
        QCOMPARE(everything(a.finish()), single);
    }

    void reportTextsOutliveTheAnalyzer()
    {
        // Enough distinct lines for the analyser's text store to take several blocks of its own,
        // which go back to the system when they are freed: a text left pointing there would crash.
        QByteArray log;
        for (int k = 0; k < 60000; ++k)
            log += "2024-05-01T13:55:36Z ERROR line " + QByteArray::number(k) + " of many\n";
        Options opt;
        opt.threads = 2;
        Report kept;
        {
            auto analyzer = std::make_unique<LogAnalyzer>(opt);
            analyzer->consume(log, true);
            const Report first = analyzer->finish();
            analyzer.reset();
            kept = first; // a copy keeps the texts alive after the first report is gone
        }
        QByteArray filler(16 << 20, 'q'); // reuse what was freed, if anything was
        QCOMPARE(kept.errorGroups.size(), size_t(60000));
        qsizetype bytes = 0;
        for (const CountedText &g : kept.errorGroups) {
            QVERIFY(g.text.startsWith("2024-05-01T13:55:36Z ERROR line "));
            QVERIFY(g.text.endsWith(" of many"));
            bytes += g.text.size();
        }
        QCOMPARE(bytes + qsizetype(kept.errorGroups.size()), log.size());
        QCOMPARE(filler.back(), 'q');
    }

    void jsonEscapesWhereverTheSpecialByteSits()
    {
        const QList<QPair<QByteArray, QByteArray>> specials{
            {"\"", "\\\""},      {"\\", "\\\\"},           {"\t", "\\t"},
            {"\x01", "\\u0001"}, {"\xc3\xa9", "\xc3\xa9"}, {"\xff", "\xef\xbf\xbd"},
            {"\x7f", "\x7f"}};
        for (int at = 0; at < 40; ++at) {
            for (const auto &[raw, escaped] : specials) {
                const QByteArray line = "ERROR " + QByteArray(at, 'a') + raw + QByteArray(at, 'b');
                const QByteArray json = reportToJson(LogAnalyzer::analyze(line + '\n'), false);
                const QByteArray want =
                    "\"ERROR " + QByteArray(at, 'a') + escaped + QByteArray(at, 'b') + '"';
                QVERIFY2(json.contains(want), line.toPercentEncoding().constData());
            }
        }
    }

    void numericOrderIsSortN_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("units") << QByteArray("123ms") << QByteArray("123") << 0;
        QTest::newRow("minus zero") << QByteArray("-0") << QByteArray("0") << 0;
        QTest::newRow("plus is text") << QByteArray("+5") << QByteArray("0") << 0;
        QTest::newRow("no exponent") << QByteArray("1e3") << QByteArray("2") << -1;
        QTest::newRow("fraction") << QByteArray("1.10") << QByteArray("1.1") << 0;
        QTest::newRow("negatives") << QByteArray("-10") << QByteArray("-9") << -1;
        QTest::newRow("leading zeros") << QByteArray("007") << QByteArray("7") << 0;
        QTest::newRow("huge") << QByteArray("100000000000000000000001")
                              << QByteArray("100000000000000000000000") << 1;
        QTest::newRow("leading blanks") << QByteArray(" \t8") << QByteArray("7") << 1;
    }

    void numericOrderIsSortN()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(int, expected);
        QCOMPARE(compareNumeric(a, b), expected);
        QCOMPARE(compareNumeric(b, a), -expected);
    }
};

QTEST_GUILESS_MAIN(TestLogsRunbook)
#include "test_logs_runbook.moc"
