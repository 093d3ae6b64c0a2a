#include "impactpanel.h"

#include "core/triage/impact.h"
#include "gui/severitystyle.h"
#include "panelwidgets.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace idesk {

using namespace triage;
using triagepanel::plainLabel;

namespace {

// -1 is "not set": the spin box shows its special text there.
QDoubleSpinBox *optionalSpin(double max, int decimals, const QString &suffix, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(-1, max);
    spin->setDecimals(decimals);
    spin->setSpecialValueText(ImpactPanel::tr("not set"));
    spin->setSuffix(suffix);
    spin->setValue(-1);
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    spin->setMinimumWidth(140);
    return spin;
}

std::optional<double> spinValue(const QDoubleSpinBox *spin)
{
    if (spin->value() <= spin->minimum())
        return std::nullopt;
    return spin->value();
}

void setSpin(QDoubleSpinBox *spin, std::optional<double> v)
{
    if (spin->hasFocus())
        return; // being edited: the commit on editingFinished brings it back
    spin->setValue(v ? *v : spin->minimum());
}

} // namespace

ImpactPanel::ImpactPanel(const IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Impact assessment"), parent), m_service(service)
{
    auto *v = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_impactEdit = new QLineEdit(this);
    m_impactEdit->setObjectName(QStringLiteral("impactEdit"));
    m_impactEdit->setPlaceholderText(
        tr("One line for the messages, e.g. Users unable to create orders"));
    form->addRow(tr("&Impact"), m_impactEdit);
    m_usersPercent = optionalSpin(100, 2, QStringLiteral(" %"), this);
    m_usersPercent->setObjectName(QStringLiteral("usersPercent"));
    form->addRow(tr("&Users affected"), m_usersPercent);
    m_revenue = optionalSpin(1e12, 0, tr(" /hour"), this);
    m_revenue->setObjectName(QStringLiteral("revenueLoss"));
    form->addRow(tr("&Revenue loss"), m_revenue);
    m_regulatory = new QCheckBox(tr("Regulatory or compliance issue"), this);
    m_regulatory->setObjectName(QStringLiteral("regulatory"));
    form->addRow(QString(), m_regulatory);
    m_errorRate = optionalSpin(100, 2, QStringLiteral(" %"), this);
    m_errorRate->setObjectName(QStringLiteral("errorRate"));
    form->addRow(tr("&Error rate"), m_errorRate);
    m_responseTime = optionalSpin(1e9, 0, QStringLiteral(" ms"), this);
    m_responseTime->setObjectName(QStringLiteral("responseTime"));
    form->addRow(tr("Res&ponse time"), m_responseTime);
    m_affectedUsers = optionalSpin(1e12, 0, QString(), this);
    m_affectedUsers->setObjectName(QStringLiteral("affectedUsers"));
    form->addRow(tr("Affected users (count)"), m_affectedUsers);
    v->addLayout(form);

    auto *suggestion = new QHBoxLayout;
    m_suggestion = plainLabel(this, false);
    m_suggestion->setObjectName(QStringLiteral("suggestion"));
    m_suggestion->setStyleSheet(QStringLiteral("QLabel{font-size:12pt;font-weight:bold;}"));
    suggestion->addWidget(m_suggestion, 1);
    m_applySuggestion = new QPushButton(tr("Apply"), this);
    m_applySuggestion->setObjectName(QStringLiteral("applySuggestion"));
    m_applySuggestion->setToolTip(tr("Set the suggested severity (Ctrl+Shift+A)"));
    connect(m_applySuggestion, &QPushButton::clicked, this, &ImpactPanel::applyRequested);
    suggestion->addWidget(m_applySuggestion);
    v->addLayout(suggestion);
    m_why = plainLabel(this);
    m_why->setObjectName(QStringLiteral("suggestionWhy"));
    styleText(m_why, QColor(0x45, 0x5a, 0x64));
    v->addWidget(m_why);

    for (QDoubleSpinBox *spin :
         {m_usersPercent, m_revenue, m_errorRate, m_responseTime, m_affectedUsers}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this] {
            if (!m_reloading)
                updateSuggestion();
        });
        connect(spin, &QDoubleSpinBox::editingFinished, this, [this] {
            if (!m_reloading)
                Q_EMIT impactEdited();
        });
    }
    connect(m_regulatory, &QCheckBox::toggled, this, [this] {
        if (m_reloading)
            return;
        updateSuggestion();
        Q_EMIT impactEdited();
    });
    connect(m_impactEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_reloading)
            Q_EMIT impactEdited();
    });
}

void ImpactPanel::setIncident(const Incident &in)
{
    m_incident = in;
    m_reloading = true;
    triagepanel::setLine(m_impactEdit, in.impact.userImpact);
    setSpin(m_usersPercent, in.impact.affectedUsersPercent);
    setSpin(m_revenue, in.impact.revenueLossPerHour);
    m_regulatory->setChecked(in.impact.regulatory);
    setSpin(m_errorRate, in.impact.errorRatePercent);
    setSpin(m_responseTime, in.impact.responseTimeMs);
    setSpin(m_affectedUsers, in.impact.affectedUsers
                                 ? std::optional<double>(double(*in.impact.affectedUsers))
                                 : std::nullopt);
    m_reloading = false;
    updateSuggestion();
}

void ImpactPanel::reloadProfile()
{
    m_revenue->setPrefix(m_service.profile().thresholds.currency);
}

Impact ImpactPanel::impact() const
{
    Impact impact = m_incident ? m_incident->impact : Impact{};
    impact.userImpact = m_impactEdit->text().trimmed();
    impact.affectedUsersPercent = spinValue(m_usersPercent);
    impact.revenueLossPerHour = spinValue(m_revenue);
    impact.regulatory = m_regulatory->isChecked();
    impact.errorRatePercent = spinValue(m_errorRate);
    impact.responseTimeMs = spinValue(m_responseTime);
    const auto users = spinValue(m_affectedUsers);
    impact.affectedUsers =
        users ? std::optional<qint64>(qint64(std::llround(*users))) : std::nullopt;
    return impact;
}

void ImpactPanel::updateSuggestion()
{
    const ImpactAssessment a = assessImpact(impact(), m_service.profile().thresholds);
    m_suggested = a.suggested;
    if (a.suggested) {
        m_suggestion->setText(tr("Suggested: %1 (user impact %2, business impact %3)")
                                  .arg(severityToString(*a.suggested),
                                       DisplayText::userImpact(a.user),
                                       DisplayText::businessImpact(a.business)));
    } else {
        m_suggestion->setText(tr("No suggestion yet"));
    }
    m_why->setText(QStringLiteral("• ") +
                   DisplayText::impactReasons(impact(), m_service.profile().thresholds)
                       .join(QStringLiteral("\n• ")));
    const bool differs = m_incident && a.suggested && *a.suggested != m_incident->severity;
    m_applySuggestion->setEnabled(differs);
    m_applySuggestion->setText(a.suggested ? tr("Apply %1").arg(severityToString(*a.suggested))
                                           : tr("Apply"));
}

} // namespace idesk
