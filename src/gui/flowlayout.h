#pragma once

#include <QLayout>
#include <QList>

class QBoxLayout;

namespace idesk {

// Lays its items out left to right at their preferred widths and starts a new line when the
// width runs out, so a row of clocks or buttons fits a narrow window (half a laptop screen beside
// the chat) instead of widening it. Items on a line are centred vertically.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    // A widget holding these widgets in a flow without margins: a row of buttons that can sit
    // in a box layout beside fixed parts and wraps instead of forcing the window wider.
    static QWidget *row(const QList<QWidget *> &widgets, QWidget *parent = nullptr);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items inside rect (when apply) and returns the height they take.
    int arrange(const QRect &rect, bool apply) const;
    int gap(Qt::Orientation o) const;

    QList<QLayoutItem *> m_items;
};

// Turns `box` top to bottom while `watched` is narrower than `width` pixels and back left to
// right when it is not: for a row whose first field would otherwise shrink to a letter or two.
void stackWhenNarrow(QBoxLayout *box, QWidget *watched, int width);

} // namespace idesk
