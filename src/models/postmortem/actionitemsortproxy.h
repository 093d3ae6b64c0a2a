#pragma once

#include <QSortFilterProxyModel>

namespace idesk {

// Sorts action items by the model's SortRole (due dates chronologically with undated items
// last, status by progress, text case-insensitively), ties in creation order; can hide done items.
class ActionItemSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ActionItemSortProxy(QObject *parent = nullptr);

    bool showDone() const { return m_showDone; }
    void setShowDone(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_showDone = true;
};

} // namespace idesk
