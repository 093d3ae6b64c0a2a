#include "statuslight.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace idesk {

using State = CheckCatalogModel::State;

QColor stateColor(State s)
{
    switch (s) {
    case State::Pass:
        return QColor(0x2e, 0x7d, 0x32);
    case State::Fail:
    case State::Timeout:
    case State::Error:
        return QColor(0xc6, 0x28, 0x28);
    case State::Running:
        return QColor(0x15, 0x65, 0xc0);
    case State::Refused:
    case State::Cancelled:
        return QColor(0xef, 0x8f, 0x00);
    case State::NotRun:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

namespace {

QPixmap dot(State s, int size)
{
    const qreal dpr = 2.0; // crisp on high-DPI screens, scaled down on others
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(stateColor(s).darker(130), 1));
    p.setBrush(stateColor(s));
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pm;
}

} // namespace

QIcon stateIcon(State s)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(static_cast<int>(s));
    if (it == cache.end())
        it = cache.insert(static_cast<int>(s), QIcon(dot(s, 12)));
    return *it;
}

StatusLight::StatusLight(const QString &checkId, const QString &title, QWidget *parent)
    : QWidget(parent), m_checkId(checkId), m_title(title), m_dot(new QLabel(this)),
      m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("healthLight-") + checkId);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(6, 3, 8, 3);
    row->setSpacing(6);
    m_text->setTextFormat(Qt::PlainText);
    row->addWidget(m_dot);
    row->addWidget(m_text);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_StyledBackground);
    setState(State::NotRun);
}

QString StatusLight::statusText() const
{
    return CheckCatalogModel::stateText(m_state);
}

void StatusLight::setState(State s, const QString &detail)
{
    m_state = s;
    const int size = m_text->fontMetrics().height();
    m_dot->setPixmap(dot(s, size));
    m_text->setText(tr("%1: %2").arg(m_title, statusText()));
    setToolTip(detail.isEmpty() ? m_checkId : m_checkId + QLatin1Char('\n') + detail);
    const bool bad = s == State::Fail || s == State::Timeout || s == State::Error;
    QFont f = m_text->font();
    f.setBold(bad);
    m_text->setFont(f);
    setAccessibleName(m_text->text());
}

void StatusLight::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton && rect().contains(e->position().toPoint()))
        Q_EMIT clicked(m_checkId);
    QWidget::mouseReleaseEvent(e);
}

} // namespace idesk
