#include "gui/sync/syncsettingsdialog.h"

#include "gui/severitystyle.h"
#include "services/settings.h"
#include "sync/pg.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace idesk {

namespace {

const QRegularExpression &serviceForm()
{
    static const QRegularExpression re(QStringLiteral("^service=([^\\s=']+)$"));
    return re;
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    return l;
}

} // namespace

SyncSettingsDialog::SyncSettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Sync settings"));
    auto *layout = new QVBoxLayout(this);

    m_enabled = new QCheckBox(tr("&Sync incidents with a PostgreSQL server"), this);
    m_enabled->setAccessibleName(tr("Sync enabled"));
    layout->addWidget(m_enabled);

    auto *form = new QFormLayout;
    m_useService = new QRadioButton(tr("Ser&vice name"), this);
    m_useService->setAccessibleName(tr("Connect by service name"));
    m_service = new QLineEdit(this);
    m_service->setAccessibleName(tr("Service name"));
    m_service->setPlaceholderText(tr("a [section] of pg_service.conf, e.g. incidents"));
    form->addRow(m_useService, m_service);
    m_useConninfo = new QRadioButton(tr("Co&nnection string"), this);
    m_useConninfo->setAccessibleName(tr("Connect by connection string"));
    m_conninfo = new QLineEdit(this);
    m_conninfo->setAccessibleName(tr("Connection string"));
    m_conninfo->setPlaceholderText(tr("host=db.example.org dbname=incidents user=ana"));
    form->addRow(m_useConninfo, m_conninfo);

    m_sslMode = new QComboBox(this);
    m_sslMode->setAccessibleName(tr("SSL mode"));
    m_sslMode->addItem(tr("verify-full (recommended)"), QStringLiteral("verify-full"));
    m_sslMode->addItem(tr("verify-ca"), QStringLiteral("verify-ca"));
    m_sslMode->addItem(tr("require (encrypted, server not verified)"), QStringLiteral("require"));
    m_sslMode->addItem(tr("prefer"), QStringLiteral("prefer"));
    m_sslMode->addItem(tr("disable (no encryption)"), QStringLiteral("disable"));
    m_sslMode->addItem(tr("as the service or connection string says"), QString());
    auto *sslLabel = new QLabel(tr("SSL &mode"), this);
    sslLabel->setBuddy(m_sslMode);
    form->addRow(sslLabel, m_sslMode);

    m_interval = new QSpinBox(this);
    m_interval->setAccessibleName(tr("Sync interval in seconds"));
    m_interval->setRange(2, 3600);
    m_interval->setSuffix(tr(" s"));
    auto *intervalLabel = new QLabel(tr("&Interval"), this);
    intervalLabel->setBuddy(m_interval);
    form->addRow(intervalLabel, m_interval);
    layout->addLayout(form);

    layout->addWidget(plainLabel(
        tr("Passwords are never stored here. Put the password in ~/.pgpass (or the file that "
           "PGPASSFILE names), or use a service from pg_service.conf. Changes are also sent "
           "when you edit, and a server that comes back is retried automatically."),
        this));

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setAccessibleName(tr("Test connection"));
    m_result = plainLabel(QString(), this);
    m_result->setAccessibleName(tr("Connection test result"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_result, 1);
    layout->addLayout(testRow);

    m_problem = plainLabel(QString(), this);
    m_problem->setAccessibleName(tr("Problem with the sync settings"));
    styleText(m_problem, QColor(alertRed()));
    m_problem->hide();
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SyncSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &SyncSettingsDialog::testConnection);
    connect(m_enabled, &QCheckBox::toggled, this, &SyncSettingsDialog::updateEnabled);
    connect(m_useService, &QRadioButton::toggled, this, &SyncSettingsDialog::updateEnabled);
    connect(m_useConninfo, &QRadioButton::toggled, this, &SyncSettingsDialog::updateEnabled);

    // The form from the settings.
    const QString server = m_settings.syncServer();
    const auto service = serviceForm().match(server);
    if (service.hasMatch()) {
        m_useService->setChecked(true);
        m_service->setText(service.captured(1));
    } else {
        m_useConninfo->setChecked(true);
        m_conninfo->setText(server);
    }
    m_enabled->setChecked(m_settings.syncEnabled() && !server.isEmpty());
    // A new setup starts at the recommended mode; an existing one shows what it uses.
    const QString mode =
        server.isEmpty() ? QStringLiteral("verify-full") : m_settings.syncSslMode();
    m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(mode)));
    m_interval->setValue(m_settings.syncIntervalSecs());
    updateEnabled();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

SyncSettingsDialog::~SyncSettingsDialog()
{
    // The test connects with a bounded timeout; its result has nowhere to go any more.
    if (m_probe) {
        m_probe->wait();
        delete m_probe;
    }
}

void SyncSettingsDialog::updateEnabled()
{
    const bool on = m_enabled->isChecked();
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_useService, m_useConninfo, m_sslMode, m_interval})
        w->setEnabled(on);
    m_service->setEnabled(on && m_useService->isChecked());
    m_conninfo->setEnabled(on && m_useConninfo->isChecked());
    m_test->setEnabled(on && !m_probe);
}

QString SyncSettingsDialog::server() const
{
    if (m_useService->isChecked()) {
        const QString name = m_service->text().trimmed();
        return name.isEmpty() ? QString() : QStringLiteral("service=") + name;
    }
    return m_conninfo->text().trimmed();
}

QString SyncSettingsDialog::sslMode() const
{
    return m_sslMode->currentData().toString();
}

void SyncSettingsDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

bool SyncSettingsDialog::validate()
{
    showProblem({});
    if (!m_enabled->isChecked())
        return true;
    const QString s = server();
    if (s.isEmpty()) {
        showProblem(m_useService->isChecked()
                        ? tr("Enter the name of a service from pg_service.conf.")
                        : tr("Enter a connection string, e.g. host=db.example.org "
                             "dbname=incidents user=ana."));
        return false;
    }
    if (m_useService->isChecked() && !serviceForm().match(s).hasMatch()) {
        showProblem(tr("A service name is one word, the name of a [section] in "
                       "pg_service.conf."));
        return false;
    }
    try {
        sync::checkConninfo(s);
    } catch (const sync::SyncError &e) {
        showProblem(e.code() == sync::SyncError::Code::Config &&
                            e.message().contains(QStringLiteral("password"))
                        ? tr("The connection string contains a password, which is not saved "
                             "in settings. Remove it and put the password in ~/.pgpass (or the "
                             "file that PGPASSFILE names), or use a service from "
                             "pg_service.conf.")
                        : e.message());
        return false;
    }
    return true;
}

void SyncSettingsDialog::accept()
{
    if (!validate())
        return;
    const bool on = m_enabled->isChecked();
    m_settings.setSyncEnabled(on);
    // Turning sync off keeps the server, so turning it on again needs no retyping.
    if (on || !server().isEmpty())
        m_settings.setSyncServer(server());
    m_settings.setSyncSslMode(sslMode());
    m_settings.setSyncIntervalSecs(m_interval->value());
    m_settings.sync();
    QDialog::accept();
}

QString SyncSettingsDialog::probeConninfo() const
{
    QString c = Settings::withSslMode(server(), sslMode());
    // A host that drops packets must not keep the test waiting for minutes.
    if (!c.contains(QStringLiteral("connect_timeout")) && !c.contains(QStringLiteral("://")))
        c += QStringLiteral(" connect_timeout=10");
    return c;
}

void SyncSettingsDialog::testConnection()
{
    if (m_probe || !validate())
        return;
    m_result->setText(tr("Connecting…"));
    const QString conninfo = probeConninfo();
    QPointer<SyncSettingsDialog> self(this);
    m_probe = QThread::create([self, conninfo] {
        bool ok = false;
        QString text;
        try {
            sync::PgConnection c(conninfo);
            const sync::PgResult r = c.exec(QStringLiteral(
                "SELECT current_setting('server_version'), current_database(), current_user, "
                "coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)"));
            ok = true;
            text = tr("Connected: PostgreSQL %1, database %2 as %3, %4.")
                       .arg(r.text(0, 0), r.text(0, 1), r.text(0, 2),
                            r.text(0, 3) == QStringLiteral("t") ? tr("encrypted (SSL)")
                                                                : tr("not encrypted"));
        } catch (const sync::SyncError &e) {
            text = tr("Could not connect: %1").arg(e.message());
        }
        // Back on the dialog's thread; the dialog waits for this thread before it goes.
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, text] {
                if (!self)
                    return;
                self->m_result->setText(text);
                self->m_probe->wait();
                delete self->m_probe;
                self->m_probe = nullptr;
                self->updateEnabled();
                Q_EMIT self->testFinished(ok, text);
            },
            Qt::QueuedConnection);
    });
    m_probe->setObjectName(QStringLiteral("sync-test"));
    updateEnabled();
    m_probe->start();
}

} // namespace idesk
