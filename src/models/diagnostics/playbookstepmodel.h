#pragma once

#include "core/playbooks/playbooks.h"

#include <QAbstractTableModel>
#include <QSet>

namespace idesk {

// One playbook's steps with their state for the selected incident. The model holds what it is
// given (the steps, their titles, the progress derived from the timeline, which steps are
// running); the page asks the service and hands the answers over.
class PlaybookStepModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number = 0,
        Step,
        Kind,
        State,
        ColumnCount
    };
    enum Role
    {
        StepIdRole = Qt::UserRole + 1,
        StateRole, // DisplayState as int, on every column
        KindRole,  // PlaybookStep::Kind as int
        CheckIdRole,
        NoteRole,
    };
    // What a step row shows: the timeline's state, or running while its check runs.
    enum class DisplayState
    {
        NotYet = 0,
        Done,
        Failed,
        Running
    };
    Q_ENUM(DisplayState)

    explicit PlaybookStepModel(QObject *parent = nullptr);

    // titles: one per step, as the service names them.
    void setPlaybook(const Playbook &playbook, const QStringList &titles);
    void setProgress(const playbooks::PlaybookProgress &progress);
    void setRunning(const QString &stepId, bool running);

    const Playbook &playbook() const { return m_playbook; }
    const playbooks::PlaybookProgress &progress() const { return m_progress; }
    int rowOf(const QString &stepId) const;
    DisplayState displayState(int row) const;
    static QString displayStateText(DisplayState s);
    // "3 of 7 done", with failures when there are any.
    QString progressText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    void rowChanged(int row);

    Playbook m_playbook;
    QStringList m_titles;
    playbooks::PlaybookProgress m_progress;
    QSet<QString> m_running;
};

} // namespace idesk
