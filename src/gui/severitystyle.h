#pragma once

#include "core/types.h"

#include <QColor>
#include <QStyledItemDelegate>

class QWidget;

namespace idesk {

// Readable colours on light and dark palettes alike: every text colour below keeps a contrast
// of at least 4.5:1 (WCAG AA) against what it is drawn on.

// WCAG 2 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
inline constexpr double kMinimumContrast = 4.5;
// fg itself when it reads on bg; otherwise fg, same hue, lighter on a dark background or darker
// on a light one until it does.
QColor readableOn(const QColor &fg, const QColor &bg);
// White or black, whichever reads better on a filled background.
QColor textOnFill(const QColor &fill);

// One colour per severity across the window, saturated enough to fill a badge or a checked
// button under white text in any palette.
QColor severityColor(Severity s);
// The same severity as text on the application palette's window or base.
QColor severityTextColor(Severity s);

// The few signal colours every tab shares as text on the application palette: alert (a missed
// deadline, an error), ok (done, saved) and link (something to click or copy), as "#rrggbb"
// (also for style sheets). A fill in one of them gets its text colour from textOnFill().
QString alertRed();
QString okGreen();
QString linkBlue();

// Text colour (and size, weight) of a label, button or line edit through the palette and font:
// unlike a style sheet, nothing to parse or polish, which matters for what is built before the
// first paint and what changes every second. The colour is made readable on what the widget is
// drawn on (readableOn). clearTextStyle() gives the widget its parent's colour and font back.
void styleText(QWidget *w, const QColor &color, int pointSize = 0, bool bold = false);
void clearTextStyle(QWidget *w);

// Paints the incident list: severity in its colour and bold, resolved incidents greyed out.
// A plain text cell is drawn the way the style draws it, with one text layout instead of the
// style's three (its size, its elision, its drawing): the list is most of the first frame.
class IncidentListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace idesk
