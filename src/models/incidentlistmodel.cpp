#include "incidentlistmodel.h"

#include "services/displaytext.h"
#include "services/incidentservice.h"

#include <unordered_map>

namespace idesk {

IncidentListModel::IncidentListModel(IncidentService &service, QObject *parent, int firstRows)
    : QAbstractTableModel(parent), m_service(service)
{
    m_rows = m_service.incidentSummaries(firstRows);
    m_complete = firstRows < 0 || int(m_rows.size()) < firstRows;
    connect(&m_service, &IncidentService::incidentsChanged, this, &IncidentListModel::refresh);
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentSummary &inc = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole:
        return inc.id;
    case StatusRole:
        return static_cast<int>(inc.status);
    case SeverityRole:
        return static_cast<int>(inc.severity);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity:
            return severityToString(inc.severity);
        case Title:
            return inc.title;
        case Status:
            return DisplayText::status(inc.status);
        case Channel:
            return inc.channel;
        case Started:
            return startedText(inc.startedAt);
        case Commander:
            return inc.commander;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Severity:
            return static_cast<int>(inc.severity);
        case Status:
            return static_cast<int>(inc.status);
        case Started:
            return inc.startedAt.toMSecsSinceEpoch();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == Started)
            return inc.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
        if (index.column() == Title)
            return inc.title;
        break;
    default:
        break;
    }
    return {};
}

QString IncidentListModel::startedText(const QDateTime &startedAt)
{
    return startedAt.toUTC().toString(QStringLiteral("MM-dd HH:mm 'UTC'"));
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Sev");
    case Title:
        return tr("Title");
    case Status:
        return tr("Status");
    case Channel:
        return tr("Channel");
    case Started:
        return tr("Started");
    case Commander:
        return tr("Commander");
    }
    return {};
}

int IncidentListModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

const IncidentSummary *IncidentListModel::incidentAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

void IncidentListModel::loadAll()
{
    if (!m_complete)
        refresh();
}

void IncidentListModel::refresh()
{
    std::vector<IncidentSummary> fresh = m_service.incidentSummaries();
    m_complete = true;
    std::unordered_map<QString, std::size_t> freshIndex;
    for (std::size_t i = 0; i < fresh.size(); ++i)
        freshIndex.emplace(fresh[i].id, i);

    // Remove rows that are gone, from the bottom so row numbers stay valid.
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!freshIndex.contains(m_rows[static_cast<std::size_t>(row)].id)) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
    // Update rows that stay, in place.
    std::unordered_map<QString, bool> present;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const IncidentSummary &now = fresh[freshIndex.at(m_rows[row].id)];
        present.emplace(now.id, true);
        if (!(now == m_rows[row])) {
            m_rows[row] = now;
            const int r = static_cast<int>(row);
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
    // Append the new ones.
    std::vector<IncidentSummary> added;
    for (const IncidentSummary &inc : fresh) {
        if (!present.contains(inc.id))
            added.push_back(inc);
    }
    if (!added.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows.insert(m_rows.end(), added.begin(), added.end());
        endInsertRows();
    }
}

} // namespace idesk
