#include "rolespanel.h"

#include "panelwidgets.h"

#include <QFormLayout>
#include <QLineEdit>

namespace idesk {

RolesPanel::RolesPanel(QWidget *parent)
    : QGroupBox(tr("Roles"), parent), m_commander(new QLineEdit(this)),
      m_commsLead(new QLineEdit(this)), m_scribe(new QLineEdit(this))
{
    auto *form = new QFormLayout(this);
    m_commander->setObjectName(QStringLiteral("commanderEdit"));
    m_commsLead->setObjectName(QStringLiteral("commsLeadEdit"));
    m_scribe->setObjectName(QStringLiteral("scribeEdit"));
    form->addRow(tr("Co&mmander"), m_commander);
    form->addRow(tr("Comms &lead"), m_commsLead);
    form->addRow(tr("&Scribe"), m_scribe);
    for (QLineEdit *e : {m_commander, m_commsLead, m_scribe})
        connect(e, &QLineEdit::editingFinished, this, &RolesPanel::rolesEdited);
}

void RolesPanel::setIncident(const Incident &in)
{
    triagepanel::setLine(m_commander, in.commander);
    triagepanel::setLine(m_commsLead, in.commsLead);
    triagepanel::setLine(m_scribe, in.scribe);
}

QString RolesPanel::commander() const
{
    return m_commander->text();
}

QString RolesPanel::commsLead() const
{
    return m_commsLead->text();
}

QString RolesPanel::scribe() const
{
    return m_scribe->text();
}

} // namespace idesk
