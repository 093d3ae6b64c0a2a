#include "checkcatalogmodel.h"

#include <QLocale>

namespace idesk {

namespace {

// Group rows carry 0 as internal id; a check row carries its group's row + 1, which is all
// parent() needs.
constexpr quintptr kGroupRow = 0;

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return CheckCatalogModel::tr("%1 ms").arg(ms);
    return CheckCatalogModel::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

bool isBad(CheckCatalogModel::State s)
{
    using S = CheckCatalogModel::State;
    return s == S::Fail || s == S::Timeout || s == S::Error;
}

} // namespace

CheckCatalogModel::CheckCatalogModel(QObject *parent) : QAbstractItemModel(parent) {}

void CheckCatalogModel::setChecks(const std::vector<DiagnosticCheck> &checks)
{
    beginResetModel();
    std::vector<Entry> old = std::move(m_entries);
    const QHash<QString, int> oldIds = std::move(m_byId);
    m_entries.clear();
    m_groups.clear();
    m_byId.clear();
    for (const DiagnosticCheck &c : checks) {
        if (m_byId.contains(c.id))
            continue; // the profile loader refuses duplicates; a second row would confuse runs
        Entry e;
        if (const auto it = oldIds.constFind(c.id); it != oldIds.cend())
            e = old[static_cast<std::size_t>(*it)];
        e.check = c;
        const int idx = static_cast<int>(m_entries.size());
        m_entries.push_back(std::move(e));
        m_byId.insert(c.id, idx);
        auto g = std::find_if(m_groups.begin(), m_groups.end(),
                              [&](const Group &gr) { return gr.name == c.group; });
        if (g == m_groups.end()) {
            m_groups.push_back(Group{c.group, {}});
            g = std::prev(m_groups.end());
        }
        g->entries.push_back(idx);
    }
    endResetModel();
}

int CheckCatalogModel::entryOf(const QString &checkId) const
{
    return m_byId.value(checkId, -1);
}

void CheckCatalogModel::changed(int entry)
{
    const QString id = m_entries[static_cast<std::size_t>(entry)].check.id;
    Q_EMIT dataChanged(indexOf(id, 0), indexOf(id, ColumnCount - 1));
    const QString group = m_entries[static_cast<std::size_t>(entry)].check.group;
    // The group row's status sums up its checks.
    Q_EMIT dataChanged(groupIndex(group, Status), groupIndex(group, Status));
}

void CheckCatalogModel::markRunning(const QString &checkId)
{
    const int i = entryOf(checkId);
    if (i < 0)
        return;
    m_entries[static_cast<std::size_t>(i)].state = State::Running;
    changed(i);
}

void CheckCatalogModel::setResult(const diag::DiagnosticResult &result, const QDateTime &finishedAt)
{
    const int i = entryOf(result.check);
    if (i < 0)
        return;
    Entry &e = m_entries[static_cast<std::size_t>(i)];
    e.state = stateOf(result.status);
    e.lastRun = finishedAt;
    e.durationMs = result.durationMs;
    e.summary = result.summary;
    changed(i);
}

QStringList CheckCatalogModel::groups() const
{
    QStringList out;
    for (const Group &g : m_groups)
        out << g.name;
    return out;
}

std::vector<DiagnosticCheck> CheckCatalogModel::checksInGroup(const QString &group) const
{
    std::vector<DiagnosticCheck> out;
    for (const Group &g : m_groups) {
        if (g.name != group)
            continue;
        for (int i : g.entries)
            out.push_back(m_entries[static_cast<std::size_t>(i)].check);
    }
    return out;
}

const DiagnosticCheck *CheckCatalogModel::check(const QString &checkId) const
{
    const int i = entryOf(checkId);
    return i < 0 ? nullptr : &m_entries[static_cast<std::size_t>(i)].check;
}

const DiagnosticCheck *CheckCatalogModel::check(const QModelIndex &index) const
{
    return check(index.data(CheckIdRole).toString());
}

CheckCatalogModel::State CheckCatalogModel::state(const QString &checkId) const
{
    const int i = entryOf(checkId);
    return i < 0 ? State::NotRun : m_entries[static_cast<std::size_t>(i)].state;
}

QModelIndex CheckCatalogModel::indexOf(const QString &checkId, int column) const
{
    const int i = entryOf(checkId);
    if (i < 0)
        return {};
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto &rows = m_groups[g].entries;
        const auto it = std::find(rows.begin(), rows.end(), i);
        if (it != rows.end())
            return createIndex(static_cast<int>(it - rows.begin()), column,
                               static_cast<quintptr>(g + 1));
    }
    return {};
}

QModelIndex CheckCatalogModel::groupIndex(const QString &group, int column) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].name == group)
            return createIndex(static_cast<int>(g), column, kGroupRow);
    }
    return {};
}

CheckCatalogModel::State CheckCatalogModel::stateOf(diag::RunStatus status)
{
    switch (status) {
    case diag::RunStatus::Pass:
        return State::Pass;
    case diag::RunStatus::Fail:
        return State::Fail;
    case diag::RunStatus::Timeout:
        return State::Timeout;
    case diag::RunStatus::Error:
        return State::Error;
    case diag::RunStatus::Refused:
        return State::Refused;
    case diag::RunStatus::Cancelled:
        return State::Cancelled;
    }
    return State::Error;
}

QString CheckCatalogModel::stateText(State s)
{
    switch (s) {
    case State::NotRun:
        return tr("not run");
    case State::Running:
        return tr("running…");
    case State::Pass:
        return tr("pass");
    case State::Fail:
        return tr("FAIL");
    case State::Timeout:
        return tr("TIMEOUT");
    case State::Error:
        return tr("ERROR");
    case State::Refused:
        return tr("refused");
    case State::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QModelIndex CheckCatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_groups.size()))
            return {};
        return createIndex(row, column, kGroupRow);
    }
    if (parent.internalId() != kGroupRow || parent.column() != 0 ||
        parent.row() >= static_cast<int>(m_groups.size()))
        return {};
    if (row >= static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].entries.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex CheckCatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupRow);
}

int CheckCatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != kGroupRow || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].entries.size());
}

int CheckCatalogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CheckCatalogModel::groupData(int group, int column, int role) const
{
    const Group &g = m_groups[static_cast<std::size_t>(group)];
    if (role == GroupRole || role == SearchRole)
        return g.name;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (column == Title)
        return tr("%1 (%2)").arg(g.name).arg(g.entries.size());
    if (column != Status)
        return {};
    int bad = 0, pass = 0;
    for (int i : g.entries) {
        const State s = m_entries[static_cast<std::size_t>(i)].state;
        bad += isBad(s) ? 1 : 0;
        pass += s == State::Pass ? 1 : 0;
    }
    if (bad > 0)
        return tr("%n failing", nullptr, bad);
    if (pass == static_cast<int>(g.entries.size()))
        return tr("all pass");
    return {};
}

QVariant CheckCatalogModel::entryData(const Entry &e, int column, int role) const
{
    switch (role) {
    case CheckIdRole:
        return e.check.id;
    case StateRole:
        return static_cast<int>(e.state);
    case DestructiveRole:
        return e.check.destructive;
    case GroupRole:
        return e.check.group;
    case SearchRole:
        return QStringList{e.check.id,
                           e.check.title,
                           e.check.kind,
                           e.check.group,
                           e.check.args.join(QLatin1Char(' ')),
                           e.check.url,
                           e.check.host}
            .join(QLatin1Char(' '));
    case Qt::DisplayRole:
        switch (column) {
        case Title:
            return e.check.destructive ? tr("%1 [changes %2]").arg(e.check.title, e.check.target)
                                       : e.check.title;
        case Status:
            return stateText(e.state);
        case LastRun:
            return e.lastRun.isValid()
                       ? e.lastRun.toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                       : QString();
        case Duration:
            return e.durationMs ? durationText(*e.durationMs) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case Title:
            return tr("%1 · %2 check").arg(e.check.id, e.check.kind);
        case Status:
            return e.summary.isEmpty() ? QVariant() : QVariant(e.summary);
        case LastRun:
            return e.lastRun.isValid() ? QVariant(e.lastRun.toUTC().toString(
                                             QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")))
                                       : QVariant();
        default:
            return {};
        }
    case Qt::EditRole:
        if (column == LastRun)
            return e.lastRun;
        if (column == Duration)
            return e.durationMs ? QVariant(*e.durationMs) : QVariant();
        return entryData(e, column, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant CheckCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupRow)
        return groupData(index.row(), index.column(), role);
    const Group &g = m_groups[static_cast<std::size_t>(index.internalId() - 1)];
    const int entry = g.entries[static_cast<std::size_t>(index.row())];
    return entryData(m_entries[static_cast<std::size_t>(entry)], index.column(), role);
}

QVariant CheckCatalogModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Check");
    case Status:
        return tr("Status");
    case LastRun:
        return tr("Last run");
    case Duration:
        return tr("Took");
    default:
        return {};
    }
}

QHash<int, QByteArray> CheckCatalogModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractItemModel::roleNames();
    r.insert(CheckIdRole, "checkId");
    r.insert(StateRole, "state");
    r.insert(DestructiveRole, "destructive");
    r.insert(GroupRole, "group");
    r.insert(SearchRole, "search");
    return r;
}

} // namespace idesk
