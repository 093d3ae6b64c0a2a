#include "columnfit.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <algorithm>

namespace idesk {

int fitColumn(QTableView *view, int column, const QStringList &values)
{
    QHeaderView *header = view->horizontalHeader();
    const QStyle *style = view->style();
    const int headerMargin = style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int headerExtra = 3 * headerMargin + style->pixelMetric(QStyle::PM_HeaderMarkSize);
    const int cellExtra = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    const QString title =
        view->model() ? view->model()->headerData(column, Qt::Horizontal).toString() : QString();
    int width = header->fontMetrics().horizontalAdvance(title) + headerExtra;
    for (const QString &value : values)
        width = std::max(width, view->fontMetrics().horizontalAdvance(value) + cellExtra);
    width += 2;
    header->resizeSection(column, width);
    return width;
}

namespace {

class ReadableColumn final : public QObject
{
public:
    ReadableColumn(QTableView *view, int column, int minWidth, const QList<int> &giving,
                   int givingMin)
        : QObject(view), m_view(view), m_viewport(view->viewport()), m_column(column),
          m_minWidth(minWidth), m_giving(giving), m_givingMin(givingMin)
    {
        for (int c : giving)
            m_preferred << view->horizontalHeader()->sectionSize(c);
        view->viewport()->installEventFilter(this);
        share();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Compared with the viewport kept at the start: while the view is being destroyed its
        // viewport still sends events, and the view can no longer be asked for it.
        if (event->type() == QEvent::Resize && watched == m_viewport)
            share();
        return false;
    }

private:
    void share()
    {
        QHeaderView *header = m_view->horizontalHeader();
        int others = 0;
        for (int c = 0; c < header->count(); ++c) {
            if (c != m_column && !m_giving.contains(c) && !header->isSectionHidden(c))
                others += header->sectionSize(c);
        }
        const int room = m_view->viewport()->width() - others - m_minWidth;
        int given = 0;
        for (qsizetype i = 0; i < m_giving.size(); ++i) {
            const int share = std::max(m_givingMin, room / int(m_giving.size()));
            const int width = std::min(m_preferred.at(i), share);
            header->resizeSection(m_giving.at(i), width);
            given += width;
        }
        if (room - given >= 0) {
            header->setSectionResizeMode(m_column, QHeaderView::Stretch);
        } else {
            header->setSectionResizeMode(m_column, QHeaderView::Interactive);
            header->resizeSection(m_column, m_minWidth);
        }
    }

    QTableView *m_view;
    QObject *m_viewport;
    int m_column;
    int m_minWidth;
    QList<int> m_giving;
    int m_givingMin;
    QList<int> m_preferred;
};

} // namespace

void keepColumnReadable(QTableView *view, int column, int minWidth, const QList<int> &giving,
                        int givingMin)
{
    new ReadableColumn(view, column, minWidth, giving, givingMin);
}

} // namespace idesk
