#include "incidentfilterproxy.h"

#include "incidentlistmodel.h"

namespace idesk {

IncidentFilterProxy::IncidentFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(IncidentListModel::SortRole);
    setDynamicSortFilter(true);
}

void IncidentFilterProxy::setStatusFilter(StatusFilter f)
{
    if (m_status == f)
        return;
    m_status = f;
    invalidateFilter();
}

void IncidentFilterProxy::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (m_text == t)
        return;
    m_text = t;
    invalidateFilter();
}

bool IncidentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *src = sourceModel();
    const QModelIndex first = src->index(sourceRow, 0, sourceParent);
    const int status = src->data(first, IncidentListModel::StatusRole).toInt();
    switch (m_status) {
    case StatusFilter::All:
        break;
    case StatusFilter::Open:
        if (status == static_cast<int>(IncidentStatus::Resolved))
            return false;
        break;
    default:
        // StatusFilter::Investigating.. map one-to-one onto IncidentStatus after All and Open.
        if (status != static_cast<int>(m_status) - static_cast<int>(StatusFilter::Investigating))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int c :
         {IncidentListModel::Title, IncidentListModel::Channel, IncidentListModel::Commander}) {
        if (src->index(sourceRow, c, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool IncidentFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The incident list's own rows compare without going through QVariant; same order as the
    // SortRole path below.
    if (const auto *list = qobject_cast<const IncidentListModel *>(sourceModel());
        list && left.column() == right.column()) {
        const IncidentSummary *a = list->incidentAt(left.row());
        const IncidentSummary *b = list->incidentAt(right.row());
        if (a && b) {
            switch (left.column()) {
            case IncidentListModel::Severity:
                return a->severity < b->severity;
            case IncidentListModel::Status:
                return a->status < b->status;
            case IncidentListModel::Started:
                return a->startedAt.toMSecsSinceEpoch() < b->startedAt.toMSecsSinceEpoch();
            case IncidentListModel::Title:
                return QString::localeAwareCompare(a->title, b->title) < 0;
            case IncidentListModel::Channel:
                return QString::localeAwareCompare(a->channel, b->channel) < 0;
            case IncidentListModel::Commander:
                return QString::localeAwareCompare(a->commander, b->commander) < 0;
            default:
                break;
            }
        }
    }
    const QVariant l = left.data(IncidentListModel::SortRole);
    const QVariant r = right.data(IncidentListModel::SortRole);
    if (l.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}

} // namespace idesk
