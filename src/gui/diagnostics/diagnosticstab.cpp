#include "diagnosticstab.h"

#include "catalogproxy.h"
#include "contextbar.h"
#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/outputtable.h"
#include "gui/flowlayout.h"
#include "gui/logs/loganalysispanel.h"
#include "mitigationdialog.h"
#include "models/diagnostics/outputtablemodel.h"
#include "playbookpage.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "services/incidentservice.h"
#include "statuslight.h"
#include "watchdialog.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace idesk {

namespace {

using State = CheckCatalogModel::State;

const QString kQuickHealth = QStringLiteral("Quick health");

bool viaKubectl(const QString &kind)
{
    return kind == u"kubectl" || kind == u"sql" || kind == u"logs";
}

bool isBad(State s)
{
    return s == State::Fail || s == State::Timeout || s == State::Error;
}

} // namespace

DiagnosticsTab::DiagnosticsTab(IncidentService &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_evidence(new DiagnosticsService(service, this)),
      m_model(new CheckCatalogModel(this)), m_proxy(new CatalogProxy(this))
{
    setObjectName(QStringLiteral("diagnosticsTab"));
    m_proxy->setSourceModel(m_model);
    buildUi();
    connect(&m_service, &IncidentService::profileChanged, this, &DiagnosticsTab::reloadProfile);
    reloadProfile();
    setIncidentId({});
}

DiagnosticsTab::~DiagnosticsTab()
{
    // Runners kill their processes when deleted; their results must not reach a half-gone tab.
    for (const auto &r : std::as_const(m_runners)) {
        if (r) {
            r->disconnect(this);
            delete r.data();
        }
    }
}

void DiagnosticsTab::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    // The context bar stays above both pages: log analysis reads the same cluster.
    m_bar = new ContextBar(this);
    root->addWidget(m_bar);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("diagnosticsPages"));
    m_pages->setDocumentMode(true);
    root->addWidget(m_pages, 1);
    auto *checksPage = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(checksPage);
    layout->setContentsMargins(0, 6, 0, 0);
    // One read-only mode for the whole app (the Edit menu shows it too); the bar is its face here.
    m_bar->setReadOnly(m_service.readOnly());
    connect(m_bar, &ContextBar::readOnlyChanged, &m_service, &IncidentService::setReadOnly);
    connect(&m_service, &IncidentService::readOnlyChanged, this, [this](bool on) {
        m_bar->setReadOnly(on);
        updateDetails();
        updateActions();
    });

    m_quickButton = new QPushButton(tr("Run &quick health"), this);
    m_quickButton->setObjectName(QStringLiteral("runQuickHealth"));
    m_quickButton->setToolTip(tr("Runs the runbook's quick health check, all at once"));
    m_runButton = new QPushButton(tr("Run selected"), this);
    m_runButton->setObjectName(QStringLiteral("runSelected"));
    m_runButton->setToolTip(tr("Enter in the list"));
    m_groupButton = new QPushButton(tr("Run group"), this);
    m_groupButton->setObjectName(QStringLiteral("runGroup"));
    m_groupButton->setToolTip(tr("Runs every check of the selected check's group"));
    m_rerunButton = new QPushButton(tr("Re-run"), this);
    m_rerunButton->setObjectName(QStringLiteral("rerun"));
    m_rerunButton->setToolTip(tr("F5: runs the last checks again"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRuns"));
    m_cancelButton->setToolTip(tr("Esc: stops every running check"));
    m_filing = new QLabel(this);
    m_filing->setObjectName(QStringLiteral("filingLabel"));
    m_filing->setTextFormat(Qt::PlainText);
    layout->addWidget(FlowLayout::row(
        {m_quickButton, m_runButton, m_groupButton, m_rerunButton, m_cancelButton}, this));
    connect(m_quickButton, &QPushButton::clicked, this, &DiagnosticsTab::runQuickHealth);
    connect(m_runButton, &QPushButton::clicked, this, &DiagnosticsTab::runSelection);
    connect(m_groupButton, &QPushButton::clicked, this, [this] {
        QStringList ids;
        for (const DiagnosticCheck &c : m_model->checksInGroup(currentGroup()))
            ids << c.id;
        runChecks(ids);
    });
    connect(m_rerunButton, &QPushButton::clicked, this, &DiagnosticsTab::rerun);
    connect(m_cancelButton, &QPushButton::clicked, this, &DiagnosticsTab::cancelAll);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();
    layout->addWidget(m_notice);

    auto *health = new QFrame(this);
    health->setObjectName(QStringLiteral("healthBox"));
    health->setFrameShape(QFrame::StyledPanel);
    auto *healthLayout = new QVBoxLayout(health);
    healthLayout->setContentsMargins(6, 4, 6, 4);
    healthLayout->setSpacing(2);
    m_healthSummary = new QLabel(health);
    m_healthSummary->setObjectName(QStringLiteral("healthSummary"));
    m_healthSummary->setTextFormat(Qt::PlainText);
    // "Not run yet" explains itself in a sentence longer than a narrow tab is wide (in German).
    m_healthSummary->setWordWrap(true);
    QFont summaryFont = m_healthSummary->font();
    summaryFont.setBold(true);
    m_healthSummary->setFont(summaryFont);
    healthLayout->addWidget(m_healthSummary);
    healthLayout->addWidget(m_filing);
    m_healthGrid = new QWidget(health);
    m_healthGrid->setObjectName(QStringLiteral("healthGrid"));
    auto *grid = new FlowLayout(m_healthGrid);
    grid->setContentsMargins(0, 0, 0, 0);
    healthLayout->addWidget(m_healthGrid);
    layout->addWidget(health);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setChildrenCollapsible(false);
    layout->addWidget(m_split, 1);

    auto *catalogPane = new QWidget(m_split);
    auto *catalogLayout = new QVBoxLayout(catalogPane);
    catalogLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(catalogPane);
    m_filter->setObjectName(QStringLiteral("checkFilter"));
    m_filter->setAccessibleName(tr("Filter checks"));
    m_filter->setPlaceholderText(tr("Filter checks (Ctrl+F in the list)"));
    m_filter->setClearButtonEnabled(true);
    catalogLayout->addWidget(m_filter);
    m_tree = new QTreeView(catalogPane);
    m_tree->setObjectName(QStringLiteral("checkCatalog"));
    m_tree->setAccessibleName(tr("Checks"));
    m_tree->setModel(m_proxy);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CheckCatalogModel::Title, QHeaderView::Stretch);
    for (int c :
         {CheckCatalogModel::Status, CheckCatalogModel::LastRun, CheckCatalogModel::Duration})
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->installEventFilter(this);
    catalogLayout->addWidget(m_tree);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setFilterFixedString(t.trimmed());
        m_tree->expandAll();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_tree->setFocus(Qt::ShortcutFocusReason);
        if (!m_tree->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_tree->setCurrentIndex(m_proxy->index(0, 0, m_proxy->index(0, 0)));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString id = current.data(CheckCatalogModel::CheckIdRole).toString();
                if (!id.isEmpty())
                    showCheck(id);
                updateActions();
            });

    auto *detail = new QWidget(m_split);
    auto *d = new QVBoxLayout(detail);
    d->setContentsMargins(4, 0, 0, 0);
    m_title = new QLabel(detail);
    m_title->setObjectName(QStringLiteral("checkTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_copyButton = new QPushButton(tr("Copy"), detail);
    m_copyButton->setObjectName(QStringLiteral("copyOutput"));
    m_copyButton->setToolTip(tr("Copies the command, its context and the output"));
    m_watchButton = new QPushButton(tr("Watch…"), detail);
    m_watchButton->setObjectName(QStringLiteral("watchButton"));
    m_watchButton->setToolTip(tr("Re-run this check every few seconds and chart its latency"));
    connect(m_watchButton, &QPushButton::clicked, this, [this] { watch(m_shown); });
    // Text or table: two buttons that stay pressed, so the mode in use is visible at a glance.
    m_textMode = new QToolButton(detail);
    m_textMode->setObjectName(QStringLiteral("outputAsText"));
    m_textMode->setText(tr("Text"));
    m_textMode->setAccessibleName(tr("Show the output as text"));
    m_tableMode = new QToolButton(detail);
    m_tableMode->setObjectName(QStringLiteral("outputAsTable"));
    m_tableMode->setText(tr("Table"));
    m_tableMode->setAccessibleName(tr("Show the output as a table"));
    m_tableMode->setToolTip(tr("Offered when the output is a table (kubectl, SQL)"));
    auto *modes = new QButtonGroup(detail);
    for (QToolButton *b : {m_textMode, m_tableMode}) {
        b->setCheckable(true);
        b->setAutoRaise(false);
        modes->addButton(b);
    }
    m_textMode->setChecked(true);
    connect(m_textMode, &QToolButton::clicked, this, [this] {
        setShowTable(false);
        Q_EMIT outputViewChosen(false);
    });
    connect(m_tableMode, &QToolButton::clicked, this, [this] {
        setShowTable(true);
        Q_EMIT outputViewChosen(true);
    });
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_textMode);
    titleRow->addWidget(m_tableMode);
    titleRow->addWidget(m_watchButton);
    titleRow->addWidget(m_copyButton);
    d->addLayout(titleRow);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_command = new QPlainTextEdit(detail);
    m_command->setObjectName(QStringLiteral("commandLine"));
    m_command->setAccessibleName(tr("Command"));
    m_command->setReadOnly(true);
    m_command->setFont(mono);
    m_command->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_command->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_command->setToolTip(tr("The exact command or request; select to copy"));
    m_command->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d->addWidget(m_command);
    m_where = new QLabel(detail);
    m_where->setObjectName(QStringLiteral("whereLabel"));
    m_where->setTextFormat(Qt::PlainText);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_where->setWordWrap(true); // a long context name must not hold the window wider
    d->addWidget(m_where);

    m_mitigationBox = new QFrame(detail);
    m_mitigationBox->setObjectName(QStringLiteral("mitigationBox"));
    m_mitigationBox->setStyleSheet(
        QStringLiteral("QFrame#mitigationBox { border: 1px solid #ef8f00; border-radius: 3px; }"));
    auto *mb = new QHBoxLayout(m_mitigationBox);
    mb->setContentsMargins(6, 4, 6, 4);
    m_mitigationText = new QLabel(m_mitigationBox);
    m_mitigationText->setObjectName(QStringLiteral("mitigationText"));
    m_mitigationText->setTextFormat(Qt::PlainText);
    m_mitigationText->setWordWrap(true);
    mb->addWidget(m_mitigationText, 1);
    m_mitigationButton = new QPushButton(tr("Run mitigation…"), m_mitigationBox);
    m_mitigationButton->setObjectName(QStringLiteral("runMitigation"));
    mb->addWidget(m_mitigationButton);
    d->addWidget(m_mitigationBox);
    connect(m_mitigationButton, &QPushButton::clicked, this, [this] { runMitigation(m_shown); });

    m_resultLabel = new QLabel(detail);
    m_resultLabel->setObjectName(QStringLiteral("resultLabel"));
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->addWidget(m_resultLabel);

    m_findBar = new QWidget(detail);
    auto *fb = new QHBoxLayout(m_findBar);
    fb->setContentsMargins(0, 0, 0, 0);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find in output"));
    auto *prev = new QToolButton(m_findBar);
    prev->setText(tr("Previous"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    auto *close = new QToolButton(m_findBar);
    close->setText(tr("Close"));
    m_findNote = new QLabel(m_findBar);
    m_findNote->setTextFormat(Qt::PlainText);
    fb->addWidget(m_findEdit, 1);
    fb->addWidget(prev);
    fb->addWidget(next);
    fb->addWidget(m_findNote);
    fb->addWidget(close);
    m_findBar->hide();
    d->addWidget(m_findBar);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        // Search again from the top of the current match so typing narrows in place.
        QTextCursor c = m_output->textCursor();
        c.setPosition(c.selectionStart());
        m_output->setTextCursor(c);
        find(false);
    });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { find(false); });
    connect(next, &QToolButton::clicked, this, [this] { find(false); });
    connect(prev, &QToolButton::clicked, this, [this] { find(true); });
    connect(close, &QToolButton::clicked, this, [this] {
        m_findBar->hide();
        m_tableProxy->setFilterFixedString(QString());
        (showsTable() ? static_cast<QWidget *>(m_table) : m_output)->setFocus();
    });

    m_output = new QPlainTextEdit(detail);
    m_output->setObjectName(QStringLiteral("output"));
    m_output->setAccessibleName(tr("Output"));
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_output->setPlaceholderText(tr("Output appears here after the check runs (Ctrl+F finds)."));
    m_output->installEventFilter(this);
    m_tableModel = new OutputTableModel(this);
    m_tableProxy = new OutputTableProxy(this);
    m_tableProxy->setSourceModel(m_tableModel);
    m_table = new QTableView(detail);
    m_table->setObjectName(QStringLiteral("outputTable"));
    m_table->setAccessibleName(tr("Output table"));
    m_table->setModel(m_tableProxy);
    m_table->setFont(mono);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the order the command printed
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setToolTip(tr("Click a header to sort; Ctrl+C copies the selection as TSV"));
    m_table->installEventFilter(this);
    m_outputStack = new QStackedWidget(detail);
    m_outputStack->addWidget(m_output);
    m_outputStack->addWidget(m_table);
    d->addWidget(m_outputStack, 1);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            QStringLiteral("$ %1\n%2\n\n%3")
                .arg(m_command->toPlainText(), m_where->text(), m_output->toPlainText()));
    });

    m_split->addWidget(catalogPane);
    m_split->addWidget(detail);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setSizes({560, 440});
    m_pages->addTab(checksPage, tr("Checks"));
    m_logs = new LogAnalysisPanel(m_service, m_pages);
    m_pages->addTab(m_logs, tr("Log analysis"));
    m_playbooks = new PlaybookPage(m_service, *m_model, m_pages);
    m_pages->addTab(m_playbooks, tr("Playbooks"));
    connect(m_playbooks, &PlaybookPage::runCheckRequested, this,
            [this](const QString &id) { runChecks({id}); });
    connect(m_playbooks, &PlaybookPage::runMitigationRequested, this,
            &DiagnosticsTab::runMitigation);
    connect(this, &DiagnosticsTab::resultShown, m_playbooks, &PlaybookPage::checkFinished);
    connect(this, &DiagnosticsTab::mitigationNotRun, m_playbooks, &PlaybookPage::mitigationNotRun);

    auto shortcut = [this](const QKeySequence &k, auto slot) {
        auto *s = new QShortcut(k, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Escape), [this] { cancelAll(); });
    shortcut(QKeySequence(Qt::Key_F5), [this] { rerun(); });
}

QWidget *DiagnosticsTab::entryWidget() const
{
    return m_tree;
}

bool DiagnosticsTab::showPlaybook(const QString &playbookId)
{
    m_pages->setCurrentWidget(m_playbooks);
    const bool found = m_playbooks->choosePlaybook(playbookId);
    m_playbooks->stepsView()->setFocus(Qt::OtherFocusReason);
    return found;
}

bool DiagnosticsTab::isReadOnly() const
{
    return m_service.readOnly();
}

void DiagnosticsTab::setIncidentId(const QString &id)
{
    m_incidentId = id;
    m_logs->setIncidentId(id);
    m_playbooks->setIncidentId(id);
    m_filing->setText(id.isEmpty() ? tr("No incident selected: runs are not filed")
                                   : tr("Runs are filed on the selected incident's timeline"));
}

void DiagnosticsTab::reloadProfile()
{
    const Profile &p = m_service.profile();
    m_bar->setProfile(p);
    m_model->setChecks(p.diagnostics);
    m_tree->expandAll();
    rebuildHealthGrid();
    if (!m_model->check(m_shown)) {
        m_shown.clear();
        // The first check: the tab never opens on an empty detail pane.
        if (!p.diagnostics.empty())
            m_shown = p.diagnostics.front().id;
    }
    if (!m_shown.isEmpty())
        m_tree->setCurrentIndex(m_proxy->mapFromSource(m_model->indexOf(m_shown)));
    updateDetails();
    updateActions();
}

void DiagnosticsTab::rebuildHealthGrid()
{
    for (StatusLight *l : std::as_const(m_lights))
        delete l;
    m_lights.clear();
    for (const DiagnosticCheck &c : m_model->checksInGroup(kQuickHealth)) {
        if (c.destructive)
            continue;
        auto *light = new StatusLight(c.id, c.title, m_healthGrid);
        light->setState(m_model->state(c.id));
        m_healthGrid->layout()->addWidget(light);
        m_lights.insert(c.id, light);
        connect(light, &StatusLight::clicked, this, [this](const QString &id) {
            m_tree->setCurrentIndex(m_proxy->mapFromSource(m_model->indexOf(id)));
            showCheck(id);
        });
    }
    m_quickButton->setEnabled(!m_lights.isEmpty());
    updateHealthSummary();
}

void DiagnosticsTab::updateHealthSummary()
{
    if (m_lights.isEmpty()) {
        m_healthSummary->setText(tr("The profile has no \"%1\" group.").arg(kQuickHealth));
        return;
    }
    int pass = 0, bad = 0, running = 0, ran = 0;
    for (StatusLight *l : std::as_const(m_lights)) {
        const State s = l->state();
        pass += s == State::Pass;
        bad += isBad(s);
        running += s == State::Running;
        ran += s != State::NotRun;
    }
    QString text;
    if (ran == 0)
        text = tr("not run yet; Run quick health shows what is broken right now");
    else if (running > 0)
        text = tr("running… %1 of %2 done").arg(m_lights.size() - running).arg(m_lights.size());
    else if (bad > 0)
        text =
            tr("%n failing, ", nullptr, bad) + tr("%1 of %2 pass").arg(pass).arg(m_lights.size());
    else if (pass == m_lights.size())
        text = tr("all %1 pass").arg(pass);
    else
        text = tr("%1 of %2 pass").arg(pass).arg(m_lights.size());
    m_healthSummary->setText(tr("Quick health: %1").arg(text));
}

diag::DiagnosticsRunner *DiagnosticsTab::makeRunner(bool readOnly, const QString &confirmTarget)
{
    // Everything the profile implies, as the CLI runs it: sql checks go through libpq when it
    // names a database, which gives the output view a result set to show as a table.
    diag::RunnerOptions o = diag::runnerOptionsFor(m_service.profile());
    o.readOnly = readOnly;
    o.confirmTarget = confirmTarget;
    auto *runner = new diag::DiagnosticsRunner(o, this);
    connect(runner, &diag::DiagnosticsRunner::checkStarted, this, [this](const QString &id) {
        m_model->markRunning(id);
        if (StatusLight *l = m_lights.value(id))
            l->setState(State::Running);
        if (id == m_shown)
            updateDetails();
        updateHealthSummary();
    });
    connect(runner, &diag::DiagnosticsRunner::resultReady, this, &DiagnosticsTab::onResult);
    connect(runner, &diag::DiagnosticsRunner::allFinished, this, [this, runner] {
        m_runners.removeAll(runner);
        runner->deleteLater();
        updateActions();
    });
    m_runners << runner;
    return runner;
}

void DiagnosticsTab::start(diag::DiagnosticsRunner *runner,
                           const std::vector<DiagnosticCheck> &checks)
{
    for (const DiagnosticCheck &c : checks) {
        m_active.insert(c.id);
        m_runFor.insert(c.id, m_incidentId);
    }
    runner->run(checks);
    updateActions();
}

void DiagnosticsTab::runChecks(const QStringList &ids)
{
    std::vector<DiagnosticCheck> checks;
    QStringList skippedMitigations, busy, ran;
    for (const QString &id : ids) {
        const DiagnosticCheck *c = m_model->check(id);
        if (!c || ran.contains(id))
            continue;
        if (c->destructive) {
            skippedMitigations << c->title;
            continue;
        }
        if (m_active.contains(id)) {
            busy << c->title;
            continue;
        }
        checks.push_back(*c);
        ran << id;
    }
    QStringList notes;
    if (!skippedMitigations.isEmpty())
        notes << tr("Not run: %1. Mitigations run one at a time, with their own button.")
                     .arg(skippedMitigations.join(QStringLiteral(", ")));
    if (!busy.isEmpty())
        notes << tr("Still running: %1.").arg(busy.join(QStringLiteral(", ")));
    m_notice->setText(notes.join(QLatin1Char(' ')));
    m_notice->setVisible(!notes.isEmpty());
    if (checks.empty())
        return;
    m_lastRun = ran;
    start(makeRunner(true, {}), checks);
}

void DiagnosticsTab::runQuickHealth()
{
    runChecks(m_lights.keys());
}

void DiagnosticsTab::runSelection()
{
    QStringList ids;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows(0);
    const QModelIndexList chosen = rows.isEmpty() ? QModelIndexList{m_tree->currentIndex()} : rows;
    for (const QModelIndex &proxyIndex : chosen) {
        const QModelIndex i = m_proxy->mapToSource(proxyIndex);
        if (!i.isValid())
            continue;
        const QString id = i.data(CheckCatalogModel::CheckIdRole).toString();
        if (!id.isEmpty()) {
            ids << id;
            continue;
        }
        // A group row stands for the checks of it the filter shows.
        for (int r = 0; r < m_proxy->rowCount(proxyIndex); ++r)
            ids << m_proxy->index(r, 0, proxyIndex).data(CheckCatalogModel::CheckIdRole).toString();
    }
    if (ids.size() == 1) {
        if (const DiagnosticCheck *c = m_model->check(ids.first()); c && c->destructive) {
            runMitigation(c->id);
            return;
        }
    }
    runChecks(ids);
}

void DiagnosticsTab::rerun()
{
    if (m_lastRun.isEmpty())
        runSelection();
    else
        runChecks(m_lastRun);
}

void DiagnosticsTab::cancelAll()
{
    for (const auto &r : std::as_const(m_runners)) {
        if (r)
            r->cancelAll();
    }
}

int DiagnosticsTab::runningCount() const
{
    return static_cast<int>(m_active.size());
}

void DiagnosticsTab::runMitigation(const QString &checkId)
{
    const DiagnosticCheck *c = m_model->check(checkId);
    if (!c || !c->destructive)
        return;
    showCheck(checkId);
    if (isReadOnly()) {
        m_notice->setText(tr("Read-only mode is on: %1 was not run. Enable mitigations in the "
                             "bar above first.")
                              .arg(c->title));
        m_notice->show();
        Q_EMIT mitigationNotRun(checkId);
        return;
    }
    if (m_active.contains(checkId))
        return;
    auto *dialog =
        new MitigationDialog(*c, commandText(*c), m_bar->context(), m_bar->isProduction(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const DiagnosticCheck check = *c;
    connect(dialog, &QDialog::accepted, this, [this, dialog, check] {
        // Read-only mode could not change while the dialog was up, but the engine checks
        // both the mode and the typed name once more before anything runs.
        start(makeRunner(isReadOnly(), dialog->typedName()), {check});
    });
    connect(dialog, &QDialog::rejected, this,
            [this, checkId = check.id] { Q_EMIT mitigationNotRun(checkId); });
    dialog->open();
}

void DiagnosticsTab::onResult(const diag::DiagnosticResult &r)
{
    m_active.remove(r.check);
    m_model->setResult(r, m_service.clock().now());
    m_results.insert(r.check, r);
    if (StatusLight *l = m_lights.value(r.check))
        l->setState(CheckCatalogModel::stateOf(r.status), r.summary);

    const QString incident = m_runFor.take(r.check);
    QString note;
    if (r.status == diag::RunStatus::Cancelled) {
        note = tr("Cancelled; not filed on the timeline.");
    } else if (incident.isEmpty()) {
        note = tr("Not filed: no incident was selected when it ran.");
    } else {
        const DiagnosticCheck *c = m_model->check(r.check);
        try {
            m_evidence->recordEvidence(incident, r, c ? c->title : QString());
            note = tr("Filed on the incident's timeline as evidence.");
        } catch (const Error &e) {
            note = tr("Could not file on the timeline: %1").arg(e.message());
        } catch (const std::exception &e) {
            note = tr("Could not file on the timeline: %1").arg(QString::fromUtf8(e.what()));
        }
    }
    m_filedNote.insert(r.check, note);
    if (r.check == m_shown)
        updateDetails();
    updateHealthSummary();
    updateActions();
    Q_EMIT resultShown(r.check);
}

QString DiagnosticsTab::commandText(const DiagnosticCheck &c) const
{
    if (c.kind == u"sql" && !m_service.profile().database.conninfo.isEmpty()) {
        // The runner sends it through libpq, read-only, not through kubectl exec psql.
        return QStringLiteral("%1  (%2)")
            .arg(c.query, diag::describeConninfo(m_service.profile().database.conninfo));
    }
    if (viaKubectl(c.kind)) {
        const diag::KubectlOptions o = diag::kubectlOptionsFor(m_service.profile());
        const QString program = o.program.isEmpty() ? QStringLiteral("kubectl") : o.program;
        if (o.context.isEmpty()) {
            // The context is resolved from the kubeconfig when the check runs.
            return program + QStringLiteral(" --context=<current> ") + diag::shellQuoted(c.args);
        }
        const diag::KubectlArgv argv = diag::kubectlArgv(c, o, o.context, c.timeoutSeconds);
        if (!argv.error.isEmpty())
            return tr("cannot run: %1").arg(argv.error);
        return diag::shellQuoted(QStringList{program} + argv.args);
    }
    if (c.kind == u"dns")
        return QStringLiteral("DNS A/AAAA/CNAME ") + c.host;
    if (c.kind == u"jsonrpc")
        return QStringLiteral("POST %1 {\"method\":\"%2\"}")
            .arg(c.url, c.method.isEmpty() ? QStringLiteral("eth_blockNumber") : c.method);
    return QStringLiteral("%1 %2").arg(c.method.isEmpty() ? QStringLiteral("GET") : c.method,
                                       c.url);
}

void DiagnosticsTab::watch(const QString &checkId)
{
    const DiagnosticCheck *c = m_model->check(checkId);
    if (!c || !WatchDialog::canWatch(*c))
        return;
    auto *dialog = new WatchDialog(*c, *m_evidence, m_incidentId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
}

void DiagnosticsTab::showCheck(const QString &checkId)
{
    if (!m_model->check(checkId))
        return;
    m_shown = checkId;
    updateDetails();
}

void DiagnosticsTab::updateDetails()
{
    const DiagnosticCheck *c = m_model->check(m_shown);
    if (!c) {
        m_title->setText(tr("The profile has no diagnostic checks."));
        m_watchButton->hide();
        m_command->clear();
        m_where->clear();
        m_mitigationBox->hide();
        m_resultLabel->clear();
        m_output->clear();
        updateOutputView();
        return;
    }
    m_title->setText(tr("%1 — %2 check").arg(c->title, c->kind));
    m_watchButton->setVisible(WatchDialog::canWatch(*c));
    const auto it = m_results.constFind(c->id);
    const bool have = it != m_results.cend();
    QString command = commandText(*c);
    if (have && !it->argv.isEmpty())
        command = diag::shellQuoted(it->argv);
    if (m_command->toPlainText() != command)
        m_command->setPlainText(command);
    fitCommandHeight();
    const Profile &p = m_service.profile();
    if (c->kind == u"sql" && !p.database.conninfo.isEmpty()) {
        m_where->setText(tr("Database: %1%2")
                             .arg(diag::describeConninfo(p.database.conninfo),
                                  p.database.production ? tr("  ·  PRODUCTION") : QString()));
    } else if (viaKubectl(c->kind)) {
        const QString context = have && !it->context.isEmpty() ? it->context : p.kube.context;
        const QString ns = have && !it->ns.isEmpty() ? it->ns : p.kube.ns;
        m_where->setText(
            tr("Context: %1  ·  Namespace: %2%3")
                .arg(context.isEmpty() ? tr("kubeconfig's current") : context,
                     ns.isEmpty() ? tr("(none)") : ns,
                     isProductionContext(p, context) ? tr("  ·  PRODUCTION") : QString()));
    } else {
        m_where->setText(tr("Runs from this computer; no kube context or namespace"));
    }

    m_mitigationBox->setVisible(c->destructive);
    if (c->destructive) {
        const QString where =
            p.kube.context.isEmpty() ? tr("the kubeconfig's current context") : p.kube.context;
        m_mitigationText->setText(
            isReadOnly()
                ? tr("Changes %1 in %2. Read-only mode is on: enable mitigations in the bar "
                     "above to run it.")
                      .arg(c->target, where)
                : tr("Changes %1 in %2. You will be asked to type %1 before it runs.")
                      .arg(c->target, where));
        m_mitigationButton->setEnabled(!isReadOnly() && !m_active.contains(c->id));
    }

    const State s = m_model->state(c->id);
    QString result;
    if (s == State::Running) {
        result = tr("Running… (Esc cancels)");
    } else if (!have) {
        result = c->destructive ? tr("Not run yet.") : tr("Not run yet: press Enter to run it.");
    } else {
        QStringList parts{CheckCatalogModel::stateText(s)};
        if (it->exitCode >= 0)
            parts << (viaKubectl(c->kind) ? tr("exit code %1") : tr("status %1")).arg(it->exitCode);
        parts << tr("%1 ms").arg(it->durationMs);
        const QModelIndex last = m_model->indexOf(c->id, CheckCatalogModel::LastRun);
        parts << tr("at %1").arg(last.data().toString());
        result = parts.join(QStringLiteral("  ·  "));
        if (!it->summary.isEmpty())
            result += QLatin1Char('\n') + it->summary;
        if (it->truncated)
            result += QLatin1Char('\n') + tr("The output was cut at the size cap.");
        const QString note = m_filedNote.value(c->id);
        if (!note.isEmpty())
            result += QLatin1Char('\n') + note;
    }
    m_resultLabel->setText(result);
    const QString output = have ? it->output : QString();
    if (m_output->toPlainText() != output)
        m_output->setPlainText(output);
    updateOutputView();
}

void DiagnosticsTab::updateOutputView()
{
    const auto it = m_results.constFind(m_shown);
    const QString source =
        it == m_results.cend() ? QString() : m_shown + QLatin1Char('\n') + it->output;
    if (source != m_tableSource) {
        // Read again only when another result is shown: a re-sort or selection survives the
        // refreshes a running batch causes.
        m_tableSource = source;
        const std::optional<diag::OutputTable> table =
            it == m_results.cend() ? std::nullopt : diag::tableOf(*it);
        m_tableModel->setTable(table.value_or(diag::OutputTable{}));
        m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_tableProxy->sort(-1);
        if (table)
            m_table->resizeColumnsToContents();
    }
    const bool offered = tableOffered();
    m_tableMode->setEnabled(offered);
    const bool table = offered && m_preferTable;
    m_outputStack->setCurrentWidget(table ? static_cast<QWidget *>(m_table) : m_output);
    (table ? m_tableMode : m_textMode)->setChecked(true);
    // Finding filters the table's rows; the text has its own cursor.
    m_tableProxy->setFilterFixedString(table && !m_findBar->isHidden() ? m_findEdit->text()
                                                                       : QString());
}

bool DiagnosticsTab::tableOffered() const
{
    return m_tableModel->columnCount() > 0;
}

bool DiagnosticsTab::showsTable() const
{
    return m_outputStack->currentWidget() == m_table;
}

void DiagnosticsTab::setShowTable(bool table)
{
    m_preferTable = table;
    updateOutputView();
}

void DiagnosticsTab::copyTableSelection()
{
    const QString tsv = selectionAsTsv(m_table->selectionModel()->selectedIndexes());
    if (!tsv.isEmpty())
        QApplication::clipboard()->setText(tsv);
}

void DiagnosticsTab::updateActions()
{
    m_cancelButton->setEnabled(!m_active.isEmpty());
    const QString id = currentCheckId();
    const DiagnosticCheck *c = m_model->check(id);
    m_runButton->setEnabled(m_tree->currentIndex().isValid() && !(c && c->destructive));
    m_groupButton->setEnabled(!currentGroup().isEmpty() && currentGroup() != u"Mitigations");
    m_rerunButton->setEnabled(!m_lastRun.isEmpty());
    if (c && c->destructive)
        m_mitigationButton->setEnabled(!isReadOnly() && !m_active.contains(c->id));
}

QString DiagnosticsTab::currentCheckId() const
{
    return m_tree->currentIndex().data(CheckCatalogModel::CheckIdRole).toString();
}

QString DiagnosticsTab::currentGroup() const
{
    return m_tree->currentIndex().data(CheckCatalogModel::GroupRole).toString();
}

void DiagnosticsTab::showFind()
{
    m_findBar->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void DiagnosticsTab::find(bool backwards)
{
    const QString text = m_findEdit->text();
    if (showsTable()) {
        // In a table, finding narrows the rows to those with the text in any cell.
        m_tableProxy->setFilterFixedString(text);
        m_findNote->setText(text.isEmpty() || m_tableProxy->rowCount() > 0 ? QString()
                                                                           : tr("not found"));
        return;
    }
    if (text.isEmpty()) {
        m_findNote->clear();
        return;
    }
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_output->find(text, flags);
    if (!found) {
        // Wrap around once, as an editor's find does.
        QTextCursor c = m_output->textCursor();
        c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_output->setTextCursor(c);
        found = m_output->find(text, flags);
    }
    m_findNote->setText(found ? QString() : tr("not found"));
}

bool DiagnosticsTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_tree && watched != m_output && watched != m_table)
        return QWidget::eventFilter(watched, event);
    auto *key = event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress
                    ? static_cast<QKeyEvent *>(event)
                    : nullptr;
    if (!key)
        return QWidget::eventFilter(watched, event);
    // Ctrl+F belongs to the window's incident search everywhere else; here it finds in what
    // has focus: the checks in the list, the text in the output.
    const bool findKey = key->matches(QKeySequence::Find);
    const bool copyKey = watched == m_table && key->matches(QKeySequence::Copy);
    const bool enter = watched == m_tree &&
                       (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                       key->modifiers() == Qt::NoModifier;
    if (event->type() == QEvent::ShortcutOverride) {
        if (findKey || enter || copyKey) {
            event->accept();
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    if (copyKey) {
        copyTableSelection();
        return true;
    }
    if (findKey) {
        if (watched == m_output || watched == m_table) {
            showFind();
        } else {
            m_filter->setFocus(Qt::ShortcutFocusReason);
            m_filter->selectAll();
        }
        return true;
    }
    if (enter) {
        runSelection();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void DiagnosticsTab::fitCommandHeight()
{
    // As many lines as the command wraps to, up to four (the longest runbook commands); a
    // short URL keeps the room for the output.
    const QFontMetrics fm(m_command->font());
    const int margins =
        2 * (m_command->frameWidth() + int(m_command->document()->documentMargin()));
    const int width = std::max(1, m_command->width() - margins);
    const int lines = std::clamp(
        int(std::ceil(double(fm.horizontalAdvance(m_command->toPlainText())) / width)), 1, 4);
    m_command->setFixedHeight(fm.lineSpacing() * lines + margins + 2);
}

void DiagnosticsTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitCommandHeight();
    // Side by side the catalog and the output each need room; a narrow window stacks them.
    const Qt::Orientation o = width() < 820 ? Qt::Vertical : Qt::Horizontal;
    // Placed once the tab has a real size (it is created tiny), and again when it turns; in
    // pixels, since the splitter itself has not been resized yet at this point.
    if (m_split->orientation() != o || (!m_splitPlaced && width() >= 400)) {
        m_splitPlaced = width() >= 400;
        m_split->setOrientation(o);
        // Stacked, the output gets the larger share: it is what is read after a run.
        const int room = o == Qt::Vertical ? height() / 2 : width();
        m_split->setSizes(o == Qt::Vertical ? QList<int>{room * 2 / 5, room * 3 / 5}
                                            : QList<int>{room * 14 / 25, room * 11 / 25});
    }
}

} // namespace idesk
