#pragma once

#include "core/types.h"

#include <QGroupBox>

class QTableView;

namespace idesk {

class ContactsModel;
class FlowLayout;
class IncidentService;

// The profile's contacts (a click copies one) and its dashboard links.
class ContactsPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ContactsPanel(IncidentService &service, QWidget *parent = nullptr);

    // The contacts are the profile's, the same for every incident: nothing to follow here.
    void setIncident(const Incident &) {}
    void reloadProfile(); // the dashboard links

Q_SIGNALS:
    void copyRequested(const QString &text, const QString &what);

private:
    const IncidentService &m_service;
    ContactsModel *m_model;
    QTableView *m_view;
    // Wraps, so a profile with many dashboards does not force the Triage panels into one column.
    FlowLayout *m_dashboards;
};

} // namespace idesk
