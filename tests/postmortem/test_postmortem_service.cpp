#include "core/incidentjson.h"
#include "pmfixtures.h"
#include "pmservicefixture.h"
#include "services/postmortem/postmortemexport.h"
#include "services/postmortem/postmortemservice.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace idesk;
using namespace idesk::pmtest;
using namespace Qt::StringLiterals;

namespace {

// RLIMIT_FSIZE makes every write past `bytes` fail with EFBIG, as a full disk would; the signal
// the kernel sends with it is ignored so the write just fails.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

class TestPostmortemService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void freshDocumentSuggestsReview();
    void saveAndLoad();
    void exportReadsTheStore();
    void exportFunctionForTheCli();
    void unknownIncident();
    void unreadableStoredDocument();
    void reviewIcs();
    void resolutionNotificationUsesTriageTemplate();
    void reports();
    void writeFileIsAtomic();
};

void TestPostmortemService::freshDocumentSuggestsReview()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    PostmortemService pm(*f.service);
    QVERIFY(!pm.hasStoredDocument(inc.id));
    const PostmortemDoc d = pm.document(inc.id);
    QCOMPARE(d.reviewAt, utc(2024, 1, 16, 10, 0)); // next day 10:00 UTC, the runbook's example
    QVERIFY(!d.keyEventIds.has_value());

    // still open: no meeting yet, but a suggestion counted from now
    NewIncident n;
    n.title = u"Open one"_s;
    const Incident open = f.service->declare(n);
    QVERIFY(!pm.document(open.id).reviewAt.isValid());
    QCOMPARE(pm.suggestedReviewTime(open.id), utc(2024, 1, 16, 10, 0));
}

void TestPostmortemService::saveAndLoad()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    PostmortemService pm(*f.service);
    QSignalSpy saved(&pm, &PostmortemService::documentSaved);
    PostmortemDoc d = pm.document(inc.id);
    d.rootCause = u"Memory leak"_s;
    d.contributingFactors = {u"No pool monitoring"_s};
    d.summary.usersAffected = 50000;
    d.keyEventIds = QStringList{};
    pm.save(inc.id, d);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toString(), inc.id);
    QVERIFY(pm.hasStoredDocument(inc.id));

    PostmortemService other(*f.service); // a second face (CLI) sees the same document
    QVERIFY(other.document(inc.id) == d);
}

void TestPostmortemService::exportReadsTheStore()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"Add connection pool monitoring"_s, u"devops"_s,
                             QDate(2024, 1, 20));
    NewEvent secret;
    secret.occurredAt = utc(2024, 1, 15, 14, 50);
    secret.kind = EventKind::Note;
    secret.text = u"psql postgres://orders:hunter22@db/orders"_s;
    secret.pinned = true;
    f.service->addEvent(inc.id, secret);
    PostmortemService pm(*f.service);

    const PostmortemMarkdown red = pm.exportMarkdown(inc.id);
    QCOMPARE(red.redactedCount, 1);
    QVERIFY(red.markdown.startsWith(u"# Post-Mortem: Order creation failing\n"_s));
    QVERIFY(red.markdown.contains(u"- **Duration**: 1 hour 15 minutes\n"_s));
    QVERIFY(
        red.markdown.contains(u"- **Impact**: 45,000 users affected, $12,000 revenue impact\n"_s));
    QVERIFY(red.markdown.contains(u"- **14:45 UTC**: Root cause identified\n"_s));
    QVERIFY(!red.markdown.contains(u"Checked dashboards"_s)); // not pinned
    QVERIFY(red.markdown.contains(u"postgres://orders:[REDACTED]@db/orders"_s));
    QVERIFY(red.markdown.contains(
        u"1. [ ] Add connection pool monitoring (Owner: @devops, Due: 2024-01-20)\n"_s));

    const PostmortemMarkdown plain = pm.exportMarkdown(inc.id, false);
    QCOMPARE(plain.redactedCount, 0);
    QVERIFY(plain.markdown.contains(u"hunter22"_s));

    // an unsaved document (the editor's) is exported as given
    PostmortemDoc d;
    d.rootCause = u"Not saved yet"_s;
    QVERIFY(pm.exportMarkdown(inc.id, d).markdown.contains(u"## Root Cause\nNot saved yet\n"_s));
    QVERIFY(!pm.hasStoredDocument(inc.id));
}

void TestPostmortemService::exportFunctionForTheCli()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    NewEvent e;
    e.text = u"token=abc123 and AKIAIOSFODNN7EXAMPLE"_s;
    e.pinned = true;
    f.service->addEvent(inc.id, e);
    int count = -1;
    const QString md = exportPostmortemMarkdown(*f.service, inc.id, true, &count);
    QCOMPARE(count, 2);
    QVERIFY(!md.contains(u"AKIAIOSFODNN7EXAMPLE"_s));
    const QString raw = exportPostmortemMarkdown(*f.service, inc.id, false, &count);
    QCOMPARE(count, 0);
    QVERIFY(raw.contains(u"AKIAIOSFODNN7EXAMPLE"_s));
    QCOMPARE(exportPostmortemMarkdown(*f.service, inc.id, true), md); // count is optional
}

void TestPostmortemService::unknownIncident()
{
    ServiceFixture f;
    PostmortemService pm(*f.service);
    try {
        exportPostmortemMarkdown(*f.service, u"no-such-id"_s, true, nullptr);
        QFAIL("exported an unknown incident");
    } catch (const StoreError &e) {
        QCOMPARE(e.code(), StoreError::Code::NotFound);
    }
    QVERIFY_THROWS_EXCEPTION(StoreError, pm.document(u"no-such-id"_s));
}

void TestPostmortemService::unreadableStoredDocument()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.store().savePostmortem(inc.id, "{\"wentWell\": 3}");
    PostmortemService pm(*f.service);
    QVERIFY_THROWS_EXCEPTION(FormatError, pm.document(inc.id));
}

void TestPostmortemService::reviewIcs()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    PostmortemService pm(*f.service);
    PostmortemDoc d = pm.document(inc.id);
    const QByteArray ics = pm.reviewIcs(inc.id, d);
    QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(ics.contains("\r\nDTSTART:20240116T100000Z\r\n"));
    QVERIFY(ics.contains("\r\nDTSTAMP:20240115T154500Z\r\n"));
    d.reviewAt = {};
    QVERIFY(pm.reviewIcs(inc.id, d).isEmpty());
}

void TestPostmortemService::resolutionNotificationUsesTriageTemplate()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident();
    f.service->addActionItem(inc.id, u"Add connection pool monitoring"_s, u"devops"_s,
                             QDate(2024, 1, 20));
    const ActionItem done =
        f.service->addActionItem(inc.id, u"Already done"_s, u"devops"_s, QDate(2024, 1, 16));
    ActionItem d2 = done;
    d2.status = ActionStatus::Done;
    f.service->updateActionItem(d2);
    PostmortemService pm(*f.service);
    PostmortemDoc d = pm.document(inc.id);
    d.resolution = u"Restarted the connection pool and deployed a hotfix."_s;
    const QString msg = pm.resolutionNotification(inc.id, d);
    QVERIFY2(msg.contains(u"INCIDENT RESOLVED"_s), qPrintable(msg));
    QVERIFY(msg.contains(u"Restarted the connection pool and deployed a hotfix."_s));
    QVERIFY(msg.contains(u"Post-mortem scheduled for 2024-01-16 10:00 UTC"_s));
    QVERIFY(msg.contains(u"Add connection pool monitoring"_s));
    QVERIFY(!msg.contains(u"Already done"_s));
}

void TestPostmortemService::reports()
{
    ServiceFixture f;
    const Incident inc = f.runbookIncident(); // P1, acknowledged? no: only resolved
    f.service->addActionItem(inc.id, u"a"_s, u"devops"_s, QDate(2024, 1, 10)); // overdue
    f.service->addActionItem(inc.id, u"b"_s, u"@devops"_s, QDate(2024, 2, 10));
    f.service->addActionItem(inc.id, u"c"_s, u"qa"_s, QDate(2024, 2, 10));
    PostmortemService pm(*f.service);
    const PostmortemReports r = pm.reports();
    QCOMPARE(r.bySeverityAndMonth.months.size(), std::size_t(1));
    QCOMPARE(r.bySeverityAndMonth.counts[0][1], 1);
    QCOMPARE(r.responseTimes[1].resolveSamples, 1);
    QCOMPARE(*r.responseTimes[1].mttrMinutes, 75.0);
    QCOMPARE(r.openActionItemsByOwner.size(), std::size_t(2));
    QCOMPARE(r.openActionItemsByOwner[0].owner, u"devops"_s);
    QCOMPARE(r.openActionItemsByOwner[0].open, 2);
    QCOMPARE(r.openActionItemsByOwner[0].overdue, 1);
}

void TestPostmortemService::writeFileIsAtomic()
{
    test::TempDir dir;
    const QString path = dir.file(u"a.md"_s);
    QString error;
    QVERIFY(PostmortemService::writeFile(path, "old report\n", &error));
    QCOMPARE(test::readFile(path), QByteArray("old report\n"));

    // The disk fills up half-way through the new report: the write fails after part of it went
    // out. The old report must be there, whole, and nothing half-written beside it.
    const QByteArray report(256 * 1024, 'x');
    {
        const FileSizeLimit limit(64 * 1024);
        QVERIFY(!PostmortemService::writeFile(path, report, &error));
    }
    QVERIFY(!error.isEmpty());
    QCOMPARE(test::readFile(path), QByteArray("old report\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"a.md"_s});

    // Without the limit the same write replaces the file completely.
    QVERIFY2(PostmortemService::writeFile(path, report, &error), qPrintable(error));
    QCOMPARE(test::readFile(path), report);

    QVERIFY(!PostmortemService::writeFile(dir.file(u"missing/dir/a.md"_s), "x", &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestPostmortemService)
#include "test_postmortem_service.moc"
