#include "gui/timeline/timelinedelegate.h"

#include "core/types.h"
#include "models/timeline/timelinemodel.h"
#include "services/displaytext.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHelpEvent>
#include <QLineEdit>
#include <QTextDocument>
#include <QTimeZone>
#include <QToolTip>

namespace idesk {

QWidget *TimelineDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    switch (index.column()) {
    case TimelineModel::Occurred: {
        auto *edit = new QDateTimeEdit(parent);
        // The column shows UTC, so the editor edits UTC; local time is in the tooltip.
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setFrame(false);
        return edit;
    }
    case TimelineModel::Kind: {
        auto *combo = new QComboBox(parent);
        for (int k = 0; k < EventKindCount; ++k)
            combo->addItem(DisplayText::eventKind(static_cast<EventKind>(k)), k);
        combo->setFrame(false);
        return combo;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void TimelineDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *edit = qobject_cast<QDateTimeEdit *>(editor)) {
        edit->setDateTime(index.data(TimelineModel::OccurredAtRole).toDateTime().toUTC());
        return;
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(TimelineModel::KindRole)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void TimelineDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    if (auto *edit = qobject_cast<QDateTimeEdit *>(editor)) {
        QDateTime t = edit->dateTime();
        t.setTimeZone(QTimeZone::utc());
        model->setData(index, t, Qt::EditRole);
        return;
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData().toInt(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

bool TimelineDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString tip = index.data(Qt::ToolTipRole).toString();
    if (tip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return false;
    }
    QToolTip::showText(event->globalPos(), Qt::convertFromPlainText(tip, Qt::WhiteSpaceNormal),
                       view, option.rect);
    return true;
}

void TimelineDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(TimelineModel::PinnedRole).toBool())
        option->font.setBold(true);
}

} // namespace idesk
