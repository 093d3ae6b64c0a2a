#include "core/timeline/transcript.h"
#include "testsupport/testsupport.h"

#include <QTest>

using namespace idesk;
using namespace Qt::StringLiterals;

// Each row gives a pasted transcript, the events expected as "yyyy-MM-ddTHH:mm:ss|author|text"
// (UTC, continuation lines joined with "\n") and one letter per input line:
// E event, C continuation, B blank, X error.
class TestTranscript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void reportsErrorsWithLineNumbers();
    void undatedLinesTakeTheClocksDay();
    void notesRolloverAndStepBack();
    void fileFixture();
};

namespace {

QString statusLetters(const TranscriptResult &r)
{
    QString s;
    for (const auto &l : r.lines) {
        switch (l.status) {
        case TranscriptLine::Status::Event:
            s += u'E';
            break;
        case TranscriptLine::Status::Continuation:
            s += u'C';
            break;
        case TranscriptLine::Status::Blank:
            s += u'B';
            break;
        case TranscriptLine::Status::Error:
            s += u'X';
            break;
        }
    }
    return s;
}

QStringList eventStrings(const TranscriptResult &r)
{
    QStringList out;
    for (const auto &e : r.events) {
        QString text = e.text;
        text.replace(u'\n', u"\\n"_s);
        out << e.occurredAt.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'|' + e.author + u'|' +
                   text;
    }
    return out;
}

} // namespace

void TestTranscript::parses_data()
{
    QTest::addColumn<QString>("transcript");
    QTest::addColumn<int>("zoneOffsetSecs");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("statuses");

    QTest::newRow("bracketed with names") << u"[14:30] alice: API 500s\n[14:31] bob: looking"_s << 0
                                          << QStringList{u"2024-01-15T14:30:00|alice|API 500s"_s,
                                                         u"2024-01-15T14:31:00|bob|looking"_s}
                                          << u"EE"_s;
    QTest::newRow("bare times with seconds and full names")
        << u"14:30:05 Alice Smith: restarting\n14:32 bob: done"_s << 0
        << QStringList{u"2024-01-15T14:30:05|Alice Smith|restarting"_s,
                       u"2024-01-15T14:32:00|bob|done"_s}
        << u"EE"_s;
    QTest::newRow("IRC style angle name")
        << u"[14:30] <carol> who has the pager?"_s << 0
        << QStringList{u"2024-01-15T14:30:00|carol|who has the pager?"_s} << u"E"_s;
    QTest::newRow("dated UTC line without name")
        << u"2024-01-16 09:15 UTC Declared P1"_s << 0
        << QStringList{u"2024-01-16T09:15:00|ops|Declared P1"_s} << u"E"_s;
    QTest::newRow("dated line sets the day for the lines after it")
        << u"2024-01-20 10:00 UTC start\n10:05 dave: next"_s << 0
        << QStringList{u"2024-01-20T10:00:00|ops|start"_s, u"2024-01-20T10:05:00|dave|next"_s}
        << u"EE"_s;
    QTest::newRow("continuation lines")
        << u"[14:30] alice: status update\n- Error rate: 5%\n  - Response time: 800ms\n"
           "[14:40] bob: ok"_s
        << 0
        << QStringList{u"2024-01-15T14:30:00|alice|status update\\n- Error rate: 5%\\n- Response "
                       "time: 800ms"_s,
                       u"2024-01-15T14:40:00|bob|ok"_s}
        << u"ECCE"_s;
    QTest::newRow("blank lines kept in the preview, not in the text")
        << u"[14:30] a: one\n\n   \n[14:31] b: two\n"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|one"_s, u"2024-01-15T14:31:00|b|two"_s} << u"EBBE"_s;
    QTest::newRow("CRLF line ends")
        << u"[14:30] a: one\r\nmore\r\n[14:31] b: two\r\n"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|one\\nmore"_s, u"2024-01-15T14:31:00|b|two"_s}
        << u"ECE"_s;
    QTest::newRow("midnight rollover")
        << u"[23:58] a: before\n[00:03] b: after\n[00:10] c: later"_s << 0
        << QStringList{u"2024-01-15T23:58:00|a|before"_s, u"2024-01-16T00:03:00|b|after"_s,
                       u"2024-01-16T00:10:00|c|later"_s}
        << u"EEE"_s;
    QTest::newRow("two midnights")
        << u"[22:00] a: d1\n[01:00] a: d2\n[23:00] a: d2 late\n[00:30] a: d3"_s << 0
        << QStringList{u"2024-01-15T22:00:00|a|d1"_s, u"2024-01-16T01:00:00|a|d2"_s,
                       u"2024-01-16T23:00:00|a|d2 late"_s, u"2024-01-17T00:30:00|a|d3"_s}
        << u"EEEE"_s;
    QTest::newRow("small step back stays on the same day")
        << u"[14:30] a: one\n[14:29] b: late delivery"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|one"_s, u"2024-01-15T14:29:00|b|late delivery"_s}
        << u"EE"_s;
    QTest::newRow("explicit offset per line")
        << u"[16:30 +02:00] a: berlin\n[14:31 UTC] b: utc\n[09:32 -05:00] c: nyc"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|berlin"_s, u"2024-01-15T14:31:00|b|utc"_s,
                       u"2024-01-15T14:32:00|c|nyc"_s}
        << u"EEE"_s;
    QTest::newRow("default zone from options")
        << u"[16:30] a: local\n[14:31 Z] b: zulu"_s << 7200
        << QStringList{u"2024-01-15T14:30:00|a|local"_s, u"2024-01-15T14:31:00|b|zulu"_s}
        << u"EE"_s;
    QTest::newRow("rollover in a non-UTC zone")
        // 23:50 and 00:20 at +02:00 are 21:50 and 22:20 UTC: the local day advances, UTC does not.
        << u"[23:50] a: x\n[00:20] a: y"_s << 7200
        << QStringList{u"2024-01-15T21:50:00|a|x"_s, u"2024-01-15T22:20:00|a|y"_s} << u"EE"_s;
    QTest::newRow("offset crossing the UTC day")
        << u"[01:00 +02:00] a: x"_s << 0 << QStringList{u"2024-01-14T23:00:00|a|x"_s} << u"E"_s;
    QTest::newRow("malformed lines are errors, not continuations")
        << u"[14:30] a: one\n[25:10] b: bad hour\n[14:3] c: bad minute\n[14:35] d: fine"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|one"_s, u"2024-01-15T14:35:00|d|fine"_s}
        << u"EXXE"_s;
    QTest::newRow("continuation of a malformed line is an error too")
        << u"[14:30] a: one\n[14:99] b: bad\nmore of bad\n[14:40] c: ok\nmore of ok"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|one"_s, u"2024-01-15T14:40:00|c|ok\\nmore of ok"_s}
        << u"EXXEC"_s;
    QTest::newRow("text before the first stamp")
        << u"Chat export\n[14:30] a: one"_s << 0 << QStringList{u"2024-01-15T14:30:00|a|one"_s}
        << u"XE"_s;
    QTest::newRow("stamp with nothing after it")
        << u"[14:30]\n[14:31] bob:\n[14:32] c: ok"_s << 0
        << QStringList{u"2024-01-15T14:32:00|c|ok"_s} << u"XXE"_s;
    QTest::newRow("unclosed bracket and unknown zone")
        << u"[14:30 a: x\n14:30 +16:00 b: y"_s << 0 << QStringList{} << u"XX"_s;
    QTest::newRow("impossible date") << u"2024-02-30 10:00 UTC x"_s << 0 << QStringList{} << u"X"_s;
    QTest::newRow("12-hour clock")
        << u"[2:30 PM] a: x\n[11:59 pm] a: y\n[12:01 AM] a: z"_s << 0
        << QStringList{u"2024-01-15T14:30:00|a|x"_s, u"2024-01-15T23:59:00|a|y"_s,
                       u"2024-01-16T00:01:00|a|z"_s}
        << u"EEE"_s;
    QTest::newRow("url in text is not a name")
        << u"14:30 see https://status.example.com: down"_s << 0
        << QStringList{u"2024-01-15T14:30:00|ops|see https://status.example.com: down"_s} << u"E"_s;
    QTest::newRow("empty input") << QString() << 0 << QStringList{} << QString();
}

void TestTranscript::parses()
{
    QFETCH(QString, transcript);
    QFETCH(int, zoneOffsetSecs);
    QFETCH(QStringList, events);
    QFETCH(QString, statuses);

    TranscriptOptions o;
    o.referenceDate = QDate(2024, 1, 15);
    o.zone = zoneOffsetSecs == 0 ? QTimeZone::utc() : QTimeZone(zoneOffsetSecs);
    o.defaultAuthor = u"ops"_s;
    const TranscriptResult r = parseTranscript(transcript, o);
    QCOMPARE(eventStrings(r), events);
    QCOMPARE(statusLetters(r), statuses);
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const auto &l = r.lines[i];
        QCOMPARE(l.number, int(i) + 1);
        if (l.status == TranscriptLine::Status::Error) {
            QVERIFY2(!l.message.isEmpty(), "every error says why");
            QCOMPARE(l.eventIndex, -1);
        }
        if (l.status == TranscriptLine::Status::Event ||
            l.status == TranscriptLine::Status::Continuation) {
            QVERIFY(l.eventIndex >= 0 && l.eventIndex < int(r.events.size()));
            const auto &e = r.events[std::size_t(l.eventIndex)];
            QVERIFY(e.firstLine <= l.number && l.number <= e.lastLine);
        }
    }
}

void TestTranscript::undatedLinesTakeTheClocksDay()
{
    // No date chosen: "today" is the injected clock's, in the transcript's zone (already the
    // 10th in UTC+2 while it is still the 9th in UTC), never the machine's wall clock.
    const FakeClock clock(QDateTime(QDate(2021, 6, 9), QTime(23, 30), Qt::UTC));
    TranscriptOptions o;
    o.clock = &clock;
    o.zone = QTimeZone(2 * 3600);
    const auto r = parseTranscript(u"[10:00] a: x"_s, o);
    QCOMPARE(r.events.size(), std::size_t(1));
    QCOMPARE(r.events.front().occurredAt, QDateTime(QDate(2021, 6, 10), QTime(8, 0), Qt::UTC));
}

void TestTranscript::reportsErrorsWithLineNumbers()
{
    TranscriptOptions o;
    o.referenceDate = QDate(2024, 1, 15);
    const auto r =
        parseTranscript(u"[10:00] a: x\n[10:61] b: y\n\n[1O:00] c: typo O\n[10:05] d: z", o);
    QCOMPARE(r.errorCount(), 2);
    QCOMPARE(r.lines.at(1).number, 2);
    QCOMPARE(r.lines.at(1).status, TranscriptLine::Status::Error);
    QCOMPARE(r.lines.at(1).raw, u"[10:61] b: y"_s);
    QVERIFY(r.lines.at(1).message.contains(u"no such time"_s));
    QCOMPARE(r.lines.at(3).number, 4);
    QCOMPARE(r.lines.at(3).status, TranscriptLine::Status::Error);
    QCOMPARE(r.events.size(), std::size_t(2));
    QCOMPARE(r.events.at(1).firstLine, 5);
}

void TestTranscript::notesRolloverAndStepBack()
{
    TranscriptOptions o;
    o.referenceDate = QDate(2024, 1, 15);
    const auto r = parseTranscript(u"[23:58] a: x\n[00:03] b: y\n[00:01] c: z", o);
    QVERIFY(r.lines.at(0).message.isEmpty());
    QVERIFY(r.lines.at(1).message.contains(u"next day"_s));
    QVERIFY(r.lines.at(2).message.contains(u"earlier"_s));
    QCOMPARE(r.events.at(2).occurredAt,
             QDateTime(QDate(2024, 1, 16), QTime(0, 1), QTimeZone::utc()));
}

void TestTranscript::fileFixture()
{
    // A realistic paste from an incident channel, with the runbook's update template in it.
    QFile f(test::testDataPath(u"transcript_slack.txt"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    TranscriptOptions o;
    o.referenceDate = QDate(2024, 1, 15);
    const auto r = parseTranscript(QString::fromUtf8(f.readAll()), o);
    QCOMPARE(r.errorCount(), 1);
    QCOMPARE(r.events.size(), std::size_t(7));
    QCOMPARE(r.events.at(3).author, u"carol"_s);
    QVERIFY(r.events.at(3).text.contains(u"- Error rate: 5% (down from 25%)"_s));
    QCOMPARE(r.events.back().occurredAt,
             QDateTime(QDate(2024, 1, 16), QTime(0, 12), QTimeZone::utc()));
}

QTEST_GUILESS_MAIN(TestTranscript)
#include "test_transcript.moc"
