#include "catalogproxy.h"

#include "models/diagnostics/checkcatalogmodel.h"
#include "statuslight.h"

#include <QFont>

namespace idesk {

CatalogProxy::CatalogProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterRole(CheckCatalogModel::SearchRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

QVariant CatalogProxy::data(const QModelIndex &index, int role) const
{
    const bool group = index.isValid() && !index.parent().isValid();
    if (role == Qt::DecorationRole && !group && index.column() == CheckCatalogModel::Status) {
        const auto s = static_cast<CheckCatalogModel::State>(
            QSortFilterProxyModel::data(index, CheckCatalogModel::StateRole).toInt());
        return stateIcon(s);
    }
    if (role == Qt::FontRole && group) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace idesk
