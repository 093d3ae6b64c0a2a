#include "declaredialog.h"

#include "ui_declaredialog.h"

#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>

namespace idesk {

DeclareDialog::DeclareDialog(const Profile &profile, const QString &commander, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::DeclareDialog>())
{
    m_ui->setupUi(this);
    for (int i = 0; i < SeverityCount; ++i) {
        const auto sev = static_cast<Severity>(i);
        QString text = QStringLiteral("P%1").arg(i);
        if (const SeverityDef *def = profile.severity(sev)) {
            text += QStringLiteral("  %1 — %2 (respond within %3)")
                        .arg(def->label, def->description,
                             def->responseMinutes >= 60
                                 ? tr("%n hour(s)", nullptr, def->responseMinutes / 60)
                                 : tr("%n minute(s)", nullptr, def->responseMinutes));
            auto *button = new QRadioButton(text, this);
            button->setToolTip(tr("Examples: %1").arg(def->examples.join(QStringLiteral(", "))));
            m_severityButtons.push_back(button);
        } else {
            m_severityButtons.push_back(new QRadioButton(text, this));
        }
        m_ui->severityLayout->addWidget(m_severityButtons.back());
    }
    // Explicit shortcuts rather than mnemonics: they work the same on every platform theme.
    for (int i = 0; i < SeverityCount; ++i) {
        auto *key =
            new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + i)), this);
        connect(key, &QShortcut::activated, this,
                [this, i] { setSeverity(static_cast<Severity>(i)); });
    }
    setSeverity(Severity::P1);
    m_ui->commanderEdit->setText(commander);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Declare"));
    m_ui->buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &DeclareDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &DeclareDialog::reject);
    m_ui->titleEdit->setFocus();
}

DeclareDialog::~DeclareDialog() = default;

void DeclareDialog::setSeverity(Severity s)
{
    m_severityButtons.at(static_cast<std::size_t>(s))->setChecked(true);
}

NewIncident DeclareDialog::request() const
{
    NewIncident n;
    n.title = m_ui->titleEdit->text().simplified();
    n.commander = m_ui->commanderEdit->text().trimmed();
    for (std::size_t i = 0; i < m_severityButtons.size(); ++i) {
        if (m_severityButtons[i]->isChecked())
            n.severity = static_cast<Severity>(i);
    }
    return n;
}

void DeclareDialog::accept()
{
    if (m_ui->titleEdit->text().trimmed().isEmpty()) {
        m_ui->errorLabel->setText(tr("Say in a few words what is broken."));
        m_ui->titleEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace idesk
