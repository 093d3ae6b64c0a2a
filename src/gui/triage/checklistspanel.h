#pragma once

#include "core/types.h"

#include <QGroupBox>
#include <array>

class QTabWidget;

namespace idesk {

class ChecklistModel;
class IncidentService;

// The initial-assessment, recovery and post-incident checklists, one tab each with its count.
// Ticking goes through ChecklistModel, which writes through the service.
class ChecklistsPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ChecklistsPanel(IncidentService &service, QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    void clearIncident();

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    void setIncidentId(const QString &id);
    void updateTitles();

    QTabWidget *m_tabs;
    std::array<ChecklistModel *, 3> m_models{};
};

} // namespace idesk
