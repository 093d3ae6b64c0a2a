#include "models/timeline/timelinefilterproxy.h"

#include "models/timeline/timelinemodel.h"

namespace idesk {

TimelineFilterProxy::TimelineFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent), m_authorMatcher(QString(), Qt::CaseInsensitive),
      m_textMatcher(QString(), Qt::CaseInsensitive)
{
    setSortRole(TimelineModel::OccurredMsRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TimelineFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_timeline = qobject_cast<const TimelineModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void TimelineFilterProxy::setKindMask(quint32 mask)
{
    mask &= kAllKinds;
    if (mask == m_kinds)
        return;
    m_kinds = mask;
    invalidateFilter();
}

void TimelineFilterProxy::setKindVisible(EventKind kind, bool visible)
{
    const quint32 bit = 1u << int(kind);
    setKindMask(visible ? (m_kinds | bit) : (m_kinds & ~bit));
}

void TimelineFilterProxy::setAuthorFilter(const QString &author)
{
    const QString a = author.trimmed();
    if (a == m_author)
        return;
    m_author = a;
    m_authorMatcher.setPattern(a);
    invalidateFilter();
}

void TimelineFilterProxy::setTextFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    m_textMatcher.setPattern(t);
    invalidateFilter();
}

void TimelineFilterProxy::setPinnedOnly(bool on)
{
    if (on == m_pinnedOnly)
        return;
    m_pinnedOnly = on;
    invalidateFilter();
}

bool TimelineFilterProxy::isFiltering() const
{
    return m_kinds != kAllKinds || !m_author.isEmpty() || !m_text.isEmpty() || m_pinnedOnly;
}

bool TimelineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_timeline) {
        const TimelineRow &r = m_timeline->row(sourceRow);
        return (m_kinds & (1u << int(r.kind))) && (!m_pinnedOnly || r.pinned) &&
               (m_author.isEmpty() || m_authorMatcher.indexIn(r.author) >= 0) &&
               (m_text.isEmpty() || m_textMatcher.indexIn(r.text) >= 0);
    }
    const QAbstractItemModel *m = sourceModel();
    const auto at = [&](int column, int role) {
        return m->data(m->index(sourceRow, column, sourceParent), role);
    };
    const int kind = at(TimelineModel::Kind, TimelineModel::KindRole).toInt();
    return (m_kinds & (1u << kind)) &&
           (!m_pinnedOnly || at(TimelineModel::Pinned, TimelineModel::PinnedRole).toBool()) &&
           (m_author.isEmpty() ||
            m_authorMatcher.indexIn(at(TimelineModel::Author, Qt::DisplayRole).toString()) >= 0) &&
           (m_text.isEmpty() ||
            m_textMatcher.indexIn(
                at(TimelineModel::Text, TimelineModel::FullTextRole).toString()) >= 0);
}

bool TimelineFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_timeline)
        return QSortFilterProxyModel::lessThan(left, right);
    const TimelineRow &a = m_timeline->row(left.row());
    const TimelineRow &b = m_timeline->row(right.row());
    // Equal keys fall back to time, then to the model's order, so sorting is stable and
    // "by kind" reads as "by kind, then chronologically".
    int c = 0;
    switch (left.column()) {
    case TimelineModel::Kind:
        c = eventKindToString(a.kind).compare(eventKindToString(b.kind));
        break;
    case TimelineModel::Author:
        c = a.author.compare(b.author, Qt::CaseInsensitive);
        break;
    case TimelineModel::Text:
        c = a.text.compare(b.text, Qt::CaseInsensitive);
        break;
    case TimelineModel::Source:
        c = a.source.compare(b.source, Qt::CaseInsensitive);
        break;
    case TimelineModel::Pinned:
        c = int(a.pinned) - int(b.pinned);
        break;
    default:
        break;
    }
    if (c != 0)
        return c < 0;
    if (a.occurredMs != b.occurredMs)
        return a.occurredMs < b.occurredMs;
    return left.row() < right.row();
}

} // namespace idesk
