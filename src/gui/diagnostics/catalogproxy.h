#pragma once

#include <QSortFilterProxyModel>

namespace idesk {

// The catalog as the tab shows it: filtered by the words typed (a group stays while one of its
// checks matches), with a light beside each status and group rows in bold.
class CatalogProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CatalogProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace idesk
