#include "core/timeline/timelinebuckets.h"
#include "core/timeline/timelinemetrics.h"

#include <QTest>
#include <QTimeZone>

using namespace idesk;
using namespace Qt::StringLiterals;

class TestTimelineMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extracts_data();
    void extracts();
    void bucketWidth_data();
    void bucketWidth();
    void bucketsCountByKind();
    void bucketsEmpty();
    void axisTicksNeverRepeatAMinute_data();
    void axisTicksNeverRepeatAMinute();
    void axisTicksFitAnySpan();
    void countAxisTopAndTicks();
};

namespace {
constexpr double kNone = -1;
double orNone(std::optional<double> v)
{
    return v.value_or(kNone);
}
} // namespace

void TestTimelineMetrics::extracts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("errorRate");
    QTest::addColumn<double>("responseMs");
    QTest::addColumn<double>("users");

    QTest::newRow("runbook update template")
        << u"Incident Update - Order Processing Issue\nStatus: Mitigating\nCurrent metrics:\n"
           "- Error rate: 5% (down from 25%)\n- Response time: 800ms (down from 3000ms)\n"
           "- Affected users: ~200/minute (down from 1000/minute)\n"_s
        << 5.0 << 800.0 << 200.0;
    QTest::newRow("runbook alert template")
        << u"Initial symptoms:\n- Order creation API returning 500 errors\n- Error rate spike to "
           "25%\n- Affecting ~1000 users/minute"_s
        << 25.0 << kNone << 1000.0;
    QTest::newRow("decimals and seconds")
        << u"error-rate 0.8% , latency 1.5 s"_s << 0.8 << 1500.0 << kNone;
    QTest::newRow("thousands separator")
        << u"Affected users: 12,500"_s << kNone << kNone << 12500.0;
    QTest::newRow("k suffix") << u"about 1.2k users affected"_s << kNone << kNone << 1200.0;
    QTest::newRow("p95") << u"p95 at 450 ms"_s << kNone << 450.0 << kNone;
    QTest::newRow("figure on the next line is not taken")
        << u"Error rate:\n50 pods restarted 3%"_s << kNone << kNone << kNone;
    QTest::newRow("no metrics") << u"rolled back to v2.3.1"_s << kNone << kNone << kNone;
    QTest::newRow("percent without label is ignored") << u"CPU at 95%"_s << kNone << kNone << kNone;
}

void TestTimelineMetrics::extracts()
{
    QFETCH(QString, text);
    QFETCH(double, errorRate);
    QFETCH(double, responseMs);
    QFETCH(double, users);
    const MetricsSample s = extractMetrics(text);
    QCOMPARE(orNone(s.errorRatePercent), errorRate);
    QCOMPARE(orNone(s.responseTimeMs), responseMs);
    QCOMPARE(orNone(s.affectedUsers), users);
    QCOMPARE(s.isEmpty(), errorRate == kNone && responseMs == kNone && users == kNone);
}

void TestTimelineMetrics::bucketWidth_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("maxBuckets");
    QTest::addColumn<qint64>("expected");
    constexpr qint64 min = 60000;
    QTest::newRow("zero span") << qint64(0) << 120 << min;
    QTest::newRow("one hour, 120 buckets") << 60 * min << 120 << min;
    QTest::newRow("three hours, 120 buckets") << 180 * min << 120 << 2 * min;
    QTest::newRow("one day, 120 buckets") << 1440 * min << 120 << 15 * min;
    QTest::newRow("one day, 10 buckets") << 1440 * min << 10 << 3 * 60 * min;
    QTest::newRow("a year, 60 buckets") << 365 * 1440 * min << 60 << 7 * 1440 * min;
    QTest::newRow("five years, 20 buckets") << 5 * 365 * 1440 * min << 20 << 102 * 1440 * min;
}

void TestTimelineMetrics::bucketWidth()
{
    QFETCH(qint64, spanMs);
    QFETCH(int, maxBuckets);
    QFETCH(qint64, expected);
    const qint64 w = chooseBucketMs(spanMs, maxBuckets);
    QCOMPARE(w, expected);
    // Whatever the alignment, the span fits in maxBuckets buckets.
    QVERIFY(spanMs / w + 2 <= maxBuckets);
}

void TestTimelineMetrics::bucketsCountByKind()
{
    const qint64 t0 =
        QDateTime(QDate(2024, 1, 15), QTime(14, 3, 10), QTimeZone::utc()).toMSecsSinceEpoch();
    constexpr qint64 min = 60000;
    // 30 minutes span → 1-minute buckets, starting at 14:03:00.
    const std::vector<TimelinePoint> points{
        {t0 + 30 * min, EventKind::Action}, // unsorted on purpose
        {t0, EventKind::Alert},
        {t0 + 20'000, EventKind::Alert},
        {t0 + 50'000, EventKind::Note}, // 14:04:00, next bucket
        {t0 + 30 * min - 1, EventKind::Action},
    };
    const KindBuckets b = bucketByKind(points, 120);
    QCOMPARE(b.bucketMs, min);
    QCOMPARE(b.startMs, t0 - 10'000);
    QCOMPARE(b.counts.size(), std::size_t(31));
    QCOMPARE(b.counts[0][std::size_t(EventKind::Alert)], 2);
    QCOMPARE(b.counts[1][std::size_t(EventKind::Note)], 1);
    QCOMPARE(b.counts[0][std::size_t(EventKind::Note)], 0);
    QCOMPARE(b.counts[30][std::size_t(EventKind::Action)], 2);
    QCOMPARE(b.maxTotal, 2);
    int total = 0;
    for (const auto &row : b.counts)
        for (int c : row)
            total += c;
    QCOMPARE(total, int(points.size()));
}

void TestTimelineMetrics::bucketsEmpty()
{
    const KindBuckets b = bucketByKind({}, 120);
    QCOMPARE(b.bucketMs, qint64(0));
    QVERIFY(b.counts.empty());
    QCOMPARE(b.maxTotal, 0);
}

void TestTimelineMetrics::axisTicksNeverRepeatAMinute_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("firstTick");
    QTest::addColumn<QString>("lastTick");
    QTest::addColumn<int>("ticks");
    QTest::newRow("all events in one minute")
        << u"14:32:10"_s << u"14:32:50"_s << u"14:32"_s << u"14:33"_s << 2;
    QTest::newRow("one instant") << u"14:32:00"_s << u"14:32:00"_s << u"14:32"_s << u"14:33"_s << 2;
    QTest::newRow("three minutes")
        << u"14:32:00"_s << u"14:35:00"_s << u"14:32"_s << u"14:35"_s << 4;
    QTest::newRow("an odd quarter hour")
        << u"14:07:00"_s << u"14:22:00"_s << u"14:05"_s << u"14:25"_s << 5;
    QTest::newRow("an hour from a ragged start")
        << u"14:07:30"_s << u"15:07:30"_s << u"14:00"_s << u"15:15"_s << 6;
    QTest::newRow("five hours") << u"23:40:00"_s << u"04:45:00"_s << u"23:00"_s << u"05:00"_s << 7;
}

void TestTimelineMetrics::axisTicksNeverRepeatAMinute()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, firstTick);
    QFETCH(QString, lastTick);
    QFETCH(int, ticks);
    const QDate day(2024, 1, 15);
    const auto at = [&](const QString &hms, bool end) {
        QDateTime t(day, QTime::fromString(hms, u"HH:mm:ss"_s), QTimeZone::utc());
        // an end before its start is on the next day
        if (end && t < QDateTime(day, QTime::fromString(from, u"HH:mm:ss"_s), QTimeZone::utc()))
            t = t.addDays(1);
        return t.toMSecsSinceEpoch();
    };
    const qint64 start = at(from, false), end = at(to, true);
    const TimeAxis a = niceTimeAxis(start, end, 7);
    const auto label = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"HH:mm"_s);
    };
    QCOMPARE(label(a.fromMs), firstTick);
    QCOMPARE(label(a.toMs), lastTick);
    QCOMPARE(a.tickCount, ticks);
    QVERIFY(a.fromMs <= start && a.toMs >= end && a.toMs > a.fromMs);
    QCOMPARE(a.fromMs + a.stepMs * (a.tickCount - 1), a.toMs);
    // The labels the chart draws (HH:mm, evenly spaced): all different, all on the step.
    QStringList labels;
    for (int i = 0; i < a.tickCount; ++i) {
        const qint64 tick = a.fromMs + a.stepMs * i;
        QCOMPARE(tick % a.stepMs, qint64(0));
        labels << label(tick);
    }
    labels.removeDuplicates();
    QCOMPARE(labels.size(), a.tickCount);
}

// Count axes: a nice top (1, 2, 5 × 10^k) and ticks on whole numbers.
void TestTimelineMetrics::countAxisTopAndTicks()
{
    QCOMPARE(niceCeiling(0), 1.0);
    QCOMPARE(niceCeiling(-3), 1.0);
    QCOMPARE(niceCeiling(0.3), 1.0);
    QCOMPARE(niceCeiling(7), 10.0);
    QCOMPARE(niceCeiling(10), 10.0);
    QCOMPARE(niceCeiling(11), 20.0);
    QCOMPARE(niceCeiling(4100), 5000.0);
    QCOMPARE(wholeTickCount(1), 2);   // 0, 1
    QCOMPARE(wholeTickCount(5), 6);   // 0 … 5
    QCOMPARE(wholeTickCount(10), 6);  // 0, 2 … 10
    QCOMPARE(wholeTickCount(200), 5); // 0, 50 … 200
    QCOMPARE(wholeTickCount(7), 2);   // no step of 1, 2, 5 × 10^k divides 7 into at most 5
}

// Any span gets at most the ticks asked for, each on a whole step, the data inside the range.
void TestTimelineMetrics::axisTicksFitAnySpan()
{
    const qint64 base =
        QDateTime(QDate(2024, 1, 15), QTime(3, 17, 29), QTimeZone::utc()).toMSecsSinceEpoch();
    for (qint64 span :
         {qint64(0), qint64(59000), qint64(61000), qint64(7) * 60000, qint64(95) * 60000,
          qint64(26) * 3600000, qint64(9) * 86400000, qint64(400) * 86400000}) {
        for (int maxTicks : {3, 5, 7}) {
            const TimeAxis a = niceTimeAxis(base, base + span, maxTicks);
            QVERIFY2(a.tickCount >= 2 && a.tickCount <= maxTicks,
                     qPrintable(u"%1 ms in %2 ticks"_s.arg(span).arg(a.tickCount)));
            QVERIFY(a.fromMs <= base && a.toMs >= base + span);
            QCOMPARE(a.fromMs % a.stepMs, qint64(0));
            QCOMPARE(a.fromMs + a.stepMs * (a.tickCount - 1), a.toMs);
            QVERIFY(a.stepMs >= 60000);
        }
    }
}

QTEST_GUILESS_MAIN(TestTimelineMetrics)
#include "test_timelinemetrics.moc"
