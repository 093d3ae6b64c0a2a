#pragma once

#include "diagnostics/outputtable.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace idesk {

// A check's tabular output (an SQL result set, a kubectl table) for a table view: read-only,
// every cell plain text as it came.
class OutputTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit OutputTableModel(QObject *parent = nullptr);

    void setTable(const diag::OutputTable &table);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    diag::OutputTable m_table;
};

// Sorts cells the way a reader compares them: runs of digits by value ("pod-9" before "pod-10",
// RESTARTS 7 before 12), the rest case-insensitively; filters rows on any cell.
class OutputTableProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OutputTableProxy(QObject *parent = nullptr);

    static int naturalCompare(QStringView a, QStringView b);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

// The selected cells as tab-separated text, rows and columns in the order the view shows them
// (the model given is the view's); a tab or line break inside a cell becomes a space so each row
// stays one line. Cells between selected ones that are not selected are empty.
QString selectionAsTsv(const QModelIndexList &selection);

} // namespace idesk
