#include "core/triage/messages.h"
#include "testsupport/testsupport.h"
#include "triagefixtures.h"

#include <QFile>
#include <QTest>
#include <functional>
#include <utility>

using namespace idesk;
using namespace idesk::triage;
using namespace idesk::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::Incident)
Q_DECLARE_METATYPE(idesk::triage::MessageInput)

namespace {

// The runbook's example incident: P1, orders failing, started 2024-01-15 14:30 UTC.
Incident runbookIncident()
{
    Incident in = incidentAt(Severity::P1);
    in.impact.userImpact = u"Users unable to create orders"_s;
    in.impact.errorRatePercent = 25;
    in.impact.affectedUsers = 1000;
    return in;
}

Incident unicodeIncidentWithoutMetrics()
{
    Incident in = incidentAt(Severity::P0, utc(2024, 3, 2, 23, 55));
    in.title = u"Zahlungen schlagen fehl — 支払いが失敗 💳 «checkout»"_s;
    in.commander.clear();
    in.channel = u"#incident-2024-03-02-007"_s;
    return in;
}

} // namespace

class TestTriageMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void kindNames();
    void metricsBlockOmittedWithoutMetrics();
    void nextUpdateFollowsSeverity();
    void slackEscapesAndBolds();
    void fieldsCannotForgeLines_data();
    void fieldsCannotForgeLines();
    void suggestedKind();
};

void TestTriageMessages::golden_data()
{
    QTest::addColumn<Incident>("incident");
    QTest::addColumn<MessageInput>("input");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("file"); // .txt plain, .slack.txt Slack

    const Incident rb = runbookIncident();
    MessageInput alert;
    alert.kind = MessageKind::Alert;
    alert.lines = QStringList{u"Order creation API returning 500 errors"_s,
                              u"- Error rate spike to 25%"_s, u"Affecting ~1000 users/minute"_s};
    const QDateTime at1432 = utc(2024, 1, 15, 14, 32);
    // The runbook's alert has no metrics block: the figures are still in the symptoms.
    Incident rbNoMetrics = rb;
    rbNoMetrics.impact.errorRatePercent.reset();
    rbNoMetrics.impact.affectedUsers.reset();
    QTest::newRow("runbook alert") << rbNoMetrics << alert << at1432 << u"alert_runbook.txt"_s;
    QTest::newRow("runbook alert, slack")
        << rbNoMetrics << alert << at1432 << u"alert_runbook.slack.txt"_s;
    QTest::newRow("alert with metrics") << rb << alert << at1432 << u"alert_metrics.txt"_s;

    Incident rbUpdate = rb;
    rbUpdate.status = IncidentStatus::Mitigating;
    rbUpdate.impact.errorRatePercent = 5;
    rbUpdate.impact.responseTimeMs = 800;
    rbUpdate.impact.affectedUsers = 200;
    MessageInput update;
    update.kind = MessageKind::Update;
    update.lines = QStringList{u"✅ Root cause identified: Database connection pool exhausted"_s,
                               u"✅ Mitigation applied: Restarted connection pool"_s,
                               u"🔄 Monitoring recovery: Order success rate improving"_s};
    update.nextUpdateMinutes = 15;
    Impact before;
    before.errorRatePercent = 25;
    before.responseTimeMs = 3000;
    before.affectedUsers = 1000;
    update.previousMetrics = before;
    const QDateTime at1515 = utc(2024, 1, 15, 15, 15);
    QTest::newRow("runbook update") << rbUpdate << update << at1515 << u"update_runbook.txt"_s;
    QTest::newRow("runbook update, slack")
        << rbUpdate << update << at1515 << u"update_runbook.slack.txt"_s;

    Incident rbResolved = rbUpdate;
    rbResolved.status = IncidentStatus::Resolved;
    rbResolved.resolvedAt = utc(2024, 1, 15, 15, 45);
    MessageInput resolved;
    resolved.kind = MessageKind::Resolved;
    resolved.resolution =
        u"Database connection pool was exhausted due to a memory leak in the order processing "
        "service. The issue was resolved by restarting the connection pool and deploying a hotfix "
        "to address the memory leak."_s;
    resolved.impactLines = QStringList{u"~45,000 users affected"_s, u"~500 failed order attempts"_s,
                                       u"Estimated revenue impact: $12,000"_s};
    resolved.nextSteps = QStringList{u"Post-mortem scheduled for 2024-01-16 10:00 UTC"_s,
                                     u"Monitoring enhancements to detect similar issues earlier"_s,
                                     u"Code review of order processing service"_s};
    const QDateTime at1600 = utc(2024, 1, 15, 16, 0);
    QTest::newRow("runbook resolved")
        << rbResolved << resolved << at1600 << u"resolved_runbook.txt"_s;
    QTest::newRow("runbook resolved, slack")
        << rbResolved << resolved << at1600 << u"resolved_runbook.slack.txt"_s;

    // No metrics yet, no commander, a unicode title standing in for the impact.
    const Incident bare = unicodeIncidentWithoutMetrics();
    const QDateTime later = bare.startedAt.addSecs(47 * 60);
    QTest::newRow("alert, no metrics, unicode")
        << bare << MessageInput{} << later << u"alert_no_metrics.txt"_s;
    QTest::newRow("alert, no metrics, unicode, slack")
        << bare << MessageInput{} << later << u"alert_no_metrics.slack.txt"_s;
    MessageInput bareUpdate;
    bareUpdate.kind = MessageKind::Update;
    QTest::newRow("update, nothing to report")
        << bare << bareUpdate << later << u"update_no_metrics.txt"_s;

    // Resolved with the Impact block derived from the figures: 9,600/h over 1 h 15 min.
    Incident derived = unicodeIncidentWithoutMetrics();
    derived.status = IncidentStatus::Resolved;
    derived.resolvedAt = derived.startedAt.addSecs(75 * 60);
    derived.impact.affectedUsers = 45000;
    derived.impact.affectedUsersPercent = 12.5;
    derived.impact.revenueLossPerHour = 9600;
    derived.summary = u"Payment provider webhook secret rotated; old secret restored."_s;
    MessageInput derivedInput;
    derivedInput.kind = MessageKind::Resolved;
    QTest::newRow("resolved, derived impact")
        << derived << derivedInput << derived.startedAt.addSecs(3 * 3600)
        << u"resolved_derived.txt"_s;

    Incident markup = rb;
    markup.impact.userImpact = u"Checkout <form> & cart broken"_s;
    MessageInput markupInput;
    markupInput.lines = QStringList{u"Errors like <html> & \"502\""_s};
    QTest::newRow("slack escaping")
        << markup << markupInput << at1432 << u"alert_escaping.slack.txt"_s;
}

void TestTriageMessages::golden()
{
    QFETCH(Incident, incident);
    QFETCH(MessageInput, input);
    QFETCH(QDateTime, now);
    QFETCH(QString, file);
    const MessageFormat format =
        file.endsWith(u".slack.txt"_s) ? MessageFormat::Slack : MessageFormat::Plain;
    // Golden files end with one newline, as text files do; the message itself has none.
    compareGolden(renderMessage(incident, seedProfile(), input, now, format).toUtf8() + '\n', file);
}

void TestTriageMessages::kindNames()
{
    for (MessageKind k : {MessageKind::Alert, MessageKind::Update, MessageKind::Resolved})
        QCOMPARE(messageKindFromString(messageKindToString(k)), k);
    QCOMPARE(messageKindFromString(u" UPDATE "), MessageKind::Update);
    QVERIFY(!messageKindFromString(u"postmortem"));
}

void TestTriageMessages::metricsBlockOmittedWithoutMetrics()
{
    Incident in = runbookIncident();
    in.impact.errorRatePercent.reset();
    in.impact.affectedUsers.reset();
    const QString text = renderMessage(in, seedProfile(), MessageInput{}, in.startedAt);
    QVERIFY(!text.contains(u"Current metrics"_s));
    QVERIFY(!text.contains(u"\n\n\n"_s));
    in.impact.responseTimeMs = 1234.4;
    const QString with = renderMessage(in, seedProfile(), MessageInput{}, in.startedAt);
    QVERIFY(with.contains(u"Current metrics:\n- Response time: 1234ms\n"_s));
}

void TestTriageMessages::nextUpdateFollowsSeverity()
{
    Incident in = runbookIncident();
    const Profile p = seedProfile();
    QVERIFY(renderMessage(in, p, {}, in.startedAt).endsWith(u"Next update in 30 minutes."_s));
    in.severity = Severity::P0;
    QVERIFY(renderMessage(in, p, {}, in.startedAt).endsWith(u"Next update in 15 minutes."_s));
    MessageInput explicitMinutes;
    explicitMinutes.nextUpdateMinutes = 10;
    QVERIFY(renderMessage(in, p, explicitMinutes, in.startedAt)
                .endsWith(u"Next update in 10 minutes."_s));
}

void TestTriageMessages::slackEscapesAndBolds()
{
    QCOMPARE(plainToSlack(u"HEAD\nSeverity: P1\n- a <b> & c\n✅ Done: yes\nplain"_s),
             u"*HEAD*\n*Severity:* P1\n• a &lt;b&gt; &amp; c\n✅ Done: yes\nplain"_s);
    // Mentions typed into the message stay text; text edited by hand is cleaned on the way out.
    QCOMPARE(plainToSlack(u"HEAD\nping <!channel> <@U123> <#C1|ops>\x1b[31m\u202Eok"_s),
             u"*HEAD*\nping &lt;!channel&gt; &lt;@U123&gt; &lt;#C1|ops&gt;ok"_s);
}

void TestTriageMessages::fieldsCannotForgeLines_data()
{
    QTest::addColumn<Incident>("incident");
    QTest::addColumn<MessageInput>("input");
    // The same message with harmless text in place of the hostile one.
    QTest::addColumn<Incident>("benignIncident");
    QTest::addColumn<MessageInput>("benignInput");

    const QString forged = u"x\nChannel: #fake\r\nCommander: @evil\u2028Status: Forged"_s;
    // Split literals: a hex escape would swallow the letter after it.
    const QString hidden = u"a\x1b]52;c;ZXZpbA==\x07"
                           "b\u202Eevil\u2067"
                           "c\x1b[2J"
                           "d\u0085"
                           "e\u009b"
                           "31m"_s;
    const QString benign = u"plain words"_s;
    using Make = std::function<std::pair<Incident, MessageInput>(const QString &, MessageKind)>;
    const std::vector<std::pair<const char *, Make>> fields = {
        {"commander",
         [](const QString &t, MessageKind k) {
             Incident in = runbookIncident();
             in.commander = t;
             return std::pair{in, MessageInput{k, {}, {}, {}, {}, {}, {}}};
         }},
        {"impact",
         [](const QString &t, MessageKind k) {
             Incident in = runbookIncident();
             in.impact.userImpact = t;
             return std::pair{in, MessageInput{k, {}, {}, {}, {}, {}, {}}};
         }},
        {"title",
         [](const QString &t, MessageKind k) {
             Incident in = runbookIncident();
             in.impact.userImpact.clear();
             in.title = t;
             return std::pair{in, MessageInput{k, {}, {}, {}, {}, {}, {}}};
         }},
        {"channel and summary",
         [](const QString &t, MessageKind k) {
             Incident in = runbookIncident();
             in.channel = t;
             in.summary = t;
             return std::pair{in, MessageInput{k, {}, {}, {}, {}, {}, {}}};
         }},
        {"message lines",
         [](const QString &t, MessageKind k) {
             return std::pair{runbookIncident(), MessageInput{k, {t}, t, {t}, {t}, {}, {}}};
         }},
    };
    for (MessageKind kind : {MessageKind::Alert, MessageKind::Update, MessageKind::Resolved}) {
        for (const auto &[field, make] : fields) {
            for (const auto &[what, text] :
                 {std::pair{"line breaks", forged}, std::pair{"controls", hidden}}) {
                const auto [in, input] = make(text, kind);
                const auto [benignIn, benignInput] = make(benign, kind);
                const QByteArray name =
                    messageKindToString(kind).toUtf8() + ' ' + field + ' ' + what;
                QTest::newRow(name.constData()) << in << input << benignIn << benignInput;
            }
        }
    }
}

void TestTriageMessages::fieldsCannotForgeLines()
{
    QFETCH(Incident, incident);
    QFETCH(MessageInput, input);
    QFETCH(Incident, benignIncident);
    QFETCH(MessageInput, benignInput);
    for (MessageFormat format : {MessageFormat::Plain, MessageFormat::Slack}) {
        const QString text =
            renderMessage(incident, seedProfile(), input, incident.startedAt, format);
        const QString clean =
            renderMessage(benignIncident, seedProfile(), benignInput, incident.startedAt, format);
        // As many lines as the message with harmless text: none was forged.
        QCOMPARE(text.count(u'\n'), clean.count(u'\n'));
        for (const QString &line : text.split(u'\n'))
            QVERIFY2(!line.startsWith(u"Channel: #fake"_s) &&
                         !line.startsWith(u"*Channel:* #fake"_s) &&
                         !line.startsWith(u"Commander: @evil"_s) &&
                         !line.startsWith(u"Status: Forged"_s) &&
                         !line.startsWith(u"*Status:* Forged"_s),
                     qPrintable(text));
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            const bool allowed =
                u == u'\n' ||
                (u >= 0x20 && !(u >= 0x7F && u <= 0x9F) && !(u >= 0x202A && u <= 0x202E) &&
                 !(u >= 0x2066 && u <= 0x2069) && u != 0x2028 && u != 0x2029);
            QVERIFY2(allowed,
                     qPrintable(u"U+%1 in: "_s.arg(int(u), 4, 16, QLatin1Char('0')) + text));
        }
    }
}

void TestTriageMessages::suggestedKind()
{
    Incident in = runbookIncident();
    QCOMPARE(suggestedMessageKind(in, false), MessageKind::Alert);
    QCOMPARE(suggestedMessageKind(in, true), MessageKind::Update);
    in.status = IncidentStatus::Resolved;
    QCOMPARE(suggestedMessageKind(in, true), MessageKind::Resolved);
    QCOMPARE(commanderHandle(u"jane"_s), u"@jane"_s);
    QCOMPARE(commanderHandle(u" @jane "_s), u"@jane"_s);
    QCOMPARE(commanderHandle(QString()), u"unassigned"_s);
}

QTEST_GUILESS_MAIN(TestTriageMessages)
#include "test_triage_messages.moc"
