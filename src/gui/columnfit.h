#pragma once

#include <QStringList>

class QTableView;

namespace idesk {

// Sizes a table column to its header (sort arrow included) and to the widest of values, using
// the view's fonts and style, so a fixed column shows its text whole and no wider. Returns the
// width it set.
int fitColumn(QTableView *view, int column, const QStringList &values);

} // namespace idesk
