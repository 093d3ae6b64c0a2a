#include "core/profile.h"
#include "services/profilefile.h"
#include "testsupport/testsupport.h"

#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace idesk;
using Json = nlohmann::ordered_json;

namespace {

QByteArray defaultBytes()
{
    QFile f(QStringLiteral(":/profiles/default.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray toBytes(const Json &j)
{
    return QByteArray::fromStdString(j.dump(2));
}

// Applies one edit to the default profile: set `pointer` to `value` (JSON text), or remove it
// when `value` is empty.
QByteArray edited(const QString &pointer, const QByteArray &value)
{
    Json j = Json::parse(defaultBytes().toStdString());
    const Json::json_pointer ptr(pointer.toStdString());
    if (value.isEmpty()) {
        Json &parent = j.at(ptr.parent_pointer());
        if (parent.is_array())
            parent.erase(static_cast<std::size_t>(std::stoul(ptr.back())));
        else
            parent.erase(ptr.back());
    } else {
        j[ptr] = Json::parse(value.toStdString());
    }
    return toBytes(j);
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void defaultProfileHoldsRunbookFacts();
    void defaultProfileLookups();
    void defaultDiagnosticsCoverRunbook();
    void defaultResourceIsCanonical();
    void roundTripDefault();
    void roundTripEdited();
    void optionalKeysGetDefaults();
    void unknownTopLevelSectionsAreKept();
    void badProfile_data();
    void badProfile();
    void errorMessageFormat();
    void expectedValuesKeepTheirText();
    void unreadableFile_data();
    void unreadableFile();
    void loadFromFile();
};

void TestProfile::defaultProfileHoldsRunbookFacts()
{
    const Profile p = defaultProfile();
    QCOMPARE(p.schemaVersion, 1);
    QCOMPARE(p.name, QStringLiteral("Web3 Marketplace"));

    QCOMPARE(p.severities.size(), std::size_t(4));
    const int response[] = {15, 60, 240, 1440};
    const int update[] = {15, 30, 60, 240};
    const char *labels[] = {"Critical", "High", "Medium", "Low"};
    for (int i = 0; i < 4; ++i) {
        const SeverityDef &d = p.severities[static_cast<std::size_t>(i)];
        QCOMPARE(d.severity, static_cast<Severity>(i));
        QCOMPARE(d.label, QLatin1String(labels[i]));
        QCOMPARE(d.responseMinutes, response[i]);
        QCOMPARE(d.updateEveryMinutes, update[i]);
        QCOMPARE(d.examples.size(), 2);
    }
    QCOMPARE(p.severities[0].description, QStringLiteral("Complete service outage"));
    QCOMPARE(p.severities[0].examples, (QStringList{QStringLiteral("Site down"),
                                                    QStringLiteral("Payment processing failed")}));
    QCOMPARE(p.severities[3].description, QStringLiteral("Cosmetic or minor issues"));

    QCOMPARE(p.thresholds.userHighPercent, 50.0);
    QCOMPARE(p.thresholds.userMediumPercent, 10.0);
    QCOMPARE(p.thresholds.revenueCriticalPerHour, 10000.0);
    QCOMPARE(p.thresholds.revenueHighPerHour, 1000.0);
    QCOMPARE(p.thresholds.currency, QStringLiteral("$"));

    QCOMPARE(p.escalationLevels.size(), std::size_t(3));
    QCOMPARE(p.escalationLevels[0].title, QStringLiteral("On-call Engineer"));
    QCOMPARE(p.escalationLevels[0].responseMinutes, 15);
    QCOMPARE(p.escalationLevels[0].escalateIf,
             QStringLiteral("Cannot resolve P0/P1 within 30 minutes"));
    QCOMPARE(p.escalationLevels[1].title, QStringLiteral("Senior Engineer/Team Lead"));
    QCOMPARE(p.escalationLevels[1].responseMinutes, 30);
    QVERIFY(p.escalationLevels[1].authority.contains(QStringLiteral("vendor contact")));
    QCOMPARE(p.escalationLevels[2].title, QStringLiteral("Engineering Manager/CTO"));
    QCOMPARE(p.escalationLevels[2].responseMinutes, 60);

    QCOMPARE(p.escalationRules.size(), std::size_t(4));
    const auto &r = p.escalationRules;
    QCOMPARE(r[0].severities, (std::vector<Severity>{Severity::P0, Severity::P1}));
    QCOMPARE(r[0].afterMinutes, 30);
    QCOMPARE(r[0].toLevel, 2);
    QCOMPARE(r[1].severities, (std::vector<Severity>{Severity::P0}));
    QCOMPARE(r[1].afterMinutes, 60);
    QCOMPARE(r[1].toLevel, 3);
    QCOMPARE(r[2].severities, (std::vector<Severity>{Severity::P1}));
    QCOMPARE(r[2].afterMinutes, 120);
    QCOMPARE(r[2].toLevel, 3);
    QVERIFY(r[3].severities.empty());
    QCOMPARE(r[3].afterMinutes, 240);
    QCOMPARE(r[3].toLevel, 3);

    QCOMPARE(p.onCall.size(), std::size_t(3));
    QCOMPARE(p.onCall[0].role, QStringLiteral("Primary"));
    QCOMPARE(p.onCall[0].phone, QStringLiteral("+1-555-0123"));
    QCOMPARE(p.onCall[0].via, QStringLiteral("PagerDuty"));
    QCOMPARE(p.onCall[1].phone, QStringLiteral("+1-555-0124"));
    QCOMPARE(p.onCall[2].phone, QStringLiteral("+1-555-0125"));
    QCOMPARE(p.personnel.size(), std::size_t(4));
    QCOMPARE(p.personnel[0].role, QStringLiteral("CTO"));
    QCOMPARE(p.personnel[0].email, QStringLiteral("cto@linkdao.io"));
    QCOMPARE(p.personnel[0].phone, QStringLiteral("+1-555-0100"));
    QCOMPARE(p.personnel[3].email, QStringLiteral("support@linkdao.io"));
    QCOMPARE(p.vendors.size(), std::size_t(3));
    QCOMPARE(p.vendors[0].role, QStringLiteral("Stripe"));
    QCOMPARE(p.vendors[0].phone, QStringLiteral("+1-888-963-8442"));
    QCOMPARE(p.vendors[1].via, QStringLiteral("Slack: #infura-support"));
    QCOMPARE(p.vendors[2].email, QStringLiteral("support@datadoghq.com"));

    QCOMPARE(p.channels.size(), std::size_t(4));
    QStringList values;
    for (const ChannelDef &c : p.channels)
        values << c.value;
    QCOMPARE(values,
             (QStringList{QStringLiteral("#incidents"), QStringLiteral("#incident-response"),
                          QStringLiteral("incidents@linkdao.io"),
                          QStringLiteral("https://status.linkdao.io")}));

    QCOMPARE(p.dashboards.size(), std::size_t(4));
    QCOMPARE(p.dashboards[3].url,
             QStringLiteral("https://monitoring.linkdao.io/d/blockchain-metrics"));
    QCOMPARE(p.healthEndpoints.size(), std::size_t(6));
    QCOMPARE(p.healthEndpoints[0].url, QStringLiteral("https://api.linkdao.io/health"));
    QCOMPARE(p.healthEndpoints[3].url, QStringLiteral("https://api.linkdao.io/health/blockchain"));
    QCOMPARE(p.healthEndpoints[5].url, QStringLiteral("https://status.linkdao.io/api/health"));
    QCOMPARE(p.jsonRpcEndpoints.size(), std::size_t(2));
    QCOMPARE(p.jsonRpcEndpoints[0].method, QStringLiteral("eth_blockNumber"));
    QCOMPARE(p.jsonRpcEndpoints[1].method, QStringLiteral("eth_gasPrice"));
    QCOMPARE(p.jsonRpcEndpoints[1].url,
             QStringLiteral("https://mainnet.infura.io/v3/YOUR-PROJECT-ID"));

    QCOMPARE(p.kube.ns, QStringLiteral("web3-marketplace"));
    QCOMPARE(p.kube.monitoringNamespace, QStringLiteral("monitoring"));
    QCOMPARE(p.kube.context, QStringLiteral("web3-marketplace-prod"));
    QCOMPARE(p.kube.deployments,
             (QStringList{QStringLiteral("backend"), QStringLiteral("frontend"),
                          QStringLiteral("postgres"), QStringLiteral("redis")}));

    QCOMPARE(p.initialAssessmentChecklist.size(), 5);
    QCOMPARE(p.initialAssessmentChecklist.first(),
             QStringLiteral("Confirm incident is real (not false positive)"));
    QCOMPARE(p.recoveryChecklist.size(), 5);
    QCOMPARE(p.recoveryChecklist[1], QStringLiteral("Error rates back to baseline (<1%)"));
    QCOMPARE(p.postIncidentChecklist.size(), 4);
    QCOMPARE(p.postIncidentChecklist.last(), QStringLiteral("Schedule post-mortem meeting"));
    QVERIFY(p.webhookUrl.isEmpty());
    QVERIFY(p.extensions.isEmpty());
}

void TestProfile::defaultProfileLookups()
{
    const Profile p = defaultProfile();
    QVERIFY(p.severity(Severity::P2));
    QCOMPARE(p.severity(Severity::P2)->label, QStringLiteral("Medium"));
    QVERIFY(p.level(3));
    QCOMPARE(p.level(3)->level, 3);
    QVERIFY(!p.level(4));
    QVERIFY(!p.level(0));
    QCOMPARE(p.checklist(ChecklistKind::RecoveryConfirmation), p.recoveryChecklist);
    QCOMPARE(p.checklist(ChecklistKind::PostIncident).size(), 4);
    QVERIFY(p.contact(QStringLiteral("devops lead")));
    QCOMPARE(p.contact(QStringLiteral("devops lead"))->phone, QStringLiteral("+1-555-0101"));
    QCOMPARE(p.contact(QStringLiteral("Infura"))->email, QStringLiteral("support@infura.io"));
    QVERIFY(!p.contact(QStringLiteral("Nobody")));
    // Every role a level says to call is one we can find.
    for (const EscalationLevel &l : p.escalationLevels) {
        QVERIFY(!l.contactRoles.isEmpty());
        for (const QString &role : l.contactRoles)
            QVERIFY2(p.contact(role), qPrintable(role));
    }
}

void TestProfile::defaultDiagnosticsCoverRunbook()
{
    const Profile p = defaultProfile();
    QVERIFY(!p.extensions.contains(QStringLiteral("diagnostics")));
    const QStringList groups{QStringLiteral("Quick health"), QStringLiteral("System"),
                             QStringLiteral("Application"),  QStringLiteral("Database"),
                             QStringLiteral("Blockchain"),   QStringLiteral("Network"),
                             QStringLiteral("Logs"),         QStringLiteral("Monitoring"),
                             QStringLiteral("Mitigations")};
    for (const QString &g : groups) {
        QVERIFY2(std::any_of(p.diagnostics.begin(), p.diagnostics.end(),
                             [&](const DiagnosticCheck &d) { return d.group == g; }),
                 qPrintable(g));
    }
    const DiagnosticCheck *nodes = p.diagnostic(QStringLiteral("nodes"));
    QVERIFY(nodes);
    QCOMPARE(nodes->kind, QStringLiteral("kubectl"));
    QCOMPARE(nodes->args, (QStringList{QStringLiteral("get"), QStringLiteral("nodes")}));
    const DiagnosticCheck *rpc = p.diagnostic(QStringLiteral("eth-block-number"));
    QVERIFY(rpc);
    QCOMPARE(rpc->method, QStringLiteral("eth_blockNumber"));
    const DiagnosticCheck *dns = p.diagnostic(QStringLiteral("dns-api"));
    QVERIFY(dns);
    QCOMPARE(dns->host, QStringLiteral("api.linkdao.io"));
    const DiagnosticCheck *locks = p.diagnostic(QStringLiteral("db-locks"));
    QVERIFY(locks);
    QCOMPARE(locks->kind, QStringLiteral("sql"));
    QVERIFY(locks->args.contains(QStringLiteral("-X")));
    QVERIFY(!locks->args.contains(QStringLiteral("-it")));
    // Every mitigation that changes something is destructive and names what it changes.
    for (const char *id : {"db-pool-restart", "db-kill-long-queries", "db-reindex",
                           "restart-backend", "restart-frontend", "scale-backend", "scale-frontend",
                           "undo-backend", "restart-ingress", "redis-flushall", "redis-restart"}) {
        const DiagnosticCheck *d = p.diagnostic(QString::fromLatin1(id));
        QVERIFY2(d && d->destructive && !d->target.isEmpty(), id);
    }
    for (const char *id : {"redis-memory", "rollout-status-backend", "db-active-queries"}) {
        const DiagnosticCheck *d = p.diagnostic(QString::fromLatin1(id));
        QVERIFY2(d && !d->destructive, id);
    }
    for (const DiagnosticCheck &d : p.diagnostics)
        QVERIFY2(!d.args.contains(QStringLiteral("-it")) && !d.args.contains(QStringLiteral("-f")),
                 qPrintable(d.id));
}

void TestProfile::defaultResourceIsCanonical()
{
    // The shipped file is exactly what saving it gives back, so a user's saved copy diffs
    // cleanly against it.
    const QByteArray shipped = defaultBytes();
    QVERIFY(!shipped.isEmpty());
    QCOMPARE(profileToJson(defaultProfile()), shipped);
}

void TestProfile::roundTripDefault()
{
    const Profile p = defaultProfile();
    const QByteArray json = profileToJson(p);
    QVERIFY(json.endsWith("}\n"));
    const Profile back = parseProfile(json, QStringLiteral("roundtrip"));
    QVERIFY(back == p);
    QCOMPARE(profileToJson(back), json);
}

void TestProfile::roundTripEdited()
{
    Profile p = defaultProfile();
    p.name = QStringLiteral("Zahlungen — 決済 🚨");
    p.thresholds.userHighPercent = 62.5;
    p.thresholds.revenueCriticalPerHour = 12345.678901234567;
    p.thresholds.currency = QStringLiteral("€");
    p.severities[1].examples.clear();
    p.escalationRules.push_back({{Severity::P2, Severity::P3}, 480, 2, QStringLiteral("slow")});
    p.webhookUrl = QStringLiteral("https://hooks.slack.com/services/T000/B000/XXXX");
    p.healthEndpoints[0].expectStatus = 204;
    p.kube.context = QStringLiteral("arn:aws:eks:eu-west-1:123456789012:cluster/prod");
    p.extensions.insert(QStringLiteral("runbookLinks"), QByteArrayLiteral("[{\"id\":\"pods\"}]"));
    p.diagnostics[0].expect.threshold = 2.5;
    p.diagnostics[0].expect.value = QStringLiteral("ok");
    p.vendors.clear();

    const Profile back = parseProfile(profileToJson(p), QStringLiteral("edited"));
    QVERIFY(back == p);
    QCOMPARE(back.name, p.name);
    QCOMPARE(back.thresholds.revenueCriticalPerHour, 12345.678901234567);
    QCOMPARE(back.escalationRules.back().severities.size(), std::size_t(2));
    QCOMPARE(back.extensions.value(QStringLiteral("runbookLinks")),
             QByteArrayLiteral("[{\"id\":\"pods\"}]"));
    // A mutation that round-trips must be visible, or the equality above proves nothing.
    Profile other = back;
    other.healthEndpoints[0].expectStatus = 200;
    QVERIFY(!(other == p));
}

void TestProfile::optionalKeysGetDefaults()
{
    const QByteArray minimal = R"({
  "schemaVersion": 1,
  "name": "Minimal",
  "severities": [
    {"severity": "P3", "label": "Low", "responseMinutes": 1440},
    {"severity": "p0", "label": "Critical", "responseMinutes": 15},
    {"severity": "P1", "label": "High", "responseMinutes": 60},
    {"severity": "P2", "label": "Medium", "responseMinutes": 240}
  ],
  "escalationLevels": [{"level": 1, "title": "On-call", "responseMinutes": 15}]
})";
    const Profile p = parseProfile(minimal, QStringLiteral("minimal.json"));
    QCOMPARE(p.name, QStringLiteral("Minimal"));
    // Sorted into P0..P3 whatever order the file used.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(p.severities[static_cast<std::size_t>(i)].severity, static_cast<Severity>(i));
    QCOMPARE(p.severities[0].updateEveryMinutes, 30);
    QVERIFY(p.severities[0].description.isEmpty());
    QVERIFY(p.severities[0].examples.isEmpty());
    QCOMPARE(p.thresholds, ImpactThresholds{});
    QCOMPARE(p.escalationLevels.size(), std::size_t(1));
    QVERIFY(p.escalationRules.empty());
    QVERIFY(p.onCall.empty() && p.personnel.empty() && p.vendors.empty());
    QVERIFY(p.channels.empty() && p.dashboards.empty());
    QVERIFY(p.healthEndpoints.empty() && p.jsonRpcEndpoints.empty());
    QCOMPARE(p.kube, KubeSettings{});
    QVERIFY(p.initialAssessmentChecklist.isEmpty());
    QVERIFY(p.webhookUrl.isEmpty());
    QVERIFY(parseProfile(profileToJson(p), QStringLiteral("again")) == p);
}

void TestProfile::unknownTopLevelSectionsAreKept()
{
    const QByteArray json = edited(QStringLiteral("/runbookLinks"),
                                   R"([{"id": "site-outage", "steps": ["Check infrastructure"]}])");
    const Profile p = parseProfile(json, QStringLiteral("with-links.json"));
    QCOMPARE(p.extensions.size(), 1);
    QCOMPARE(p.extensions.value(QStringLiteral("runbookLinks")),
             QByteArrayLiteral(R"([{"id":"site-outage","steps":["Check infrastructure"]}])"));
    const QByteArray saved = profileToJson(p);
    QVERIFY(saved.contains("\"site-outage\""));
    QVERIFY(parseProfile(saved, QStringLiteral("saved")) == p);
}

void TestProfile::badProfile_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // a fragment of ProfileError::expected()

    const auto row = [](const char *name, const QByteArray &doc, const char *path,
                        const char *expected) {
        QTest::newRow(name) << doc << QString::fromUtf8(path) << QString::fromUtf8(expected);
    };
    const auto edit = [&](const char *name, const char *pointer, const QByteArray &value,
                          const char *path, const char *expected) {
        row(name, edited(QString::fromUtf8(pointer), value), path, expected);
    };

    row("not JSON", "{ \"schemaVersion\": 1, @ }", "$", "valid JSON: parse error at byte 22");
    row("empty file", "", "$", "unexpected end");
    edit("extension nested too deep", "/runbookLinks", QByteArray(300, '[') + QByteArray(300, ']'),
         "$", "at most 256 nested");
    {
        // Text edits: a JSON library cannot write these documents.
        const QByteArray good = defaultBytes();
        const QByteArray minutes = "\"responseMinutes\": 15";
        const auto raw = [&](const char *name, const QByteArray &to, const char *path,
                             const char *expected) {
            QByteArray doc = good;
            const auto pos = doc.indexOf(minutes);
            QVERIFY(pos >= 0);
            doc.replace(pos, minutes.size(), to);
            row(name, doc, path, expected);
        };
        raw("number 1e999", "\"responseMinutes\": 1e999", "$.severities[0].responseMinutes",
            "a number within the range of a double");
        raw("million-digit integer", "\"responseMinutes\": " + QByteArray(1000000, '9'),
            "$.severities[0].responseMinutes", "(1000000 characters)");
        raw("huge number where a string goes", "\"title\": 1e999, " + minutes,
            "$.severities[0].title", "a number within the range of a double");
        raw("duplicate key", minutes + ", " + minutes, "$.severities[0].responseMinutes",
            "appears twice");
        row("NUL then garbage", good + QByteArray("\0garbage", 8), "$", "a NUL byte");
    }
    row("root not an object", "[1, 2, 3]", "$", "a JSON object");
    edit("missing required key", "/severities/1/label", {}, "$.severities[1].label",
         "the key is missing");
    edit("missing name", "/name", {}, "$.name", "a non-empty string");
    edit("string where number", "/severities/2/responseMinutes", "\"240\"",
         "$.severities[2].responseMinutes", "a positive integer (minutes)");
    edit("fraction where integer", "/escalationRules/1/afterMinutes", "60.5",
         "$.escalationRules[1].afterMinutes", "a positive integer (minutes)");
    edit("negative minutes", "/escalationLevels/0/responseMinutes", "-5",
         "$.escalationLevels[0].responseMinutes", "a positive integer (minutes)");
    edit("zero minutes", "/severities/0/updateEveryMinutes", "0",
         "$.severities[0].updateEveryMinutes", "a positive integer (minutes)");
    edit("minutes beyond a year", "/severities/3/responseMinutes", "9999999",
         "$.severities[3].responseMinutes", "at most 525600 minutes");
    edit("percent over 100", "/thresholds/userHighPercent", "150", "$.thresholds.userHighPercent",
         "a percentage between 0 and 100");
    edit("medium above high", "/thresholds/userMediumPercent", "75",
         "$.thresholds.userMediumPercent", "no greater than userHighPercent");
    edit("negative revenue", "/thresholds/revenueHighPerHour", "-1",
         "$.thresholds.revenueHighPerHour", "a non-negative amount");
    edit("unknown severity", "/severities/1/severity", "\"P7\"", "$.severities[1].severity",
         "one of P0, P1, P2, P3");
    edit("unknown severity in rule", "/escalationRules/0/severities/1", "\"urgent\"",
         "$.escalationRules[0].severities[1]", "one of P0, P1, P2, P3");
    edit("duplicate severity", "/severities/3/severity", "\"P2\"", "$.severities[3].severity",
         "exactly once");
    edit("missing severity", "/severities/3", {}, "$.severities", "an entry for P3");
    edit("levels out of order", "/escalationLevels/1/level", "3", "$.escalationLevels[1].level",
         "level 2 (levels run 1..3 in order)");
    edit("fourth level", "/escalationLevels/-",
         R"({"level": 4, "title": "Board", "responseMinutes": 120})", "$.escalationLevels[3]",
         "at most 3 escalation levels");
    edit("no levels", "/escalationLevels", "[]", "$.escalationLevels", "escalation levels 1..3");
    edit("rule to missing level", "/escalationRules/0/toLevel", "4", "$.escalationRules[0].toLevel",
         "a level defined in $.escalationLevels (1..3)");
    edit("rule to removed level", "/escalationLevels/2", {}, "$.escalationRules[1].toLevel",
         "(1..2)");
    edit("level calls unknown role", "/escalationLevels/1/contactRoles/0", "\"Janitor\"",
         "$.escalationLevels[1].contactRoles[0]", "a role listed in $.onCall or $.personnel");
    edit("newer schemaVersion", "/schemaVersion", "2", "$.schemaVersion", "schemaVersion <= 1");
    edit("schemaVersion zero", "/schemaVersion", "0", "$.schemaVersion", "schemaVersion <= 1");
    edit("dashboard not http", "/dashboards/2/url", "\"ftp://monitoring.linkdao.io/d\"",
         "$.dashboards[2].url", "an http(s) URL");
    edit("health endpoint without scheme", "/healthEndpoints/0/url", "\"api.linkdao.io/health\"",
         "$.healthEndpoints[0].url", "an http(s) URL");
    edit("json-rpc javascript url", "/jsonRpcEndpoints/1/url", "\"javascript:alert(1)\"",
         "$.jsonRpcEndpoints[1].url", "an http(s) URL");
    edit("webhook file url", "/webhookUrl", "\"file:///etc/passwd\"", "$.webhookUrl",
         "an http(s) URL or an empty string");
    edit("status page not a url", "/channels/3/value", "\"status.linkdao.io\"",
         "$.channels[3].value", "an http(s) URL");
    edit("bad status code", "/healthEndpoints/2/expectStatus", "42",
         "$.healthEndpoints[2].expectStatus", "an HTTP status code");
    edit("empty checklist item", "/recoveryChecklist/2", "\"   \"", "$.recoveryChecklist[2]",
         "a non-empty checklist item");
    edit("number as checklist item", "/postIncidentChecklist/0", "7", "$.postIncidentChecklist[0]",
         "a non-empty checklist item");
    edit("misspelt optional key", "/severities/0/updateEveryMinute", "10",
         "$.severities[0].updateEveryMinute", "one of the keys severity, label");
    edit("namespace not DNS-1123", "/kube/namespace", "\"Web3 Marketplace\"", "$.kube.namespace",
         "DNS-1123 label");
    edit("deployment with option", "/kube/deployments/1", "\"--all\"", "$.kube.deployments[1]",
         "DNS-1123 subdomain");
    edit("diagnostic unknown kind", "/diagnostics/0/kind", "\"shell\"", "$.diagnostics[0].kind",
         "one of kubectl, http, jsonrpc, dns, sql, logs");
    edit("database password", "/database", "{\"conninfo\":\"host=db password=x\"}",
         "$.database.conninfo", "a connection string without a password");
    edit("database password in URI", "/database/conninfo", "\"postgresql://ops:x@db/shop\"",
         "$.database.conninfo", "~/.pgpass");
    edit("database timeout", "/database/connectTimeoutSeconds", "0",
         "$.database.connectTimeoutSeconds", "a timeout in seconds (1..300)");
    edit("database production not bool", "/database/production", "\"yes\"", "$.database.production",
         "true or false");
    edit("database unknown key", "/database/user", "\"ops\"", "$.database.user",
         "one of the keys conninfo");
    edit("production context not a string", "/kube/productionContexts", "[1]",
         "$.kube.productionContexts[0]", "a context name");
    edit("diagnostic duplicate id", "/diagnostics/1/id", "\"quick-nodes\"", "$.diagnostics[1].id",
         "an id not used before");
    edit("diagnostic empty arg", "/diagnostics/0/args/1", "\"\"", "$.diagnostics[0].args[1]",
         "a non-empty kubectl argument");
    edit("diagnostic bad timeout", "/diagnostics/0/timeoutSeconds", "0",
         "$.diagnostics[0].timeoutSeconds", "a timeout in seconds");
    edit("diagnostic bad status", "/diagnostics/4/expect/status", "999",
         "$.diagnostics[4].expect.status", "an HTTP status code");
    edit("diagnostic destructive not bool", "/diagnostics/0/destructive", "\"yes\"",
         "$.diagnostics[0].destructive", "true or false");
    edit("diagnostic misspelt key", "/diagnostics/0/timeout", "5", "$.diagnostics[0].timeout",
         "one of the keys id, group");
    edit("diagnostic dns bad host", "/diagnostics/46/host", "\"-x.example\"",
         "$.diagnostics[46].host", "a host name");
    edit("bad email", "/personnel/0/email", "\"cto at linkdao\"", "$.personnel[0].email",
         "an email address");
    edit("slack without hash", "/channels/0/value", "\"incidents\"", "$.channels[0].value",
         "a Slack channel");
    edit("unknown channel kind", "/channels/0/kind", "\"pigeon\"", "$.channels[0].kind",
         "one of slack, email, statuspage");
    edit("severities not an array", "/severities", "{}", "$.severities", "an array");
    edit("thresholds not an object", "/thresholds", "[]", "$.thresholds", "an object");
    // What was found where an object belongs is named, whatever its type.
    edit("severity entry null", "/severities/0", "null", "$.severities[0]",
         "an object (found null)");
    edit("kube a boolean", "/kube", "true", "$.kube", "an object (found a boolean)");
    edit("database a number", "/database", "5", "$.database", "an object (found a number)");
    edit("thresholds a string", "/thresholds", "\"high\"", "$.thresholds",
         "an object (found a string)");
    edit("webhook not a string", "/webhookUrl", "5", "$.webhookUrl",
         "an http(s) URL or an empty string");
    edit("severity name not a string", "/severities/0/severity", "0", "$.severities[0].severity",
         "one of P0, P1, P2, P3");
    edit("dashboard url not a string", "/dashboards/0/url", "7", "$.dashboards[0].url",
         "an http(s) URL");
    edit("revenue high above critical", "/thresholds/revenueHighPerHour", "20000",
         "$.thresholds.revenueHighPerHour", "no greater than revenueCriticalPerHour (10000)");
    edit("channel kind not a string", "/channels/0/kind", "1", "$.channels[0].kind",
         "one of slack, email, statuspage");
    edit("email channel without address", "/channels/2/value", "\"ops-team\"",
         "$.channels[2].value", "an email address");
    edit("monitoring namespace not DNS-1123", "/kube/monitoringNamespace", "\"Grafana Ops\"",
         "$.kube.monitoringNamespace", "DNS-1123 label");
    edit("json path without root", "/diagnostics/4/expect/jsonPath", "\"status\"",
         "$.diagnostics[4].expect.jsonPath", "a JSON path like $.status");
    edit("expected value an object", "/diagnostics/4/expect/value", "{\"a\": 1}",
         "$.diagnostics[4].expect.value", "a string, number or boolean");
    edit("diagnostic id upper case", "/diagnostics/0/id", "\"Quick Nodes\"", "$.diagnostics[0].id",
         "an id of lower-case letters");
    edit("kubectl check without args", "/diagnostics/0/args", {}, "$.diagnostics[0].args",
         "kubectl arguments (the key is missing)");
    edit("kubectl check with ftp url", "/diagnostics/0/url", "\"ftp://example.org/x\"",
         "$.diagnostics[0].url", "an http(s) URL");
    edit("filter not a regular expression", "/diagnostics/0/filter", "\"(unclosed\"",
         "$.diagnostics[0].filter", "a regular expression");
    edit("diagnostic deployment with option", "/diagnostics/0/deployment", "\"--all\"",
         "$.diagnostics[0].deployment", "DNS-1123 subdomain");
    edit("destructive check without target", "/diagnostics/0/destructive", "true",
         "$.diagnostics[0].target", "the name a destructive check changes");
    edit("kubectl delete as a check", "/diagnostics/0/args", R"(["delete", "pod", "api-0"])",
         "$.diagnostics[0].destructive", "true, because kubectl delete changes");
    edit("scale behind a namespace flag", "/diagnostics/0/args",
         R"(["-n", "shop", "scale", "deployment/api", "--replicas=0"])",
         "$.diagnostics[0].destructive", "kubectl scale");
    edit("flushall through exec", "/diagnostics/0/args",
         R"(["exec", "deployment/redis", "--", "redis-cli", "FLUSHALL"])",
         "$.diagnostics[0].destructive", "redis-cli FLUSHALL");
    edit("http post as a check", "/diagnostics/4/method", "\"POST\"",
         "$.diagnostics[4].destructive", "HTTP POST");
    edit("raw transaction as a check", "/diagnostics/38/method", "\"eth_sendRawTransaction\"",
         "$.diagnostics[38].destructive", "JSON-RPC eth_sendRawTransaction");
    edit("sql delete as a check", "/diagnostics/32/query", "\"DELETE FROM orders\"",
         "$.diagnostics[32].destructive", "SQL DELETE");
    edit("database password after escaped quote", "/database",
         R"({"conninfo": "host='db \\' x' password=secret"})", "$.database.conninfo",
         "a connection string without a password");
}

void TestProfile::badProfile()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QString origin = QStringLiteral("bad.json");
    try {
        parseProfile(document, origin);
        QFAIL("parseProfile accepted a bad profile");
    } catch (const ProfileError &e) {
        QCOMPARE(e.file(), origin);
        QCOMPARE(e.jsonPath(), path);
        QVERIFY2(e.expected().contains(expected), qPrintable(e.message()));
    }
}

// A number or boolean to compare with is kept as the JSON text it was written as, and an exit
// code survives saving.
void TestProfile::expectedValuesKeepTheirText()
{
    for (const auto &[value, text] : {std::pair{"true", "true"}, std::pair{"2.5", "2.5"}}) {
        const QByteArray doc =
            edited(QStringLiteral("/diagnostics/4/expect"),
                   QByteArray(R"({"jsonPath": "$.ok", "exitCode": 3, "value": )") + value + '}');
        const Profile p = parseProfile(doc, QStringLiteral("expect.json"));
        const DiagnosticCheck &d = p.diagnostics.at(4);
        QCOMPARE(d.expect.value, QString::fromUtf8(text));
        QCOMPARE(d.expect.exitCode, 3);
        const Profile again = parseProfile(profileToJson(p), QStringLiteral("saved.json"));
        QCOMPARE(again.diagnostics.at(4).expect.exitCode, 3);
        QCOMPARE(again.diagnostics.at(4).expect.value, QString::fromUtf8(text));
        QCOMPARE(again.diagnostics.at(4).expect.jsonPath, QStringLiteral("$.ok"));
    }
}

void TestProfile::errorMessageFormat()
{
    try {
        parseProfile(edited(QStringLiteral("/severities/2/responseMinutes"), "-1"),
                     QStringLiteral("/etc/site.json"));
        QFAIL("accepted negative minutes");
    } catch (const ProfileError &e) {
        QCOMPARE(e.message(), QStringLiteral("/etc/site.json: $.severities[2].responseMinutes: "
                                             "expected a positive integer (minutes)"));
        QCOMPARE(QString::fromStdString(e.what()), e.message());
    }
}

void TestProfile::unreadableFile_data()
{
    QTest::addColumn<QString>("path");
    static test::TempDir dir;
    QTest::newRow("missing") << dir.file(QStringLiteral("nope.json"));
    QTest::newRow("directory") << dir.path();
    QTest::newRow("empty name") << QString();
}

void TestProfile::unreadableFile()
{
    QFETCH(QString, path);
    try {
        loadProfileFile(path);
        QFAIL("loaded an unreadable file");
    } catch (const ProfileError &e) {
        QCOMPARE(e.file(), path);
        QCOMPARE(e.jsonPath(), QStringLiteral("$"));
        QCOMPARE(e.expected(), QStringLiteral("a readable file"));
    }
}

void TestProfile::loadFromFile()
{
    test::TempDir dir;
    Profile p = defaultProfile();
    p.name = QStringLiteral("From disk");
    dir.write(QStringLiteral("good.json"), profileToJson(p));
    QVERIFY(loadProfileFile(dir.file(QStringLiteral("good.json"))) == p);

    const QString bad = dir.file(QStringLiteral("bad.json"));
    dir.write(QStringLiteral("bad.json"),
              edited(QStringLiteral("/kube/deployments"), "\"backend\""));
    try {
        loadProfileFile(bad);
        QFAIL("loaded a bad file");
    } catch (const ProfileError &e) {
        QCOMPARE(e.file(), bad);
        QCOMPARE(e.jsonPath(), QStringLiteral("$.kube.deployments"));
    }
}

QTEST_GUILESS_MAIN(TestProfile)
#include "test_profile.moc"
