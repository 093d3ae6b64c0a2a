// A screen reader can name every control: each interactive widget of each tab and of each
// dialog the window opens has an accessible name (its own, its text, or the label it is the
// buddy of).
#include "gui/declaredialog.h"
#include "gui/diagnostics/mitigationdialog.h"
#include "gui/diagnostics/watchdialog.h"
#include "gui/postmortem/postmortemreportsdialog.h"
#include "gui/timeline/eventhistorydialog.h"
#include "gui/timeline/transcriptdialog.h"
#include "gui/triage/resolvedialog.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "services/postmortem/postmortemservice.h"
#include "services/translations.h"
#include "windowscenes.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <functional>
#include <memory>

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

// What a dialog needs beside the window: an incident on screen and the services the window's
// tabs hand to their dialogs.
struct DialogScene
{
    test::WindowScene scene;
    Incident incident;
    DiagnosticsService diagnostics{scene.service()};
    PostmortemService postmortem{scene.service()};

    DialogScene()
    {
        incident =
            scene.service().declare({QStringLiteral("Orders failing"), Severity::P1, {}, {}});
        scene.window().selectIncident(incident.id);
    }
    QWidget *window() { return &scene.window(); }
    template<typename T> T *find(const char *name)
    {
        T *w = scene.window().findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no %s in the window", name);
        return w;
    }
    void trigger(const char *action) { find<QAction>(action)->trigger(); }
    // Dialogs the tabs make themselves, opened the way the tabs open them.
    void openOwn(QDialog *dialog)
    {
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
    const DiagnosticCheck &check(const std::function<bool(const DiagnosticCheck &)> &fits)
    {
        for (const DiagnosticCheck &d : scene.service().profile().diagnostics) {
            if (fits(d))
                return d;
        }
        qFatal("the default profile has no such check");
    }
};

// Every dialog the window can open, one line each: how to make it appear. A modal dialog may
// block in `open` (exec, QMessageBox, QInputDialog): it is walked and closed from inside.
struct DialogCase
{
    const char *name;
    std::function<void(DialogScene &)> open;
};

const std::vector<DialogCase> &dialogCases()
{
    static const std::vector<DialogCase> cases{
        {"declare", [](DialogScene &d) { d.trigger("actionNewIncident"); }},
        {"about", [](DialogScene &d) { d.trigger("actionAbout"); }},
        {"export incident", [](DialogScene &d) { d.trigger("actionExportJson"); }},
        {"import incident", [](DialogScene &d) { d.trigger("actionImportJson"); }},
        {"open database", [](DialogScene &d) { d.trigger("actionOpenDatabase"); }},
        {"open profile", [](DialogScene &d) { d.trigger("actionOpenProfile"); }},
        {"sync settings", [](DialogScene &d) { d.trigger("actionSyncSettings"); }},
        {"sync conflicts", [](DialogScene &d) { d.trigger("actionSyncConflicts"); }},
        {"override severity",
         [](DialogScene &d) {
             d.scene.showTab(0);
             d.find<QDoubleSpinBox>("usersPercent")->setValue(60); // suggests P0
             d.find<QPushButton>("severityP3")->click();
         }},
        {"resolve",
         [](DialogScene &d) {
             d.openOwn(new ResolveDialog(d.scene.service(), d.incident.id, d.window()));
         }},
        {"leave read-only",
         [](DialogScene &d) {
             d.scene.showTab(1);
             d.find<QPushButton>("modeButton")->click();
         }},
        {"mitigation",
         [](DialogScene &d) {
             d.openOwn(new MitigationDialog(
                 d.check([](const DiagnosticCheck &c) { return c.destructive; }),
                 QStringLiteral("kubectl rollout restart deployment/api"), QStringLiteral("prod"),
                 true, d.window()));
         }},
        {"watch",
         [](DialogScene &d) {
             d.openOwn(new WatchDialog(d.check(&WatchDialog::canWatch), d.diagnostics,
                                       d.incident.id, d.window()));
         }},
        {"event history",
         [](DialogScene &d) {
             NewEvent e;
             e.text = QStringLiteral("Rolled back");
             const TimelineEvent added = d.scene.service().addEvent(d.incident.id, e);
             EventChange change;
             change.text = QStringLiteral("Rolled back api to v1.4");
             d.scene.service().editEvent(added.eventId, change);
             d.openOwn(new EventHistoryDialog(d.scene.service().store().eventHistory(added.eventId),
                                              d.window()));
         }},
        {"transcript import",
         [](DialogScene &d) {
             auto *dialog = new TranscriptDialog(d.incident.startedAt.date(), QStringLiteral("ana"),
                                                 d.window());
             dialog->setTranscript(QStringLiteral("14:31 ana: API errors up\n"
                                                  "14:35 bob: rolled back"));
             d.openOwn(dialog);
         }},
        {"post-mortem export",
         [](DialogScene &d) {
             d.scene.showTab(3);
             QVERIFY(QMetaObject::invokeMethod(d.scene.window().tabContent(3), "exportMarkdown"));
         }},
        {"post-mortem reports",
         [](DialogScene &d) { d.openOwn(new PostmortemReportsDialog(d.postmortem, d.window())); }},
    };
    return cases;
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
        if (qEnvironmentVariableIsSet("IDESK_DIALOG_SCREENSHOT_DIR"))
            installTranslations(*QCoreApplication::instance()); // as the program does
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

    void everyDialogControlHasAName_data()
    {
        QTest::addColumn<int>("dialog");
        for (std::size_t i = 0; i < dialogCases().size(); ++i)
            QTest::newRow(dialogCases()[i].name) << int(i);
    }

    void everyDialogControlHasAName()
    {
        QFETCH(int, dialog);
        DialogScene d;
        d.scene.showTab(0);
        bool seen = false; // the dialog is gone (deleted) once closed
        Unnamed unnamed;
        // Polled, so a dialog that blocks in exec() is walked from inside its own event loop.
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || seen)
                return;
            seen = true;
            collectUnnamed(modal, &unnamed);
            // The same walk gives a picture of each dialog, to check its words and fit by eye
            // (with LANG=de_DE.UTF-8 LANGUAGE=de, in German).
            if (const QString shots = qEnvironmentVariable("IDESK_DIALOG_SCREENSHOT_DIR");
                !shots.isEmpty()) {
                QCoreApplication::processEvents();
                modal->grab().save(QStringLiteral("%1/dialog-%2.png")
                                       .arg(shots, QString::fromLatin1(QTest::currentDataTag())
                                                       .replace(QLatin1Char(' '), u'-')));
            }
            if (auto *box = qobject_cast<QDialog *>(modal))
                box->reject();
            else
                modal->close();
        });
        poll.start();
        dialogCases()[std::size_t(dialog)].open(d);
        QTRY_VERIFY2(seen, "the dialog did not appear");
        poll.stop();
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.values().join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
