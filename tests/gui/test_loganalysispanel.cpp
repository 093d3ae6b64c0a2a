// The log analysis panel's main path: a file analysed off the GUI thread, the tables filled with
// the runbook's counts, and the summary filed on the incident's timeline; progress and Cancel on a
// big file, a template's own lines, .gz files, and kubectl logs through the fake API server.

#include "core/clock.h"
#include "core/profile.h"
#include "fakekubeapi.h"
#include "gui/logs/loganalysispanel.h"
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

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

    // The chart draws the most frequent templates over time, one line each, and what each line
    // adds up to is that template's count; a log without timestamps says it has nothing to draw.
    void chartShowsTopTemplatesOverTime()
    {
        test::TempDir dir;
        const SystemClock clock;
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        QByteArray log;
        // Seven kinds of error over three hours; kind k has 10 * (k + 1) lines.
        const char *kinds[] = {"disk full on vol",
                               "payment declined for order",
                               "cache miss storm on key",
                               "upstream timeout from host",
                               "websocket closed by client",
                               "lock wait exceeded on table",
                               "certificate expires soon for"};
        for (int k = 0; k < 7; ++k) {
            for (int i = 0; i < 10 * (k + 1); ++i) {
                const QDateTime at =
                    QDateTime(QDate(2024, 5, 1), QTime(13, 0), QTimeZone::utc()).addSecs(i * 97);
                log += at.toString(Qt::ISODate).toLatin1() + " ERROR " + kinds[k] + ' ' +
                       QByteArray::number(i) + '\n';
            }
        }
        dir.write(QStringLiteral("app.log"), log);
        LogAnalysisPanel panel(*service);
        panel.analyzeFile(dir.file(QStringLiteral("app.log")));
        QTRY_VERIFY(!panel.isBusy());
        QTRY_COMPARE(panel.templatesTable()->rowCount(), 7);
        QChart *chart = panel.errorsChart()->chart();
        const QList<QAbstractSeries *> series = chart->series();
        QCOMPARE(series.size(), 5);
        for (int k = 0; k < 5; ++k) {
            auto *line = qobject_cast<QLineSeries *>(series[k]);
            QVERIFY(line);
            // the five largest kinds, largest first, named after their templates
            QVERIFY2(line->name().contains(QString::fromLatin1(kinds[6 - k])),
                     qPrintable(line->name()));
            double sum = 0;
            const QList<QPointF> points = line->points();
            for (qsizetype p = 0; p < points.size(); p += 2) // each bucket is two points
                sum += points[p].y();
            QCOMPARE(sum, double(10 * (7 - k)));
        }
        QVERIFY(qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).value(0)));
        if (const QString shots = qEnvironmentVariable("IDESK_LOG_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            panel.resize(1000, 700);
            panel.show();
            panel.findChild<QTabWidget *>()->setCurrentWidget(panel.errorsChart());
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            QVERIFY(panel.grab().save(shots + QStringLiteral("/log-chart.png")));
        }

        dir.write(QStringLiteral("plain.log"), "ERROR no time here\nERROR nor here\n");
        panel.analyzeFile(dir.file(QStringLiteral("plain.log")));
        QTRY_VERIFY(!panel.isBusy());
        QTRY_COMPARE(panel.templatesTable()->rowCount(), 2);
        QCOMPARE(chart->series().size(), 0);
        QVERIFY2(chart->title().contains(QStringLiteral("No timestamps")),
                 qPrintable(chart->title()));
    }

    void bigFileShowsProgressAndCancels()
    {
        test::TempDir dir;
        const SystemClock clock;
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        // A few MB of log lines, then a sparse stretch (holes read as zeros, cut into lines) to
        // 4 GB: far more than any machine analyses before the test presses Cancel, and nothing
        // on the disk.
        const QString path = dir.file(QStringLiteral("big.log"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray block;
            for (int i = 0; i < 40000; ++i)
                block += "2024-05-01T13:55:10Z ERROR request failed user=u_" +
                         QByteArray::number(i) + " order=ord_9f\n";
            f.write(block);
            const qint64 size = qint64(4) << 30;
            for (qint64 at = f.pos() + (qint64(1) << 20); at < size; at += qint64(1) << 20) {
                QVERIFY(f.seek(at));
                f.write("\n");
            }
        }
        LogAnalysisPanel panel(*service);
        panel.resize(900, 700);
        panel.show();
        panel.setReadBlockSize(qint64(1) << 20);
        QSignalSpy finished(&panel, &LogAnalysisPanel::analysisFinished);
        QSignalSpy stopped(&panel, &LogAnalysisPanel::analysisStopped);
        panel.analyzeFile(path);
        QVERIFY(panel.isBusy());
        QVERIFY(panel.progressBar()->isVisible());
        QVERIFY(panel.cancelButton()->isVisible());
        // The GUI thread is free: the bar moves while the worker reads. (A slow build on a busy
        // machine takes seconds for the first per mille; the wait ends as soon as it moves.)
        QTRY_VERIFY_WITH_TIMEOUT(panel.progressBar()->value() > 0, 60000);
        const int seen = panel.progressBar()->value();
        QTRY_VERIFY_WITH_TIMEOUT(panel.progressBar()->value() > seen, 60000);
        QVERIFY2(panel.progressBar()->text().contains(QStringLiteral(" of 4")),
                 qPrintable(panel.progressBar()->text()));
        if (const QString shots = qEnvironmentVariable("IDESK_LOG_SCREENSHOT_DIR");
            !shots.isEmpty())
            QVERIFY(panel.grab().save(shots + QStringLiteral("/log-progress.png")));
        QElapsedTimer cancelled;
        cancelled.start();
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!panel.isBusy());
        qInfo("cancel took %lld ms", cancelled.elapsed());
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(finished.size(), 0);
        QVERIFY2(panel.statusText().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(panel.statusText()));
        QVERIFY(!panel.progressBar()->isVisible());
        QCOMPARE(panel.templatesTable()->rowCount(), 0);
        QVERIFY(!panel.evidenceButton()->isEnabled());
    }

    void bigPasteShowsProgressAndCancels()
    {
        test::TempDir dir;
        const SystemClock clock;
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        // Tens of MB of matching lines: seconds of work in small blocks, so the test sees the
        // bar move and presses Cancel long before the end.
        QByteArray text;
        const QByteArray line = "2024-05-01T13:55:10Z ERROR request failed user=u_";
        for (int i = 0; text.size() < (qsizetype(24) << 20); ++i)
            text += line + QByteArray::number(i) + " order=ord_9f\n";
        LogAnalysisPanel panel(*service);
        panel.resize(900, 700);
        panel.show();
        panel.setReadBlockSize(qint64(64) << 10);
        QSignalSpy finished(&panel, &LogAnalysisPanel::analysisFinished);
        QSignalSpy stopped(&panel, &LogAnalysisPanel::analysisStopped);
        panel.analyzeText(text);
        QVERIFY(panel.isBusy());
        QVERIFY(panel.cancelButton()->isVisible());
        // The bar moves while the worker is still at it.
        QTRY_VERIFY_WITH_TIMEOUT(panel.isBusy() && panel.progressBar()->value() > 0, 60000);
        QVERIFY2(panel.progressBar()->text().contains(QStringLiteral(" of 24")),
                 qPrintable(panel.progressBar()->text()));
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!panel.isBusy());
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(finished.size(), 0);
        // Stopped where it was, not after analysing everything anyway.
        const QString status = panel.statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Cancelled")), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral(" 24.0 MB")), qPrintable(status));
        QCOMPARE(panel.templatesTable()->rowCount(), 0);
    }

    void templateShowsItsLines()
    {
        test::TempDir dir;
        const SystemClock clock;
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        QByteArray log;
        for (int i = 1; i <= 300; ++i) {
            if (i % 3 == 0)
                log +=
                    "2024-05-01T13:55:00Z ERROR db timeout after " + QByteArray::number(i) + "ms\n";
            else if (i % 50 == 0)
                log += "2024-05-01T13:55:00Z ERROR cache miss \x1b[31mkey=k" +
                       QByteArray::number(i) + "\n";
            else
                log += "2024-05-01T13:55:00Z INFO ok " + QByteArray::number(i) + "\n";
        }
        dir.write(QStringLiteral("app.log"), log);
        // The same log compressed: read through the same source as the CLI's.
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"),
                   {QStringLiteral("-k"), dir.file(QStringLiteral("app.log"))});
        QVERIFY(gzip.waitForFinished());
        QCOMPARE(gzip.exitCode(), 0);

        for (const QString &name : {QStringLiteral("app.log"), QStringLiteral("app.log.gz")}) {
            LogAnalysisPanel panel(*service);
            panel.show();
            QSignalSpy shown(&panel, &LogAnalysisPanel::exampleLinesShown);
            panel.analyzeFile(dir.file(name));
            QTRY_VERIFY(!panel.isBusy());
            QCOMPARE(panel.templatesTable()->rowCount(), 2);
            QCOMPARE(panel.templatesTable()->item(0, 1)->text(),
                     QStringLiteral("ERROR db timeout after <*>"));
            QCOMPARE(panel.templatesTable()->item(1, 0)->text(), QStringLiteral("4"));
            panel.templatesTable()->setCurrentCell(1, 1);
            QTRY_COMPARE(shown.size(), 1);
            const QString text = panel.exampleLines()->toPlainText();
            const QStringList lines = text.split(QLatin1Char('\n'));
            QCOMPARE(lines.size(), 5);
            QVERIFY2(
                lines[1].startsWith(QStringLiteral(" 50  2024-05-01T13:55:00Z ERROR cache miss")),
                qPrintable(text));
            QVERIFY2(lines[4].startsWith(QStringLiteral("250  ")), qPrintable(text));
            // Control characters from the log never reach the pane.
            QVERIFY(!text.contains(QChar(0x1b)));
            panel.templatesTable()->setCurrentCell(0, 1);
            QTRY_COMPARE(shown.size(), 2);
            QVERIFY(panel.exampleLines()->toPlainText().contains(QStringLiteral("\n  3  ")));
            // The first 100 of its 100 lines.
            QCOMPARE(panel.exampleLines()->toPlainText().count(QLatin1Char('\n')), 100);
            if (const QString shots = qEnvironmentVariable("IDESK_LOG_SCREENSHOT_DIR");
                !shots.isEmpty() && name == u"app.log") {
                panel.resize(900, 700);
                panel.findChild<QTabWidget *>()->setCurrentIndex(3);
                panel.templatesTable()->setCurrentCell(1, 1);
                QTRY_COMPARE(shown.size(), 3);
                QVERIFY(panel.grab().save(shots + QStringLiteral("/log-templates.png")));
            }
        }
    }

    void kubectlSourceThroughTheRunner()
    {
        test::TempDir dir;
        qputenv("KUBECACHEDIR", (dir.path() + QStringLiteral("/cache")).toUtf8());
        qunsetenv("IDESK_KUBECTL");
        test::FakeKubeApi api;
        QVERIFY(api.start());
        qputenv("KUBECONFIG", api.writeKubeconfig(dir.path(), QStringLiteral("fake")).toUtf8());
        Profile p = defaultProfile();
        p.kube.context = QStringLiteral("fake");
        api.setPods({{p.kube.ns, QStringLiteral("backend-aaaa"), QStringLiteral("Running")},
                     {p.kube.ns, QStringLiteral("backend-bbbb"), QStringLiteral("Running")}});
        api.setPodLog(QStringLiteral("backend-aaaa"),
                      "2024-05-01T10:00:00Z ERROR payment failed order=ord_1a\n"
                      "2024-05-01T10:00:01Z INFO GET /api response_time=120\n");
        api.setPodLog(QStringLiteral("backend-bbbb"),
                      "2024-05-01T10:01:00Z ERROR payment failed order=ord_2b\n");
        const SystemClock clock;
        auto service = IncidentService::open(dir.file(QStringLiteral("db.sqlite")), p, clock);
        const QString id =
            service->declare({QStringLiteral("Payments failing"), Severity::P1, {}, {}}).id;
        LogAnalysisPanel panel(*service);
        panel.setIncidentId(id);
        panel.show();

        // Not deployment/NAME: nothing runs.
        panel.kubectlTarget()->setText(QStringLiteral("pod/backend-aaaa"));
        QTest::mouseClick(panel.kubectlButton(), Qt::LeftButton);
        QVERIFY(!panel.isBusy());
        QVERIFY(panel.statusText().contains(QStringLiteral("deployment/NAME")));
        // A name kubectl would read as an option is refused by the runner's rules.
        panel.analyzeKubectl(QStringLiteral("deployment/--all"), {}, {}, false);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 30000);
        QVERIFY2(panel.statusText().startsWith(QStringLiteral("Could not analyse")),
                 qPrintable(panel.statusText()));
        for (const auto &r : api.requests())
            QVERIFY(!r.path.contains("/log"));

        panel.kubectlTarget()->setText(QStringLiteral("deployment/backend"));
        panel.findChild<QCheckBox *>()->setChecked(true);
        QTest::mouseClick(panel.kubectlButton(), Qt::LeftButton);
        QVERIFY(panel.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 30000);
        QVERIFY2(panel.statusText().contains(QStringLiteral("3 lines, 2 containing ERROR")),
                 qPrintable(panel.statusText()));
        // The exact command, with the profile's context and namespace, is the evidence's source;
        // all pods: those the deployment's selector picks.
        QVERIFY2(panel.source().contains(QStringLiteral("--context=fake")) &&
                     panel.source().contains(QStringLiteral("--namespace=") + p.kube.ns) &&
                     panel.source().contains(QStringLiteral("--selector=app=backend")) &&
                     panel.source().contains(QStringLiteral("--since=1h")),
                 qPrintable(panel.source()));
        QCOMPARE(panel.templatesTable()->item(0, 0)->text(), QStringLiteral("2"));
        QSignalSpy shown(&panel, &LogAnalysisPanel::exampleLinesShown);
        panel.templatesTable()->setCurrentCell(0, 1);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY2(panel.exampleLines()->toPlainText().contains(QStringLiteral("payment failed")),
                 qPrintable(panel.exampleLines()->toPlainText()));

        QSignalSpy added(&panel, &LogAnalysisPanel::evidenceAdded);
        QVERIFY(panel.evidenceButton()->isEnabled());
        QTest::mouseClick(panel.evidenceButton(), Qt::LeftButton);
        QCOMPARE(added.size(), 1);
        bool filed = false;
        for (const TimelineEvent &e : service->events(EventQuery{id}))
            filed = filed || (e.kind == EventKind::Evidence && e.text.contains(u"--context=fake"));
        QVERIFY(filed);
        qunsetenv("KUBECONFIG");
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
