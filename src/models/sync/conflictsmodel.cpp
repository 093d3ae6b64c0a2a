#include "models/sync/conflictsmodel.h"

#include "services/incidentservice.h"

#include <QLocale>

namespace idesk {

namespace {

constexpr int kCellChars = 120;
constexpr int kTipChars = 2000;

QString valueText(const std::optional<QString> &v, int limit)
{
    if (!v)
        return QObject::tr("(none)");
    if (v->isEmpty())
        return QObject::tr("(empty)");
    QString text = limit == kCellChars ? v->simplified() : *v;
    if (text.size() > limit)
        text = text.left(limit - 1) + QChar(0x2026);
    return text;
}

} // namespace

ConflictsModel::ConflictsModel(IncidentService &service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    connect(&m_service, &IncidentService::conflictsChanged, this, &ConflictsModel::refresh);
    refresh();
}

void ConflictsModel::refresh()
{
    beginResetModel();
    m_rows = m_service.conflicts(m_showReviewed);
    endResetModel();
}

void ConflictsModel::setShowReviewed(bool on)
{
    if (on == m_showReviewed)
        return;
    m_showReviewed = on;
    refresh();
}

int ConflictsModel::rowOf(const QString &conflictId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == conflictId)
            return int(i);
    }
    return -1;
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConflictsModel::recordText(const SyncConflict &c) const
{
    if (c.entity == QStringLiteral("incidents"))
        return c.field;
    if (c.entity == QStringLiteral("checklist_items"))
        return tr("checklist item: %1").arg(c.field);
    if (c.entity == QStringLiteral("action_items"))
        return tr("action item: %1").arg(c.field);
    if (c.entity == QStringLiteral("postmortems"))
        return tr("post-mortem: %1").arg(c.field);
    return c.entity + QLatin1Char('.') + c.field;
}

QString ConflictsModel::whoText(const SyncConflict &c) const
{
    if (c.loserSite == m_service.store().siteId())
        return tr("this computer");
    return tr("site %1").arg(c.loserSite.left(8));
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncConflict &c = m_rows[std::size_t(index.row())];
    if (role == IdRole)
        return c.id;
    if (role == ReviewedRole)
        return c.reviewed;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    switch (index.column()) {
    case IncidentColumn: {
        const auto inc = m_service.incident(c.incidentId);
        const QString name = inc ? inc->channel : c.incidentId.left(8);
        return tip && inc ? inc->title : name;
    }
    case FieldColumn:
        return recordText(c) + (c.reviewed && !tip ? tr(" (reviewed)") : QString());
    case MineColumn:
        return valueText(c.mine, tip ? kTipChars : kCellChars);
    case TheirsColumn:
        return valueText(c.theirs, tip ? kTipChars : kCellChars);
    case WhoColumn:
        return tip ? c.loserSite : whoText(c);
    case WhenColumn:
        return QLocale().toString(c.detectedAt.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")) +
               QStringLiteral(" UTC");
    default:
        return {};
    }
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case IncidentColumn:
        return tr("Incident");
    case FieldColumn:
        return tr("Field");
    case MineColumn:
        return tr("Mine (lost)");
    case TheirsColumn:
        return tr("Theirs (kept)");
    case WhoColumn:
        return tr("Lost by");
    case WhenColumn:
        return tr("When");
    default:
        return {};
    }
}

} // namespace idesk
