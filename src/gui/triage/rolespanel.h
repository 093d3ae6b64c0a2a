#pragma once

#include "core/types.h"

#include <QGroupBox>

class QLineEdit;

namespace idesk {

// Commander, comms lead and scribe; a finished edit is announced, the tab assigns the roles.
class RolesPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit RolesPanel(QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    QString commander() const;
    QString commsLead() const;
    QString scribe() const;

Q_SIGNALS:
    void rolesEdited();

private:
    QLineEdit *m_commander;
    QLineEdit *m_commsLead;
    QLineEdit *m_scribe;
};

} // namespace idesk
