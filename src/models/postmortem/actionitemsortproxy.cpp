#include "actionitemsortproxy.h"

#include "actionitemmodel.h"
#include "core/types.h"

namespace idesk {

ActionItemSortProxy::ActionItemSortProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ActionItemModel::SortRole);
    setDynamicSortFilter(true);
}

void ActionItemSortProxy::setShowDone(bool on)
{
    if (m_showDone == on)
        return;
    m_showDone = on;
    invalidateFilter();
}

bool ActionItemSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_showDone)
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return i.data(ActionItemModel::StatusRole).toInt() != int(ActionStatus::Done);
}

bool ActionItemSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        const int c = l.toString().compare(r.toString());
        if (c != 0)
            return c < 0;
    } else if (l.toLongLong() != r.toLongLong()) {
        return l.toLongLong() < r.toLongLong();
    }
    // equal keys fall back to creation order, so the order never depends on the previous sort
    return left.row() < right.row();
}

} // namespace idesk
