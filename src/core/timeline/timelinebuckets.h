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

// How many ticks a time axis over `spanMs` gets, at most `maxTicks`, so that labels that show
// minutes never repeat: ticks stay at least a minute apart (one event minute gets two ticks,
// its start and its end, not six copies of the same "14:32").
int minuteTickCount(qint64 spanMs, int maxTicks);

// Counts per bucket and kind. Points need not be sorted.
KindBuckets bucketByKind(const std::vector<TimelinePoint> &points, int maxBuckets = 120);

} // namespace idesk
