#include "commspanel.h"

#include "core/triage/triageformat.h"
#include "gui/flowlayout.h"
#include "gui/severitystyle.h"
#include "panelwidgets.h"
#include "services/incidentservice.h"
#include "services/triage/webhookposter.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>
#include <array>

namespace idesk {

using namespace triage;
using triagepanel::plainLabel;

CommsPanel::CommsPanel(const IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Communications"), parent), m_service(service),
      m_kindGroup(new QButtonGroup(this))
{
    auto *v = new QVBoxLayout(this);
    auto *kinds = new QHBoxLayout;
    const std::array<std::pair<MessageKind, QString>, 3> names{
        {{MessageKind::Alert, tr("Alert")},
         {MessageKind::Update, tr("Update")},
         {MessageKind::Resolved, tr("Resolved")}}};
    for (const auto &[kind, label] : names) {
        auto *r = new QRadioButton(label, this);
        r->setObjectName(QStringLiteral("kind_") + messageKindToString(kind));
        m_kindGroup->addButton(r, int(kind));
        kinds->addWidget(r);
    }
    m_kindGroup->button(int(MessageKind::Alert))->setChecked(true);
    kinds->addStretch(1);
    auto *rerender = new QPushButton(tr("Re-render"), this);
    rerender->setObjectName(QStringLiteral("rerenderButton"));
    rerender->setToolTip(tr("Discard edits and render the message again from the incident"));
    connect(rerender, &QPushButton::clicked, this, &CommsPanel::rerenderRequested);
    kinds->addWidget(rerender);
    v->addLayout(kinds);
    connect(m_kindGroup, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT kindChosen(static_cast<MessageKind>(id)); });

    m_messageEdit = new QPlainTextEdit(this);
    m_messageEdit->setObjectName(QStringLiteral("messageEdit"));
    m_messageEdit->setMinimumHeight(240);
    m_messageEdit->setTabChangesFocus(true);
    connect(m_messageEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText)
            m_edited = true;
    });
    v->addWidget(m_messageEdit);

    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyButton"));
    copy->setToolTip(tr("Copy as plain text"));
    connect(copy, &QPushButton::clicked, this, &CommsPanel::copyRequested);
    auto *slack = new QPushButton(tr("Copy for Slack"), this);
    slack->setObjectName(QStringLiteral("copySlackButton"));
    slack->setToolTip(tr("Copy as Slack mrkdwn (Ctrl+Shift+L)"));
    connect(slack, &QPushButton::clicked, this, &CommsPanel::copySlackRequested);
    auto *sent = new QPushButton(tr("Mark as sent"), this);
    sent->setObjectName(QStringLiteral("markSentButton"));
    sent->setToolTip(tr("Store the message on the timeline and restart the update clock "
                        "(Ctrl+Return)"));
    connect(sent, &QPushButton::clicked, this, &CommsPanel::markSentRequested);
    m_postButton = new QPushButton(tr("Post to webhook"), this);
    m_postButton->setObjectName(QStringLiteral("postButton"));
    connect(m_postButton, &QPushButton::clicked, this, &CommsPanel::postRequested);
    v->addWidget(FlowLayout::row({copy, slack, sent, m_postButton}, this));
    m_commsStatus = plainLabel(this);
    m_commsStatus->setObjectName(QStringLiteral("commsStatus"));
    v->addWidget(m_commsStatus);
    m_webhookStatus = plainLabel(this);
    m_webhookStatus->setObjectName(QStringLiteral("webhookStatus"));
    v->addWidget(m_webhookStatus);
}

void CommsPanel::setIncident(const Incident &)
{
    m_edited = false;
    m_webhookStatus->clear();
}

void CommsPanel::reloadProfile()
{
    const Profile &p = m_service.profile();
    const bool hasWebhook = !p.webhookUrl.trimmed().isEmpty();
    m_postButton->setEnabled(hasWebhook);
    m_postButton->setToolTip(hasWebhook
                                 ? tr("Mark as sent and post to %1").arg(QUrl(p.webhookUrl).host())
                                 : tr("No webhookUrl in the profile"));
}

MessageKind CommsPanel::messageKind() const
{
    const int id = m_kindGroup->checkedId();
    return id < 0 ? MessageKind::Alert : static_cast<MessageKind>(id);
}

void CommsPanel::showMessageKind(MessageKind kind)
{
    if (QAbstractButton *b = m_kindGroup->button(int(kind)))
        b->setChecked(true);
}

QString CommsPanel::messageText() const
{
    return m_messageEdit->toPlainText();
}

void CommsPanel::setRenderedText(const QString &text)
{
    if (text != m_messageEdit->toPlainText() || m_edited) {
        m_settingText = true;
        m_messageEdit->setPlainText(text);
        m_settingText = false;
    }
    m_edited = false;
}

void CommsPanel::setLastMessageAt(const QDateTime &sentAt)
{
    m_commsStatus->setText(sentAt.isValid()
                               ? tr("Last message sent at %1.").arg(formatUtcMinute(sentAt))
                               : tr("No message sent yet."));
}

void CommsPanel::showPosting()
{
    clearTextStyle(m_webhookStatus);
    m_webhookStatus->setText(tr("Posting to the webhook…"));
}

void CommsPanel::showWebhookResult(const WebhookResult &r)
{
    if (r.ok) {
        clearTextStyle(m_webhookStatus);
        styleText(m_webhookStatus, QColor(okGreen()));
        m_webhookStatus->setText(tr("Posted to the webhook (HTTP %1).").arg(r.httpStatus));
    } else {
        styleText(m_webhookStatus, QColor(alertRed()), 0, true);
        m_webhookStatus->setText(tr("Webhook post failed: %1 The message is kept on the timeline; "
                                    "copy it and post by hand.")
                                     .arg(r.error));
    }
}

} // namespace idesk
