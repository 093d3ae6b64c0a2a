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

    // With `firstRows` not negative only the newest that many are read now (what a window
    // shows before its first paint); loadAll() or any refresh() reads the rest.
    explicit IncidentListModel(IncidentService &service, QObject *parent = nullptr,
                               int firstRows = -1);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const;
    // The Started column's text, e.g. "11-28 00:57 UTC" (views size the column from it).
    static QString startedText(const QDateTime &startedAt);
    const IncidentSummary *incidentAt(int row) const;
    // False while only the first rows are read.
    bool isComplete() const { return m_complete; }
    void loadAll();

public Q_SLOTS:
    void refresh();

private:
    IncidentService &m_service;
    std::vector<IncidentSummary> m_rows;
    bool m_complete = true;
};

} // namespace idesk
