// The window's side of sync, against the throwaway PostgreSQL that scripts/test starts: the
// settings dialog, the conflicts review, the timeline's sync marks, and two windows (two files,
// two sites) meeting through one server.
#include "gui/mainwindow.h"
#include "gui/sync/conflictsdialog.h"
#include "gui/sync/syncsettingsdialog.h"
#include "gui/timeline/timelinetab.h"
#include "models/sync/conflictsmodel.h"
#include "models/timeline/timelinemodel.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "storage/store.h"
#include "sync/pg.h"
#include "sync/syncengine.h"
#include "sync/syncworker.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace idesk;
using namespace idesk::sync;

namespace {

constexpr int kSlow = 15000; // generous bound for a round trip through the worker threads

void saveScreenshot(QWidget &w, const QString &name)
{
    // Set by hand to look at the dialogs; tests never depend on it.
    const QString dir = qEnvironmentVariable("IDESK_TEST_SCREENSHOTS");
    if (!dir.isEmpty())
        w.grab().save(dir + QLatin1Char('/') + name);
}

int rowWithText(const TimelineModel &m, const QString &text)
{
    for (int r = 0; r < m.rowCount(); ++r) {
        if (m.row(r).text == text)
            return r;
    }
    return -1;
}

} // namespace

class TestSyncGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void settingsDialogRefusesPasswords();
    void settingsDialogTestsTheConnection();
    void timelineMarksFollowTheWorker();
    void twoWindowsMeetThroughTheServer();
    void conflictsReviewedFromTheStatusBar();

private:
    // A window over its own file, synced with `conninfo` (the worker's interval an hour, so
    // only local changes and the server's NOTIFY start a round).
    struct Window
    {
        std::unique_ptr<Settings> settings;
        std::unique_ptr<MainWindow> window;
    };
    Window openWindow(const QString &name, const QString &conninfo);
    TimelineTab *showTimeline(MainWindow &w, const QString &incidentId);

    QString m_admin;
    QString m_conninfo;
    QString m_dbName;
    std::unique_ptr<test::TempDir> m_dir;
    SystemClock m_clock;
};

void TestSyncGui::initTestCase()
{
    test::enterTestMode();
    qputenv("IDESK_NO_DIALOGS", "1");
    IDESK_NEED_PG();
    m_admin = test::pgConninfo();
    try {
        PgConnection c(m_admin);
        QVERIFY(c.isOk());
    } catch (const SyncError &e) {
        QFAIL(qPrintable(e.message()));
    }
}

void TestSyncGui::init()
{
    m_dbName = QStringLiteral("idesk_g_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    PgConnection(m_admin).exec(QStringLiteral("CREATE DATABASE %1").arg(m_dbName));
    m_conninfo = m_admin + QStringLiteral(" dbname=") + m_dbName;
    m_dir = std::make_unique<test::TempDir>();
}

void TestSyncGui::cleanup()
{
    PgConnection(m_admin).exec(
        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_dbName));
}

TestSyncGui::Window TestSyncGui::openWindow(const QString &name, const QString &conninfo)
{
    Window w;
    w.settings = std::make_unique<Settings>(m_dir->file(name + QStringLiteral(".ini")));
    w.settings->setSyncServer(conninfo);
    w.settings->setSyncIntervalSecs(3600);
    auto service = IncidentService::open(m_dir->file(name + QStringLiteral(".db")),
                                         defaultProfile(), m_clock, Store::Verify::Structure);
    w.window = std::make_unique<MainWindow>(std::move(service), *w.settings);
    w.window->show();
    return w;
}

TimelineTab *TestSyncGui::showTimeline(MainWindow &w, const QString &incidentId)
{
    if (!w.selectIncident(incidentId))
        return nullptr;
    w.tabs()->setCurrentIndex(2);
    w.completeDeferredBuilds();
    return qobject_cast<TimelineTab *>(w.currentTab());
}

void TestSyncGui::settingsDialogRefusesPasswords()
{
    const QString ini = m_dir->file(QStringLiteral("settings.ini"));
    Settings settings(ini);
    SyncSettingsDialog dialog(settings);
    dialog.show();
    // A new setup starts at the recommended mode.
    QCOMPARE(dialog.sslMode(), QStringLiteral("verify-full"));
    QVERIFY(!dialog.enabledBox()->isChecked());
    dialog.enabledBox()->setChecked(true);
    dialog.useConninfoButton()->setChecked(true);

    for (const QString &withPassword :
         {QStringLiteral("host=db.example.org user=ana password=hunter2"),
          QStringLiteral("postgresql://ana:hunter2@db.example.org/incidents")}) {
        dialog.conninfoEdit()->setText(withPassword);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.problemLabel()->isVisible());
        QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("~/.pgpass")),
                 qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(dialog.problemLabel()->textFormat(), Qt::PlainText);
        // Testing the connection is refused the same way, before anything connects.
        dialog.testConnection();
        QVERIFY(!dialog.isTesting());
    }
    saveScreenshot(dialog, QStringLiteral("sync-settings-refused.png"));
    settings.sync();
    QVERIFY(!test::readFile(ini).contains("hunter2"));

    // A service name is saved in libpq's own form, with the mode and interval.
    dialog.useServiceButton()->setChecked(true);
    dialog.serviceEdit()->setText(QStringLiteral("incidents"));
    dialog.intervalBox()->setValue(45);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(settings.syncServer(), QStringLiteral("service=incidents"));
    QCOMPARE(settings.syncConninfo(), QStringLiteral("service=incidents sslmode=verify-full"));
    QCOMPARE(settings.syncIntervalSecs(), 45);
    QVERIFY(settings.syncEnabled());
    const QByteArray saved = test::readFile(ini);
    QVERIFY(!saved.contains("hunter2"));
    QVERIFY(!saved.contains("password"));

    // Off keeps the server for later, and the worker gets nothing to connect to.
    SyncSettingsDialog again(settings);
    QVERIFY(again.useServiceButton()->isChecked());
    QCOMPARE(again.serviceEdit()->text(), QStringLiteral("incidents"));
    again.enabledBox()->setChecked(false);
    QVERIFY(!again.serviceEdit()->isEnabled());
    again.accept();
    QCOMPARE(settings.syncConninfo(), QString());
    QCOMPARE(settings.syncServer(), QStringLiteral("service=incidents"));
}

void TestSyncGui::settingsDialogTestsTheConnection()
{
    Settings settings(m_dir->file(QStringLiteral("settings.ini")));
    SyncSettingsDialog dialog(settings);
    dialog.show();
    dialog.enabledBox()->setChecked(true);
    dialog.useConninfoButton()->setChecked(true);
    dialog.conninfoEdit()->setText(m_conninfo);
    dialog.sslModeBox()->setCurrentIndex(dialog.sslModeBox()->findData(QString()));
    QSignalSpy finished(&dialog, &SyncSettingsDialog::testFinished);

    // The click returns at once: the connection is made on a thread of its own.
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(dialog.isTesting());
    QVERIFY(!dialog.testButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kSlow);
    QCOMPARE(finished.front().at(0).toBool(), true);
    const QString version =
        PgConnection(m_conninfo).exec(QStringLiteral("SHOW server_version")).text(0, 0);
    const QString result = dialog.testResultLabel()->text();
    QVERIFY2(result.startsWith(QStringLiteral("Connected: PostgreSQL ") + version),
             qPrintable(result));
    QVERIFY2(result.contains(m_dbName), qPrintable(result));
    QCOMPARE(dialog.testResultLabel()->textFormat(), Qt::PlainText);
    QVERIFY(dialog.testButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("sync-settings-connected.png"));

    // Nobody listening: libpq's reason, in plain words, and the button back.
    dialog.conninfoEdit()->setText(QStringLiteral("host=127.0.0.1 port=1 user=idesk"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kSlow);
    QCOMPARE(finished.back().at(0).toBool(), false);
    QVERIFY2(dialog.testResultLabel()->text().startsWith(QStringLiteral("Could not connect")),
             qPrintable(dialog.testResultLabel()->text()));
    // Closing while a test runs waits for it instead of leaving a thread behind.
    dialog.testConnection();
    QVERIFY(dialog.isTesting());
}

// Each event shows whether it is on the server: local only while the worker cannot reach it,
// synced once a push went through. The window's settings dialog switches the running worker.
void TestSyncGui::timelineMarksFollowTheWorker()
{
    Window a = openWindow(QStringLiteral("a"), m_conninfo);
    const QString id =
        a.window->service().declare({QStringLiteral("Marks"), Severity::P2, {}, {}}).id;
    TimelineTab *timeline = showTimeline(*a.window, id);
    QVERIFY(timeline);
    TimelineModel *model = timeline->model();
    QTRY_COMPARE_WITH_TIMEOUT(int(a.window->syncController()->status().state),
                              int(SyncStatus::State::Synced), kSlow);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(0, TimelineModel::Synced).data(TimelineModel::SyncStateRole).toInt(),
        int(TimelineModel::SyncState::Synced), kSlow);
    QCOMPARE(model->index(0, TimelineModel::Synced).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Synced"));

    // Settings → Sync…, through the menu: a server nobody answers on.
    a.window->syncSettingsAction()->trigger();
    auto *dialog = a.window->findChild<SyncSettingsDialog *>();
    QVERIFY(dialog);
    QVERIFY(qobject_cast<QMenu *>(a.window->syncSettingsAction()->parent()));
    dialog->conninfoEdit()->setText(QStringLiteral("host=127.0.0.1 port=1 user=idesk"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(int(a.window->syncController()->status().state),
                              int(SyncStatus::State::Offline), kSlow);

    timeline->quickEntry()->setText(QStringLiteral("typed while offline"));
    QTest::keyClick(timeline->quickEntry(), Qt::Key_Return);
    const int row = rowWithText(*model, QStringLiteral("typed while offline"));
    QVERIFY(row >= 0);
    const QPersistentModelIndex mark = model->index(row, TimelineModel::Synced);
    QTRY_COMPARE(mark.data(TimelineModel::SyncStateRole).toInt(),
                 int(TimelineModel::SyncState::LocalOnly));
    QCOMPARE(mark.data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Local only: not on the sync server yet"));
    QCOMPARE(mark.data(Qt::ToolTipRole), mark.data(Qt::AccessibleTextRole));
    QVERIFY(!mark.data().toString().isEmpty());
    QVERIFY(mark.data() != model->index(0, TimelineModel::Synced).data());
    saveScreenshot(*a.window, QStringLiteral("sync-timeline.png"));

    // Back to the real server: the push goes through and the mark changes in place.
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    SyncSettingsDialog *back = a.window->openSyncSettings();
    back->conninfoEdit()->setText(m_conninfo);
    back->accept();
    QTRY_COMPARE_WITH_TIMEOUT(mark.data(TimelineModel::SyncStateRole).toInt(),
                              int(TimelineModel::SyncState::Synced), kSlow);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(a.settings->syncServer(), m_conninfo);
}

// Two commanders, two laptops (files, sites), one server: an event typed into one window's
// quick entry appears in the other's open timeline, brought by the server's NOTIFY (the
// workers' interval is an hour), inserted in place.
void TestSyncGui::twoWindowsMeetThroughTheServer()
{
    Window a = openWindow(QStringLiteral("a"), m_conninfo);
    Window b = openWindow(QStringLiteral("b"), m_conninfo);
    QVERIFY(a.window->service().store().siteId() != b.window->service().store().siteId());
    QTRY_COMPARE_WITH_TIMEOUT(int(b.window->syncController()->status().state),
                              int(SyncStatus::State::Synced), kSlow);
    const QString id =
        a.window->service().declare({QStringLiteral("Shared"), Severity::P1, {}, {}}).id;
    // B's list learns of the incident from the server.
    QTRY_VERIFY_WITH_TIMEOUT(b.window->service().incident(id).has_value(), kSlow);
    TimelineTab *onA = showTimeline(*a.window, id);
    QTRY_VERIFY_WITH_TIMEOUT(b.window->selectIncident(id), kSlow);
    TimelineTab *onB = showTimeline(*b.window, id);
    QVERIFY(onA && onB);
    QTRY_COMPARE_WITH_TIMEOUT(onB->model()->rowCount(), onA->model()->rowCount(), kSlow);
    QSignalSpy resets(onB->model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(onB->model(), &QAbstractItemModel::rowsInserted);

    onA->quickEntry()->setFocus();
    QTest::keyClicks(onA->quickEntry(), QStringLiteral("typed on A"));
    QTest::keyClick(onA->quickEntry(), Qt::Key_Return);
    QVERIFY(rowWithText(*onA->model(), QStringLiteral("typed on A")) >= 0);

    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(*onB->model(), QStringLiteral("typed on A")) >= 0, kSlow);
    QCOMPARE(resets.size(), 0);
    QVERIFY(inserted.size() >= 1);
    const int row = rowWithText(*onB->model(), QStringLiteral("typed on A"));
    // It came from the server, so it is on the server.
    QCOMPARE(onB->model()->index(row, TimelineModel::Synced).data(TimelineModel::SyncStateRole),
             QVariant(int(TimelineModel::SyncState::Synced)));

    // And back the other way.
    QTest::keyClicks(onB->quickEntry(), QStringLiteral("answered on B"));
    QTest::keyClick(onB->quickEntry(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(*onA->model(), QStringLiteral("answered on B")) >= 0,
                             kSlow);
}

// Conflicts made while two laptops were apart; the window shows "N conflicts" in the status
// bar, which opens the review; keeping theirs there is synced and the count goes.
void TestSyncGui::conflictsReviewedFromTheStatusBar()
{
    QString id;
    {
        FakeClock ca(QDateTime::currentDateTimeUtc().addSecs(-600));
        FakeClock cb(QDateTime::currentDateTimeUtc().addSecs(-590));
        auto sa = Store::open(m_dir->file(QStringLiteral("a.db")), ca);
        auto sb = Store::open(m_dir->file(QStringLiteral("b.db")), cb);
        SyncEngine ea(*sa, m_conninfo), eb(*sb, m_conninfo);
        id = sa->declareIncident({QStringLiteral("Apart"), Severity::P2, {}, {}}).id;
        ea.syncOnce();
        eb.syncOnce();
        Incident onA = *sa->incident(id), onB = *sb->incident(id);
        onA.summary = QStringLiteral("A thinks DNS");
        onB.summary = QStringLiteral("B thinks the load balancer");
        sa->updateIncident(onA);
        sb->updateIncident(onB);
        ea.syncOnce();
        eb.syncOnce();
        ea.syncOnce();
        QCOMPARE(sa->conflicts().size(), std::size_t(1));
    }
    Window a = openWindow(QStringLiteral("a"), m_conninfo);
    QToolButton *button = a.window->conflictsButton();
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), kSlow);
    QCOMPARE(button->text(), QStringLiteral("1 conflict(s)"));
    QVERIFY(!button->accessibleName().isEmpty());

    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = a.window->findChild<ConflictsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->model()->rowCount(), 1);
    const auto cell = [&](int column) {
        return dialog->model()->index(0, column).data().toString();
    };
    QCOMPARE(cell(ConflictsModel::FieldColumn), QStringLiteral("summary"));
    QCOMPARE(cell(ConflictsModel::MineColumn), QStringLiteral("A thinks DNS"));
    QCOMPARE(cell(ConflictsModel::TheirsColumn), QStringLiteral("B thinks the load balancer"));
    QCOMPARE(cell(ConflictsModel::WhoColumn), QStringLiteral("this computer"));
    QVERIFY(dialog->keepButton()->isEnabled());
    saveScreenshot(*dialog, QStringLiteral("sync-conflicts.png"));

    QTest::mouseClick(dialog->keepButton(), Qt::LeftButton);
    QCOMPARE(dialog->model()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!button->isVisible(), kSlow);
    // The review went up: the other laptop sees no open conflict after its next round.
    QTRY_COMPARE_WITH_TIMEOUT(a.window->service().store().pendingOutbox(), 0, kSlow);
    FakeClock cb(QDateTime::currentDateTimeUtc());
    auto sb = Store::open(m_dir->file(QStringLiteral("b.db")), cb);
    SyncEngine eb(*sb, m_conninfo);
    eb.syncOnce();
    QCOMPARE(sb->conflicts().size(), std::size_t(0));
    QCOMPARE(sb->conflicts(true).size(), std::size_t(1));

    // The menu reaches the same list, with the reviewed one on request.
    a.window->conflictsAction()->trigger();
    const auto dialogs = a.window->findChildren<ConflictsDialog *>();
    QCOMPARE(dialogs.size(), 2);
    ConflictsDialog *fromMenu = dialogs.back() == dialog ? dialogs.front() : dialogs.back();
    fromMenu->showReviewedBox()->setChecked(true);
    QCOMPARE(fromMenu->model()->rowCount(), 1);
    QVERIFY(!fromMenu->keepButton()->isEnabled());
    QVERIFY(fromMenu->restoreButton()->isEnabled());
}

QTEST_MAIN(TestSyncGui)
#include "test_sync_gui.moc"
