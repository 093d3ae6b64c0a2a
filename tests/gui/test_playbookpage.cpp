#include "fakehttpserver.h"
#include "fakekubeapi.h"
#include "gui/diagnostics/diagnosticstab.h"
#include "gui/diagnostics/mitigationdialog.h"
#include "gui/diagnostics/playbookpage.h"
#include "gui/mainwindow.h"
#include "models/diagnostics/checkcatalogmodel.h"
#include "models/diagnostics/playbookstepmodel.h"
#include "services/diagnostics/playbookservice.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport/testsupport.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace idesk;
using namespace idesk::test;
using DisplayState = PlaybookStepModel::DisplayState;

namespace {

constexpr int kRunTimeout = 30000; // kubectl start-up on a loaded CI machine
const QString kContext = QStringLiteral("web3-marketplace-prod");

template<typename T> T *child(QObject &w, const QString &name)
{
    T *c = w.findChild<T *>(name);
    if (!c)
        qFatal("no child %s", qPrintable(name));
    return c;
}

QStringList playbookSources(IncidentService &service, const QString &incidentId)
{
    QStringList out;
    for (const TimelineEvent &e : service.events(EventQuery{incidentId})) {
        if (e.source.startsWith(u"playbook:"))
            out << e.source;
    }
    return out;
}

} // namespace

class TestPlaybookPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void triageOffersAndStepsAreKeptOnTheTimeline();
    void dismissedMitigationLeavesTheStepAsItWas();
    void aRunBelongsToTheIncidentItStartedFor();

private:
    DiagnosticsTab *openPlaybook(const QString &playbookId);
    void openWindow(bool declare);
    DisplayState stateOf(const QString &stepId) const
    {
        return m_page->model()->displayState(m_page->model()->rowOf(stepId));
    }

    TempDir m_tmp;
    std::unique_ptr<FakeKubeApi> m_api;
    std::unique_ptr<FakeHttpServer> m_web;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    PlaybookPage *m_page = nullptr;
    QString m_incidentId;
};

void TestPlaybookPage::initTestCase()
{
    enterTestMode();
    qputenv("KUBECACHEDIR", (m_tmp.path() + QStringLiteral("/cache")).toUtf8());
    m_api = std::make_unique<FakeKubeApi>();
    QVERIFY(m_api->start());
    m_web = std::make_unique<FakeHttpServer>();
    QVERIFY(m_web->start());
    m_web->setHandler([](const FakeHttpServer::Request &r, QTcpSocket *s) {
        if (r.path.startsWith("/bad"))
            FakeHttpServer::reply(s, 503, "text/plain", "down");
        else
            FakeHttpServer::reply(s, 200, "application/json", R"({"status":"ok"})");
    });
    qputenv("KUBECONFIG", m_api->writeKubeconfig(m_tmp.path(), kContext).toUtf8());
    qunsetenv("IDESK_KUBECTL");
}

void TestPlaybookPage::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_page = nullptr;
}

// The window over the test's database file; `declare` first adds the incident.
void TestPlaybookPage::openWindow(bool declare)
{
    Profile p = defaultProfile();
    p.kube.context = kContext;
    for (DiagnosticCheck &c : p.diagnostics) {
        if (c.id == u"quick-api-health")
            c.url = m_web->url(QStringLiteral("/health"));
        if (c.id == u"quick-frontend-health")
            c.url = m_web->url(QStringLiteral("/bad"));
    }
    static const SystemClock clock;
    auto service = IncidentService::open(m_tmp.file(QStringLiteral("db.sqlite")), p, clock);
    service->setActor(QStringLiteral("jane.roe"));
    if (declare) {
        NewIncident inc;
        inc.title = QStringLiteral("Site down: 503 on every page");
        inc.severity = Severity::P0;
        m_incidentId = service->declare(inc).id;
    }
    m_settings = std::make_unique<Settings>(m_tmp.file(QStringLiteral("settings.ini")));
    m_window = std::make_unique<MainWindow>(std::move(service), *m_settings);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(m_window->selectIncident(m_incidentId));
}

void TestPlaybookPage::triageOffersAndStepsAreKeptOnTheTimeline()
{
    openWindow(true);
    m_window->tabs()->setCurrentIndex(0);
    // Triage offers the scenario that fits the title, and its button opens it.
    QPushButton *offer = nullptr;
    QTRY_VERIFY((offer = m_window->findChild<QPushButton *>(QStringLiteral("openPlaybook"))) &&
                offer->isVisible());
    QCOMPARE(offer->text(), QStringLiteral("Open playbook: Website down"));
    QVERIFY2(child<QLabel>(*m_window, QStringLiteral("playbookOfferReason"))
                 ->text()
                 .contains(QStringLiteral("title mentions “down”, “503”, “site”")),
             qPrintable(child<QLabel>(*m_window, QStringLiteral("playbookOfferReason"))->text()));
    if (const QString shots = qEnvironmentVariable("IDESK_PLAYBOOK_SCREENSHOT_DIR");
        !shots.isEmpty()) {
        QDir().mkpath(shots);
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/triage-offer.png")));
    }
    QTest::mouseClick(offer, Qt::LeftButton);
    auto *tab = qobject_cast<DiagnosticsTab *>(m_window->currentTab());
    QVERIFY(tab);
    m_page = tab->playbookPage();
    QTRY_VERIFY(m_page->isVisible());
    QCOMPARE(child<QTabWidget>(*tab, QStringLiteral("diagnosticsPages"))->currentWidget(), m_page);
    QCOMPARE(m_page->currentPlaybookId(), QStringLiteral("website-down"));
    auto *progress = child<QLabel>(*m_page, QStringLiteral("playbookProgress"));
    QCOMPARE(progress->text(), QStringLiteral("0 of 14 done"));
    QTreeView *view = m_page->stepsView();
    QTRY_VERIFY(view->hasFocus());

    // Enter runs a check step; the key returns while kubectl still works.
    m_page->selectStep(QStringLiteral("pods"));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(stateOf(QStringLiteral("pods")), DisplayState::Running);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("pods")), DisplayState::Done, kRunTimeout);
    QCOMPARE(m_page->model()
                 ->index(m_page->model()->rowOf(QStringLiteral("pods")), PlaybookStepModel::State)
                 .data()
                 .toString(),
             QStringLiteral("Done"));

    // A failing check is a failed step, in words.
    m_page->selectStep(QStringLiteral("frontend-health"));
    QTest::keyClick(view, Qt::Key_Enter, Qt::KeypadModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("frontend-health")), DisplayState::Failed,
                              kRunTimeout);

    // Space ticks a manual step.
    m_page->selectStep(QStringLiteral("status-update"));
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(stateOf(QStringLiteral("status-update")), DisplayState::Done);
    QCOMPARE(progress->text(), QStringLiteral("2 of 14 done, 1 failed"));
    QCOMPARE(child<QPushButton>(*m_page, QStringLiteral("tickPlaybookStep"))->text(),
             QStringLiteral("Un&tick"));

    // In read-only mode a mitigation step runs nothing and says why.
    m_page->selectStep(QStringLiteral("restart-backend"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(child<QLabel>(*m_page, QStringLiteral("playbookNote"))->text().contains(u"Read-only"));
    QCOMPARE(stateOf(QStringLiteral("restart-backend")), DisplayState::NotYet);
    for (const auto &r : m_api->requests())
        QVERIFY2(r.method == "GET" && !r.path.contains("/deployments/backend"), r.path.constData());

    // Every step is on the timeline, next to the runs' evidence.
    IncidentService &service = m_window->service();
    QStringList sources = playbookSources(service, m_incidentId);
    sources.sort();
    QCOMPARE(sources, (QStringList{QStringLiteral("playbook:website-down:frontend-health:failed"),
                                   QStringLiteral("playbook:website-down:pods:passed"),
                                   QStringLiteral("playbook:website-down:status-update:ticked")}));
    int evidence = 0;
    for (const TimelineEvent &e : service.events(EventQuery{m_incidentId}))
        evidence += e.kind == EventKind::Evidence;
    QCOMPARE(evidence, 2);

    const QString shots = qEnvironmentVariable("IDESK_PLAYBOOK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        m_page->selectStep(QStringLiteral("api-health"));
        // The labels' new texts are laid out on the next turn of the event loop.
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/playbooks-1280.png")));
        m_window->resize(900, 800);
        QTRY_VERIFY(m_window->width() <= std::max(900, m_window->minimumSizeHint().width()));
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/playbooks-900.png")));
    }

    // Closed and opened again, the progress is read back from the database.
    m_window.reset();
    m_settings.reset();
    openWindow(false);
    m_window->tabs()->setCurrentIndex(1);
    tab = qobject_cast<DiagnosticsTab *>(m_window->currentTab());
    QVERIFY(tab);
    QVERIFY(tab->showPlaybook(QStringLiteral("website-down")));
    m_page = tab->playbookPage();
    QCOMPARE(stateOf(QStringLiteral("pods")), DisplayState::Done);
    QCOMPARE(stateOf(QStringLiteral("frontend-health")), DisplayState::Failed);
    QCOMPARE(stateOf(QStringLiteral("status-update")), DisplayState::Done);
    QCOMPARE(stateOf(QStringLiteral("api-health")), DisplayState::NotYet);
    QCOMPARE(child<QLabel>(*m_page, QStringLiteral("playbookProgress"))->text(),
             QStringLiteral("2 of 14 done, 1 failed"));

    // Space again takes the tick back: a tombstone on the timeline, and the count follows.
    m_page->selectStep(QStringLiteral("status-update"));
    m_page->stepsView()->setFocus();
    QTest::keyClick(m_page->stepsView(), Qt::Key_Space);
    QCOMPARE(stateOf(QStringLiteral("status-update")), DisplayState::NotYet);
    QCOMPARE(child<QLabel>(*m_page, QStringLiteral("playbookProgress"))->text(),
             QStringLiteral("1 of 14 done, 1 failed"));
    QCOMPARE(playbookSources(m_window->service(), m_incidentId).size(), 2);
}

// The Diagnostics tab with this playbook on its Playbooks page.
DiagnosticsTab *TestPlaybookPage::openPlaybook(const QString &playbookId)
{
    m_window->tabs()->setCurrentIndex(1);
    auto *tab = qobject_cast<DiagnosticsTab *>(m_window->currentTab());
    if (!tab || !tab->showPlaybook(playbookId))
        return nullptr;
    m_page = tab->playbookPage();
    return tab;
}

void TestPlaybookPage::dismissedMitigationLeavesTheStepAsItWas()
{
    openWindow(true);
    DiagnosticsTab *tab = openPlaybook(QStringLiteral("website-down"));
    QVERIFY(tab);
    const QString step = QStringLiteral("restart-backend");
    // An earlier attempt failed: that is the state to come back to.
    m_page->service()->recordRun(m_incidentId, m_page->model()->playbook(), step, false);
    QCOMPARE(stateOf(step), DisplayState::Failed);
    const QStringList recordedBefore = playbookSources(m_window->service(), m_incidentId);
    m_window->service().setReadOnly(false);

    m_page->selectStep(step);
    m_page->runCurrentStep();
    MitigationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = tab->findChild<MitigationDialog *>()) && dialog->isVisible());
    dialog->reject();
    QCOMPARE(stateOf(step), DisplayState::Failed);
    QVERIFY(child<QPushButton>(*m_page, QStringLiteral("runPlaybookStep"))->isEnabled());

    // The same check started later from the Checks page is not this step's run: the step
    // neither shows it as running nor files its outcome.
    const QString check = m_page->model()->playbook().step(step)->check;
    tab->catalog()->markRunning(check);
    QCOMPARE(stateOf(step), DisplayState::Failed);
    m_page->checkFinished(check);
    QCOMPARE(stateOf(step), DisplayState::Failed);
    QCOMPARE(playbookSources(m_window->service(), m_incidentId), recordedBefore);
    QVERIFY2(child<QLabel>(*m_page, QStringLiteral("playbookNote"))->text().contains(u"not run"),
             qPrintable(child<QLabel>(*m_page, QStringLiteral("playbookNote"))->text()));
}

// A check still running for one incident is that incident's: the page shows it running there
// and only there, and its outcome is filed there.
void TestPlaybookPage::aRunBelongsToTheIncidentItStartedFor()
{
    TempDir dir;
    static const SystemClock clock;
    auto service =
        IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
    const QString first = service->declare({QStringLiteral("Site down"), Severity::P0, {}, {}}).id;
    const QString second = service->declare({QStringLiteral("Site slow"), Severity::P2, {}, {}}).id;
    // The tab's part, played by hand: a requested check is marked running and stays so.
    CheckCatalogModel catalog;
    catalog.setChecks(service->profile().diagnostics);
    PlaybookPage page(*service, catalog);
    m_page = &page;
    connect(&page, &PlaybookPage::runCheckRequested, &catalog, &CheckCatalogModel::markRunning);
    page.setIncidentId(first);
    QVERIFY(page.choosePlaybook(QStringLiteral("website-down")));
    const QString step = QStringLiteral("pods");
    page.selectStep(step);
    page.runCurrentStep();
    QCOMPARE(stateOf(step), DisplayState::Running);

    page.setIncidentId(second);
    QCOMPARE(stateOf(step), DisplayState::NotYet);
    QVERIFY(child<QPushButton>(page, QStringLiteral("runPlaybookStep"))->isEnabled());
    page.setIncidentId(first);
    QCOMPARE(stateOf(step), DisplayState::Running);

    // Finished while the other incident is shown: filed on the one it ran for.
    page.setIncidentId(second);
    const QString check = page.model()->playbook().step(step)->check;
    diag::DiagnosticResult r;
    r.check = check;
    r.status = diag::RunStatus::Pass;
    catalog.setResult(r, clock.now());
    page.checkFinished(check);
    QCOMPARE(stateOf(step), DisplayState::NotYet);
    QCOMPARE(playbookSources(*service, first),
             QStringList{QStringLiteral("playbook:website-down:pods:passed")});
    QVERIFY(playbookSources(*service, second).isEmpty());
    m_page = nullptr;
}

QTEST_MAIN(TestPlaybookPage)
#include "test_playbookpage.moc"
