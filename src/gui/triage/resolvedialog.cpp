#include "resolvedialog.h"

#include "models/triage/checklistmodel.h"
#include "ui_triageresolvedialog.h"

#include <QHeaderView>
#include <QPushButton>

namespace idesk {

ResolveDialog::ResolveDialog(IncidentService &service, const QString &incidentId, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::TriageResolveDialog>()),
      m_model(new ChecklistModel(service, ChecklistKind::RecoveryConfirmation, this))
{
    m_ui->setupUi(this);
    m_model->setIncidentId(incidentId);
    m_ui->checklistView->setModel(m_model);
    m_ui->checklistView->header()->setStretchLastSection(false);
    m_ui->checklistView->header()->setSectionResizeMode(ChecklistModel::Text, QHeaderView::Stretch);
    m_ui->checklistView->header()->setSectionResizeMode(ChecklistModel::CheckedBy,
                                                        QHeaderView::ResizeToContents);
    m_ui->checklistView->header()->setSectionResizeMode(ChecklistModel::CheckedAt,
                                                        QHeaderView::ResizeToContents);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ResolveDialog::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResolveDialog::updateState);
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, this, &ResolveDialog::updateState);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (allConfirmed() || !m_ui->reasonEdit->text().trimmed().isEmpty())
            accept();
    });
    m_ui->checklistView->setFocus();
    updateState();
}

ResolveDialog::~ResolveDialog() = default;

bool ResolveDialog::allConfirmed() const
{
    return m_model->allChecked(); // an empty list has nothing left to confirm
}

QString ResolveDialog::note() const
{
    const int total = m_model->rowCount();
    if (allConfirmed())
        return QStringLiteral("recovery confirmed (%1/%1)").arg(total); // a timeline record
    return QStringLiteral("recovery checklist overridden (%1/%2): %3; open: %4")
        .arg(m_model->checkedCount())
        .arg(total)
        .arg(m_ui->reasonEdit->text().trimmed(),
             m_model->uncheckedTexts().join(QStringLiteral("; ")));
}

void ResolveDialog::updateState()
{
    const bool confirmed = allConfirmed();
    const bool reasoned = !m_ui->reasonEdit->text().trimmed().isEmpty();
    m_ui->progressLabel->setText(
        tr("%1 of %2 confirmed").arg(m_model->checkedCount()).arg(m_model->rowCount()));
    m_ui->reasonEdit->setEnabled(!confirmed);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(confirmed ? tr("&Resolve") : tr("Resolve &anyway"));
    ok->setEnabled(confirmed || reasoned);
}

} // namespace idesk
