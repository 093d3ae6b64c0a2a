#include "core/timeline/timelinebuckets.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace idesk {

TimeAxis niceTimeAxis(qint64 startMs, qint64 endMs, int maxTicks)
{
    constexpr qint64 kMinute = 60 * 1000;
    constexpr qint64 kHour = 60 * kMinute;
    constexpr qint64 kDay = 24 * kHour;
    static constexpr std::array<qint64, 14> kSteps{
        kMinute,   2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,
        2 * kHour, 3 * kHour,   6 * kHour,   12 * kHour,   kDay,         2 * kDay,     7 * kDay};
    maxTicks = std::max(maxTicks, 2);
    endMs = std::max(endMs, startMs);
    // floor and ceiling that also hold before 1970
    const auto down = [](qint64 v, qint64 step) { return v - ((v % step) + step) % step; };
    const auto up = [&](qint64 v, qint64 step) { return -down(-v, step); };
    const auto axisFor = [&](qint64 step) {
        TimeAxis a;
        a.stepMs = step;
        a.fromMs = down(startMs, step);
        a.toMs = std::max(up(endMs, step), a.fromMs + step);
        a.tickCount = int((a.toMs - a.fromMs) / step) + 1;
        return a;
    };
    for (qint64 step : kSteps) {
        if (const TimeAxis a = axisFor(step); a.tickCount <= maxTicks)
            return a;
    }
    for (qint64 step = 14 * kDay;; step *= 2) {
        if (const TimeAxis a = axisFor(step); a.tickCount <= maxTicks)
            return a;
    }
}

double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    double step = 1;
    while (step * 10 <= v)
        step *= 10;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * step >= v)
            return m * step;
    }
    return 10 * step;
}

int wholeTickCount(double top)
{
    const auto steps = qint64(std::llround(top));
    for (qint64 step = 1;; step *= 10) {
        for (qint64 m : {1, 2, 5}) {
            if (steps % (m * step) == 0 && steps / (m * step) <= 5)
                return int(steps / (m * step)) + 1;
        }
        if (step > steps)
            return 2;
    }
}

qint64 chooseBucketMs(qint64 spanMs, int maxBuckets)
{
    constexpr qint64 kMinute = 60 * 1000;
    constexpr qint64 kHour = 60 * kMinute;
    constexpr qint64 kDay = 24 * kHour;
    static constexpr std::array<qint64, 13> kSteps{
        kMinute,   2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,
        2 * kHour, 3 * kHour,   6 * kHour,   12 * kHour,   kDay,         7 * kDay};
    maxBuckets = std::max(3, maxBuckets);
    for (qint64 step : kSteps) {
        if (spanMs / step + 2 <= maxBuckets)
            return step;
    }
    return ((spanMs / std::max(1, maxBuckets - 2)) / kDay + 1) * kDay;
}

KindBuckets bucketByKind(const std::vector<TimelinePoint> &points, int maxBuckets)
{
    KindBuckets b;
    if (points.empty())
        return b;
    const auto [lo, hi] = std::minmax_element(
        points.begin(), points.end(),
        [](const TimelinePoint &x, const TimelinePoint &y) { return x.msecs < y.msecs; });
    b.bucketMs = chooseBucketMs(hi->msecs - lo->msecs, maxBuckets);
    // Floor division that also works before 1970.
    const qint64 lowMs = lo->msecs;
    b.startMs =
        (lowMs >= 0 ? lowMs / b.bucketMs : (lowMs - b.bucketMs + 1) / b.bucketMs) * b.bucketMs;
    const auto count = std::size_t((hi->msecs - b.startMs) / b.bucketMs + 1);
    b.counts.assign(count, {});
    for (const auto &p : points) {
        const auto i = std::size_t((p.msecs - b.startMs) / b.bucketMs);
        ++b.counts[i][std::size_t(p.kind)];
    }
    for (const auto &row : b.counts) {
        int total = 0;
        for (int c : row)
            total += c;
        b.maxTotal = std::max(b.maxTotal, total);
    }
    return b;
}

} // namespace idesk
