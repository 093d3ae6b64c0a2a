#include "columnfit.h"

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

} // namespace idesk
