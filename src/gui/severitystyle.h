#pragma once

#include "core/types.h"

#include <QColor>
#include <QStyledItemDelegate>

class QWidget;

namespace idesk {

// One palette for severity across the window: list, badges, banners.
QColor severityColor(Severity s);

// The few signal colours every tab shares: alert (a missed deadline, an error), ok (done,
// saved) and link (something to click or copy), as "#rrggbb" (also for the style sheets of
// buttons with a checked or filled look).
QString alertRed();
QString okGreen();
QString linkBlue();

// Text colour (and size, weight) of a label, button or line edit through the palette and font:
// unlike a style sheet, nothing to parse or polish, which matters for what is built before the
// first paint and what changes every second. clearTextStyle() gives the widget its parent's colour
// and font back.
void styleText(QWidget *w, const QColor &color, int pointSize = 0, bool bold = false);
void clearTextStyle(QWidget *w);

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
