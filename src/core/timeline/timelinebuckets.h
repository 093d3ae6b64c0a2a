#pragma once

#include "core/types.h"

#include <array>
#include <vector>

namespace idesk {

// What the timeline chart needs of one event: when and what kind. Kept this small so the chart
// can be fed from 100,000 loaded rows without copying their text.
struct TimelinePoint
{
    qint64 msecs = 0; // UTC milliseconds since the epoch
    EventKind kind = EventKind::Note;
};

struct KindBuckets
{
    qint64 startMs = 0;  // start of the first bucket, aligned to bucketMs
    qint64 bucketMs = 0; // 0 when there were no points
    std::vector<std::array<int, EventKindCount>> counts; // [bucket][kind]
    int maxTotal = 0;                                    // the tallest bucket, all kinds together
    qint64 bucketStart(int i) const { return startMs + qint64(i) * bucketMs; }
};

// The smallest "nice" width (1 min, 2, 5, 10, 15, 30 min, 1 h, 2, 3, 6, 12 h, 1 day, then whole
// days) that covers `spanMs` in at most `maxBuckets` buckets.
qint64 chooseBucketMs(qint64 spanMs, int maxBuckets);

// A time axis whose ticks fall on whole steps of the clock: 14:00, 14:15, 14:30 rather than
// 14:07, 14:22, 14:37. The step is the smallest of 1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6,
// 12 hours, 1, 2, 7 days (then whole weeks) that covers [startMs, endMs] in at most `maxTicks`
// ticks; the range is widened to the steps around it. Ticks are at least a minute apart, so
// labels that show minutes never repeat (one event minute gets 14:32 and 14:33, not six 14:32).
struct TimeAxis
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 0;
    int tickCount = 2;
};
TimeAxis niceTimeAxis(qint64 startMs, qint64 endMs, int maxTicks);

// The top of a count axis: the smallest 1, 2, 5 × 10^k at or above v (1 for nothing).
double niceCeiling(double v);

// Ticks for a count axis from 0 to niceCeiling's `top`: the labels print whole numbers, so every
// tick must fall on one (0, 0.5, 1 … would read "0, 0, 1"). The widest step of 1, 2, 5 × 10^k
// that still gives at most six ticks.
int wholeTickCount(double top);

// Counts per bucket and kind. Points need not be sorted.
KindBuckets bucketByKind(const std::vector<TimelinePoint> &points, int maxBuckets = 120);

} // namespace idesk
