#pragma once

#include <QtGlobal>

class QDateTimeAxis;

namespace idesk {

// A chart's time axis that reads UTC, with ticks on whole steps of the clock (niceTimeAxis) over
// [startMs, endMs], at most maxTicks. QDateTimeAxis labels local time, so the series' x values
// must be shifted by shiftMs (UTC milliseconds + shiftMs) to sit under their labels.
struct UtcTimeAxis
{
    QDateTimeAxis *axis = nullptr; // owned by the caller (or the chart it is added to)
    qint64 shiftMs = 0;
};
UtcTimeAxis makeUtcTimeAxis(qint64 startMs, qint64 endMs, int maxTicks);

} // namespace idesk
