#include "filledlabel.h"

#include "severitystyle.h"

#include <QPainter>

namespace idesk {

FilledLabel::FilledLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText); // outside text (titles, profile names) stays plain
}

void FilledLabel::setColors(const QColor &background, const QColor &text)
{
    // A fill in a signal colour follows the palette, so its text must follow the fill.
    const QColor readable = background.isValid() ? readableOn(text, background) : text;
    if (background == m_background && readable == textColor())
        return;
    m_background = background;
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, readable);
    setPalette(pal);
    update();
}

QColor FilledLabel::textColor() const
{
    return palette().color(QPalette::WindowText);
}

void FilledLabel::setPadding(int horizontal, int vertical)
{
    setContentsMargins(horizontal, vertical, horizontal, vertical);
}

void FilledLabel::paintEvent(QPaintEvent *event)
{
    if (m_background.isValid() || m_border.isValid()) {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(m_border.isValid() ? QPen(m_border, 1) : QPen(Qt::NoPen));
        p.setBrush(m_background.isValid() ? QBrush(m_background) : QBrush(Qt::NoBrush));
        // Half a pixel in, so a one-pixel border lands on whole pixels.
        p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), m_radius, m_radius);
    }
    QLabel::paintEvent(event);
}

} // namespace idesk
