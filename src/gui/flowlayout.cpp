#include "flowlayout.h"

#include <QBoxLayout>
#include <QEvent>
#include <QStyle>
#include <QWidget>
#include <algorithm>

namespace idesk {

FlowLayout::FlowLayout(QWidget *parent) : QLayout(parent) {}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

QWidget *FlowLayout::row(const QList<QWidget *> &widgets, QWidget *parent)
{
    auto *holder = new QWidget(parent);
    auto *flow = new FlowLayout(holder);
    flow->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        flow->addWidget(w);
    return holder;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else can move to a line of its own.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int width = 0;
    int height = 0;
    int shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++shown;
    }
    if (shown > 1)
        width += (shown - 1) * gap(Qt::Horizontal);
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::gap(Qt::Orientation o) const
{
    const int own = spacing();
    if (own >= 0)
        return own;
    const QWidget *parent = parentWidget();
    if (!parent)
        return 6;
    return parent->style()->pixelMetric(o == Qt::Horizontal ? QStyle::PM_LayoutHorizontalSpacing
                                                            : QStyle::PM_LayoutVerticalSpacing,
                                        nullptr, parent);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int hGap = gap(Qt::Horizontal);
    const int vGap = gap(Qt::Vertical);
    int y = area.top();
    QList<QLayoutItem *> line;
    int lineWidth = 0;
    int lineHeight = 0;

    const auto finishLine = [&] {
        if (apply) {
            int x = area.left();
            for (QLayoutItem *item : std::as_const(line)) {
                const QSize hint = item->sizeHint().boundedTo(QSize(area.width(), lineHeight));
                const int top = y + (lineHeight - hint.height()) / 2;
                item->setGeometry(QRect(QPoint(x, top), hint));
                x += hint.width() + hGap;
            }
        }
        y += lineHeight;
        line.clear();
        lineWidth = 0;
        lineHeight = 0;
    };

    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        const int needed = line.isEmpty() ? hint.width() : lineWidth + hGap + hint.width();
        if (!line.isEmpty() && needed > area.width()) {
            finishLine();
            y += vGap;
        }
        lineWidth = line.isEmpty() ? hint.width() : lineWidth + hGap + hint.width();
        lineHeight = std::max(lineHeight, hint.height());
        line.append(item);
    }
    if (!line.isEmpty())
        finishLine();
    const QMargins m = contentsMargins();
    return y - area.top() + m.top() + m.bottom();
}

namespace {

class NarrowStacker final : public QObject
{
public:
    NarrowStacker(QBoxLayout *box, QWidget *watched, int width)
        : QObject(watched), m_box(box), m_width(width)
    {
        watched->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize) {
            const auto direction = static_cast<QWidget *>(watched)->width() < m_width
                                       ? QBoxLayout::TopToBottom
                                       : QBoxLayout::LeftToRight;
            if (m_box->direction() != direction)
                m_box->setDirection(direction);
        }
        return false;
    }

private:
    QBoxLayout *m_box;
    int m_width;
};

} // namespace

void stackWhenNarrow(QBoxLayout *box, QWidget *watched, int width)
{
    new NarrowStacker(box, watched, width);
}

} // namespace idesk
