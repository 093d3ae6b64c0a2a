#pragma once

#include "core/profile.h"
#include "diagnostics/diagnosticresult.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>
#include <optional>
#include <vector>

class QAreaSeries;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QSpinBox;
class QValueAxis;

namespace idesk {

class DiagnosticsService;
namespace diag {
class DiagnosticsRunner;
}

// Re-runs one HTTP or JSON-RPC check every N seconds and charts its latency, failures marked,
// so "is it getting better since the restart?" is a glance. Samples are filed on the incident's
// timeline when the status changes (and the first one), not every few seconds.
class WatchDialog final : public QDialog
{
    Q_OBJECT
public:
    WatchDialog(const DiagnosticCheck &check, DiagnosticsService &evidence,
                const QString &incidentId, QWidget *parent = nullptr);
    ~WatchDialog() override;

    static bool canWatch(const DiagnosticCheck &check);
    void start();
    void stop();
    bool isWatching() const { return m_timer.isActive(); }
    bool isBusy() const { return m_busy; } // a sample asked for and not answered yet
    int samples() const { return m_samples; }
    int failures() const { return m_failures; }
    int filed() const { return m_filed; }
    // Tests use a short interval; the spin box offers whole seconds.
    void setIntervalMs(int ms);

    // Status over time: each sample's pass or fail holds until the next sample; runs of the same
    // status are one span. Drawn as a band along the top of the chart, on the latency's time axis.
    struct StatusSpan
    {
        double from = 0, to = 0; // seconds since the watch began
        bool pass = true;
    };
    struct Sample
    {
        double x = 0;
        bool pass = true;
    };
    // `lastWidth`: how far the newest sample's status reaches (the interval until the next one).
    static std::vector<StatusSpan> statusSpans(const std::vector<Sample> &samples,
                                               double lastWidth);
    std::vector<StatusSpan> statusSpans() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void tick();
    void onResult(const diag::DiagnosticResult &r);
    void drawStatusBands();

    DiagnosticCheck m_check;
    DiagnosticsService &m_evidence;
    QString m_incidentId;
    diag::DiagnosticsRunner *m_runner;
    QTimer m_timer;
    QElapsedTimer m_since;
    QSpinBox *m_interval;
    QPushButton *m_toggle;
    QLabel *m_status;
    QLineSeries *m_latency;
    QScatterSeries *m_failed;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    QValueAxis *m_axisBand;
    QAreaSeries *m_passBand;
    QAreaSeries *m_failBand;
    std::vector<Sample> m_history;
    bool m_busy = false;
    int m_samples = 0;
    int m_failures = 0;
    int m_filed = 0;
    qint64 m_worstMs = 0;
    std::optional<diag::RunStatus> m_lastStatus;
};

} // namespace idesk
