#pragma once

#include "core/types.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace idesk {

// One palette for severity across the window: list, badges, banners.
QColor severityColor(Severity s);

// The few signal colours every tab shares: alert (a missed deadline, an error), ok (done,
// saved) and link (something to click or copy), as "#rrggbb" for style sheets.
QString alertRed();
QString okGreen();
QString linkBlue();
// A plain-text label in a signal colour: "QLabel{color:…;}", bold when it must stand out.
QString labelColorStyle(const QString &color, bool bold = false);

// Paints the incident list: severity in its colour and bold, resolved incidents greyed out.
class IncidentListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace idesk
