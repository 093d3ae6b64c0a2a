#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QThread;

namespace idesk {

class Settings;

// Settings → Sync: on or off, the server (a pg_service.conf service or a conninfo, never with a
// password), sslmode and the interval. "Test connection" connects on a thread of its own and
// shows the server's version or libpq's error as plain text. Save writes the settings; the
// window then restarts its sync worker with them.
class SyncSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SyncSettingsDialog(Settings &settings, QWidget *parent = nullptr);
    ~SyncSettingsDialog() override;

    // The server as the form says, "service=NAME" or the conninfo; empty when none is given.
    QString server() const;
    QString sslMode() const;
    // Checks the form; on a problem shows it and returns false.
    bool validate();
    void accept() override;
    void testConnection();
    bool isTesting() const { return m_probe != nullptr; }

    QLineEdit *serviceEdit() const { return m_service; }
    QLineEdit *conninfoEdit() const { return m_conninfo; }
    QRadioButton *useServiceButton() const { return m_useService; }
    QRadioButton *useConninfoButton() const { return m_useConninfo; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QComboBox *sslModeBox() const { return m_sslMode; }
    QSpinBox *intervalBox() const { return m_interval; }
    QPushButton *testButton() const { return m_test; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *testResultLabel() const { return m_result; }

Q_SIGNALS:
    void testFinished(bool ok, const QString &text);

private:
    // The conninfo a connection test uses: what the window would, with a bounded wait.
    QString probeConninfo() const;
    void updateEnabled();
    void showProblem(const QString &text);

    Settings &m_settings;
    QCheckBox *m_enabled = nullptr;
    QRadioButton *m_useService = nullptr;
    QRadioButton *m_useConninfo = nullptr;
    QLineEdit *m_service = nullptr;
    QLineEdit *m_conninfo = nullptr;
    QComboBox *m_sslMode = nullptr;
    QSpinBox *m_interval = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QThread *m_probe = nullptr;
};

} // namespace idesk
