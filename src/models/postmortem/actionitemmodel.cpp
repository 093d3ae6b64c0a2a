#include "actionitemmodel.h"

#include "core/postmortem/reports.h"
#include "services/incidentservice.h"

#include <algorithm>
#include <limits>

namespace idesk {

namespace {

// Items without a due date sort after every dated one.
constexpr qint64 kNoDue = std::numeric_limits<qint64>::max();

bool sameContent(const ActionItem &a, const ActionItem &b)
{
    return a.description == b.description && a.owner == b.owner && a.due == b.due &&
           a.status == b.status;
}

} // namespace

ActionItemModel::ActionItemModel(IncidentService &service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    connect(&m_service, &IncidentService::actionItemsChanged, this,
            &ActionItemModel::onActionItemsChanged);
}

void ActionItemModel::setIncidentId(const QString &incidentId)
{
    if (incidentId == m_incidentId)
        return;
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    if (!m_incidentId.isEmpty())
        m_rows = m_service.actionItems(m_incidentId);
    std::erase_if(m_rows, [](const ActionItem &a) { return a.deleted; });
    endResetModel();
}

void ActionItemModel::onActionItemsChanged(const QString &incidentId)
{
    if (incidentId == m_incidentId)
        refresh();
}

// Updates in place where it can (edits, appended items, removals), so the view keeps its
// selection and scroll position; anything else (e.g. a synced item that sorts in the middle)
// resets.
void ActionItemModel::refresh()
{
    std::vector<ActionItem> fresh;
    if (!m_incidentId.isEmpty())
        fresh = m_service.actionItems(m_incidentId);
    std::erase_if(fresh, [](const ActionItem &a) { return a.deleted; });

    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const QString &id = m_rows[std::size_t(row)].id;
        const bool kept = std::any_of(fresh.begin(), fresh.end(),
                                      [&id](const ActionItem &a) { return a.id == id; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }

    const bool prefix =
        m_rows.size() <= fresh.size() &&
        std::equal(m_rows.begin(), m_rows.end(), fresh.begin(),
                   [](const ActionItem &a, const ActionItem &b) { return a.id == b.id; });
    if (!prefix) {
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
        return;
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const bool changed = !sameContent(m_rows[i], fresh[i]);
        m_rows[i] = fresh[i];
        if (changed)
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
    if (fresh.size() > m_rows.size()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, int(fresh.size()) - 1);
        m_rows.insert(m_rows.end(), fresh.begin() + first, fresh.end());
        endInsertRows();
    }
}

int ActionItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActionItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActionItemModel::statusLabel(ActionStatus s)
{
    switch (s) {
    case ActionStatus::Open:
        return tr("Open");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::Done:
        return tr("Done");
    }
    return {};
}

bool ActionItemModel::overdue(const ActionItem &a) const
{
    return isOverdue(a, m_service.clock().now().toUTC().date());
}

QVariant ActionItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActionItem &a = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Description:
            return a.description;
        case Owner:
            return a.owner;
        case Due:
            return a.due.isValid() ? a.due.toString(Qt::ISODate) : tr("not set");
        case Status:
            return statusLabel(a.status);
        }
        return {};
    case Qt::EditRole:
        switch (column) {
        case Description:
            return a.description;
        case Owner:
            return a.owner;
        case Due:
            // the date editor needs a date to start from; a week ahead is a sensible first due
            return a.due.isValid() ? a.due : m_service.clock().now().toUTC().date().addDays(7);
        case Status:
            return int(a.status);
        }
        return {};
    case Qt::ToolTipRole:
        if (overdue(a))
            return tr("Overdue since %1").arg(a.due.toString(Qt::ISODate));
        if (column == Owner && a.owner.trimmed().isEmpty())
            return tr("Every action item needs an owner");
        if (column == Due && !a.due.isValid())
            return tr("Every action item needs a due date");
        return {};
    case IdRole:
        return a.id;
    case OverdueRole:
        return overdue(a);
    case StatusRole:
        return int(a.status);
    case SortRole:
        switch (column) {
        case Description:
            return a.description.toCaseFolded();
        case Owner:
            return a.owner.trimmed().toCaseFolded();
        case Due:
            return a.due.isValid() ? a.due.toJulianDay() : kNoDue;
        case Status:
            return qint64(a.status);
        }
        return {};
    default:
        return {};
    }
}

QVariant ActionItemModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Description:
        return tr("Description");
    case Owner:
        return tr("Owner");
    case Due:
        return tr("Due");
    case Status:
        return tr("Status");
    }
    return {};
}

Qt::ItemFlags ActionItemModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool ActionItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    ActionItem changed = m_rows[std::size_t(index.row())];
    switch (index.column()) {
    case Description: {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return false;
        changed.description = text;
        break;
    }
    case Owner:
        changed.owner = value.toString().trimmed();
        break;
    case Due: {
        if (value.typeId() == QMetaType::QDate) {
            changed.due = value.toDate();
        } else {
            const QString text = value.toString().trimmed();
            const QDate d = QDate::fromString(text, Qt::ISODate);
            if (!text.isEmpty() && !d.isValid())
                return false;
            changed.due = d;
        }
        break;
    }
    case Status: {
        std::optional<ActionStatus> s;
        bool isInt = false;
        const int n = value.toInt(&isInt);
        if (value.typeId() != QMetaType::QString && isInt && n >= 0 && n <= int(ActionStatus::Done))
            s = static_cast<ActionStatus>(n);
        else
            s = actionStatusFromString(value.toString());
        if (!s)
            return false;
        changed.status = *s;
        break;
    }
    default:
        return false;
    }
    if (sameContent(changed, m_rows[std::size_t(index.row())]))
        return true;
    m_service.updateActionItem(changed); // refresh() follows through actionItemsChanged
    // The signal may be queued or filtered elsewhere; the row must show the edit regardless.
    const int row = rowOf(changed.id);
    if (row >= 0 && !sameContent(m_rows[std::size_t(row)], changed)) {
        m_rows[std::size_t(row)] = changed;
        Q_EMIT dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    }
    return true;
}

const ActionItem *ActionItemModel::itemAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[std::size_t(row)];
}

int ActionItemModel::rowOf(const QString &itemId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == itemId)
            return int(i);
    return -1;
}

int ActionItemModel::addItem(const QString &description, const QString &owner, const QDate &due)
{
    if (m_incidentId.isEmpty())
        return -1;
    const ActionItem added = m_service.addActionItem(m_incidentId, description, owner, due);
    if (rowOf(added.id) < 0)
        refresh();
    return rowOf(added.id);
}

bool ActionItemModel::removeItem(int row)
{
    const ActionItem *a = itemAt(row);
    if (!a)
        return false;
    ActionItem gone = *a;
    gone.deleted = true;
    m_service.updateActionItem(gone);
    if (rowOf(gone.id) >= 0)
        refresh();
    return true;
}

} // namespace idesk
