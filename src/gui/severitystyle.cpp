#include "severitystyle.h"

#include "filledlabel.h"
#include "models/incidentlistmodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPushButton>
#include <QTextLayout>
#include <QToolButton>
#include <QWidget>
#include <algorithm>
#include <cmath>
#include <vector>

namespace idesk {

namespace {

double relativeLuminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

bool isDark(const QColor &c)
{
    return relativeLuminance(c) < 0.18; // where white and black text read about equally well
}

// Both what text sits on: the window (labels) and the base (lists, edits).
QColor onApplicationPalette(const QColor &fg)
{
    const QPalette pal = QGuiApplication::palette();
    return readableOn(readableOn(fg, pal.color(QPalette::Window)), pal.color(QPalette::Base));
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

namespace {

// The colour nearest fg (same hue, lighter or darker) that reads on bg.
QColor searchReadable(const QColor &fg, const QColor &bg)
{
    if (contrastRatio(fg, bg) >= kMinimumContrast)
        return fg;
    const bool lighten = isDark(bg);
    float h = 0, s = 0, l = 0, a = 0;
    fg.getHslF(&h, &s, &l, &a);
    for (int step = 1; step <= 20; ++step) {
        const float next =
            lighten ? l + (1.0f - l) * float(step) / 20.0f : l - l * float(step) / 20.0f;
        const QColor c = QColor::fromHslF(h, s, next, a);
        if (contrastRatio(c, bg) >= kMinimumContrast)
            return c;
    }
    return lighten ? QColor(Qt::white) : QColor(Qt::black);
}

} // namespace

QColor readableOn(const QColor &fg, const QColor &bg)
{
    // The same few pairs come back for every styled label and every list cell, and a pair
    // that needs a shade searched costs up to twenty tries: each answer is kept.
    struct Answer
    {
        QColor fg, bg, readable;
    };
    thread_local std::vector<Answer> answers;
    for (const Answer &a : answers) {
        if (a.fg == fg && a.bg == bg)
            return a.readable;
    }
    const QColor readable = searchReadable(fg, bg);
    if (answers.size() >= 64) // a bound for a theme switched back and forth
        answers.clear();
    answers.push_back({fg, bg, readable});
    return readable;
}

QColor textOnFill(const QColor &fill)
{
    return contrastRatio(Qt::white, fill) >= contrastRatio(Qt::black, fill) ? QColor(Qt::white)
                                                                            : QColor(Qt::black);
}

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::P0:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::P1:
        return QColor(0xbf, 0x36, 0x0c);
    case Severity::P2:
        return QColor(0x85, 0x69, 0x00);
    case Severity::P3:
        return QColor(0x45, 0x5a, 0x64);
    }
    return {};
}

QColor severityTextColor(Severity s)
{
    return onApplicationPalette(severityColor(s));
}

QString alertRed()
{
    return onApplicationPalette(QColor(0xc6, 0x28, 0x28)).name();
}

QString okGreen()
{
    return onApplicationPalette(QColor(0x2e, 0x7d, 0x32)).name();
}

QString linkBlue()
{
    return onApplicationPalette(QColor(0x15, 0x65, 0xc0)).name();
}

void styleText(QWidget *w, const QColor &color, int pointSize, bool bold)
{
    QPalette pal = w->palette();
    // A push button that is not flat draws its text on the button colour; labels and flat
    // buttons on the window behind them.
    const auto *push = qobject_cast<QPushButton *>(w);
    const bool onButton =
        push ? !push->isFlat()
             : qobject_cast<QAbstractButton *>(w) &&
                   !(qobject_cast<QToolButton *>(w) && static_cast<QToolButton *>(w)->autoRaise());
    // A filled label draws its text on its own fill, not on the window.
    const auto *filled = qobject_cast<FilledLabel *>(w);
    const QColor behind = filled && filled->background().isValid() ? filled->background()
                                                                   : pal.color(QPalette::Window);
    pal.setColor(QPalette::WindowText, readableOn(color, behind));
    pal.setColor(QPalette::ButtonText,
                 readableOn(color, pal.color(onButton ? QPalette::Button : QPalette::Window)));
    pal.setColor(QPalette::Text, readableOn(color, pal.color(QPalette::Base))); // line edits
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
        option->palette.setColor(QPalette::Text, readableOn(QColor(0x75, 0x75, 0x75),
                                                            option->palette.color(QPalette::Base)));
        return;
    }
    if (index.column() == IncidentListModel::Severity) {
        const auto sev = static_cast<Severity>(index.data(IncidentListModel::SeverityRole).toInt());
        option->palette.setColor(
            QPalette::Text, readableOn(severityColor(sev), option->palette.color(QPalette::Base)));
        option->font.setBold(true);
    }
}

void IncidentListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    constexpr auto notPlainText = QStyleOptionViewItem::HasDecoration |
                                  QStyleOptionViewItem::HasCheckIndicator |
                                  QStyleOptionViewItem::WrapText | QStyleOptionViewItem::HasDisplay;
    // More than one line (the delegate turns newlines into line separators) is rare in the list,
    // titles are single lines: the style lays it out.
    if ((opt.features & notPlainText) != QStyleOptionViewItem::HasDisplay ||
        (opt.state & QStyle::State_Editing) || opt.text.contains(QChar::LineSeparator) ||
        opt.text.contains(QLatin1Char('\n'))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    painter->save();
    painter->setClipRect(opt.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const bool selected = opt.state & QStyle::State_Selected;
    if (!opt.text.isEmpty()) {
        painter->setPen(
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        // The same margins, alignment and elision as the style's own item text.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::ManualWrap);
        textOption.setTextDirection(opt.direction);
        textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
        QTextLayout layout(opt.text, opt.font);
        layout.setTextOption(textOption);
        const auto layOut = [&] {
            layout.beginLayout();
            QTextLine line = layout.createLine();
            if (line.isValid()) {
                line.setLineWidth(textRect.width());
                line.setPosition(QPointF(0, 0));
            }
            layout.endLayout();
        };
        layOut();
        if (layout.lineAt(0).naturalTextWidth() > textRect.width()) {
            layout.setText(
                QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, textRect.width()));
            layOut();
        }
        const QRect layoutRect = QStyle::alignedRect(
            Qt::LayoutDirectionAuto, opt.displayAlignment & Qt::AlignVertical_Mask,
            layout.boundingRect().size().toSize(), textRect);
        layout.draw(painter, QPointF(textRect.x(), layoutRect.top()));
    }
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor =
            opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
}

} // namespace idesk
