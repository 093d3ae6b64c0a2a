#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class TriageResolveDialog;
}

namespace idesk {

class ChecklistModel;
class IncidentService;

// The runbook's recovery confirmation before an incident is marked Resolved. Resolving with items
// still open is allowed, but only with a reason, which goes on the timeline with the status change.
class ResolveDialog final : public QDialog
{
    Q_OBJECT
public:
    ResolveDialog(IncidentService &service, const QString &incidentId, QWidget *parent = nullptr);
    ~ResolveDialog() override;

    bool allConfirmed() const;
    // For the status change: "recovery confirmed (5/5)" or "recovery checklist overridden: …".
    QString note() const;
    ChecklistModel *model() const { return m_model; }

private:
    void updateState();

    std::unique_ptr<Ui::TriageResolveDialog> m_ui;
    ChecklistModel *m_model;
};

} // namespace idesk
