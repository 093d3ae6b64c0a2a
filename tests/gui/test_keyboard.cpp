// The window driven from the keyboard, as a commander under stress drives it: every key reaches
// the action it names wherever the focus sits, and typing is never lost silently.
#include "gui/mainwindow.h"
#include "gui/timeline/timelinetab.h"
#include "models/timeline/timelinemodel.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDateEdit>
#include <QLineEdit>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace idesk;

class TestKeyboard : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 5, 2), QTime(14, 15), Qt::UTC)};

    struct Fixture
    {
        test::TempDir dir;
        Settings settings{dir.file(QStringLiteral("settings.ini"))};
        std::unique_ptr<MainWindow> window;
        QString id;
    };

    std::unique_ptr<Fixture> open()
    {
        auto f = std::make_unique<Fixture>();
        auto service = IncidentService::open(f->dir.file(QStringLiteral("db.sqlite")),
                                             defaultProfile(), m_clock);
        f->id = service->declare({QStringLiteral("Checkout down"), Severity::P1, {}, {}}).id;
        f->window = std::make_unique<MainWindow>(std::move(service), f->settings);
        f->window->show();
        if (!QTest::qWaitForWindowExposed(f->window.get()))
            return nullptr;
        QApplication::setActiveWindow(f->window.get());
        f->window->selectIncident(f->id);
        f->window->completeDeferredBuilds();
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void escalateAndAcknowledgeFromTheSearchBox()
    {
        auto f = open();
        QVERIFY(f);
        auto *search = f->window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(f->window->service().incident(f->id)->escalationLevel, 2);
        QTest::keyClick(search, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(f->window->service().incident(f->id)->acknowledgedAt.isValid());
    }

    void altThreeTypesIntoTheQuickEntry()
    {
        auto f = open();
        QVERIFY(f);
        QTest::keyClick(f->window.get(), Qt::Key_3, Qt::AltModifier);
        auto *timeline = qobject_cast<TimelineTab *>(f->window->currentTab());
        QVERIFY(timeline);
        QTRY_VERIFY(timeline->quickEntry()->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("pool restarted"));
        QCOMPARE(timeline->quickEntry()->text(), QStringLiteral("pool restarted"));
    }

    void undoAndBothRedoKeysWork()
    {
        auto f = open();
        QVERIFY(f);
        f->window->tabs()->setCurrentIndex(2);
        auto *timeline = qobject_cast<TimelineTab *>(f->window->currentTab());
        QVERIFY(timeline);
        timeline->quickEntry()->setFocus();
        QTRY_VERIFY(timeline->quickEntry()->hasFocus());
        const int before = timeline->model()->rowCount();
        QTest::keyClicks(timeline->quickEntry(), QStringLiteral("first note"));
        QTest::keyClick(timeline->quickEntry(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(timeline->model()->rowCount(), before + 1);
        // From the event table: in a text field Ctrl+Z undoes the typing, as everywhere.
        timeline->view()->setFocus();
        QTRY_VERIFY(timeline->view()->hasFocus());
        QWidget *focus = timeline->view();
        QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(timeline->model()->rowCount(), before);
        QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(timeline->model()->rowCount(), before + 1);
        QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(timeline->model()->rowCount(), before);
        QTest::keyClick(focus, Qt::Key_Y, Qt::ControlModifier);
        QTRY_COMPARE(timeline->model()->rowCount(), before + 1);
    }

    void newActionItemStartsAWeekOutAndClearsItsOwner()
    {
        auto f = open();
        QVERIFY(f);
        f->window->tabs()->setCurrentIndex(3);
        QWidget *tab = f->window->currentTab();
        QVERIFY(tab);
        auto *due = tab->findChild<QDateEdit *>(QStringLiteral("newDueEdit"));
        auto *text = tab->findChild<QLineEdit *>(QStringLiteral("newActionEdit"));
        auto *owner = tab->findChild<QLineEdit *>(QStringLiteral("newOwnerEdit"));
        QVERIFY(due && text && owner);
        QCOMPARE(due->date(), QDate(2024, 5, 9));
        text->setText(QStringLiteral("Alert on pool saturation"));
        owner->setText(QStringLiteral("dana"));
        QTest::keyClick(text, Qt::Key_Return);
        QTRY_COMPARE(f->window->service().actionItems(f->id).size(), std::size_t(1));
        QCOMPARE(f->window->service().actionItems(f->id).front().due, QDate(2024, 5, 9));
        QVERIFY(text->text().isEmpty());
        QVERIFY(owner->text().isEmpty());
    }

    void quittingAsksBeforeDroppingTypedText()
    {
        auto f = open();
        QVERIFY(f);
        QTest::keyClick(f->window.get(), Qt::Key_3, Qt::AltModifier);
        auto *timeline = qobject_cast<TimelineTab *>(f->window->currentTab());
        QVERIFY(timeline);
        timeline->quickEntry()->setText(QStringLiteral("14:32 rolled back"));
        qunsetenv("IDESK_NO_DIALOGS");
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = true;
            QVERIFY(box->text().contains(QStringLiteral("14:32 rolled back")));
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!f->window->close()); // cancelled: the window and the text stay
        QVERIFY(asked);
        QCOMPARE(timeline->quickEntry()->text(), QStringLiteral("14:32 rolled back"));

        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Discard)->click();
        });
        QVERIFY(f->window->close());
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void editMenuAsksBeforeLeavingReadOnly()
    {
        // The same question as the Diagnostics context bar, not a silent switch.
        auto f = open();
        QVERIFY(f);
        auto *action = f->window->findChild<QAction *>(QStringLiteral("actionReadOnly"));
        QVERIFY(action);
        QVERIFY(f->window->service().readOnly());
        const auto confirm = [&] {
            return f->window->findChild<QMessageBox *>(QStringLiteral("leaveReadOnlyConfirm"));
        };
        action->trigger();
        QVERIFY(confirm());
        QVERIFY(f->window->service().readOnly());
        QVERIFY(action->isChecked());
        confirm()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!confirm());
        QVERIFY(f->window->service().readOnly());
        QVERIFY(action->isChecked());

        action->trigger();
        QVERIFY(confirm());
        confirm()->button(QMessageBox::Yes)->click();
        QVERIFY(!f->window->service().readOnly());
        QVERIFY(!action->isChecked());
        QVERIFY(!f->settings.readOnly());
        QTRY_VERIFY(!confirm());

        action->trigger(); // back to read-only: no question
        QVERIFY(!confirm());
        QVERIFY(f->window->service().readOnly());
        QVERIFY(f->settings.readOnly());
    }
};

QTEST_MAIN(TestKeyboard)
#include "test_keyboard.moc"
