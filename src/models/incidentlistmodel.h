#pragma once

#include "core/types.h"

#include <QAbstractTableModel>
#include <vector>

namespace idesk {

class IncidentService;

// The incident list beside the tabs. Keeps rows stable across refreshes (updates in place,
// inserts and removes only what changed) so the selection that drives the tabs survives edits.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Severity = 0,
        Title,
        Status,
        Channel,
        Started,
        Commander,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        SortRole,
        StatusRole,
        SeverityRole
    };

    explicit IncidentListModel(IncidentService &service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const;
    // The Started column's text, e.g. "11-28 00:57 UTC" (views size the column from it).
    static QString startedText(const QDateTime &startedAt);
    const IncidentSummary *incidentAt(int row) const;

public Q_SLOTS:
    void refresh();

private:
    IncidentService &m_service;
    std::vector<IncidentSummary> m_rows;
};

} // namespace idesk
