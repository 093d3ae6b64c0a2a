#include "panelwidgets.h"

#include <QLabel>
#include <QLayout>
#include <QLineEdit>

namespace idesk::triagepanel {

QLabel *plainLabel(QWidget *parent, bool wrap)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(wrap);
    return l;
}

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QString buttonText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

void setLine(QLineEdit *edit, const QString &text)
{
    if (edit->hasFocus() && edit->text() != text)
        return;
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace idesk::triagepanel
