#include "core/timeline/timelinebuckets.h"

#include <algorithm>

namespace idesk {

int minuteTickCount(qint64 spanMs, int maxTicks)
{
    constexpr qint64 kMinute = 60 * 1000;
    const qint64 wholeMinutes = std::max<qint64>(spanMs, 0) / kMinute;
    return int(std::clamp<qint64>(wholeMinutes + 1, 2, std::max(maxTicks, 2)));
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
