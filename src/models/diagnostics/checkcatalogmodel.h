#pragma once

#include "core/profile.h"
#include "diagnostics/diagnosticresult.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <optional>
#include <vector>

namespace idesk {

// The profile's diagnostic checks as a two-level tree: groups in the order the profile (the
// runbook) first names them, each check under its group with its last status, when it last
// ran and how long that took. The model knows nothing about running: the tab tells it when a
// check starts and what came back.
class CheckCatalogModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Title = 0,
        Status,
        LastRun,
        Duration,
        ColumnCount
    };
    enum Role
    {
        CheckIdRole = Qt::UserRole + 1, // empty on group rows
        StateRole,                      // State as int, on every column of a check row
        DestructiveRole,
        GroupRole,
        SearchRole, // id, title, kind, group and command words, for the filter
    };
    // A check's last known state: the engine's statuses plus "never ran" and "running".
    enum class State
    {
        NotRun,
        Running,
        Pass,
        Fail,
        Timeout,
        Error,
        Refused,
        Cancelled
    };
    Q_ENUM(State)

    explicit CheckCatalogModel(QObject *parent = nullptr);

    // Keeps the last state of checks whose id is still there.
    void setChecks(const std::vector<DiagnosticCheck> &checks);
    void markRunning(const QString &checkId);
    void setResult(const diag::DiagnosticResult &result, const QDateTime &finishedAt);

    QStringList groups() const;
    std::vector<DiagnosticCheck> checksInGroup(const QString &group) const;
    const DiagnosticCheck *check(const QString &checkId) const;
    const DiagnosticCheck *check(const QModelIndex &index) const;
    State state(const QString &checkId) const;
    QModelIndex indexOf(const QString &checkId, int column = Title) const;
    QModelIndex groupIndex(const QString &group, int column = Title) const;

    static State stateOf(diag::RunStatus status);
    static QString stateText(State s);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Entry
    {
        DiagnosticCheck check;
        State state = State::NotRun;
        QDateTime lastRun;
        std::optional<qint64> durationMs;
        QString summary;
    };
    struct Group
    {
        QString name;
        std::vector<int> entries; // indexes into m_entries
    };
    int entryOf(const QString &checkId) const;
    void changed(int entry);
    QVariant groupData(int group, int column, int role) const;
    QVariant entryData(const Entry &e, int column, int role) const;

    std::vector<Entry> m_entries;
    std::vector<Group> m_groups;
    QHash<QString, int> m_byId;
};

} // namespace idesk
