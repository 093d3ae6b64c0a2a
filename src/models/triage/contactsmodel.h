#pragma once

#include "core/profile.h"

#include <QAbstractTableModel>
#include <vector>

namespace idesk {

class IncidentService;

// Whom to call and where to write, from the profile: on-call rotation, key personnel, vendors and
// communication channels, one row each. CopyRole gives the text a click copies.
class ContactsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Group = 0,
        Role,
        Name,
        Phone,
        Email,
        Via,
        ColumnCount
    };
    enum ItemRole
    {
        CopyRole = Qt::UserRole + 1, // phone/e-mail/via of that cell, or a one-line summary
        GroupRole,                   // ContactGroup as int
    };
    enum class ContactGroup
    {
        OnCall = 0,
        Personnel,
        Vendor,
        Channel
    };

    explicit ContactsModel(IncidentService &service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static QString groupName(ContactGroup g);
    // "Primary — +1-555-0123 — PagerDuty": what a click on the name copies.
    static QString summary(const Contact &c);

public Q_SLOTS:
    void refresh();

private:
    struct Row
    {
        ContactGroup group;
        Contact contact;
    };
    IncidentService &m_service;
    std::vector<Row> m_rows;
};

} // namespace idesk
