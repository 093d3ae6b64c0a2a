#pragma once

#include "core/triage/messages.h"
#include "core/types.h"

#include <QDateTime>
#include <QGroupBox>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace idesk {

class IncidentService;
struct WebhookResult;

// The stakeholder message: kind, the editable text, copy/send buttons and what was sent last.
// The tab renders the text and stores what is sent; the panel keeps the user's edits apart.
class CommsPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit CommsPanel(const IncidentService &service, QWidget *parent = nullptr);

    // Another incident is shown: the edits and the last webhook result belonged to the previous.
    void setIncident(const Incident &incident);
    void reloadProfile();

    triage::MessageKind messageKind() const;
    void showMessageKind(triage::MessageKind kind); // the radio button only
    QString messageText() const;
    bool edited() const { return m_edited; }
    void discardEdits() { m_edited = false; }
    // Replaces the text with a fresh rendering and drops the edits.
    void setRenderedText(const QString &text);
    void setLastMessageAt(const QDateTime &sentAt); // invalid: nothing sent yet
    void showPosting();
    void showWebhookResult(const WebhookResult &result);

Q_SIGNALS:
    void kindChosen(idesk::triage::MessageKind kind);
    void rerenderRequested();
    void copyRequested();
    void copySlackRequested();
    void markSentRequested();
    void postRequested();

private:
    const IncidentService &m_service;
    QButtonGroup *m_kindGroup;
    QPlainTextEdit *m_messageEdit;
    bool m_edited = false;
    bool m_settingText = false;
    QPushButton *m_postButton;
    QLabel *m_commsStatus;
    QLabel *m_webhookStatus;
};

} // namespace idesk
