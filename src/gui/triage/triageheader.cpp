#include "triageheader.h"

#include "core/triage/messages.h"
#include "core/triage/triageformat.h"
#include "gui/filledlabel.h"
#include "gui/flowlayout.h"
#include "gui/severitystyle.h"
#include "panelwidgets.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace idesk {

using namespace triage;
using triagepanel::buttonText;
using triagepanel::plainLabel;

namespace {

// Fixed foreground and background pairs, so the clocks read the same on light and dark themes.
void setClock(FilledLabel *label, ClockState state, const QString &text)
{
    label->setText(text);
    const QString name = clockStateToString(state);
    if (label->property("clockState").toString() == name)
        return;
    label->setProperty("clockState", name);
    switch (state) {
    case ClockState::Ok:
        label->setColors(QColor(0xec, 0xef, 0xf1), QColor(0x26, 0x32, 0x38));
        break;
    case ClockState::Amber:
        label->setColors(QColor(0xff, 0xb3, 0x00), Qt::black);
        break;
    case ClockState::Red:
        label->setColors(QColor(alertRed()), Qt::white);
        break;
    case ClockState::Done:
        label->setColors(QColor(0xe8, 0xf5, 0xe9), QColor(okGreen()));
        break;
    }
}

// A countdown in the header: large, bold, on its state's colour.
FilledLabel *clockLabel(QWidget *parent)
{
    auto *l = new FilledLabel(parent);
    l->setPadding(12, 6);
    QFont f = l->font();
    f.setPointSize(13);
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

TriageHeader::TriageHeader(const IncidentService &service, QWidget *parent)
    : QWidget(parent), m_service(service)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);

    auto *top = new QHBoxLayout;
    m_badge = new FilledLabel(this);
    m_badge->setObjectName(QStringLiteral("severityBadge"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setRadius(6);
    m_badge->setPadding(14, 4);
    styleText(m_badge, Qt::white, 22, true);
    m_badge->setMinimumWidth(110);
    top->addWidget(m_badge);

    auto *titles = new QVBoxLayout;
    m_title = plainLabel(this);
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSize(17);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    // Selectable from enableTitleSelection(): a selectable label keeps its text in a document
    // that the layout lays out again at every width it tries, several times before the first
    // frame.
    titles->addWidget(m_title);
    auto *sub = new QHBoxLayout;
    m_channelButton = new QPushButton(this);
    m_channelButton->setObjectName(QStringLiteral("channelButton"));
    m_channelButton->setAccessibleName(tr("Incident channel"));
    m_channelButton->setFlat(true);
    m_channelButton->setCursor(Qt::PointingHandCursor);
    m_channelButton->setToolTip(tr("Click to copy the channel name"));
    styleText(m_channelButton, QColor(linkBlue()), 0, true);
    connect(m_channelButton, &QPushButton::clicked, this, &TriageHeader::copyChannelRequested);
    sub->addWidget(m_channelButton);
    m_subtitle = plainLabel(this); // wraps in a narrow window
    m_subtitle->setObjectName(QStringLiteral("incidentSubtitle"));
    sub->addWidget(m_subtitle, 1);
    titles->addLayout(sub);
    top->addLayout(titles, 1);

    v->addLayout(top);

    // The clocks wrap onto a second line in a narrow window rather than widen it.
    auto *clocks = new FlowLayout;
    m_elapsedClock = clockLabel(this);
    m_elapsedClock->setObjectName(QStringLiteral("elapsedClock"));
    m_elapsedClock->setToolTip(tr("Time since the incident started"));
    clocks->addWidget(m_elapsedClock);
    m_ackClock = clockLabel(this);
    m_ackClock->setObjectName(QStringLiteral("ackClock"));
    m_ackClock->setToolTip(tr("Acknowledge within the severity's response time"));
    clocks->addWidget(m_ackClock);
    m_ackButton = new QPushButton(tr("Acknowledge"), this);
    m_ackButton->setObjectName(QStringLiteral("ackButton"));
    m_ackButton->setToolTip(tr("Acknowledge the incident (Ctrl+K)"));
    connect(m_ackButton, &QPushButton::clicked, this, &TriageHeader::acknowledgeRequested);
    clocks->addWidget(m_ackButton);
    m_updateClock = clockLabel(this);
    m_updateClock->setObjectName(QStringLiteral("updateClock"));
    m_updateClock->setToolTip(tr("Next stakeholder update, counted from the last message sent"));
    clocks->addWidget(m_updateClock);
    auto *copyAlertButton = new QPushButton(tr("Copy alert"), this);
    copyAlertButton->setObjectName(QStringLiteral("copyAlertButton"));
    copyAlertButton->setToolTip(tr("Copy the alert message as plain text (Ctrl+Shift+C)"));
    connect(copyAlertButton, &QPushButton::clicked, this, &TriageHeader::copyAlertRequested);
    clocks->addWidget(copyAlertButton);
    v->addLayout(clocks);

    // The status buttons in a box of their own, so the room beside them can be measured; they
    // wrap rather than widen the window (the German names need more than half a laptop screen).
    m_statusBox = new QWidget(this);
    auto *status = new FlowLayout(m_statusBox);
    status->setContentsMargins(0, 0, 0, 0);
    status->addWidget(new QLabel(tr("Status:"), m_statusBox));
    for (int i = 0; i < IncidentStatusCount; ++i) {
        const auto st = static_cast<IncidentStatus>(i);
        if (i > 0) {
            auto *arrow = new QLabel(QStringLiteral("→"), m_statusBox);
            styleText(arrow, QColor(0x90, 0xa4, 0xae));
            status->addWidget(arrow);
        }
        auto *b = new QPushButton(DisplayText::status(st), m_statusBox);
        b->setObjectName(QStringLiteral("status%1").arg(statusToString(st)));
        b->setToolTip(st == IncidentStatus::Resolved
                          ? tr("Resolve: confirm recovery first (the checklist can be overridden "
                               "with a reason)")
                          : tr("Set the status to %1").arg(DisplayText::status(st)));
        connect(b, &QPushButton::clicked, this, [this, st] { Q_EMIT statusRequested(st); });
        m_statusButtons[std::size_t(i)] = b;
        status->addWidget(b);
    }
    m_statusRow = new QHBoxLayout;
    m_statusRow->addWidget(m_statusBox);
    m_statusRow->addStretch(1);
    v->addLayout(m_statusRow);

    // "Copied …", "Escalated to …" and errors: beside the status buttons where the row has
    // room for them, else on a line of their own that is always kept. Where it goes follows
    // the width alone, so a text appearing or going never moves the rows; beside the title
    // they were clipped in a narrow window and pushed the rows about.
    m_feedback = plainLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    styleText(m_feedback, QColor(okGreen())); // showError turns it red for a while
    m_feedbackLine = new QVBoxLayout;
    m_feedbackLine->setContentsMargins(0, 0, 0, 0);
    v->addLayout(m_feedbackLine);
    placeFeedback(false);

    m_banner = new FilledLabel(this);
    m_banner->setObjectName(QStringLiteral("overdueBanner"));
    m_banner->setWordWrap(true);
    m_banner->setPadding(6, 6);
    m_banner->setColors(QColor(alertRed()), Qt::white);
    styleText(m_banner, Qt::white, 0, true);
    m_banner->hide();
    v->addWidget(m_banner);
}

void TriageHeader::enableTitleSelection()
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void TriageHeader::placeFeedback(bool besideStatus)
{
    if (m_placed && m_feedbackBesideStatus == besideStatus)
        return;
    m_placed = true;
    m_feedbackBesideStatus = besideStatus;
    m_feedbackLine->removeWidget(m_feedback);
    m_statusRow->removeWidget(m_feedback);
    // Beside the buttons the text takes all the room left, so it wraps only when it must.
    m_statusRow->setStretch(1, besideStatus ? 0 : 1);
    if (besideStatus) {
        m_feedback->setMinimumHeight(0);
        m_feedback->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_statusRow->addWidget(m_feedback, 1);
    } else {
        m_feedback->setMinimumHeight(m_feedback->fontMetrics().lineSpacing());
        m_feedback->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        m_feedbackLine->addWidget(m_feedback);
    }
}

void TriageHeader::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateFeedbackPlace();
}

void TriageHeader::updateFeedbackPlace()
{
    // Room for the usual texts ("Escalated to L2 (Engineering lead)") beside the buttons; an
    // error longer than that wraps there, as it would on a line of its own.
    const int room = width() - m_statusBox->sizeHint().width() - m_statusRow->spacing();
    placeFeedback(room >= 40 * m_feedback->fontMetrics().averageCharWidth());
}

void TriageHeader::setIncident(const Incident &in)
{
    m_incident = in;
    const SeverityDef *def = m_service.profile().severity(in.severity);
    m_badge->setText(severityToString(in.severity) +
                     (def ? QLatin1Char('\n') + def->label : QString()));
    m_badge->setColors(severityColor(in.severity), Qt::white);
    m_title->setText(in.title);
    m_channelButton->setText(buttonText(in.channel));
    m_channelButton->setVisible(!in.channel.isEmpty());
    m_subtitle->setText(tr("%1 · started %2 (%3 local) · commander %4 · L%5 engaged")
                            .arg(DisplayText::status(in.status), formatUtcMinute(in.startedAt),
                                 in.startedAt.toLocalTime().toString(QStringLiteral("HH:mm")),
                                 commanderHandle(in.commander))
                            .arg(in.escalationLevel));

    for (int i = 0; i < IncidentStatusCount; ++i) {
        QPushButton *b = m_statusButtons[std::size_t(i)];
        const auto s = static_cast<IncidentStatus>(i);
        const bool isCurrent = s == in.status;
        const bool passed = i < int(in.status);
        b->setText((passed ? QStringLiteral("✓ ") : QString()) + DisplayText::status(s));
        b->setProperty("current", isCurrent);
        clearTextStyle(b);
        if (isCurrent) { // filled in the link colour (green once resolved), white and bold
            QPalette pal = b->palette();
            pal.setColor(QPalette::Button,
                         QColor(in.status == IncidentStatus::Resolved ? okGreen() : linkBlue()));
            b->setPalette(pal);
            styleText(b, Qt::white, 0, true);
        }
    }
    updateFeedbackPlace(); // the ticks widen the buttons
}

void TriageHeader::setClocks(const IncidentClocks &c)
{
    if (!m_incident)
        return;
    const Incident &in = *m_incident;
    setClock(m_elapsedClock,
             in.status == IncidentStatus::Resolved ? ClockState::Done : ClockState::Ok,
             tr("%1 since start").arg(formatCountdown(c.elapsedSecs)));

    const Countdown &ack = c.acknowledge;
    QString ackText;
    if (!ack.deadline.isValid())
        ackText = tr("No response time for %1").arg(severityToString(in.severity));
    else if (in.acknowledgedAt.isValid())
        ackText = (ack.late ? tr("Acknowledged late at %1") : tr("✓ Acknowledged at %1"))
                      .arg(in.acknowledgedAt.toUTC().toString(QStringLiteral("HH:mm 'UTC'")));
    else if (ack.state == ClockState::Done)
        ackText = tr("Resolved without acknowledgement");
    else if (ack.state == ClockState::Red)
        ackText = tr("Acknowledge SLA missed by %1").arg(formatCountdown(-ack.remainingSecs));
    else
        ackText = tr("Acknowledge within %1").arg(formatCountdown(ack.remainingSecs));
    setClock(m_ackClock, ack.state, ackText);
    m_ackButton->setVisible(!in.acknowledgedAt.isValid() && in.status != IncidentStatus::Resolved);

    const Countdown &upd = c.nextUpdate;
    QString updText;
    if (!upd.deadline.isValid() || upd.state == ClockState::Done)
        updText = tr("No further updates due");
    else if (upd.state == ClockState::Red)
        updText = tr("Update overdue by %1").arg(formatCountdown(-upd.remainingSecs));
    else
        updText = tr("Next update in %1").arg(formatCountdown(upd.remainingSecs));
    setClock(m_updateClock, upd.state, updText);
}

void TriageHeader::setOverdue(const QStringList &texts)
{
    m_banner->setText(QStringLiteral("⚠ ") + texts.join(QStringLiteral("\n⚠ ")));
    m_banner->setVisible(!texts.isEmpty());
}

void TriageHeader::showFeedback(const QString &text)
{
    m_feedback->setText(text);
}

void TriageHeader::clearFeedback()
{
    m_feedback->clear();
}

void TriageHeader::showError(const QString &text)
{
    styleText(m_feedback, QColor(alertRed()), 0, true);
    m_feedback->setText(text);
    QTimer::singleShot(8000, m_feedback, [label = m_feedback] {
        clearTextStyle(label);
        styleText(label, QColor(okGreen())); // back to the colour of "Copied …"
    });
}

} // namespace idesk
