#include "postmortemreportsdialog.h"

#include "gui/severitystyle.h"
#include "services/postmortem/postmortemservice.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QHorizontalStackedBarSeries>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace idesk {

namespace {

QChartView *makeView(const QString &objectName)
{
    auto *view = new QChartView(new QChart);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(560, 360);
    return view;
}

// A fresh chart per refresh: series and axes are owned by the chart, so nothing stale survives.
QChart *resetChart(QChartView *view, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

// A value axis with whole-number ticks when the values are counts.
QValueAxis *valueAxis(double max, bool integral, const QString &title)
{
    auto *axis = new QValueAxis;
    const double top = std::max(1.0, integral ? std::ceil(max) : max * 1.1);
    axis->setRange(0, top);
    if (integral) {
        axis->setLabelFormat(QStringLiteral("%d"));
        axis->setTickCount(int(std::min(top, 10.0)) + 1);
    } else {
        axis->setLabelFormat(QStringLiteral("%.0f"));
    }
    axis->setTitleText(title);
    return axis;
}

} // namespace

PostmortemReportsDialog::PostmortemReportsDialog(PostmortemService &service, QWidget *parent)
    : QDialog(parent), m_service(service), m_tabs(new QTabWidget),
      m_byMonth(makeView(QStringLiteral("severityByMonthChart"))),
      m_times(makeView(QStringLiteral("responseTimesChart"))),
      m_owners(makeView(QStringLiteral("openActionsChart")))
{
    setWindowTitle(tr("Incident reports"));
    m_tabs->addTab(m_byMonth, tr("Incidents by month"));
    m_tabs->addTab(m_times, tr("MTTA / MTTR"));
    m_tabs->addTab(m_owners, tr("Open action items"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *refreshButton = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(refreshButton, &QPushButton::clicked, this, &PostmortemReportsDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    refresh();
}

void PostmortemReportsDialog::refresh()
{
    const PostmortemReports r = m_service.reports();

    {
        QChart *chart = resetChart(m_byMonth, tr("Incidents by severity and month (UTC)"));
        const MonthlySeverityCounts &c = r.bySeverityAndMonth;
        auto *series = new QStackedBarSeries;
        QStringList months;
        for (const QDate &m : c.months)
            months << m.toString(QStringLiteral("yyyy-MM"));
        int highest = 0;
        for (const auto &row : c.counts) {
            int sum = 0;
            for (int n : row)
                sum += n;
            highest = std::max(highest, sum);
        }
        for (int s = 0; s < SeverityCount; ++s) {
            auto *set = new QBarSet(severityToString(static_cast<Severity>(s)));
            set->setColor(severityColor(static_cast<Severity>(s)));
            for (const auto &row : c.counts)
                *set << row[std::size_t(s)];
            series->append(set);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(months.isEmpty() ? QStringList{tr("no incidents")} : months);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        QValueAxis *y = valueAxis(highest, true, tr("incidents"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }

    {
        QChart *chart = resetChart(m_times, tr("Mean time to acknowledge and to resolve"));
        auto *series = new QBarSeries;
        auto *mtta = new QBarSet(tr("MTTA (min)"));
        auto *mttr = new QBarSet(tr("MTTR (min)"));
        QStringList categories;
        double highest = 0;
        for (int s = 0; s < SeverityCount; ++s) {
            const ResponseTimes &t = r.responseTimes[std::size_t(s)];
            categories << tr("%1 (%2 resolved)")
                              .arg(severityToString(static_cast<Severity>(s)))
                              .arg(t.resolveSamples);
            *mtta << t.mttaMinutes.value_or(0);
            *mttr << t.mttrMinutes.value_or(0);
            highest = std::max({highest, t.mttaMinutes.value_or(0), t.mttrMinutes.value_or(0)});
        }
        series->append(mtta);
        series->append(mttr);
        series->setLabelsVisible(true);
        series->setLabelsFormat(QStringLiteral("@value"));
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        QValueAxis *y = valueAxis(highest, false, tr("minutes"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }

    {
        QChart *chart = resetChart(m_owners, tr("Open action items by owner"));
        auto *series = new QHorizontalStackedBarSeries;
        auto *onTime = new QBarSet(tr("open"));
        auto *late = new QBarSet(tr("overdue"));
        late->setColor(QColor(0xB0, 0x00, 0x20));
        QStringList owners;
        int highest = 0;
        // the chart draws the first category at the bottom; the busiest owner belongs on top
        for (auto it = r.openActionItemsByOwner.rbegin(); it != r.openActionItemsByOwner.rend();
             ++it) {
            owners << it->owner;
            *onTime << (it->open - it->overdue);
            *late << it->overdue;
            highest = std::max(highest, it->open);
        }
        series->append(onTime);
        series->append(late);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(owners.isEmpty() ? QStringList{tr("no open items")} : owners);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        QValueAxis *x = valueAxis(highest, true, tr("items"));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
    }
}

} // namespace idesk
