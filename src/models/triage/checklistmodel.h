#pragma once

#include "core/types.h"

#include <QAbstractTableModel>
#include <vector>

namespace idesk {

class IncidentService;

// One of an incident's three checklists. Ticking an item (Qt::CheckStateRole on the Text column)
// goes through IncidentService::setChecklistItem, which records who and when on the timeline;
// the model then follows the service's checklistChanged signal, updating rows in place.
class ChecklistModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Text = 0,
        CheckedBy,
        CheckedAt,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        CheckedRole, // bool, on every column
    };

    ChecklistModel(IncidentService &service, ChecklistKind kind, QObject *parent = nullptr);

    ChecklistKind kind() const { return m_kind; }
    QString incidentId() const { return m_incidentId; }
    void setIncidentId(const QString &id);

    int checkedCount() const;
    bool allChecked() const { return checkedCount() == rowCount(); }
    QStringList uncheckedTexts() const;
    const ChecklistItem *itemAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // A tick could not be stored (the message says why); the row shows the stored state.
    void errorOccurred(const QString &message);

private:
    std::vector<ChecklistItem> load() const;

    IncidentService &m_service;
    ChecklistKind m_kind;
    QString m_incidentId;
    std::vector<ChecklistItem> m_items;
};

} // namespace idesk
