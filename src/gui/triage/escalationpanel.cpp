#include "escalationpanel.h"

#include "core/triage/triageformat.h"
#include "gui/severitystyle.h"
#include "panelwidgets.h"
#include "services/incidentservice.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace idesk {

using namespace triage;
using triagepanel::buttonText;
using triagepanel::plainLabel;

EscalationPanel::EscalationPanel(const IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Escalation"), parent), m_service(service)
{
    auto *v = new QVBoxLayout(this);
    m_engaged = plainLabel(this);
    m_engaged->setObjectName(QStringLiteral("escalationEngaged"));
    m_due = plainLabel(this);
    m_due->setObjectName(QStringLiteral("escalationDue"));
    m_next = plainLabel(this);
    m_next->setObjectName(QStringLiteral("escalationNext"));
    v->addWidget(m_engaged);
    v->addWidget(m_due);
    v->addWidget(m_next);
    auto *callLabel = new QLabel(tr("Whom to call (click to copy):"), this);
    v->addWidget(callLabel);
    m_contacts = new QVBoxLayout;
    m_contacts->setSpacing(0);
    v->addLayout(m_contacts);
    m_escalateButton = new QPushButton(this);
    m_escalateButton->setObjectName(QStringLiteral("escalateButton"));
    m_escalateButton->setToolTip(tr("Escalate now (Ctrl+E); lands on the timeline"));
    connect(m_escalateButton, &QPushButton::clicked, this, &EscalationPanel::escalateRequested);
    v->addWidget(m_escalateButton, 0, Qt::AlignLeft);
}

QString EscalationPanel::levelName(const Profile &p, int level)
{
    const EscalationLevel *l = p.level(level);
    return l ? tr("L%1 %2").arg(level).arg(l->title) : tr("L%1").arg(level);
}

void EscalationPanel::setIncident(const Incident &)
{
    m_contactsLevel = -1;
}

void EscalationPanel::reloadProfile()
{
    m_contactsLevel = -1;
}

void EscalationPanel::setStatus(const EscalationStatus &esc)
{
    const Profile &p = m_service.profile();
    const EscalationLevel *engaged = p.level(esc.engagedLevel);
    m_engaged->setText(
        tr("Engaged: %1%2")
            .arg(levelName(p, esc.engagedLevel), engaged && !engaged->authority.isEmpty()
                                                     ? tr(" — may: %1").arg(engaged->authority)
                                                     : QString()));
    if (esc.stopped) {
        m_due->setText(tr("Resolved: escalation stopped."));
        clearTextStyle(m_due);
    } else if (esc.escalationNeeded()) {
        m_due->setText(tr("⚠ Escalate now to %1 — %2 (due since %3)")
                           .arg(levelName(p, esc.dueLevel),
                                esc.firedRule ? esc.firedRule->reason : QString(),
                                formatUtcMinute(esc.dueSince)));
        styleText(m_due, QColor(alertRed()), 0, true);
    } else {
        m_due->setText(tr("No escalation due."));
        clearTextStyle(m_due);
    }
    if (esc.nextLevel) {
        const qint64 left = m_service.clock().now().secsTo(esc.nextDueAt);
        m_next->setText(tr("Next: %1 at %2 (in %3) — %4")
                            .arg(levelName(p, *esc.nextLevel), formatUtcMinute(esc.nextDueAt),
                                 formatCountdown(left),
                                 esc.nextRule ? esc.nextRule->reason : QString()));
    } else {
        m_next->setText(esc.stopped ? QString() : tr("Next: nothing further is scheduled."));
    }
    if (esc.contactLevel != m_contactsLevel) {
        m_contactsLevel = esc.contactLevel;
        triagepanel::clearLayout(m_contacts);
        const auto contacts =
            esc.contacts.empty() ? contactsForLevel(p, esc.contactLevel) : esc.contacts;
        for (const Contact &ct : contacts) {
            const QString summary = contactSummary(ct);
            auto *b = new QPushButton(buttonText(summary), this);
            b->setFlat(true);
            b->setCursor(Qt::PointingHandCursor);
            b->setStyleSheet(
                QStringLiteral("QPushButton{text-align:left;color:%1;}").arg(linkBlue()));
            const QString copyValue = !ct.phone.isEmpty() ? ct.phone : summary;
            b->setToolTip(tr("Click to copy %1").arg(copyValue));
            connect(b, &QPushButton::clicked, this,
                    [this, copyValue] { Q_EMIT copyRequested(copyValue, tr("contact")); });
            m_contacts->addWidget(b);
        }
        if (contacts.empty())
            m_contacts->addWidget(
                new QLabel(tr("No contacts for this level in the profile."), this));
    }
    const int target = escalationTarget(esc, p);
    m_escalateButton->setEnabled(!esc.stopped && target > esc.engagedLevel);
    m_escalateButton->setText(target > esc.engagedLevel
                                  ? tr("Escalate to %1").arg(buttonText(levelName(p, target)))
                                  : tr("Highest level engaged"));
    m_escalateButton->setStyleSheet(
        esc.escalationNeeded() ? QStringLiteral("QPushButton{background:%1;"
                                                "color:%2;font-weight:bold;}")
                                     .arg(alertRed(), textOnFill(QColor(alertRed())).name())
                               : QString());
}

} // namespace idesk
