#include "severitypanel.h"

#include "core/triage/triageformat.h"
#include "gui/severitystyle.h"
#include "panelwidgets.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace idesk {

using namespace triage;

SeverityPanel::SeverityPanel(const IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Severity"), parent), m_service(service), m_group(new QButtonGroup(this))
{
    auto *grid = new QGridLayout(this);
    m_group->setExclusive(true);
    for (int i = 0; i < SeverityCount; ++i) {
        const auto s = static_cast<Severity>(i);
        auto *b = new QPushButton(severityToString(s), this);
        b->setObjectName(QStringLiteral("severity%1").arg(severityToString(s)));
        b->setCheckable(true);
        b->setMinimumSize(56, 40);
        b->setStyleSheet(QStringLiteral("QPushButton{font-size:13pt;font-weight:bold;color:%2;}"
                                        "QPushButton:checked{background:%1;color:%3;}")
                             .arg(severityColor(s).name(), severityTextColor(s).name(),
                                  textOnFill(severityColor(s)).name()));
        m_group->addButton(b, i);
        m_buttons[std::size_t(i)] = b;
        auto *text = triagepanel::plainLabel(this);
        text->setObjectName(QStringLiteral("severityText%1").arg(severityToString(s)));
        m_texts[std::size_t(i)] = text;
        grid->addWidget(b, i, 0, Qt::AlignTop);
        grid->addWidget(text, i, 1);
    }
    grid->setColumnStretch(1, 1);
    connect(m_group, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT severityClicked(static_cast<Severity>(id)); });
}

void SeverityPanel::setIncident(const Incident &incident)
{
    showSeverity(incident.severity);
}

void SeverityPanel::showSeverity(Severity severity)
{
    m_buttons[std::size_t(severity)]->setChecked(true);
}

void SeverityPanel::reloadProfile()
{
    const Profile &p = m_service.profile();
    for (int i = 0; i < SeverityCount; ++i) {
        const auto s = static_cast<Severity>(i);
        QString text;
        if (const SeverityDef *def = p.severity(s)) {
            text = tr("%1 — %2\nRespond within %3 · update every %4\ne.g. %5")
                       .arg(def->label, def->description,
                            DisplayText::duration(qint64(def->responseMinutes) * 60),
                            DisplayText::duration(qint64(def->updateEveryMinutes) * 60),
                            def->examples.join(QStringLiteral(", ")));
        } else {
            text = tr("Not defined in the profile");
        }
        m_texts[std::size_t(i)]->setText(text);
    }
}

} // namespace idesk
