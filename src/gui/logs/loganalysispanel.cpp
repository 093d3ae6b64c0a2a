#include "loganalysispanel.h"

#include "core/safetext.h"
#include "services/diagnostics/logevidence.h"
#include "services/incidentservice.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QValueAxis>

namespace idesk {

namespace {

// Log text for a table cell: invalid UTF-8 as U+FFFD, controls and line breaks gone.
QString cell(const QByteArray &bytes)
{
    return safetext::singleLine(QString::fromUtf8(bytes));
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

// The panel shows the first rows; a million unique lines would only make the table slow.
constexpr size_t kShownRows = 1000;

} // namespace

LogAnalysisPanel::LogAnalysisPanel(IncidentService &incidents, QWidget *parent)
    : QWidget(parent), m_incidents(incidents)
{
    m_paste = new QPlainTextEdit(this);
    m_paste->setPlaceholderText(tr("Paste log lines here, or open a file"));
    m_paste->setMaximumHeight(120);
    m_paste->setAccessibleName(tr("Log text to analyse"));
    m_open = new QPushButton(tr("Open log file…"), this);
    m_analyzePaste = new QPushButton(tr("Analyse pasted text"), this);
    m_evidence = new QPushButton(tr("Add to timeline as evidence"), this);
    m_evidence->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);

    m_groups = makeTable({tr("Count"), tr("Line")}, this);
    m_top = makeTable({tr("Count"), tr("Last field")}, this);
    m_slowest = makeTable({tr("Value"), tr("Last field"), tr("Line")}, this);
    m_templates =
        makeTable({tr("Count"), tr("Template"), tr("First"), tr("Last"), tr("Example")}, this);
    m_chart = new QChartView(new QChart, this);
    m_chart->chart()->setTitle(tr("Errors per minute"));
    m_chart->chart()->legend()->hide();

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_groups, tr("Error groups"));
    tabs->addTab(m_top, tr("Top error messages"));
    tabs->addTab(m_slowest, tr("Slowest responses"));
    tabs->addTab(m_templates, tr("Templates"));
    tabs->addTab(m_chart, tr("Errors per minute"));
    // A screen reader names each table after its tab.
    for (int i = 0; i < tabs->count(); ++i)
        tabs->widget(i)->setAccessibleName(tabs->tabText(i));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_analyzePaste);
    buttons->addStretch();
    buttons->addWidget(m_evidence);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_paste);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(tabs, 1);

    connect(m_open, &QPushButton::clicked, this, &LogAnalysisPanel::chooseFile);
    connect(m_analyzePaste, &QPushButton::clicked, this,
            [this] { analyzeText(m_paste->toPlainText().toUtf8()); });
    connect(m_evidence, &QPushButton::clicked, this, &LogAnalysisPanel::addEvidence);
}

LogAnalysisPanel::~LogAnalysisPanel() = default;

QString LogAnalysisPanel::statusText() const
{
    return m_status->text();
}

void LogAnalysisPanel::setIncidentId(const QString &id)
{
    m_incidentId = id;
    m_evidence->setEnabled(m_report && !m_incidentId.isEmpty() && !m_busy);
}

void LogAnalysisPanel::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open log file"));
    if (!path.isEmpty())
        analyzeFile(path);
}

void LogAnalysisPanel::analyzeFile(const QString &path)
{
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, probe.errorString()));
        return;
    }
    probe.close();
    start(path, [path] {
        logs::LogAnalyzer analyzer;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return analyzer.finish();
        QByteArray pending;
        for (;;) {
            const QByteArray block = f.read(qint64(8) << 20);
            pending += block;
            if (block.isEmpty()) {
                analyzer.consume(pending, true);
                break;
            }
            pending.remove(0, analyzer.consume(pending, false));
        }
        return analyzer.finish();
    });
}

void LogAnalysisPanel::analyzeText(const QByteArray &text)
{
    start(tr("pasted text"), [text] { return logs::LogAnalyzer::analyze(text); });
}

void LogAnalysisPanel::start(const QString &source, std::function<logs::Report()> work)
{
    if (m_busy)
        return;
    m_busy = true;
    m_source = source;
    m_open->setEnabled(false);
    m_analyzePaste->setEnabled(false);
    m_evidence->setEnabled(false);
    m_status->setText(tr("Analysing %1…").arg(source));
    auto result = std::make_shared<logs::Report>();
    QThread *thread = QThread::create([work = std::move(work), result] { *result = work(); });
    connect(thread, &QThread::finished, this, [this, thread, result] {
        thread->deleteLater();
        m_busy = false;
        m_open->setEnabled(true);
        m_analyzePaste->setEnabled(true);
        m_report = result;
        showReport(*result);
        m_evidence->setEnabled(!m_incidentId.isEmpty());
        Q_EMIT analysisFinished();
    });
    // A panel closed mid-analysis leaves the thread to finish on its own.
    connect(this, &QObject::destroyed, thread, [thread] {
        thread->disconnect();
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    });
    thread->start();
}

void LogAnalysisPanel::showReport(const logs::Report &r)
{
    m_status->setText(
        tr("%1: %2 lines, %3 containing ERROR").arg(m_source).arg(r.lines).arg(r.errorLines));
    const auto fill = [](QTableWidget *t, const std::vector<logs::CountedText> &rows) {
        t->setRowCount(int(std::min(rows.size(), kShownRows)));
        for (int k = 0; k < t->rowCount(); ++k)
            setRow(t, k, {QString::number(rows[size_t(k)].count), cell(rows[size_t(k)].text)});
    };
    fill(m_groups, r.errorGroups);
    fill(m_top, r.topErrorMessages);
    m_slowest->setRowCount(int(r.slowest.size()));
    for (int k = 0; k < m_slowest->rowCount(); ++k) {
        const logs::SlowEntry &s = r.slowest[size_t(k)];
        setRow(m_slowest, k, {QString::number(s.value), cell(s.text), cell(s.line)});
    }
    m_templates->setRowCount(int(std::min(r.templates.size(), kShownRows)));
    for (int k = 0; k < m_templates->rowCount(); ++k) {
        const logs::Template &t = r.templates[size_t(k)];
        setRow(m_templates, k,
               {QString::number(t.count), cell(t.text), QString::fromLatin1(t.first),
                QString::fromLatin1(t.last), cell(t.example)});
    }

    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *set = new QBarSet(tr("Errors"));
    QStringList minutes;
    qint64 most = 0;
    for (const logs::MinuteCount &m : r.errorsPerMinute) {
        *set << double(m.count);
        minutes << QString::fromLatin1(m.minute.mid(11, 5));
        most = std::max(most, m.count);
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(minutes);
    auto *y = new QValueAxis;
    y->setRange(0, double(std::max<qint64>(1, most)));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void LogAnalysisPanel::addEvidence()
{
    if (!m_report || m_incidentId.isEmpty())
        return;
    LogEvidenceService evidence(m_incidents);
    const TimelineEvent e = evidence.record(m_incidentId, *m_report, m_source);
    m_status->setText(tr("Filed on the timeline."));
    Q_EMIT evidenceAdded(e.id);
}

} // namespace idesk
