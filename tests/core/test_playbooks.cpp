#include "core/playbooks/playbooks.h"
#include "core/profile.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace idesk;
using namespace idesk::playbooks;
using Json = nlohmann::ordered_json;

namespace {

Json defaultJson()
{
    return Json::parse(profileToJson(defaultProfile()).toStdString());
}

QByteArray bytes(const Json &j)
{
    return QByteArray::fromStdString(j.dump(2));
}

// The default profile with its playbooks replaced by `playbooks` (JSON text).
QByteArray withPlaybooks(const QByteArray &playbooks)
{
    Json j = defaultJson();
    j["playbooks"] = Json::parse(playbooks.toStdString());
    return bytes(j);
}

TimelineEvent record(const QString &source, int minute, bool deleted = false)
{
    TimelineEvent e;
    e.id = newUuid();
    e.eventId = e.id;
    e.occurredAt = QDateTime(QDate(2024, 1, 15), QTime(14, minute), Qt::UTC);
    e.recordedAt = e.occurredAt;
    e.source = source;
    e.author = QStringLiteral("jane.roe");
    e.deleted = deleted;
    return e;
}

} // namespace

class TestPlaybooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedPlaybooksFollowTheRunbook();
    void badPlaybook_data();
    void badPlaybook();
    void profilePlaybooksAddAndReplace();
    void builtinStepsWithoutTheirCheckBecomeManual();
    void sourceRoundTrips();
    void progressFromTheTimeline();
    void suggestion_data();
    void suggestion();
};

void TestPlaybooks::shippedPlaybooksFollowTheRunbook()
{
    const Profile p = defaultProfile();
    QStringList ids;
    for (const Playbook &pb : p.playbooks)
        ids << pb.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("website-down"), QStringLiteral("payment-issues"),
                               QStringLiteral("database-performance"),
                               QStringLiteral("high-error-rate")}));
    // Every scenario mixes the three kinds, and every check it names is in the catalog.
    for (const Playbook &pb : p.playbooks) {
        QSet<PlaybookStep::Kind> kinds;
        for (const PlaybookStep &s : pb.steps) {
            kinds.insert(s.kind);
            if (s.kind != PlaybookStep::Kind::Manual)
                QVERIFY2(p.diagnostic(s.check), qPrintable(s.check));
            QVERIFY(!stepTitle(s, p).isEmpty());
        }
        QCOMPARE(kinds.size(), 3);
    }
    // The default profile's playbooks are the built-ins: merging them over themselves is a no-op.
    QCOMPARE(effectivePlaybooks(p, p.playbooks), p.playbooks);
}

void TestPlaybooks::badPlaybook_data()
{
    QTest::addColumn<QByteArray>("playbooks");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *json, const char *path, const char *exp) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(path)
                            << QString::fromUtf8(exp);
    };
    row("unknown check id",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"check","check":"no-such-check"}]}])",
        "$.playbooks[0].steps[0].check", "\"no-such-check\" is not one");
    row("mitigation as a check",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"check","check":"restart-backend"}]}])",
        "$.playbooks[0].steps[0].check", "use kind mitigation");
    row("read-only check as a mitigation",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"mitigation","check":"pods"}]}])",
        "$.playbooks[0].steps[0].check", "use kind check");
    row("unknown kind",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"shell","title":"rm"}]}])",
        "$.playbooks[0].steps[0].kind", "one of check, mitigation, manual");
    row("manual without a title",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"manual"}]}])",
        "$.playbooks[0].steps[0].title", "a manual step needs a title");
    row("manual with a check",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"manual","title":"T","check":"pods"}]}])",
        "$.playbooks[0].steps[0].check", "no check on a manual step");
    row("duplicate step id",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"manual","title":"T"},
             {"id":"a","kind":"manual","title":"U"}]}])",
        "$.playbooks[0].steps[1].id", "a step id not used before");
    row("duplicate playbook id",
        R"([{"id":"x","title":"X","steps":[{"id":"a","kind":"manual","title":"T"}]},
            {"id":"x","title":"Y","steps":[{"id":"a","kind":"manual","title":"T"}]}])",
        "$.playbooks[1].id", "a playbook id not used before");
    row("id with a colon",
        R"([{"id":"x:y","title":"X","steps":[{"id":"a","kind":"manual","title":"T"}]}])",
        "$.playbooks[0].id", "lower-case letters, digits and '-'");
    row("no steps", R"([{"id":"x","title":"X","steps":[]}])", "$.playbooks[0].steps",
        "at least one step");
    row("unknown key", R"([{"id":"x","title":"X","stepz":[]}])", "$.playbooks[0].stepz", "one of");
    row("level out of range",
        R"([{"id":"x","title":"X","match":{"errorRatePercentAtLeast":150},
             "steps":[{"id":"a","kind":"manual","title":"T"}]}])",
        "$.playbooks[0].match.errorRatePercentAtLeast", "percentage");
    row("empty keyword",
        R"([{"id":"x","title":"X","match":{"keywords":["down"," "]},
             "steps":[{"id":"a","kind":"manual","title":"T"}]}])",
        "$.playbooks[0].match.keywords[1]", "non-empty word");
}

void TestPlaybooks::badPlaybook()
{
    QFETCH(QByteArray, playbooks);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    try {
        parseProfile(withPlaybooks(playbooks), QStringLiteral("site.json"));
        QFAIL("parsed");
    } catch (const ProfileError &e) {
        QCOMPARE(e.file(), QStringLiteral("site.json"));
        QCOMPARE(e.jsonPath(), path);
        QVERIFY2(e.expected().contains(expected), qPrintable(e.expected()));
    }
}

void TestPlaybooks::profilePlaybooksAddAndReplace()
{
    const Profile builtin = defaultProfile();
    const Profile site = parseProfile(withPlaybooks(R"j([
        {"id":"payment-issues","title":"Payments (ours)",
         "steps":[{"id":"psp","kind":"manual","title":"Call the PSP"}]
},
        {"id":"dns-outage","title":"DNS outage","match":{"keywords":["dns"]},
         "steps":[{"id":"dns","kind":"check","check":"dns-api"}]}])j"),
                                      QStringLiteral("site.json"));
    // Saved and read back, the profile's playbooks stay as written.
    QCOMPARE(parseProfile(profileToJson(site), QStringLiteral("again")), site);

    const auto all = effectivePlaybooks(site, builtin.playbooks);
    QStringList titles;
    for (const Playbook &pb : all)
        titles << pb.title;
    QCOMPARE(titles,
             (QStringList{QStringLiteral("Website down"), QStringLiteral("Payments (ours)"),
                          QStringLiteral("Database performance"), QStringLiteral("High error rate"),
                          QStringLiteral("DNS outage")}));
    QCOMPARE(all[1].steps.size(), std::size_t(1));
    QCOMPARE(stepTitle(all[4].steps[0], site), QStringLiteral("DNS of api.linkdao.io"));
}

void TestPlaybooks::builtinStepsWithoutTheirCheckBecomeManual()
{
    Profile other = defaultProfile();
    const std::vector<Playbook> builtins = other.playbooks;
    other.playbooks.clear();
    // A site whose catalog lacks the ingress check, and whose restart is read-only.
    std::erase_if(other.diagnostics, [](const DiagnosticCheck &c) { return c.id == u"ingress"; });
    for (DiagnosticCheck &c : other.diagnostics) {
        if (c.id == u"restart-ingress")
            c.destructive = false;
    }
    const auto all = effectivePlaybooks(other, builtins);
    QCOMPARE(all.size(), builtins.size());
    const PlaybookStep *ingress = all[0].step(QStringLiteral("ingress"));
    QVERIFY(ingress);
    QCOMPARE(ingress->kind, PlaybookStep::Kind::Manual);
    QCOMPARE(ingress->title, QStringLiteral("Check the load balancer (ingress)"));
    QVERIFY(ingress->check.isEmpty());
    QCOMPARE(all[0].step(QStringLiteral("restart-ingress"))->kind, PlaybookStep::Kind::Manual);
    QCOMPARE(all[0].step(QStringLiteral("pods"))->kind, PlaybookStep::Kind::Check);
}

void TestPlaybooks::sourceRoundTrips()
{
    const QString s =
        stepSource(QStringLiteral("website-down"), QStringLiteral("pods"), StepMark::Failed);
    QCOMPARE(s, QStringLiteral("playbook:website-down:pods:failed"));
    const auto r = parseStepSource(s);
    QVERIFY(r);
    QCOMPARE(r->playbookId, QStringLiteral("website-down"));
    QCOMPARE(r->stepId, QStringLiteral("pods"));
    QCOMPARE(r->mark, StepMark::Failed);
    QVERIFY(!parseStepSource(u"diagnostics"));
    QVERIFY(!parseStepSource(u"playbook:website-down:pods"));
    QVERIFY(!parseStepSource(u"playbook:website-down:pods:maybe"));
    QVERIFY(!parseStepSource(u"playbook::pods:passed"));
}

void TestPlaybooks::progressFromTheTimeline()
{
    const Playbook pb = defaultProfile().playbooks.front(); // website down
    const auto src = [](const char *step, StepMark m) {
        return stepSource(QStringLiteral("website-down"), QString::fromLatin1(step), m);
    };
    std::vector<TimelineEvent> events{
        record(src("frontend-health", StepMark::Failed), 1),
        record(src("frontend-health", StepMark::Passed), 5), // re-run later: passed wins
        record(src("api-health", StepMark::Passed), 2),
        record(src("api-health", StepMark::Failed), 6),         // and a later failure wins too
        record(src("cloud-status", StepMark::Ticked), 3, true), // a tick taken back
        record(src("status-update", StepMark::Ticked), 4),
        record(stepSource(QStringLiteral("payment-issues"), QStringLiteral("stripe"),
                          StepMark::Ticked),
               4), // another playbook
        record(QStringLiteral("diagnostics"), 4),
        record(src("no-such-step", StepMark::Ticked), 4),
    };
    const PlaybookProgress p = progress(pb, events);
    QCOMPARE(p.total(), int(pb.steps.size()));
    QCOMPARE(p.done, 2);
    QCOMPARE(p.failed, 1);
    const auto at = [&](const char *id) {
        const PlaybookStep *s = pb.step(QString::fromLatin1(id));
        return p.steps[static_cast<std::size_t>(s - pb.steps.data())];
    };
    QCOMPARE(at("frontend-health").state, StepState::Done);
    QVERIFY(!at("frontend-health").ticked);
    QCOMPARE(at("api-health").state, StepState::Failed);
    QCOMPARE(at("cloud-status").state, StepState::NotYet);
    QCOMPARE(at("status-update").state, StepState::Done);
    QVERIFY(at("status-update").ticked);
    QCOMPARE(at("status-update").eventId, events[5].eventId);
    QCOMPARE(at("status-update").author, QStringLiteral("jane.roe"));
}

void TestPlaybooks::suggestion_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("userImpact");
    QTest::addColumn<double>("errorRate");      // negative: not set
    QTest::addColumn<double>("responseTimeMs"); // negative: not set
    QTest::addColumn<QString>("expected");      // empty: nothing offered
    QTest::addColumn<QString>("reason");        // a fragment of the reason

    const auto row = [](const char *name, const char *title, const char *summary,
                        const char *impact, double err, double ms, const char *expected,
                        const char *reason) {
        QTest::newRow(name) << QString::fromUtf8(title) << QString::fromUtf8(summary)
                            << QString::fromUtf8(impact) << err << ms << QString::fromUtf8(expected)
                            << QString::fromUtf8(reason);
    };
    row("site down", "Site down", "", "", -1, -1, "website-down", "title mentions “down”");
    row("503s", "Frontend returns 503", "", "", -1, -1, "website-down", "“503”");
    row("slowdown is not down", "Checkout slowdown", "", "", -1, -1, "payment-issues",
        "“checkout”");
    row("payment in the summary", "Orders stuck", "Stripe webhooks failing since 14:02", "", -1, -1,
        "payment-issues", "summary mentions “stripe”");
    row("database by words", "Slow queries on Postgres", "", "", -1, -1, "database-performance",
        "title mentions");
    row("database by response time", "Customers complain", "", "", -1, 3200, "database-performance",
        "response time 3200 ms ≥ 2000 ms");
    row("error rate figure", "Customers complain", "", "", 7.5, -1, "high-error-rate",
        "error rate 7.5% ≥ 5%");
    row("error rate below the level", "Customers complain", "", "", 2, -1, "", "");
    row("errors in the title beat a response time", "Errors on the orders endpoint", "", "", -1,
        2500, "high-error-rate", "“errors”");
    row("impact text counts least", "Customers complain", "", "wallet connects fail", -1, -1,
        "payment-issues", "impact mentions “wallet”");
    row("title beats impact", "Site down", "", "payments fail", -1, -1, "website-down", "");
    row("case does not matter", "DATABASE TIMEOUTS", "", "", -1, -1, "database-performance", "");
    row("nothing fits", "Printer on fire", "", "", -1, -1, "", "");
}

void TestPlaybooks::suggestion()
{
    QFETCH(QString, title);
    QFETCH(QString, summary);
    QFETCH(QString, userImpact);
    QFETCH(double, errorRate);
    QFETCH(double, responseTimeMs);
    QFETCH(QString, expected);
    QFETCH(QString, reason);
    Incident in;
    in.title = title;
    in.summary = summary;
    in.impact.userImpact = userImpact;
    if (errorRate >= 0)
        in.impact.errorRatePercent = errorRate;
    if (responseTimeMs >= 0)
        in.impact.responseTimeMs = responseTimeMs;
    const auto s = suggest(in, defaultProfile().playbooks);
    if (expected.isEmpty()) {
        QVERIFY2(!s, qPrintable(s ? s->playbookId : QString()));
        return;
    }
    QVERIFY(s);
    QCOMPARE(s->playbookId, expected);
    QVERIFY2(s->reason.contains(reason), qPrintable(s->reason));
}

QTEST_GUILESS_MAIN(TestPlaybooks)
#include "test_playbooks.moc"
