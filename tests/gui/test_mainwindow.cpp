#include "gui/mainwindow.h"
#include "gui/screenshot.h"
#include "gui/triage/triagetab.h"
#include "models/incidentfilterproxy.h"
#include "models/incidentlistmodel.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport.h"
#include "testsupport/damageddb.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace idesk;

class TestMainWindow : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)};

    // The service over dir's db.sqlite, as the app opens it.
    std::unique_ptr<IncidentService> openService(const test::TempDir &dir)
    {
        return IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(),
                                     m_clock);
    }

    std::unique_ptr<MainWindow> makeWindow(const test::TempDir &dir, Settings &settings)
    {
        return std::make_unique<MainWindow>(openService(dir), settings);
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void declareThroughTheWindowAndFindItInTheList()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(window->tabs()->count(), 4);
        QVERIFY(window->currentIncidentId().isEmpty());

        // The dialog is modal: drive it from inside its own event loop, as a user would.
        bool dialogSeen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialogSeen = true;
            // The offscreen platform has no window manager to activate a new dialog.
            QApplication::setActiveWindow(dialog);
            QTRY_COMPARE(QApplication::activeWindow(), dialog);
            QVERIFY(dialog->focusWidget());
            QTest::keyClicks(dialog->focusWidget(), QStringLiteral("Orders failing"));
            QTest::keyClick(dialog->focusWidget(), Qt::Key_0, Qt::AltModifier); // P0
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
        });
        QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+N")));
        QTRY_VERIFY(dialogSeen);
        QTRY_VERIFY(!window->currentIncidentId().isEmpty());

        const auto inc = window->service().incident(window->currentIncidentId());
        QVERIFY(inc);
        QCOMPARE(inc->title, QStringLiteral("Orders failing"));
        QCOMPARE(inc->severity, Severity::P0);
        auto *view = window->findChild<QTableView *>(QStringLiteral("incidentView"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, IncidentListModel::Title).data().toString(),
                 QStringLiteral("Orders failing"));
        QCOMPARE(view->model()->index(0, IncidentListModel::Severity).data().toString(),
                 QStringLiteral("P0"));
        QVERIFY(window->windowTitle().contains(QStringLiteral("Orders failing")));
    }

    // Start-up paints the Triage header first; the panels, the window icon and the search box's
    // clear button follow right after the first paint, without anyone asking.
    void triagePanelsAndIconFollowTheFirstPaint()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        {
            auto svc = openService(dir);
            svc->declare({QStringLiteral("Checkout down"), Severity::P0, {}, {}});
        }
        auto window = makeWindow(dir, settings);
        auto *triage = qobject_cast<TriageTab *>(window->currentTab());
        QVERIFY(triage);
        QVERIFY(!triage->panelsBuilt());
        QVERIFY(window->windowIcon().isNull());
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("P0 Checkout down")));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY(triage->panelsBuilt());
        QTRY_VERIFY(!window->windowIcon().isNull());
        QVERIFY(window->windowIcon().availableSizes().contains(QSize(32, 32)));
        auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QVERIFY(search && search->isClearButtonEnabled());
        auto *view = window->findChild<QTableView *>(QStringLiteral("incidentView"));
        QVERIFY(view->isSortingEnabled());
        QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(IncidentListModel::Started));
        QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(triage->messageText().contains(QStringLiteral("Checkout down")));
    }

    // Before the first paint the list shows the store's order, newest first; the proxy's sort
    // once the window is up must not move any row, or the selection would jump.
    void startupOrderIsTheSortedOrder()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        {
            auto svc = openService(dir);
            for (int i = 0; i < 6; ++i) {
                NewIncident n{QStringLiteral("incident %1").arg(i), Severity::P2, {}, {}};
                // out of order, two sharing a start
                n.startedAt = m_clock.now().addSecs(qint64((i * 7) % 5) * 600);
                svc->declare(n);
            }
        }
        auto window = makeWindow(dir, settings);
        auto *view = window->findChild<QTableView *>(QStringLiteral("incidentView"));
        const auto ids = [view] {
            QStringList out;
            for (int r = 0; r < view->model()->rowCount(); ++r)
                out << view->model()->index(r, 0).data(IncidentListModel::IdRole).toString();
            return out;
        };
        QVERIFY(!view->isSortingEnabled());
        const QStringList before = ids();
        const QString selected = window->currentIncidentId();
        view->setSortingEnabled(true);
        QCOMPARE(ids(), before);
        QCOMPARE(window->currentIncidentId(), selected);
        QCOMPARE(selected, before.first());
    }

    // Only a screenful of the list is read before the first paint; the older incidents follow
    // right after it, and one of them can be selected (--select, a sync banner) at any time.
    void olderIncidentsFollowTheFirstPaint()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        QString oldest;
        constexpr int kIncidents = 130;
        {
            auto svc = openService(dir);
            for (int i = 0; i < kIncidents; ++i) {
                NewIncident n{QStringLiteral("incident %1").arg(i), Severity::P3, {}, {}};
                n.startedAt = m_clock.now().addSecs(qint64(i) * 60);
                const QString id = svc->declare(n).id;
                if (i == 0)
                    oldest = id;
            }
        }
        auto window = makeWindow(dir, settings);
        auto *view = window->findChild<QTableView *>(QStringLiteral("incidentView"));
        QVERIFY(view->model()->rowCount() < kIncidents);
        QVERIFY(window->selectIncident(oldest));
        QCOMPARE(view->model()->rowCount(), kIncidents);
        QCOMPARE(window->currentIncidentId(), oldest);

        auto shown = makeWindow(dir, settings);
        auto *shownView = shown->findChild<QTableView *>(QStringLiteral("incidentView"));
        QVERIFY(shownView->model()->rowCount() < kIncidents);
        shown->show();
        QTRY_COMPARE(shownView->model()->rowCount(), kIncidents);
        QTRY_VERIFY(shownView->isSortingEnabled());
    }

    // Screenshots and other callers that cannot wait for a paint finish the build on demand.
    void deferredBuildsCompleteOnRequest()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        window->service().declare({QStringLiteral("Hidden"), Severity::P2, {}, {}});
        auto *triage = qobject_cast<TriageTab *>(window->currentTab());
        QVERIFY(triage && !triage->panelsBuilt());
        window->completeDeferredBuilds();
        QVERIFY(triage->panelsBuilt());
    }

    // At the default size every visible column's text is readable without scrolling sideways:
    // the fixed columns fit their widest value and the title takes the rest.
    void listColumnsFitTheDefaultWindow()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        const Incident inc = window->service().declare(
            {QStringLiteral("Checkout latency above the SLO in every region"),
             Severity::P0,
             {},
             {}});
        window->service().setStatus(inc.id, IncidentStatus::Investigating);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *view = window->findChild<QTableView *>(QStringLiteral("incidentView"));
        QVERIFY(view);
        QTRY_VERIFY(view->horizontalHeader()->length() <= view->viewport()->width());
        QVERIFY(!view->horizontalScrollBar()->isVisible());
        const QFontMetrics fm = view->fontMetrics();
        for (int column : {int(IncidentListModel::Severity), int(IncidentListModel::Status),
                           int(IncidentListModel::Started)}) {
            const QString text = view->model()->index(0, column).data().toString();
            QVERIFY2(fm.horizontalAdvance(text) < view->columnWidth(column), qPrintable(text));
        }
        QVERIFY(view->columnWidth(IncidentListModel::Title) >= 8 * fm.averageCharWidth());
    }

    void windowFitsHalfAWideScreen()
    {
        // A commander keeps the chat beside the window: half of a 1920-pixel screen, with a long
        // title, a long database path and every tab built.
        test::TempDir dir;
        const QString folder = dir.file(
            QStringLiteral("a-folder-with-a-long-name-for-the-payments-team-incident-database"));
        QVERIFY(QDir().mkpath(folder));
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        MainWindow window(IncidentService::open(folder + QStringLiteral("/incidents.sqlite"),
                                                defaultProfile(), m_clock),
                          settings);
        const Incident inc = window.service().declare(
            {QStringLiteral("Checkout latency above the SLO in every region of the EU"),
             Severity::P0,
             QStringLiteral("alexandra.konstantinopoulou"),
             {}});
        window.service().acknowledge(inc.id);
        QVERIFY(window.selectIncident(inc.id));
        window.resize(960, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = window.tabs()->count() - 1; i >= 0; --i) {
            window.tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
        }
        auto *triage = window.findChild<TriageTab *>();
        QVERIFY(triage);
        QTRY_VERIFY(triage->panelsBuilt());

        QVERIFY2(window.minimumSizeHint().width() <= 960,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QCOMPARE(window.width(), 960);
        // The panels go one above the other rather than scroll sideways, and the clocks wrap
        // onto another line inside the tab.
        auto *scroll = triage->findChild<QScrollArea *>(QStringLiteral("triageScroll"));
        QVERIFY(scroll);
        QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        for (const char *name : {"elapsedClock", "ackClock", "updateClock"}) {
            auto *clock = triage->findChild<QWidget *>(QLatin1String(name));
            QVERIFY(clock);
            const QRect inTab(clock->mapTo(triage, QPoint(0, 0)), clock->size());
            QVERIFY2(triage->rect().contains(inTab), name);
        }
        // The post-mortem form fits its pane beside the preview.
        window.tabs()->setCurrentIndex(3);
        auto *split = window.findChild<QSplitter *>(QStringLiteral("postmortemSplitter"));
        QVERIFY(split);
        auto *form = qobject_cast<QScrollArea *>(split->widget(0));
        QVERIFY(form);
        QTRY_VERIFY(form->isVisible());
        QTRY_VERIFY(form->widget()->width() <= form->viewport()->width());
        QVERIFY(!form->horizontalScrollBar()->isVisible());
    }

    void statusFilterHidesResolved()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        const Incident a = window->service().declare({QStringLiteral("A"), Severity::P1, {}, {}});
        window->service().declare({QStringLiteral("B"), Severity::P2, {}, {}});
        window->service().setStatus(a.id, IncidentStatus::Resolved);
        auto *view = window->findChild<QTableView *>(QStringLiteral("incidentView"));
        QCOMPARE(view->model()->rowCount(), 2);
        window->incidentProxy()->setStatusFilter(IncidentFilterProxy::StatusFilter::Open);
        QCOMPARE(view->model()->rowCount(), 1);
    }

    void badDatabaseKeepsTheCurrentOne()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        window->service().declare({QStringLiteral("Kept"), Severity::P1, {}, {}});
        const QByteArray junk("this is not a database, it is a shopping list\n");
        dir.write(QStringLiteral("junk.sqlite"), junk);
        QVERIFY(!window->openDatabase(dir.file(QStringLiteral("junk.sqlite"))));
        QCOMPARE(test::readFile(dir.file(QStringLiteral("junk.sqlite"))), junk);
        QCOMPARE(int(window->service().incidents().size()), 1);
        auto *banner = window->findChild<QLabel *>(QStringLiteral("bannerLabel"));
        QVERIFY(banner->isVisibleTo(window.get()));
        QVERIFY(banner->text().contains(QStringLiteral("junk.sqlite")));
    }

    void damagedPagesRaiseABannerWithoutBlockingTheWindow()
    {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("damaged.sqlite"));
        QVERIFY(test::writeDamagedDatabase(path));
        const QByteArray damaged = test::readFile(path);

        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        // The header and the schema are sound, so the file opens at once; only the check of
        // every page, off the GUI thread, finds the damage.
        QVERIFY(window->openDatabase(path));
        QCOMPARE(window->service().databasePath(), path);
        auto *banner = window->findChild<QLabel *>(QStringLiteral("bannerLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(window.get()), 10000);
        QVERIFY2(banner->text().contains(QStringLiteral("damaged.sqlite")),
                 qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("is damaged")), qPrintable(banner->text()));
        QCOMPARE(test::readFile(path), damaged);
    }

    void germanTranslationShipsInside()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German), QStringLiteral("incidentdesk"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(translator.translate("MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(translator.translate("idesk::MainWindow", "&Undo"), QStringLiteral("&Rückgängig"));
    }

    void screenshotsOnePngPerTab()
    {
        test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        auto window = makeWindow(dir, settings);
        window->service().declare({QStringLiteral("Shot"), Severity::P1, {}, {}});
        window->resize(1280, 800);
        window->show();
        QString error;
        const QStringList files =
            saveTabScreenshots(*window, dir.file(QStringLiteral("shots")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(files.size(), 4);
        for (const QString &f : files) {
            const QImage img(f);
            QVERIFY2(!img.isNull(), qPrintable(f));
            QCOMPARE(img.width(), window->width());
        }
        QVERIFY(QFileInfo(files[0]).fileName().startsWith(QStringLiteral("1-triage")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
