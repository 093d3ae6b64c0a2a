#pragma once

#include "core/logs/loganalyzer.h"

#include <QWidget>
#include <functional>
#include <memory>

class QBarSeries;
class QChartView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace idesk {

class IncidentService;

// Log analysis in a panel: a file or pasted text, analysed off the GUI thread; the runbook's
// three answers, the templates and errors per minute as tables and a chart; and the summary
// filed on the incident's timeline as evidence. Every log byte is shown as plain text.
class LogAnalysisPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit LogAnalysisPanel(IncidentService &incidents, QWidget *parent = nullptr);
    ~LogAnalysisPanel() override;

    void setIncidentId(const QString &id);
    void analyzeFile(const QString &path);
    void analyzeText(const QByteArray &text);

    QTableWidget *errorGroupsTable() const { return m_groups; }
    QTableWidget *topMessagesTable() const { return m_top; }
    QTableWidget *slowestTable() const { return m_slowest; }
    QTableWidget *templatesTable() const { return m_templates; }
    QPushButton *evidenceButton() const { return m_evidence; }
    bool isBusy() const { return m_busy; }
    QString statusText() const;

Q_SIGNALS:
    void analysisFinished();
    void evidenceAdded(const QString &eventId);

private:
    void start(const QString &source, std::function<logs::Report()> work);
    void showReport(const logs::Report &report);
    void addEvidence();
    void chooseFile();

    IncidentService &m_incidents;
    QString m_incidentId;
    QString m_source;
    std::shared_ptr<logs::Report> m_report;
    bool m_busy = false;
    QPlainTextEdit *m_paste;
    QPushButton *m_open, *m_analyzePaste, *m_evidence;
    QLabel *m_status;
    QTableWidget *m_groups, *m_top, *m_slowest, *m_templates;
    QChartView *m_chart;
};

} // namespace idesk
