#pragma once

#include "core/triage/clocks.h"
#include "core/triage/escalation.h"
#include "core/triage/messages.h"
#include "core/types.h"
#include "gui/incidentpage.h"

#include <QWidget>
#include <array>
#include <optional>
#include <vector>

class QBoxLayout;
class QButtonGroup;
class QCheckBox;
class QDoubleSpinBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPaintEvent;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;
class QVBoxLayout;

namespace idesk {

class FilledLabel;

class ChecklistModel;
class ContactsModel;
class IncidentService;
class TriageService;
struct WebhookResult;

// The commander's first fifteen minutes on one screen: severity and impact, live SLA clocks,
// status, roles, escalation, checklists, contacts and the stakeholder messages. Everything it
// shows is re-read when the service announces a change; time comes from service.clock().
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
    // Share the window's tray icon; without one the tab makes its own when the desktop has a tray.
    void setTrayIcon(QSystemTrayIcon *icon);

    bool panelsBuilt() const { return m_panelsBuilt; }
    // Before the panels exist: the kind the panels will open with, and no text.
    triage::MessageKind messageKind() const;
    QString messageText() const;
    bool messageEdited() const { return m_messageEdited; }

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
    void overdueRaised(const QString &text); // a deadline was missed just now
    void copied(const QString &what);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void buildPanels();
    void arrangePanels();
    void resetPanelsForIncident(); // a different incident: message kind, webhook status
    QWidget *buildHeader();
    QGroupBox *buildSeverityGroup();
    QGroupBox *buildImpactGroup();
    QGroupBox *buildRolesGroup();
    QGroupBox *buildEscalationGroup();
    QGroupBox *buildCommsGroup();
    QGroupBox *buildChecklistGroup();
    QGroupBox *buildContactsGroup();
    void installShortcuts();

    void reload();         // the incident's fields into every widget; errors are shown
    void reloadIncident(); // the same, throwing StoreError
    void showIncident();   // m_incident into every widget, throwing StoreError
    void showIncidentOrError();
    void updateClocks(); // refreshClocks without the error guard
    void updateEscalationPanel(const triage::EscalationStatus &esc);
    void reloadProfile();    // severity texts, dashboards
    void updateSuggestion(); // from the impact inputs as typed
    void updateChecklistTitles();
    void updateCommsStatus();
    void commitImpact();
    void commitRoles();
    void onSeverityClicked(int severity);
    void onWebhookFinished(const WebhookResult &r);
    void copyText(const QString &text, const QString &what);
    void showError(const QString &message);
    void messageStored(); // feedback after a message went onto the timeline
    std::optional<Incident> current() const;
    Impact impactFromInputs() const;

    IncidentService &m_service;
    TriageService *m_triage;
    QString m_incidentId;
    std::optional<Incident> m_incident;
    QTimer *m_tick;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_ownTray = false;
    bool m_reloading = false;

    QStackedWidget *m_stack = nullptr;
    QScrollArea *m_scroll = nullptr;
    QBoxLayout *m_panelBox = nullptr;
    QVBoxLayout *m_leftPanels = nullptr;
    QVBoxLayout *m_rightPanels = nullptr;
    bool m_panelsBuilt = false;
    // header
    FilledLabel *m_badge = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QPushButton *m_channelButton = nullptr;
    FilledLabel *m_elapsedClock = nullptr;
    FilledLabel *m_ackClock = nullptr;
    FilledLabel *m_updateClock = nullptr;
    QPushButton *m_ackButton = nullptr;
    FilledLabel *m_banner = nullptr;
    QLabel *m_feedback = nullptr;
    // severity & impact
    QButtonGroup *m_severityGroup = nullptr;
    std::array<QPushButton *, SeverityCount> m_severityButtons{};
    std::array<QLabel *, SeverityCount> m_severityTexts{};
    QLineEdit *m_impactEdit = nullptr;
    QDoubleSpinBox *m_usersPercent = nullptr;
    QDoubleSpinBox *m_revenue = nullptr;
    QCheckBox *m_regulatory = nullptr;
    QDoubleSpinBox *m_errorRate = nullptr;
    QDoubleSpinBox *m_responseTime = nullptr;
    QDoubleSpinBox *m_affectedUsers = nullptr;
    QLabel *m_suggestion = nullptr;
    QLabel *m_why = nullptr;
    QPushButton *m_applySuggestion = nullptr;
    std::optional<Severity> m_suggested;
    // status & roles
    std::array<QPushButton *, IncidentStatusCount> m_statusButtons{};
    QLineEdit *m_commander = nullptr;
    QLineEdit *m_commsLead = nullptr;
    QLineEdit *m_scribe = nullptr;
    // escalation
    QLabel *m_escEngaged = nullptr;
    QLabel *m_escDue = nullptr;
    QLabel *m_escNext = nullptr;
    QVBoxLayout *m_escContacts = nullptr;
    int m_escContactsLevel = -1;
    QPushButton *m_escalateButton = nullptr;
    // comms
    QButtonGroup *m_kindGroup = nullptr;
    QPlainTextEdit *m_messageEdit = nullptr;
    bool m_messageEdited = false;
    bool m_settingMessage = false;
    QPushButton *m_postButton = nullptr;
    QLabel *m_commsStatus = nullptr;
    QLabel *m_webhookStatus = nullptr;
    // checklists & contacts
    QTabWidget *m_checklistTabs = nullptr;
    std::array<ChecklistModel *, 3> m_checklists{};
    ContactsModel *m_contacts = nullptr;
    QTableView *m_contactsView = nullptr;
    QHBoxLayout *m_dashboards = nullptr;
};

} // namespace idesk
