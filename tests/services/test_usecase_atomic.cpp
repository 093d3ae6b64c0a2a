// Each use case is one transaction: a failure at its last step leaves nothing behind, and the
// database file is shared safely with other connections and other programs.
#include "services/incidentreader.h"
#include "services/incidentservice.h"
#include "storage/store.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

using namespace idesk;

namespace {

// Makes the next timeline insert on this connection fail, like a full disk at the use case's
// last step would.
void failTimelineInserts(Store &store)
{
    QSqlQuery q(store.db());
    QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER fail_events BEFORE INSERT ON "
                                  "timeline_events BEGIN SELECT RAISE(ABORT, 'injected'); END")));
}

int rows(Store &store, const QString &sql)
{
    QSqlQuery q(store.db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// This process's POSIX locks on the file, from /proc/locks ("… POSIX ADVISORY READ pid
// maj:min:inode start end").
int locksHeldOn(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    QFile f(QStringLiteral("/proc/locks"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray inode = ':' + QByteArray::number(qulonglong(st.st_ino)) + ' ';
    const QByteArray pid = ' ' + QByteArray::number(qint64(::getpid())) + ' ';
    int n = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.contains("POSIX") && line.contains(pid) && line.contains(inode))
            ++n;
    }
    return n;
}

} // namespace

class TestUseCaseAtomic : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC)};

    std::unique_ptr<IncidentService> open(const QString &path)
    {
        return IncidentService::open(path, defaultProfile(), m_clock);
    }

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void failedLastStepChangesNothing_data()
    {
        QTest::addColumn<QString>("useCase");
        for (const char *name : {"declare", "setStatus", "setSeverity", "acknowledge", "escalate",
                                 "setChecklistItem", "assignRoles"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void failedLastStepChangesNothing()
    {
        QFETCH(QString, useCase);
        const test::TempDir dir;
        auto service = open(dir.file(QStringLiteral("db.sqlite")));
        const Incident inc =
            service->declare({QStringLiteral("Orders failing"), Severity::P2, {}, {}});
        const QString itemId = service->checklist(inc.id).front().id;
        const IncidentBundle before = service->bundle(inc.id);
        const int incidentsBefore =
            rows(service->store(), QStringLiteral("SELECT count(*) FROM incidents"));
        const int checklistBefore =
            rows(service->store(), QStringLiteral("SELECT count(*) FROM checklist_items"));
        const int outboxBefore = service->store().pendingOutbox();

        failTimelineInserts(service->store());
        QSignalSpy changed(service.get(), &IncidentService::incidentChanged);
        QSignalSpy listChanged(service.get(), &IncidentService::incidentsChanged);
        const std::map<QString, std::function<void()>> run{
            {QStringLiteral("declare"),
             [&] {
                 service->declare({QStringLiteral("Second"), Severity::P1, {}, {}});
             }},
            {QStringLiteral("setStatus"),
             [&] { service->setStatus(inc.id, IncidentStatus::Identified); }},
            {QStringLiteral("setSeverity"), [&] { service->setSeverity(inc.id, Severity::P0); }},
            {QStringLiteral("acknowledge"), [&] { service->acknowledge(inc.id); }},
            {QStringLiteral("escalate"), [&] { service->escalate(inc.id, 2); }},
            {QStringLiteral("setChecklistItem"),
             [&] { service->setChecklistItem(inc.id, itemId, true); }},
            {QStringLiteral("assignRoles"),
             [&] {
                 service->assignRoles(inc.id, QStringLiteral("alice"), QStringLiteral("bob"),
                                      QStringLiteral("carol"));
             }},
        };
        QVERIFY_THROWS_EXCEPTION(StoreError, run.at(useCase)());

        QCOMPARE(rows(service->store(), QStringLiteral("SELECT count(*) FROM incidents")),
                 incidentsBefore);
        QCOMPARE(rows(service->store(), QStringLiteral("SELECT count(*) FROM checklist_items")),
                 checklistBefore);
        QCOMPARE(service->store().pendingOutbox(), outboxBefore);
        const IncidentBundle after = service->bundle(inc.id);
        QCOMPARE(after.incident, before.incident);
        QCOMPARE(after.checklist, before.checklist);
        QCOMPARE(after.events.size(), before.events.size());
        QCOMPARE(changed.count(), 0); // no view is told about a change that was rolled back
        QCOMPARE(listChanged.count(), 0);
        QVERIFY(!service->store().inTransaction());

        // The connection is usable afterwards: the next use case commits normally.
        QSqlQuery(service->store().db()).exec(QStringLiteral("DROP TRIGGER temp.fail_events"));
        service->setStatus(inc.id, IncidentStatus::Mitigating);
        QCOMPARE(service->incident(inc.id)->status, IncidentStatus::Mitigating);
    }

    void innerFailureStopsTheOuterCommit()
    {
        const test::TempDir dir;
        auto service = open(dir.file(QStringLiteral("db.sqlite")));
        Store &store = service->store();
        {
            Store::Transaction outer(store);
            store.declareIncident({QStringLiteral("kept?"), Severity::P3, {}, {}});
            try {
                Store::Transaction inner(store);
                throw std::runtime_error("a step failed");
            } catch (const std::runtime_error &) {
                // Swallowed by a careless caller: the outer commit must not save half the work.
            }
            QVERIFY_THROWS_EXCEPTION(StoreError, outer.commit());
        }
        QVERIFY(!store.inTransaction());
        QCOMPARE(service->incidentSummaries().size(), std::size_t(0));
    }

    void assignRolesRecordsOneEvent()
    {
        const test::TempDir dir;
        auto service = open(dir.file(QStringLiteral("db.sqlite")));
        const Incident inc = service->declare({QStringLiteral("Roles"), Severity::P2, {}, {}});
        const int events = service->eventCount(inc.id);
        service->assignRoles(inc.id, QStringLiteral(" alice "), QStringLiteral("bob"), {});
        QCOMPARE(service->incident(inc.id)->commander, QStringLiteral("alice"));
        QCOMPARE(service->incident(inc.id)->commsLead, QStringLiteral("bob"));
        QCOMPARE(service->eventCount(inc.id), events + 1);
        service->assignRoles(inc.id, QStringLiteral("alice"), QStringLiteral("bob"), {});
        QCOMPARE(service->eventCount(inc.id), events + 1); // nothing changed, nothing recorded
    }

    void busyDatabaseSaysSoAndChangesNothing()
    {
        const test::TempDir dir;
        const QString path = dir.file(QStringLiteral("db.sqlite"));
        auto service = open(path);
        const Incident inc = service->declare({QStringLiteral("Busy"), Severity::P2, {}, {}});
        auto other = Store::open(path, m_clock); // another program holding the write lock
        Store::Transaction held(*other);
        try {
            service->setStatus(inc.id, IncidentStatus::Identified);
            QFAIL("the write went through while another connection held the lock");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::Busy);
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("Nothing was changed")),
                     qPrintable(e.message()));
            QVERIFY2(!e.message().contains(QStringLiteral("BEGIN")), qPrintable(e.message()));
        }
        held.commit();
        QCOMPARE(service->incident(inc.id)->status, IncidentStatus::Investigating);
    }

    void fullDiskSaysSoAndChangesNothing()
    {
        const test::TempDir dir;
        const QString path = dir.file(QStringLiteral("db.sqlite"));
        auto service = open(path);
        const Incident inc = service->declare({QStringLiteral("Full"), Severity::P2, {}, {}});
        const int events = service->eventCount(inc.id);
        // SQLite answers SQLITE_FULL when the file may not grow, exactly as on a full disk.
        QSqlQuery q(service->store().db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1")));
        q.finish();
        try {
            for (int i = 0; i < 200; ++i) // enough to need a new page
                service->declare({QStringLiteral("Another %1").arg(i), Severity::P3, {}, {}});
            QFAIL("the file grew past its limit");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::DiskFull);
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("Nothing was changed")),
                     qPrintable(e.message()));
        }
        // Each declaration went in whole or not at all.
        for (const auto &s : service->incidentSummaries()) {
            QCOMPARE(int(service->checklist(s.id).size()), int(service->checklist(inc.id).size()));
            QVERIFY(service->eventCount(s.id) >= 1);
        }
        QCOMPARE(service->eventCount(inc.id), events);
    }

    void changesByOtherConnectionsAreAnnounced()
    {
        const test::TempDir dir;
        const QString path = dir.file(QStringLiteral("db.sqlite"));
        auto window = open(path);
        auto cli = open(path);
        const Incident inc = window->declare({QStringLiteral("Shared"), Severity::P2, {}, {}});
        QVERIFY(!window->refreshFromElsewhere()); // its own commits are not "elsewhere"

        QSignalSpy events(window.get(), &IncidentService::eventsChanged);
        QSignalSpy list(window.get(), &IncidentService::incidentsChanged);
        NewEvent e;
        e.text = QStringLiteral("from the terminal");
        cli->addEvent(inc.id, e);
        QVERIFY(window->refreshFromElsewhere());
        QVERIFY(events.contains(QVariantList{inc.id}));
        QCOMPARE(list.count(), 1);
        QVERIFY(!window->refreshFromElsewhere());
    }

    void secondConnectionKeepsTheFirstOnesLocks()
    {
        const test::TempDir dir;
        const QString path = dir.file(QStringLiteral("db.sqlite"));
        auto service = open(path);
        service->declare({QStringLiteral("Locks"), Severity::P2, {}, {}});
        (void)service->incidentSummaries(); // a WAL reader holds its shared lock from here on
        const int held = locksHeldOn(path);
        QVERIFY2(held > 0, "the connection holds no lock on its file");

        // What the window does a second after start: a reader on another connection and the
        // page check. Neither may open the file outside SQLite, or the process's locks go.
        {
            IncidentReader reader(path);
            QCOMPARE(reader.integrityProblems(), QString());
        }
        QCOMPARE(IncidentService::integrityProblems(path), QString());
        // The defect this guards against drops the locks to none; SQLite may hold one more
        // range for a moment while another connection's close settles the WAL.
        const int after = locksHeldOn(path);
        QVERIFY2(after >= held,
                 qPrintable(QStringLiteral("%1 locks before, %2 after").arg(held).arg(after)));
    }

    void fifoIsRefusedAtOnce()
    {
        const test::TempDir dir;
        const QString path = dir.file(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        QElapsedTimer t;
        t.start();
        try {
            open(path);
            QFAIL("a FIFO was accepted as a database");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::CannotOpen);
            QVERIFY2(e.message().contains(QStringLiteral("not a regular file")),
                     qPrintable(e.message()));
        }
        QVERIFY(QFileInfo(path).exists());
    }
};

QTEST_GUILESS_MAIN(TestUseCaseAtomic)
#include "test_usecase_atomic.moc"
