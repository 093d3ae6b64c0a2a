#pragma once

#include "core/types.h"

#include <QGroupBox>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace idesk {

class IncidentService;

// The impact inputs and the severity they suggest under the profile's thresholds. Edits are
// announced with impactEdited(); the tab stores them through the service.
class ImpactPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ImpactPanel(const IncidentService &service, QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    void reloadProfile();
    // The incident's impact with the inputs as typed.
    Impact impact() const;
    std::optional<Severity> suggested() const { return m_suggested; }

Q_SIGNALS:
    void impactEdited();
    void applyRequested();

private:
    void updateSuggestion();

    const IncidentService &m_service;
    std::optional<Incident> m_incident;
    bool m_reloading = false;
    QLineEdit *m_impactEdit;
    QDoubleSpinBox *m_usersPercent;
    QDoubleSpinBox *m_revenue;
    QCheckBox *m_regulatory;
    QDoubleSpinBox *m_errorRate;
    QDoubleSpinBox *m_responseTime;
    QDoubleSpinBox *m_affectedUsers;
    QLabel *m_suggestion;
    QLabel *m_why;
    QPushButton *m_applySuggestion;
    std::optional<Severity> m_suggested;
};

} // namespace idesk
