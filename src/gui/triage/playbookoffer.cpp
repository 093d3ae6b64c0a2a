#include "playbookoffer.h"

#include "core/playbooks/playbooks.h"
#include "panelwidgets.h"
#include "services/incidentservice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace idesk {

PlaybookOfferPanel::PlaybookOfferPanel(IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Playbook"), parent), m_service(service)
{
    setObjectName(QStringLiteral("playbookOffer"));
    auto *row = new QHBoxLayout(this);
    m_reason = triagepanel::plainLabel(this);
    m_reason->setObjectName(QStringLiteral("playbookOfferReason"));
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openPlaybook"));
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_playbookId); });
    row->addWidget(m_reason, 1);
    row->addWidget(m_open);
    hide();
}

void PlaybookOfferPanel::setIncident(const Incident &incident)
{
    const std::vector<Playbook> all =
        playbooks::effectivePlaybooks(m_service.profile(), defaultProfile().playbooks);
    const auto s = playbooks::suggest(incident, all);
    const auto pb = s ? std::find_if(all.begin(), all.end(),
                                     [&s](const Playbook &p) { return p.id == s->playbookId; })
                      : all.end();
    if (pb == all.end()) {
        m_playbookId.clear();
        hide();
        return;
    }
    m_playbookId = pb->id;
    m_reason->setText(tr("Fits this incident: %1.").arg(s->reason));
    m_open->setText(triagepanel::buttonText(tr("Open playbook: %1").arg(pb->title)));
    m_open->setAccessibleName(tr("Open playbook: %1").arg(pb->title));
    show();
}

} // namespace idesk
