#include "gui/timeline/timelinetab.h"

#include "gui/columnfit.h"
#include "gui/errorguard.h"
#include "gui/flowlayout.h"
#include "gui/timeline/eventhistorydialog.h"
#include "gui/timeline/timelinechart.h"
#include "gui/timeline/timelinecommands.h"
#include "gui/timeline/timelinedelegate.h"
#include "gui/timeline/transcriptdialog.h"
#include "models/timeline/timelinefilterproxy.h"
#include "models/timeline/timelinemodel.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace idesk {

TimelineTab::TimelineTab(IncidentService &service, QWidget *parent)
    : QWidget(parent), m_service(service)
{
    m_model = new TimelineModel(service, this);
    m_proxy = new TimelineFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_undo = new QUndoStack(this);

    m_model->setEditHandler([this](const QString &eventId, const EventChange &change) {
        bool failed = false;
        TimelineEditContext ctx = editContext();
        const auto report = ctx.onError;
        ctx.onError = [&failed, report](const QString &m) {
            failed = true;
            report(m);
        };
        const bool pinOnly = change.pinned && !change.occurredAt && !change.kind &&
                             !change.author && !change.text && !change.deleted;
        if (pinOnly)
            m_undo->push(new PinEventCommand(ctx, eventId, *change.pinned));
        else
            m_undo->push(new EditEventCommand(ctx, eventId, change));
        return !failed;
    });

    buildUi();

    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(200);
    connect(&m_filterDebounce, &QTimer::timeout, this, [this] {
        m_proxy->setTextFilter(m_textFilter->text());
        m_proxy->setAuthorFilter(m_authorFilter->text());
        updateCountLabel();
    });
    m_chartTimer.setSingleShot(true);
    m_chartTimer.setInterval(250);
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(100);
    connect(&m_countTimer, &QTimer::timeout, this, &TimelineTab::updateCountLabel);
    connect(&m_chartTimer, &QTimer::timeout, this, &TimelineTab::rebuildChart);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            scheduleChart();
            updateCountLabel();
        });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TimelineTab::scheduleChart);
    // The sync mark column shows only for a file that syncs, so a narrow window without sync
    // keeps its width for the text.
    const auto showSyncColumn = [this] {
        if (m_view)
            m_view->setColumnHidden(TimelineModel::Synced, !m_model->syncing());
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, showSyncColumn);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, showSyncColumn);
    connect(m_model, &QAbstractItemModel::dataChanged, this, showSyncColumn);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &TimelineTab::scheduleChart);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        scheduleChart();
        updateCountLabel();
    });
    connect(m_model, &TimelineModel::loadFailed, this, [this](const QString &message) {
        Q_EMIT errorRaised(Error(Error::Kind::Storage, message));
    });
    // Shown here as well; the window logs it and shows it in its status bar.
    connect(this, &TimelineTab::errorRaised, this, &TimelineTab::showError);
    connect(m_model, &TimelineModel::loaded, this, &TimelineTab::updateCountLabel);
    connect(m_model, &TimelineModel::fullyLoaded, this, [this] {
        updateCountLabel();
        scheduleChart();
        Q_EMIT fullyLoaded();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TimelineTab::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TimelineTab::updateCountLabel);

    applyKindMenu(); // every kind shown, and the button says so
    setIncidentId({});
}

TimelineTab::~TimelineTab()
{
    // Commands refer to the model; let them go before it does.
    m_undo->clear();
}

void TimelineTab::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *empty = new QLabel(tr("No incident selected.\nPick one in the list, or declare a new "
                                "incident, to see and edit its timeline."),
                             m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setTextFormat(Qt::PlainText);
    empty->setWordWrap(true); // the stack is as wide as its widest page, hidden ones too
    empty->setEnabled(false);
    m_stack->addWidget(empty);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    m_stack->addWidget(page);

    // Filter bar and actions.
    auto *bar = new QHBoxLayout;
    auto *filters = new QHBoxLayout;
    m_kindButton = new QToolButton(page);
    m_kindButton->setObjectName(QStringLiteral("kindFilter"));
    m_kindButton->setPopupMode(QToolButton::InstantPopup);
    m_kindButton->setToolTip(tr("Show only some kinds of event"));
    auto *kindMenu = new QMenu(m_kindButton);
    auto *all = kindMenu->addAction(tr("All kinds"));
    kindMenu->addSeparator();
    for (int k = 0; k < EventKindCount; ++k) {
        auto *a = kindMenu->addAction(DisplayText::eventKind(static_cast<EventKind>(k)));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(k);
        connect(a, &QAction::toggled, this, &TimelineTab::applyKindMenu);
        m_kindActions << a;
    }
    connect(all, &QAction::triggered, this, [this] {
        for (QAction *a : std::as_const(m_kindActions)) {
            const QSignalBlocker block(a);
            a->setChecked(true);
        }
        applyKindMenu();
    });
    m_kindButton->setMenu(kindMenu);
    filters->addWidget(m_kindButton);

    m_authorFilter = new QLineEdit(page);
    m_authorFilter->setPlaceholderText(tr("Author"));
    m_authorFilter->setAccessibleName(tr("Show events by this author"));
    m_authorFilter->setClearButtonEnabled(true);
    m_authorFilter->setMaximumWidth(160);
    // Room to read what was typed; in a narrow window the buttons wrap instead.
    m_authorFilter->setMinimumWidth(fontMetrics().averageCharWidth() * 8);
    filters->addWidget(m_authorFilter);
    m_textFilter = new QLineEdit(page);
    m_textFilter->setPlaceholderText(tr("Search text"));
    m_textFilter->setAccessibleName(tr("Show events containing this text"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->setMinimumWidth(fontMetrics().averageCharWidth() * 8);
    filters->addWidget(m_textFilter, 1);
    m_pinnedOnly = new QCheckBox(tr("Pinned only"), page);
    filters->addWidget(m_pinnedOnly);
    m_count = new QLabel(page);
    m_count->setTextFormat(Qt::PlainText);
    filters->addWidget(m_count);
    connect(m_authorFilter, &QLineEdit::textChanged, this, [this] { m_filterDebounce.start(); });
    connect(m_textFilter, &QLineEdit::textChanged, this, [this] { m_filterDebounce.start(); });
    connect(m_pinnedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setPinnedOnly(on);
        updateCountLabel();
    });

    m_pinAction = new QAction(tr("Pin / unpin"), this);
    m_pinAction->setToolTip(tr("Mark the selected events as key events"));
    connect(m_pinAction, &QAction::triggered, this, &TimelineTab::togglePinSelected);
    m_historyAction = new QAction(tr("History…"), this);
    m_historyAction->setToolTip(tr("Every revision of the selected event"));
    connect(m_historyAction, &QAction::triggered, this, &TimelineTab::showHistory);
    m_outputAction = new QAction(tr("Full output…"), this);
    m_outputAction->setToolTip(tr("The whole output of the check filed as this evidence"));
    connect(m_outputAction, &QAction::triggered, this, &TimelineTab::showOutput);
    m_deleteAction = new QAction(tr("Delete"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &TimelineTab::deleteSelected);
    m_pasteAction = new QAction(tr("Paste transcript…"), this);
    m_pasteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_pasteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_pasteAction, &QAction::triggered, this, &TimelineTab::pasteTranscript);
    addAction(m_pasteAction);
    // Undo/redo buttons for the mouse; the keys belong to the window's Edit menu (QUndoGroup).
    QAction *undo = m_undo->createUndoAction(this);
    QAction *redo = m_undo->createRedoAction(this);
    undo->setShortcuts({}); // a second owner of Ctrl+Z / Ctrl+Shift+Z would make both ambiguous
    redo->setShortcuts({});
    QList<QWidget *> buttons;
    for (QAction *a : {m_pinAction, m_historyAction, m_outputAction, m_deleteAction, m_pasteAction,
                       undo, redo}) {
        auto *b = new QToolButton(page);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons << b;
    }
    bar->addLayout(filters, 1);
    QWidget *actions = FlowLayout::row(buttons, page);
    bar->addWidget(actions);
    layout->addLayout(bar);
    // Beside the filters while both fit with room to type a search; otherwise the actions go on
    // a line of their own, where they wrap, rather than into a column that pushes the table down.
    const int chars = fontMetrics().averageCharWidth();
    stackWhenNarrow(bar, page,
                    m_kindButton->sizeHint().width() + 20 * chars + 30 * chars +
                        m_pinnedOnly->sizeHint().width() + 14 * chars +
                        actions->sizeHint().width() + 6 * layout->spacing());

    // Chart above the table.
    m_split = new QSplitter(Qt::Vertical, page);
    m_chart = new TimelineChart(m_split);
    m_view = new QTableView(m_split);
    m_view->setAccessibleName(tr("Timeline events"));
    m_split->addWidget(m_chart);
    m_split->addWidget(m_view);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({200, 500});
    layout->addWidget(m_split, 1);

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new TimelineDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAlternatingRowColors(true);
    // Fixed, uniform rows: the view never measures row contents, whatever the row count.
    QHeaderView *rowsHeader = m_view->verticalHeader();
    rowsHeader->setSectionResizeMode(QHeaderView::Fixed);
    rowsHeader->setDefaultSectionSize(fontMetrics().height() + 8);
    rowsHeader->hide();
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(TimelineModel::Text, QHeaderView::Stretch);
    columns->resizeSection(TimelineModel::Occurred,
                           fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) +
                               24);
    // Kind and Pinned fit their values; author and source are free text, about twelve characters
    // shown (wider on demand); the text takes the rest.
    QStringList kinds;
    for (int k = 0; k < EventKindCount; ++k)
        kinds << DisplayText::eventKind(static_cast<EventKind>(k));
    fitColumn(m_view, TimelineModel::Kind, kinds);
    fitColumn(m_view, TimelineModel::Pinned, {});
    fitColumn(m_view, TimelineModel::Synced, {QStringLiteral("\u2713")});
    m_view->setColumnHidden(TimelineModel::Synced, !m_model->syncing());
    const int freeText = fontMetrics().averageCharWidth() * 12 + 16;
    columns->resizeSection(TimelineModel::Author, freeText);
    columns->resizeSection(TimelineModel::Source, freeText);
    // In a narrow window author, source and kind give way before the text does (the kind is
    // in its tooltip when cut short); the sync marks, when they show, need room too.
    keepColumnReadable(m_view, TimelineModel::Text, fontMetrics().averageCharWidth() * 20,
                       {TimelineModel::Author, TimelineModel::Source, TimelineModel::Kind},
                       fontMetrics().averageCharWidth() * 4 + 16);
    // Sorting by time is the model's own order, so the proxy only sorts for other orders.
    columns->setSectionsClickable(true);
    columns->setSortIndicatorShown(true);
    columns->setSortIndicator(TimelineModel::Occurred, Qt::AscendingOrder);
    connect(columns, &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder order) {
                if (section == TimelineModel::Occurred && order == Qt::AscendingOrder)
                    m_proxy->sort(-1);
                else
                    m_proxy->sort(section, order);
            });
    m_view->addAction(m_deleteAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_pinAction);
    m_view->addAction(m_historyAction);
    m_view->addAction(m_outputAction);
    m_view->viewport()->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TimelineTab::updateActions);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == TimelineModel::Source)
            showHistory();
    });

    // Quick entry.
    auto *entryRow = new QHBoxLayout;
    m_entryKind = new QComboBox(page);
    for (int k = 0; k < EventKindCount; ++k)
        m_entryKind->addItem(DisplayText::eventKind(static_cast<EventKind>(k)), k);
    m_entryKind->setCurrentIndex(int(EventKind::Note));
    entryRow->addWidget(m_entryKind);
    m_entry = new QLineEdit(page);
    m_entry->setAccessibleName(tr("Quick entry"));
    m_entry->setPlaceholderText(tr(
        "What happened? “14:32 rolled back”, “-10m first alert”, or just text (now) — Enter adds"));
    entryRow->addWidget(m_entry, 1);
    m_localToggle = new QToolButton(page);
    m_localToggle->setCheckable(true);
    m_localToggle->setText(tr("UTC"));
    m_localToggle->setToolTip(
        tr("Typed times are UTC (like the table). Check to type local times."));
    connect(m_localToggle, &QToolButton::toggled, this, &TimelineTab::setLocalTimeEntry);
    entryRow->addWidget(m_localToggle);
    auto *add = new QPushButton(tr("Add"), page);
    connect(add, &QPushButton::clicked, this, &TimelineTab::addFromQuickEntry);
    entryRow->addWidget(add);
    layout->addLayout(entryRow);
    connect(m_entry, &QLineEdit::returnPressed, this, &TimelineTab::addFromQuickEntry);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_entry, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &TimelineTab::addFromQuickEntry);
    }
    connect(m_entry, &QLineEdit::textChanged, this, &TimelineTab::updateEntryPreview);

    auto *statusRow = new QHBoxLayout;
    m_entryPreview = new QLabel(page);
    m_entryPreview->setTextFormat(Qt::PlainText);
    statusRow->addWidget(m_entryPreview, 1);
    m_status = new QLabel(page);
    m_status->setTextFormat(Qt::PlainText);
    statusRow->addWidget(m_status);
    layout->addLayout(statusRow);
}

TimelineEditContext TimelineTab::editContext()
{
    TimelineEditContext ctx;
    ctx.service = &m_service;
    ctx.onError = [self = QPointer<TimelineTab>(this)](const QString &message) {
        if (self)
            Q_EMIT self->errorRaised(Error(Error::Kind::Storage, message));
    };
    return ctx;
}

void TimelineTab::setIncidentId(const QString &id)
{
    // The same incident again (a list refresh re-selecting it) keeps rows, scroll and undo
    // history: the model follows the service's signals by itself.
    if (m_shown && id == m_incidentId)
        return;
    m_shown = true;
    m_chartTimer.stop();
    // Undo history belongs to the incident it was made on.
    m_undo->clear();
    m_incidentId = id;
    m_painted = false;
    m_status->clear();
    m_model->setIncidentId(id);
    m_stack->setCurrentIndex(id.isEmpty() ? 0 : 1);
    if (id.isEmpty())
        m_chart->setInput({});
    updateActions();
    updateCountLabel();
    updateEntryPreview();
    scheduleChart();
}

bool TimelineTab::isLoading() const
{
    return !m_model->isComplete();
}

bool TimelineTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // The first rows are on screen; read the rest without holding up that first paint.
        if (!m_model->isComplete())
            m_model->loadRemainingInBackground();
    }
    return QWidget::eventFilter(watched, event);
}

void TimelineTab::updateCountLabel()
{
    // While the worker's pages arrive, each would set the label several times (rows inserted
    // in the model and in the proxy, the page loaded); ten times a second is enough to watch.
    if (m_model->isLoadingInBackground() && sender() != &m_countTimer) {
        if (!m_countTimer.isActive())
            m_countTimer.start();
        return;
    }
    if (m_incidentId.isEmpty()) {
        m_count->clear();
        return;
    }
    const int loaded = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text =
        m_proxy->isFiltering()
            ? tr("%1 of %2 events").arg(QLocale().toString(shown), QLocale().toString(loaded))
            : tr("%n event(s)", nullptr, loaded);
    if (!m_model->isComplete()) {
        const int total = m_model->totalCount();
        text += total >= 0 ? tr(" (reading %1 of %2…)")
                                 .arg(QLocale().toString(loaded), QLocale().toString(total))
                           : tr(" (reading…)");
    }
    m_count->setText(text);
}

void TimelineTab::applyKindMenu()
{
    quint32 mask = 0;
    for (QAction *a : std::as_const(m_kindActions)) {
        if (a->isChecked())
            mask |= 1u << a->data().toInt();
    }
    m_proxy->setKindMask(mask);
    const int shown = std::popcount(mask);
    m_kindButton->setText(shown == EventKindCount
                              ? tr("Kinds: all")
                              : tr("Kinds: %1 of %2").arg(shown).arg(EventKindCount));
    updateCountLabel();
}

QuickEntryOptions TimelineTab::entryOptions() const
{
    QuickEntryOptions o;
    o.zone = m_localEntry ? QTimeZone::systemTimeZone() : QTimeZone::utc();
    return o;
}

void TimelineTab::setLocalTimeEntry(bool local)
{
    m_localEntry = local;
    {
        const QSignalBlocker block(m_localToggle);
        m_localToggle->setChecked(local);
    }
    m_localToggle->setText(local ? tr("Local") : tr("UTC"));
    updateEntryPreview();
}

void TimelineTab::updateEntryPreview()
{
    const QString typed = m_entry->text();
    if (typed.trimmed().isEmpty() || m_incidentId.isEmpty()) {
        m_entryPreview->clear();
        return;
    }
    const QuickEntry e = parseQuickEntry(typed, m_service.clock().now(), entryOptions());
    if (!e.ok) {
        m_entryPreview->setText(tr("Cannot add: %1").arg(DisplayText::timelineMessage(e.error)));
        return;
    }
    const QDateTime local = e.occurredAt.toLocalTime();
    QString preview = tr("Will add at %1 UTC (%2 local)")
                          .arg(e.occurredAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                               local.toString(QStringLiteral("HH:mm:ss")));
    if (e.form == QuickEntry::Form::Relative)
        preview += tr(", counted from now");
    if (e.secondsInFuture > 0)
        preview += tr(" — %n minute(s) in the future; check the time", nullptr,
                      int((e.secondsInFuture + 59) / 60));
    m_entryPreview->setText(preview);
}

bool TimelineTab::addFromQuickEntry()
{
    if (m_incidentId.isEmpty() || m_entry->text().trimmed().isEmpty())
        return false;
    const QuickEntry parsed =
        parseQuickEntry(m_entry->text(), m_service.clock().now(), entryOptions());
    if (!parsed.ok) {
        m_entryPreview->setText(
            tr("Cannot add: %1").arg(DisplayText::timelineMessage(parsed.error)));
        return false;
    }
    NewEvent e;
    e.occurredAt = parsed.occurredAt;
    e.kind = static_cast<EventKind>(m_entryKind->currentData().toInt());
    e.author = m_service.actor();
    e.text = parsed.text;
    e.source = QStringLiteral("manual");

    bool failed = false;
    TimelineEditContext ctx = editContext();
    const auto report = ctx.onError;
    ctx.onError = [&failed, report](const QString &m) {
        failed = true;
        report(m);
    };
    auto *command = new AddEventCommand(ctx, m_incidentId, e);
    m_undo->push(command); // may delete the command when it failed
    if (failed)
        return false;
    const QString eventId = command->eventId();
    m_entry->clear();
    m_status->setText(tr("Saved"));
    const int row = m_model->rowOf(eventId);
    if (row >= 0) {
        const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, TimelineModel::Text));
        if (at.isValid())
            m_view->scrollTo(at);
    }
    return true;
}

QStringList TimelineTab::selectedEventIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids << index.data(TimelineModel::EventIdRole).toString();
    return ids;
}

QString TimelineTab::currentEventId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {}))
        return current.data(TimelineModel::EventIdRole).toString();
    const QStringList ids = selectedEventIds();
    return ids.isEmpty() ? QString() : ids.front();
}

void TimelineTab::updateActions()
{
    const bool any = !m_incidentId.isEmpty() && m_view->selectionModel()->hasSelection();
    m_deleteAction->setEnabled(any);
    m_pinAction->setEnabled(any);
    m_historyAction->setEnabled(any);
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    m_outputAction->setEnabled(any && current.isValid() &&
                               current.data(TimelineModel::KindRole).toInt() ==
                                   int(EventKind::Evidence));
    m_pasteAction->setEnabled(!m_incidentId.isEmpty());
}

void TimelineTab::deleteSelected()
{
    const QStringList ids = selectedEventIds();
    if (ids.isEmpty())
        return;
    m_undo->push(new DeleteEventsCommand(editContext(), ids));
}

void TimelineTab::togglePinSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    // Mixed selection pins everything; only an all-pinned selection unpins.
    bool allPinned = true;
    for (const QModelIndex &r : rows)
        allPinned = allPinned && r.data(TimelineModel::PinnedRole).toBool();
    QStringList ids;
    for (const QModelIndex &r : rows) {
        if (r.data(TimelineModel::PinnedRole).toBool() == allPinned)
            ids << r.data(TimelineModel::EventIdRole).toString();
    }
    m_undo->beginMacro(allPinned ? tr("Unpin %n event(s)", nullptr, int(ids.size()))
                                 : tr("Pin %n event(s)", nullptr, int(ids.size())));
    for (const QString &id : std::as_const(ids))
        m_undo->push(new PinEventCommand(editContext(), id, !allPinned));
    m_undo->endMacro();
}

void TimelineTab::showHistory()
{
    const QString id = currentEventId();
    if (id.isEmpty())
        return;
    std::vector<TimelineEvent> revisions;
    if (!reportingErrors(this, [&] { revisions = m_service.eventHistory(id); }))
        return;
    auto *dialog = new EventHistoryDialog(revisions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TimelineTab::showOutput()
{
    const QString id = currentEventId();
    if (id.isEmpty())
        return;
    std::optional<DiagnosticOutput> stored;
    if (!reportingErrors(this, [&] { stored = DiagnosticsService(m_service).output(id); }))
        return;
    if (!stored) {
        Q_EMIT errorRaised(
            Error(Error::Kind::NotFound, tr("No check output is filed for this event.")));
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("evidenceOutputDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Output of %1").arg(stored->checkId));
    auto *layout = new QVBoxLayout(dialog);
    auto *when = new QLabel(dialog);
    when->setTextFormat(Qt::PlainText);
    when->setText(
        tr("Recorded %1 UTC%2")
            .arg(stored->recordedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 stored->truncated ? tr(" · truncated when it was recorded") : QString()));
    layout->addWidget(when);
    // Command output is outside text: plain text only, monospace, selectable.
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("evidenceOutput"));
    text->setAccessibleName(tr("Check output"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(stored->output);
    layout->addWidget(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(820, 520);
    dialog->open();
}

void TimelineTab::pasteTranscript()
{
    if (m_incidentId.isEmpty())
        return;
    QDate day;
    if (const auto inc = m_service.incident(m_incidentId); inc && inc->startedAt.isValid())
        day = inc->startedAt.toUTC().date();
    auto *dialog = new TranscriptDialog(day, m_service.actor(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const QClipboard *clip = QApplication::clipboard(); clip && !clip->text().isEmpty())
        dialog->setTranscript(clip->text());
    const QString incidentId = m_incidentId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, incidentId] {
        std::vector<NewEvent> events = dialog->events();
        if (events.empty() || incidentId != m_incidentId)
            return;
        m_undo->push(new AddEventsCommand(editContext(), incidentId, std::move(events)));
    });
    dialog->open();
}

void TimelineTab::showError(const Error &error)
{
    m_status->setText(tr("Not saved: %1").arg(error.text()));
}

void TimelineTab::scheduleChart()
{
    if (!m_chartTimer.isActive())
        m_chartTimer.start();
}

void TimelineTab::completeDeferredBuild()
{
    // The chart waits a quarter second for edits to settle; a screenshot should not.
    if (m_chartTimer.isActive() && !m_model->isLoadingInBackground()) {
        m_chartTimer.stop();
        rebuildChart();
    }
}

void TimelineTab::rebuildChart()
{
    // While the rest of the rows stream in, a chart of part of them would mislead; wait.
    if (m_model->isLoadingInBackground()) {
        m_chartTimer.start();
        return;
    }
    m_chart->setInput(m_incidentId.isEmpty() ? TimelineChartInput{}
                                             : computeTimelineChart(m_model->rows()));
    Q_EMIT chartUpdated();
}

QWidget *TimelineTab::entryWidget() const
{
    return m_entry;
}

QString TimelineTab::unsavedInput() const
{
    const QString text = m_entry ? m_entry->text().trimmed() : QString();
    return text.isEmpty() ? QString()
                          : tr("The quick-entry line “%1” is not on the timeline yet.").arg(text);
}

} // namespace idesk
