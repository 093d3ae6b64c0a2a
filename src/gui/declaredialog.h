#pragma once

#include "core/profile.h"
#include "core/types.h"

#include <QDialog>
#include <memory>

class QRadioButton;
namespace Ui {
class DeclareDialog;
}

namespace idesk {

// Declaring must be fast under stress: title focused, Alt+0…3 picks the severity, the commander
// is prefilled with the current user, Enter declares.
class DeclareDialog final : public QDialog
{
    Q_OBJECT
public:
    DeclareDialog(const Profile &profile, const QString &commander, QWidget *parent = nullptr);
    ~DeclareDialog() override;

    NewIncident request() const;
    void setSeverity(Severity s);

    void accept() override;

private:
    std::unique_ptr<Ui::DeclareDialog> m_ui;
    std::vector<QRadioButton *> m_severityButtons;
};

} // namespace idesk
