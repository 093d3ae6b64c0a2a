// The log analysis panel's main path: a file analysed off the GUI thread, the tables filled with
// the runbook's counts, and the summary filed on the incident's timeline.

#include "core/clock.h"
#include "core/profile.h"
#include "gui/logs/loganalysispanel.h"
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace idesk;

class TestLogAnalysisPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void fileToTablesToTimeline()
    {
        test::TempDir dir;
        const SystemClock clock;
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        const QString id =
            service->declare({QStringLiteral("Checkout down"), Severity::P1, {}, {}}).id;
        QByteArray log;
        for (int i = 0; i < 30; ++i)
            log += "2024-05-01T13:55:" + QByteArray::number(10 + i) +
                   "Z ERROR request failed user=u_" + QByteArray::number(i) + " token=abc\n";
        for (int i = 0; i < 5; ++i)
            log += "2024-05-01T13:56:0" + QByteArray::number(i) +
                   "Z ERROR db timeout\n2024-05-01T13:56:0" + QByteArray::number(i) +
                   "Z INFO GET /api response_time: " + QByteArray::number(100 * (i + 1)) + '\n';
        dir.write(QStringLiteral("app.log"), log);

        LogAnalysisPanel panel(*service);
        panel.setIncidentId(id);
        panel.show();
        QVERIFY(!panel.evidenceButton()->isEnabled());
        panel.analyzeFile(dir.file(QStringLiteral("app.log")));
        QTRY_VERIFY(!panel.isBusy());
        QTRY_COMPARE(panel.templatesTable()->rowCount(), 2);

        QCOMPARE(panel.errorGroupsTable()->rowCount(), 35); // every timestamped line differs
        QCOMPARE(panel.topMessagesTable()->item(0, 0)->text(), QStringLiteral("30"));
        QCOMPARE(panel.topMessagesTable()->item(0, 1)->text(), QStringLiteral("token=abc"));
        QCOMPARE(panel.templatesTable()->item(0, 0)->text(), QStringLiteral("30"));
        QCOMPARE(panel.templatesTable()->item(0, 1)->text(),
                 QStringLiteral("ERROR request failed user=<*> token=abc"));
        QCOMPARE(panel.templatesTable()->item(1, 0)->text(), QStringLiteral("5"));
        QCOMPARE(panel.slowestTable()->rowCount(), 5);
        QCOMPARE(panel.slowestTable()->item(0, 0)->text(), QStringLiteral("500"));

        QSignalSpy added(&panel, &LogAnalysisPanel::evidenceAdded);
        QVERIFY(panel.evidenceButton()->isEnabled());
        QTest::mouseClick(panel.evidenceButton(), Qt::LeftButton);
        QCOMPARE(added.size(), 1);
        EventQuery q;
        q.incidentId = id;
        bool found = false;
        for (const TimelineEvent &e : service->events(q)) {
            if (e.kind != EventKind::Evidence)
                continue;
            found = true;
            QCOMPARE(e.id, added.first().first().toString());
            QVERIFY2(e.text.contains(QStringLiteral("40 lines, 35 matching")), qPrintable(e.text));
            QVERIFY2(e.text.contains(QStringLiteral("30  ERROR request failed user=<*>")),
                     qPrintable(e.text));
            // Log lines carry secrets: the filed summary is redacted.
            QVERIFY2(!e.text.contains(QStringLiteral("token=abc")), qPrintable(e.text));
        }
        QVERIFY(found);
    }

    void unreadableFileSaysSo()
    {
        test::TempDir dir;
        const SystemClock clock;
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        LogAnalysisPanel panel(*service);
        panel.analyzeFile(dir.file(QStringLiteral("missing.log")));
        QVERIFY(!panel.isBusy());
        QVERIFY2(panel.statusText().startsWith(QStringLiteral("Cannot read")),
                 qPrintable(panel.statusText()));
        QCOMPARE(panel.errorGroupsTable()->rowCount(), 0);
    }
};

QTEST_MAIN(TestLogAnalysisPanel)
#include "test_loganalysispanel.moc"
