#include "services/incidentreader.h"
#include "services/incidentservice.h"
#include "testsupport.h"
#include "testsupport/damageddb.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace idesk;

class TestIncidentService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IncidentService> make(const QString &path)
    {
        return std::make_unique<IncidentService>(Store::open(path, m_clock), defaultProfile(),
                                                 m_clock);
    }
    // A service over a fresh db.sqlite in dir, with one incident declared.
    std::pair<std::unique_ptr<IncidentService>, Incident> withIncident(const test::TempDir &dir,
                                                                       const QString &title)
    {
        auto svc =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), m_clock);
        NewIncident n;
        n.title = title;
        n.severity = Severity::P1;
        const Incident inc = svc->declare(n);
        return {std::move(svc), inc};
    }
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)};

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void declareSeedsChecklistsAndTimeline()
    {
        test::TempDir dir;
        auto svc = make(dir.file(QStringLiteral("db.sqlite")));
        svc->setActor(QStringLiteral("john.doe"));
        QSignalSpy listSpy(svc.get(), &IncidentService::incidentsChanged);
        QSignalSpy eventSpy(svc.get(), &IncidentService::eventAdded);
        const Incident inc =
            svc->declare({QStringLiteral("Users unable to create orders"), Severity::P1, {}, {}});
        QCOMPARE(inc.channel, QStringLiteral("#incident-2024-01-15-001"));
        QCOMPARE(inc.commander, QStringLiteral("john.doe"));
        QCOMPARE(listSpy.count(), 1);
        QCOMPARE(eventSpy.count(), 1);
        const auto items = svc->store().checklist(inc.id);
        QCOMPARE(int(items.size()),
                 14); // 5 initial + 5 recovery + 4 post-incident from the profile
        const auto events = svc->store().events({inc.id});
        QCOMPARE(int(events.size()), 1);
        QCOMPARE(events.front().kind, EventKind::Alert);
        QVERIFY(events.front().text.contains(QStringLiteral("#incident-2024-01-15-001")));

        // An edit announces the new revision itself, so views update the row in place.
        QSignalSpy revisedSpy(svc.get(), &IncidentService::eventRevised);
        EventChange pin;
        pin.pinned = true;
        svc->editEvent(events.front().eventId, pin);
        QCOMPARE(revisedSpy.count(), 1);
        const auto revised = revisedSpy.front().front().value<TimelineEvent>();
        QCOMPARE(revised.revision, 2);
        QVERIFY(revised.pinned);
        QCOMPARE(eventSpy.count(), 1); // no new event
    }

    void declareWithoutAnyNameSaysSoOnce()
    {
        // No name in the request, the settings or the environment.
        const QByteArray user = qgetenv("USER");
        qunsetenv("USER");
        test::TempDir dir;
        auto svc = make(dir.file(QStringLiteral("db.sqlite")));
        qputenv("USER", user);
        const Incident inc = svc->declare({QStringLiteral("Orders failing"), Severity::P1, {}, {}});
        const QString text = svc->store().events({inc.id}).front().text;
        QVERIFY2(!text.contains(QStringLiteral("commander commander")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("no commander named yet")), qPrintable(text));
    }

    void statusChangesStampTimesAndLog()
    {
        test::TempDir dir;
        auto svc = make(dir.file(QStringLiteral("db.sqlite")));
        const Incident inc = svc->declare({QStringLiteral("Checkout down"), Severity::P0, {}, {}});
        QSignalSpy changed(svc.get(), &IncidentService::incidentChanged);
        m_clock.advanceSecs(600);
        svc->setStatus(inc.id, IncidentStatus::Mitigating, QStringLiteral("rolled back"));
        m_clock.advanceSecs(600);
        svc->setStatus(inc.id, IncidentStatus::Resolved);
        QCOMPARE(changed.count(), 2);
        const Incident after = *svc->incident(inc.id);
        QCOMPARE(after.status, IncidentStatus::Resolved);
        QCOMPARE(after.mitigatedAt, inc.startedAt.addSecs(600));
        QCOMPARE(after.resolvedAt, inc.startedAt.addSecs(1200));
        const auto events = svc->store().events({inc.id});
        QCOMPARE(int(events.size()), 3);
        QCOMPARE(events[1].kind, EventKind::Status);
        QCOMPARE(events[1].text, QStringLiteral("Status Investigating → Mitigating — rolled back"));
        // Setting the same status again records nothing.
        svc->setStatus(inc.id, IncidentStatus::Resolved);
        QCOMPARE(int(svc->store().events({inc.id}).size()), 3);
        // Reopening clears the resolution time.
        svc->setStatus(inc.id, IncidentStatus::Monitoring);
        QVERIFY(!svc->incident(inc.id)->resolvedAt.isValid());
    }

    void severityAckEscalation()
    {
        test::TempDir dir;
        auto svc = make(dir.file(QStringLiteral("db.sqlite")));
        const Incident inc = svc->declare({QStringLiteral("Slow search"), Severity::P2, {}, {}});
        svc->setSeverity(inc.id, Severity::P1, QStringLiteral("checkout affected too"));
        m_clock.advanceSecs(120);
        svc->acknowledge(inc.id);
        svc->acknowledge(inc.id); // idempotent
        svc->escalate(inc.id, 2, QStringLiteral("not resolved within 30 min"));
        svc->escalate(inc.id, 1); // never de-escalates
        const Incident after = *svc->incident(inc.id);
        QCOMPARE(after.severity, Severity::P1);
        QCOMPARE(after.acknowledgedAt, inc.startedAt.addSecs(120));
        QCOMPARE(after.escalationLevel, 2);
        const auto events = svc->store().events({inc.id});
        QCOMPARE(int(events.size()), 4);
        QCOMPARE(events[1].kind, EventKind::Decision);
        QCOMPARE(events[2].kind, EventKind::Action);
        QCOMPARE(events[3].kind, EventKind::Escalation);
        QVERIFY(events[3].text.startsWith(QStringLiteral("Escalated to L2")));
    }

    void checklistTickLandsOnTimeline()
    {
        test::TempDir dir;
        auto svc = make(dir.file(QStringLiteral("db.sqlite")));
        const Incident inc = svc->declare({QStringLiteral("Payments"), Severity::P1, {}, {}});
        const auto items = svc->store().checklist(inc.id);
        QSignalSpy spy(svc.get(), &IncidentService::checklistChanged);
        svc->setChecklistItem(inc.id, items.front().id, true);
        QCOMPARE(spy.count(), 1);
        QVERIFY(svc->store().checklist(inc.id).front().checked);
        const auto events = svc->store().events({inc.id});
        QCOMPARE(events.back().source, QStringLiteral("checklist"));
        QVERIFY(events.back().text.contains(items.front().text));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 svc->setChecklistItem(inc.id, QStringLiteral("nope"), true));
    }

    void facesReadThroughTheService()
    {
        test::TempDir dir;
        const auto [svc, inc] = withIncident(dir, QStringLiteral("Checkout errors"));
        NewEvent e;
        e.text = QStringLiteral("first look");
        const TimelineEvent added = svc->addEvent(inc.id, e);
        EventChange change;
        change.text = QStringLiteral("first look: pods restarting");
        svc->editEvent(added.eventId, change);

        QCOMPARE(svc->findIncident(inc.channel).value().id, inc.id);
        QCOMPARE(svc->findIncident(inc.channel.mid(1)).value().id, inc.id);
        QVERIFY(!svc->findIncident(QStringLiteral("#incident-1999-01-01-001")));
        QCOMPARE(svc->eventHistory(added.eventId).size(), std::size_t(2));
        QCOMPARE(svc->currentEvent(added.eventId).value().text, *change.text);
        const int count = svc->eventCount(inc.id);
        EventQuery all;
        all.incidentId = inc.id;
        QCOMPARE(int(svc->events(all).size()), count);
        QVERIFY(count >= 2); // "declared" and the note
        QVERIFY(!svc->checklist(inc.id).empty());
        QVERIFY(svc->actionItems(inc.id).empty());
        const IncidentBundle b = svc->bundle(inc.id);
        QCOMPARE(b.incident.id, inc.id);
        QCOMPARE(int(b.events.size()), count + 1); // every revision, the edit included
        QCOMPARE(svc->databasePath(), dir.file(QStringLiteral("db.sqlite")));
    }

    void readerSeesWhatTheServiceWroteOnItsOwnConnection()
    {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("db.sqlite"));
        const auto [svc, inc] = withIncident(dir, QStringLiteral("Queue backlog"));
        for (int i = 0; i < 5; ++i) {
            NewEvent e;
            e.text = QStringLiteral("step %1").arg(i);
            svc->addEvent(inc.id, e);
        }
        EventQuery q;
        q.incidentId = inc.id;
        q.offset = 2;
        q.limit = 3;
        // On another thread, as the timeline's background loader uses it.
        int count = -1;
        std::vector<TimelineEvent> page;
        QThread *worker = QThread::create([&] {
            const IncidentReader reader(path);
            count = reader.eventCount(inc.id);
            page = reader.events(q);
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QCOMPARE(count, svc->eventCount(inc.id));
        QCOMPARE(page, svc->events(q));
        QCOMPARE(page.size(), std::size_t(3));

        dir.write(QStringLiteral("notes.db"), QByteArray("not a database\n"));
        QVERIFY_THROWS_EXCEPTION(StoreError, IncidentReader(dir.file(QStringLiteral("notes.db"))));
    }

    void openRefusesAFileItCannotReadAndLeavesIt()
    {
        test::TempDir dir;
        const QByteArray notes("incident notes, not a database\n");
        dir.write(QStringLiteral("notes.db"), notes);
        const QString path = dir.file(QStringLiteral("notes.db"));
        try {
            auto svc = IncidentService::open(path, defaultProfile(), m_clock);
            QFAIL("opened a text file");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::NotADatabase);
        }
        QCOMPARE(test::readFile(path), notes);
    }

    void integrityProblemsChecksEveryPageOffTheService()
    {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("db.sqlite"));
        withIncident(dir, QStringLiteral("Sound file")); // closed again at once
        QCOMPARE(IncidentService::integrityProblems(path), QString());

        dir.write(QStringLiteral("notes.db"), QByteArray("not a database\n"));
        const QString problems =
            IncidentService::integrityProblems(dir.file(QStringLiteral("notes.db")));
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.contains(QStringLiteral("notes.db")), qPrintable(problems));

        // A sound header over damaged pages in the middle: only reading every page finds it.
        const QString damaged = dir.file(QStringLiteral("damaged.sqlite"));
        QVERIFY(test::writeDamagedDatabase(damaged));
        const QByteArray bytes = test::readFile(damaged);
        const QString found = IncidentService::integrityProblems(damaged);
        QVERIFY2(!found.isEmpty(), "the damaged pages went unnoticed");
        QCOMPARE(test::readFile(damaged), bytes);
        // Opening it the way the CLI does (every page) refuses it and leaves it as it was.
        try {
            auto svc = IncidentService::open(damaged, defaultProfile(), m_clock);
            QFAIL("opened a database with damaged pages");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::Corrupt);
            QVERIFY2(e.message().contains(QStringLiteral("damaged.sqlite")),
                     qPrintable(e.message()));
        }
        QCOMPARE(test::readFile(damaged), bytes);
    }

    void unknownIncidentThrows()
    {
        test::TempDir dir;
        auto svc = make(dir.file(QStringLiteral("db.sqlite")));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, svc->setStatus(QStringLiteral("missing"), IncidentStatus::Resolved));
    }
};

QTEST_GUILESS_MAIN(TestIncidentService)
#include "test_incidentservice.moc"
