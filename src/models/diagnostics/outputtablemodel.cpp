#include "outputtablemodel.h"

#include <QMap>
#include <algorithm>

namespace idesk {

OutputTableModel::OutputTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void OutputTableModel::setTable(const diag::OutputTable &table)
{
    beginResetModel();
    m_table = table;
    for (QStringList &r : m_table.rows) {
        while (r.size() < m_table.columns.size())
            r << QString();
    }
    endResetModel();
}

void OutputTableModel::clear()
{
    setTable({});
}

int OutputTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int OutputTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant OutputTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return m_table.rows[index.row()][index.column()];
    return {};
}

QVariant OutputTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_table.columns.value(section);
}

Qt::ItemFlags OutputTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

OutputTableProxy::OutputTableProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

int OutputTableProxy::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Leading zeros do not make a number larger.
            qsizetype si = i, sj = j;
            while (si + 1 < ei && a[si] == u'0')
                ++si;
            while (sj + 1 < ej && b[sj] == u'0')
                ++sj;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            if (const int c = a.sliced(si, ei - si).compare(b.sliced(sj, ej - sj)); c != 0)
                return c < 0 ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return a.compare(b);
}

bool OutputTableProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return naturalCompare(left.data().toString(), right.data().toString()) < 0;
}

QString selectionAsTsv(const QModelIndexList &selection)
{
    if (selection.isEmpty())
        return {};
    QMap<int, QMap<int, QString>> cells;
    int firstColumn = selection.first().column(), lastColumn = firstColumn;
    for (const QModelIndex &i : selection) {
        QString text = i.data().toString();
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        text.replace(QLatin1Char('\r'), QLatin1Char(' '));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        cells[i.row()][i.column()] = text;
        firstColumn = std::min(firstColumn, i.column());
        lastColumn = std::max(lastColumn, i.column());
    }
    QString out;
    for (auto row = cells.cbegin(); row != cells.cend(); ++row) {
        QStringList line;
        for (int c = firstColumn; c <= lastColumn; ++c)
            line << row->value(c);
        out += line.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace idesk
