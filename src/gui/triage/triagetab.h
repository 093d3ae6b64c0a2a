#pragma once

#include "core/error.h"
#include "core/triage/messages.h"
#include "core/types.h"
#include "gui/incidentpage.h"

#include <QWidget>
#include <optional>

class QBoxLayout;
class QPaintEvent;
class QScrollArea;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace idesk {

class ChecklistsPanel;
class CommsPanel;
class ContactsPanel;
class EscalationPanel;
class ImpactPanel;
class PlaybookOfferPanel;
class IncidentService;
class RolesPanel;
class SeverityPanel;
class TriageHeader;
class TriageService;
struct WebhookResult;

// The commander's first fifteen minutes on one screen: severity and impact, live SLA clocks,
// status, roles, escalation, checklists, contacts and the stakeholder messages. The panels
// (one class each, in this folder) show the incident and ask; the tab keeps the 1-second tick,
// answers their requests through the services and re-reads when the service announces a change.
// Time comes from service.clock().
class TriageTab final : public QWidget, public IncidentPage
{
    Q_OBJECT
public:
    enum class Build
    {
        Complete,    // every panel now
        HeaderFirst, // the header (title, clocks, status, banner) now, the panels right after
                     // the tab first paints, or as soon as anything needs them
    };
    explicit TriageTab(IncidentService &service, QWidget *parent = nullptr,
                       Build build = Build::Complete);
    ~TriageTab() override;

    QString incidentId() const { return m_incidentId; }
    TriageService &triage() { return *m_triage; }

    bool panelsBuilt() const { return m_panelsBuilt; }
    // Before the panels exist: the kind the panels will open with, and no text.
    triage::MessageKind messageKind() const;
    QString messageText() const;
    bool messageEdited() const;

public Q_SLOTS:
    // Builds the panels below the header now if they are still pending (HeaderFirst).
    void completeDeferredBuild() override;
    // Empty: no incident, the tab shows how to declare one.
    void setIncidentId(const QString &id) override;
    // The 1-second tick: clocks, escalation, overdue banner. Public so tests drive a FakeClock.
    void refreshClocks();

    void copyAlert();           // Ctrl+Shift+C: the alert message, plain text, to the clipboard
    void copyMessage();         // the message box as plain text
    void copyMessageForSlack(); // the message box as Slack mrkdwn
    void markMessageSent();     // Ctrl+Return: store it on the timeline, restart the update clock
    void postMessage();         // mark as sent and post to the profile's webhook
    void acknowledge();         // Ctrl+K
    void escalate();            // Ctrl+E: one click to the level due (or one up)
    void applySuggestion();     // Ctrl+Shift+A
    // Resolved first asks for the recovery checklist (override with a reason).
    void requestStatus(idesk::IncidentStatus s);
    // Records an override against the suggestion with the reason given.
    void chooseSeverity(idesk::Severity s, const QString &reason = {});
    void setMessageKind(idesk::triage::MessageKind kind);
    void rerenderMessage();

Q_SIGNALS:
    // A deadline was missed just now (once per deadline); the window notifies through the tray.
    void overdueRaised(const QString &text, const QString &incidentTitle);
    void copied(const QString &what);
    void errorRaised(const idesk::Error &error);
    // The offered playbook's button: the window shows it on the Diagnostics tab.
    void playbookRequested(const QString &playbookId);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void buildPanels();
    void arrangePanels();
    void resetPanelsForIncident(); // a different incident: message kind, webhook status
    void installShortcuts();

    void reload();         // the incident's fields into every widget; errors are raised
    void reloadIncident(); // the same, throwing Error
    void showIncident();   // m_incident into every widget, throwing Error
    void showIncidentOrError();
    void updateClocks(); // refreshClocks without the error guard
    void reloadProfile();
    void updateCommsStatus();
    void commitImpact();
    void commitRoles();
    void onSeverityClicked(idesk::Severity s);
    void onWebhookFinished(const WebhookResult &r);
    void copyText(const QString &text, const QString &what);
    void messageStored(); // feedback after a message went onto the timeline
    std::optional<Incident> current() const;

    IncidentService &m_service;
    TriageService *m_triage;
    QString m_incidentId;
    std::optional<Incident> m_incident;
    QTimer *m_tick;
    bool m_reloading = false;

    QStackedWidget *m_stack = nullptr;
    QScrollArea *m_scroll = nullptr;
    QBoxLayout *m_panelBox = nullptr;
    QVBoxLayout *m_leftPanels = nullptr;
    QVBoxLayout *m_rightPanels = nullptr;
    bool m_panelsBuilt = false;

    TriageHeader *m_header = nullptr;
    SeverityPanel *m_severity = nullptr;
    ImpactPanel *m_impact = nullptr;
    RolesPanel *m_roles = nullptr;
    EscalationPanel *m_escalation = nullptr;
    CommsPanel *m_comms = nullptr;
    ChecklistsPanel *m_checklists = nullptr;
    ContactsPanel *m_contacts = nullptr;
    PlaybookOfferPanel *m_playbookOffer = nullptr;
};

} // namespace idesk
