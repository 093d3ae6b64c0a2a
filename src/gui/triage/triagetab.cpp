#include "triagetab.h"

#include "checklistspanel.h"
#include "commspanel.h"
#include "contactspanel.h"
#include "core/triage/escalation.h"
#include "core/triage/triageformat.h"
#include "escalationpanel.h"
#include "gui/errorguard.h"
#include "gui/severitystyle.h"
#include "impactpanel.h"
#include "playbookoffer.h"
#include "resolvedialog.h"
#include "rolespanel.h"
#include "services/incidentservice.h"
#include "services/triage/triageservice.h"
#include "severitypanel.h"
#include "triageheader.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace idesk {

using namespace triage;

TriageTab::TriageTab(IncidentService &service, QWidget *parent, Build build)
    : QWidget(parent), m_service(service), m_triage(new TriageService(service, this)),
      m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("triageTab"));
    buildUi();
    // Shown here as well, beside what failed; the window logs it and shows it in its status bar.
    connect(this, &TriageTab::errorRaised, m_header,
            [this](const Error &e) { m_header->showError(e.text()); });
    installShortcuts();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &TriageTab::refreshClocks);

    connect(&m_service, &IncidentService::incidentChanged, this, [this](const QString &id) {
        if (id == m_incidentId)
            reload();
    });
    connect(&m_service, &IncidentService::incidentsChanged, this, [this] {
        // Deleted or replaced underneath us (import, database switch).
        reportingErrors(this, [&] {
            if (!m_incidentId.isEmpty() && !m_service.incident(m_incidentId))
                setIncidentId({});
        });
    });
    connect(&m_service, &IncidentService::eventsChanged, this, [this](const QString &id) {
        if (id != m_incidentId)
            return;
        reportingErrors(this, [&] { updateCommsStatus(); });
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
    m_header = new TriageHeader(m_service, page);
    connect(m_header, &TriageHeader::copyChannelRequested, this, [this] {
        if (m_incident)
            copyText(m_incident->channel, tr("channel name"));
    });
    connect(m_header, &TriageHeader::acknowledgeRequested, this, &TriageTab::acknowledge);
    connect(m_header, &TriageHeader::copyAlertRequested, this, &TriageTab::copyAlert);
    connect(m_header, &TriageHeader::statusRequested, this, &TriageTab::requestStatus);
    pageLayout->addWidget(m_header);

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

    m_severity = new SeverityPanel(m_service, body);
    connect(m_severity, &SeverityPanel::severityClicked, this, &TriageTab::onSeverityClicked);
    m_impact = new ImpactPanel(m_service, body);
    connect(m_impact, &ImpactPanel::impactEdited, this, &TriageTab::commitImpact);
    connect(m_impact, &ImpactPanel::applyRequested, this, &TriageTab::applySuggestion);
    m_roles = new RolesPanel(body);
    connect(m_roles, &RolesPanel::rolesEdited, this, &TriageTab::commitRoles);
    m_escalation = new EscalationPanel(m_service, body);
    connect(m_escalation, &EscalationPanel::escalateRequested, this, &TriageTab::escalate);
    connect(m_escalation, &EscalationPanel::copyRequested, this, &TriageTab::copyText);
    m_comms = new CommsPanel(m_service, body);
    connect(m_comms, &CommsPanel::kindChosen, this, &TriageTab::setMessageKind);
    connect(m_comms, &CommsPanel::rerenderRequested, this, &TriageTab::rerenderMessage);
    connect(m_comms, &CommsPanel::copyRequested, this, &TriageTab::copyMessage);
    connect(m_comms, &CommsPanel::copySlackRequested, this, &TriageTab::copyMessageForSlack);
    connect(m_comms, &CommsPanel::markSentRequested, this, &TriageTab::markMessageSent);
    connect(m_comms, &CommsPanel::postRequested, this, &TriageTab::postMessage);
    m_checklists = new ChecklistsPanel(m_service, body);
    connect(m_checklists, &ChecklistsPanel::errorOccurred, this, [this](const QString &message) {
        Q_EMIT errorRaised(Error(Error::Kind::Storage, message));
    });
    m_contacts = new ContactsPanel(m_service, body);
    connect(m_contacts, &ContactsPanel::copyRequested, this, &TriageTab::copyText);
    m_playbookOffer = new PlaybookOfferPanel(m_service, body);
    connect(m_playbookOffer, &PlaybookOfferPanel::openRequested, this,
            &TriageTab::playbookRequested);

    auto *left = new QVBoxLayout;
    m_leftPanels = left;
    left->addWidget(m_playbookOffer);
    left->addWidget(m_severity);
    left->addWidget(m_impact);
    left->addWidget(m_roles);
    left->addWidget(m_escalation);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    m_rightPanels = right;
    right->addWidget(m_comms);
    right->addWidget(m_checklists);
    right->addWidget(m_contacts);
    right->addStretch(1);
    m_panelBox->addLayout(left, 1);
    m_panelBox->addLayout(right, 1);
    m_scroll->setWidget(body);
    m_scroll->viewport()->installEventFilter(this);
    m_panelsBuilt = true;
    m_header->enableTitleSelection();
    arrangePanels();

    reloadProfile();
    if (m_incident) {
        m_checklists->setIncident(*m_incident);
        resetPanelsForIncident();
        showIncidentOrError();
    } else {
        m_checklists->clearIncident();
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

void TriageTab::setIncidentId(const QString &id)
{
    const bool changed = id != m_incidentId;
    m_incidentId = id;
    if (!reportingErrors(this, [&] { m_incident = current(); }))
        m_incident.reset();
    if (!m_incident)
        m_incidentId.clear();
    if (m_panelsBuilt) {
        if (m_incident)
            m_checklists->setIncident(*m_incident);
        else
            m_checklists->clearIncident();
    }
    if (!m_incident) {
        m_tick->stop();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    if (changed) {
        m_header->clearFeedback();
        if (m_panelsBuilt)
            resetPanelsForIncident();
    }
    showIncidentOrError(); // just read above
    m_tick->start();
}

void TriageTab::resetPanelsForIncident()
{
    m_comms->setIncident(*m_incident);
    MessageKind kind = MessageKind::Alert;
    reportingErrors(this, [&] { kind = m_triage->suggestedMessageKind(*m_incident); });
    m_comms->showMessageKind(kind);
}

void TriageTab::reloadProfile()
{
    if (!m_panelsBuilt)
        return; // the panels read the profile when they are built
    m_severity->reloadProfile();
    m_impact->reloadProfile();
    m_contacts->reloadProfile();
    m_comms->reloadProfile();
    m_escalation->reloadProfile();
}

void TriageTab::reload()
{
    reportingErrors(this, [&] { reloadIncident(); });
}

void TriageTab::showIncidentOrError()
{
    reportingErrors(this, [&] { showIncident(); });
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
    m_reloading = true;
    m_header->setIncident(in);
    if (m_panelsBuilt) {
        m_severity->setIncident(in);
        m_impact->setIncident(in);
        m_roles->setIncident(in);
        m_escalation->setIncident(in);
        m_contacts->setIncident(in);
        m_playbookOffer->setIncident(in);
    }
    m_reloading = false;

    updateCommsStatus();
    refreshClocks();
}

void TriageTab::refreshClocks()
{
    // Runs from a timer and from signals: a database error is shown, never thrown into Qt.
    reportingErrors(this, [&] { updateClocks(); });
}

void TriageTab::updateClocks()
{
    if (!m_incident)
        return;
    const Incident &in = *m_incident;
    const IncidentClocks c = m_triage->clocks(in);
    m_header->setClocks(c);

    const EscalationStatus esc = m_triage->escalation(in);
    if (m_panelsBuilt)
        m_escalation->setStatus(esc);

    // Overdue: banner always, timeline and the window's notification once per deadline.
    QStringList overdueTexts;
    if (c.acknowledge.overdue() || c.nextUpdate.overdue() || esc.escalationNeeded()) {
        reportingErrors(this, [&] {
            for (const OverdueItem &item : m_triage->checkOverdue(in, c, esc)) {
                overdueTexts << item.display;
                if (item.isNew)
                    Q_EMIT overdueRaised(item.display,
                                         tr("%1 %2").arg(severityToString(in.severity), in.title));
            }
        });
    }
    m_header->setOverdue(overdueTexts);

    // Untouched messages follow the incident (Duration ticks on); edited ones are the user's.
    if (!messageEdited())
        rerenderMessage();
}

void TriageTab::updateCommsStatus()
{
    if (!m_incident || !m_panelsBuilt)
        return;
    m_comms->setLastMessageAt(m_triage->lastMessageAt(m_incidentId));
}

void TriageTab::commitImpact()
{
    if (m_reloading || !m_incident || !m_panelsBuilt)
        return;
    Incident changed = *m_incident;
    changed.impact = m_impact->impact();
    if (changed.impact == m_incident->impact)
        return;
    reportingErrors(this, [&] { m_service.updateIncident(changed); });
}

void TriageTab::commitRoles()
{
    if (m_reloading || !m_incident || !m_panelsBuilt)
        return;
    reportingErrors(this, [&] {
        m_service.assignRoles(m_incidentId, m_roles->commander(), m_roles->commsLead(),
                              m_roles->scribe());
    });
}

// ---------------------------------------------------------------------------------------------
// Actions

void TriageTab::onSeverityClicked(Severity s)
{
    if (!m_incident)
        return;
    if (s == m_incident->severity)
        return;
    commitImpact();
    QString reason;
    const std::optional<Severity> suggested = m_impact->suggested();
    if (suggested && *suggested != s) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Override the suggested severity"),
                                       tr("The impact assessment suggests %1. Why %2?")
                                           .arg(severityToString(*suggested), severityToString(s)),
                                       QLineEdit::Normal, QString(), &ok);
        if (!ok) {
            m_severity->showSeverity(m_incident->severity);
            return;
        }
    }
    chooseSeverity(s, reason);
}

void TriageTab::chooseSeverity(Severity s, const QString &reason)
{
    if (!m_incident)
        return;
    reportingErrors(this, [&] {
        m_triage->decideSeverity(m_incidentId, s,
                                 m_panelsBuilt ? m_impact->suggested() : std::nullopt, reason);
    });
    if (m_incident && m_panelsBuilt)
        m_severity->showSeverity(m_incident->severity);
}

void TriageTab::applySuggestion()
{
    completeDeferredBuild(); // the suggestion comes from the impact panel
    commitImpact();
    const std::optional<Severity> suggested = m_impact->suggested();
    if (m_incident && suggested && *suggested != m_incident->severity)
        chooseSeverity(*suggested);
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
    if (!reportingErrors(this, [&] { m_service.setStatus(m_incidentId, s, note); }))
        return;
    if (s == IncidentStatus::Resolved && !messageEdited())
        setMessageKind(MessageKind::Resolved);
}

void TriageTab::acknowledge()
{
    if (!m_incident || m_incident->acknowledgedAt.isValid())
        return;
    reportingErrors(this, [&] {
        m_service.acknowledge(m_incidentId);
        m_header->showFeedback(tr("Acknowledged"));
    });
}

void TriageTab::escalate()
{
    if (!m_incident)
        return;
    reportingErrors(this, [&] {
        const int level = m_triage->escalateNow(m_incidentId);
        if (level > 0)
            m_header->showFeedback(
                tr("Escalated to %1").arg(EscalationPanel::levelName(m_service.profile(), level)));
    });
}

MessageKind TriageTab::messageKind() const
{
    if (!m_panelsBuilt) {
        try {
            return m_incident ? m_triage->suggestedMessageKind(*m_incident) : MessageKind::Alert;
        } catch (const Error &) {
            return MessageKind::Alert;
        }
    }
    return m_comms->messageKind();
}

QString TriageTab::messageText() const
{
    return m_panelsBuilt ? m_comms->messageText() : QString();
}

bool TriageTab::messageEdited() const
{
    return m_panelsBuilt && m_comms->edited();
}

void TriageTab::setMessageKind(MessageKind kind)
{
    completeDeferredBuild();
    m_comms->showMessageKind(kind);
    m_comms->discardEdits();
    rerenderMessage();
}

void TriageTab::rerenderMessage()
{
    if (!m_incident || !m_panelsBuilt)
        return;
    m_comms->setRenderedText(m_triage->renderMessage(*m_incident, messageKind()));
}

void TriageTab::copyText(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    m_header->showFeedback(tr("Copied %1").arg(what));
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
    reportingErrors(this, [&] {
        m_triage->recordMessage(m_incidentId, messageKind(), messageText());
        messageStored();
    });
}

void TriageTab::postMessage()
{
    completeDeferredBuild();
    if (!m_incident || messageText().trimmed().isEmpty())
        return;
    m_comms->showPosting();
    reportingErrors(this, [&] {
        m_triage->sendMessage(m_incidentId, messageKind(), messageText());
        messageStored();
    });
}

void TriageTab::messageStored()
{
    m_header->showFeedback(tr("Message stored on the timeline"));
    // The next message is usually an update (or stays "resolved").
    if (m_incident)
        setMessageKind(m_triage->suggestedMessageKind(*m_incident));
}

void TriageTab::onWebhookFinished(const WebhookResult &r)
{
    if (m_panelsBuilt)
        m_comms->showWebhookResult(r);
}

} // namespace idesk
