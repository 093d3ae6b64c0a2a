#pragma once

#include "core/profile.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace idesk {

class CheckCatalogModel;
class IncidentService;
class PlaybookService;
class PlaybookStepModel;

// The Diagnostics tab's Playbooks page: one of the runbook's scenarios as a list of steps with
// their state on the selected incident. Enter runs the step (a check through the tab's runner,
// a mitigation through its guarded path), Space ticks or unticks it; the outcome of each lands
// on the incident's timeline, which is also where the page reads the progress back from.
class PlaybookPage final : public QWidget
{
    Q_OBJECT
public:
    // catalog: the tab's, whose states say when a requested run started and how it ended.
    PlaybookPage(IncidentService &service, const CheckCatalogModel &catalog,
                 QWidget *parent = nullptr);

    void setIncidentId(const QString &id);
    // Shows the playbook with this id; false when the profile has none such.
    bool choosePlaybook(const QString &playbookId);
    QString currentPlaybookId() const;
    QString currentStepId() const;
    void selectStep(const QString &stepId);

    void runCurrentStep();
    void toggleCurrentStep();
    // The tab reports every result it showed; the ones this page asked for become step records.
    void checkFinished(const QString &checkId);
    // The mitigation a step asked for was not started (its confirmation dismissed): the step
    // is left as it was, and a later run of that check from elsewhere is not this step's.
    void mitigationNotRun(const QString &checkId);

    PlaybookStepModel *model() const { return m_model; }
    PlaybookService *service() const { return m_playbooks; }
    QTreeView *stepsView() const { return m_view; }

Q_SIGNALS:
    void runCheckRequested(const QString &checkId);
    void runMitigationRequested(const QString &checkId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Pending
    {
        QString incidentId;
        QString playbookId;
        QString stepId;
    };
    void reloadPlaybooks();
    void showPlaybook(int comboIndex);
    void reloadProgress();
    void syncRunning();
    void updateActions();
    void say(const QString &text);

    IncidentService &m_service;
    const CheckCatalogModel &m_catalog;
    PlaybookService *m_playbooks;
    PlaybookStepModel *m_model;
    QString m_incidentId;
    QHash<QString, Pending> m_pending; // check id -> the step that asked for it

    QComboBox *m_choice = nullptr;
    QLabel *m_progress = nullptr;
    QLabel *m_symptoms = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_stepNote = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_tickButton = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace idesk
