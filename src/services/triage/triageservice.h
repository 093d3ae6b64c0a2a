#pragma once

#include "core/triage/clocks.h"
#include "core/triage/escalation.h"
#include "core/triage/impact.h"
#include "core/triage/messages.h"
#include "services/triage/webhookposter.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <optional>
#include <vector>

namespace idesk {

class IncidentService;

// Something that was due and is not done: an unacknowledged SLA, a stakeholder update, an
// escalation. Each deadline lands on the timeline once (source "overdue"), however often it is
// checked and across restarts.
struct OverdueItem
{
    enum class Kind
    {
        Acknowledge,
        Update,
        Escalation
    };
    Kind kind = Kind::Acknowledge;
    QDateTime deadline;
    QString text;       // the record: English, as the timeline keeps it on every device
    QString display;    // the same in the window's language
    bool isNew = false; // logged by this check: worth a desktop notification
};

// The triage use cases over IncidentService: messages (stored on the timeline, optionally posted
// to the profile's webhook), severity decisions, overdue bookkeeping, one-click escalation.
// Everything time-dependent reads service.clock().
class TriageService final : public QObject
{
    Q_OBJECT
public:
    explicit TriageService(IncidentService &service, QObject *parent = nullptr);
    ~TriageService() override;

    IncidentService &service() { return m_service; }
    WebhookPoster &webhook() { return *m_webhook; }

    // Reads (empty/defaults for an unknown id)
    QDateTime lastMessageAt(const QString &incidentId) const;
    triage::IncidentClocks clocks(const Incident &incident) const;
    triage::EscalationStatus escalation(const Incident &incident) const;
    triage::ImpactAssessment assessment(const Incident &incident) const;
    triage::MessageKind suggestedMessageKind(const Incident &incident) const;
    QString renderMessage(const Incident &incident, triage::MessageKind kind,
                          triage::MessageFormat format = triage::MessageFormat::Plain) const;

    // Stores a sent message as a Communication event (source "message", the full text); the
    // next-update clock restarts from it.
    TimelineEvent recordMessage(const QString &incidentId, triage::MessageKind kind,
                                const QString &text);
    // Posts to the profile's webhookUrl; webhookFinished() tells how it went. The message is
    // not touched either way: record it with recordMessage.
    quint64 postToWebhook(const QString &text);
    // "Post": posts the message's Slack form to the webhook and stores the message on the
    // timeline. A webhook that is down or refuses it never costs the message: the commander can
    // still copy it from the timeline and post it by hand.
    TimelineEvent sendMessage(const QString &incidentId, triage::MessageKind kind,
                              const QString &text);

    // Sets the severity and records the decision: "applied the suggestion" or "override of
    // suggested P0: <reason>". Keeping the current severity against a suggestion is recorded too.
    void decideSeverity(const QString &incidentId, Severity chosen,
                        std::optional<Severity> suggested, const QString &reason);

    // Escalates to escalationTarget() with the fired rule as the reason. Returns the new level,
    // or 0 when there is nothing above.
    int escalateNow(const QString &incidentId);

    // What is overdue now; new items are logged on the timeline and announced by overdue().
    std::vector<OverdueItem> checkOverdue(const QString &incidentId);
    // The same for an incident whose clocks and escalation the caller has just computed from it
    // (the Triage tab's tick), without reading them again.
    std::vector<OverdueItem> checkOverdue(const Incident &incident, const triage::IncidentClocks &c,
                                          const triage::EscalationStatus &esc);

    static constexpr char16_t kOverdueSource[] = u"overdue";
    static constexpr char16_t kOverrideSource[] = u"severity override";

Q_SIGNALS:
    void messageRecorded(const QString &incidentId, const idesk::TimelineEvent &event);
    void webhookFinished(const idesk::WebhookResult &result);
    void overdue(const QString &incidentId, const QString &text);

private:
    IncidentService &m_service;
    WebhookPoster *m_webhook;
    QSet<QString> m_logged; // incidentId + '|' + overdue text, already on the timeline
    // The tab asks every second; the timeline is read again only after it changed.
    mutable QHash<QString, QDateTime> m_lastMessage;
};

} // namespace idesk
