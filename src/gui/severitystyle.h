#pragma once

#include "core/types.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace idesk {

// One palette for severity across the window: list, badges, banners.
QColor severityColor(Severity s);

// Paints the incident list: severity in its colour and bold, resolved incidents greyed out.
class IncidentListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace idesk
