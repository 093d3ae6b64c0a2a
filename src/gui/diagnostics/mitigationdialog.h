#pragma once

#include "core/profile.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace idesk {

// The last gate before a mitigation runs: the exact command, the context it runs against and
// what it changes, and a field where the user types the target's name. The run button stays
// disabled until the name matches exactly; the engine checks the same name again.
class MitigationDialog final : public QDialog
{
    Q_OBJECT
public:
    MitigationDialog(const DiagnosticCheck &check, const QString &command, const QString &context,
                     bool production, QWidget *parent = nullptr);

    QString typedName() const;
    QPushButton *runButton() const { return m_run; }
    QLineEdit *nameEdit() const { return m_name; }

    void accept() override;

private:
    bool matches() const;

    QString m_target;
    QLineEdit *m_name;
    QPushButton *m_run;
};

} // namespace idesk
