#include "mainwindow.h"

#include "columnfit.h"
#include "core/incidentjson.h"
#include "declaredialog.h"
#include "elidedlabel.h"
#include "gui/diagnostics/contextbar.h"
#include "gui/diagnostics/diagnosticstab.h"
#include "gui/postmortem/postmortemtab.h"
#include "gui/sync/conflictsdialog.h"
#include "gui/sync/syncsettingsdialog.h"
#include "gui/timeline/timelinetab.h"
#include "gui/triage/triagetab.h"
#include "models/incidentfilterproxy.h"
#include "models/incidentlistmodel.h"
#include "services/atomicwrite.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"
#include "services/profilefile.h"
#include "services/settings.h"
#include "severitystyle.h"
#include "sync/syncworker.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QThread>
#include <QToolButton>
#include <QUndoGroup>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>
#include <utility>

namespace idesk {

MainWindow::MainWindow(std::unique_ptr<IncidentService> service, Settings &settings,
                       QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_settings(settings)
{
    // The list's rows are read first: fonts and image plugins are still loading on the other
    // core (StartupWarmup), and the widgets below are the first to need them. Only a screenful
    // (the newest, as the list shows them) before the first paint; the rest right after it.
    constexpr int kFirstScreenRows = 100;
    auto *firstModel = new IncidentListModel(*service, this, kFirstScreenRows);
    m_ui->setupUi(this);
    m_ui->incidentView->setItemDelegate(new IncidentListDelegate(m_ui->incidentView));
    m_undoGroup = new QUndoGroup(this);
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z and Ctrl+Y both, each once: the platform's Redo binding is Ctrl+Shift+Z on
    // Linux, and an action listing one sequence twice makes Qt call it ambiguous and do nothing.
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                 QKeySequence(Qt::CTRL | Qt::Key_Y)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(k))
            redoKeys << k;
    }
    redo->setShortcuts(redoKeys);
    QAction *firstEdit = m_ui->menuEdit->actions().value(0);
    m_ui->menuEdit->insertAction(firstEdit, undo);
    m_ui->menuEdit->insertAction(firstEdit, redo);

    m_ui->statusFilter->addItem(tr("All incidents"),
                                static_cast<int>(IncidentFilterProxy::StatusFilter::All));
    m_ui->statusFilter->addItem(tr("Open"),
                                static_cast<int>(IncidentFilterProxy::StatusFilter::Open));
    for (int s = 0; s < IncidentStatusCount; ++s) {
        m_ui->statusFilter->addItem(
            DisplayText::status(static_cast<IncidentStatus>(s)),
            static_cast<int>(IncidentFilterProxy::StatusFilter::Investigating) + s);
    }

    m_dbLabel = new ElidedLabel(this); // a long path gives way instead of widening the window
    m_profileLabel = new QLabel(this);
    m_readOnlyLabel = new QLabel(this);
    m_syncLabel = new QLabel(this);
    m_profileLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_dbLabel, 1);
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_syncLabel);
    m_conflictsButton = new QToolButton(this);
    m_conflictsButton->setAutoRaise(true);
    m_conflictsButton->setAccessibleName(tr("Review sync conflicts"));
    m_conflictsButton->hide();
    statusBar()->addPermanentWidget(m_conflictsButton);

    m_ui->bannerLabel->setColors(QColor(0xfd, 0xec, 0xea), QColor(0x8e, 0x1c, 0x1c));
    m_ui->bannerLabel->setBorder(QColor(0xe5, 0x73, 0x73));
    m_ui->bannerLabel->setPadding(6, 6);

    m_integrityDelay.setSingleShot(true);
    m_integrityDelay.setInterval(1000);
    connect(&m_integrityDelay, &QTimer::timeout, this, &MainWindow::checkIntegrityInBackground);
    m_elsewherePoll.setInterval(1000);
    connect(&m_elsewherePoll, &QTimer::timeout, this, [this] {
        try {
            m_service->refreshFromElsewhere();
            updateSyncLabel(); // "synced N s ago" moves on
        } catch (const Error &e) {
            // A busy or vanished file is retried on the next tick; a dialog a second would not
            // help.
            spdlog::warn("Checking for changes by other programs: {}", e.message().toStdString());
        }
    });
    m_elsewherePoll.start();
    connectActions();
    m_profilePath = m_settings.lastProfile();
    setService(std::move(service), firstModel);

    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1280, 800);
    restoreState(m_settings.windowState());
    if (!m_ui->splitter->restoreState(m_settings.splitterState()))
        m_ui->splitter->setSizes({350, 930});
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (!m_firstPaintSeen) {
        m_firstPaintSeen = true;
        QTimer::singleShot(0, this, &MainWindow::afterFirstPaint);
    }
}

void MainWindow::afterFirstPaint()
{
    // Loading the first image makes Qt probe every image-format plugin (a few milliseconds), and
    // sorting re-orders rows that are already in order; neither is needed to read the window.
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/incidentdesk-%1.png").arg(size), QSize(size, size));
    setWindowIcon(icon);
    m_ui->searchEdit->setClearButtonEnabled(true);
    m_model->loadAll();                          // older incidents, below the first screenful
    m_ui->incidentView->setSortingEnabled(true); // sorts by the indicator: no visible change
}

MainWindow::~MainWindow()
{
    if (m_integrityCheck)
        m_integrityCheck->wait();
}

void MainWindow::checkIntegrityInBackground()
{
    if (m_integrityCheck)
        m_integrityCheck->wait(); // a previous database's check; bounded by its size
    const QString path = m_service->databasePath();
    m_integrityCheck = QThread::create([this, path] {
        const QString problems = IncidentService::integrityProblems(path);
        if (problems.isEmpty())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, path, problems] {
                if (m_service->databasePath() == path)
                    showBanner(tr("The database %1 is damaged (%2). Export what you need and "
                                  "restore it from a backup.")
                                   .arg(path, problems));
            },
            Qt::QueuedConnection);
    });
    connect(m_integrityCheck, &QThread::finished, m_integrityCheck, &QObject::deleteLater);
    connect(m_integrityCheck, &QObject::destroyed, this, [this](QObject *gone) {
        if (gone == m_integrityCheck)
            m_integrityCheck = nullptr;
    });
    m_integrityCheck->start(QThread::LowPriority);
}

QTabWidget *MainWindow::tabs() const
{
    return m_ui->tabs;
}

void MainWindow::connectActions()
{
    connect(m_ui->actionNewIncident, &QAction::triggered, this, &MainWindow::declareIncident);
    connect(m_ui->declareButton, &QPushButton::clicked, this, &MainWindow::declareIncident);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->actionExportJson, &QAction::triggered, this, &MainWindow::exportJson);
    connect(m_ui->actionImportJson, &QAction::triggered, this, &MainWindow::importJson);
    connect(m_ui->actionOpenDatabase, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open database"), {},
            tr("IncidentDesk databases (*.sqlite *.db);;All files (*)"));
        if (!path.isEmpty())
            openDatabase(path);
    });
    connect(m_ui->actionOpenProfile, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open service profile"), {},
                                                          tr("Profiles (*.json);;All files (*)"));
        if (!path.isEmpty())
            openProfile(path);
    });
    connect(m_ui->actionDefaultProfile, &QAction::triggered, this, [this] {
        m_service->setProfile(defaultProfile());
        m_profilePath.clear();
        m_settings.setLastProfile({});
        updateStatusBar();
    });
    // The menu item leaves read-only mode the way the Diagnostics context bar does: after a Yes.
    connect(m_ui->actionReadOnly, &QAction::triggered, this, [this](bool on) {
        if (on) {
            m_service->setReadOnly(true);
            return;
        }
        m_ui->actionReadOnly->setChecked(true); // until the question is answered
        const Profile &p = m_service->profile();
        askToLeaveReadOnly(this, p.kube.context, isProductionContext(p, p.kube.context),
                           [this] { m_service->setReadOnly(false); });
    });
    connect(m_ui->actionReadOnly, &QAction::toggled, this, [this](bool on) {
        m_settings.setReadOnly(on);
        updateStatusBar();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_proxy->setText(t); });
    connect(m_ui->statusFilter, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setStatusFilter(static_cast<IncidentFilterProxy::StatusFilter>(
            m_ui->statusFilter->currentData().toInt()));
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->setFocus();
        m_ui->searchEdit->selectAll();
    });
    for (int i = 0; i < 4; ++i) {
        auto *tabKey =
            new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        connect(tabKey, &QShortcut::activated, this, [this, i] {
            m_ui->tabs->setCurrentIndex(i);
            // The keys that follow go where the tab expects typing (the quick-entry line).
            if (IncidentPage *p = page(i); p && p->entryWidget())
                p->entryWidget()->setFocus(Qt::ShortcutFocusReason);
        });
    }
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        materializeTab(index);
        QWidget *front = tabContent(index);
        m_undoGroup->setActiveStack(qobject_cast<TimelineTab *>(front) ? m_timelineUndo : nullptr);
    });
    auto *settingsMenu = new QMenu(tr("&Settings"), this);
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), settingsMenu);
    m_syncSettingsAction = settingsMenu->addAction(tr("&Sync…"));
    m_syncSettingsAction->setObjectName(QStringLiteral("actionSyncSettings"));
    connect(m_syncSettingsAction, &QAction::triggered, this, &MainWindow::openSyncSettings);
    m_conflictsAction = settingsMenu->addAction(tr("Sync &conflicts…"));
    m_conflictsAction->setObjectName(QStringLiteral("actionSyncConflicts"));
    connect(m_conflictsAction, &QAction::triggered, this, &MainWindow::openConflicts);
    connect(m_conflictsButton, &QToolButton::clicked, this, &MainWindow::openConflicts);
    QAction *focusList = m_ui->menuView->addAction(tr("Incident &list"));
    focusList->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    connect(focusList, &QAction::triggered, this, [this] { m_ui->incidentView->setFocus(); });
}

void MainWindow::setService(std::unique_ptr<IncidentService> service, IncidentListModel *model)
{
    // Views first let go of the old models, then the old service goes.
    m_ui->incidentView->setModel(nullptr);
    while (m_ui->tabs->count() > 0) {
        QWidget *w = m_ui->tabs->widget(0);
        m_ui->tabs->removeTab(0);
        delete w;
    }
    delete m_proxy;
    delete m_model;
    m_tabFactories.clear();
    m_timelineUndo = nullptr;
    m_service = std::move(service);
    restartSync();
    m_service->setReadOnly(m_settings.readOnly());
    if (!m_settings.userName().isEmpty())
        m_service->setActor(m_settings.userName());
    m_ui->actionReadOnly->setChecked(m_service->readOnly());

    m_model = model ? model : new IncidentListModel(*m_service, this);
    m_proxy = new IncidentFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_ui->incidentView->setModel(m_proxy);
    auto *header = m_ui->incidentView->horizontalHeader();
    // The rows arrive newest first, which is the order shown at start: the header shows it, and
    // the proxy takes over sorting (the same order, and header clicks) once the window is up.
    m_ui->incidentView->setSortingEnabled(false);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(IncidentListModel::Started, Qt::DescendingOrder);
    if (m_firstPaintSeen)
        m_ui->incidentView->setSortingEnabled(true);
    // The title takes what the fixed columns leave, so the start time is never cut off.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(IncidentListModel::Title, QHeaderView::Stretch);
    // Fixed columns fit their header (with the sort arrow) and their widest value; the list
    // panel keeps room for about twelve characters of title beside them.
    QStringList severities, statuses;
    for (int s = 0; s < SeverityCount; ++s)
        severities << severityToString(static_cast<Severity>(s));
    for (int s = 0; s < IncidentStatusCount; ++s)
        statuses << DisplayText::status(static_cast<IncidentStatus>(s));
    const int fixedWidth =
        fitColumn(m_ui->incidentView, IncidentListModel::Severity, severities) +
        fitColumn(m_ui->incidentView, IncidentListModel::Status, statuses) +
        // Two-digit month and day, wide digits: the widest text the column's format produces.
        fitColumn(m_ui->incidentView, IncidentListModel::Started,
                  {IncidentListModel::startedText(
                      QDateTime(QDate(2000, 12, 28), QTime(20, 58), Qt::UTC))});
    const QFontMetrics cellFm = m_ui->incidentView->fontMetrics();
    m_ui->listPanel->setMinimumWidth(fixedWidth + 12 * cellFm.averageCharWidth());
    // Channel and commander are shown in the tabs; the list keeps what sorting needs.
    m_ui->incidentView->setColumnHidden(IncidentListModel::Channel, true);
    m_ui->incidentView->setColumnHidden(IncidentListModel::Commander, true);
    m_ui->incidentView->verticalHeader()->setDefaultSectionSize(
        m_ui->incidentView->fontMetrics().height() + 8);
    connect(m_ui->incidentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateWindowTitle);
    connect(m_service.get(), &IncidentService::profileChanged, this, &MainWindow::updateStatusBar);
    // The Diagnostics tab's context bar changes the mode too; the menu item follows it.
    connect(m_service.get(), &IncidentService::readOnlyChanged, m_ui->actionReadOnly,
            &QAction::setChecked);

    buildTabs();
    // The page check reads the whole file: let the window paint and settle first.
    m_integrityDelay.start();
    m_currentId.clear();
    if (m_proxy->rowCount() > 0)
        m_ui->incidentView->selectRow(0);
    else
        onSelectionChanged();
    updateStatusBar();
}

void MainWindow::buildTabs()
{
    // Only the tab in front is built at start; the others on first view, so the window paints
    // as soon as the triage view is ready.
    auto &tabs = *m_ui->tabs;
    const auto addLazy = [&](const QString &label, std::function<QWidget *(QWidget *)> make) {
        auto *holder = new QWidget(&tabs);
        auto *layout = new QVBoxLayout(holder);
        layout->setContentsMargins(0, 0, 0, 0);
        holder->setProperty("factoryIndex", static_cast<int>(m_tabFactories.size()));
        m_tabFactories.push_back(std::move(make));
        tabs.addTab(holder, label);
    };
    addLazy(tr("&Triage"), [this](QWidget *parent) {
        // Header first: the window paints with the incident's title, clocks and status, and
        // the panels below follow in the next turn of the event loop.
        auto *triage = new TriageTab(*m_service, parent, TriageTab::Build::HeaderFirst);
        connect(triage, &TriageTab::overdueRaised, this, &MainWindow::notifyOverdue);
        connect(triage, &TriageTab::errorRaised, this, &MainWindow::showError);
        connect(triage, &TriageTab::playbookRequested, this, [this](const QString &playbookId) {
            // The Diagnostics tab comes right after Triage.
            m_ui->tabs->setCurrentIndex(1);
            materializeTab(1);
            if (auto *diagnostics = qobject_cast<DiagnosticsTab *>(tabContent(1)))
                diagnostics->showPlaybook(playbookId);
        });
        return triage;
    });
    addLazy(tr("&Diagnostics"), [this](QWidget *parent) {
        auto *diagnostics = new DiagnosticsTab(*m_service, parent);
        diagnostics->setShowTable(m_settings.diagnosticsOutputAsTable());
        connect(diagnostics, &DiagnosticsTab::outputViewChosen, this,
                [this](bool table) { m_settings.setDiagnosticsOutputAsTable(table); });
        return diagnostics;
    });
    addLazy(tr("Time&line"), [this](QWidget *parent) {
        auto *timeline = new TimelineTab(*m_service, parent);
        connect(timeline, &TimelineTab::errorRaised, this, &MainWindow::showError);
        m_undoGroup->addStack(timeline->undoStack());
        m_timelineUndo = timeline->undoStack();
        return timeline;
    });
    addLazy(tr("&Post-mortem"), [this](QWidget *parent) {
        auto *postmortem = new PostmortemTab(*m_service, parent);
        connect(postmortem, &PostmortemTab::errorRaised, this, &MainWindow::showError);
        return postmortem;
    });
    for (int i = 0; i < tabs.count(); ++i)
        tabs.setTabToolTip(i, tr("Alt+%1").arg(i + 1));
    materializeTab(tabs.currentIndex());
}

QWidget *MainWindow::tabContent(int index) const
{
    QWidget *holder = m_ui->tabs->widget(index);
    if (!holder || !holder->layout() || holder->layout()->count() == 0)
        return nullptr;
    return holder->layout()->itemAt(0)->widget();
}

void MainWindow::materializeTab(int index)
{
    QWidget *holder = m_ui->tabs->widget(index);
    if (!holder || tabContent(index))
        return;
    const int factory = holder->property("factoryIndex").toInt();
    QWidget *content = m_tabFactories.at(static_cast<std::size_t>(factory))(holder);
    holder->layout()->addWidget(content);
    passIncident(content, m_currentId);
}

IncidentPage *MainWindow::page(int index) const
{
    return dynamic_cast<IncidentPage *>(tabContent(index));
}

void MainWindow::completeDeferredBuilds()
{
    m_model->loadAll();
    for (int i = 0; i < m_ui->tabs->count(); ++i) {
        if (IncidentPage *p = page(i))
            p->completeDeferredBuild();
    }
}

void MainWindow::passIncident(QWidget *tab, const QString &id)
{
    if (auto *p = dynamic_cast<IncidentPage *>(tab))
        p->setIncidentId(id);
}

bool MainWindow::selectIncident(const QString &id)
{
    if (m_model->rowOf(id) < 0)
        m_model->loadAll(); // an older incident than the first screenful read at start
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid())
        return false;
    m_ui->incidentView->selectRow(proxyIndex.row());
    m_ui->incidentView->scrollTo(proxyIndex);
    return true;
}

void MainWindow::onSelectionChanged()
{
    QString id;
    const auto rows = m_ui->incidentView->selectionModel()
                          ? m_ui->incidentView->selectionModel()->selectedRows()
                          : QModelIndexList{};
    if (!rows.isEmpty())
        id = rows.first().data(IncidentListModel::IdRole).toString();
    if (id == m_currentId && !id.isEmpty())
        return;
    m_currentId = id;
    for (int i = 0; i < m_ui->tabs->count(); ++i)
        passIncident(tabContent(i), id);
    m_ui->actionExportJson->setEnabled(!id.isEmpty());
    updateWindowTitle();
    Q_EMIT currentIncidentChanged(id);
}

void MainWindow::updateWindowTitle()
{
    // From the list's row: the title and severity the list shows, without another query.
    if (const IncidentSummary *inc = m_model->incidentAt(m_model->rowOf(m_currentId)))
        setWindowTitle(tr("%1 %2 — IncidentDesk").arg(severityToString(inc->severity), inc->title));
    else
        setWindowTitle(tr("IncidentDesk"));
}

void MainWindow::declareIncident()
{
    DeclareDialog dialog(m_service->profile(), m_service->actor(), this);
    const int result = dialog.exec();
    // Give the keyboard back to the window, so the next shortcut (copy the alert) works at once.
    activateWindow();
    if (result != QDialog::Accepted)
        return;
    try {
        const Incident inc = m_service->declare(dialog.request());
        m_ui->statusFilter->setCurrentIndex(0);
        m_ui->searchEdit->clear();
        selectIncident(inc.id);
        m_ui->tabs->setCurrentIndex(0);
        statusBar()->showMessage(tr("Declared %1 — %2").arg(inc.channel, inc.title), 8000);
    } catch (const Error &e) {
        reportError(e.during(tr("Could not declare the incident")));
    }
}

bool MainWindow::openDatabase(const QString &path)
{
    try {
        setService(IncidentService::open(path, m_service->profile(), m_service->clock(),
                                         IncidentService::Check::Structure));
        m_settings.setLastDatabase(path);
        m_ui->bannerLabel->hide();
        return true;
    } catch (const Error &e) {
        reportError(e.during(tr("Could not open the database")));
        return false;
    }
}

bool MainWindow::openProfile(const QString &path)
{
    try {
        m_service->setProfile(loadProfileFile(path));
        m_profilePath = path;
        m_settings.setLastProfile(path);
        updateStatusBar();
        return true;
    } catch (const Error &e) {
        reportError(
            Error(e.kind(), tr("The profile has an error"),
                  e.message() + QLatin1Char('\n') + tr("The current profile stays in use.")));
        return false;
    }
}

void MainWindow::showBanner(const QString &text)
{
    m_ui->bannerLabel->setText(text);
    m_ui->bannerLabel->setVisible(!text.isEmpty());
    // The layout cached the label's height for its old text; a wrapped message would otherwise
    // keep the tall first guess and push the work down.
    m_ui->centralLayout->invalidate();
}

void MainWindow::reportError(const Error &error)
{
    logError(error);
    showBanner(error.text());
    if (!qEnvironmentVariableIsSet("IDESK_NO_DIALOGS"))
        QMessageBox::critical(this, error.message(), error.detail());
}

void MainWindow::showError(const Error &error)
{
    // A tab's error: the tab shows it beside what failed; the status bar says it wherever the
    // commander is looking, without a dialog in the way of the next action.
    logError(error);
    statusBar()->showMessage(error.text(), 15000);
}

void MainWindow::logError(const Error &error)
{
    spdlog::error("{}", error.text().toStdString());
}

void MainWindow::notifyOverdue(const QString &text, const QString &incidentTitle)
{
    // The commander may be in another window: the desktop's notification area reaches them.
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable())
        m_tray = new QSystemTrayIcon(windowIcon(), this);
    if (!m_tray)
        return;
    if (!m_tray->isVisible())
        m_tray->show();
    m_tray->showMessage(incidentTitle, text, QSystemTrayIcon::Warning, 15000);
}

void MainWindow::updateStatusBar()
{
    m_dbLabel->setText(tr("Database: %1").arg(m_service->databasePath()));
    m_profileLabel->setText(tr("Profile: %1%2")
                                .arg(m_service->profile().name,
                                     m_profilePath.isEmpty() ? tr(" (default)") : QString()));
    m_profileLabel->setToolTip(m_profilePath.isEmpty() ? tr("The shipped default profile")
                                                       : m_profilePath);
    m_readOnlyLabel->setText(m_service->readOnly() ? tr("Read-only: destructive actions off")
                                                   : tr("Destructive actions ENABLED"));
    if (m_service->readOnly())
        clearTextStyle(m_readOnlyLabel);
    else
        styleText(m_readOnlyLabel, QColor(alertRed()), 0, true);
    updateSyncLabel();
}

// The worker has its own thread and connection to the file; the window only shows its status.
void MainWindow::restartSync()
{
    m_sync.reset();
    const QString server = m_settings.syncConninfo();
    if (server.isEmpty())
        return;
    m_sync = std::make_unique<sync::SyncController>(m_service->databasePath(), server,
                                                    m_settings.syncIntervalSecs());
    connect(m_sync.get(), &sync::SyncController::statusChanged, this, &MainWindow::updateSyncLabel);
}

void MainWindow::updateSyncLabel()
{
    if (!m_syncLabel)
        return;
    if (!m_sync) {
        m_syncLabel->setText(tr("Sync: off (local only)"));
        m_syncLabel->setToolTip({});
        return;
    }
    // The conflicts are counted on the button beside the label, which opens their review.
    sync::SyncStatus shown = m_sync->status();
    const int conflicts = std::exchange(shown.conflicts, 0);
    m_syncLabel->setText(sync::statusText(shown, QDateTime::currentDateTimeUtc()));
    m_syncLabel->setToolTip(shown.message);
    m_conflictsButton->setText(tr("%n conflict(s)", nullptr, conflicts));
    m_conflictsButton->setVisible(conflicts > 0);
}

SyncSettingsDialog *MainWindow::openSyncSettings()
{
    auto *dialog = new SyncSettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        restartSync();
        updateSyncLabel();
    });
    dialog->open();
    return dialog;
}

ConflictsDialog *MainWindow::openConflicts()
{
    auto *dialog = new ConflictsDialog(*m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::exportJson()
{
    if (m_currentId.isEmpty())
        return;
    const auto inc = m_service->incident(m_currentId);
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath((inc ? inc->channel.mid(1) : m_currentId) + QStringLiteral(".json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export incident"), suggested,
                                                      tr("Incident JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const auto failed =
            writeFileAtomically(path, bundleToJson(m_service->bundle(m_currentId)))) {
        reportError(failed->during(tr("Could not export")));
        return;
    }
    statusBar()->showMessage(tr("Exported to %1").arg(path), 8000);
}

void MainWindow::importJson()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import incident"), {},
                                                      tr("Incident JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        reportError(Error(Error::Kind::File, tr("Could not import"), f.errorString()));
        return;
    }
    try {
        const IncidentBundle b = bundleFromJson(f.readAll(), path, m_service->clock().now());
        m_service->importBundle(b);
        selectIncident(b.incident.id);
    } catch (const Error &e) {
        reportError(e.during(tr("Could not import")));
    }
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About IncidentDesk"),
                       tr("<h3>IncidentDesk %1</h3><p>Run a production incident from a laptop: "
                          "triage, diagnostics, timeline and post-mortem, offline first.</p>")
                           .arg(QStringLiteral(INCIDENTDESK_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    QStringList unsaved;
    for (int i = 0; i < m_ui->tabs->count(); ++i) {
        if (const IncidentPage *p = page(i); p && !p->unsavedInput().isEmpty())
            unsaved << p->unsavedInput();
    }
    if (!unsaved.isEmpty() && !qEnvironmentVariableIsSet("IDESK_NO_DIALOGS")) {
        QMessageBox ask(QMessageBox::Question, tr("Quit IncidentDesk?"),
                        unsaved.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                            tr("Quit and discard it?"),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("unsavedInputQuestion"));
        ask.setDefaultButton(QMessageBox::Cancel);
        ask.setTextFormat(Qt::PlainText);
        if (ask.exec() != QMessageBox::Discard) {
            e->ignore();
            return;
        }
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setSplitterState(m_ui->splitter->saveState());
    m_settings.sync();
    QMainWindow::closeEvent(e);
}

} // namespace idesk
