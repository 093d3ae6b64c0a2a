#pragma once

#include "storage/store.h"

#include <QAbstractTableModel>
#include <vector>

namespace idesk {

class IncidentService;

// The sync conflicts a commander reviews: one row per losing value, newest first. Follows the
// service's conflictsChanged (a review here, a pull by the sync worker, another program).
class ConflictsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IncidentColumn = 0,
        FieldColumn,
        MineColumn,
        TheirsColumn,
        WhoColumn,
        WhenColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ReviewedRole,
    };

    explicit ConflictsModel(IncidentService &service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    bool showReviewed() const { return m_showReviewed; }
    void setShowReviewed(bool on);
    const SyncConflict &conflictAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(const QString &conflictId) const;

public Q_SLOTS:
    void refresh();

private:
    QString recordText(const SyncConflict &c) const;
    QString whoText(const SyncConflict &c) const;

    IncidentService &m_service;
    std::vector<SyncConflict> m_rows;
    bool m_showReviewed = false;
};

} // namespace idesk
