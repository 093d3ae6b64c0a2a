#include "gui/utctimeaxis.h"

#include "core/timeline/timelinebuckets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QTimeZone>

namespace idesk {

UtcTimeAxis makeUtcTimeAxis(qint64 startMs, qint64 endMs, int maxTicks)
{
    UtcTimeAxis out;
    out.shiftMs = -qint64(QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::utc())
                              .toLocalTime()
                              .offsetFromUtc()) *
                  1000;
    const TimeAxis ticks = niceTimeAxis(startMs, endMs, maxTicks);
    const bool spansDays = QDateTime::fromMSecsSinceEpoch(ticks.fromMs, QTimeZone::utc()).date() !=
                           QDateTime::fromMSecsSinceEpoch(ticks.toMs - 1, QTimeZone::utc()).date();
    out.axis = new QDateTimeAxis;
    out.axis->setFormat(spansDays ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    out.axis->setTitleText(QCoreApplication::translate("idesk::TimelineChart", "UTC"));
    out.axis->setTickCount(ticks.tickCount);
    out.axis->setRange(QDateTime::fromMSecsSinceEpoch(ticks.fromMs + out.shiftMs),
                       QDateTime::fromMSecsSinceEpoch(ticks.toMs + out.shiftMs));
    return out;
}

} // namespace idesk
