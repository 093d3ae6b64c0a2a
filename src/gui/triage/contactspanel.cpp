#include "contactspanel.h"

#include "gui/flowlayout.h"
#include "gui/severitystyle.h"
#include "models/triage/contactsmodel.h"
#include "panelwidgets.h"
#include "services/incidentservice.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace idesk {

ContactsPanel::ContactsPanel(IncidentService &service, QWidget *parent)
    : QGroupBox(tr("Contacts (click to copy)"), parent), m_service(service),
      m_model(new ContactsModel(service, this)), m_view(new QTableView(this))
{
    auto *v = new QVBoxLayout(this);
    m_view->setObjectName(QStringLiteral("contactsView"));
    m_view->setAccessibleName(tr("Contacts"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumHeight(220);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT copyRequested(index.data(ContactsModel::CopyRole).toString(), tr("contact"));
    });
    v->addWidget(m_view);
    auto *dashLabel = new QLabel(tr("Dashboards:"), this);
    v->addWidget(dashLabel);
    auto *dashboards = new QWidget(this);
    m_dashboards = new FlowLayout(dashboards);
    m_dashboards->setContentsMargins(0, 0, 0, 0);
    v->addWidget(dashboards);
}

void ContactsPanel::reloadProfile()
{
    triagepanel::clearLayout(m_dashboards);
    for (const Link &link : m_service.profile().dashboards) {
        auto *b = new QPushButton(triagepanel::buttonText(link.title), this);
        b->setFlat(true);
        b->setCursor(Qt::PointingHandCursor);
        b->setToolTip(link.url);
        b->setStyleSheet(
            QStringLiteral("QPushButton{color:%1;text-decoration:underline;}").arg(linkBlue()));
        const QUrl url(link.url);
        connect(b, &QPushButton::clicked, this, [url] { QDesktopServices::openUrl(url); });
        m_dashboards->addWidget(b);
    }
}

} // namespace idesk
