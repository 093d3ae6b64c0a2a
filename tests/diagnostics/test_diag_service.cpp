#include "core/clock.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::test;

class TestDiagService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void init();
    void cleanup() { m_service.reset(); }
    void signalsFollowTheCommit();
    void nothingAnnouncedWhenRolledBack();
    void evidenceNamesWhereItRan();
    void excerptIsCutAndRedacted();

private:
    std::unique_ptr<TempDir> m_dir;
    SystemClock m_clock;
    std::unique_ptr<IncidentService> m_service;
    QString m_incident;
};

void TestDiagService::init()
{
    m_dir = std::make_unique<TempDir>();
    m_service =
        IncidentService::open(m_dir->file(QStringLiteral("db.sqlite")), defaultProfile(), m_clock);
    m_service->setActor(QStringLiteral("jane.roe"));
    m_incident =
        m_service->declare(NewIncident{QStringLiteral("Checkout down"), Severity::P1, {}, {}}).id;
}

void TestDiagService::signalsFollowTheCommit()
{
    DiagnosticsService diag(*m_service);
    // What a view would do on each signal: read the event's output back. Inside the transaction
    // it is not there yet, and a rollback would leave the view showing an event that never was.
    QList<bool> inTx;
    QList<bool> outputThere;
    const auto look = [&](const QString &eventId) {
        inTx << m_service->store().inTransaction();
        outputThere << diag.output(eventId).has_value();
    };
    connect(m_service.get(), &IncidentService::eventAdded, this,
            [&](const TimelineEvent &e) { look(e.id); });
    connect(&diag, &DiagnosticsService::evidenceRecorded, this,
            [&](const TimelineEvent &e) { look(e.id); });
    QSignalSpy changed(m_service.get(), &IncidentService::eventsChanged);
    diag::DiagnosticResult r;
    r.check = QStringLiteral("nodes");
    r.kind = QStringLiteral("kubectl");
    r.status = diag::RunStatus::Pass;
    r.output = QStringLiteral("node-a Ready\n");
    const TimelineEvent added = diag.recordEvidence(m_incident, r, QStringLiteral("Nodes"));
    QCOMPARE(inTx, (QList<bool>{false, false}));
    QCOMPARE(outputThere, (QList<bool>{true, true}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), m_incident);
    QCOMPARE(added.author, QStringLiteral("jane.roe"));
    QCOMPARE(added.kind, EventKind::Evidence);
    QCOMPARE(added.source, QStringLiteral("diagnostics"));
}

void TestDiagService::nothingAnnouncedWhenRolledBack()
{
    DiagnosticsService diag(*m_service);
    QSignalSpy added(m_service.get(), &IncidentService::eventAdded);
    QSignalSpy recorded(&diag, &DiagnosticsService::evidenceRecorded);
    diag::DiagnosticResult r;
    r.check = QStringLiteral("nodes");
    QVERIFY_THROWS_EXCEPTION(StoreError,
                             diag.recordEvidence(QStringLiteral("no-such-incident"), r));
    QCOMPARE(added.size(), 0);
    QCOMPARE(recorded.size(), 0);
    QVERIFY(!m_service->store().inTransaction());
}

void TestDiagService::evidenceNamesWhereItRan()
{
    diag::DiagnosticResult r;
    r.check = QStringLiteral("db-locks");
    r.kind = QStringLiteral("sql");
    r.status = diag::RunStatus::Fail;
    r.exitCode = 1;
    r.durationMs = 12;
    r.context = QStringLiteral("web3-marketplace-prod");
    r.ns = QStringLiteral("web3-marketplace");
    r.production = true;
    r.database = QStringLiteral("host=db dbname=shop");
    r.url = QStringLiteral("https://example.test/health");
    r.host = QStringLiteral("api.example.test");
    r.argv = QStringList{QStringLiteral("/usr/bin/kubectl"), QStringLiteral("exec"),
                         QStringLiteral("SELECT 'x' FROM t;")};
    r.summary = QStringLiteral("the query failed");
    const QString text = DiagnosticsService::evidenceText(r, QStringLiteral("Locks"), {});
    QVERIFY2(text.startsWith(QStringLiteral("someone ran db-locks (Locks): fail\n"
                                            "exit code 1, 12 ms\n"
                                            "context web3-marketplace-prod [PRODUCTION], namespace "
                                            "web3-marketplace, database host=db dbname=shop\n")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("$ /usr/bin/kubectl exec 'SELECT '\\''x'\\'' FROM t;'")));
    QVERIFY(text.contains(QStringLiteral("\nURL https://example.test/health")));
    QVERIFY(text.contains(QStringLiteral("\nhost api.example.test")));
    QVERIFY(text.endsWith(QStringLiteral("\nthe query failed")));
    r.production = false;
    QVERIFY(!DiagnosticsService::evidenceText(r, {}, QStringLiteral("x")).contains(u"PRODUCTION"));
}

void TestDiagService::excerptIsCutAndRedacted()
{
    DiagnosticsService diag(*m_service);
    diag::DiagnosticResult r;
    r.check = QStringLiteral("logs-backend");
    r.status = diag::RunStatus::Pass;
    QStringList lines;
    for (int i = 0; i < 50; ++i)
        lines << QStringLiteral("line %1").arg(i);
    lines[3] = QStringLiteral("password=s3cr3tP4ssw0rd");
    r.output = lines.join(QLatin1Char('\n'));
    const QString text = DiagnosticsService::evidenceText(r, {}, QStringLiteral("jane"));
    QVERIFY(text.contains(QStringLiteral("line 19\n…")));
    QVERIFY(!text.contains(QStringLiteral("line 20")));
    QVERIFY(!text.contains(QStringLiteral("s3cr3tP4ssw0rd")));
    r.output = QString(5000, QLatin1Char('y'));
    const QString wide = DiagnosticsService::evidenceText(r, {}, QStringLiteral("jane"));
    QVERIFY(wide.endsWith(QString(10, QLatin1Char('y')) + QStringLiteral("\n…")));
    QVERIFY(wide.size() < 2200);
    // The full output is kept, redacted, beside the event.
    r.output = lines.join(QLatin1Char('\n'));
    const TimelineEvent e = diag.recordEvidence(m_incident, r);
    const auto out = diag.output(e.id);
    QVERIFY(out.has_value());
    QVERIFY(out->output.contains(QStringLiteral("line 49")));
    QVERIFY(!out->output.contains(QStringLiteral("s3cr3tP4ssw0rd")));
}

QTEST_GUILESS_MAIN(TestDiagService)
#include "test_diag_service.moc"
