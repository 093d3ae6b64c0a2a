#pragma once

#include "core/timeline/timelinebuckets.h"
#include "core/timeline/timelinemetrics.h"
#include "models/timeline/timelinemodel.h"

#include <QChartView>
#include <vector>

class QDateTimeAxis;

namespace idesk {

// Everything the chart draws, computed from the loaded rows without touching the database.
struct TimelineChartInput
{
    struct Metric
    {
        qint64 msecs = 0;
        MetricsSample sample;
    };
    struct Marker
    {
        enum class Type
        {
            Status,
            Severity
        };
        qint64 msecs = 0;
        Type type = Type::Status;
        QString label;
    };
    KindBuckets buckets;
    std::vector<Metric> metrics; // from communication events, oldest first
    std::vector<Marker> markers; // status and severity changes, oldest first
};

// Buckets every row by kind; reads figures only from communication events and markers only
// from status and severity changes, so its cost is one pass plus the few messages.
TimelineChartInput computeTimelineChart(const std::vector<TimelineRow> &rows, int maxBuckets = 120);

// Events over time as stacked areas by kind (left axis), the incident's metrics as lines (right
// axes) and status/severity changes as markers, all on one UTC time axis.
class TimelineChart final : public QChartView
{
    Q_OBJECT
public:
    explicit TimelineChart(QWidget *parent = nullptr);
    void setInput(const TimelineChartInput &input);
    const TimelineChartInput &input() const { return m_input; }
    int seriesCount() const;

private:
    void clear();
    void showMarkerTip(const QPointF &point, bool state);

    TimelineChartInput m_input;
    qint64 m_displayShiftMs = 0;
};

} // namespace idesk
