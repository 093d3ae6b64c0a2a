#include "loganalysispanel.h"

#include "core/safetext.h"
#include "core/timeline/timelinebuckets.h"
#include "diagnostics/diagnosticresult.h"
#include "gui/utctimeaxis.h"
#include "services/diagnostics/logevidence.h"
#include "services/incidentservice.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>
#include <thread>

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
// A template's lines shown when it is selected: enough to see how it varies.
constexpr size_t kExampleLines = 100;
// kubectl and pasted logs are kept in memory up to this size so a template's lines can be
// shown; a file is read again instead.
constexpr qsizetype kKeptBytes = qsizetype(64) << 20;

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

struct LogAnalysisPanel::Job
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{-1};
    std::atomic<bool> stop{false};
    FeedResult result = FeedResult::Done;
    QString error;
    logs::Report report;
    QString path;    // a file's: its lines are read again from it
    QByteArray kept; // the bytes, when they cannot be read again
    bool keptAll = true;
    QStringList argv;
};

LogAnalysisPanel::LogAnalysisPanel(IncidentService &incidents, QWidget *parent)
    : QWidget(parent), m_incidents(incidents)
{
    m_paste = new QPlainTextEdit(this);
    m_paste->setPlaceholderText(tr("Paste log lines here, or open a file"));
    m_paste->setMaximumHeight(120);
    m_paste->setAccessibleName(tr("Log text to analyse"));
    m_open = new QPushButton(tr("Open log file…"), this);
    m_open->setToolTip(tr("Plain or .gz"));
    m_analyzePaste = new QPushButton(tr("Analyse pasted text"), this);
    m_evidence = new QPushButton(tr("Add to timeline as evidence"), this);
    m_evidence->setEnabled(false);

    m_kubeTarget = new QLineEdit(this);
    m_kubeTarget->setObjectName(QStringLiteral("kubectlTarget"));
    m_kubeTarget->setPlaceholderText(QStringLiteral("deployment/NAME"));
    m_kubeTarget->setAccessibleName(tr("Deployment whose logs to analyse"));
    m_kubeNs = new QLineEdit(this);
    m_kubeNs->setObjectName(QStringLiteral("kubectlNamespace"));
    m_kubeNs->setAccessibleName(tr("Namespace"));
    m_since = new QComboBox(this);
    m_since->setObjectName(QStringLiteral("kubectlSince"));
    m_since->setEditable(true);
    m_since->addItems({QStringLiteral("15m"), QStringLiteral("1h"), QStringLiteral("6h"),
                       QStringLiteral("24h"), QString()});
    m_since->setCurrentIndex(1);
    m_since->setAccessibleName(tr("Since (empty: all the logs kubectl has)"));
    m_since->setToolTip(m_since->accessibleName());
    m_allPods = new QCheckBox(tr("All pods"), this);
    m_allPods->setToolTip(tr("Every pod the deployment selects, not only one"));
    m_analyzeKube = new QPushButton(tr("Analyse kubectl logs"), this);
    m_analyzeKube->setObjectName(QStringLiteral("analyzeKubectl"));

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("logProgress"));
    m_progress->setAccessibleName(tr("Analysis progress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelLogAnalysis"));
    m_cancel->setToolTip(tr("Stops the analysis; the previous results stay"));
    m_cancel->hide();

    m_groups = makeTable({tr("Count"), tr("Line")}, this);
    m_top = makeTable({tr("Count"), tr("Last field")}, this);
    m_slowest = makeTable({tr("Value"), tr("Last field"), tr("Line")}, this);
    m_templates =
        makeTable({tr("Count"), tr("Template"), tr("First"), tr("Last"), tr("Example")}, this);
    m_templates->setSelectionMode(QAbstractItemView::SingleSelection);
    // The template is what is read; the timestamps and counts need little room.
    m_templates->setColumnWidth(0, 70);
    m_templates->setColumnWidth(1, 340);
    m_examples = new QPlainTextEdit(this);
    m_examples->setObjectName(QStringLiteral("templateLines"));
    m_examples->setAccessibleName(tr("Lines of the selected template"));
    m_examples->setReadOnly(true);
    m_examples->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_examples->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_examples->setPlaceholderText(tr("Select a template to see its lines, with line numbers."));
    auto *templatesPane = new QSplitter(Qt::Vertical, this);
    templatesPane->addWidget(m_templates);
    templatesPane->addWidget(m_examples);
    templatesPane->setStretchFactor(0, 3);
    templatesPane->setStretchFactor(1, 2);
    m_chart = new QChartView(new QChart, this);
    m_chart->setRenderHint(QPainter::Antialiasing, true);
    m_chart->chart()->setAnimationOptions(QChart::NoAnimation);
    m_chart->chart()->legend()->setAlignment(Qt::AlignBottom);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_groups, tr("Error groups"));
    tabs->addTab(m_top, tr("Top error messages"));
    tabs->addTab(m_slowest, tr("Slowest responses"));
    tabs->addTab(templatesPane, tr("Templates"));
    tabs->addTab(m_chart, tr("Errors over time"));
    // A screen reader names each table after its tab.
    for (int i = 0; i < tabs->count(); ++i)
        tabs->widget(i)->setAccessibleName(tabs->tabText(i));
    m_templates->setAccessibleName(tr("Templates"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_analyzePaste);
    buttons->addStretch();
    buttons->addWidget(m_evidence);
    auto *kube = new QHBoxLayout;
    auto *kubeLabel = new QLabel(tr("kubectl logs"), this);
    kubeLabel->setBuddy(m_kubeTarget);
    auto *inLabel = new QLabel(tr("in"), this);
    inLabel->setBuddy(m_kubeNs);
    auto *sinceLabel = new QLabel(tr("since"), this);
    sinceLabel->setBuddy(m_since);
    kube->addWidget(kubeLabel);
    kube->addWidget(m_kubeTarget, 2);
    kube->addWidget(inLabel);
    kube->addWidget(m_kubeNs, 1);
    kube->addWidget(sinceLabel);
    kube->addWidget(m_since);
    kube->addWidget(m_allPods);
    kube->addWidget(m_analyzeKube);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_status, 1);
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_paste);
    layout->addLayout(buttons);
    layout->addLayout(kube);
    layout->addLayout(progress);
    layout->addWidget(tabs, 1);

    connect(m_open, &QPushButton::clicked, this, &LogAnalysisPanel::chooseFile);
    connect(m_analyzePaste, &QPushButton::clicked, this,
            [this] { analyzeText(m_paste->toPlainText().toUtf8()); });
    connect(m_analyzeKube, &QPushButton::clicked, this, [this] {
        analyzeKubectl(m_kubeTarget->text().trimmed(), m_kubeNs->text().trimmed(),
                       m_since->currentText().trimmed(), m_allPods->isChecked());
    });
    connect(m_kubeTarget, &QLineEdit::returnPressed, m_analyzeKube, &QPushButton::click);
    connect(m_evidence, &QPushButton::clicked, this, &LogAnalysisPanel::addEvidence);
    connect(m_cancel, &QPushButton::clicked, this, &LogAnalysisPanel::cancel);
    connect(m_templates, &QTableWidget::currentCellChanged, this,
            [this](int row) { showExamples(row); });
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &LogAnalysisPanel::updateProgress);
    const auto placeNamespace = [this] {
        m_kubeNs->setPlaceholderText(m_incidents.profile().kube.ns);
    };
    connect(&m_incidents, &IncidentService::profileChanged, this, placeNamespace);
    placeNamespace();
}

LogAnalysisPanel::~LogAnalysisPanel()
{
    // A worker still running stops at its next block; it owns what it reads.
    if (m_job)
        m_job->stop = true;
    if (m_linesStop)
        *m_linesStop = true;
}

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

logs::Options LogAnalysisPanel::options() const
{
    logs::Options o;
    o.withLines = true;       // a selected template shows its lines
    o.templateMinutes = true; // the chart of the top templates over time
    o.threads = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    o.defaultYear = QDateTime::currentDateTimeUtc().date().year();
    return o;
}

namespace {

// A file and pasted text take the same path: fed in blocks, the progress published after each
// and a stop asked for honoured there, so both show a moving bar and both can be cancelled.
template<typename Job, typename Feed>
void feedInBlocks(Job &job, const logs::Options &opt, const Feed &feed)
{
    logs::LogAnalyzer analyzer(opt);
    job.result = feed(analyzer, [&job](qint64 done, qint64 total) {
        job.done = done;
        job.total = total;
        return !job.stop.load();
    });
    if (job.result == FeedResult::Done)
        job.report = analyzer.finish();
}

} // namespace

void LogAnalysisPanel::analyzeFile(const QString &path)
{
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, probe.errorString()));
        return;
    }
    probe.close();
    const logs::Options opt = options();
    const qint64 block = m_blockSize;
    start(path, [path, opt, block](Job &job) {
        job.path = path;
        feedInBlocks(job, opt, [&](logs::LogAnalyzer &analyzer, const FeedProgress &progress) {
            return feedLogFile(analyzer, path, &job.error, progress, block);
        });
    });
}

void LogAnalysisPanel::analyzeText(const QByteArray &text)
{
    const logs::Options opt = options();
    const qint64 block = m_blockSize;
    start(tr("pasted text"), [text, opt, block](Job &job) {
        job.total = text.size();
        job.kept = text;
        feedInBlocks(job, opt, [&](logs::LogAnalyzer &analyzer, const FeedProgress &progress) {
            return feedLogBytes(analyzer, text, progress, block);
        });
        if (job.result == FeedResult::Done)
            job.done = text.size();
    });
}

void LogAnalysisPanel::analyzeKubectl(const QString &target, const QString &ns,
                                      const QString &since, bool allPods)
{
    const std::optional<QString> deployment = deploymentOf(target);
    if (!deployment || deployment->isEmpty()) {
        m_status->setText(tr("Give the logs to read as deployment/NAME."));
        return;
    }
    KubectlLogsSource source;
    source.deployment = *deployment;
    source.ns = ns;
    source.since = since;
    source.allPods = allPods;
    const Profile profile = m_incidents.profile();
    const logs::Options opt = options();
    start(QStringLiteral("kubectl logs %1").arg(target), [profile, source, opt](Job &job) {
        logs::LogAnalyzer analyzer(opt);
        job.result = feedKubectlLogs(
            analyzer, profile, source, &job.error,
            [&job](qint64 done, qint64) {
                job.done = done;
                return !job.stop.load();
            },
            [&job](QByteArrayView bytes) {
                if (job.kept.size() + bytes.size() <= kKeptBytes)
                    job.kept.append(bytes);
                else
                    job.keptAll = false;
            },
            &job.argv);
        if (job.result == FeedResult::Done)
            job.report = analyzer.finish();
    });
}

void LogAnalysisPanel::start(const QString &source, Work work)
{
    if (m_busy)
        return;
    auto job = std::make_shared<Job>();
    m_job = job;
    setIdle(false);
    m_status->setText(tr("Analysing %1…").arg(source));
    m_progress->setValue(0);
    QThread *thread = QThread::create([work = std::move(work), job, source] {
        work(*job);
        // Only what the panel shows travels back: the first lines of the shown templates.
        std::vector<logs::Template> &templates = job->report.templates;
        for (size_t k = 0; k < templates.size(); ++k) {
            std::vector<qint64> &numbers = templates[k].lineNumbers;
            if (k >= kShownRows)
                numbers = {};
            else if (numbers.size() > kExampleLines)
                numbers.resize(kExampleLines);
            numbers.shrink_to_fit();
        }
    });
    connect(thread, &QThread::finished, this, [this, thread, job, source] {
        thread->deleteLater();
        if (m_job != job)
            return;
        onJobDone(job, source);
    });
    // A panel closed mid-analysis leaves the thread to finish on its own.
    connect(this, &QObject::destroyed, thread, [thread] {
        thread->disconnect();
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    });
    thread->start();
}

void LogAnalysisPanel::setIdle(bool idle)
{
    m_busy = !idle;
    m_open->setEnabled(idle);
    m_analyzePaste->setEnabled(idle);
    m_analyzeKube->setEnabled(idle);
    m_progress->setVisible(!idle);
    m_cancel->setVisible(!idle);
    m_cancel->setEnabled(!idle);
    m_evidence->setEnabled(idle && m_report && !m_incidentId.isEmpty());
    if (idle)
        m_poll.stop();
    else
        m_poll.start();
}

void LogAnalysisPanel::updateProgress()
{
    if (!m_job)
        return;
    const qint64 done = m_job->done.load();
    const qint64 total = m_job->total.load();
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
        m_progress->setFormat(tr("%1 of %2 MB").arg(megabytes(done), megabytes(total)));
    } else {
        // kubectl says nothing about how much is coming: a busy bar and what has arrived.
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("%1 MB read").arg(megabytes(done)));
    }
}

void LogAnalysisPanel::cancel()
{
    if (!m_busy || !m_job)
        return;
    m_job->stop = true;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void LogAnalysisPanel::onJobDone(std::shared_ptr<Job> job, const QString &source)
{
    m_job.reset();
    if (job->stop.load() || job->result == FeedResult::Stopped) {
        setIdle(true);
        m_status->setText(tr("Cancelled after %1 MB; the tables show the previous results.")
                              .arg(megabytes(job->done.load())));
        Q_EMIT analysisStopped();
        return;
    }
    if (job->result == FeedResult::Failed) {
        setIdle(true);
        m_status->setText(tr("Could not analyse %1: %2").arg(source, job->error));
        Q_EMIT analysisFinished();
        return;
    }
    m_source = job->argv.isEmpty() ? source : diag::shellQuoted(job->argv);
    m_report = std::make_shared<logs::Report>(std::move(job->report));
    // A template's lines come back from the file, or from the bytes kept when there is none.
    if (!job->path.isEmpty()) {
        m_linesPath = job->path;
        m_linesData.reset();
    } else {
        m_linesPath.clear();
        m_linesData = std::make_shared<const QByteArray>(std::move(job->kept));
    }
    m_linesComplete = job->keptAll;
    job.reset(); // the analyser's memory is gone with it
    setIdle(true);
    showReport(*m_report);
    Q_EMIT analysisFinished();
}

void LogAnalysisPanel::showReport(const logs::Report &r)
{
    m_status->setText(
        tr("%1: %2 lines, %3 containing ERROR").arg(m_source).arg(r.lines).arg(r.errorLines));
    const auto fill = [](QTableWidget *t, const logs::CountedTexts &rows) {
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
    m_examples->clear();
    m_templates->setRowCount(int(std::min(r.templates.size(), kShownRows)));
    for (int k = 0; k < m_templates->rowCount(); ++k) {
        const logs::Template &t = r.templates[size_t(k)];
        setRow(m_templates, k,
               {QString::number(t.count), cell(t.text), QString::fromLatin1(t.first),
                QString::fromLatin1(t.last), cell(t.example)});
    }

    showTemplatesOverTime(r);
}

// Errors over time for the most frequent templates, one line each, on a UTC time axis: when
// each kind of error started, peaked and stopped. Buckets of a nice width keep a day-long log
// to about a hundred points per line.
void LogAnalysisPanel::showTemplatesOverTime(const logs::Report &r)
{
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    constexpr size_t kLines = 5;
    constexpr qint64 kMinute = 60000;
    std::vector<const logs::Template *> shown;
    qint64 firstMs = LLONG_MAX, lastMs = LLONG_MIN;
    for (const logs::Template &t : r.templates) {
        if (t.perMinute.empty())
            continue;
        shown.push_back(&t);
        firstMs = std::min(firstMs, t.perMinute.front().first * kMinute);
        lastMs = std::max(lastMs, t.perMinute.back().first * kMinute);
        if (shown.size() == kLines)
            break;
    }
    if (shown.empty()) {
        chart->setTitle(tr("No timestamps in the matching lines: nothing to draw over time"));
        return;
    }
    chart->setTitle(
        tr("Errors over time, the %n most frequent templates", nullptr, int(shown.size())));
    const qint64 bucketMs = chooseBucketMs(lastMs + kMinute - firstMs, 120);
    const qint64 startMs = firstMs - ((firstMs % bucketMs) + bucketMs) % bucketMs;
    const int buckets = int((lastMs + kMinute - startMs + bucketMs - 1) / bucketMs);
    const UtcTimeAxis time = makeUtcTimeAxis(startMs, startMs + qint64(buckets) * bucketMs, 7);
    const qint64 shift = time.shiftMs;
    QDateTimeAxis *axisX = time.axis;
    chart->addAxis(axisX, Qt::AlignBottom);

    static constexpr std::array<QRgb, kLines> kColours{0xd62728, 0x1f77b4, 0xff7f0e, 0x2ca02c,
                                                       0x9467bd};
    qint64 most = 0;
    std::vector<QLineSeries *> lines;
    for (size_t k = 0; k < shown.size(); ++k) {
        std::vector<qint64> counts(size_t(buckets), 0);
        for (const auto &[minute, n] : shown[k]->perMinute)
            counts[size_t((minute * kMinute - startMs) / bucketMs)] += n;
        auto *line = new QLineSeries;
        // Steps: each bucket's count held across its width, so one busy bucket still shows.
        for (int b = 0; b < buckets; ++b) {
            const double x0 = double(startMs + qint64(b) * bucketMs + shift);
            line->append(x0, double(counts[size_t(b)]));
            line->append(x0 + double(bucketMs), double(counts[size_t(b)]));
            most = std::max(most, counts[size_t(b)]);
        }
        QString name = safetext::singleLine(QString::fromUtf8(shown[k]->text));
        if (name.size() > 60)
            name = name.left(59) + QChar(0x2026);
        line->setName(name);
        QPen pen(QColor::fromRgb(kColours[k]));
        pen.setWidthF(2);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(axisX);
        lines.push_back(line);
    }
    auto *axisY = new QValueAxis;
    const double top = niceCeiling(double(most) * 1.1);
    axisY->setRange(0, top);
    axisY->setTickCount(wholeTickCount(top));
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTitleText(bucketMs % (60 * kMinute) == 0
                            ? tr("errors / %n h", nullptr, int(bucketMs / (60 * kMinute)))
                            : tr("errors / %n min", nullptr, int(bucketMs / kMinute)));
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QLineSeries *line : lines)
        line->attachAxis(axisY);
}

void LogAnalysisPanel::showExamples(int row)
{
    if (m_linesStop)
        *m_linesStop = true; // a read for another template is no longer wanted
    m_linesStop.reset();
    if (!m_report || row < 0 || size_t(row) >= m_report->templates.size()) {
        m_examples->clear();
        return;
    }
    const std::vector<qint64> numbers = m_report->templates[size_t(row)].lineNumbers;
    if (m_linesData || m_linesPath.isEmpty()) {
        const QByteArray data = m_linesData ? *m_linesData : QByteArray();
        showLines(row, linesByNumber(data, numbers), QString());
        return;
    }
    // A file is read again off the GUI thread, up to the last line wanted.
    m_examples->setPlainText(tr("Reading the lines…"));
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_linesStop = stop;
    auto found = std::make_shared<std::vector<NumberedLine>>();
    auto error = std::make_shared<QString>();
    const QString path = m_linesPath;
    QThread *thread = QThread::create([path, numbers, stop, found, error] {
        linesByNumber(path, numbers, found.get(), error.get(), stop.get());
    });
    connect(thread, &QThread::finished, this, [this, thread, row, stop, found, error] {
        thread->deleteLater();
        if (*stop)
            return;
        m_linesStop.reset();
        showLines(row, *found, *error);
    });
    connect(this, &QObject::destroyed, thread, [thread] {
        thread->disconnect();
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    });
    thread->start();
}

void LogAnalysisPanel::showLines(int row, const std::vector<NumberedLine> &lines,
                                 const QString &error)
{
    const logs::Template &t = m_report->templates[size_t(row)];
    QStringList out;
    out << tr("%1 — %2 lines, the first %3 here:").arg(cell(t.text)).arg(t.count).arg(lines.size());
    const int width = lines.empty() ? 1 : int(QString::number(lines.back().number).size());
    for (const NumberedLine &l : lines)
        out << QStringLiteral("%1  %2").arg(l.number, width).arg(cell(l.text));
    if (!error.isEmpty())
        out << tr("Could not read the lines: %1").arg(error);
    else if (lines.size() < t.lineNumbers.size())
        out << (m_linesComplete ? tr("The file has changed since it was analysed.")
                                : tr("Later lines were not kept: the log was larger than the "
                                     "panel keeps in memory."));
    m_examples->setPlainText(out.join(QLatin1Char('\n')));
    Q_EMIT exampleLinesShown();
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
