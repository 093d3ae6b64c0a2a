// A screen reader can name every control: each interactive widget of each tab has an
// accessible name (its own, its text, or the label it is the buddy of).
#include "windowscenes.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTest>
#include <QTextEdit>

using namespace idesk;

namespace {

bool isInteractive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w);
}

// Parts Qt builds inside a control (a combo box's line edit and popup, a spin box's editor,
// a table's corner button) are named through the control itself.
bool isPartOfAnotherControl(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
            qobject_cast<const QAbstractItemView *>(p))
            return true;
    }
    return false;
}

// Shown, or on a page of a tab widget or stack that is merely not the current one.
bool isReachable(const QWidget *w, const QWidget *root)
{
    for (const QWidget *a = w; a && a != root; a = a->parentWidget()) {
        if (a->isHidden() && !qobject_cast<const QStackedWidget *>(a->parentWidget()))
            return false;
    }
    return true;
}

// Each unnamed control once, however often the walk meets it.
using Unnamed = QMap<const QWidget *, QString>;

void collectUnnamed(QWidget *root, Unnamed *unnamed)
{
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!isReachable(w, root) || !isInteractive(w) || isPartOfAnotherControl(w))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            unnamed->insert(w, QStringLiteral("%1 '%2' (tooltip '%3')")
                                   .arg(QString::fromLatin1(w->metaObject()->className()),
                                        w->objectName(), w->toolTip()));
    }
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void everyControlHasAName_data()
    {
        QTest::addColumn<int>("tab");
        QTest::newRow("triage") << 0;
        QTest::newRow("diagnostics") << 1;
        QTest::newRow("timeline") << 2;
        QTest::newRow("post-mortem") << 3;
    }

    void everyControlHasAName()
    {
        QFETCH(int, tab);
        test::WindowScene scene;
        // Empty first (placeholders), then with an incident (every panel, and buttons whose
        // text is only an icon or a clock).
        scene.showTab(tab);
        Unnamed unnamed;
        collectUnnamed(&scene.window(), &unnamed);
        scene.walkIncidentStates([&](const QString &) {
            scene.showTab(tab);
            collectUnnamed(&scene.window(), &unnamed);
        });
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.values().join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
