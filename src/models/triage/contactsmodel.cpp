#include "contactsmodel.h"

#include "core/triage/escalation.h"
#include "services/incidentservice.h"

namespace idesk {

ContactsModel::ContactsModel(IncidentService &service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    connect(&m_service, &IncidentService::profileChanged, this, &ContactsModel::refresh);
    refresh();
}

void ContactsModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    const Profile &p = m_service.profile();
    for (const auto &c : p.onCall)
        m_rows.push_back({ContactGroup::OnCall, c});
    for (const auto &c : p.personnel)
        m_rows.push_back({ContactGroup::Personnel, c});
    for (const auto &c : p.vendors)
        m_rows.push_back({ContactGroup::Vendor, c});
    for (const auto &ch : p.channels) {
        Contact c;
        c.role = ch.kind;
        c.name = ch.name;
        c.via = ch.value;
        m_rows.push_back({ContactGroup::Channel, c});
    }
    endResetModel();
}

QString ContactsModel::groupName(ContactGroup g)
{
    switch (g) {
    case ContactGroup::OnCall:
        return tr("On-call");
    case ContactGroup::Personnel:
        return tr("Personnel");
    case ContactGroup::Vendor:
        return tr("Vendor");
    case ContactGroup::Channel:
        return tr("Channel");
    }
    return {};
}

QString ContactsModel::summary(const Contact &c)
{
    return triage::contactSummary(c);
}

int ContactsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContactsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const Contact &c = r.contact;
    auto cell = [&]() -> QString {
        switch (index.column()) {
        case Group:
            return groupName(r.group);
        case Role:
            return c.role;
        case Name:
            return c.name;
        case Phone:
            return c.phone;
        case Email:
            return c.email;
        case Via:
            return c.via;
        }
        return {};
    };
    switch (role) {
    case Qt::DisplayRole:
        return cell();
    case Qt::ToolTipRole:
        return tr("Click to copy: %1").arg(data(index, CopyRole).toString());
    case CopyRole: {
        const QString text = cell();
        const bool direct =
            index.column() == Phone || index.column() == Email || index.column() == Via;
        return direct && !text.isEmpty() ? text : summary(c);
    }
    case GroupRole:
        return int(r.group);
    default:
        return {};
    }
}

QVariant ContactsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Group:
        return tr("Group");
    case Role:
        return tr("Role");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Email:
        return tr("E-mail");
    case Via:
        return tr("Via");
    }
    return {};
}

} // namespace idesk
