#pragma once

#include "core/types.h"

#include <QGroupBox>
#include <array>

class QButtonGroup;
class QLabel;
class QPushButton;

namespace idesk {

class IncidentService;

// P0…P3 as buttons with the profile's description of each; a click is a request, the tab asks
// for a reason when it overrides the suggestion.
class SeverityPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit SeverityPanel(const IncidentService &service, QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    void showSeverity(Severity severity); // checks its button, e.g. after a cancelled override
    void reloadProfile();

Q_SIGNALS:
    void severityClicked(idesk::Severity severity);

private:
    const IncidentService &m_service;
    QButtonGroup *m_group;
    std::array<QPushButton *, SeverityCount> m_buttons{};
    std::array<QLabel *, SeverityCount> m_texts{};
};

} // namespace idesk
