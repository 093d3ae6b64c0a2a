#include "postmortemtab.h"

#include "core/incidentjson.h"
#include "core/postmortem/redactor.h"
#include "gui/errorguard.h"
#include "gui/flowlayout.h"
#include "gui/postmortem/postmortemreportsdialog.h"
#include "gui/severitystyle.h"
#include "models/postmortem/actionitemmodel.h"
#include "models/postmortem/actionitemsortproxy.h"
#include "models/postmortem/keyeventmodel.h"
#include "services/incidentservice.h"
#include "services/postmortem/postmortemservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace idesk {

namespace {

constexpr int kSaveDelayMs = 800;
constexpr int kPreviewDelayMs = 250;

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QPlainTextEdit *textArea(const QString &objectName, const QString &placeholder, int rows = 3)
{
    auto *e = new QPlainTextEdit;
    e->setObjectName(objectName);
    e->setPlaceholderText(placeholder);
    e->setTabChangesFocus(true);
    const int line = e->fontMetrics().lineSpacing();
    e->setMinimumHeight(line * rows + 12);
    e->setMaximumHeight(line * std::max(rows * 3, 8) + 12);
    return e;
}

// Status as a choice of three and due dates as ISO dates, whatever the locale; overdue items
// in red on a pale red ground, done ones greyed.
class ActionItemDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ActionItemModel::OverdueRole).toBool()) {
            option->palette.setColor(QPalette::Text, QColor(0xB0, 0x00, 0x20));
            option->backgroundBrush = QColor(0xFD, 0xE7, 0xE9);
        } else if (index.data(ActionItemModel::StatusRole).toInt() == int(ActionStatus::Done)) {
            option->palette.setColor(
                QPalette::Text,
                readableOn(QColor(0x70, 0x70, 0x70), option->palette.color(QPalette::Base)));
        }
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() == ActionItemModel::Status) {
            auto *box = new QComboBox(parent);
            for (ActionStatus s :
                 {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done})
                box->addItem(ActionItemModel::statusLabel(s), int(s));
            return box;
        }
        if (index.column() == ActionItemModel::Due) {
            auto *edit = new QDateEdit(parent);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            edit->setCalendarPopup(true);
            return edit;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            box->setCurrentIndex(box->findData(index.data(Qt::EditRole).toInt()));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, box->currentData(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

PostmortemTab::PostmortemTab(IncidentService &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_pm(new PostmortemService(service, this)),
      m_actions(new ActionItemModel(service, this)), m_actionProxy(new ActionItemSortProxy(this)),
      m_keyEvents(new KeyEventModel(service, this))
{
    m_actionProxy->setSourceModel(m_actions);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &PostmortemTab::saveNow);
    connect(&m_previewTimer, &QTimer::timeout, this, &PostmortemTab::updatePreview);
    // Shown in the tab's status line as well; the window logs it and shows it in its status bar.
    connect(this, &PostmortemTab::errorRaised, this,
            [this](const Error &e) { setStatus(e.text(), true); });

    buildUi();

    // What the export reads from elsewhere: follow it, but never rewrite the form under the user.
    auto followIncident = [this](const QString &id) {
        if (id == m_incidentId && !m_incidentId.isEmpty()) {
            updateSummaryPlaceholders();
            m_previewTimer.start();
        }
    };
    connect(&m_service, &IncidentService::incidentChanged, this, followIncident);
    connect(&m_service, &IncidentService::eventsChanged, this, followIncident);
    connect(&m_service, &IncidentService::actionItemsChanged, this, followIncident);
    connect(m_keyEvents, &KeyEventModel::selectionChanged, this, &PostmortemTab::edited);

    setIncidentId({});
}

PostmortemTab::~PostmortemTab()
{
    saveNow();
}

void PostmortemTab::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);

    m_empty = new QLabel(tr("Select an incident to write its post-mortem."));
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_stack->addWidget(m_empty);

    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    m_redact = new QCheckBox(tr("Redact secrets"));
    m_redact->setObjectName(QStringLiteral("redactCheck"));
    m_redact->setChecked(true);
    m_redact->setToolTip(tr("Replace credentials (keys, tokens, passwords, private keys) with "
                            "[REDACTED] in the exported Markdown"));
    m_redactedLabel = new QLabel;
    m_redactedLabel->setObjectName(QStringLiteral("redactedLabel"));
    auto *exportButton = new QPushButton(tr("Export Markdown…"));
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto *copyButton = new QPushButton(tr("Copy Markdown"));
    copyButton->setObjectName(QStringLiteral("copyButton"));
    auto *resolvedButton = new QPushButton(tr("Copy resolution message"));
    resolvedButton->setObjectName(QStringLiteral("resolutionButton"));
    resolvedButton->setToolTip(tr("The runbook's INCIDENT RESOLVED message, with the review "
                                  "meeting and open action items as next steps"));
    auto *reportsButton = new QPushButton(tr("Reports…"));
    reportsButton->setObjectName(QStringLiteral("reportsButton"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_status->setTextFormat(Qt::PlainText);
    bar->addWidget(m_redact);
    bar->addWidget(m_redactedLabel);
    bar->addStretch(1);
    bar->addWidget(m_status);
    bar->addWidget(FlowLayout::row({resolvedButton, copyButton, exportButton, reportsButton}));
    pageLayout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("postmortemSplitter"));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(buildForm());
    splitter->addWidget(scroll);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("markdownPreview"));
    m_preview->setAccessibleName(tr("Markdown preview"));
    m_preview->setReadOnly(true);
    m_preview->setOpenLinks(false); // a click must not navigate the preview away
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({540, 380}); // the preview must be readable beside the form
    pageLayout->addWidget(splitter, 1);
    m_stack->addWidget(page);

    connect(m_redact, &QCheckBox::toggled, this, &PostmortemTab::updatePreview);
    connect(exportButton, &QPushButton::clicked, this, &PostmortemTab::exportMarkdown);
    connect(copyButton, &QPushButton::clicked, this, &PostmortemTab::copyMarkdown);
    connect(resolvedButton, &QPushButton::clicked, this,
            &PostmortemTab::copyResolutionNotification);
    connect(reportsButton, &QPushButton::clicked, this, &PostmortemTab::showReports);
}

QWidget *PostmortemTab::buildForm()
{
    auto *form = new QWidget;
    auto *v = new QVBoxLayout(form);
    auto onEdit = [this] { edited(); };

    // Incident Summary: empty fields mean "the incident's value", shown as the placeholder.
    auto *summary = new QGroupBox(tr("Incident Summary"));
    auto *sf = new QFormLayout(summary);
    m_date = new QLineEdit;
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(\d{0,4}(-\d{0,2}(-\d{0,2})?)?)")), m_date));
    m_duration = new QLineEdit;
    m_duration->setObjectName(QStringLiteral("durationEdit"));
    m_duration->setToolTip(tr("For example 75, 1h 15m or 2 days 3 hours"));
    m_severity = new QComboBox;
    m_severity->setObjectName(QStringLiteral("severityCombo"));
    m_impact = new QLineEdit;
    m_impact->setObjectName(QStringLiteral("impactEdit"));
    m_users = new QLineEdit;
    m_users->setObjectName(QStringLiteral("usersEdit"));
    m_users->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(\d{0,12})")), m_users));
    m_revenue = new QLineEdit;
    m_revenue->setObjectName(QStringLiteral("revenueEdit"));
    m_revenue->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(\d{0,12}(\.\d{0,2})?)")), m_revenue));
    auto *reset = new QPushButton(tr("Use the incident's values"));
    reset->setObjectName(QStringLiteral("resetSummaryButton"));
    sf->addRow(tr("Date (UTC)"), m_date);
    sf->addRow(tr("Duration"), m_duration);
    sf->addRow(tr("Severity"), m_severity);
    sf->addRow(tr("Impact"), m_impact);
    sf->addRow(tr("Users affected"), m_users);
    sf->addRow(tr("Revenue impact"), m_revenue);
    sf->addRow(QString(), reset);
    v->addWidget(summary);
    for (QLineEdit *e : {m_date, m_duration, m_impact, m_users, m_revenue})
        connect(e, &QLineEdit::textEdited, this, onEdit);
    connect(m_severity, &QComboBox::activated, this, onEdit);
    connect(reset, &QPushButton::clicked, this, &PostmortemTab::resetSummaryToIncident);

    auto *timeline = new QGroupBox(tr("Timeline: key events"));
    auto *tl = new QVBoxLayout(timeline);
    m_keyEventView = new QListView;
    m_keyEventView->setObjectName(QStringLiteral("keyEventList"));
    m_keyEventView->setAccessibleName(tr("Key events"));
    m_keyEventView->setModel(m_keyEvents);
    m_keyEventView->setUniformItemSizes(true);
    m_keyEventView->setMinimumHeight(120);
    auto *pinned = new QPushButton(tr("Use the pinned events"));
    pinned->setObjectName(QStringLiteral("usePinnedButton"));
    tl->addWidget(m_keyEventView);
    tl->addWidget(pinned, 0, Qt::AlignLeft);
    v->addWidget(timeline);
    connect(pinned, &QPushButton::clicked, this,
            [this] { m_keyEvents->setSelection(std::nullopt); });

    auto section = [v](const QString &title, QWidget *w) {
        auto *box = new QGroupBox(title);
        auto *l = new QVBoxLayout(box);
        l->addWidget(w);
        v->addWidget(box);
    };
    const QString onePerLine = tr("One per line");
    m_rootCause = textArea(QStringLiteral("rootCauseEdit"), tr("What caused the incident"), 4);
    m_factors = textArea(QStringLiteral("factorsEdit"), onePerLine);
    m_wentWell = textArea(QStringLiteral("wentWellEdit"), onePerLine);
    m_improve = textArea(QStringLiteral("improveEdit"), onePerLine);
    m_lessons = textArea(QStringLiteral("lessonsEdit"), onePerLine);
    section(tr("Root Cause"), m_rootCause);
    section(tr("Contributing Factors"), m_factors);
    section(tr("What Went Well"), m_wentWell);
    section(tr("What Could Be Improved"), m_improve);

    auto *actions = new QGroupBox(tr("Action Items"));
    auto *al = new QVBoxLayout(actions);
    m_actionView = new QTableView;
    m_actionView->setObjectName(QStringLiteral("actionItemTable"));
    m_actionView->setAccessibleName(tr("Action items"));
    m_actionView->setModel(m_actionProxy);
    m_actionView->setItemDelegate(new ActionItemDelegate(m_actionView));
    m_actionView->setSortingEnabled(true);
    m_actionView->sortByColumn(ActionItemModel::Due, Qt::AscendingOrder);
    m_actionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actionView->verticalHeader()->hide();
    m_actionView->horizontalHeader()->setSectionResizeMode(ActionItemModel::Description,
                                                           QHeaderView::Stretch);
    m_actionView->setMinimumHeight(140);
    al->addWidget(m_actionView);
    auto *addRow = new QHBoxLayout;
    m_newAction = new QLineEdit;
    m_newAction->setObjectName(QStringLiteral("newActionEdit"));
    m_newAction->setPlaceholderText(tr("New action item"));
    m_newOwner = new QLineEdit;
    m_newOwner->setObjectName(QStringLiteral("newOwnerEdit"));
    m_newOwner->setPlaceholderText(tr("Owner"));
    m_newDue = new QDateEdit;
    m_newDue->setObjectName(QStringLiteral("newDueEdit"));
    m_newDue->setAccessibleName(tr("Due date of the new action item"));
    m_newDue->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_newDue->setCalendarPopup(true);
    // A week out, the usual follow-up horizon; QDateEdit would start at 2000-01-01, overdue.
    m_newDue->setDate(m_service.clock().now().toUTC().date().addDays(7));
    auto *add = new QPushButton(tr("Add"));
    add->setObjectName(QStringLiteral("addActionButton"));
    auto *remove = new QPushButton(tr("Remove"));
    remove->setObjectName(QStringLiteral("removeActionButton"));
    m_hideDone = new QCheckBox(tr("Hide done"));
    m_hideDone->setObjectName(QStringLiteral("hideDoneCheck"));
    addRow->addWidget(m_newAction, 3);
    auto *rest = new QHBoxLayout;
    rest->addWidget(m_newOwner, 1);
    // Date and buttons wrap under one another in a narrow pane.
    QWidget *buttons = FlowLayout::row({m_newDue, add, remove, m_hideDone});
    rest->addWidget(buttons);
    addRow->addLayout(rest, 1);
    al->addLayout(addRow);
    // Room for a phrase in the text box: where the pane is too narrow for that beside the owner
    // and the date, they go under it.
    const int chars = fontMetrics().averageCharWidth();
    stackWhenNarrow(addRow, actions, 35 * chars + buttons->minimumSizeHint().width() + 48);
    v->addWidget(actions);
    connect(add, &QPushButton::clicked, this, &PostmortemTab::addActionItem);
    connect(m_newAction, &QLineEdit::returnPressed, this, &PostmortemTab::addActionItem);
    connect(remove, &QPushButton::clicked, this, &PostmortemTab::removeSelectedActionItems);
    connect(m_hideDone, &QCheckBox::toggled, this,
            [this](bool on) { m_actionProxy->setShowDone(!on); });

    section(tr("Lessons Learned"), m_lessons);

    // The Google SRE template's extra sections: exported only when filled in.
    m_sreToggle = new QToolButton;
    m_sreToggle->setObjectName(QStringLiteral("sreToggle"));
    m_sreToggle->setText(tr("Google SRE sections"));
    m_sreToggle->setCheckable(true);
    m_sreToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sreToggle->setArrowType(Qt::RightArrow);
    m_sreToggle->setAutoRaise(true);
    v->addWidget(m_sreToggle);
    m_sreBox = new QWidget;
    auto *sre = new QFormLayout(m_sreBox);
    m_trigger = textArea(QStringLiteral("triggerEdit"), tr("What set it off"), 2);
    m_detection = textArea(QStringLiteral("detectionEdit"), tr("How it was noticed"), 2);
    m_resolution = textArea(QStringLiteral("resolutionEdit"), tr("What fixed it"), 2);
    m_lucky = textArea(QStringLiteral("luckyEdit"), onePerLine, 2);
    m_supporting = textArea(QStringLiteral("supportingEdit"), tr("Links, graphs, notes"), 2);
    m_evidence = new QCheckBox(tr("Include diagnostics as evidence"));
    m_evidence->setObjectName(QStringLiteral("evidenceCheck"));
    m_evidence->setToolTip(tr("Each diagnostic run on the timeline: command, exit code, output"));
    sre->addRow(tr("Trigger"), m_trigger);
    sre->addRow(tr("Detection"), m_detection);
    sre->addRow(tr("Resolution"), m_resolution);
    sre->addRow(tr("Where we got lucky"), m_lucky);
    sre->addRow(tr("Supporting information"), m_supporting);
    sre->addRow(QString(), m_evidence);
    m_sreBox->setVisible(false);
    v->addWidget(m_sreBox);
    connect(m_sreToggle, &QToolButton::toggled, this, [this](bool on) {
        m_sreBox->setVisible(on);
        m_sreToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_evidence, &QCheckBox::toggled, this, onEdit);

    for (QPlainTextEdit *e : {m_rootCause, m_factors, m_wentWell, m_improve, m_lessons, m_trigger,
                              m_detection, m_resolution, m_lucky, m_supporting})
        connect(e, &QPlainTextEdit::textChanged, this, onEdit);

    // The seed asks for a review meeting within 48 hours of resolution.
    auto *review = new QGroupBox(tr("Post-mortem review"));
    auto *rl = new QFormLayout(review);
    m_reviewOn = new QCheckBox(tr("Scheduled"));
    m_reviewOn->setObjectName(QStringLiteral("reviewCheck"));
    m_reviewAt = new QDateTimeEdit;
    m_reviewAt->setObjectName(QStringLiteral("reviewDateTime"));
    m_reviewAt->setAccessibleName(tr("Review date and time (UTC)"));
    m_reviewAt->setTimeSpec(Qt::UTC);
    m_reviewAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_reviewAt->setCalendarPopup(true);
    m_reviewMinutes = new QSpinBox;
    m_reviewMinutes->setObjectName(QStringLiteral("reviewMinutes"));
    m_reviewMinutes->setAccessibleName(tr("Review length"));
    m_reviewMinutes->setRange(15, 480);
    m_reviewMinutes->setSingleStep(15);
    m_reviewMinutes->setSuffix(tr(" min"));
    m_reviewLocation = new QLineEdit;
    m_reviewLocation->setObjectName(QStringLiteral("reviewLocation"));
    m_reviewLocation->setPlaceholderText(tr("Room or video link"));
    m_reviewWarning = new QLabel;
    m_reviewWarning->setObjectName(QStringLiteral("reviewWarning"));
    styleText(m_reviewWarning, QColor(alertRed()));
    auto *ics = new QPushButton(tr("Export .ics…"));
    ics->setObjectName(QStringLiteral("exportIcsButton"));
    rl->addRow(tr("When"), FlowLayout::row({m_reviewOn, m_reviewAt, m_reviewMinutes}));
    rl->addRow(tr("Where"), m_reviewLocation);
    rl->addRow(QString(), m_reviewWarning);
    rl->addRow(QString(), ics);
    v->addWidget(review);
    connect(m_reviewOn, &QCheckBox::toggled, this, [this](bool on) {
        m_reviewAt->setEnabled(on);
        m_reviewMinutes->setEnabled(on);
        if (on && !m_loading && !m_incidentId.isEmpty())
            m_reviewAt->setDateTime(m_pm->suggestedReviewTime(m_incidentId));
        edited();
    });
    connect(m_reviewAt, &QDateTimeEdit::dateTimeChanged, this, onEdit);
    connect(m_reviewMinutes, &QSpinBox::valueChanged, this, onEdit);
    connect(m_reviewLocation, &QLineEdit::textEdited, this, onEdit);
    connect(ics, &QPushButton::clicked, this, &PostmortemTab::exportIcs);

    v->addStretch(1);
    return form;
}

void PostmortemTab::setIncidentId(const QString &id)
{
    saveNow();
    m_incidentId = id;
    m_actions->setIncidentId(id);
    m_keyEvents->setIncidentId(id);
    if (id.isEmpty()) {
        m_empty->setText(tr("Select an incident to write its post-mortem."));
        m_stack->setCurrentWidget(m_empty);
        clearForm();
        return;
    }
    load();
}

void PostmortemTab::clearForm()
{
    m_loading = true;
    for (QLineEdit *e : {m_date, m_duration, m_impact, m_users, m_revenue, m_reviewLocation})
        e->clear();
    for (QPlainTextEdit *e : {m_rootCause, m_factors, m_wentWell, m_improve, m_lessons, m_trigger,
                              m_detection, m_resolution, m_lucky, m_supporting})
        e->clear();
    m_preview->clear();
    m_redactedLabel->clear();
    m_status->clear();
    m_loading = false;
}

void PostmortemTab::load()
{
    std::optional<Incident> inc = m_service.incident(m_incidentId);
    if (!inc) {
        m_empty->setText(tr("The incident %1 does not exist (any more).").arg(m_incidentId));
        m_stack->setCurrentWidget(m_empty);
        m_incidentId.clear();
        m_actions->setIncidentId({});
        m_keyEvents->setIncidentId({});
        return;
    }

    PostmortemDoc d;
    m_saveBlocked = false;
    m_dirty = false;
    QString problem;
    try {
        d = m_pm->document(m_incidentId);
    } catch (const FormatError &e) {
        // Keep the stored text: nothing is written back until the commander edits something.
        problem = tr("The saved post-mortem could not be read (%1). Editing will replace it.")
                      .arg(e.message());
        m_saveBlocked = true;
    } catch (const Error &e) {
        problem = e.message();
        m_saveBlocked = true;
    }

    m_loading = true;
    const SummaryOverrides &o = d.summary;
    m_date->setText(o.date ? o.date->toString(Qt::ISODate) : QString());
    m_duration->setText(
        o.durationMinutes ? QString::number(*o.durationMinutes) + QStringLiteral("m") : QString());
    updateSummaryPlaceholders();
    m_severity->setCurrentIndex(o.severity ? int(*o.severity) + 1 : 0);
    m_impact->setText(o.impactDescription.value_or(QString()));
    m_users->setText(o.usersAffected ? QString::number(*o.usersAffected) : QString());
    m_revenue->setText(o.revenueImpact ? QString::number(*o.revenueImpact, 'f', 2) : QString());
    if (m_revenue->text().endsWith(QStringLiteral(".00")))
        m_revenue->setText(m_revenue->text().chopped(3));

    m_keyEvents->setSelection(d.keyEventIds);
    m_rootCause->setPlainText(d.rootCause);
    m_factors->setPlainText(d.contributingFactors.join(QLatin1Char('\n')));
    m_wentWell->setPlainText(d.wentWell.join(QLatin1Char('\n')));
    m_improve->setPlainText(d.couldBeImproved.join(QLatin1Char('\n')));
    m_lessons->setPlainText(d.lessonsLearned.join(QLatin1Char('\n')));
    m_trigger->setPlainText(d.trigger);
    m_detection->setPlainText(d.detection);
    m_resolution->setPlainText(d.resolution);
    m_lucky->setPlainText(d.whereWeGotLucky.join(QLatin1Char('\n')));
    m_supporting->setPlainText(d.supportingInformation);
    m_evidence->setChecked(d.includeEvidence);
    const bool anySre = !d.trigger.isEmpty() || !d.detection.isEmpty() || !d.resolution.isEmpty() ||
                        !d.whereWeGotLucky.isEmpty() || !d.supportingInformation.isEmpty();
    m_sreToggle->setChecked(anySre);

    m_reviewOn->setChecked(d.reviewAt.isValid());
    m_reviewAt->setDateTime(d.reviewAt.isValid() ? d.reviewAt.toUTC()
                                                 : m_pm->suggestedReviewTime(m_incidentId));
    m_reviewAt->setEnabled(d.reviewAt.isValid());
    m_reviewMinutes->setValue(d.reviewMinutes);
    m_reviewMinutes->setEnabled(d.reviewAt.isValid());
    m_reviewLocation->setText(d.reviewLocation);
    m_loading = false;

    m_stack->setCurrentIndex(1);
    setStatus(problem, !problem.isEmpty());
    updateReviewWarning();
    updatePreview();
}

void PostmortemTab::updateSummaryPlaceholders()
{
    const std::optional<Incident> inc = m_service.incident(m_incidentId);
    if (!inc)
        return;
    const EffectiveSummary s = derivedSummary(*inc, m_service.clock().now());
    m_date->setPlaceholderText(s.date.isValid() ? s.date.toString(Qt::ISODate) : tr("unknown"));
    m_duration->setPlaceholderText(s.durationMinutes
                                       ? tr("%1 min (from the incident)").arg(*s.durationMinutes)
                                       : tr("ongoing"));
    const bool wasLoading = m_loading;
    m_loading = true;
    const int current = m_severity->currentIndex();
    m_severity->clear();
    m_severity->addItem(tr("From the incident (%1)").arg(severityToString(s.severity)));
    for (int i = 0; i < SeverityCount; ++i)
        m_severity->addItem(severityToString(static_cast<Severity>(i)));
    m_severity->setCurrentIndex(std::max(0, current));
    m_loading = wasLoading;
    m_impact->setPlaceholderText(s.impactDescription.isEmpty() ? tr("what users could not do")
                                                               : s.impactDescription);
    m_users->setPlaceholderText(s.usersAffected ? QString::number(*s.usersAffected)
                                                : tr("not assessed"));
    if (!s.revenueImpact)
        m_revenue->setPlaceholderText(tr("not assessed"));
    else if (s.revenueSoFar)
        m_revenue->setPlaceholderText(
            tr("%1 so far (still open)").arg(QString::number(*s.revenueImpact, 'f', 0)));
    else
        m_revenue->setPlaceholderText(QString::number(*s.revenueImpact, 'f', 0));
}

PostmortemDoc PostmortemTab::document() const
{
    PostmortemDoc d;
    SummaryOverrides &o = d.summary;
    const QDate date = QDate::fromString(m_date->text().trimmed(), Qt::ISODate);
    if (date.isValid())
        o.date = date;
    o.durationMinutes = parseDuration(m_duration->text());
    if (m_severity->currentIndex() > 0)
        o.severity = static_cast<Severity>(m_severity->currentIndex() - 1);
    if (!m_impact->text().trimmed().isEmpty())
        o.impactDescription = m_impact->text().trimmed();
    bool ok = false;
    const qint64 users = m_users->text().toLongLong(&ok);
    if (ok)
        o.usersAffected = users;
    const double revenue = m_revenue->text().toDouble(&ok);
    if (ok)
        o.revenueImpact = revenue;

    d.keyEventIds = m_keyEvents->selection();
    d.rootCause = m_rootCause->toPlainText().trimmed();
    d.contributingFactors = lines(m_factors);
    d.wentWell = lines(m_wentWell);
    d.couldBeImproved = lines(m_improve);
    d.lessonsLearned = lines(m_lessons);
    d.trigger = m_trigger->toPlainText().trimmed();
    d.detection = m_detection->toPlainText().trimmed();
    d.resolution = m_resolution->toPlainText().trimmed();
    d.whereWeGotLucky = lines(m_lucky);
    d.supportingInformation = m_supporting->toPlainText().trimmed();
    d.includeEvidence = m_evidence->isChecked();
    if (m_reviewOn->isChecked())
        d.reviewAt = m_reviewAt->dateTime().toUTC();
    d.reviewMinutes = m_reviewMinutes->value();
    d.reviewLocation = m_reviewLocation->text().trimmed();
    return d;
}

void PostmortemTab::edited()
{
    if (m_loading || m_incidentId.isEmpty())
        return;
    m_saveBlocked = false;
    m_dirty = true;
    // a duration the parser cannot read is shown, not silently dropped
    const bool badDuration =
        !m_duration->text().trimmed().isEmpty() && !parseDuration(m_duration->text()).has_value();
    if (badDuration)
        styleText(m_duration, QColor(alertRed()));
    else
        clearTextStyle(m_duration);
    setStatus(tr("Editing…"));
    updateReviewWarning();
    m_saveTimer.start();
    m_previewTimer.start();
}

void PostmortemTab::saveNow()
{
    m_saveTimer.stop();
    if (m_incidentId.isEmpty() || m_saveBlocked)
        return;
    if (!m_dirty)
        return;
    reportingErrors(
        this,
        [&] {
            m_pm->save(m_incidentId, document());
            m_dirty = false;
            setStatus(tr("Saved"));
            Q_EMIT saved(m_incidentId);
        },
        tr("Not saved"));
}

QString PostmortemTab::markdown(int *redactedCount) const
{
    if (m_incidentId.isEmpty())
        return {};
    const PostmortemMarkdown out =
        m_pm->exportMarkdown(m_incidentId, document(), m_redact->isChecked());
    if (redactedCount)
        *redactedCount = out.redactedCount;
    return out.markdown;
}

void PostmortemTab::updatePreview()
{
    m_previewTimer.stop();
    if (m_incidentId.isEmpty())
        return;
    int redacted = 0;
    QString md;
    if (!reportingErrors(this, [&] { md = markdown(&redacted); }))
        return;
    // keep the scroll position: the preview is rebuilt on every pause in typing
    const int scroll = m_preview->verticalScrollBar()->value();
    m_preview->setMarkdown(md);
    m_preview->verticalScrollBar()->setValue(scroll);
    if (!m_redact->isChecked())
        m_redactedLabel->setText(tr("Redaction off"));
    else
        m_redactedLabel->setText(tr("%n item(s) redacted", nullptr, redacted));
    Q_EMIT previewUpdated();
}

void PostmortemTab::updateReviewWarning()
{
    const std::optional<Incident> inc = m_service.incident(m_incidentId);
    const bool late = inc && m_reviewOn->isChecked() &&
                      reviewLaterThan48h(*inc, m_reviewAt->dateTime(), m_service.clock().now());
    m_reviewWarning->setText(late ? tr("The runbook asks for the review within 48 hours of "
                                       "resolution.")
                                  : QString());
}

void PostmortemTab::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    if (error)
        styleText(m_status, QColor(alertRed()));
    else
        clearTextStyle(m_status);
}

QString PostmortemTab::askForFile(const QString &title, const QString &suggestedName,
                                  const QString &filter)
{
    // A QFileDialog object rather than the static helper, so tests can find and drive it.
    QFileDialog dialog(this, title);
    dialog.setObjectName(QStringLiteral("postmortemFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilter(filter);
    // Reports go to the documents folder, not wherever the app happened to be started from.
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.selectFile(suggestedName);
    dialog.setOption(QFileDialog::DontUseNativeDialog,
                     QGuiApplication::platformName() == QStringLiteral("offscreen"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

void PostmortemTab::exportMarkdown()
{
    if (m_incidentId.isEmpty())
        return;
    const std::optional<Incident> inc = m_service.incident(m_incidentId);
    QString name = QStringLiteral("postmortem");
    if (inc && !inc->channel.isEmpty())
        name += QLatin1Char('-') + QString(inc->channel).remove(QLatin1Char('#'));
    const QString path =
        askForFile(tr("Export post-mortem"), name + QStringLiteral(".md"), tr("Markdown (*.md)"));
    if (!path.isEmpty())
        exportMarkdownTo(path);
}

bool PostmortemTab::exportMarkdownTo(const QString &path)
{
    saveNow();
    int redacted = 0;
    const QString md = markdown(&redacted);
    QString error;
    if (!PostmortemService::writeFile(path, md.toUtf8(), &error)) {
        setStatus(tr("Export failed: %1").arg(error), true);
        return false;
    }
    setStatus(m_redact->isChecked()
                  ? tr("Exported to %1 (%n item(s) redacted)", nullptr, redacted).arg(path)
                  : tr("Exported to %1 without redaction").arg(path));
    return true;
}

void PostmortemTab::copyMarkdown()
{
    if (m_incidentId.isEmpty())
        return;
    int redacted = 0;
    QGuiApplication::clipboard()->setText(markdown(&redacted));
    setStatus(tr("Markdown copied (%n item(s) redacted)", nullptr, redacted));
}

void PostmortemTab::exportIcs()
{
    if (m_incidentId.isEmpty())
        return;
    if (!m_reviewOn->isChecked()) {
        setStatus(tr("Schedule the review first"), true);
        return;
    }
    const QString path =
        askForFile(tr("Export review meeting"), QStringLiteral("postmortem-review.ics"),
                   tr("Calendar (*.ics)"));
    if (!path.isEmpty())
        exportIcsTo(path);
}

bool PostmortemTab::exportIcsTo(const QString &path)
{
    const PostmortemDoc d = document();
    const QByteArray ics = m_pm->reviewIcs(m_incidentId, d);
    if (ics.isEmpty()) {
        setStatus(tr("Schedule the review first"), true);
        return false;
    }
    QString error;
    if (!PostmortemService::writeFile(path, ics, &error)) {
        setStatus(tr("Export failed: %1").arg(error), true);
        return false;
    }
    setStatus(tr("Review meeting exported to %1").arg(path));
    return true;
}

void PostmortemTab::copyResolutionNotification()
{
    if (m_incidentId.isEmpty())
        return;
    QString text = m_pm->resolutionNotification(m_incidentId, document());
    int redacted = 0;
    if (m_redact->isChecked())
        text = Redactor().redact(text, &redacted);
    QGuiApplication::clipboard()->setText(text);
    setStatus(tr("Resolution message copied"));
}

void PostmortemTab::showReports()
{
    auto *dialog = new PostmortemReportsDialog(*m_pm, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void PostmortemTab::addActionItem()
{
    const QString text = m_newAction->text().trimmed();
    if (m_incidentId.isEmpty() || text.isEmpty()) {
        m_newAction->setFocus();
        return;
    }
    reportingErrors(this, [&] {
        const int row = m_actions->addItem(text, m_newOwner->text().trimmed(), m_newDue->date());
        m_newAction->clear();
        m_newOwner->clear();
        if (row >= 0)
            m_actionView->scrollTo(m_actionProxy->mapFromSource(m_actions->index(row, 0)));
    });
}

void PostmortemTab::removeSelectedActionItems()
{
    QStringList ids;
    for (const QModelIndex &i : m_actionView->selectionModel()->selectedRows())
        ids << i.data(ActionItemModel::IdRole).toString();
    reportingErrors(this, [&] {
        for (const QString &id : ids)
            m_actions->removeItem(m_actions->rowOf(id));
    });
}

void PostmortemTab::resetSummaryToIncident()
{
    for (QLineEdit *e : {m_date, m_duration, m_impact, m_users, m_revenue})
        e->clear();
    m_severity->setCurrentIndex(0);
    edited();
}

} // namespace idesk
