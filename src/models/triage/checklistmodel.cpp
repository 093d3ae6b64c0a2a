#include "checklistmodel.h"

#include "services/incidentservice.h"

#include <algorithm>

namespace idesk {

ChecklistModel::ChecklistModel(IncidentService &service, ChecklistKind kind, QObject *parent)
    : QAbstractTableModel(parent), m_service(service), m_kind(kind)
{
    connect(&m_service, &IncidentService::checklistChanged, this, [this](const QString &id) {
        if (id == m_incidentId)
            refresh();
    });
}

void ChecklistModel::setIncidentId(const QString &id)
{
    beginResetModel();
    m_incidentId = id;
    m_items = load();
    endResetModel();
}

std::vector<ChecklistItem> ChecklistModel::load() const
{
    std::vector<ChecklistItem> out;
    if (m_incidentId.isEmpty())
        return out;
    for (const ChecklistItem &c : m_service.checklist(m_incidentId)) {
        if (c.list == m_kind && !c.deleted)
            out.push_back(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const ChecklistItem &a, const ChecklistItem &b) {
        return a.position < b.position;
    });
    return out;
}

void ChecklistModel::refresh()
{
    std::vector<ChecklistItem> fresh = load();
    const bool sameRows =
        fresh.size() == m_items.size() &&
        std::equal(fresh.begin(), fresh.end(), m_items.begin(),
                   [](const ChecklistItem &a, const ChecklistItem &b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_items = std::move(fresh);
        endResetModel();
        return;
    }
    // Same items: update in place so a view keeps its selection and scroll position.
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (fresh[i] == m_items[i])
            continue;
        m_items[i] = fresh[i];
        const int row = int(i);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int ChecklistModel::checkedCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const ChecklistItem &c) { return c.checked; }));
}

QStringList ChecklistModel::uncheckedTexts() const
{
    QStringList out;
    for (const auto &c : m_items) {
        if (!c.checked)
            out << c.text;
    }
    return out;
}

const ChecklistItem *ChecklistModel::itemAt(int row) const
{
    if (row < 0 || row >= int(m_items.size()))
        return nullptr;
    return &m_items[std::size_t(row)];
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    const ChecklistItem *item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item || index.column() >= ColumnCount)
        return {};
    const QString when =
        item->checked && item->checkedAt.isValid()
            ? item->checkedAt.toUTC().toString(QStringLiteral("HH:mm")) + QStringLiteral(" UTC")
            : QString();
    switch (role) {
    case IdRole:
        return item->id;
    case CheckedRole:
        return item->checked;
    case Qt::CheckStateRole:
        if (index.column() == Text)
            return item->checked ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Text:
            return item->text;
        case CheckedBy:
            return item->checked ? item->checkedBy : QString();
        case CheckedAt:
            return when;
        }
        return {};
    case Qt::ToolTipRole:
        if (!item->checked)
            return tr("Not done yet");
        return tr("Checked by %1 at %2 (%3 local)")
            .arg(item->checkedBy, when,
                 item->checkedAt.toLocalTime().toString(QStringLiteral("HH:mm")));
    default:
        return {};
    }
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const ChecklistItem *item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item || role != Qt::CheckStateRole || index.column() != Text)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (checked == item->checked)
        return true;
    try {
        // The service's checklistChanged brings the stored state back through refresh().
        m_service.setChecklistItem(m_incidentId, item->id, checked);
    } catch (const StoreError &e) {
        Q_EMIT errorOccurred(e.message());
        return false;
    }
    return true;
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Text)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Text:
        return tr("Item");
    case CheckedBy:
        return tr("By");
    case CheckedAt:
        return tr("At");
    }
    return {};
}

} // namespace idesk
