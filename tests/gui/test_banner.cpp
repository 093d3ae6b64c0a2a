// The window's banner is one line of warning above the work, not a panel that pushes it away,
// and a damaged page reads as a sentence, not as Qt's "Unable to fetch row".
#include "gui/mainwindow.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport.h"

#include <QLabel>
#include <QSplitter>
#include <QTest>

using namespace idesk;

class TestBanner : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 5, 2), QTime(14, 15), Qt::UTC)};

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void bannerTakesTheHeightOfItsText()
    {
        const test::TempDir dir;
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        MainWindow window(
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), m_clock),
            settings);
        window.resize(900, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showBanner(QStringLiteral(
            "The database "
            "/home/commander/.local/share/IncidentDesk/incidentdesk/incidentdesk.sqlite "
            "is damaged (SQLite could not read every page: database disk image is malformed). "
            "Export what you need and restore it from a backup."));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("bannerLabel"));
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        const int line = banner->fontMetrics().height();
        QTRY_VERIFY2(
            banner->height() <= 4 * line,
            qPrintable(
                QStringLiteral("banner %1 px for a %2 px line").arg(banner->height()).arg(line)));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("splitter"));
        QVERIFY(splitter->height() > window.centralWidget()->height() * 8 / 10);
    }
};

QTEST_MAIN(TestBanner)
#include "test_banner.moc"
