#include "core/timeline/quickentry.h"

#include <QTest>

using namespace idesk;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(const char *iso)
{
    auto t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

class TestQuickEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void defaultZoneAppliesToClockTimesOnly();
    void futureTimesAreFlagged_data();
    void futureTimesAreFlagged();
};

void TestQuickEntry::parses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("form");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<QString>("text");

    const auto now = utc("2024-01-15T15:00:00");
    const int clock = int(QuickEntry::Form::ClockTime);
    const int rel = int(QuickEntry::Form::Relative);
    const int plain = int(QuickEntry::Form::Now);
    const int dated = int(QuickEntry::Form::DateTime);

    QTest::newRow("plain text is now")
        << u"restarted backend"_s << now << plain << now << u"restarted backend"_s;
    QTest::newRow("plain text trimmed") << u"   note  "_s << now << plain << now << u"note"_s;
    QTest::newRow("clock time today UTC") << u"14:32 rolled back v2.3"_s << now << clock
                                          << utc("2024-01-15T14:32:00") << u"rolled back v2.3"_s;
    QTest::newRow("clock time with seconds")
        << u"14:32:07 x"_s << now << clock << utc("2024-01-15T14:32:07") << u"x"_s;
    QTest::newRow("single digit hour") << u"9:05 x"_s << utc("2024-01-15T09:30:00") << clock
                                       << utc("2024-01-15T09:05:00") << u"x"_s;
    QTest::newRow("late clock time just after midnight is yesterday")
        << u"23:58 paged on-call"_s << utc("2024-01-16T00:05:00") << clock
        << utc("2024-01-15T23:58:00") << u"paged on-call"_s;
    QTest::newRow("early clock time just before midnight is tomorrow")
        << u"00:03 x"_s << utc("2024-01-15T23:58:00") << clock << utc("2024-01-16T00:03:00")
        << u"x"_s;
    QTest::newRow("explicit UTC") << u"14:32 UTC x"_s << now << clock << utc("2024-01-15T14:32:00")
                                  << u"x"_s;
    QTest::newRow("explicit Z attached")
        << u"14:32Z x"_s << now << clock << utc("2024-01-15T14:32:00") << u"x"_s;
    QTest::newRow("explicit +02:00")
        << u"16:32 +02:00 x"_s << now << clock << utc("2024-01-15T14:32:00") << u"x"_s;
    QTest::newRow("explicit -0530")
        << u"09:02 -0530 x"_s << now << clock << utc("2024-01-15T14:32:00") << u"x"_s;
    QTest::newRow("explicit UTC+2")
        << u"16:32 UTC+2 x"_s << now << clock << utc("2024-01-15T14:32:00") << u"x"_s;
    QTest::newRow("AM/PM") << u"2:32 PM x"_s << now << clock << utc("2024-01-15T14:32:00")
                           << u"x"_s;
    QTest::newRow("12 AM is midnight") << u"12:10 am x"_s << utc("2024-01-15T00:30:00") << clock
                                       << utc("2024-01-15T00:10:00") << u"x"_s;
    QTest::newRow("bracketed") << u"[14:32] x"_s << now << clock << utc("2024-01-15T14:32:00")
                               << u"x"_s;
    QTest::newRow("plus minutes") << u"+5m deploy finishes"_s << now << rel
                                  << utc("2024-01-15T15:05:00") << u"deploy finishes"_s;
    QTest::newRow("minus minutes")
        << u"-10m first alert"_s << now << rel << utc("2024-01-15T14:50:00") << u"first alert"_s;
    QTest::newRow("minus hours and minutes")
        << u"-1h30m x"_s << now << rel << utc("2024-01-15T13:30:00") << u"x"_s;
    QTest::newRow("minus seconds")
        << u"-90s x"_s << now << rel << utc("2024-01-15T14:58:30") << u"x"_s;
    QTest::newRow("minus min spelled")
        << u"-15 min x"_s << now << rel << utc("2024-01-15T14:45:00") << u"x"_s;
    QTest::newRow("plus number that is not an offset is text")
        << u"+1 to rollback"_s << now << plain << now << u"+1 to rollback"_s;
    QTest::newRow("bare short offset is text, not a zone")
        << u"14:32 +5 pods"_s << now << clock << utc("2024-01-15T14:32:00") << u"+5 pods"_s;
    QTest::newRow("full date") << u"2024-01-14 14:30 db failover"_s << now << dated
                               << utc("2024-01-14T14:30:00") << u"db failover"_s;
    QTest::newRow("ISO with T and Z")
        << u"2024-01-14T14:30:00Z x"_s << now << dated << utc("2024-01-14T14:30:00") << u"x"_s;
    QTest::newRow("full date with offset")
        << u"2024-01-14 16:30 +02:00 x"_s << now << dated << utc("2024-01-14T14:30:00") << u"x"_s;
    QTest::newRow("date with zone crossing midnight")
        << u"2024-01-15 01:00 +02:00 x"_s << now << dated << utc("2024-01-14T23:00:00") << u"x"_s;
    QTest::newRow("now given in another zone is normalised")
        << u"x"_s << QDateTime(QDate(2024, 1, 15), QTime(17, 0), QTimeZone(7200)) << plain << now
        << u"x"_s;
}

void TestQuickEntry::parses()
{
    QFETCH(QString, input);
    QFETCH(QDateTime, now);
    QFETCH(int, form);
    QFETCH(QDateTime, expected);
    QFETCH(QString, text);

    const QuickEntry e = parseQuickEntry(input, now);
    QVERIFY2(e.ok, qPrintable(e.error));
    QCOMPARE(int(e.form), form);
    QCOMPARE(e.occurredAt, expected);
    QCOMPARE(e.occurredAt.timeSpec(), Qt::UTC);
    QCOMPARE(e.text, text);
}

void TestQuickEntry::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << QString() << u"nothing"_s;
    QTest::newRow("blank") << u"   "_s << u"nothing"_s;
    QTest::newRow("time without text") << u"14:32"_s << u"text missing"_s;
    QTest::newRow("offset without text") << u"-10m"_s << u"text missing"_s;
    QTest::newRow("hour 25") << u"25:10 x"_s << u"no such time"_s;
    QTest::newRow("minute 61") << u"14:61 x"_s << u"no such time"_s;
    QTest::newRow("one-digit minutes") << u"14:7 x"_s << u"not a valid"_s;
    QTest::newRow("glued text") << u"14:32x"_s << u"no space"_s;
    QTest::newRow("no such date") << u"2024-02-30 10:00 x"_s << u"no such date"_s;
    QTest::newRow("date without time") << u"2024-01-15 x"_s << u"not a valid"_s;
    QTest::newRow("13 PM") << u"13:00 PM x"_s << u"AM/PM"_s;
    QTest::newRow("offset beyond +14") << u"14:32 +15:00 x"_s << u"unknown time zone"_s;
    QTest::newRow("huge offset") << u"+99999h x"_s << u"too large"_s;
    QTest::newRow("unclosed bracket") << u"[14:32 x"_s << u"missing ']'"_s;
}

void TestQuickEntry::rejects()
{
    QFETCH(QString, input);
    QFETCH(QString, errorContains);
    const QuickEntry e = parseQuickEntry(input, utc("2024-01-15T15:00:00"));
    QVERIFY(!e.ok);
    QVERIFY2(e.error.contains(errorContains), qPrintable(e.error));
    QVERIFY(!e.occurredAt.isValid());
}

void TestQuickEntry::defaultZoneAppliesToClockTimesOnly()
{
    QuickEntryOptions local;
    local.zone = QTimeZone(3600); // the "Local" toggle in a UTC+1 zone
    local.localZone = QTimeZone(3600);
    const auto now = utc("2024-01-15T15:00:00");

    QCOMPARE(parseQuickEntry(u"15:32 x", now, local).occurredAt, utc("2024-01-15T14:32:00"));
    // A zone written on the line wins over the toggle.
    QCOMPARE(parseQuickEntry(u"15:32 UTC x", now, local).occurredAt, utc("2024-01-15T15:32:00"));
    // "local" means the reader's zone even when the default is UTC.
    QuickEntryOptions utcDefault;
    utcDefault.localZone = QTimeZone(-5 * 3600);
    QCOMPARE(parseQuickEntry(u"09:32 local x", now, utcDefault).occurredAt,
             utc("2024-01-15T14:32:00"));
    // Relative offsets and plain text do not depend on any zone.
    QCOMPARE(parseQuickEntry(u"-5m x", now, local).occurredAt, utc("2024-01-15T14:55:00"));
    QCOMPARE(parseQuickEntry(u"x", now, local).occurredAt, now);
}

void TestQuickEntry::futureTimesAreFlagged_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("secondsInFuture");
    // now is 14:15:00 UTC
    QTest::newRow("clock time 17 minutes ahead") << u"14:32 rolled back"_s << qint64(17 * 60);
    QTest::newRow("clock time in the past") << u"14:02 paged"_s << qint64(0);
    QTest::newRow("relative ahead") << u"+5m check again"_s << qint64(5 * 60);
    QTest::newRow("relative behind") << u"-5m alert fired"_s << qint64(0);
    QTest::newRow("half a minute ahead is now") << u"+30s soon"_s << qint64(0);
    QTest::newRow("plain text") << u"paged the DBA"_s << qint64(0);
    QTest::newRow("date tomorrow") << u"2024-05-03 09:00 review"_s << qint64(18 * 3600 + 45 * 60);
}

void TestQuickEntry::futureTimesAreFlagged()
{
    QFETCH(QString, input);
    QFETCH(qint64, secondsInFuture);
    const QuickEntry e = parseQuickEntry(input, utc("2024-05-02T14:15:00"));
    QVERIFY2(e.ok, qPrintable(e.error));
    QCOMPARE(e.secondsInFuture, secondsInFuture);
}

QTEST_GUILESS_MAIN(TestQuickEntry)
#include "test_quickentry.moc"
