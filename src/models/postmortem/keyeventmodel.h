#pragma once

#include "core/types.h"

#include <QAbstractListModel>
#include <QSet>
#include <optional>
#include <vector>

namespace idesk {

class IncidentService;

// The timeline of one incident as a checkable list: which events the post-mortem's Timeline
// section shows. Until the user ticks or unticks something, the selection follows the pinned
// events (selection() is unset); from then on it is the explicit list of event ids.
class KeyEventModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        EventIdRole = Qt::UserRole + 1, // the logical event id
        PinnedRole,                     // bool
        OccurredAtRole,                 // QDateTime, UTC
    };

    explicit KeyEventModel(IncidentService &service, QObject *parent = nullptr);

    QString incidentId() const { return m_incidentId; }
    void setIncidentId(const QString &incidentId);

    // nullopt = follow the pinned events.
    std::optional<QStringList> selection() const;
    void setSelection(const std::optional<QStringList> &eventIds);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // The user (or setSelection) changed which events are key events.
    void selectionChanged();

private:
    bool isChecked(const TimelineEvent &e) const;

    IncidentService &m_service;
    QString m_incidentId;
    std::vector<TimelineEvent> m_rows;
    bool m_explicit = false;
    bool m_anyPinned = false;
    QSet<QString> m_selected;
};

} // namespace idesk
