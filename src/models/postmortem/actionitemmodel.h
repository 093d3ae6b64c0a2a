#pragma once

#include "core/types.h"

#include <QAbstractTableModel>
#include <vector>

namespace idesk {

class IncidentService;

// The action items of one incident, editable in place: every edit goes through
// IncidentService::updateActionItem, and the model follows actionItemsChanged (also for edits
// made elsewhere, such as the CLI or sync). Overdue items — not done, due before today (UTC, by
// service.clock()) — are flagged through OverdueRole; the view colours them.
class ActionItemModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Description = 0,
        Owner,
        Due,
        Status,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        SortRole,    // lower-cased text, due as Julian day (no date sorts last), status rank
        OverdueRole, // bool
        StatusRole,  // int(ActionStatus)
    };

    explicit ActionItemModel(IncidentService &service, QObject *parent = nullptr);

    QString incidentId() const { return m_incidentId; }
    void setIncidentId(const QString &incidentId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Description must not be empty; Due takes a QDate or "YYYY-MM-DD" ("" clears it);
    // Status takes an int(ActionStatus) or its name ("open", "in-progress", "done").
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const ActionItem *itemAt(int row) const;
    int rowOf(const QString &itemId) const;

    // Adds through the service; returns the new row (or -1 without an incident).
    int addItem(const QString &description, const QString &owner, const QDate &due);
    // Deletes are tombstones (deleted = true), like every synced record.
    bool removeItem(int row);

    static QString statusLabel(ActionStatus s);

public Q_SLOTS:
    void refresh();

private:
    bool overdue(const ActionItem &a) const;
    void onActionItemsChanged(const QString &incidentId);

    IncidentService &m_service;
    QString m_incidentId;
    std::vector<ActionItem> m_rows;
};

} // namespace idesk
