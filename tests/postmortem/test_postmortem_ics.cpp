#include "core/postmortem/ics.h"
#include "core/postmortem/postmortemdoc.h"
#include "pmfixtures.h"

#include <QTest>
#include <QTimeZone>

using namespace idesk;
using namespace idesk::pmtest;
using namespace Qt::StringLiterals;

namespace {

// RFC 5545 3.1 unfolding: CRLF followed by one space or tab is removed.
QList<QByteArray> unfoldedLines(const QByteArray &ics)
{
    QByteArray joined = ics;
    joined.replace("\r\n ", "");
    joined.replace("\r\n\t", "");
    QList<QByteArray> lines = joined.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &l : lines) {
        Q_ASSERT(l.endsWith('\r'));
        l.chop(1);
    }
    return lines;
}

QByteArray icsProperty(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (const QByteArray &l : lines)
        if (l.startsWith(name + ':'))
            return l.mid(name.size() + 1);
    return {};
}

} // namespace

class TestPostmortemIcs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reviewMeeting();
    void crlfAndFolding();
    void escaping_data();
    void escaping();
};

void TestPostmortemIcs::reviewMeeting()
{
    Incident in = baseIncident();
    PostmortemDoc d;
    d.reviewAt = QDateTime(QDate(2024, 1, 16), QTime(11, 0), QTimeZone(3600)); // 10:00 UTC
    d.reviewMinutes = 45;
    d.reviewLocation = u"Zoom"_s;
    const CalendarEvent e = reviewMeetingEvent(in, d, utc(2024, 1, 15, 16, 0));
    const QByteArray ics = toIcs(e);
    const QList<QByteArray> lines = unfoldedLines(ics);

    QCOMPARE(lines.first(), QByteArray("BEGIN:VCALENDAR"));
    QCOMPARE(lines.last(), QByteArray("END:VCALENDAR"));
    QCOMPARE(lines.count("BEGIN:VEVENT"), 1);
    QCOMPARE(lines.count("END:VEVENT"), 1);
    QCOMPARE(icsProperty(lines, "VERSION"), QByteArray("2.0"));
    QVERIFY(!icsProperty(lines, "PRODID").isEmpty());
    QCOMPARE(icsProperty(lines, "DTSTART"), QByteArray("20240116T100000Z"));
    QCOMPARE(icsProperty(lines, "DTEND"), QByteArray("20240116T104500Z"));
    QCOMPARE(icsProperty(lines, "DTSTAMP"), QByteArray("20240115T160000Z"));
    QCOMPARE(icsProperty(lines, "UID"),
             QByteArray("postmortem-review-11111111-2222-4333-8444-555555555555@incidentdesk"));
    QCOMPARE(icsProperty(lines, "SUMMARY"),
             QByteArray("Post-mortem review: Order creation failing"));
    QCOMPARE(icsProperty(lines, "LOCATION"), QByteArray("Zoom"));
    const QByteArray desc = icsProperty(lines, "DESCRIPTION");
    QVERIFY(desc.contains("Severity: P1\\nChannel: #incident-2024-01-15-001"));
    QVERIFY(desc.contains("Resolved: 2024-01-15 15:45 UTC"));

    // the UID is stable, so exporting again updates the calendar entry instead of adding one
    QCOMPARE(reviewMeetingEvent(in, d, utc(2024, 1, 15, 17, 0)).uid, e.uid);
}

void TestPostmortemIcs::crlfAndFolding()
{
    CalendarEvent e;
    e.uid = u"u@x"_s;
    e.start = utc(2024, 1, 16, 10, 0);
    e.stamp = e.start;
    // multi-byte characters straddle every possible cut position
    e.summary = u"Post-mortem review: "_s + QString(60, QChar(0x00FC)) + u"💥💥💥 end"_s;
    e.description = QString(300, u'x');
    const QByteArray ics = toIcs(e);

    QVERIFY(ics.endsWith("\r\n"));
    for (qsizetype i = 0; i < ics.size(); ++i)
        if (ics[i] == '\n')
            QVERIFY2(i > 0 && ics[i - 1] == '\r', "bare LF");
    const QList<QByteArray> physical = ics.split('\n');
    for (const QByteArray &l : physical) {
        QVERIFY2(l.size() <= 76, l.constData());     // 75 octets + '\r'
        QVERIFY(QString::fromUtf8(l).toUtf8() == l); // no line ends inside a UTF-8 sequence
    }
    const QList<QByteArray> lines = unfoldedLines(ics);
    QCOMPARE(QString::fromUtf8(icsProperty(lines, "SUMMARY")), e.summary);
    QCOMPARE(icsProperty(lines, "DESCRIPTION"), QByteArray(300, 'x'));
}

void TestPostmortemIcs::escaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("comma") << u"a, b"_s << u"a\\, b"_s;
    QTest::newRow("semicolon") << u"a; b"_s << u"a\\; b"_s;
    QTest::newRow("backslash") << u"C:\\x"_s << u"C:\\\\x"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"a\\nb"_s;
    QTest::newRow("crlf") << u"a\r\nb"_s << u"a\\nb"_s;
    QTest::newRow("control dropped") << u"a\u0007b"_s << u"ab"_s;
    QTest::newRow("colon kept") << u"Room: 4"_s << u"Room: 4"_s;
}

void TestPostmortemIcs::escaping()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(icsEscapeText(text), escaped);
}

QTEST_GUILESS_MAIN(TestPostmortemIcs)
#include "test_postmortem_ics.moc"
