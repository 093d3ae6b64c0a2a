#pragma once

#include <QFrame>
#include <QString>

namespace idesk {

// One line of plain text that gives way when space is short: the middle is elided ("/home/…/
// incidents.sqlite") and the tooltip shows it all. It never widens the window it sits in.
class ElidedLabel final : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // What is painted at the current width.
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
};

} // namespace idesk
