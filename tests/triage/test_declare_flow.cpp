#include "core/clock.h"
#include "gui/mainwindow.h"
#include "gui/triage/triagetab.h"
#include "servicefixture.h"
#include "services/incidentservice.h"
#include "services/settings.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QKeyEvent>
#include <QPointer>
#include <QTabWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace idesk;
using namespace Qt::StringLiterals;

namespace {

// Counts what a user does to a window and its dialogs from the input events Qt delivers to their
// widgets, not from what the test meant to do. One action is a mouse press, a key on its own, a
// chord (counted at its first modifier: Ctrl+Shift+C is one action) or typing a run of text into
// one field. A shortcut's last key never reaches a widget as a key press, which is why a chord
// is counted at its modifier.
class InputCounter final : public QObject
{
public:
    explicit InputCounter(QWidget *window) : m_window(window) { qApp->installEventFilter(this); }
    ~InputCounter() override { qApp->removeEventFilter(this); }
    int actions() const { return int(m_log.size()); }
    QString log() const { return m_log.join(u", "_s); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const auto type = event->type();
        if (type != QEvent::KeyPress && type != QEvent::MouseButtonPress &&
            type != QEvent::MouseButtonDblClick)
            return false;
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget || !belongsToWindow(widget))
            return false;
        // An event a child ignored travels on to its parents: still the same press.
        const bool propagated = event == m_lastEvent && m_lastReceiver &&
                                widget != m_lastReceiver && widget->isAncestorOf(m_lastReceiver);
        m_lastEvent = event;
        m_lastReceiver = widget;
        if (propagated)
            return false;
        if (type != QEvent::KeyPress) {
            m_typingInto = nullptr;
            m_log << u"click %1"_s.arg(widget->objectName());
            return false;
        }
        const auto *key = static_cast<const QKeyEvent *>(event);
        // Qt counts a modifier key's own flag as held while it goes down.
        Qt::KeyboardModifiers own;
        switch (key->key()) {
        case Qt::Key_Shift:
            own = Qt::ShiftModifier;
            break;
        case Qt::Key_Control:
            own = Qt::ControlModifier;
            break;
        case Qt::Key_Alt:
            own = Qt::AltModifier;
            break;
        case Qt::Key_Meta:
            own = Qt::MetaModifier;
            break;
        case Qt::Key_AltGr:
            own = Qt::GroupSwitchModifier;
            break;
        default:
            break;
        }
        const bool modifierKey = own != Qt::NoModifier;
        const auto held = key->modifiers() & ~Qt::KeypadModifier & ~own;
        const bool printable = !key->text().isEmpty() && key->text().front().isPrint();
        if (printable && (held & ~Qt::ShiftModifier) == Qt::NoModifier) {
            if (m_typingInto != widget)
                m_log << u"type into %1"_s.arg(widget->objectName());
            m_typingInto = widget;
            return false;
        }
        if (modifierKey && key->key() == Qt::Key_Shift && m_typingInto == widget)
            return false; // a capital letter while typing
        m_typingInto = nullptr;
        if (held != Qt::NoModifier)
            return false; // a later key of a chord already counted at its first modifier
        m_log << (modifierKey ? u"chord"_s : QKeySequence(key->key()).toString());
        return false;
    }

private:
    bool belongsToWindow(const QWidget *widget) const
    {
        for (const QWidget *w = widget; w; w = w->parentWidget()) {
            if (w == m_window)
                return true;
        }
        return false;
    }

    QWidget *m_window;
    QStringList m_log;
    const QEvent *m_lastEvent = nullptr;
    QPointer<QWidget> m_lastReceiver;
    QPointer<QWidget> m_typingInto;
};

} // namespace

// From launch to "the alert is on the clipboard" in at most five user actions: Ctrl+N, type the
// title, one key for the severity, Enter, Ctrl+Shift+C.
class TestDeclareFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void alertOnClipboardWithinFiveActions()
    {
        test::ServiceFixture fixture;
        Settings settings(fixture.dir.file(u"settings.ini"_s));
        MainWindow window(std::move(fixture.service), settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QGuiApplication::clipboard()->clear();
        InputCounter input(&window);

        bool dialogDriven = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QWidget *title = dialog->focusWidget();
            QVERIFY(title); // the title has the focus: no click needed
            QTest::keyClicks(title, u"Users unable to create orders"_s);
            QTest::keyClick(dialog, Qt::Key_1, Qt::AltModifier); // P1 in one keystroke
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
            dialogDriven = true;
        });
        QTest::keySequence(&window, QKeySequence(u"Ctrl+N"_s));
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
        QVERIFY2(input.actions() == 5, qPrintable(input.log()));
    }
};

QTEST_MAIN(TestDeclareFlow)
#include "test_declare_flow.moc"
