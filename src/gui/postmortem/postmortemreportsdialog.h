#pragma once

#include <QDialog>

class QChartView;
class QTabWidget;

namespace idesk {

class PostmortemService;

// Across all incidents: how many per month and severity, how fast they were acknowledged and
// resolved per severity (MTTA / MTTR), and who holds the open action items. The numbers come
// from core/postmortem/reports.h; this only draws them.
class PostmortemReportsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PostmortemReportsDialog(PostmortemService &service, QWidget *parent = nullptr);

    QChartView *severityByMonthView() const { return m_byMonth; }
    QChartView *responseTimesView() const { return m_times; }
    QChartView *ownersView() const { return m_owners; }

public Q_SLOTS:
    void refresh();

private:
    PostmortemService &m_service;
    QTabWidget *m_tabs;
    QChartView *m_byMonth;
    QChartView *m_times;
    QChartView *m_owners;
};

} // namespace idesk
