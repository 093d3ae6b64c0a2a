#include "gui/postmortem/postmortemreportsdialog.h"
#include "gui/postmortem/postmortemtab.h"
#include "models/postmortem/actionitemmodel.h"
#include "pmfixtures.h"
#include "pmservicefixture.h"
#include "services/postmortem/postmortemservice.h"
#include "services/translations.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

using namespace idesk;
using namespace idesk::pmtest;
using namespace Qt::StringLiterals;

namespace {

template<typename T> T *child(QWidget &w, const char *name)
{
    T *c = w.findChild<T *>(QString::fromLatin1(name));
    if (!c)
        qFatal("no child %s", name);
    return c;
}

// Answers the next file dialog with path, as a user would.
void answerFileDialog(const QString &path)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        poll->deleteLater();
        // selectFile() leaves the name field alone while it has focus; type into it instead
        auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        if (!name)
            qFatal("the file dialog has no name field");
        name->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    });
    poll->start();
}

} // namespace

class TestPostmortemTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        // The English catalogue holds the plural forms ("1 item redacted").
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslations(*QCoreApplication::instance());
    }
    void emptyState();
    void fillAddActionAndExport();
    void redactionCanBeTurnedOff();
    void autosaveAndReload();
    void reviewMeetingIcs();
    void reportsDialogDrawsCharts();
    void revenueLossCarriesOverEvenWhileOpen();
    void exportStartsInTheDocumentsFolder();
};

void TestPostmortemTab::revenueLossCarriesOverEvenWhileOpen()
{
    ServiceFixture f;
    const Incident resolved = f.runbookIncident();
    PostmortemTab tab(*f.service);
    tab.setIncidentId(resolved.id);
    // 9,600 an hour for 1 h 15 min, from the impact panel's rate.
    QCOMPARE(child<QLineEdit>(tab, "revenueEdit")->placeholderText(), u"12000"_s);

    NewIncident n;
    n.title = u"Checkout down"_s;
    n.severity = Severity::P1;
    n.startedAt = f.clock.now();
    Incident open = f.service->declare(n);
    open.impact.revenueLossPerHour = 1200;
    f.service->updateIncident(open);
    f.clock.advanceSecs(30 * 60);
    tab.setIncidentId(open.id);
    QCOMPARE(child<QLineEdit>(tab, "revenueEdit")->placeholderText(), u"600 so far (still open)"_s);
}

void TestPostmortemTab::exportStartsInTheDocumentsFolder()
{
    // Not the folder the app was started from: a home of its own, so the test makes no folder
    // in the real one.
    ServiceFixture f;
    const QByteArray home = qgetenv("HOME");
    qputenv("HOME", f.dir.file(u"home"_s).toUtf8());
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QVERIFY(docs.startsWith(f.dir.file(u"home"_s)));
    QVERIFY(QDir().mkpath(docs));
    const Incident inc = f.runbookIncident();
    PostmortemTab tab(*f.service);
    tab.setIncidentId(inc.id);
    QString shown;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shown = dialog->directory().absolutePath();
        dialog->reject();
    });
    tab.exportMarkdown();
    qputenv("HOME", home);
    QCOMPARE(shown, QDir(docs).absolutePath());
}

void TestPostmortemTab::emptyState()
{
    ServiceFixture f;
    PostmortemTab tab(*f.service);
    QCOMPARE(tab.incidentId(), QString());
    QVERIFY(tab.markdown().isEmpty());
    QVERIFY(child<QLabel>(tab, "emptyState")->isVisibleTo(&tab));

    const Incident inc = f.runbookIncident();
    tab.setIncidentId(inc.id);
    QVERIFY(!child<QLabel>(tab, "emptyState")->isVisibleTo(&tab));
    tab.setIncidentId({});
    QVERIFY(child<QLabel>(tab, "emptyState")->isVisibleTo(&tab));
    QVERIFY(tab.preview()->toPlainText().isEmpty());

    tab.setIncidentId(u"gone"_s);
    QVERIFY(child<QLabel>(tab, "emptyState")->text().contains(u"gone"_s));
    QCOMPARE(tab.incidentId(), QString());
}

void TestPostmortemTab::fillAddActionAndExport()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    PostmortemTab tab(*f.service);
    tab.resize(1400, 900);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.setIncidentId(inc.id);

    QTest::keyClicks(child<QPlainTextEdit>(tab, "rootCauseEdit"),
                     u"Memory leak in order processing"_s);
    auto *factors = child<QPlainTextEdit>(tab, "factorsEdit");
    QTest::keyClicks(factors, u"Insufficient pool monitoring"_s);
    QTest::keyClick(factors, Qt::Key_Return);
    QTest::keyClicks(factors, u"No | leak * detection"_s);
    QTest::keyClicks(child<QPlainTextEdit>(tab, "wentWellEdit"), u"Quick detection"_s);
    QTest::keyClicks(child<QLineEdit>(tab, "usersEdit"), u"50000"_s);
    QTest::mouseClick(child<QToolButton>(tab, "sreToggle"), Qt::LeftButton);
    QTest::keyClicks(child<QPlainTextEdit>(tab, "supportingEdit"),
                     u"Logs had postgres://orders:hunter22@db/orders"_s);

    QTest::keyClicks(child<QLineEdit>(tab, "newActionEdit"), u"Add connection pool monitoring"_s);
    QTest::keyClicks(child<QLineEdit>(tab, "newOwnerEdit"), u"devops"_s);
    child<QDateEdit>(tab, "newDueEdit")->setDate(QDate(2024, 1, 20));
    QTest::mouseClick(child<QPushButton>(tab, "addActionButton"), Qt::LeftButton);
    QCOMPARE(tab.actionModel()->rowCount(), 1);
    QVERIFY(child<QLineEdit>(tab, "newActionEdit")->text().isEmpty());
    QCOMPARE(f.store().actionItems(inc.id).front().owner, u"devops"_s);

    QTRY_VERIFY(tab.preview()->toPlainText().contains(u"Memory leak in order processing"_s));
    QTRY_COMPARE(tab.redactedLabel()->text(), u"1 item redacted"_s);
    QVERIFY(tab.preview()->toPlainText().contains(u"No | leak * detection"_s));

    test::TempDir dir;
    const QString path = dir.file(u"postmortem.md"_s);
    answerFileDialog(path);
    QTest::mouseClick(child<QPushButton>(tab, "exportButton"), Qt::LeftButton);
    const QString md = QString::fromUtf8(test::readFile(path));
    QVERIFY2(md.startsWith(u"# Post-Mortem: Order creation failing\n"_s), qPrintable(md));
    QVERIFY(md.contains(u"\n## Root Cause\nMemory leak in order processing\n"_s));
    QVERIFY(md.contains(u"\n## Contributing Factors\n1. Insufficient pool monitoring\n"
                        "2. No \\| leak \\* detection\n"_s));
    QVERIFY(md.contains(u"\n## What Went Well\n- Quick detection\n"_s));
    QVERIFY(md.contains(u"- **Impact**: 50,000 users affected, $12,000 revenue impact\n"_s));
    QVERIFY(md.contains(u"- **14:45 UTC**: Root cause identified\n"_s));
    QVERIFY(md.contains(
        u"\n## Action Items\n1. [ ] Add connection pool monitoring (Owner: @devops, Due: 2024-01-20)\n"_s));
    QVERIFY(md.contains(u"postgres://orders:[REDACTED]@db/orders"_s));
    QVERIFY(!md.contains(u"hunter22"_s));
    QVERIFY(child<QLabel>(tab, "saveStatus")->text().contains(path));

    QTest::mouseClick(child<QPushButton>(tab, "copyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), md);
}

void TestPostmortemTab::redactionCanBeTurnedOff()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    NewEvent e;
    e.text = u"curl -H 'Authorization: Bearer abcdef0123456789abcdef'"_s;
    e.pinned = true;
    f.service->addEvent(inc.id, e);
    PostmortemTab tab(*f.service);
    tab.setIncidentId(inc.id);
    QCOMPARE(tab.redactedLabel()->text(), u"1 item redacted"_s);
    child<QCheckBox>(tab, "redactCheck")->setChecked(false);
    QCOMPARE(tab.redactedLabel()->text(), u"Redaction off"_s);
    test::TempDir dir;
    QVERIFY(tab.exportMarkdownTo(dir.file(u"raw.md"_s)));
    QVERIFY(test::readFile(dir.file(u"raw.md"_s)).contains("abcdef0123456789abcdef"));

    // a new secret on the timeline shows up in the count without touching the form
    child<QCheckBox>(tab, "redactCheck")->setChecked(true);
    NewEvent more;
    more.text = u"AKIAIOSFODNN7EXAMPLE"_s;
    more.pinned = true;
    f.service->addEvent(inc.id, more);
    QTRY_COMPARE(tab.redactedLabel()->text(), u"2 items redacted"_s);
}

void TestPostmortemTab::autosaveAndReload()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    {
        PostmortemTab tab(*f.service);
        QSignalSpy saved(&tab, &PostmortemTab::saved);
        tab.setIncidentId(inc.id);
        QVERIFY(!f.store().postmortem(inc.id).has_value()); // opening writes nothing
        QTest::keyClicks(child<QPlainTextEdit>(tab, "lessonsEdit"), u"Watch the pool"_s);
        QTest::keyClicks(child<QLineEdit>(tab, "durationEdit"), u"1h 30m"_s);
        QVERIFY(saved.wait(3000)); // debounced, not per keystroke
        QCOMPARE(saved.count(), 1);
        const PostmortemDoc stored = postmortemFromJson(*f.store().postmortem(inc.id), u"test"_s);
        QCOMPARE(stored.lessonsLearned, QStringList{u"Watch the pool"_s});
        QCOMPARE(stored.summary.durationMinutes, std::optional<qint64>(90));

        // an edit right before switching incidents is not lost
        QTest::keyClicks(child<QPlainTextEdit>(tab, "rootCauseEdit"), u"Leak"_s);
        tab.setIncidentId({});
        QCOMPARE(postmortemFromJson(*f.store().postmortem(inc.id), u"t"_s).rootCause, u"Leak"_s);
    }
    PostmortemTab again(*f.service);
    again.setIncidentId(inc.id);
    QCOMPARE(child<QPlainTextEdit>(again, "lessonsEdit")->toPlainText(), u"Watch the pool"_s);
    QCOMPARE(child<QPlainTextEdit>(again, "rootCauseEdit")->toPlainText(), u"Leak"_s);
    QVERIFY(again.markdown().contains(u"- **Duration**: 1 hour 30 minutes\n"_s));
}

void TestPostmortemTab::reviewMeetingIcs()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    PostmortemTab tab(*f.service);
    tab.setIncidentId(inc.id);
    QVERIFY(child<QCheckBox>(tab, "reviewCheck")->isChecked()); // resolved: suggested review
    QVERIFY(tab.markdown().contains(u"- **Post-Mortem Review**: 2024-01-16 10:00 UTC\n"_s));
    QVERIFY(child<QLabel>(tab, "reviewWarning")->text().isEmpty());
    test::TempDir dir;
    QVERIFY(tab.exportIcsTo(dir.file(u"review.ics"_s)));
    const QByteArray ics = test::readFile(dir.file(u"review.ics"_s));
    QVERIFY(ics.contains("DTSTART:20240116T100000Z\r\n"));
    QVERIFY(ics.contains("SUMMARY:Post-mortem review: Order creation failing\r\n"));

    child<QDateTimeEdit>(tab, "reviewDateTime")->setDateTime(utc(2024, 1, 20, 10, 0));
    QVERIFY(!child<QLabel>(tab, "reviewWarning")->text().isEmpty()); // later than 48 h

    child<QCheckBox>(tab, "reviewCheck")->setChecked(false);
    QVERIFY(!tab.exportIcsTo(dir.file(u"none.ics"_s)));
    QVERIFY(!tab.document().reviewAt.isValid());
}

void TestPostmortemTab::reportsDialogDrawsCharts()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"a"_s, u"devops"_s, QDate(2024, 1, 10));
    PostmortemTab tab(*f.service);
    tab.setIncidentId(inc.id);
    QTest::mouseClick(child<QPushButton>(tab, "reportsButton"), Qt::LeftButton);
    auto *dialog = tab.findChild<PostmortemReportsDialog *>();
    QVERIFY(dialog);
    for (QChartView *view :
         {dialog->severityByMonthView(), dialog->responseTimesView(), dialog->ownersView()}) {
        QChart *chart = view->chart();
        QCOMPARE(chart->series().size(), 1);
        QCOMPARE(chart->axes().size(), 2);
        QCOMPARE(chart->series().first()->attachedAxes().size(), 2);
    }
    auto *byMonth = qobject_cast<QAbstractBarSeries *>(
        dialog->severityByMonthView()->chart()->series().first());
    QCOMPARE(byMonth->count(), SeverityCount);      // one set per severity
    QCOMPARE(byMonth->barSets().at(1)->at(0), 1.0); // January, P1
    auto *owners =
        qobject_cast<QAbstractBarSeries *>(dialog->ownersView()->chart()->series().first());
    QCOMPARE(owners->barSets().at(1)->at(0), 1.0); // devops: one overdue
    dialog->refresh();                             // rebuilding leaves one series each
    QCOMPARE(dialog->responseTimesView()->chart()->series().size(), 1);
}

QTEST_MAIN(TestPostmortemTab)
#include "test_postmortemtab.moc"
