#include "gui/timeline/timelinechart.h"

#include "gui/utctimeaxis.h"
#include "services/displaytext.h"

#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTextDocument>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace idesk {

namespace {

// Colours that stay apart in a stacked area, in EventKind order.
constexpr std::array<QRgb, EventKindCount> kKindColours{
    0xd62728, // alert
    0xff7f0e, // detection
    0x2ca02c, // action
    0x17becf, // diagnostic
    0x9467bd, // decision
    0x1f77b4, // communication
    0x8c564b, // status
    0xe377c2, // escalation
    0x7f7f7f, // note
    0xbcbd22, // evidence
};

QString bucketLabel(qint64 ms)
{
    constexpr qint64 kMinute = 60000;
    if (ms % (24 * 60 * kMinute) == 0)
        return QCoreApplication::translate("idesk::TimelineChart", "events / %1 d")
            .arg(ms / (24 * 60 * kMinute));
    if (ms % (60 * kMinute) == 0)
        return QCoreApplication::translate("idesk::TimelineChart", "events / %1 h")
            .arg(ms / (60 * kMinute));
    return QCoreApplication::translate("idesk::TimelineChart", "events / %1 min").arg(ms / kMinute);
}

} // namespace

TimelineChartInput computeTimelineChart(const std::vector<TimelineRow> &rows, int maxBuckets)
{
    TimelineChartInput in;
    std::vector<TimelinePoint> points;
    points.reserve(rows.size());
    for (const auto &r : rows) {
        points.push_back({r.occurredMs, r.kind});
        if (r.kind == EventKind::Communication) {
            const MetricsSample s = extractMetrics(r.text);
            if (!s.isEmpty())
                in.metrics.push_back({r.occurredMs, s});
        }
        if (r.source == u"severity change")
            in.markers.push_back(
                {r.occurredMs, TimelineChartInput::Marker::Type::Severity, r.text});
        else if (r.kind == EventKind::Status || r.source == u"status change")
            in.markers.push_back({r.occurredMs, TimelineChartInput::Marker::Type::Status, r.text});
    }
    in.buckets = bucketByKind(points, maxBuckets);
    const auto byTime = [](const auto &a, const auto &b) { return a.msecs < b.msecs; };
    std::stable_sort(in.metrics.begin(), in.metrics.end(), byTime);
    std::stable_sort(in.markers.begin(), in.markers.end(), byTime);

    // One marker per bucket and type at most: each marker is a graphics item, and thousands of
    // them (a log where every line is a status event) would make the chart crawl.
    if (in.buckets.bucketMs > 0) {
        std::vector<TimelineChartInput::Marker> merged;
        std::vector<int> extra;
        for (const auto &m : in.markers) {
            const qint64 bucket = (m.msecs - in.buckets.startMs) / in.buckets.bucketMs;
            auto same = std::find_if(merged.rbegin(), merged.rend(), [&](const auto &x) {
                return x.type == m.type &&
                       (x.msecs - in.buckets.startMs) / in.buckets.bucketMs == bucket;
            });
            if (same == merged.rend()) {
                merged.push_back(m);
                extra.push_back(0);
            } else {
                ++extra[std::size_t(merged.rend() - same - 1)];
            }
        }
        for (std::size_t i = 0; i < merged.size(); ++i) {
            if (extra[i] > 0)
                merged[i].label += QCoreApplication::translate("idesk::TimelineChart",
                                                               " (and %n more)", nullptr, extra[i]);
        }
        in.markers = std::move(merged);
    }
    return in;
}

TimelineChart::TimelineChart(QWidget *parent) : QChartView(parent)
{
    auto *c = new QChart;
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->legend()->setAlignment(Qt::AlignRight);
    c->legend()->setFont([] {
        QFont f;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        return f;
    }());
    c->setAnimationOptions(QChart::NoAnimation);
    // QChartView starts with a chart of its own and releases it to us on setChart.
    QChart *initial = chart();
    setChart(c);
    delete initial;
    setRenderHint(QPainter::Antialiasing, true);
    setMinimumHeight(160);
}

int TimelineChart::seriesCount() const
{
    return int(chart()->series().size());
}

void TimelineChart::clear()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
}

void TimelineChart::setInput(const TimelineChartInput &input)
{
    m_input = input;
    clear();
    QChart *c = chart();
    const KindBuckets &b = input.buckets;
    if (b.counts.empty())
        return;

    // Labels in UTC, like the table.
    const qint64 startMs = b.startMs;
    const qint64 endMs = b.bucketStart(int(b.counts.size()));
    const UtcTimeAxis time = makeUtcTimeAxis(startMs, endMs, 7);
    m_displayShiftMs = time.shiftMs;
    const auto x = [this](qint64 ms) { return double(ms + m_displayShiftMs); };
    QDateTimeAxis *axisX = time.axis;
    c->addAxis(axisX, Qt::AlignBottom);

    auto *axisCount = new QValueAxis;
    const double top = niceCeiling(b.maxTotal * 1.15);
    axisCount->setRange(0, top);
    axisCount->setTickCount(wholeTickCount(top));
    axisCount->setLabelFormat(QStringLiteral("%d"));
    axisCount->setTitleText(bucketLabel(b.bucketMs));
    c->addAxis(axisCount, Qt::AlignLeft);

    // Stacked areas: each kind's upper edge is the running total, drawn as steps per bucket.
    std::vector<int> running(b.counts.size(), 0);
    for (int k = 0; k < EventKindCount; ++k) {
        bool any = false;
        for (const auto &row : b.counts)
            any = any || row[std::size_t(k)] > 0;
        if (!any)
            continue;
        auto *area = new QAreaSeries;
        auto *upper = new QLineSeries(area);
        auto *lower = new QLineSeries(area);
        for (std::size_t i = 0; i < b.counts.size(); ++i) {
            const double x0 = x(b.bucketStart(int(i)));
            const double x1 = x(b.bucketStart(int(i) + 1));
            lower->append(x0, running[i]);
            lower->append(x1, running[i]);
            running[i] += b.counts[i][std::size_t(k)];
            upper->append(x0, running[i]);
            upper->append(x1, running[i]);
        }
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        area->setName(DisplayText::eventKind(static_cast<EventKind>(k)));
        QColor colour = QColor::fromRgb(kKindColours[std::size_t(k)]);
        area->setBorderColor(colour);
        colour.setAlpha(150);
        area->setColor(colour);
        c->addSeries(area);
        area->attachAxis(axisX);
        area->attachAxis(axisCount);
    }

    // Metrics, each on its own right-hand axis, only when the messages reported them.
    struct MetricDef
    {
        QString name;
        std::optional<double> MetricsSample::*field;
        QRgb colour;
    };
    const std::array<MetricDef, 3> defs{{
        {tr("error rate %"), &MetricsSample::errorRatePercent, 0xb2182b},
        {tr("response ms"), &MetricsSample::responseTimeMs, 0x2166ac},
        {tr("affected users"), &MetricsSample::affectedUsers, 0x1b7837},
    }};
    for (const auto &def : defs) {
        auto *line = new QLineSeries;
        double maxValue = 0;
        for (const auto &m : input.metrics) {
            if (const auto &v = m.sample.*def.field) {
                line->append(x(m.msecs), *v);
                maxValue = std::max(maxValue, *v);
            }
        }
        if (line->count() == 0) {
            delete line;
            continue;
        }
        line->setName(def.name);
        QPen pen(QColor::fromRgb(def.colour));
        pen.setWidthF(2);
        line->setPen(pen);
        line->setPointsVisible(line->count() <= 200);
        auto *axis = new QValueAxis;
        axis->setRange(0, niceCeiling(maxValue * 1.1));
        axis->setTitleText(def.name);
        axis->setLinePenColor(QColor::fromRgb(def.colour));
        axis->setLabelsColor(QColor::fromRgb(def.colour));
        axis->setGridLineVisible(false);
        c->addAxis(axis, Qt::AlignRight);
        c->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axis);
    }

    // Status and severity changes sit along the top of the count axis.
    for (const auto type :
         {TimelineChartInput::Marker::Type::Status, TimelineChartInput::Marker::Type::Severity}) {
        auto *markers = new QScatterSeries;
        for (const auto &m : input.markers) {
            if (m.type == type)
                markers->append(x(m.msecs), top * 0.92);
        }
        if (markers->count() == 0) {
            delete markers;
            continue;
        }
        const bool severity = type == TimelineChartInput::Marker::Type::Severity;
        markers->setName(severity ? tr("severity change") : tr("status change"));
        markers->setMarkerShape(severity ? QScatterSeries::MarkerShapeTriangle
                                         : QScatterSeries::MarkerShapeRotatedRectangle);
        markers->setMarkerSize(11);
        markers->setColor(severity ? QColor(0xd6, 0x27, 0x28) : QColor(0x33, 0x33, 0x33));
        c->addSeries(markers);
        markers->attachAxis(axisX);
        markers->attachAxis(axisCount);
        connect(markers, &QScatterSeries::hovered, this, &TimelineChart::showMarkerTip);
    }
}

void TimelineChart::showMarkerTip(const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const qint64 ms = qint64(point.x()) - m_displayShiftMs;
    const auto nearest = std::min_element(
        m_input.markers.begin(), m_input.markers.end(), [ms](const auto &a, const auto &b) {
            return std::abs(a.msecs - ms) < std::abs(b.msecs - ms);
        });
    if (nearest == m_input.markers.end())
        return;
    const QString when = QDateTime::fromMSecsSinceEpoch(nearest->msecs, QTimeZone::utc())
                             .toString(QStringLiteral("HH:mm:ss"));
    // Event text is user text: escaped, never interpreted as markup.
    QToolTip::showText(QCursor::pos(),
                       Qt::convertFromPlainText(when + QStringLiteral(" UTC  ") + nearest->label),
                       this);
}

} // namespace idesk
