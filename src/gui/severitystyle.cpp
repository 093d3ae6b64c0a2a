#include "severitystyle.h"

#include "models/incidentlistmodel.h"

#include <QWidget>

namespace idesk {

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::P0:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::P1:
        return QColor(0xe6, 0x51, 0x00);
    case Severity::P2:
        return QColor(0xb2, 0x8b, 0x00);
    case Severity::P3:
        return QColor(0x45, 0x5a, 0x64);
    }
    return {};
}

QString alertRed()
{
    return QStringLiteral("#c62828");
}

QString okGreen()
{
    return QStringLiteral("#2e7d32");
}

QString linkBlue()
{
    return QStringLiteral("#1565c0");
}

void styleText(QWidget *w, const QColor &color, int pointSize, bool bold)
{
    QPalette pal = w->palette();
    pal.setColor(QPalette::WindowText, color);
    pal.setColor(QPalette::ButtonText, color);
    pal.setColor(QPalette::Text, color); // what a line edit shows
    w->setPalette(pal);
    if (pointSize > 0 || bold) {
        QFont f = w->font();
        if (pointSize > 0)
            f.setPointSize(pointSize);
        f.setBold(bold);
        w->setFont(f);
    }
}

void clearTextStyle(QWidget *w)
{
    // Default-constructed: nothing set explicitly, so both resolve to the parent's again.
    w->setPalette(QPalette());
    w->setFont(QFont());
}

void IncidentListDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool resolved = index.data(IncidentListModel::StatusRole).toInt() ==
                          static_cast<int>(IncidentStatus::Resolved);
    if (resolved) {
        option->palette.setColor(QPalette::Text, QColor(0x75, 0x75, 0x75));
        return;
    }
    if (index.column() == IncidentListModel::Severity) {
        const auto sev = static_cast<Severity>(index.data(IncidentListModel::SeverityRole).toInt());
        option->palette.setColor(QPalette::Text, severityColor(sev));
        option->font.setBold(true);
    }
}

} // namespace idesk
