#include "checklistspanel.h"

#include "models/triage/checklistmodel.h"

#include <QHeaderView>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace idesk {

ChecklistsPanel::ChecklistsPanel(IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Checklists"), parent), m_tabs(new QTabWidget(this))
{
    auto *v = new QVBoxLayout(this);
    m_tabs->setObjectName(QStringLiteral("checklistTabs"));
    const std::array<ChecklistKind, 3> kinds{ChecklistKind::InitialAssessment,
                                             ChecklistKind::RecoveryConfirmation,
                                             ChecklistKind::PostIncident};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        auto *model = new ChecklistModel(service, kinds[i], this);
        connect(model, &ChecklistModel::errorOccurred, this, &ChecklistsPanel::errorOccurred);
        // The counts in the tab titles follow the models, which follow the service.
        connect(model, &QAbstractItemModel::modelReset, this, &ChecklistsPanel::updateTitles);
        connect(model, &QAbstractItemModel::dataChanged, this, &ChecklistsPanel::updateTitles);
        m_models[i] = model;
        auto *view = new QTreeView(m_tabs);
        view->setObjectName(QStringLiteral("checklist_") + checklistKindToString(kinds[i]));
        view->setModel(model);
        view->setRootIsDecorated(false);
        view->setUniformRowHeights(true);
        view->setAlternatingRowColors(true);
        view->setMinimumHeight(150);
        view->header()->setStretchLastSection(false);
        view->header()->setSectionResizeMode(ChecklistModel::Text, QHeaderView::Stretch);
        view->header()->setSectionResizeMode(ChecklistModel::CheckedBy,
                                             QHeaderView::ResizeToContents);
        view->header()->setSectionResizeMode(ChecklistModel::CheckedAt,
                                             QHeaderView::ResizeToContents);
        m_tabs->addTab(view, QString());
    }
    v->addWidget(m_tabs);
    updateTitles();
}

void ChecklistsPanel::setIncident(const Incident &incident)
{
    setIncidentId(incident.id);
}

void ChecklistsPanel::clearIncident()
{
    setIncidentId({});
}

void ChecklistsPanel::setIncidentId(const QString &id)
{
    for (ChecklistModel *m : m_models)
        m->setIncidentId(id); // the tab titles follow the models' reset
}

void ChecklistsPanel::updateTitles()
{
    const std::array<QString, 3> names{tr("Initial assessment"), tr("Recovery"),
                                       tr("Post-incident")};
    for (std::size_t i = 0; i < m_models.size(); ++i) {
        const ChecklistModel *m = m_models[i];
        m_tabs->widget(int(i))->setAccessibleName(names[i]);
        m_tabs->setTabText(int(i),
                           tr("%1 %2/%3").arg(names[i]).arg(m->checkedCount()).arg(m->rowCount()));
    }
}

} // namespace idesk
