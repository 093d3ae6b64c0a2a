#pragma once

#include "core/types.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace idesk {

class IncidentService;

// The runbook scenario that fits the incident, from its title, summary and impact, with a
// button that opens that playbook on the Diagnostics tab. Hidden when nothing fits.
class PlaybookOfferPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit PlaybookOfferPanel(IncidentService &service, QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    QString offeredPlaybookId() const { return m_playbookId; }

Q_SIGNALS:
    void openRequested(const QString &playbookId);

private:
    IncidentService &m_service;
    QString m_playbookId;
    QLabel *m_reason = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace idesk
