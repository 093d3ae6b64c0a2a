#pragma once

#include <QList>
#include <QStringList>

class QTableView;

namespace idesk {

// Sizes a table column to its header (sort arrow included) and to the widest of values, using
// the view's fonts and style, so a fixed column shows its text whole and no wider. Returns the
// width it set.
int fitColumn(QTableView *view, int column, const QStringList &values);

// Keeps the stretching `column` at least minWidth wide as the view narrows: the `giving` columns
// shrink first, down to givingMin each, and below that the table scrolls sideways rather than
// cut the column to a letter or two. Call once the columns have their preferred widths.
void keepColumnReadable(QTableView *view, int column, int minWidth, const QList<int> &giving,
                        int givingMin);

} // namespace idesk
