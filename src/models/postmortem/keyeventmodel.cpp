#include "keyeventmodel.h"

#include "core/postmortem/evidence.h"
#include "services/incidentservice.h"

#include <algorithm>

namespace idesk {

KeyEventModel::KeyEventModel(IncidentService &service, QObject *parent)
    : QAbstractListModel(parent), m_service(service)
{
    connect(&m_service, &IncidentService::eventsChanged, this, [this](const QString &incidentId) {
        if (incidentId == m_incidentId)
            refresh();
    });
}

void KeyEventModel::setIncidentId(const QString &incidentId)
{
    if (incidentId == m_incidentId)
        return;
    m_incidentId = incidentId;
    m_explicit = false;
    m_selected.clear();
    refresh();
}

void KeyEventModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    if (!m_incidentId.isEmpty()) {
        EventQuery q;
        q.incidentId = m_incidentId;
        m_rows = m_service.events(q);
    }
    m_anyPinned =
        std::any_of(m_rows.begin(), m_rows.end(), [](const TimelineEvent &e) { return e.pinned; });
    endResetModel();
}

std::optional<QStringList> KeyEventModel::selection() const
{
    if (!m_explicit)
        return std::nullopt;
    QStringList ids;
    QSet<QString> listed;
    for (const TimelineEvent &e : m_rows) {
        if (m_selected.contains(e.eventId)) {
            ids << e.eventId;
            listed.insert(e.eventId);
        }
    }
    // ids of events not loaded (deleted, or not synced yet) are kept, not silently dropped
    for (const QString &id : m_selected)
        if (!listed.contains(id))
            ids << id;
    return ids;
}

void KeyEventModel::setSelection(const std::optional<QStringList> &eventIds)
{
    m_explicit = eventIds.has_value();
    m_selected.clear();
    if (eventIds)
        m_selected = QSet<QString>(eventIds->cbegin(), eventIds->cend());
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::CheckStateRole});
    Q_EMIT selectionChanged();
}

bool KeyEventModel::isChecked(const TimelineEvent &e) const
{
    // Matches keyEventRefs: the pinned events, or every event while none is pinned.
    return m_explicit ? m_selected.contains(e.eventId) : (e.pinned || !m_anyPinned);
}

int KeyEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant KeyEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEvent &e = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        QString text = e.text;
        if (e.kind == EventKind::Diagnostic)
            if (const auto ev = parseDiagnosticText(e.text))
                text = QStringLiteral("$ ") + ev->command;
        text = text.section(QLatin1Char('\n'), 0, 0);
        return e.occurredAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
               QStringLiteral(" UTC  ") + (e.pinned ? QStringLiteral("★ ") : QString()) + text;
    }
    case Qt::ToolTipRole:
        return e.text;
    case Qt::CheckStateRole:
        return isChecked(e) ? Qt::Checked : Qt::Unchecked;
    case EventIdRole:
        return e.eventId;
    case PinnedRole:
        return e.pinned;
    case OccurredAtRole:
        return e.occurredAt.toUTC();
    default:
        return {};
    }
}

Qt::ItemFlags KeyEventModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
           Qt::ItemNeverHasChildren;
}

bool KeyEventModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool on = value.toInt() == Qt::Checked;
    const TimelineEvent &e = m_rows[std::size_t(index.row())];
    if (on == isChecked(e))
        return true;
    if (!m_explicit) {
        // the first edit turns the default into an explicit list, starting from it
        for (const TimelineEvent &r : m_rows)
            if (isChecked(r))
                m_selected.insert(r.eventId);
        m_explicit = true;
    }
    if (on)
        m_selected.insert(e.eventId);
    else
        m_selected.remove(e.eventId);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT selectionChanged();
    return true;
}

} // namespace idesk
