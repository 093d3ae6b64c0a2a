#include "gui/sync/conflictsdialog.h"

#include "core/error.h"
#include "models/sync/conflictsmodel.h"
#include "services/incidentservice.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace idesk {

ConflictsDialog::ConflictsDialog(IncidentService &service, QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(tr("Sync conflicts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("When two people changed the same field while apart, the later change was kept and "
           "the other is listed here. Keep theirs to accept the kept value, or restore yours "
           "as a new change."),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_model = new ConflictsModel(service, this);
    m_view = new QTableView(this);
    m_view->setAccessibleName(tr("Sync conflicts"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ConflictsModel::MineColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ConflictsModel::TheirsColumn,
                                                     QHeaderView::Stretch);
    layout->addWidget(m_view, 1);

    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Conflict review result"));
    layout->addWidget(m_message);

    auto *row = new QHBoxLayout;
    m_keep = new QPushButton(tr("&Keep theirs"), this);
    m_keep->setAccessibleName(tr("Keep theirs"));
    m_keep->setToolTip(tr("Accept the kept value and mark the conflict reviewed"));
    m_restore = new QPushButton(tr("&Restore mine"), this);
    m_restore->setAccessibleName(tr("Restore mine"));
    m_restore->setToolTip(tr("Write the lost value again, as a new change that syncs"));
    m_showReviewed = new QCheckBox(tr("Show re&viewed"), this);
    m_showReviewed->setAccessibleName(tr("Show reviewed conflicts"));
    row->addWidget(m_keep);
    row->addWidget(m_restore);
    row->addStretch(1);
    row->addWidget(m_showReviewed);
    layout->addLayout(row);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keep, &QPushButton::clicked, this, &ConflictsDialog::keepTheirs);
    connect(m_restore, &QPushButton::clicked, this, &ConflictsDialog::restoreMine);
    connect(m_showReviewed, &QCheckBox::toggled, m_model, &ConflictsModel::setShowReviewed);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConflictsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->selectRow(0);
        updateButtons();
    });
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    m_view->resizeColumnsToContents();
    updateButtons();
    resize(900, 420);
}

QString ConflictsDialog::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_model->data(i, ConflictsModel::IdRole).toString() : QString();
}

void ConflictsDialog::updateButtons()
{
    const QModelIndex i = m_view->currentIndex();
    const bool reviewed = i.isValid() && m_model->data(i, ConflictsModel::ReviewedRole).toBool();
    m_keep->setEnabled(i.isValid() && !reviewed);
    m_restore->setEnabled(i.isValid());
}

void ConflictsDialog::keepTheirs()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    try {
        m_service.keepTheirs(id);
        m_message->setText(tr("Kept the other value; the conflict is marked reviewed."));
    } catch (const Error &e) {
        m_message->setText(e.text());
    }
}

void ConflictsDialog::restoreMine()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    try {
        m_service.restoreMine(id);
        m_message->setText(tr("Restored the lost value as a new change; it syncs on the next "
                              "round."));
    } catch (const Error &e) {
        m_message->setText(e.text());
    }
}

} // namespace idesk
