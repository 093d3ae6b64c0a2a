#include "contextbar.h"

#include "gui/flowlayout.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace idesk {

bool isProductionContext(const Profile &profile, const QString &context)
{
    return !context.isEmpty() && profile.kube.isProduction(context);
}

void askToLeaveReadOnly(QWidget *parent, const QString &context, bool production,
                        std::function<void()> leave)
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, ContextBar::tr("Enable mitigations?"),
        ContextBar::tr(
            "Mitigations change the running system in context %1%2. Each one still shows its "
            "command and asks you to type its target's name before it runs.\n\nLeave read-only "
            "mode?")
            .arg(context.isEmpty() ? ContextBar::tr("(the kubeconfig's current context)") : context,
                 production ? ContextBar::tr(" — a PRODUCTION context") : QString()),
        QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("leaveReadOnlyConfirm"));
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(ContextBar::tr("Enable mitigations"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, leave = std::move(leave)](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            leave();
    });
    box->open();
}

ContextBar::ContextBar(QWidget *parent)
    : QFrame(parent), m_badge(new QLabel(tr("PRODUCTION"), this)), m_where(new QLabel(this)),
      m_mode(new QLabel(this)), m_toggle(new QPushButton(this))
{
    setObjectName(QStringLiteral("contextBar"));
    m_badge->setObjectName(QStringLiteral("productionBadge"));
    m_where->setObjectName(QStringLiteral("contextLabel"));
    m_mode->setObjectName(QStringLiteral("modeLabel"));
    m_toggle->setObjectName(QStringLiteral("modeButton"));
    for (QLabel *l : {m_badge, m_where, m_mode}) {
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_badge->setStyleSheet(QStringLiteral(
        "QLabel { background: #b71c1c; color: white; font-weight: bold; padding: 2px 8px;"
        " border-radius: 3px; }"));
    m_badge->setAccessibleName(tr("Production context"));
    auto *flow = new FlowLayout(this);
    flow->setContentsMargins(8, 4, 8, 4);
    flow->setSpacing(14);
    flow->addWidget(m_badge);
    flow->addWidget(m_where);
    flow->addWidget(m_mode);
    flow->addWidget(m_toggle);
    connect(m_toggle, &QPushButton::clicked, this, &ContextBar::requestToggle);
    setAttribute(Qt::WA_StyledBackground);
    updateLook();
}

void ContextBar::setProfile(const Profile &profile)
{
    m_context = profile.kube.context;
    m_ns = profile.kube.ns;
    m_production = isProductionContext(profile, m_context);
    updateLook();
}

void ContextBar::setReadOnly(bool on)
{
    if (on == m_readOnly)
        return;
    m_readOnly = on;
    updateLook();
    Q_EMIT readOnlyChanged(on);
}

void ContextBar::requestToggle()
{
    if (!m_readOnly) {
        setReadOnly(true);
        return;
    }
    askToLeaveReadOnly(this, m_context, m_production, [this] { setReadOnly(false); });
}

void ContextBar::updateLook()
{
    m_badge->setVisible(m_production);
    m_where->setText(tr("Context: %1  ·  Namespace: %2")
                         .arg(m_context.isEmpty() ? tr("kubeconfig's current") : m_context,
                              m_ns.isEmpty() ? tr("(none)") : m_ns));
    m_mode->setText(m_readOnly ? tr("Read-only: mitigations are off") : tr("MITIGATIONS ENABLED"));
    m_toggle->setText(m_readOnly ? tr("Enable mitigations…") : tr("Back to read-only"));
    // Red for production and amber once mitigations are on; the words say both as well.
    const QString border =
        m_production ? QStringLiteral("#b71c1c") : QStringLiteral("palette(mid)");
    const QString bg =
        m_production ? QStringLiteral("#fdecea")
                     : (m_readOnly ? QStringLiteral("palette(window)") : QStringLiteral("#fff4e0"));
    setStyleSheet(QStringLiteral("QFrame#contextBar { background: %1; border: %2px solid %3;"
                                 " border-radius: 4px; }")
                      .arg(bg)
                      .arg(m_production ? 2 : 1)
                      .arg(border));
    m_mode->setStyleSheet(m_readOnly ? QStringLiteral("QLabel { padding: 2px 0px; }")
                                     : QStringLiteral("QLabel { background: #e65100; color: white;"
                                                      " font-weight: bold; padding: 2px 8px;"
                                                      " border-radius: 3px; }"));
}

} // namespace idesk
