#pragma once

#include <QSortFilterProxyModel>
#include <optional>

namespace idesk {

// Filters the incident list by status (all, open, or one status) and text, sorts by the
// source's SortRole (severity by rank, times chronologically).
class IncidentFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StatusFilter
    {
        All,
        Open,
        Investigating,
        Identified,
        Mitigating,
        Monitoring,
        Resolved
    };

    explicit IncidentFilterProxy(QObject *parent = nullptr);

    StatusFilter statusFilter() const { return m_status; }
    void setStatusFilter(StatusFilter f);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    StatusFilter m_status = StatusFilter::All;
    QString m_text;
};

} // namespace idesk
