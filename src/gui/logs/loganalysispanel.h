#pragma once

#include "core/logs/loganalyzer.h"
#include "services/logs/logfeed.h"

#include <QTimer>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

class QBarSeries;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace idesk {

class IncidentService;

// Log analysis in a panel: a file (plain or .gz), pasted text or a deployment's logs through
// kubectl, analysed off the GUI thread with a progress bar and Cancel; the runbook's three
// answers, the templates and errors per minute as tables and a chart; a template's own lines
// beside it; and the summary filed on the incident's timeline as evidence. Every log byte is
// shown as plain text.
class LogAnalysisPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit LogAnalysisPanel(IncidentService &incidents, QWidget *parent = nullptr);
    ~LogAnalysisPanel() override;

    void setIncidentId(const QString &id);
    void analyzeFile(const QString &path);
    void analyzeText(const QByteArray &text);
    // `kubectl logs deployment/NAME` as the CLI's analyze-logs --kubectl runs it; an empty
    // namespace is the profile's.
    void analyzeKubectl(const QString &target, const QString &ns, const QString &since,
                        bool allPods);
    void cancel();
    // Files and pasted text are analysed in blocks of this size (a few MB); each block is a
    // chance to stop.
    void setReadBlockSize(qint64 bytes) { m_blockSize = bytes; }

    QTableWidget *errorGroupsTable() const { return m_groups; }
    QTableWidget *topMessagesTable() const { return m_top; }
    QTableWidget *slowestTable() const { return m_slowest; }
    QTableWidget *templatesTable() const { return m_templates; }
    QPlainTextEdit *exampleLines() const { return m_examples; }
    QChartView *errorsChart() const { return m_chart; }
    QPushButton *evidenceButton() const { return m_evidence; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLineEdit *kubectlTarget() const { return m_kubeTarget; }
    QPushButton *kubectlButton() const { return m_analyzeKube; }
    bool isBusy() const { return m_busy; }
    QString statusText() const;
    QString source() const { return m_source; }

Q_SIGNALS:
    void analysisFinished();
    void analysisStopped();
    void exampleLinesShown();
    void evidenceAdded(const QString &eventId);

private:
    struct Job;
    struct LinesJob;
    using Work = std::function<void(Job &)>;
    void start(const QString &source, Work work);
    void onJobDone(std::shared_ptr<Job> job, const QString &source);
    void updateProgress();
    void setIdle(bool idle);
    void showReport(const logs::Report &report);
    void showExamples(int templateRow);
    void showTemplatesOverTime(const logs::Report &r);
    void showLines(int templateRow, const std::vector<NumberedLine> &lines, const QString &error);
    void addEvidence();
    void chooseFile();
    logs::Options options() const;

    IncidentService &m_incidents;
    QString m_incidentId;
    QString m_source;
    std::shared_ptr<logs::Report> m_report;
    std::shared_ptr<Job> m_job;
    std::shared_ptr<std::atomic<bool>> m_linesStop;
    // Where a template's lines are read back from: the file, or the bytes kept in memory.
    QString m_linesPath;
    std::shared_ptr<const QByteArray> m_linesData;
    bool m_linesComplete = true;
    qint64 m_blockSize = qint64(4) << 20;
    bool m_busy = false;
    QTimer m_poll;
    QPlainTextEdit *m_paste;
    QPushButton *m_open, *m_analyzePaste, *m_evidence, *m_cancel, *m_analyzeKube;
    QLineEdit *m_kubeTarget, *m_kubeNs;
    QComboBox *m_since;
    QCheckBox *m_allPods;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTableWidget *m_groups, *m_top, *m_slowest, *m_templates;
    QPlainTextEdit *m_examples;
    QChartView *m_chart;
};

} // namespace idesk
