#include "core/clock.h"
#include "gui/mainwindow.h"
#include "gui/triage/triagetab.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport/testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QTabWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace idesk;
using namespace Qt::StringLiterals;

// From launch to "the alert is on the clipboard" in at most five user actions: Ctrl+N, type the
// title, one key for the severity, Enter, Ctrl+Shift+C. Each helper below is one action.
class TestDeclareFlow : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), QTimeZone::utc())};
    int m_actions = 0;

    void action() { ++m_actions; }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void alertOnClipboardWithinFiveActions()
    {
        test::TempDir dir;
        Settings settings(dir.file(u"settings.ini"_s));
        auto service = std::make_unique<IncidentService>(
            Store::open(dir.file(u"db.sqlite"_s), m_clock), defaultProfile(), m_clock);
        MainWindow window(std::move(service), settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QGuiApplication::clipboard()->clear();

        bool dialogDriven = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QWidget *title = dialog->focusWidget();
            QVERIFY(title); // the title has the focus: no click needed
            QTest::keyClicks(title, u"Users unable to create orders"_s);
            action();
            QTest::keyClick(dialog, Qt::Key_1, Qt::AltModifier); // P1 in one keystroke
            action();
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
            action();
            dialogDriven = true;
        });
        QTest::keySequence(&window, QKeySequence(u"Ctrl+N"_s));
        action();
        QTRY_VERIFY(dialogDriven);
        QTRY_VERIFY(!window.currentIncidentId().isEmpty());

        auto *tab = qobject_cast<TriageTab *>(window.currentTab());
        QVERIFY2(tab, "the triage tab is in front after declaring");
        QCOMPARE(tab->incidentId(), window.currentIncidentId());

        // A window manager hands activation back to the window when its modal dialog closes; the
        // offscreen platform does not. Doing it here is the window manager's part, not a user's.
        if (QApplication::activeWindow() != &window) {
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
        }
        QTest::keySequence(&window, QKeySequence(u"Ctrl+Shift+C"_s));
        action();

        const auto inc = window.service().incident(window.currentIncidentId());
        QVERIFY(inc);
        const QString expected = u"🚨 INCIDENT ALERT 🚨\n"
                                 "Severity: P1\n"
                                 "Status: Investigating\n"
                                 "Impact: Users unable to create orders\n"
                                 "Started: 2024-01-15 14:30 UTC\n"
                                 "Commander: @%1\n"
                                 "Channel: #incident-2024-01-15-001\n"
                                 "\n"
                                 "Next update in 30 minutes."_s.arg(inc->commander);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QVERIFY2(m_actions <= 5, qPrintable(u"%1 user actions"_s.arg(m_actions)));
        QCOMPARE(m_actions, 5);
    }
};

QTEST_MAIN(TestDeclareFlow)
#include "test_declare_flow.moc"
