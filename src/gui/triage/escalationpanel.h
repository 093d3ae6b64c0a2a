#pragma once

#include "core/triage/escalation.h"
#include "core/types.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace idesk {

class IncidentService;
struct Profile;

// Who is engaged, what is due and when, whom to call; the escalate button is a request.
class EscalationPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit EscalationPanel(const IncidentService &service, QWidget *parent = nullptr);

    // A different or changed incident: the contact list is rebuilt on the next status.
    void setIncident(const Incident &incident);
    void setStatus(const triage::EscalationStatus &status);
    void reloadProfile();

    // "L2 Engineering manager", or "L2" when the profile does not define the level.
    static QString levelName(const Profile &profile, int level);

Q_SIGNALS:
    void escalateRequested();
    void copyRequested(const QString &text, const QString &what);

private:
    const IncidentService &m_service;
    QLabel *m_engaged;
    QLabel *m_due;
    QLabel *m_next;
    QVBoxLayout *m_contacts;
    int m_contactsLevel = -1;
    QPushButton *m_escalateButton;
};

} // namespace idesk
