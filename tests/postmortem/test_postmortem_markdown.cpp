#include "core/postmortem/postmortemmarkdown.h"
#include "pmfixtures.h"
#include "testsupport/testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace idesk;
using namespace idesk::pmtest;
using namespace idesk::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::PostmortemInput)

namespace {

PostmortemInput multiDay()
{
    PostmortemInput in;
    in.incident = baseIncident();
    in.incident.title = u"Primary database failover left replicas lagging"_s;
    in.incident.severity = Severity::P0;
    in.incident.commander = u"ana.lima"_s;
    in.incident.channel = u"#incident-2024-03-09-002"_s;
    in.incident.startedAt = utc(2024, 3, 9, 22, 10);
    in.incident.detectedAt = utc(2024, 3, 9, 22, 14);
    in.incident.acknowledgedAt = utc(2024, 3, 9, 22, 20);
    in.incident.resolvedAt = utc(2024, 3, 11, 3, 40);
    in.incident.impact = {};
    in.incident.impact.userImpact = u"Stale balances shown to buyers"_s;
    in.incident.impact.affectedUsers = 1;
    in.events = {
        makeEvent(1, utc(2024, 3, 9, 22, 14), EventKind::Alert,
                  u"Replica lag alert fired (> 300 s)"_s),
        makeEvent(2, utc(2024, 3, 9, 22, 31), EventKind::Diagnostic,
                  diagnosticText(u"kubectl get pods --context prod --namespace web3-marketplace"_s,
                                 0, 842,
                                 u"NAME                 READY   STATUS    RESTARTS\n"
                                 "postgres-0           1/1     Running   3\n"
                                 "postgres-1           1/1     Running   0\n"_s)),
        makeEvent(3, utc(2024, 3, 10, 1, 5), EventKind::Decision, u"Promote replica postgres-1"_s),
        makeEvent(4, utc(2024, 3, 10, 9, 0), EventKind::Note, u"Handover to day shift"_s, false),
        makeEvent(5, utc(2024, 3, 10, 11, 42), EventKind::Diagnostic,
                  diagnosticText(u"psql -c 'SELECT now() - pg_last_xact_replay_timestamp()'"_s, 2,
                                 15,
                                 u"psql: error: log says ```copy``` then `x` and ````y````\n"_s)),
        makeEvent(6, utc(2024, 3, 11, 3, 40), EventKind::Status,
                  u"Replication caught up, resolved"_s),
    };
    // the commander chose the key events: the unpinned handover note but not the first diagnostic
    for (TimelineEvent &e : in.events)
        e.pinned = false;
    in.doc.keyEventIds =
        QStringList{in.events[0].eventId, in.events[2].eventId, in.events[3].eventId,
                    in.events[4].eventId, in.events[5].eventId};
    in.actions = {makeAction(1, u"Alert on replica lag above 60 s"_s, u"dba"_s, QDate(2024, 3, 15)),
                  makeAction(2, u"Rehearse failover quarterly"_s, QString(), QDate())};
    PostmortemDoc &d = in.doc;
    d.summary.revenueImpact = 1250.5;
    d.rootCause = u"The failover script promoted the replica before WAL replay finished.\n\n"
                  "Replicas then followed a timeline they could not reach."_s;
    d.contributingFactors = {u"No lag check in the failover script"_s, QString(),
                             u"Runbook step order unclear"_s};
    d.wentWell = {u"Paging worked at night"_s};
    d.trigger = u"Scheduled maintenance of the primary's node."_s;
    d.detection = u"Replica lag alert, 4 minutes after the start."_s;
    d.resolution = u"Promoted postgres-1 and rebuilt the other replicas."_s;
    d.whereWeGotLucky = {u"Low traffic on a Saturday night"_s};
    d.supportingInformation = u"Grafana: https://monitoring.linkdao.io/d/db-replication"_s;
    d.reviewAt = utc(2024, 3, 12, 10, 0);
    d.reviewMinutes = 45;
    return in;
}

PostmortemInput specials()
{
    PostmortemInput in = runbookExample();
    in.incident.title = u"Checkout `500`s | *all* regions #2 #"_s;
    in.events = {
        makeEvent(1, utc(2024, 1, 15, 14, 30), EventKind::Alert,
                  u"# Alert: error_rate > 5% | p99 *slow* on /v2/orders"_s),
        makeEvent(2, utc(2024, 1, 15, 14, 33), EventKind::Note,
                  u"Ran `kubectl rollout undo` then ``kubectl get pods``"_s),
        makeEvent(3, utc(2024, 1, 15, 14, 40), EventKind::Note,
                  u"- looked like a list\n1. and another\n> and a quote"_s),
        makeEvent(4, utc(2024, 1, 15, 14, 50), EventKind::Note,
                  u"<script>alert(1)</script> &amp; C:\\temp\\ *not bold* _not italic_ ~~kept~~"_s),
    };
    PostmortemDoc &d = in.doc;
    d.rootCause = u"# not a heading\n"
                  "* not a bullet\n"
                  "---\n"
                  "| a | b |\n"
                  "|---|---|\n"
                  "```\n"
                  "not a code block\n"
                  "```\n"
                  "    four spaces are not code either\n"
                  "snake_case_name stays readable"_s;
    d.contributingFactors = {u"[x] not a task box"_s, u"2. not renumbered"_s, u"+ plus"_s,
                             u"###"_s};
    d.wentWell = {u"**bold** claims were escaped"_s};
    d.couldBeImproved = {u"=== not a setext underline"_s, u"==="_s};
    d.lessonsLearned = {u"Pipes | in | text"_s};
    in.actions = {makeAction(1, u"Fix `retry*` | backoff_ms"_s, u"sre|team"_s, QDate(2024, 1, 20))};
    return in;
}

PostmortemInput withSecrets()
{
    PostmortemInput in = runbookExample();
    in.incident.title = u"Leaked credentials in logs"_s;
    in.events = {
        makeEvent(
            1, utc(2024, 1, 15, 14, 30), EventKind::Alert,
            u"Backend logs show DATABASE_URL=postgres://orders:Sup3rS3cret@db.internal:5432/orders"_s),
        makeEvent(
            2, utc(2024, 1, 15, 14, 35), EventKind::Note,
            u"Replayed with curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'"_s),
        makeEvent(
            3, utc(2024, 1, 15, 14, 40), EventKind::Note,
            u"Key AKIAIOSFODNN7EXAMPLE was in the env, commit 9fceb02d0ae598e95dc970b74767f19372d61af8 is clean"_s),
        makeEvent(
            4, utc(2024, 1, 15, 14, 50), EventKind::Diagnostic,
            diagnosticText(u"kubectl get secret backend -o yaml"_s, 0, 120,
                           u"apiVersion: v1\n"
                           "kind: Config\n"
                           "users:\n"
                           "- name: admin\n"
                           "  user:\n"
                           "    token: kube-token-0123456789abcdef\n"
                           "    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==\n"
                           "-----BEGIN RSA PRIVATE KEY-----\n"
                           "MIIEowIBAAKCAQEA7bq3jA9Xk1yv\n"
                           "-----END RSA PRIVATE KEY-----\n"_s)),
    };
    in.doc.rootCause =
        u"The job logged its config: {\"password\": \"hunter22\", \"user\": \"orders\"}.\n"
        "The password policy itself was fine; request id 3f2b6c1e-8d4a-4e6b-9c1f-2a7d5e8b9c0d."_s;
    in.actions = {makeAction(1, u"Rotate token=ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"_s,
                             u"security"_s, QDate(2024, 1, 17))};
    return in;
}

PostmortemInput unicode()
{
    PostmortemInput in = runbookExample();
    in.currency = u"€"_s;
    in.incident.title = u"Zahlungen schlagen fehl — 支払いが失敗 💳 «checkout»"_s;
    in.incident.commander = u"jürgen.groß"_s;
    in.events = {
        makeEvent(1, utc(2024, 1, 15, 14, 30), EventKind::Alert,
                  u"Alarm: Fehlerquote 25 % ⚠️"_s),
        makeEvent(2, utc(2024, 1, 15, 14, 45), EventKind::Note, u"原因: 接続プールの枯渇"_s),
        makeEvent(3, utc(2024, 1, 15, 15, 0), EventKind::Note, u"تم إعادة تشغيل الخدمة"_s),
    };
    in.doc.rootCause = u"Speicherleck im Bestelldienst — naïve café résumé, Ω ≈ ∞"_s;
    in.doc.summary.impactDescription = u"Käufer konnten nicht bezahlen"_s;
    in.actions = {
        makeAction(1, u"Überwachung des Verbindungspools 🚀"_s, u"zoë"_s, QDate(2024, 1, 20))};
    return in;
}

PostmortemInput bare()
{
    PostmortemInput in;
    in.incident.id = u"99999999-2222-4333-8444-555555555555"_s;
    in.incident.title = u"Search slow"_s;
    in.incident.severity = Severity::P2;
    in.incident.startedAt = utc(2024, 6, 1, 8, 0);
    return in;
}

QStringList headings(const QString &markdown)
{
    QStringList out;
    bool inFence = false;
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith(u"```"))
            inFence = !inFence;
        else if (!inFence && line.startsWith(u"## "))
            out << line.mid(3);
    }
    return out;
}

} // namespace

class TestPostmortemMarkdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void sectionsInTemplateOrder_data() { golden_data(); }
    void sectionsInTemplateOrder();
    void userTextIsNotMarkup_data() { golden_data(); }
    void userTextIsNotMarkup();
    void secretsGoneOnlyWhenRedacting();
    void web3SecretsGoneFromExport();
    void timelineDatesOnlyWhenSpanningDays();
    void evidenceFenceOutgrowsBackticks();
    void pinnedEventsByDefault();
    void everyEventWhenNonePinned();
    void overridesWin();
};

void TestPostmortemMarkdown::golden_data()
{
    QTest::addColumn<PostmortemInput>("input");
    QTest::addColumn<bool>("redact");
    QTest::addColumn<int>("redacted");
    QTest::addColumn<QString>("file");

    QTest::newRow("short") << runbookExample() << true << 0 << u"short.md"_s;
    QTest::newRow("multi-day") << multiDay() << true << 0 << u"multiday.md"_s;
    QTest::newRow("specials") << specials() << true << 0 << u"specials.md"_s;
    // URI password, JWT, AWS key, kubeconfig token + client-key-data, PEM body, JSON password,
    // GitHub token; the git SHA and the UUID stay
    QTest::newRow("secrets") << withSecrets() << true << 8 << u"secrets.md"_s;
    QTest::newRow("unicode") << unicode() << true << 0 << u"unicode.md"_s;
    QTest::newRow("bare") << bare() << true << 0 << u"bare.md"_s;
}

void TestPostmortemMarkdown::golden()
{
    QFETCH(PostmortemInput, input);
    QFETCH(bool, redact);
    QFETCH(int, redacted);
    QFETCH(QString, file);
    const PostmortemMarkdown out = buildPostmortemMarkdown(input, redact);
    QCOMPARE(out.redactedCount, redacted);
    QVERIFY(out.markdown.endsWith(u"\n"_s));
    QVERIFY(!out.markdown.endsWith(u"\n\n"_s));
    compareGolden(out.markdown.toUtf8(), file);
}

void TestPostmortemMarkdown::sectionsInTemplateOrder()
{
    QFETCH(PostmortemInput, input);
    QFETCH(bool, redact);
    const QString md = buildPostmortemMarkdown(input, redact).markdown;
    QVERIFY(md.startsWith(u"# Post-Mortem: "_s));
    const QStringList required{u"Incident Summary"_s, u"Timeline"_s,
                               u"Root Cause"_s,       u"Contributing Factors"_s,
                               u"What Went Well"_s,   u"What Could Be Improved"_s,
                               u"Action Items"_s,     u"Lessons Learned"_s};
    const QStringList optional{u"Trigger"_s, u"Detection"_s, u"Resolution"_s,
                               u"Where We Got Lucky"_s, u"Supporting Information"_s};
    const QStringList h = headings(md);
    QCOMPARE(h.mid(0, required.size()), required);
    qsizetype last = -1;
    for (const QString &extra : h.mid(required.size())) {
        const qsizetype at = optional.indexOf(extra);
        QVERIFY2(at > last, qPrintable(u"unexpected or out-of-order section "_s + extra));
        last = at;
    }
}

// Qt's own Markdown reader (md4c, GitHub dialect) must see exactly the headings and list items
// the renderer wrote: user text never adds a heading, a list, a table or a code block.
void TestPostmortemMarkdown::userTextIsNotMarkup()
{
    QFETCH(PostmortemInput, input);
    QFETCH(bool, redact);
    const QString md = buildPostmortemMarkdown(input, redact).markdown;

    int headingLines = 0;
    int fences = 0;
    bool inFence = false;
    for (const QString &line : md.split(u'\n')) {
        if (line.startsWith(u"```")) {
            inFence = !inFence;
            ++fences;
        } else if (!inFence && line.startsWith(u'#')) {
            ++headingLines;
        }
    }
    QTextDocument doc;
    doc.setMarkdown(md, QTextDocument::MarkdownDialectGitHub);
    int headingBlocks = 0;
    int codeBlocks = 0;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() > 0)
            ++headingBlocks;
        if (b.blockFormat().hasProperty(QTextFormat::BlockCodeFence) &&
            (b == doc.begin() ||
             !b.previous().blockFormat().hasProperty(QTextFormat::BlockCodeFence)))
            ++codeBlocks;
    }
    QCOMPARE(headingBlocks, headingLines);
    QCOMPARE(codeBlocks, fences / 2);
    QCOMPARE(doc.rootFrame()->childFrames().size(), 0); // no tables

    const QString plain = doc.toPlainText();
    QTEST_ASSERT(!plain.isEmpty());
    if (QString::fromLatin1(QTest::currentDataTag()) == u"specials"_s) {
        for (const QString &literal :
             {u"Checkout `500`s | *all* regions #2 #"_s, u"# not a heading"_s, u"* not a bullet"_s,
              u"| a | b |"_s, u"snake_case_name"_s,
              u"<script>alert(1)</script> &amp; C:\\temp\\ *not bold* _not italic_ ~~kept~~"_s,
              u"[x] not a task box"_s, u"**bold** claims were escaped"_s,
              u"Fix `retry*` | backoff_ms"_s,
              u"- looked like a list 1. and another > and a quote"_s})
            QVERIFY2(plain.contains(literal), qPrintable(literal));
    }
}

void TestPostmortemMarkdown::secretsGoneOnlyWhenRedacting()
{
    const QStringList secrets{u"Sup3rS3cret"_s,
                              u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"_s,
                              u"AKIAIOSFODNN7EXAMPLE"_s,
                              u"kube-token-0123456789abcdef"_s,
                              u"LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ=="_s,
                              u"MIIEowIBAAKCAQEA7bq3jA9Xk1yv"_s,
                              u"hunter22"_s,
                              u"ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"_s};
    const PostmortemMarkdown plain = buildPostmortemMarkdown(withSecrets(), false);
    const PostmortemMarkdown red = buildPostmortemMarkdown(withSecrets(), true);
    QCOMPARE(plain.redactedCount, 0);
    for (const QString &s : secrets) {
        QVERIFY2(plain.markdown.contains(s), qPrintable(s));
        QVERIFY2(!red.markdown.contains(s), qPrintable(s));
    }
    QCOMPARE(red.redactedCount, int(secrets.size()));
    // look-alikes and context survive
    QVERIFY(red.markdown.contains(u"9fceb02d0ae598e95dc970b74767f19372d61af8"_s));
    QVERIFY(red.markdown.contains(u"3f2b6c1e-8d4a-4e6b-9c1f-2a7d5e8b9c0d"_s));
    QVERIFY(red.markdown.contains(u"The password policy itself was fine"_s));
    QVERIFY(red.markdown.contains(u"postgres://orders:[REDACTED]@db.internal:5432/orders"_s));
    QVERIFY(red.markdown.contains(
        u"-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n-----END RSA PRIVATE KEY-----"_s));
}

// What a marketplace on a blockchain leaks, through the export: the whole secret goes, while the
// transaction hash and the wallet address beside it stay for the reader.
void TestPostmortemMarkdown::web3SecretsGoneFromExport()
{
    PostmortemInput in = runbookExample();
    in.doc.rootCause =
        u"The relayer logged PASSWORD=Tr0ub4dor&3xyz and its signer key "
        "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 while sending "
        "tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 from wallet "
        "0x71C7656EC7ab88b098defB751B7401B5f6d8976F."_s;
    in.actions = {makeAction(1,
                             u"Move the hot wallet off the phrase legal winner thank year wave "
                             "sausage worth useful legal winner thank yellow"_s,
                             u"security"_s, QDate(2024, 1, 17))};
    const PostmortemMarkdown red = buildPostmortemMarkdown(in, true);
    for (const QString &gone : {u"Tr0ub4dor"_s, u"&3xyz"_s, u"4c0883a691029"_s,
                                u"sausage worth useful"_s, u"winner thank yellow"_s})
        QVERIFY2(!red.markdown.contains(gone), qPrintable(gone));
    QCOMPARE(red.redactedCount, 3);
    QVERIFY(red.markdown.contains(
        u"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"_s));
    QVERIFY(red.markdown.contains(u"0x71C7656EC7ab88b098defB751B7401B5f6d8976F"_s));
}

void TestPostmortemMarkdown::timelineDatesOnlyWhenSpanningDays()
{
    const QString one = renderPostmortemMarkdown(runbookExample());
    QVERIFY(one.contains(u"\n- **14:30 UTC**: First alert received\n"_s));
    QVERIFY(!one.contains(u"**2024-01-15 14:30 UTC**"_s));

    PostmortemInput late = runbookExample();
    late.incident.resolvedAt = utc(2024, 1, 16, 0, 5); // over midnight
    const QString two = renderPostmortemMarkdown(late);
    QVERIFY(two.contains(u"\n- **2024-01-15 14:30 UTC**: First alert received\n"_s));
    QVERIFY(two.contains(u"- **Date**: 2024-01-15 to 2024-01-16\n"_s));
    QVERIFY(two.contains(u"- **Duration**: 9 hours 35 minutes\n"_s));
}

void TestPostmortemMarkdown::evidenceFenceOutgrowsBackticks()
{
    PostmortemInput in = runbookExample();
    in.events.push_back(makeEvent(9, utc(2024, 1, 15, 15, 10), EventKind::Diagnostic,
                                  diagnosticText(u"echo"_s, 0, 1, u"a ````` b\n```\nc"_s), false));
    const QString md = renderPostmortemMarkdown(in);
    QVERIFY(md.contains(u"\n``````text\na ````` b\n```\nc\n``````\n"_s));
    in.doc.includeEvidence = false;
    QVERIFY(!renderPostmortemMarkdown(in).contains(u"Evidence"_s));
}

void TestPostmortemMarkdown::pinnedEventsByDefault()
{
    PostmortemInput in = runbookExample();
    QVERIFY(!renderPostmortemMarkdown(in).contains(u"Checked dashboards"_s)); // not pinned
    in.doc.keyEventIds = QStringList{in.events[2].eventId};
    const QString md = renderPostmortemMarkdown(in);
    QVERIFY(md.contains(u"- **14:38 UTC**: Checked dashboards, nothing obvious\n"_s));
    QVERIFY(!md.contains(u"First alert received"_s));
    in.events[2].deleted = true;
    QVERIFY(renderPostmortemMarkdown(in).contains(u"*No key events selected.*"_s));
}

void TestPostmortemMarkdown::everyEventWhenNonePinned()
{
    PostmortemInput in = runbookExample();
    for (TimelineEvent &e : in.events)
        e.pinned = false;
    in.events[1].deleted = true;
    const QString md = renderPostmortemMarkdown(in);
    QVERIFY2(!md.contains(u"No key events selected"_s), qPrintable(md));
    for (std::size_t i = 0; i < in.events.size(); ++i) {
        const QString first = in.events[i].text.section(QLatin1Char('\n'), 0, 0);
        if (in.events[i].kind == EventKind::Diagnostic)
            continue; // shown as its command
        QVERIFY2(md.contains(first) == !in.events[i].deleted, qPrintable(first));
    }
    // An explicit empty selection still means none.
    in.doc.keyEventIds = QStringList{};
    QVERIFY(renderPostmortemMarkdown(in).contains(u"*No key events selected.*"_s));
}

void TestPostmortemMarkdown::overridesWin()
{
    PostmortemInput in = runbookExample();
    const QString derived = renderPostmortemMarkdown(in);
    QVERIFY(derived.contains(u"- **Impact**: 45,000 users affected, $12,000 revenue impact\n"_s));
    QVERIFY(derived.contains(u"- **Duration**: 1 hour 15 minutes\n"_s));
    in.doc.summary.severity = Severity::P0;
    in.doc.summary.durationMinutes = 90;
    in.doc.summary.usersAffected = 50000;
    in.doc.summary.revenueImpact = 15000;
    in.doc.summary.date = QDate(2024, 1, 14);
    const QString over = renderPostmortemMarkdown(in);
    QVERIFY(over.contains(u"- **Severity**: P0\n"_s));
    QVERIFY(over.contains(u"- **Duration**: 1 hour 30 minutes\n"_s));
    QVERIFY(over.contains(u"- **Impact**: 50,000 users affected, $15,000 revenue impact\n"_s));
    QVERIFY(over.contains(u"- **Date**: 2024-01-14\n"_s));
}

QTEST_MAIN(TestPostmortemMarkdown)
#include "test_postmortem_markdown.moc"
