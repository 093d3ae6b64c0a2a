#include "fakehttpserver.h"
#include "fakekubeapi.h"
#include "gui/diagnostics/contextbar.h"
#include "gui/diagnostics/diagnosticstab.h"
#include "gui/diagnostics/mitigationdialog.h"
#include "gui/diagnostics/statuslight.h"
#include "gui/diagnostics/watchdialog.h"
#include "gui/mainwindow.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport/testsupport.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChartView>
#include <QClipboard>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace idesk;
using namespace idesk::test;
using State = CheckCatalogModel::State;

namespace {

constexpr int kRunTimeout = 30000; // kubectl start-up on a loaded CI machine
// The kubeconfig the fake API server writes names its context like the shipped profile's.
const QString kContext = QStringLiteral("web3-marketplace-prod");

template<typename T> T *child(QObject &w, const QString &name)
{
    T *c = w.findChild<T *>(name);
    if (!c)
        qFatal("no child %s", qPrintable(name));
    return c;
}

// What the frontend health endpoint answers: markup that must reach the user as text.
const QByteArray kHtmlBody = "<html><body><h1>Down</h1><b>maintenance</b></body></html>";

// Whether kubectl reached the restart's target at all: it reads the deployment before it
// patches it, and the fake server answers reads only, so any request for it counts.
bool changedTheCluster(const FakeKubeApi &api)
{
    for (const auto &r : api.requests()) {
        if (r.method != "GET" || r.path.contains("/deployments/backend"))
            return true;
    }
    return false;
}

} // namespace

class TestDiagnosticsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void quickHealthShowsLightsAndFilesEvidence();
    void escCancelsAHangingCheck();
    void mitigationRefusedInReadOnlyMode();
    void mitigationRunsOnlyWithTheExactName();
    void watchChartsLatencyAndFilesChanges();
    void kubectlTableShownAsTable();
    void outputViewChoiceSurvivesARestart();
    void statusSpansMergeRuns();
    void sqlRowsShownAsTable();

private:
    DiagnosticsTab *openTab();
    StatusLight *light(const QString &id) const
    {
        return child<StatusLight>(*m_tab, QStringLiteral("healthLight-") + id);
    }

    TempDir m_tmp;
    std::unique_ptr<FakeKubeApi> m_api;
    std::unique_ptr<FakeHttpServer> m_web;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QList<QTcpSocket *> m_held; // requests to /hang, never answered
    bool m_healthDown = false;  // /health answers 503 while set
    DiagnosticsTab *m_tab = nullptr;
    QString m_incidentId;
};

void TestDiagnosticsTab::initTestCase()
{
    enterTestMode();
    qputenv("KUBECACHEDIR", (m_tmp.path() + QStringLiteral("/cache")).toUtf8());
}

void TestDiagnosticsTab::init()
{
    m_api = std::make_unique<FakeKubeApi>();
    QVERIFY(m_api->start());
    m_web = std::make_unique<FakeHttpServer>();
    QVERIFY(m_web->start());
    m_held.clear();
    m_healthDown = false;
    m_web->setHandler([this](const FakeHttpServer::Request &r, QTcpSocket *s) {
        if (r.path.startsWith("/hang")) {
            m_held << s;
            return;
        }
        if (r.path.startsWith("/bad") || (m_healthDown && r.path.startsWith("/health"))) {
            FakeHttpServer::reply(s, 503, "text/html", kHtmlBody);
            return;
        }
        FakeHttpServer::reply(s, 200, "application/json", R"({"status":"ok"})");
    });
    qputenv("KUBECONFIG", m_api->writeKubeconfig(m_tmp.path(), kContext).toUtf8());
    qunsetenv("IDESK_KUBECTL");
}

void TestDiagnosticsTab::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_tab = nullptr;
    m_web.reset();
    m_api.reset();
    qunsetenv("KUBECONFIG");
}

// The window on a fresh database with one incident selected and the Diagnostics tab in front.
// The quick health's API check answers well, the frontend check as `frontendPath` says.
DiagnosticsTab *TestDiagnosticsTab::openTab()
{
    static int n = 0;
    const QString dir = m_tmp.path() + QStringLiteral("/run%1").arg(++n);
    QDir().mkpath(dir);
    Profile p = defaultProfile();
    p.kube.context = kContext;
    // The throwaway server of the test script, when there is one: sql checks go through libpq.
    p.database.conninfo = test::pgConninfo();
    p.kube.productionContexts = QStringList{QStringLiteral("web3-marketplace-prod")};
    for (DiagnosticCheck &c : p.diagnostics) {
        if (c.id == u"quick-api-health")
            c.url = m_web->url(QStringLiteral("/health"));
        if (c.id == u"quick-frontend-health")
            c.url = m_web->url(QTest::currentTestFunction() == QByteArray("escCancelsAHangingCheck")
                                   ? QStringLiteral("/hang")
                                   : QStringLiteral("/bad"));
    }
    static const SystemClock clock;
    auto service = IncidentService::open(dir + QStringLiteral("/db.sqlite"), p, clock);
    service->setActor(QStringLiteral("jane.roe"));
    NewIncident inc;
    inc.title = QStringLiteral("Checkout failing");
    inc.severity = Severity::P1;
    inc.startedAt = clock.now();
    m_incidentId = service->declare(inc).id;
    m_settings = std::make_unique<Settings>(dir + QStringLiteral("/settings.ini"));
    m_window = std::make_unique<MainWindow>(std::move(service), *m_settings);
    m_window->resize(1280, 800);
    m_window->show();
    if (!m_window->selectIncident(m_incidentId))
        qFatal("the incident is not in the list");
    m_window->tabs()->setCurrentIndex(1);
    m_tab = qobject_cast<DiagnosticsTab *>(m_window->currentTab());
    if (!m_tab)
        qFatal("the Diagnostics tab is not a DiagnosticsTab");
    // The window shows a tab built on first view in the next turn of the event loop.
    if (!QTest::qWaitFor([this] { return m_tab->isVisible(); }))
        qFatal("the Diagnostics tab never showed");
    return m_tab;
}

void TestDiagnosticsTab::quickHealthShowsLightsAndFilesEvidence()
{
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    // The context bar names the context and says PRODUCTION in words, not only in red.
    auto *badge = child<QLabel>(*tab, QStringLiteral("productionBadge"));
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("PRODUCTION"));
    QVERIFY(child<QLabel>(*tab, QStringLiteral("contextLabel"))->text().contains(kContext));
    QVERIFY(child<QLabel>(*tab, QStringLiteral("modeLabel"))->text().contains(u"Read-only"));

    const QStringList quick{
        QStringLiteral("quick-nodes"),      QStringLiteral("quick-pods"),
        QStringLiteral("quick-services"),   QStringLiteral("quick-ingress"),
        QStringLiteral("quick-api-health"), QStringLiteral("quick-frontend-health")};
    for (const QString &id : quick)
        QCOMPARE(light(id)->state(), State::NotRun);

    QTest::mouseClick(child<QPushButton>(*tab, QStringLiteral("runQuickHealth")), Qt::LeftButton);
    // The click returned while the checks still run: nothing waited on the GUI thread.
    QVERIFY(tab->runningCount() > 0);

    QTRY_COMPARE_WITH_TIMEOUT(light(QStringLiteral("quick-frontend-health"))->state(), State::Fail,
                              kRunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
    for (const QString &id : quick) {
        const State want = id == u"quick-frontend-health" ? State::Fail : State::Pass;
        QVERIFY2(light(id)->state() == want,
                 qPrintable(id + QStringLiteral(": ") + light(id)->statusText() +
                            QStringLiteral(" / ") + light(id)->toolTip()));
    }
    QCOMPARE(light(QStringLiteral("quick-frontend-health"))->statusText(), QStringLiteral("FAIL"));
    QCOMPARE(child<QLabel>(*tab, QStringLiteral("healthSummary"))->text(),
             QStringLiteral("Quick health: 1 failing, 5 of 6 pass"));
    // The catalog row says the same.
    QCOMPARE(tab->catalog()
                 ->indexOf(QStringLiteral("quick-frontend-health"), CheckCatalogModel::Status)
                 .data()
                 .toString(),
             QStringLiteral("FAIL"));

    // Every run is evidence on the incident's timeline.
    const auto events = m_window->service().events(EventQuery{m_incidentId});
    QStringList evidence;
    for (const TimelineEvent &e : events) {
        if (e.kind == EventKind::Evidence)
            evidence << e.text;
    }
    QCOMPARE(evidence.size(), quick.size());
    const QString frontend = evidence.filter(QStringLiteral("quick-frontend-health")).value(0);
    QVERIFY2(frontend.contains(QStringLiteral("jane.roe ran quick-frontend-health")),
             qPrintable(frontend));
    QVERIFY(frontend.contains(QStringLiteral(": fail")));

    // The output pane: the exact request above it, the HTML body shown literally.
    QTest::mouseClick(light(QStringLiteral("quick-frontend-health")), Qt::LeftButton);
    QCOMPARE(tab->shownCheck(), QStringLiteral("quick-frontend-health"));
    auto *output = child<QPlainTextEdit>(*tab, QStringLiteral("output"));
    QVERIFY(output->isReadOnly());
    QVERIFY2(output->toPlainText().contains(QString::fromLatin1(kHtmlBody)),
             qPrintable(output->toPlainText()));
    QCOMPARE(child<QPlainTextEdit>(*tab, QStringLiteral("commandLine"))->toPlainText(),
             QStringLiteral("GET ") + m_web->url(QStringLiteral("/bad")));
    auto *result = child<QLabel>(*tab, QStringLiteral("resultLabel"));
    QCOMPARE(result->textFormat(), Qt::PlainText);
    QVERIFY2(result->text().contains(QStringLiteral("Filed on the incident's timeline")),
             qPrintable(result->text()));

    // A kubectl check shows its exact argv with context and namespace.
    QTest::mouseClick(light(QStringLiteral("quick-nodes")), Qt::LeftButton);
    const QString argv = child<QPlainTextEdit>(*tab, QStringLiteral("commandLine"))->toPlainText();
    QVERIFY2(argv.contains(
                 QStringLiteral("--context=web3-marketplace-prod --namespace=web3-marketplace")) &&
                 argv.endsWith(QStringLiteral("get nodes")),
             qPrintable(argv));
    QVERIFY(child<QLabel>(*tab, QStringLiteral("whereLabel"))->text().contains(u"PRODUCTION"));

    // Ctrl+F in the output finds in it.
    output->setFocus();
    QTRY_VERIFY(output->hasFocus());
    QTest::mouseClick(light(QStringLiteral("quick-frontend-health")), Qt::LeftButton);
    QTest::keyClick(output, Qt::Key_F, Qt::ControlModifier);
    auto *findEdit = child<QLineEdit>(*tab, QStringLiteral("findEdit"));
    QVERIFY(findEdit->isVisible());
    QTest::keyClicks(findEdit, QStringLiteral("maintenance"));
    QCOMPARE(output->textCursor().selectedText(), QStringLiteral("maintenance"));

    const QString shots = qEnvironmentVariable("IDESK_DIAG_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        QTest::mouseClick(light(QStringLiteral("quick-frontend-health")), Qt::LeftButton);
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/diagnostics-1280.png")));
        // About half a 1920-pixel screen; the window's own minimum (the Triage tab) may be a
        // few pixels more.
        m_window->resize(900, 800);
        QTRY_VERIFY(m_window->width() <= std::max(900, m_window->minimumSizeHint().width()));
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/diagnostics-900.png")));
    }
}

void TestDiagnosticsTab::escCancelsAHangingCheck()
{
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    QTest::mouseClick(child<QPushButton>(*tab, QStringLiteral("runQuickHealth")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(light(QStringLiteral("quick-api-health"))->state(), State::Pass,
                              kRunTimeout);
    QTRY_VERIFY(!m_held.isEmpty());
    QCOMPARE(light(QStringLiteral("quick-frontend-health"))->state(), State::Running);
    auto *tree = child<QTreeView>(*tab, QStringLiteral("checkCatalog"));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Escape);
    // Well within the check's 10 s timeout: the cancel, not the deadline, ended it.
    QTRY_COMPARE_WITH_TIMEOUT(light(QStringLiteral("quick-frontend-health"))->state(),
                              State::Cancelled, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
    // F5 runs the same checks again.
    QTest::keyClick(tree, Qt::Key_F5);
    QTRY_COMPARE(light(QStringLiteral("quick-frontend-health"))->state(), State::Running);
    tab->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
}

void TestDiagnosticsTab::mitigationRefusedInReadOnlyMode()
{
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    QVERIFY(tab->isReadOnly());
    auto *tree = child<QTreeView>(*tab, QStringLiteral("checkCatalog"));
    const QModelIndex source = tab->catalog()->indexOf(QStringLiteral("restart-backend"));
    QVERIFY(source.isValid());
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(tree->model());
    tree->setCurrentIndex(proxy->mapFromSource(source));
    QCOMPARE(tab->shownCheck(), QStringLiteral("restart-backend"));
    // The exact command and the target context are shown before anything runs.
    const QString cmd = child<QPlainTextEdit>(*tab, QStringLiteral("commandLine"))->toPlainText();
    QVERIFY2(cmd.contains(QStringLiteral("--context=web3-marketplace-prod")) &&
                 cmd.contains(QStringLiteral("rollout restart deployment/backend")),
             qPrintable(cmd));
    QVERIFY(!child<QPushButton>(*tab, QStringLiteral("runMitigation"))->isEnabled());
    QVERIFY(child<QLabel>(*tab, QStringLiteral("mitigationText"))->text().contains(u"Read-only"));

    // Enter on the row, the run-selected and the re-run paths: none of them opens the gate.
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    tab->runMitigation(QStringLiteral("restart-backend"));
    tab->runChecks({QStringLiteral("restart-backend")});
    QVERIFY(!tab->findChild<MitigationDialog *>());
    QCOMPARE(tab->runningCount(), 0);
    QVERIFY(child<QLabel>(*tab, QStringLiteral("notice"))->isVisible());
    QTest::qWait(0);
    QVERIFY(!changedTheCluster(*m_api));
    QCOMPARE(tab->catalog()->state(QStringLiteral("restart-backend")), State::NotRun);
}

void TestDiagnosticsTab::mitigationRunsOnlyWithTheExactName()
{
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    // Leaving read-only mode asks first; Cancel keeps it on.
    auto *modeButton = child<QPushButton>(*tab, QStringLiteral("modeButton"));
    QTest::mouseClick(modeButton, Qt::LeftButton);
    auto *confirm = tab->findChild<QMessageBox *>(QStringLiteral("leaveReadOnlyConfirm"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(tab->isReadOnly());
    QTRY_VERIFY(!tab->findChild<QMessageBox *>(QStringLiteral("leaveReadOnlyConfirm")));
    QTest::mouseClick(modeButton, Qt::LeftButton);
    confirm = tab->findChild<QMessageBox *>(QStringLiteral("leaveReadOnlyConfirm"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(!tab->isReadOnly());
    QVERIFY(!m_window->service().readOnly());
    QCOMPARE(child<QLabel>(*tab, QStringLiteral("modeLabel"))->text(),
             QStringLiteral("MITIGATIONS ENABLED"));

    tab->showCheck(QStringLiteral("restart-backend"));
    auto *run = child<QPushButton>(*tab, QStringLiteral("runMitigation"));
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    auto *dialog = tab->findChild<MitigationDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString cmd =
        child<QPlainTextEdit>(*dialog, QStringLiteral("mitigationCommand"))->toPlainText();
    QVERIFY2(cmd.contains(QStringLiteral("--context=web3-marketplace-prod")) &&
                 cmd.contains(QStringLiteral("rollout restart deployment/backend")),
             qPrintable(cmd));

    // A wrong name: the run button stays off and Enter does not run it.
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("frontend"));
    QVERIFY(!dialog->runButton()->isEnabled());
    QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    dialog->accept(); // even a direct accept does not get past a wrong name
    QVERIFY(dialog->isVisible());
    QTest::qWait(0);
    QVERIFY(!changedTheCluster(*m_api));
    QCOMPARE(tab->runningCount(), 0);
    QCOMPARE(tab->catalog()->state(QStringLiteral("restart-backend")), State::NotRun);

    // Close, but not quite: "backend " with a space is not the target either.
    dialog->nameEdit()->setText(QStringLiteral("backend "));
    QVERIFY(!dialog->runButton()->isEnabled());
    dialog->nameEdit()->setText(QStringLiteral("backend"));
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY(!changedTheCluster(*m_api));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(changedTheCluster(*m_api), kRunTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        tab->catalog()->state(QStringLiteral("restart-backend")) != State::Running &&
            tab->catalog()->state(QStringLiteral("restart-backend")) != State::NotRun,
        kRunTimeout);
    QVERIFY(tab->catalog()->state(QStringLiteral("restart-backend")) != State::Refused);
    bool filed = false;
    for (const TimelineEvent &e : m_window->service().events(EventQuery{m_incidentId}))
        filed = filed || (e.kind == EventKind::Evidence && e.text.contains(u"restart-backend"));
    QVERIFY(filed);
}

void TestDiagnosticsTab::watchChartsLatencyAndFilesChanges()
{
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    auto *watchButton = child<QPushButton>(*tab, QStringLiteral("watchButton"));
    tab->showCheck(QStringLiteral("quick-nodes"));
    QVERIFY(!watchButton->isVisible()); // kubectl checks are not watched
    tab->showCheck(QStringLiteral("quick-api-health"));
    QVERIFY(watchButton->isVisible());
    QTest::mouseClick(watchButton, Qt::LeftButton);
    auto *watch = tab->findChild<WatchDialog *>();
    QVERIFY(watch);
    QVERIFY(watch->isWatching());
    watch->setIntervalMs(20);
    QTRY_VERIFY_WITH_TIMEOUT(watch->samples() >= 3, kRunTimeout);
    QCOMPARE(watch->failures(), 0);
    m_healthDown = true;
    QTRY_VERIFY_WITH_TIMEOUT(watch->failures() >= 2, kRunTimeout);
    m_healthDown = false;
    const int before = watch->samples();
    QTRY_VERIFY_WITH_TIMEOUT(watch->samples() >= before + 2, kRunTimeout);
    watch->stop();
    QVERIFY(!watch->isWatching());
    QTRY_VERIFY(!watch->isBusy()); // a sample under way comes back cancelled
    const int samples = watch->samples();

    // Every sample is on the chart, the failed ones marked as well.
    auto *view = child<QChartView>(*watch, QStringLiteral("watchChart"));
    auto *latency = qobject_cast<QLineSeries *>(view->chart()->series().value(0));
    QVERIFY(latency);
    QCOMPARE(latency->count(), samples);
    QCOMPARE(qobject_cast<QXYSeries *>(view->chart()->series().value(1))->count(),
             watch->failures());

    // Status over time: a band along the top, passing, then failing, then passing again, on the
    // same time axis as the latency; the failing band covers exactly the failed samples' span.
    const auto spans = watch->statusSpans();
    QCOMPARE(spans.size(), size_t(3));
    QVERIFY(spans[0].pass && !spans[1].pass && spans[2].pass);
    auto *failed = qobject_cast<QXYSeries *>(view->chart()->series().value(1));
    QCOMPARE(spans[1].from, failed->at(0).x());
    QCOMPARE(spans[1].to, spans[2].from);
    QAreaSeries *failBand = nullptr;
    for (QAbstractSeries *series : view->chart()->series()) {
        if (series->objectName() == u"failBand")
            failBand = qobject_cast<QAreaSeries *>(series);
    }
    QVERIFY(failBand);
    QCOMPARE(failBand->name(), QStringLiteral("failing"));
    QVERIFY(view->chart()->legend()->isVisible());
    const QList<QPointF> top = failBand->upperSeries()->points();
    QCOMPARE(top.size(), 6);
    QCOMPARE(top[0].y(), top[1].y()); // passing span: the failing band has no height
    QVERIFY(top[2].y() > top[0].y()); // the failing span stands up
    QCOMPARE(top[2].x(), spans[1].from);
    QCOMPARE(top[3].x(), spans[1].to);
    QCOMPARE(top[4].y(), top[0].y());
    QCOMPARE(failBand->attachedAxes().value(0), view->chart()->axes(Qt::Horizontal).value(0));

    // Filed: the first sample, the change to failing and the change back; not every sample.
    QCOMPARE(watch->filed(), 3);
    int evidence = 0;
    for (const TimelineEvent &e : m_window->service().events(EventQuery{m_incidentId}))
        evidence += e.kind == EventKind::Evidence && e.text.contains(u"watched: API health");
    QCOMPARE(evidence, 3);
    QVERIFY(samples > evidence);
    if (const QString shots = qEnvironmentVariable("IDESK_DIAG_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(watch->grab().save(shots + QStringLiteral("/watch.png")));
    watch->close();
}

void TestDiagnosticsTab::kubectlTableShownAsTable()
{
    m_api->setPods({{QStringLiteral("web3-marketplace"), QStringLiteral("backend-5d8f7c9b4-x2x7q"),
                     QStringLiteral("Running")},
                    {QStringLiteral("web3-marketplace"), QStringLiteral("backend-5d8f7c9b4-zq9kt"),
                     QStringLiteral("CrashLoopBackOff")},
                    {QStringLiteral("web3-marketplace"), QStringLiteral("frontend-7c6d9f8b5-abcde"),
                     QStringLiteral("Running")}});
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    auto *asTable = child<QToolButton>(*tab, QStringLiteral("outputAsTable"));
    auto *asText = child<QToolButton>(*tab, QStringLiteral("outputAsText"));
    auto *output = child<QPlainTextEdit>(*tab, QStringLiteral("output"));
    QTableView *table = tab->outputTable();

    // An HTTP body is never a table.
    tab->runChecks({QStringLiteral("quick-frontend-health"), QStringLiteral("quick-pods")});
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
    tab->showCheck(QStringLiteral("quick-frontend-health"));
    QVERIFY(!tab->tableOffered());
    QVERIFY(!asTable->isEnabled());
    QVERIFY(output->isVisible());

    tab->showCheck(QStringLiteral("quick-pods"));
    QVERIFY2(tab->tableOffered(), qPrintable(output->toPlainText()));
    QVERIFY(asTable->isEnabled());
    QVERIFY(!tab->showsTable()); // text until asked
    QTest::mouseClick(asTable, Qt::LeftButton);
    QVERIFY(tab->showsTable());
    QVERIFY(table->isVisible());
    QVERIFY(asTable->isChecked());
    QAbstractItemModel *m = table->model();
    QCOMPARE(m->columnCount(), 2);
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("NAME"));
    QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QStringLiteral("STATUS"));
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(m->index(1, 1).data().toString(), QStringLiteral("CrashLoopBackOff"));

    // Sorted by a header click, by status: CrashLoopBackOff first.
    const QPoint statusHeader(table->horizontalHeader()->sectionViewportPosition(1) + 5, 5);
    QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {}, statusHeader);
    QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("backend-5d8f7c9b4-zq9kt"));

    // Ctrl+C copies the selection as TSV.
    table->setFocus();
    table->selectionModel()->select(QItemSelection(m->index(0, 0), m->index(1, 1)),
                                    QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("backend-5d8f7c9b4-zq9kt\tCrashLoopBackOff\n"
                            "backend-5d8f7c9b4-x2x7q\tRunning\n"));

    // Ctrl+F in the table narrows its rows.
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    auto *findEdit = child<QLineEdit>(*tab, QStringLiteral("findEdit"));
    QVERIFY(findEdit->isVisible());
    QTest::keyClicks(findEdit, QStringLiteral("frontend"));
    QCOMPARE(m->rowCount(), 1);
    findEdit->clear();
    QCOMPARE(m->rowCount(), 3);

    // The choice holds for the next check; a check without a table falls back to text and
    // gets the table again when a tabular one is shown.
    tab->showCheck(QStringLiteral("quick-frontend-health"));
    QVERIFY(!tab->showsTable());
    QVERIFY(asText->isChecked());
    tab->showCheck(QStringLiteral("quick-pods"));
    QVERIFY(tab->showsTable());
    if (const QString shots = qEnvironmentVariable("IDESK_DIAG_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/output-table-kubectl.png")));

    // In text mode Ctrl+F still finds in the text.
    QTest::mouseClick(asText, Qt::LeftButton);
    QVERIFY(!tab->showsTable());
    QVERIFY(output->isVisible());
    output->setFocus();
    QTRY_VERIFY(output->hasFocus());
    QTest::keyClick(output, Qt::Key_F, Qt::ControlModifier);
    findEdit->setText(QStringLiteral("CrashLoop"));
    QCOMPARE(output->textCursor().selectedText(), QStringLiteral("CrashLoop"));
}

void TestDiagnosticsTab::outputViewChoiceSurvivesARestart()
{
    m_api->setPods({{QStringLiteral("web3-marketplace"), QStringLiteral("backend-5d8f7c9b4-x2x7q"),
                     QStringLiteral("Running")}});
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    const QString pods = QStringLiteral("quick-pods");
    tab->runChecks({pods});
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
    tab->showCheck(pods);
    QVERIFY(tab->tableOffered());
    QVERIFY(!tab->showsTable());
    QTest::mouseClick(child<QToolButton>(*tab, QStringLiteral("outputAsTable")), Qt::LeftButton);
    QVERIFY(tab->showsTable());

    // Closed and started again on the same settings file: the table comes back by itself.
    const QString db = m_window->service().databasePath();
    const QString ini = QFileInfo(db).absolutePath() + QStringLiteral("/settings.ini");
    m_tab = nullptr;
    m_window.reset();
    m_settings.reset();
    QVERIFY(Settings(ini).diagnosticsOutputAsTable());
    Profile p = defaultProfile();
    p.kube.context = kContext;
    static const SystemClock clock;
    m_settings = std::make_unique<Settings>(ini);
    m_window = std::make_unique<MainWindow>(IncidentService::open(db, p, clock), *m_settings);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(m_window->selectIncident(m_incidentId));
    m_window->tabs()->setCurrentIndex(1);
    tab = qobject_cast<DiagnosticsTab *>(m_window->currentTab());
    QVERIFY(tab);
    QTRY_VERIFY(tab->isVisible());
    QVERIFY(tab->prefersTable());
    tab->runChecks({pods});
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
    tab->showCheck(pods);
    QVERIFY(tab->showsTable());

    // Text chosen is kept the same way.
    QTest::mouseClick(child<QToolButton>(*tab, QStringLiteral("outputAsText")), Qt::LeftButton);
    QVERIFY(!tab->showsTable());
    m_window.reset();
    m_settings.reset();
    QVERIFY(!Settings(ini).diagnosticsOutputAsTable());
}

void TestDiagnosticsTab::statusSpansMergeRuns()
{
    using S = WatchDialog::Sample;
    const auto spans =
        WatchDialog::statusSpans({S{0, true}, S{2, true}, S{4, false}, S{6, false}, S{8, true}}, 2);
    QCOMPARE(spans.size(), size_t(3));
    QCOMPARE(spans[0].from, 0.0);
    QCOMPARE(spans[0].to, 4.0);
    QVERIFY(!spans[1].pass);
    QCOMPARE(spans[1].to, 8.0);
    QCOMPARE(spans[2].to, 10.0);
    QVERIFY(WatchDialog::statusSpans({}, 2).empty());
}

void TestDiagnosticsTab::sqlRowsShownAsTable()
{
    IDESK_NEED_PG();
    DiagnosticsTab *tab = openTab();
    QVERIFY(tab);
    const QString id = QStringLiteral("db-active-queries");
    tab->runChecks({id});
    QTRY_COMPARE_WITH_TIMEOUT(tab->runningCount(), 0, kRunTimeout);
    tab->showCheck(id);
    QCOMPARE(tab->catalog()->state(id), State::Pass);
    // Through libpq, not kubectl: the command line names the query and the connection.
    const QString cmd = child<QPlainTextEdit>(*tab, QStringLiteral("commandLine"))->toPlainText();
    QVERIFY2(!cmd.contains(u"kubectl") && cmd.contains(u"pg_stat_activity"), qPrintable(cmd));
    QVERIFY(child<QLabel>(*tab, QStringLiteral("whereLabel"))->text().startsWith(u"Database:"));
    QVERIFY(tab->tableOffered());
    tab->setShowTable(true);
    QVERIFY(tab->outputTable()->isVisible());
    QAbstractItemModel *m = tab->outputTable()->model();
    QStringList columns;
    for (int c = 0; c < m->columnCount(); ++c)
        columns << m->headerData(c, Qt::Horizontal).toString();
    QVERIFY2(columns.contains(u"pid") && columns.contains(u"state") && columns.contains(u"query"),
             qPrintable(columns.join(u',')));
    // The check's own session is active while it runs: one row at least, state "active".
    QVERIFY(m->rowCount() >= 1);
    QCOMPARE(m->index(0, int(columns.indexOf(u"state"))).data().toString(),
             QStringLiteral("active"));
    if (const QString shots = qEnvironmentVariable("IDESK_DIAG_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/output-table-sql.png")));
}

QTEST_MAIN(TestDiagnosticsTab)
#include "test_diagnosticstab.moc"
