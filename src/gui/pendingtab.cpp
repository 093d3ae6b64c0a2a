#include "pendingtab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace idesk {

PendingTab::PendingTab(const QString &feature, const QString &plannedContent, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("%1 is not built yet.").arg(feature), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    auto *body = new QLabel(plannedContent, this);
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    for (auto *l : {title, body})
        l->setAlignment(Qt::AlignCenter);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(body);
    layout->addStretch();
}

} // namespace idesk
