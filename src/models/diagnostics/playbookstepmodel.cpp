#include "playbookstepmodel.h"

namespace idesk {

using playbooks::StepState;

PlaybookStepModel::PlaybookStepModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlaybookStepModel::setPlaybook(const Playbook &playbook, const QStringList &titles)
{
    beginResetModel();
    m_playbook = playbook;
    m_titles = titles;
    m_progress = playbooks::progress(m_playbook, {});
    m_running.clear();
    endResetModel();
}

void PlaybookStepModel::setProgress(const playbooks::PlaybookProgress &progress)
{
    if (progress.steps.size() != m_playbook.steps.size())
        return; // for another playbook: a stale answer
    m_progress = progress;
    if (!m_playbook.steps.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PlaybookStepModel::setRunning(const QString &stepId, bool running)
{
    const int row = rowOf(stepId);
    if (row < 0)
        return;
    const bool was = m_running.contains(stepId);
    if (was == running)
        return;
    if (running)
        m_running.insert(stepId);
    else
        m_running.remove(stepId);
    rowChanged(row);
}

int PlaybookStepModel::rowOf(const QString &stepId) const
{
    for (std::size_t i = 0; i < m_playbook.steps.size(); ++i) {
        if (m_playbook.steps[i].id == stepId)
            return static_cast<int>(i);
    }
    return -1;
}

PlaybookStepModel::DisplayState PlaybookStepModel::displayState(int row) const
{
    if (row < 0 || row >= rowCount())
        return DisplayState::NotYet;
    const auto r = static_cast<std::size_t>(row);
    if (m_running.contains(m_playbook.steps[r].id))
        return DisplayState::Running;
    switch (m_progress.steps[r].state) {
    case StepState::Done:
        return DisplayState::Done;
    case StepState::Failed:
        return DisplayState::Failed;
    case StepState::NotYet:
        break;
    }
    return DisplayState::NotYet;
}

QString PlaybookStepModel::displayStateText(DisplayState s)
{
    switch (s) {
    case DisplayState::Done:
        return tr("Done");
    case DisplayState::Failed:
        return tr("Failed");
    case DisplayState::Running:
        return tr("Running…");
    case DisplayState::NotYet:
        break;
    }
    return tr("Not yet");
}

QString PlaybookStepModel::progressText() const
{
    const QString done = tr("%1 of %2 done").arg(m_progress.done).arg(m_progress.total());
    if (m_progress.failed == 0)
        return done;
    return tr("%1, %n failed", nullptr, m_progress.failed).arg(done);
}

void PlaybookStepModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int PlaybookStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_playbook.steps.size());
}

int PlaybookStepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlaybookStepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const PlaybookStep &step = m_playbook.steps[row];
    const DisplayState state = displayState(index.row());
    switch (role) {
    case StepIdRole:
        return step.id;
    case StateRole:
        return static_cast<int>(state);
    case KindRole:
        return static_cast<int>(step.kind);
    case CheckIdRole:
        return step.check;
    case NoteRole:
        return step.note;
    case Qt::ToolTipRole: {
        const playbooks::StepProgress &p = m_progress.steps[row];
        QString tip = step.note;
        if (p.state != StepState::NotYet) {
            const QString when = p.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
            const QString line = p.ticked ? tr("Ticked by %1 at %2").arg(p.author, when)
                                          : tr("Recorded by %1 at %2").arg(p.author, when);
            tip = tip.isEmpty() ? line : tip + QLatin1Char('\n') + line;
        }
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number:
            return index.row() + 1;
        case Step:
            return m_titles.value(index.row(), step.id);
        case Kind:
            switch (step.kind) {
            case PlaybookStep::Kind::Check:
                return tr("Check");
            case PlaybookStep::Kind::Mitigation:
                return tr("Mitigation");
            case PlaybookStep::Kind::Manual:
                break;
            }
            return tr("Manual");
        case State:
            return displayStateText(state);
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant PlaybookStepModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("#");
    case Step:
        return tr("Step");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    default:
        break;
    }
    return {};
}

} // namespace idesk
