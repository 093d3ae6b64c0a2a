#include "triagetab.h"

#include "core/triage/escalation.h"
#include "core/triage/impact.h"
#include "core/triage/triageformat.h"
#include "gui/filledlabel.h"
#include "gui/flowlayout.h"
#include "gui/severitystyle.h"
#include "models/triage/checklistmodel.h"
#include "models/triage/contactsmodel.h"
#include "resolvedialog.h"
#include "services/incidentservice.h"
#include "services/triage/triageservice.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>

namespace idesk {

using namespace triage;

namespace {

// Fixed foreground and background pairs, so the clocks read the same on light and dark themes.
void setClock(FilledLabel *label, ClockState state, const QString &text)
{
    label->setText(text);
    const QString name = clockStateToString(state);
    if (label->property("clockState").toString() == name)
        return;
    label->setProperty("clockState", name);
    switch (state) {
    case ClockState::Ok:
        label->setColors(QColor(0xec, 0xef, 0xf1), QColor(0x26, 0x32, 0x38));
        break;
    case ClockState::Amber:
        label->setColors(QColor(0xff, 0xb3, 0x00), Qt::black);
        break;
    case ClockState::Red:
        label->setColors(QColor(alertRed()), Qt::white);
        break;
    case ClockState::Done:
        label->setColors(QColor(0xe8, 0xf5, 0xe9), QColor(okGreen()));
        break;
    }
}

// A countdown in the header: large, bold, on its state's colour.
FilledLabel *clockLabel(QWidget *parent)
{
    auto *l = new FilledLabel(parent);
    l->setPadding(12, 6);
    QFont f = l->font();
    f.setPointSize(13);
    f.setBold(true);
    l->setFont(f);
    return l;
}

// -1 is "not set": the spin box shows its special text there.
QDoubleSpinBox *optionalSpin(double max, int decimals, const QString &suffix, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(-1, max);
    spin->setDecimals(decimals);
    spin->setSpecialValueText(TriageTab::tr("not set"));
    spin->setSuffix(suffix);
    spin->setValue(-1);
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    spin->setMinimumWidth(140);
    return spin;
}

std::optional<double> spinValue(const QDoubleSpinBox *spin)
{
    if (spin->value() <= spin->minimum())
        return std::nullopt;
    return spin->value();
}

void setSpin(QDoubleSpinBox *spin, std::optional<double> v)
{
    if (spin->hasFocus())
        return; // being edited: the commit on editingFinished brings it back
    spin->setValue(v ? *v : spin->minimum());
}

void setLine(QLineEdit *edit, const QString &text)
{
    if (edit->hasFocus() && edit->text() != text)
        return;
    if (edit->text() != text)
        edit->setText(text);
}

QLabel *plainLabel(QWidget *parent, bool wrap = true)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(wrap);
    return l;
}

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

// Profile text on a button: a literal '&' must not become a keyboard mnemonic.
QString buttonText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

QString levelName(const Profile &p, int level)
{
    const EscalationLevel *l = p.level(level);
    return l ? TriageTab::tr("L%1 %2").arg(level).arg(l->title) : TriageTab::tr("L%1").arg(level);
}

} // namespace

TriageTab::TriageTab(IncidentService &service, QWidget *parent, Build build)
    : QWidget(parent), m_service(service), m_triage(new TriageService(service, this)),
      m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("triageTab"));
    buildUi();
    installShortcuts();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &TriageTab::refreshClocks);

    connect(&m_service, &IncidentService::incidentChanged, this, [this](const QString &id) {
        if (id == m_incidentId)
            reload();
    });
    connect(&m_service, &IncidentService::incidentsChanged, this, [this] {
        // Deleted or replaced underneath us (import, database switch).
        try {
            if (!m_incidentId.isEmpty() && !m_service.incident(m_incidentId))
                setIncidentId({});
        } catch (const StoreError &e) {
            showError(e.message());
        }
    });
    connect(&m_service, &IncidentService::eventsChanged, this, [this](const QString &id) {
        if (id != m_incidentId)
            return;
        try {
            updateCommsStatus();
        } catch (const StoreError &e) {
            showError(e.message());
        }
        refreshClocks();
    });
    connect(&m_service, &IncidentService::profileChanged, this, [this] {
        reloadProfile();
        reload();
    });
    connect(m_triage, &TriageService::webhookFinished, this, &TriageTab::onWebhookFinished);

    setIncidentId({});
    if (build == Build::Complete)
        buildPanels();
}

TriageTab::~TriageTab()
{
    // QWidget deletes the children after this destructor; a focused editor then emits
    // editingFinished into a tab that is no longer a TriageTab, and would write to the store.
    m_tick->stop();
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Layout

void TriageTab::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    root->addWidget(m_stack);

    auto *empty = new QLabel(tr("No incident selected — Ctrl+N declares one"), m_stack);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    styleText(empty, QColor(0x60, 0x7d, 0x8b), 16);
    m_stack->addWidget(empty);

    auto *page = new QWidget(m_stack);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(6, 6, 6, 0);
    pageLayout->addWidget(buildHeader());

    m_scroll = new QScrollArea(page);
    m_scroll->setObjectName(QStringLiteral("triageScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    pageLayout->addWidget(m_scroll, 1);
    m_stack->addWidget(page);
}

void TriageTab::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    // The header is on screen: build the panels in the next turn of the event loop.
    if (!m_panelsBuilt)
        QTimer::singleShot(0, this, &TriageTab::completeDeferredBuild);
}

void TriageTab::completeDeferredBuild()
{
    if (!m_panelsBuilt)
        buildPanels();
}

void TriageTab::buildPanels()
{
    auto *body = new QWidget(m_scroll);
    // Side by side, or one above the other in a narrow window (arrangePanels).
    m_panelBox = new QBoxLayout(QBoxLayout::LeftToRight, body);
    m_panelBox->setContentsMargins(0, 0, 6, 6);
    auto *left = new QVBoxLayout;
    m_leftPanels = left;
    left->addWidget(buildSeverityGroup());
    left->addWidget(buildImpactGroup());
    left->addWidget(buildRolesGroup());
    left->addWidget(buildEscalationGroup());
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    m_rightPanels = right;
    right->addWidget(buildCommsGroup());
    right->addWidget(buildChecklistGroup());
    right->addWidget(buildContactsGroup());
    right->addStretch(1);
    m_panelBox->addLayout(left, 1);
    m_panelBox->addLayout(right, 1);
    m_scroll->setWidget(body);
    m_scroll->viewport()->installEventFilter(this);
    m_panelsBuilt = true;
    arrangePanels();

    reloadProfile();
    for (ChecklistModel *m : m_checklists)
        m->setIncidentId(m_incidentId); // the tab titles follow the models' reset
    if (m_incident) {
        resetPanelsForIncident();
        showIncidentOrError();
    }
}

void TriageTab::arrangePanels()
{
    // Two columns when both fit side by side, else communications and checklists go below the
    // severity and impact panels: no sideways scrolling in a narrow window.
    const QMargins margins = m_panelBox->contentsMargins();
    const int sideBySide = m_leftPanels->minimumSize().width() +
                           m_rightPanels->minimumSize().width() + m_panelBox->spacing() +
                           margins.left() + margins.right();
    const auto direction = m_scroll->viewport()->width() < sideBySide ? QBoxLayout::TopToBottom
                                                                      : QBoxLayout::LeftToRight;
    if (m_panelBox->direction() != direction)
        m_panelBox->setDirection(direction);
}

bool TriageTab::eventFilter(QObject *watched, QEvent *event)
{
    if (m_panelsBuilt && event->type() == QEvent::Resize && watched == m_scroll->viewport())
        arrangePanels();
    // A line edit claims Ctrl+E and Ctrl+K (end of line, delete to end of line), and focus sits
    // in the incident search box at start: the commander's escalate and acknowledge win.
    if (event->type() == QEvent::ShortcutOverride && isVisible() &&
        qobject_cast<QLineEdit *>(watched) &&
        window()->isAncestorOf(static_cast<QWidget *>(watched))) {
        const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
        if (pressed == QKeySequence(Qt::CTRL | Qt::Key_E) ||
            pressed == QKeySequence(Qt::CTRL | Qt::Key_K))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

QWidget *TriageTab::buildHeader()
{
    auto *header = new QWidget(this);
    auto *v = new QVBoxLayout(header);
    v->setContentsMargins(0, 0, 0, 0);

    auto *top = new QHBoxLayout;
    m_badge = new FilledLabel(header);
    m_badge->setObjectName(QStringLiteral("severityBadge"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setRadius(6);
    m_badge->setPadding(14, 4);
    styleText(m_badge, Qt::white, 22, true);
    m_badge->setMinimumWidth(110);
    top->addWidget(m_badge);

    auto *titles = new QVBoxLayout;
    m_title = plainLabel(header);
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSize(17);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(m_title);
    auto *sub = new QHBoxLayout;
    m_channelButton = new QPushButton(header);
    m_channelButton->setObjectName(QStringLiteral("channelButton"));
    m_channelButton->setAccessibleName(tr("Incident channel"));
    m_channelButton->setFlat(true);
    m_channelButton->setCursor(Qt::PointingHandCursor);
    m_channelButton->setToolTip(tr("Click to copy the channel name"));
    styleText(m_channelButton, QColor(linkBlue()), 0, true);
    connect(m_channelButton, &QPushButton::clicked, this, [this] {
        if (m_incident)
            copyText(m_incident->channel, tr("channel name"));
    });
    sub->addWidget(m_channelButton);
    m_subtitle = plainLabel(header); // wraps in a narrow window
    m_subtitle->setObjectName(QStringLiteral("incidentSubtitle"));
    sub->addWidget(m_subtitle, 1);
    titles->addLayout(sub);
    top->addLayout(titles, 1);

    m_feedback = plainLabel(header, false);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    styleText(m_feedback, QColor(okGreen())); // showError turns it red for a while
    top->addWidget(m_feedback);
    v->addLayout(top);

    // The clocks wrap onto a second line in a narrow window rather than widen it.
    auto *clocks = new FlowLayout;
    m_elapsedClock = clockLabel(header);
    m_elapsedClock->setObjectName(QStringLiteral("elapsedClock"));
    m_elapsedClock->setToolTip(tr("Time since the incident started"));
    clocks->addWidget(m_elapsedClock);
    m_ackClock = clockLabel(header);
    m_ackClock->setObjectName(QStringLiteral("ackClock"));
    m_ackClock->setToolTip(tr("Acknowledge within the severity's response time"));
    clocks->addWidget(m_ackClock);
    m_ackButton = new QPushButton(tr("Acknowledge"), header);
    m_ackButton->setObjectName(QStringLiteral("ackButton"));
    m_ackButton->setToolTip(tr("Acknowledge the incident (Ctrl+K)"));
    connect(m_ackButton, &QPushButton::clicked, this, &TriageTab::acknowledge);
    clocks->addWidget(m_ackButton);
    m_updateClock = clockLabel(header);
    m_updateClock->setObjectName(QStringLiteral("updateClock"));
    m_updateClock->setToolTip(tr("Next stakeholder update, counted from the last message sent"));
    clocks->addWidget(m_updateClock);
    auto *copyAlertButton = new QPushButton(tr("Copy alert"), header);
    copyAlertButton->setObjectName(QStringLiteral("copyAlertButton"));
    copyAlertButton->setToolTip(tr("Copy the alert message as plain text (Ctrl+Shift+C)"));
    connect(copyAlertButton, &QPushButton::clicked, this, &TriageTab::copyAlert);
    clocks->addWidget(copyAlertButton);
    v->addLayout(clocks);

    auto *status = new QHBoxLayout;
    status->addWidget(new QLabel(tr("Status:"), header));
    for (int i = 0; i < IncidentStatusCount; ++i) {
        const auto st = static_cast<IncidentStatus>(i);
        if (i > 0) {
            auto *arrow = new QLabel(QStringLiteral("→"), header);
            styleText(arrow, QColor(0x90, 0xa4, 0xae));
            status->addWidget(arrow);
        }
        auto *b = new QPushButton(statusToString(st), header);
        b->setObjectName(QStringLiteral("status%1").arg(statusToString(st)));
        b->setToolTip(st == IncidentStatus::Resolved
                          ? tr("Resolve: confirm recovery first (the checklist can be overridden "
                               "with a reason)")
                          : tr("Set the status to %1").arg(statusToString(st)));
        connect(b, &QPushButton::clicked, this, [this, st] { requestStatus(st); });
        m_statusButtons[std::size_t(i)] = b;
        status->addWidget(b);
    }
    status->addStretch(1);
    v->addLayout(status);

    m_banner = new FilledLabel(header);
    m_banner->setObjectName(QStringLiteral("overdueBanner"));
    m_banner->setWordWrap(true);
    m_banner->setPadding(6, 6);
    m_banner->setColors(QColor(alertRed()), Qt::white);
    styleText(m_banner, Qt::white, 0, true);
    m_banner->hide();
    v->addWidget(m_banner);
    return header;
}

QGroupBox *TriageTab::buildSeverityGroup()
{
    auto *box = new QGroupBox(tr("Severity"), this);
    auto *grid = new QGridLayout(box);
    m_severityGroup = new QButtonGroup(box);
    m_severityGroup->setExclusive(true);
    for (int i = 0; i < SeverityCount; ++i) {
        const auto s = static_cast<Severity>(i);
        auto *b = new QPushButton(severityToString(s), box);
        b->setObjectName(QStringLiteral("severity%1").arg(severityToString(s)));
        b->setCheckable(true);
        b->setMinimumSize(56, 40);
        b->setStyleSheet(QStringLiteral("QPushButton{font-size:13pt;font-weight:bold;color:%2;}"
                                        "QPushButton:checked{background:%1;color:%3;}")
                             .arg(severityColor(s).name(), severityTextColor(s).name(),
                                  textOnFill(severityColor(s)).name()));
        m_severityGroup->addButton(b, i);
        m_severityButtons[std::size_t(i)] = b;
        auto *text = plainLabel(box);
        m_severityTexts[std::size_t(i)] = text;
        grid->addWidget(b, i, 0, Qt::AlignTop);
        grid->addWidget(text, i, 1);
    }
    grid->setColumnStretch(1, 1);
    connect(m_severityGroup, &QButtonGroup::idClicked, this, &TriageTab::onSeverityClicked);
    return box;
}

QGroupBox *TriageTab::buildImpactGroup()
{
    auto *box = new QGroupBox(tr("Impact assessment"), this);
    auto *v = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    m_impactEdit = new QLineEdit(box);
    m_impactEdit->setObjectName(QStringLiteral("impactEdit"));
    m_impactEdit->setPlaceholderText(
        tr("One line for the messages, e.g. Users unable to create orders"));
    form->addRow(tr("&Impact"), m_impactEdit);
    m_usersPercent = optionalSpin(100, 2, QStringLiteral(" %"), box);
    m_usersPercent->setObjectName(QStringLiteral("usersPercent"));
    form->addRow(tr("&Users affected"), m_usersPercent);
    m_revenue = optionalSpin(1e12, 0, tr(" /hour"), box);
    m_revenue->setObjectName(QStringLiteral("revenueLoss"));
    form->addRow(tr("&Revenue loss"), m_revenue);
    m_regulatory = new QCheckBox(tr("Regulatory or compliance issue"), box);
    m_regulatory->setObjectName(QStringLiteral("regulatory"));
    form->addRow(QString(), m_regulatory);
    m_errorRate = optionalSpin(100, 2, QStringLiteral(" %"), box);
    m_errorRate->setObjectName(QStringLiteral("errorRate"));
    form->addRow(tr("&Error rate"), m_errorRate);
    m_responseTime = optionalSpin(1e9, 0, QStringLiteral(" ms"), box);
    m_responseTime->setObjectName(QStringLiteral("responseTime"));
    form->addRow(tr("Res&ponse time"), m_responseTime);
    m_affectedUsers = optionalSpin(1e12, 0, QString(), box);
    m_affectedUsers->setObjectName(QStringLiteral("affectedUsers"));
    form->addRow(tr("Affected users (count)"), m_affectedUsers);
    v->addLayout(form);

    auto *suggestion = new QHBoxLayout;
    m_suggestion = plainLabel(box, false);
    m_suggestion->setObjectName(QStringLiteral("suggestion"));
    m_suggestion->setStyleSheet(QStringLiteral("QLabel{font-size:12pt;font-weight:bold;}"));
    suggestion->addWidget(m_suggestion, 1);
    m_applySuggestion = new QPushButton(tr("Apply"), box);
    m_applySuggestion->setObjectName(QStringLiteral("applySuggestion"));
    m_applySuggestion->setToolTip(tr("Set the suggested severity (Ctrl+Shift+A)"));
    connect(m_applySuggestion, &QPushButton::clicked, this, &TriageTab::applySuggestion);
    suggestion->addWidget(m_applySuggestion);
    v->addLayout(suggestion);
    m_why = plainLabel(box);
    m_why->setObjectName(QStringLiteral("suggestionWhy"));
    styleText(m_why, QColor(0x45, 0x5a, 0x64));
    v->addWidget(m_why);

    for (QDoubleSpinBox *spin :
         {m_usersPercent, m_revenue, m_errorRate, m_responseTime, m_affectedUsers}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this] {
            if (!m_reloading)
                updateSuggestion();
        });
        connect(spin, &QDoubleSpinBox::editingFinished, this, &TriageTab::commitImpact);
    }
    connect(m_regulatory, &QCheckBox::toggled, this, [this] {
        if (m_reloading)
            return;
        updateSuggestion();
        commitImpact();
    });
    connect(m_impactEdit, &QLineEdit::editingFinished, this, &TriageTab::commitImpact);
    return box;
}

QGroupBox *TriageTab::buildRolesGroup()
{
    auto *box = new QGroupBox(tr("Roles"), this);
    auto *form = new QFormLayout(box);
    m_commander = new QLineEdit(box);
    m_commander->setObjectName(QStringLiteral("commanderEdit"));
    m_commsLead = new QLineEdit(box);
    m_commsLead->setObjectName(QStringLiteral("commsLeadEdit"));
    m_scribe = new QLineEdit(box);
    m_scribe->setObjectName(QStringLiteral("scribeEdit"));
    form->addRow(tr("Co&mmander"), m_commander);
    form->addRow(tr("Comms &lead"), m_commsLead);
    form->addRow(tr("&Scribe"), m_scribe);
    for (QLineEdit *e : {m_commander, m_commsLead, m_scribe})
        connect(e, &QLineEdit::editingFinished, this, &TriageTab::commitRoles);
    return box;
}

QGroupBox *TriageTab::buildEscalationGroup()
{
    auto *box = new QGroupBox(tr("Escalation"), this);
    auto *v = new QVBoxLayout(box);
    m_escEngaged = plainLabel(box);
    m_escEngaged->setObjectName(QStringLiteral("escalationEngaged"));
    m_escDue = plainLabel(box);
    m_escDue->setObjectName(QStringLiteral("escalationDue"));
    m_escNext = plainLabel(box);
    m_escNext->setObjectName(QStringLiteral("escalationNext"));
    v->addWidget(m_escEngaged);
    v->addWidget(m_escDue);
    v->addWidget(m_escNext);
    auto *callLabel = new QLabel(tr("Whom to call (click to copy):"), box);
    v->addWidget(callLabel);
    m_escContacts = new QVBoxLayout;
    m_escContacts->setSpacing(0);
    v->addLayout(m_escContacts);
    m_escalateButton = new QPushButton(box);
    m_escalateButton->setObjectName(QStringLiteral("escalateButton"));
    m_escalateButton->setToolTip(tr("Escalate now (Ctrl+E); lands on the timeline"));
    connect(m_escalateButton, &QPushButton::clicked, this, &TriageTab::escalate);
    v->addWidget(m_escalateButton, 0, Qt::AlignLeft);
    return box;
}

QGroupBox *TriageTab::buildCommsGroup()
{
    auto *box = new QGroupBox(tr("Communications"), this);
    auto *v = new QVBoxLayout(box);
    auto *kinds = new QHBoxLayout;
    m_kindGroup = new QButtonGroup(box);
    const std::array<std::pair<MessageKind, QString>, 3> names{
        {{MessageKind::Alert, tr("Alert")},
         {MessageKind::Update, tr("Update")},
         {MessageKind::Resolved, tr("Resolved")}}};
    for (const auto &[kind, label] : names) {
        auto *r = new QRadioButton(label, box);
        r->setObjectName(QStringLiteral("kind_") + messageKindToString(kind));
        m_kindGroup->addButton(r, int(kind));
        kinds->addWidget(r);
    }
    m_kindGroup->button(int(MessageKind::Alert))->setChecked(true);
    kinds->addStretch(1);
    auto *rerender = new QPushButton(tr("Re-render"), box);
    rerender->setObjectName(QStringLiteral("rerenderButton"));
    rerender->setToolTip(tr("Discard edits and render the message again from the incident"));
    connect(rerender, &QPushButton::clicked, this, &TriageTab::rerenderMessage);
    kinds->addWidget(rerender);
    v->addLayout(kinds);
    connect(m_kindGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setMessageKind(static_cast<MessageKind>(id)); });

    m_messageEdit = new QPlainTextEdit(box);
    m_messageEdit->setObjectName(QStringLiteral("messageEdit"));
    m_messageEdit->setMinimumHeight(240);
    m_messageEdit->setTabChangesFocus(true);
    connect(m_messageEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingMessage)
            m_messageEdited = true;
    });
    v->addWidget(m_messageEdit);

    auto *copy = new QPushButton(tr("Copy"), box);
    copy->setObjectName(QStringLiteral("copyButton"));
    copy->setToolTip(tr("Copy as plain text"));
    connect(copy, &QPushButton::clicked, this, &TriageTab::copyMessage);
    auto *slack = new QPushButton(tr("Copy for Slack"), box);
    slack->setObjectName(QStringLiteral("copySlackButton"));
    slack->setToolTip(tr("Copy as Slack mrkdwn (Ctrl+Shift+L)"));
    connect(slack, &QPushButton::clicked, this, &TriageTab::copyMessageForSlack);
    auto *sent = new QPushButton(tr("Mark as sent"), box);
    sent->setObjectName(QStringLiteral("markSentButton"));
    sent->setToolTip(tr("Store the message on the timeline and restart the update clock "
                        "(Ctrl+Return)"));
    connect(sent, &QPushButton::clicked, this, &TriageTab::markMessageSent);
    m_postButton = new QPushButton(tr("Post to webhook"), box);
    m_postButton->setObjectName(QStringLiteral("postButton"));
    connect(m_postButton, &QPushButton::clicked, this, &TriageTab::postMessage);
    v->addWidget(FlowLayout::row({copy, slack, sent, m_postButton}, box));
    m_commsStatus = plainLabel(box);
    m_commsStatus->setObjectName(QStringLiteral("commsStatus"));
    v->addWidget(m_commsStatus);
    m_webhookStatus = plainLabel(box);
    m_webhookStatus->setObjectName(QStringLiteral("webhookStatus"));
    v->addWidget(m_webhookStatus);
    return box;
}

QGroupBox *TriageTab::buildChecklistGroup()
{
    auto *box = new QGroupBox(tr("Checklists"), this);
    auto *v = new QVBoxLayout(box);
    m_checklistTabs = new QTabWidget(box);
    m_checklistTabs->setObjectName(QStringLiteral("checklistTabs"));
    const std::array<ChecklistKind, 3> kinds{ChecklistKind::InitialAssessment,
                                             ChecklistKind::RecoveryConfirmation,
                                             ChecklistKind::PostIncident};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        auto *model = new ChecklistModel(m_service, kinds[i], this);
        connect(model, &ChecklistModel::errorOccurred, this, &TriageTab::showError);
        // The counts in the tab titles follow the models, which follow the service.
        connect(model, &QAbstractItemModel::modelReset, this, &TriageTab::updateChecklistTitles);
        connect(model, &QAbstractItemModel::dataChanged, this, &TriageTab::updateChecklistTitles);
        m_checklists[i] = model;
        auto *view = new QTreeView(m_checklistTabs);
        view->setObjectName(QStringLiteral("checklist_") + checklistKindToString(kinds[i]));
        view->setModel(model);
        view->setRootIsDecorated(false);
        view->setUniformRowHeights(true);
        view->setAlternatingRowColors(true);
        view->setMinimumHeight(150);
        view->header()->setStretchLastSection(false);
        view->header()->setSectionResizeMode(ChecklistModel::Text, QHeaderView::Stretch);
        view->header()->setSectionResizeMode(ChecklistModel::CheckedBy,
                                             QHeaderView::ResizeToContents);
        view->header()->setSectionResizeMode(ChecklistModel::CheckedAt,
                                             QHeaderView::ResizeToContents);
        m_checklistTabs->addTab(view, QString());
    }
    v->addWidget(m_checklistTabs);
    updateChecklistTitles();
    return box;
}

QGroupBox *TriageTab::buildContactsGroup()
{
    auto *box = new QGroupBox(tr("Contacts (click to copy)"), this);
    auto *v = new QVBoxLayout(box);
    m_contacts = new ContactsModel(m_service, this);
    m_contactsView = new QTableView(box);
    m_contactsView->setObjectName(QStringLiteral("contactsView"));
    m_contactsView->setAccessibleName(tr("Contacts"));
    m_contactsView->setModel(m_contacts);
    m_contactsView->verticalHeader()->hide();
    m_contactsView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_contactsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_contactsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_contactsView->horizontalHeader()->setStretchLastSection(true);
    m_contactsView->setMinimumHeight(220);
    m_contactsView->verticalHeader()->setDefaultSectionSize(m_contactsView->fontMetrics().height() +
                                                            6);
    connect(m_contactsView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        copyText(index.data(ContactsModel::CopyRole).toString(), tr("contact"));
    });
    v->addWidget(m_contactsView);
    auto *dashLabel = new QLabel(tr("Dashboards:"), box);
    v->addWidget(dashLabel);
    m_dashboards = new QHBoxLayout;
    v->addLayout(m_dashboards);
    return box;
}

void TriageTab::installShortcuts()
{
    // Window-wide while the tab is visible: under stress the focus is wherever it is.
    const std::array<std::pair<const char *, void (TriageTab::*)()>, 7> keys{{
        {"Ctrl+Shift+C", &TriageTab::copyAlert},
        {"Ctrl+K", &TriageTab::acknowledge},
        {"Ctrl+E", &TriageTab::escalate},
        {"Ctrl+Shift+A", &TriageTab::applySuggestion},
        {"Ctrl+Shift+L", &TriageTab::copyMessageForSlack},
        {"Ctrl+Return", &TriageTab::markMessageSent},
        {"Ctrl+Enter", &TriageTab::markMessageSent},
    }};
    qApp->installEventFilter(this); // see eventFilter: line edits must not swallow them
    for (const auto &[key, slot] : keys) {
        auto *sc = new QShortcut(QKeySequence(QString::fromLatin1(key)), this);
        sc->setContext(Qt::WindowShortcut);
        connect(sc, &QShortcut::activated, this, slot);
    }
}

// ---------------------------------------------------------------------------------------------
// State

std::optional<Incident> TriageTab::current() const
{
    if (m_incidentId.isEmpty())
        return std::nullopt;
    return m_service.incident(m_incidentId);
}

void TriageTab::setTrayIcon(QSystemTrayIcon *icon)
{
    if (m_ownTray)
        delete m_tray;
    m_tray = icon;
    m_ownTray = false;
}

void TriageTab::setIncidentId(const QString &id)
{
    const bool changed = id != m_incidentId;
    m_incidentId = id;
    try {
        m_incident = current();
    } catch (const StoreError &e) {
        showError(e.message());
        m_incident.reset();
    }
    if (!m_incident)
        m_incidentId.clear();
    for (ChecklistModel *m : m_checklists) {
        if (m)
            m->setIncidentId(m_incidentId);
    }
    if (!m_incident) {
        m_tick->stop();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    if (changed) {
        m_messageEdited = false;
        m_feedback->clear();
        m_escContactsLevel = -1;
        if (m_panelsBuilt)
            resetPanelsForIncident();
    }
    showIncidentOrError(); // just read above
    m_tick->start();
}

void TriageTab::resetPanelsForIncident()
{
    m_webhookStatus->clear();
    MessageKind kind = MessageKind::Alert;
    try {
        kind = m_triage->suggestedMessageKind(*m_incident);
    } catch (const StoreError &e) {
        showError(e.message());
    }
    m_kindGroup->button(int(kind))->setChecked(true);
}

void TriageTab::reloadProfile()
{
    if (!m_panelsBuilt)
        return; // the panels read the profile when they are built
    const Profile &p = m_service.profile();
    for (int i = 0; i < SeverityCount; ++i) {
        const auto s = static_cast<Severity>(i);
        QString text;
        if (const SeverityDef *def = p.severity(s)) {
            text = tr("%1 — %2\nRespond within %3 · update every %4\ne.g. %5")
                       .arg(def->label, def->description,
                            formatDuration(qint64(def->responseMinutes) * 60),
                            formatDuration(qint64(def->updateEveryMinutes) * 60),
                            def->examples.join(QStringLiteral(", ")));
        } else {
            text = tr("Not defined in the profile");
        }
        m_severityTexts[std::size_t(i)]->setText(text);
    }
    const QString currency = p.thresholds.currency;
    m_revenue->setPrefix(currency);
    clearLayout(m_dashboards);
    for (const Link &link : p.dashboards) {
        auto *b = new QPushButton(buttonText(link.title), this);
        b->setFlat(true);
        b->setCursor(Qt::PointingHandCursor);
        b->setToolTip(link.url);
        b->setStyleSheet(
            QStringLiteral("QPushButton{color:%1;text-decoration:underline;}").arg(linkBlue()));
        const QUrl url(link.url);
        connect(b, &QPushButton::clicked, this, [url] { QDesktopServices::openUrl(url); });
        m_dashboards->addWidget(b);
    }
    m_dashboards->addStretch(1);
    const bool hasWebhook = !p.webhookUrl.trimmed().isEmpty();
    m_postButton->setEnabled(hasWebhook);
    m_postButton->setToolTip(hasWebhook
                                 ? tr("Mark as sent and post to %1").arg(QUrl(p.webhookUrl).host())
                                 : tr("No webhookUrl in the profile"));
    m_escContactsLevel = -1;
}

void TriageTab::reload()
{
    try {
        reloadIncident();
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::showIncidentOrError()
{
    try {
        showIncident();
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::reloadIncident()
{
    m_incident = current();
    if (!m_incident) {
        setIncidentId({});
        return;
    }
    showIncident();
}

void TriageTab::showIncident()
{
    const Incident &in = *m_incident;
    const Profile &p = m_service.profile();
    m_reloading = true;

    const QColor color = severityColor(in.severity);
    const SeverityDef *def = p.severity(in.severity);
    m_badge->setText(severityToString(in.severity) +
                     (def ? QLatin1Char('\n') + def->label : QString()));
    m_badge->setColors(color, Qt::white);
    m_title->setText(in.title);
    m_channelButton->setText(buttonText(in.channel));
    m_channelButton->setVisible(!in.channel.isEmpty());
    m_subtitle->setText(tr("%1 · started %2 (%3 local) · commander %4 · L%5 engaged")
                            .arg(statusToString(in.status), formatUtcMinute(in.startedAt),
                                 in.startedAt.toLocalTime().toString(QStringLiteral("HH:mm")),
                                 commanderHandle(in.commander))
                            .arg(in.escalationLevel));

    if (m_panelsBuilt) {
        m_severityButtons[std::size_t(in.severity)]->setChecked(true);
        setLine(m_impactEdit, in.impact.userImpact);
        setSpin(m_usersPercent, in.impact.affectedUsersPercent);
        setSpin(m_revenue, in.impact.revenueLossPerHour);
        m_regulatory->setChecked(in.impact.regulatory);
        setSpin(m_errorRate, in.impact.errorRatePercent);
        setSpin(m_responseTime, in.impact.responseTimeMs);
        setSpin(m_affectedUsers, in.impact.affectedUsers
                                     ? std::optional<double>(double(*in.impact.affectedUsers))
                                     : std::nullopt);
        setLine(m_commander, in.commander);
        setLine(m_commsLead, in.commsLead);
        setLine(m_scribe, in.scribe);
    }

    for (int i = 0; i < IncidentStatusCount; ++i) {
        QPushButton *b = m_statusButtons[std::size_t(i)];
        const auto s = static_cast<IncidentStatus>(i);
        const bool isCurrent = s == in.status;
        const bool passed = i < int(in.status);
        b->setText((passed ? QStringLiteral("✓ ") : QString()) + statusToString(s));
        b->setProperty("current", isCurrent);
        clearTextStyle(b);
        if (isCurrent) { // filled in the link colour (green once resolved), white and bold
            QPalette pal = b->palette();
            pal.setColor(QPalette::Button,
                         QColor(in.status == IncidentStatus::Resolved ? okGreen() : linkBlue()));
            b->setPalette(pal);
            styleText(b, Qt::white, 0, true);
        }
    }
    m_reloading = false;

    updateSuggestion();
    updateChecklistTitles();
    updateCommsStatus();
    m_escContactsLevel = -1;
    refreshClocks();
}

void TriageTab::refreshClocks()
{
    // Runs from a timer and from signals: a database error is shown, never thrown into Qt.
    try {
        updateClocks();
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::updateClocks()
{
    if (!m_incident)
        return;
    const Incident &in = *m_incident;
    const IncidentClocks c = m_triage->clocks(in);

    setClock(m_elapsedClock,
             in.status == IncidentStatus::Resolved ? ClockState::Done : ClockState::Ok,
             tr("%1 since start").arg(formatCountdown(c.elapsedSecs)));

    const Countdown &ack = c.acknowledge;
    QString ackText;
    if (!ack.deadline.isValid())
        ackText = tr("No response time for %1").arg(severityToString(in.severity));
    else if (in.acknowledgedAt.isValid())
        ackText = (ack.late ? tr("Acknowledged late at %1") : tr("✓ Acknowledged at %1"))
                      .arg(in.acknowledgedAt.toUTC().toString(QStringLiteral("HH:mm 'UTC'")));
    else if (ack.state == ClockState::Done)
        ackText = tr("Resolved without acknowledgement");
    else if (ack.state == ClockState::Red)
        ackText = tr("Acknowledge SLA missed by %1").arg(formatCountdown(-ack.remainingSecs));
    else
        ackText = tr("Acknowledge within %1").arg(formatCountdown(ack.remainingSecs));
    setClock(m_ackClock, ack.state, ackText);
    m_ackButton->setVisible(!in.acknowledgedAt.isValid() && in.status != IncidentStatus::Resolved);

    const Countdown &upd = c.nextUpdate;
    QString updText;
    if (!upd.deadline.isValid() || upd.state == ClockState::Done)
        updText = tr("No further updates due");
    else if (upd.state == ClockState::Red)
        updText = tr("Update overdue by %1").arg(formatCountdown(-upd.remainingSecs));
    else
        updText = tr("Next update in %1").arg(formatCountdown(upd.remainingSecs));
    setClock(m_updateClock, upd.state, updText);

    const EscalationStatus esc = m_triage->escalation(in);
    if (m_panelsBuilt)
        updateEscalationPanel(esc);

    // Overdue: banner always, timeline and tray once per deadline.
    QStringList overdueTexts;
    if (ack.overdue() || upd.overdue() || esc.escalationNeeded()) {
        try {
            for (const OverdueItem &item : m_triage->checkOverdue(m_incidentId)) {
                overdueTexts << item.text;
                if (!item.isNew)
                    continue;
                Q_EMIT overdueRaised(item.text);
                if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
                    m_tray = new QSystemTrayIcon(windowIcon(), this);
                    m_ownTray = true;
                }
                if (m_tray) {
                    if (!m_tray->isVisible())
                        m_tray->show();
                    m_tray->showMessage(tr("%1 %2").arg(severityToString(in.severity), in.title),
                                        item.text, QSystemTrayIcon::Warning, 15000);
                }
            }
        } catch (const StoreError &e) {
            showError(e.message());
        }
    }
    m_banner->setText(QStringLiteral("⚠ ") + overdueTexts.join(QStringLiteral("\n⚠ ")));
    m_banner->setVisible(!overdueTexts.isEmpty());

    // Untouched messages follow the incident (Duration ticks on); edited ones are the user's.
    if (!m_messageEdited)
        rerenderMessage();
}

void TriageTab::updateEscalationPanel(const EscalationStatus &esc)
{
    const Profile &p = m_service.profile();
    const EscalationLevel *engaged = p.level(esc.engagedLevel);
    m_escEngaged->setText(
        tr("Engaged: %1%2")
            .arg(levelName(p, esc.engagedLevel), engaged && !engaged->authority.isEmpty()
                                                     ? tr(" — may: %1").arg(engaged->authority)
                                                     : QString()));
    if (esc.stopped) {
        m_escDue->setText(tr("Resolved: escalation stopped."));
        clearTextStyle(m_escDue);
    } else if (esc.escalationNeeded()) {
        m_escDue->setText(tr("⚠ Escalate now to %1 — %2 (due since %3)")
                              .arg(levelName(p, esc.dueLevel),
                                   esc.firedRule ? esc.firedRule->reason : QString(),
                                   formatUtcMinute(esc.dueSince)));
        styleText(m_escDue, QColor(alertRed()), 0, true);
    } else {
        m_escDue->setText(tr("No escalation due."));
        clearTextStyle(m_escDue);
    }
    if (esc.nextLevel) {
        const qint64 left = m_service.clock().now().secsTo(esc.nextDueAt);
        m_escNext->setText(tr("Next: %1 at %2 (in %3) — %4")
                               .arg(levelName(p, *esc.nextLevel), formatUtcMinute(esc.nextDueAt),
                                    formatCountdown(left),
                                    esc.nextRule ? esc.nextRule->reason : QString()));
    } else {
        m_escNext->setText(esc.stopped ? QString() : tr("Next: nothing further is scheduled."));
    }
    if (esc.contactLevel != m_escContactsLevel) {
        m_escContactsLevel = esc.contactLevel;
        clearLayout(m_escContacts);
        const auto contacts =
            esc.contacts.empty() ? contactsForLevel(p, esc.contactLevel) : esc.contacts;
        for (const Contact &ct : contacts) {
            const QString summary = contactSummary(ct);
            auto *b = new QPushButton(buttonText(summary), this);
            b->setFlat(true);
            b->setCursor(Qt::PointingHandCursor);
            b->setStyleSheet(
                QStringLiteral("QPushButton{text-align:left;color:%1;}").arg(linkBlue()));
            const QString copyValue = !ct.phone.isEmpty() ? ct.phone : summary;
            b->setToolTip(tr("Click to copy %1").arg(copyValue));
            connect(b, &QPushButton::clicked, this,
                    [this, copyValue] { copyText(copyValue, tr("contact")); });
            m_escContacts->addWidget(b);
        }
        if (contacts.empty())
            m_escContacts->addWidget(
                new QLabel(tr("No contacts for this level in the profile."), this));
    }
    const int target = escalationTarget(esc, p);
    m_escalateButton->setEnabled(!esc.stopped && target > esc.engagedLevel);
    m_escalateButton->setText(target > esc.engagedLevel
                                  ? tr("Escalate to %1").arg(buttonText(levelName(p, target)))
                                  : tr("Highest level engaged"));
    m_escalateButton->setStyleSheet(
        esc.escalationNeeded() ? QStringLiteral("QPushButton{background:%1;"
                                                "color:%2;font-weight:bold;}")
                                     .arg(alertRed(), textOnFill(QColor(alertRed())).name())
                               : QString());
}

void TriageTab::updateSuggestion()
{
    if (!m_panelsBuilt)
        return;
    const Impact impact = impactFromInputs();
    const ImpactAssessment a = assessImpact(impact, m_service.profile().thresholds);
    m_suggested = a.suggested;
    if (a.suggested) {
        m_suggestion->setText(tr("Suggested: %1 (user impact %2, business impact %3)")
                                  .arg(severityToString(*a.suggested), userImpactToString(a.user),
                                       businessImpactToString(a.business)));
    } else {
        m_suggestion->setText(tr("No suggestion yet"));
    }
    m_why->setText(QStringLiteral("• ") + a.why.join(QStringLiteral("\n• ")));
    const bool differs = m_incident && a.suggested && *a.suggested != m_incident->severity;
    m_applySuggestion->setEnabled(differs);
    m_applySuggestion->setText(a.suggested ? tr("Apply %1").arg(severityToString(*a.suggested))
                                           : tr("Apply"));
}

void TriageTab::updateChecklistTitles()
{
    if (!m_checklistTabs)
        return;
    const std::array<QString, 3> names{tr("Initial assessment"), tr("Recovery"),
                                       tr("Post-incident")};
    for (std::size_t i = 0; i < m_checklists.size(); ++i) {
        const ChecklistModel *m = m_checklists[i];
        m_checklistTabs->widget(int(i))->setAccessibleName(names[i]);
        m_checklistTabs->setTabText(
            int(i), tr("%1 %2/%3").arg(names[i]).arg(m->checkedCount()).arg(m->rowCount()));
    }
}

void TriageTab::updateCommsStatus()
{
    if (!m_incident || !m_panelsBuilt)
        return;
    const QDateTime last = m_triage->lastMessageAt(m_incidentId);
    m_commsStatus->setText(last.isValid()
                               ? tr("Last message sent at %1.").arg(formatUtcMinute(last))
                               : tr("No message sent yet."));
}

Impact TriageTab::impactFromInputs() const
{
    Impact impact = m_incident ? m_incident->impact : Impact{};
    impact.userImpact = m_impactEdit->text().trimmed();
    impact.affectedUsersPercent = spinValue(m_usersPercent);
    impact.revenueLossPerHour = spinValue(m_revenue);
    impact.regulatory = m_regulatory->isChecked();
    impact.errorRatePercent = spinValue(m_errorRate);
    impact.responseTimeMs = spinValue(m_responseTime);
    const auto users = spinValue(m_affectedUsers);
    impact.affectedUsers =
        users ? std::optional<qint64>(qint64(std::llround(*users))) : std::nullopt;
    return impact;
}

void TriageTab::commitImpact()
{
    if (m_reloading || !m_incident || !m_panelsBuilt)
        return;
    Incident changed = *m_incident;
    changed.impact = impactFromInputs();
    if (changed.impact == m_incident->impact)
        return;
    try {
        m_service.updateIncident(changed);
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::commitRoles()
{
    if (m_reloading || !m_incident || !m_panelsBuilt)
        return;
    try {
        m_service.assignRoles(m_incidentId, m_commander->text(), m_commsLead->text(),
                              m_scribe->text());
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

// ---------------------------------------------------------------------------------------------
// Actions

void TriageTab::onSeverityClicked(int severity)
{
    if (!m_incident)
        return;
    const auto s = static_cast<Severity>(severity);
    if (s == m_incident->severity)
        return;
    commitImpact();
    QString reason;
    if (m_suggested && *m_suggested != s) {
        bool ok = false;
        reason =
            QInputDialog::getText(this, tr("Override the suggested severity"),
                                  tr("The impact assessment suggests %1. Why %2?")
                                      .arg(severityToString(*m_suggested), severityToString(s)),
                                  QLineEdit::Normal, QString(), &ok);
        if (!ok) {
            m_severityButtons[std::size_t(m_incident->severity)]->setChecked(true);
            return;
        }
    }
    chooseSeverity(s, reason);
}

void TriageTab::chooseSeverity(Severity s, const QString &reason)
{
    if (!m_incident)
        return;
    try {
        m_triage->decideSeverity(m_incidentId, s, m_suggested, reason);
    } catch (const StoreError &e) {
        showError(e.message());
    }
    if (m_incident && m_panelsBuilt)
        m_severityButtons[std::size_t(m_incident->severity)]->setChecked(true);
}

void TriageTab::applySuggestion()
{
    completeDeferredBuild(); // the suggestion comes from the impact panel
    commitImpact();
    if (m_incident && m_suggested && *m_suggested != m_incident->severity)
        chooseSeverity(*m_suggested);
}

void TriageTab::requestStatus(IncidentStatus s)
{
    if (!m_incident || s == m_incident->status)
        return;
    QString note;
    if (s == IncidentStatus::Resolved) {
        ResolveDialog dialog(m_service, m_incidentId, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        note = dialog.note();
    }
    try {
        m_service.setStatus(m_incidentId, s, note);
    } catch (const StoreError &e) {
        showError(e.message());
        return;
    }
    if (s == IncidentStatus::Resolved && !m_messageEdited)
        setMessageKind(MessageKind::Resolved);
}

void TriageTab::acknowledge()
{
    if (!m_incident || m_incident->acknowledgedAt.isValid())
        return;
    try {
        m_service.acknowledge(m_incidentId);
        m_feedback->setText(tr("Acknowledged"));
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::escalate()
{
    if (!m_incident)
        return;
    try {
        const int level = m_triage->escalateNow(m_incidentId);
        if (level > 0)
            m_feedback->setText(tr("Escalated to %1").arg(levelName(m_service.profile(), level)));
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

MessageKind TriageTab::messageKind() const
{
    if (!m_panelsBuilt) {
        try {
            return m_incident ? m_triage->suggestedMessageKind(*m_incident) : MessageKind::Alert;
        } catch (const StoreError &) {
            return MessageKind::Alert;
        }
    }
    const int id = m_kindGroup->checkedId();
    return id < 0 ? MessageKind::Alert : static_cast<MessageKind>(id);
}

QString TriageTab::messageText() const
{
    return m_panelsBuilt ? m_messageEdit->toPlainText() : QString();
}

void TriageTab::setMessageKind(MessageKind kind)
{
    completeDeferredBuild();
    if (QAbstractButton *b = m_kindGroup->button(int(kind)))
        b->setChecked(true);
    m_messageEdited = false;
    rerenderMessage();
}

void TriageTab::rerenderMessage()
{
    if (!m_incident || !m_panelsBuilt)
        return;
    const QString text = m_triage->renderMessage(*m_incident, messageKind());
    if (text != m_messageEdit->toPlainText() || m_messageEdited) {
        m_settingMessage = true;
        m_messageEdit->setPlainText(text);
        m_settingMessage = false;
    }
    m_messageEdited = false;
}

void TriageTab::copyText(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    m_feedback->setText(tr("Copied %1").arg(what));
    Q_EMIT copied(what);
}

void TriageTab::copyAlert()
{
    if (!m_incident)
        return;
    // The alert as shown and perhaps edited; rendered afresh when another kind is shown or the
    // panels are not built yet (nothing can have been edited then).
    const QString text = m_panelsBuilt && messageKind() == MessageKind::Alert
                             ? messageText()
                             : m_triage->renderMessage(*m_incident, MessageKind::Alert);
    copyText(text, tr("alert message"));
}

void TriageTab::copyMessage()
{
    completeDeferredBuild();
    if (m_incident)
        copyText(messageText(), tr("%1 message").arg(messageKindToString(messageKind())));
}

void TriageTab::copyMessageForSlack()
{
    completeDeferredBuild();
    if (m_incident)
        copyText(plainToSlack(messageText()),
                 tr("%1 message for Slack").arg(messageKindToString(messageKind())));
}

void TriageTab::markMessageSent()
{
    completeDeferredBuild();
    if (!m_incident || messageText().trimmed().isEmpty())
        return;
    try {
        m_triage->recordMessage(m_incidentId, messageKind(), messageText());
        messageStored();
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::postMessage()
{
    completeDeferredBuild();
    if (!m_incident || messageText().trimmed().isEmpty())
        return;
    clearTextStyle(m_webhookStatus);
    m_webhookStatus->setText(tr("Posting to the webhook…"));
    try {
        m_triage->sendMessage(m_incidentId, messageKind(), messageText());
        messageStored();
    } catch (const StoreError &e) {
        showError(e.message());
    }
}

void TriageTab::messageStored()
{
    m_feedback->setText(tr("Message stored on the timeline"));
    // The next message is usually an update (or stays "resolved").
    if (m_incident)
        setMessageKind(m_triage->suggestedMessageKind(*m_incident));
}

void TriageTab::onWebhookFinished(const WebhookResult &r)
{
    if (!m_panelsBuilt)
        return;
    if (r.ok) {
        clearTextStyle(m_webhookStatus);
        styleText(m_webhookStatus, QColor(okGreen()));
        m_webhookStatus->setText(tr("Posted to the webhook (HTTP %1).").arg(r.httpStatus));
    } else {
        styleText(m_webhookStatus, QColor(alertRed()), 0, true);
        m_webhookStatus->setText(tr("Webhook post failed: %1 The message is kept on the timeline; "
                                    "copy it and post by hand.")
                                     .arg(r.error));
    }
}

void TriageTab::showError(const QString &message)
{
    styleText(m_feedback, QColor(alertRed()), 0, true);
    m_feedback->setText(message);
    QTimer::singleShot(8000, m_feedback, [label = m_feedback] {
        clearTextStyle(label);
        styleText(label, QColor(okGreen())); // back to the colour of "Copied …"
    });
}

} // namespace idesk
