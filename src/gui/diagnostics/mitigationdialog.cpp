#include "mitigationdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace idesk {

MitigationDialog::MitigationDialog(const DiagnosticCheck &check, const QString &command,
                                   const QString &context, bool production, QWidget *parent)
    : QDialog(parent), m_target(check.target), m_name(new QLineEdit(this)),
      m_run(new QPushButton(tr("Run mitigation"), this))
{
    setObjectName(QStringLiteral("mitigationDialog"));
    setWindowTitle(tr("Run mitigation: %1").arg(check.title));
    auto *layout = new QVBoxLayout(this);

    auto *what =
        new QLabel(tr("%1 changes %2 in context %3%4.")
                       .arg(check.title, check.target,
                            context.isEmpty() ? tr("(the kubeconfig's current context)") : context,
                            production ? tr(", which is PRODUCTION") : QString()),
                   this);
    what->setTextFormat(Qt::PlainText);
    what->setWordWrap(true);
    QFont bold = what->font();
    bold.setBold(true);
    what->setFont(bold);
    layout->addWidget(what);

    auto *cmdLabel = new QLabel(tr("Exact command:"), this);
    layout->addWidget(cmdLabel);
    auto *cmd = new QPlainTextEdit(this);
    cmd->setObjectName(QStringLiteral("mitigationCommand"));
    cmdLabel->setBuddy(cmd); // names the command for a screen reader
    cmd->setReadOnly(true);
    cmd->setPlainText(command);
    cmd->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cmd->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    cmd->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    cmd->setMaximumHeight(cmd->fontMetrics().lineSpacing() * 5 + 12);
    layout->addWidget(cmd);

    auto *ask = new QLabel(tr("Type %1 to confirm:").arg(check.target), this);
    ask->setTextFormat(Qt::PlainText);
    ask->setBuddy(m_name);
    layout->addWidget(ask);
    m_name->setObjectName(QStringLiteral("confirmName"));
    m_name->setPlaceholderText(check.target);
    layout->addWidget(m_name);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_run, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    // Enter does nothing until the name matches, then runs: no default button before that, so
    // a wrong name neither runs nor throws away what was typed.
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setAutoDefault(false);
    m_run->setAutoDefault(false);
    m_run->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MitigationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MitigationDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_run->setEnabled(matches());
        m_run->setDefault(matches());
    });
    resize(560, sizeHint().height());
}

QString MitigationDialog::typedName() const
{
    return m_name->text();
}

bool MitigationDialog::matches() const
{
    return !m_target.isEmpty() && m_name->text() == m_target;
}

void MitigationDialog::accept()
{
    if (!matches())
        return;
    QDialog::accept();
}

} // namespace idesk
