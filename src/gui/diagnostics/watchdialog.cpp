#include "watchdialog.h"

#include "core/error.h"
#include "diagnostics/diagnosticsrunner.h"
#include "services/diagnostics/diagnosticsservice.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

namespace idesk {

namespace {
constexpr int kMaxPoints = 720; // an hour at five seconds; older points scroll off
// The status band's place on its own hidden 0..1 axis: a strip along the top of the plot,
// above the latency line, which the Y range keeps below 5/6 of the height.
constexpr double kBandLow = 0.9;
constexpr double kBandHigh = 1.0;

QAreaSeries *makeBand(const QString &name, const QColor &color, Qt::BrushStyle style)
{
    // The area series does not own its edges: they are its children so they go with it.
    auto *band = new QAreaSeries;
    band->setUpperSeries(new QLineSeries(band));
    band->setLowerSeries(new QLineSeries(band));
    band->setName(name);
    QBrush brush(color, style);
    band->setBrush(brush);
    // A neutral outline: the strip's lower edge runs under both bands' spans.
    band->setPen(QPen(QColor(0x60, 0x60, 0x60), 1));
    return band;
}
} // namespace

std::vector<WatchDialog::StatusSpan> WatchDialog::statusSpans(const std::vector<Sample> &samples,
                                                              double lastWidth)
{
    std::vector<StatusSpan> spans;
    for (size_t i = 0; i < samples.size(); ++i) {
        const double to = i + 1 < samples.size() ? samples[i + 1].x : samples[i].x + lastWidth;
        if (!spans.empty() && spans.back().pass == samples[i].pass)
            spans.back().to = to;
        else
            spans.push_back({samples[i].x, to, samples[i].pass});
    }
    return spans;
}

std::vector<WatchDialog::StatusSpan> WatchDialog::statusSpans() const
{
    return statusSpans(m_history, double(m_timer.interval()) / 1000.0);
}

bool WatchDialog::canWatch(const DiagnosticCheck &check)
{
    return !check.destructive && (check.kind == u"http" || check.kind == u"jsonrpc");
}

WatchDialog::WatchDialog(const DiagnosticCheck &check, DiagnosticsService &evidence,
                         const QString &incidentId, QWidget *parent)
    : QDialog(parent), m_check(check), m_evidence(evidence), m_incidentId(incidentId),
      m_runner(new diag::DiagnosticsRunner(diag::RunnerOptions{}, this)),
      m_interval(new QSpinBox(this)), m_toggle(new QPushButton(this)), m_status(new QLabel(this)),
      m_latency(new QLineSeries), m_failed(new QScatterSeries), m_axisX(new QValueAxis),
      m_axisY(new QValueAxis), m_axisBand(new QValueAxis),
      m_passBand(makeBand(tr("passing"), QColor(0x2e, 0x7d, 0x32), Qt::SolidPattern)),
      m_failBand(makeBand(tr("failing"), QColor(0xc6, 0x28, 0x28), Qt::BDiagPattern))
{
    setObjectName(QStringLiteral("watchDialog"));
    setWindowTitle(tr("Watch: %1").arg(check.title));
    auto *layout = new QVBoxLayout(this);
    auto *what =
        new QLabel(QStringLiteral("%1  %2").arg(
                       check.kind == u"jsonrpc"
                           ? QStringLiteral("POST")
                           : (check.method.isEmpty() ? QStringLiteral("GET") : check.method),
                       check.url),
                   this);
    what->setTextFormat(Qt::PlainText);
    what->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(what);

    auto *row = new QHBoxLayout;
    auto *every = new QLabel(tr("Every"), this);
    m_interval->setObjectName(QStringLiteral("watchInterval"));
    m_interval->setRange(2, 3600);
    m_interval->setValue(10);
    m_interval->setSuffix(tr(" s"));
    every->setBuddy(m_interval);
    m_toggle->setObjectName(QStringLiteral("watchToggle"));
    m_status->setObjectName(QStringLiteral("watchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    row->addWidget(every);
    row->addWidget(m_interval);
    row->addWidget(m_toggle);
    row->addWidget(m_status, 1);
    layout->addLayout(row);

    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_latency->setName(tr("latency (ms)"));
    m_failed->setName(tr("failed"));
    m_failed->setColor(QColor(0xc6, 0x28, 0x28));
    m_failed->setMarkerSize(9);
    m_failed->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    chart->addSeries(m_latency);
    chart->addSeries(m_failed);
    m_passBand->setObjectName(QStringLiteral("passBand"));
    m_failBand->setObjectName(QStringLiteral("failBand"));
    chart->addSeries(m_passBand);
    chart->addSeries(m_failBand);
    // Names and shapes, not colour alone: the legend says which band and marker is which.
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->show();
    m_axisX->setTitleText(tr("seconds since the watch began"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setRange(0, 60);
    m_axisY->setTitleText(tr("ms"));
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setRange(0, 100);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    m_axisBand->setRange(0, kBandHigh);
    chart->addAxis(m_axisBand, Qt::AlignRight);
    m_axisBand->hide();
    for (QAreaSeries *band : {m_passBand, m_failBand}) {
        band->attachAxis(m_axisX);
        band->attachAxis(m_axisBand);
    }
    for (QAbstractSeries *s :
         {static_cast<QAbstractSeries *>(m_latency), static_cast<QAbstractSeries *>(m_failed)}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    auto *view = new QChartView(chart, this);
    view->setObjectName(QStringLiteral("watchChart"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    layout->addWidget(view, 1);

    auto *note = new QLabel(m_incidentId.isEmpty()
                                ? tr("No incident selected: samples are not filed.")
                                : tr("The first sample and every change of status are filed on "
                                     "the incident's timeline."),
                            this);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);
    layout->addWidget(note);

    connect(m_toggle, &QPushButton::clicked, this, [this] { isWatching() ? stop() : start(); });
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int s) { setIntervalMs(s * 1000); });
    connect(&m_timer, &QTimer::timeout, this, &WatchDialog::tick);
    connect(m_runner, &diag::DiagnosticsRunner::resultReady, this, &WatchDialog::onResult);
    m_timer.setInterval(m_interval->value() * 1000);
    m_toggle->setText(tr("Start"));
    m_status->setText(tr("Not started"));
    resize(640, 420);
}

WatchDialog::~WatchDialog()
{
    m_timer.stop();
}

void WatchDialog::setIntervalMs(int ms)
{
    m_timer.setInterval(std::max(1, ms));
}

void WatchDialog::start()
{
    if (!m_since.isValid())
        m_since.start();
    m_timer.start();
    m_toggle->setText(tr("Stop"));
    tick(); // the first sample now, not an interval from now
}

void WatchDialog::stop()
{
    m_timer.stop();
    m_runner->cancelAll();
    m_toggle->setText(tr("Start"));
}

void WatchDialog::tick()
{
    // A slow endpoint is not asked again while it has not answered: samples never pile up.
    if (m_busy)
        return;
    m_busy = true;
    m_runner->run({m_check});
}

void WatchDialog::onResult(const diag::DiagnosticResult &r)
{
    m_busy = false;
    if (r.status == diag::RunStatus::Cancelled)
        return;
    ++m_samples;
    const double x = double(m_since.elapsed()) / 1000.0;
    const bool pass = r.status == diag::RunStatus::Pass;
    m_latency->append(x, double(r.durationMs));
    m_history.push_back({x, pass});
    if (!pass) {
        ++m_failures;
        m_failed->append(x, double(r.durationMs));
    }
    if (m_latency->count() > kMaxPoints)
        m_latency->removePoints(0, m_latency->count() - kMaxPoints);
    const double firstX = m_latency->count() > 0 ? m_latency->at(0).x() : 0;
    while (m_failed->count() > 0 && m_failed->at(0).x() < firstX)
        m_failed->remove(0);
    while (!m_history.empty() && m_history.front().x < firstX)
        m_history.erase(m_history.begin());
    drawStatusBands();
    m_worstMs = std::max(m_worstMs, r.durationMs);
    m_axisX->setRange(firstX, std::max(firstX + 60, x + 5));
    m_axisY->setRange(0, std::max<qint64>(100, m_worstMs * 6 / 5));
    m_status->setText(tr("%1 samples, %2 failed · last: %3, %4 ms")
                          .arg(m_samples)
                          .arg(m_failures)
                          .arg(diag::runStatusToString(r.status))
                          .arg(r.durationMs));

    const bool changed = !m_lastStatus || *m_lastStatus != r.status;
    m_lastStatus = r.status;
    if (changed && !m_incidentId.isEmpty()) {
        try {
            m_evidence.recordEvidence(m_incidentId, r, tr("watched: %1").arg(m_check.title));
            ++m_filed;
        } catch (const Error &e) {
            m_status->setText(m_status->text() + tr(" · not filed: %1").arg(e.message()));
        }
    }
}

void WatchDialog::drawStatusBands()
{
    // Each band is a step line that stands at full height over its own status's spans and at
    // nothing elsewhere, so the two bands tile the strip without overlapping.
    const std::vector<StatusSpan> spans = statusSpans();
    for (QAreaSeries *band : {m_passBand, m_failBand}) {
        const bool pass = band == m_passBand;
        QList<QPointF> upper, lower;
        for (const StatusSpan &s : spans) {
            const double y = s.pass == pass ? kBandHigh : kBandLow;
            upper << QPointF(s.from, y) << QPointF(s.to, y);
            lower << QPointF(s.from, kBandLow) << QPointF(s.to, kBandLow);
        }
        band->upperSeries()->replace(upper);
        band->lowerSeries()->replace(lower);
    }
}

void WatchDialog::closeEvent(QCloseEvent *event)
{
    stop();
    QDialog::closeEvent(event);
}

} // namespace idesk
