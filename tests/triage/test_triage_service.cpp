#include "core/clock.h"
#include "fakehttpserver.h"
#include "servicefixture.h"
#include "services/incidentservice.h"
#include "services/triage/triageservice.h"
#include "triagefixtures.h"

#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::triage;
using namespace idesk::test;
using namespace Qt::StringLiterals;

class TestTriageService : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServiceFixture> m_fx;

    std::vector<TimelineEvent> events(const QString &id, const QString &source = {})
    {
        EventQuery q;
        q.incidentId = id;
        std::vector<TimelineEvent> out;
        for (auto &e : m_fx->service->store().events(q)) {
            if (source.isEmpty() || e.source == source)
                out.push_back(e);
        }
        return out;
    }

    Incident declare(Severity s)
    {
        NewIncident n;
        n.title = u"Orders failing"_s;
        n.severity = s;
        n.commander = u"john.doe"_s;
        return m_fx->service->declare(n);
    }

private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void init()
    {
        m_fx = std::make_unique<ServiceFixture>(seedProfile(), u"db.sqlite"_s, runbookStart());
        m_fx->service->setActor(u"jane"_s);
    }
    void cleanup() { m_fx.reset(); }

    void messageIsStoredAndRestartsTheUpdateClock();
    void overrideLandsOnTheTimeline();
    void applyingTheSuggestionSaysSo();
    void keepingSeverityAgainstSuggestionIsRecorded();
    void overdueIsLoggedOncePerDeadline();
    void overdueSurvivesARestart();
    void escalateNowUsesTheFiredRule();
    void webhookFailureKeepsTheMessage();
};

void TestTriageService::messageIsStoredAndRestartsTheUpdateClock()
{
    TriageService triage(*m_fx->service);
    const Incident inc = declare(Severity::P1);
    QCOMPARE(triage.suggestedMessageKind(inc), MessageKind::Alert);
    const QString text = triage.renderMessage(inc, MessageKind::Alert);
    QVERIFY(text.startsWith(u"🚨 INCIDENT ALERT 🚨\nSeverity: P1\n"_s));

    m_fx->clock.advanceSecs(20 * 60);
    QCOMPARE(triage.clocks(inc).nextUpdate.state, ClockState::Ok);
    m_fx->clock.advanceSecs(5 * 60); // 25:00 of a 30-minute window
    QCOMPARE(triage.clocks(inc).nextUpdate.state, ClockState::Amber);

    QSignalSpy recorded(&triage, &TriageService::messageRecorded);
    QSignalSpy eventsChanged(m_fx->service.get(), &IncidentService::eventsChanged);
    const TimelineEvent e = triage.recordMessage(inc.id, MessageKind::Alert, text);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(eventsChanged.size(), 1);

    const auto stored = events(inc.id, u"message"_s);
    QCOMPARE(stored.size(), std::size_t(1));
    QCOMPARE(stored[0].kind, EventKind::Communication);
    QCOMPARE(stored[0].text, text);
    QCOMPARE(stored[0].occurredAt, m_fx->clock.now());
    QCOMPARE(stored[0].author, u"jane"_s);
    QCOMPARE(e.eventId, stored[0].eventId);

    QCOMPARE(triage.lastMessageAt(inc.id), m_fx->clock.now());
    const IncidentClocks c = triage.clocks(*m_fx->service->incident(inc.id));
    QCOMPARE(c.nextUpdate.state, ClockState::Ok);
    QCOMPARE(c.nextUpdate.deadline, m_fx->clock.now().addSecs(30 * 60));
    QCOMPARE(triage.suggestedMessageKind(inc), MessageKind::Update);
}

void TestTriageService::overrideLandsOnTheTimeline()
{
    TriageService triage(*m_fx->service);
    const Incident inc = declare(Severity::P2);
    triage.decideSeverity(inc.id, Severity::P0, Severity::P1, u"payments down for EU too"_s);
    QCOMPARE(m_fx->service->incident(inc.id)->severity, Severity::P0);
    const auto changes = events(inc.id, u"severity change"_s);
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].kind, EventKind::Decision);
    QVERIFY2(changes[0].text.contains(u"P2 → P0"_s), qPrintable(changes[0].text));
    QVERIFY2(changes[0].text.contains(u"override of suggested P1: payments down for EU too"_s),
             qPrintable(changes[0].text));
}

void TestTriageService::applyingTheSuggestionSaysSo()
{
    TriageService triage(*m_fx->service);
    const Incident inc = declare(Severity::P2);
    triage.decideSeverity(inc.id, Severity::P1, Severity::P1, {});
    QCOMPARE(m_fx->service->incident(inc.id)->severity, Severity::P1);
    const auto changes = events(inc.id, u"severity change"_s);
    QCOMPARE(changes.size(), std::size_t(1));
    QVERIFY(changes[0].text.contains(u"applied the suggestion"_s));
}

void TestTriageService::keepingSeverityAgainstSuggestionIsRecorded()
{
    TriageService triage(*m_fx->service);
    const Incident inc = declare(Severity::P2);
    triage.decideSeverity(inc.id, Severity::P2, Severity::P0, u"internal users only"_s);
    QCOMPARE(m_fx->service->incident(inc.id)->severity, Severity::P2);
    const auto kept = events(inc.id, u"severity override"_s);
    QCOMPARE(kept.size(), std::size_t(1));
    QCOMPARE(kept[0].kind, EventKind::Decision);
    QCOMPARE(kept[0].text,
             u"Severity kept at P2 — override of suggested P0: internal users only"_s);
    // Agreeing with the suggestion while nothing changes records nothing.
    triage.decideSeverity(inc.id, Severity::P2, Severity::P2, {});
    QCOMPARE(events(inc.id, u"severity override"_s).size(), std::size_t(1));
}

void TestTriageService::overdueIsLoggedOncePerDeadline()
{
    TriageService triage(*m_fx->service);
    QSignalSpy overdue(&triage, &TriageService::overdue);
    const Incident inc = declare(Severity::P0);

    m_fx->clock.advanceSecs(15 * 60 - 1);
    QVERIFY(triage.checkOverdue(inc.id).empty());

    m_fx->clock.advanceSecs(1); // 15:00: the P0 response SLA and the 15-minute update are both due
    auto items = triage.checkOverdue(inc.id);
    QCOMPARE(items.size(), std::size_t(2));
    QVERIFY(items[0].isNew && items[1].isNew);
    QCOMPARE(items[0].kind, OverdueItem::Kind::Acknowledge);
    QCOMPARE(items[1].kind, OverdueItem::Kind::Update);
    QCOMPARE(overdue.size(), 2);
    auto logged = events(inc.id, u"overdue"_s);
    QCOMPARE(logged.size(), std::size_t(2));
    QStringList texts;
    for (const auto &e : logged) {
        QCOMPARE(e.occurredAt, inc.startedAt.addSecs(15 * 60)); // placed at the deadline
        QCOMPARE(e.kind, EventKind::Note);
        texts << e.text;
    }
    texts.sort();
    QCOMPARE(texts, QStringList({u"Response SLA missed: P0 not acknowledged by 2024-01-15 14:45 "
                                 "UTC (15 minutes response time)."_s,
                                 u"Stakeholder update overdue: due 2024-01-15 14:45 UTC (P0 "
                                 "updates every 15 minutes)."_s}));

    for (int i = 0; i < 5; ++i) { // the tab checks every second
        m_fx->clock.advanceSecs(1);
        items = triage.checkOverdue(inc.id);
        QCOMPARE(items.size(), std::size_t(2));
        QVERIFY(!items[0].isNew && !items[1].isNew);
    }
    QCOMPARE(events(inc.id, u"overdue"_s).size(), std::size_t(2));
    QCOMPARE(overdue.size(), 2);

    // A message restarts the update clock; its next deadline is a new one, logged once again.
    triage.recordMessage(inc.id, MessageKind::Alert, u"alert"_s);
    QCOMPARE(triage.checkOverdue(inc.id).size(), std::size_t(1)); // only the SLA is still late
    m_fx->clock.advanceSecs(15 * 60);
    items = triage.checkOverdue(inc.id); // ~30:05: update due again, and the L2 escalation
    QCOMPARE(items.size(), std::size_t(3));
    QCOMPARE(std::count_if(items.begin(), items.end(), [](auto &i) { return i.isNew; }), 2);
    QCOMPARE(events(inc.id, u"overdue"_s).size(), std::size_t(4));

    // Acknowledging and escalating clear those; only the update stays overdue.
    m_fx->service->acknowledge(inc.id);
    m_fx->service->escalate(inc.id, 2);
    items = triage.checkOverdue(inc.id);
    QCOMPARE(items.size(), std::size_t(1));
    QCOMPARE(items[0].kind, OverdueItem::Kind::Update);

    // Resolved incidents have nothing overdue.
    m_fx->service->setStatus(inc.id, IncidentStatus::Resolved);
    QVERIFY(triage.checkOverdue(inc.id).empty());
}

void TestTriageService::overdueSurvivesARestart()
{
    const Incident inc = declare(Severity::P1);
    m_fx->clock.advanceSecs(3600);
    {
        TriageService first(*m_fx->service);
        QCOMPARE(first.checkOverdue(inc.id).size(), std::size_t(3));
    }
    const auto before = events(inc.id, u"overdue"_s).size();
    QCOMPARE(before, std::size_t(3));
    TriageService second(*m_fx->service);
    QSignalSpy overdue(&second, &TriageService::overdue);
    const auto items = second.checkOverdue(inc.id);
    QCOMPARE(items.size(), std::size_t(3));
    QVERIFY(std::none_of(items.begin(), items.end(), [](auto &i) { return i.isNew; }));
    QCOMPARE(overdue.size(), 0);
    QCOMPARE(events(inc.id, u"overdue"_s).size(), before);
}

void TestTriageService::escalateNowUsesTheFiredRule()
{
    TriageService triage(*m_fx->service);
    const Incident inc = declare(Severity::P0);
    m_fx->clock.advanceSecs(30 * 60);
    QCOMPARE(triage.escalateNow(inc.id), 2);
    QCOMPARE(m_fx->service->incident(inc.id)->escalationLevel, 2);
    const auto esc = events(inc.id, u"escalation"_s);
    QCOMPARE(esc.size(), std::size_t(1));
    QCOMPARE(esc[0].kind, EventKind::Escalation);
    QVERIFY2(esc[0].text.contains(u"L2"_s), qPrintable(esc[0].text));
    QVERIFY2(esc[0].text.contains(u"P0/P1 not resolved within 30 minutes"_s),
             qPrintable(esc[0].text));

    // Nothing due: one click still moves one level up, and says who decided.
    m_fx->clock.advanceSecs(60);
    QCOMPARE(triage.escalateNow(inc.id), 3);
    QVERIFY(events(inc.id, u"escalation"_s).back().text.contains(u"commander"_s));
    QCOMPARE(triage.escalateNow(inc.id), 0); // nothing above L3
}

void TestTriageService::webhookFailureKeepsTheMessage()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.answerAlways(500, "Internal Server Error", "boom");
    Profile p = seedProfile();
    p.webhookUrl = u"http://127.0.0.1:%1/hook"_s.arg(server.serverPort());
    m_fx->service->setProfile(p);

    TriageService triage(*m_fx->service);
    const Incident inc = declare(Severity::P1);
    const QString text = triage.renderMessage(inc, MessageKind::Alert);
    QSignalSpy done(&triage, &TriageService::webhookFinished);
    triage.sendMessage(inc.id, MessageKind::Alert, text);
    QVERIFY(done.wait(15000));
    const auto r = done.takeFirst().at(0).value<WebhookResult>();
    QVERIFY(!r.ok);
    QCOMPARE(r.error, u"HTTP 500 Internal Server Error: boom"_s);
    // The webhook saw the Slack form; the timeline kept the message itself, after the failure.
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().body.contains("*Severity:* P1"));
    QCOMPARE(events(inc.id, u"message"_s).size(), std::size_t(1));
    QCOMPARE(events(inc.id, u"message"_s).front().text, text);

    server.answerAlways(200, "OK", "ok");
    triage.sendMessage(inc.id, MessageKind::Update, text);
    QVERIFY(done.wait(15000));
    QVERIFY(done.takeFirst().at(0).value<WebhookResult>().ok);
    QCOMPARE(events(inc.id, u"message"_s).size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestTriageService)
#include "test_triage_service.moc"
