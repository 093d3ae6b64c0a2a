#pragma once

#include <QColor>
#include <QLabel>

namespace idesk {

// A label on a filled, rounded background in fixed colours: the triage header's clocks, severity
// badge and overdue banner, the window's error banner. It paints the fill itself instead of
// taking a style sheet, so these widgets cost no style-sheet parsing and polishing, neither
// before the first paint nor when a clock changes colour.
class FilledLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FilledLabel(QWidget *parent = nullptr);

    // An invalid background paints no fill; the text keeps the palette's colour then.
    void setColors(const QColor &background, const QColor &text);
    QColor background() const { return m_background; }
    QColor textColor() const;
    void setBorder(const QColor &color) { m_border = color; }
    void setRadius(int pixels) { m_radius = pixels; }
    // Room between the fill's edge and the text.
    void setPadding(int horizontal, int vertical);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_background;
    QColor m_border;
    int m_radius = 4;
};

} // namespace idesk
