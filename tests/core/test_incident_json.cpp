#include "core/hlc.h"
#include "core/incidentjson.h"
#include "testsupport/testsupport.h"

#include <QFile>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

using namespace idesk;
using Json = nlohmann::ordered_json;

namespace {

const QString kIncidentId = QStringLiteral("3f2b8c1e-6d4a-4b7e-9a10-5c2d8e7f6a01");
const QString kSiteA = QStringLiteral("laptop-a");
const QString kSiteB = QStringLiteral("laptop-b");
// This machine's clock during the import: the day after the rich bundle's incident.
const QDateTime kNow(QDate(2024, 1, 16), QTime(12, 0), Qt::UTC);

QDateTime utc(int h, int m, int s = 0, int ms = 0)
{
    return QDateTime(QDate(2024, 1, 15), QTime(h, m, s, ms), Qt::UTC);
}

SyncStamp stamp(qint64 wall, const QString &site)
{
    return {QStringLiteral("%1-000000").arg(wall, 15, 10, QLatin1Char('0')), site};
}

TimelineEvent event(const QString &id, const QString &eventId, int revision, QDateTime occurred,
                    EventKind kind, const QString &text)
{
    TimelineEvent e;
    e.id = id;
    e.eventId = eventId;
    e.incidentId = kIncidentId;
    e.revision = revision;
    e.occurredAt = occurred;
    e.recordedAt = occurred.addSecs(30 * revision);
    e.kind = kind;
    e.author = QStringLiteral("john.doe");
    e.text = text;
    e.stamp = stamp(1705329000000 + revision, kSiteA);
    return e;
}

// Everything the format carries, with the awkward values: unicode, control characters, times
// given in other zones, doubles that do not print short, unset optionals next to set ones.
IncidentBundle richBundle()
{
    IncidentBundle b;
    Incident &i = b.incident;
    i.id = kIncidentId;
    i.title = QStringLiteral("Zahlungen fehlgeschlagen — 決済 🚨");
    i.severity = Severity::P1;
    i.status = IncidentStatus::Mitigating;
    i.commander = QStringLiteral("@john.doe");
    i.commsLead = QStringLiteral("@jane.roe");
    i.scribe = QString();
    i.channel = QStringLiteral("#incident-2024-01-15-001");
    i.startedAt = utc(14, 30);
    // Same instant written in +02:00: the export must say 14:31Z.
    i.detectedAt = QDateTime(QDate(2024, 1, 15), QTime(16, 31, 0, 250), Qt::OffsetFromUTC, 7200);
    i.acknowledgedAt = utc(14, 32, 5, 7);
    i.mitigatedAt = QDateTime();
    i.resolvedAt = QDateTime();
    i.impact.userImpact = QStringLiteral("Users unable to create orders\n\"quoted\"\tand tabbed");
    i.impact.businessImpact = QStringLiteral("~$12,000 revenue");
    i.impact.affectedUsers = 45000;
    i.impact.affectedUsersPercent = 1.0 / 3.0;
    i.impact.errorRatePercent = 0.1;
    i.impact.responseTimeMs = std::nullopt;
    i.impact.revenueLossPerHour = 12345.678901234567;
    i.impact.regulatory = true;
    i.summary = QStringLiteral("Connection pool exhausted.\u0001Control char kept.");
    i.escalationLevel = 2;
    i.stamp = stamp(1705329900000, kSiteB);

    const QString e1 = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    const QString e2 = QStringLiteral("a2000000-0000-4000-8000-000000000001");
    const QString e3 = QStringLiteral("a3000000-0000-4000-8000-000000000001");
    b.events.push_back(event(e1, e1, 1, utc(14, 30), EventKind::Alert,
                             QStringLiteral("Order API returning 500s")));
    b.events.push_back(
        event(e2, e2, 1, utc(14, 45), EventKind::Diagnostic, QStringLiteral("Pool at 100/100")));
    b.events.push_back(event(QStringLiteral("a2000000-0000-4000-8000-000000000002"), e2, 2,
                             utc(14, 45), EventKind::Diagnostic,
                             QStringLiteral("Pool at 100/100 — root cause")));
    TimelineEvent r3 =
        event(QStringLiteral("a2000000-0000-4000-8000-000000000003"), e2, 3, utc(14, 44, 59, 999),
              EventKind::Decision, QStringLiteral("Restart pool"));
    r3.pinned = true;
    r3.source = QStringLiteral("kubectl");
    r3.stamp.siteId = kSiteB;
    b.events.push_back(r3);
    b.events.push_back(event(e3, e3, 1, utc(15, 0), EventKind::Note, QStringLiteral("typo")));
    TimelineEvent del = event(QStringLiteral("a3000000-0000-4000-8000-000000000002"), e3, 2,
                              utc(15, 0), EventKind::Note, QStringLiteral("typo"));
    del.deleted = true;
    del.recordedAt = QDateTime(); // an import from a tool that did not record it
    b.events.push_back(del);

    ChecklistItem c1;
    c1.id = QStringLiteral("c1000000-0000-4000-8000-000000000001");
    c1.incidentId = kIncidentId;
    c1.list = ChecklistKind::InitialAssessment;
    c1.position = 0;
    c1.text = QStringLiteral("Confirm incident is real (not false positive)");
    c1.checked = true;
    c1.checkedBy = QStringLiteral("john.doe");
    c1.checkedAt = utc(14, 33);
    c1.stamp = stamp(1705329180000, kSiteA);
    ChecklistItem c2 = c1;
    c2.id = QStringLiteral("c2000000-0000-4000-8000-000000000001");
    c2.list = ChecklistKind::RecoveryConfirmation;
    c2.position = 4;
    c2.text = QStringLiteral("No new related alerts");
    c2.checked = false;
    c2.checkedBy.clear();
    c2.checkedAt = QDateTime();
    c2.deleted = true;
    c2.stamp = {};
    b.checklist = {c1, c2};

    ActionItem a1;
    a1.id = QStringLiteral("d1000000-0000-4000-8000-000000000001");
    a1.incidentId = kIncidentId;
    a1.description = QStringLiteral("Add connection pool monitoring");
    a1.owner = QStringLiteral("@devops");
    a1.due = QDate(2024, 1, 20);
    a1.status = ActionStatus::InProgress;
    a1.createdAt = utc(16, 0);
    a1.stamp = stamp(1705334400000, kSiteA);
    ActionItem a2 = a1;
    a2.id = QStringLiteral("d2000000-0000-4000-8000-000000000001");
    a2.description = QStringLiteral("Enhance load testing");
    a2.due = QDate();
    a2.status = ActionStatus::Done;
    a2.deleted = true;
    b.actions = {a1, a2};
    return b;
}

IncidentBundle minimalBundle()
{
    IncidentBundle b;
    b.incident.id = kIncidentId;
    return b;
}

QByteArray editedJson(const QByteArray &doc, const QString &pointer, const QByteArray &value)
{
    Json j = Json::parse(doc.toStdString());
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
    return QByteArray::fromStdString(j.dump(2));
}

void verifySame(const IncidentBundle &a, const IncidentBundle &b)
{
    // Field by field first, so a failure names what differs.
    QCOMPARE(a.incident.title, b.incident.title);
    QCOMPARE(a.incident.detectedAt, b.incident.detectedAt);
    QCOMPARE(a.incident.impact.affectedUsers, b.incident.impact.affectedUsers);
    QCOMPARE(a.incident.impact.affectedUsersPercent, b.incident.impact.affectedUsersPercent);
    QCOMPARE(a.incident.impact.responseTimeMs, b.incident.impact.responseTimeMs);
    QVERIFY(a.incident == b.incident);
    QCOMPARE(a.events.size(), b.events.size());
    for (std::size_t k = 0; k < a.events.size(); ++k)
        QVERIFY2(a.events[k] == b.events[k], qPrintable(QString::number(k)));
    QVERIFY(a.checklist == b.checklist);
    QVERIFY(a.actions == b.actions);
    QVERIFY(a == b);
}

} // namespace

class TestIncidentJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void roundTripIsByteIdentical_data();
    void roundTripIsByteIdentical();
    void canonicalShape();
    void matchesGolden();
    void doublesRoundTrip_data();
    void doublesRoundTrip();
    void malformed_data();
    void malformed();
    void everyTruncationIsReported();
    void errorMessageFormat();
    void stampsUpToADayAheadAreAccepted();
    void eventsInTimelineOrder();
};

void TestIncidentJson::roundTripIsByteIdentical_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("rich") << 0;
    QTest::newRow("minimal") << 1;
}

void TestIncidentJson::roundTripIsByteIdentical()
{
    QFETCH(int, which);
    const IncidentBundle b = which == 0 ? richBundle() : minimalBundle();
    const QByteArray first = bundleToJson(b);
    const IncidentBundle back = bundleFromJson(first, QStringLiteral("first.json"), kNow);
    verifySame(back, b);
    const QByteArray second = bundleToJson(back);
    QCOMPARE(second, first);
}

void TestIncidentJson::canonicalShape()
{
    const QByteArray json = bundleToJson(richBundle());
    QVERIFY(json.startsWith("{\n  \"schema\": \"incidentdesk.incident/1\",\n  \"incident\": {\n"));
    QVERIFY(json.endsWith("\n}\n"));
    QVERIFY(!json.endsWith("\n\n"));
    // UTF-8 as is, not \u escapes.
    QVERIFY(json.contains(QStringLiteral("\"Zahlungen fehlgeschlagen — 決済 🚨\"").toUtf8()));
    QVERIFY(json.contains("\"detectedAt\": \"2024-01-15T14:31:00.250Z\""));
    QVERIFY(json.contains("\"acknowledgedAt\": \"2024-01-15T14:32:05.007Z\""));
    QVERIFY(json.contains("\"mitigatedAt\": null"));
    QVERIFY(json.contains("\"responseTimeMs\": null"));
    QVERIFY(json.contains("\"affectedUsers\": 45000,"));
    QVERIFY(json.contains("\"kind\": \"diagnostic\""));
    QVERIFY(json.contains("\"status\": \"in-progress\""));
    QVERIFY(json.contains("\"list\": \"recovery-confirmation\""));
    QVERIFY(json.contains("\"due\": \"2024-01-20\""));
    QVERIFY(json.contains("\"due\": null"));
    QVERIFY(json.contains("\\u0001"));
    const auto at = [&](const char *key) { return json.indexOf(key); };
    QVERIFY(at("\"incident\"") < at("\"events\""));
    QVERIFY(at("\"events\"") < at("\"checklist\""));
    QVERIFY(at("\"checklist\"") < at("\"actions\""));
    QVERIFY(at("\"id\"") < at("\"title\""));
    QVERIFY(at("\"title\"") < at("\"severity\""));
    QVERIFY(at("\"impact\"") < at("\"summary\""));
    // Two-space indent: the schema sits one level deep, an event's field three.
    QVERIFY(json.contains("\n      \"eventId\": "));
    QCOMPARE(json.count("\"revision\""), 6);
    QCOMPARE(json.count("\"hlc\""), 1 + 6 + 2 + 2);
}

void TestIncidentJson::matchesGolden()
{
    test::compareGolden(bundleToJson(richBundle()), QStringLiteral("incident_rich.json"));
    if (QTest::currentTestFailed())
        return;
    // And the committed file imports as the bundle it describes.
    const QString path = test::testDataPath(QStringLiteral("incident_rich.json"));
    verifySame(bundleFromJson(test::readFile(path), path, kNow), richBundle());
}

void TestIncidentJson::doublesRoundTrip_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("1/3") << 1.0 / 3.0;
    QTest::newRow("2/3*100") << 200.0 / 3.0;
    QTest::newRow("integral") << 25.0;
    QTest::newRow("zero") << 0.0;
    QTest::newRow("tiny") << 1e-7;
    QTest::newRow("denormal") << 5e-324;
    QTest::newRow("17 digits") << 99.99999999999999;
    QTest::newRow("huge") << 1.7976931348623157e308;
    QTest::newRow("2^53+") << 9007199254740993.0;
}

void TestIncidentJson::doublesRoundTrip()
{
    QFETCH(double, value);
    IncidentBundle b = minimalBundle();
    b.incident.impact.responseTimeMs = value;
    b.incident.impact.revenueLossPerHour = value;
    if (value <= 100)
        b.incident.impact.errorRatePercent = value;
    const QByteArray json = bundleToJson(b);
    const IncidentBundle back = bundleFromJson(json, QStringLiteral("doubles"), kNow);
    QVERIFY(back.incident.impact.responseTimeMs.has_value());
    // Bitwise: equal doubles, not "close enough".
    QCOMPARE(std::memcmp(&*back.incident.impact.responseTimeMs, &value, sizeof value), 0);
    QVERIFY(back == b);
    QCOMPARE(bundleToJson(back), json);
}

void TestIncidentJson::malformed_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("expected"); // fragment

    const QByteArray good = bundleToJson(richBundle());
    const auto row = [](const char *name, const QByteArray &doc, const QString &where,
                        const char *expected) {
        QTest::newRow(name) << doc << where << QString::fromUtf8(expected);
    };
    const auto edit = [&](const char *name, const char *pointer, const QByteArray &value,
                          const char *where, const char *expected) {
        row(name, editedJson(good, QString::fromUtf8(pointer), value), QString::fromUtf8(where),
            expected);
    };

    {
        QByteArray doc = good;
        const auto pos = doc.indexOf("\"events\"");
        doc.insert(pos, '@');
        row("syntax error in the middle", doc, QStringLiteral("byte %1").arg(pos), "valid JSON");
    }
    row("syntax error at start", "x{}", QStringLiteral("byte 0"), "valid JSON");
    row("trailing garbage", good + "]", QStringLiteral("byte %1").arg(good.size()), "valid JSON");
    row("empty", "", QStringLiteral("byte 0"), "unexpected end");
    for (const qsizetype n :
         {qsizetype(1), good.indexOf("\"incident\": ") + 12, good.indexOf("\"events\": [") + 11,
          good.size() / 2, good.size() - 2}) {
        const QByteArray name = "truncated at " + QByteArray::number(n);
        row(name.constData(), good.left(n), QStringLiteral("byte %1").arg(n), "unexpected end");
    }
    {
        // Cut inside a multi-byte UTF-8 character of the title.
        const auto pos = good.indexOf("決") + 1;
        row("truncated inside UTF-8", good.left(pos), QStringLiteral("byte %1").arg(pos),
            "unexpected end");
    }
    row("nested too deep", QByteArray(100000, '['), QStringLiteral("byte 256"),
        "at most 256 nested");
    // Text edits, not tree edits: these documents cannot be built through a JSON library.
    const auto raw = [&](const char *name, const QByteArray &from, const QByteArray &to,
                         const char *where, const char *expected) {
        QByteArray doc = good;
        const auto pos = doc.indexOf(from);
        QVERIFY(pos >= 0);
        doc.replace(pos, from.size(), to);
        row(name, doc, QString::fromUtf8(where), expected);
    };
    const QByteArray level = "\"escalationLevel\": 2";
    raw("number 1e999", level, "\"escalationLevel\": 1e999", "$.incident.escalationLevel",
        "a number within the range of a double (found 1e999)");
    raw("number -1e999 where a string goes", "\"author\": \"john.doe\"", "\"author\": -1e999",
        "$.events[0].author", "a number within the range");
    raw("million-digit integer", "\"revision\": 1", "\"revision\": " + QByteArray(1000000, '7'),
        "$.events[0].revision", "(1000000 characters)");
    raw("huge number as an array element", "\"events\": [", "\"events\": [1e400, ", "$.events[0]",
        "a number within the range");
    raw("huge number at depth", "\"checked\": true", "\"checked\": [[0, {\"a\": [1, 2e308]}]]",
        "$.checklist[0].checked[0][1].a[1]", "a number within the range");
    row("huge number alone", "1e999", QStringLiteral("$"), "a number within the range");
    raw("duplicate key", level, level + ", " + level, "$.incident.escalationLevel",
        "each key once in an object (\"escalationLevel\" appears twice)");
    raw("duplicate key in a row", "\"pinned\": false", "\"pinned\": true, \"pinned\": false",
        "$.events[0].pinned", "appears twice");
    row("NUL then garbage", good + QByteArray("\0{\"x\": 1e999}", 14),
        QStringLiteral("byte %1").arg(good.size()), "a NUL byte");
    row("NUL inside", QByteArray("{\0}", 3), QStringLiteral("byte 1"), "a NUL byte");
    row("root is an array", "[]", QStringLiteral("$"), "incidentdesk.incident/1");
    edit("missing schema", "/schema", {}, "$.schema", "incidentdesk.incident/1");
    edit("wrong schema", "/schema", "\"incidentdesk.incident/2\"", "$.schema",
         "incidentdesk.incident/1");
    edit("schema not a string", "/schema", "1", "$.schema", "incidentdesk.incident/1");
    edit("wrong kind", "/events/3/kind", "\"meeting\"", "$.events[3].kind",
         "one of alert, detection, action");
    edit("bad date", "/events/1/occurredAt", "\"2024-02-30T10:00:00Z\"", "$.events[1].occurredAt",
         "an ISO 8601 time");
    edit("date as text", "/incident/startedAt", "\"yesterday\"", "$.incident.startedAt",
         "an ISO 8601 time");
    edit("null occurredAt", "/events/0/occurredAt", "null", "$.events[0].occurredAt",
         "an ISO 8601 time");
    edit("event for other incident", "/events/2/incidentId",
         "\"00000000-0000-4000-8000-000000000000\"", "$.events[2].incidentId",
         "the incident's id 3f2b8c1e");
    edit("checklist for other incident", "/checklist/1/incidentId", "\"x\"",
         "$.checklist[1].incidentId", "the incident's id");
    edit("action for other incident", "/actions/0/incidentId", "\"x\"", "$.actions[0].incidentId",
         "the incident's id");
    edit("number where string", "/incident/title", "42", "$.incident.title", "a string");
    edit("string where number", "/events/4/revision", "\"1\"", "$.events[4].revision",
         "a revision number >= 1");
    edit("string where bool", "/events/0/pinned", "\"false\"", "$.events[0].pinned",
         "true or false");
    edit("missing key", "/actions/0/owner", {}, "$.actions[0].owner", "the key is missing");
    edit("unknown key", "/incident/priority", "\"high\"", "$.incident.priority",
         "one of the keys id, title");
    edit("wrong severity", "/incident/severity", "\"P9\"", "$.incident.severity",
         "one of P0, P1, P2, P3");
    edit("wrong status", "/incident/status", "\"Closed\"", "$.incident.status",
         "one of Investigating, Identified");
    edit("percent over 100", "/incident/impact/affectedUsersPercent", "101",
         "$.incident.impact.affectedUsersPercent", "a percentage between 0 and 100, or null");
    edit("negative users", "/incident/impact/affectedUsers", "-3",
         "$.incident.impact.affectedUsers", "a non-negative integer");
    edit("fractional users", "/incident/impact/affectedUsers", "2.5",
         "$.incident.impact.affectedUsers", "a non-negative integer");
    edit("escalation level 4", "/incident/escalationLevel", "4", "$.incident.escalationLevel",
         "an escalation level 1..3");
    edit("empty id", "/incident/id", "\"\"", "$.incident.id", "a UUID");
    edit("channel name as id", "/incident/id", "\"#incident-2024-01-15-001\"", "$.incident.id",
         "a UUID in lowercase like 3f2b8c1e-6d4a-4b7e-9a10-5c2d8e7f6a01");
    edit("short id as id", "/incident/id", "\"3f2b8c1e\"", "$.incident.id", "a UUID");
    edit("nil uuid", "/incident/id", "\"00000000-0000-0000-0000-000000000000\"", "$.incident.id",
         "a UUID");
    edit("uppercase uuid", "/events/0/id", "\"A1000000-0000-4000-8000-000000000001\"",
         "$.events[0].id", "a UUID in lowercase");
    edit("braced uuid", "/events/1/eventId", "\"{a2000000-0000-4000-8000-000000000001}\"",
         "$.events[1].eventId", "a UUID");
    edit("checklist id not a uuid", "/checklist/0/id", "\"1\"", "$.checklist[0].id", "a UUID");
    edit("action id not a uuid", "/actions/1/id", "\"d2000000-0000-4000-8000-00000000000g\"",
         "$.actions[1].id", "a UUID");
    edit("deleted incident", "/incident/deleted", "true", "$.incident.deleted",
         "false (a deleted incident cannot be imported)");
    edit("duplicate revision", "/events/3/revision", "2", "$.events[3].revision",
         "a revision of event a2000000-0000-4000-8000-000000000001 not already given "
         "($.events[2] is revision 2 too)");
    edit("duplicate event id", "/events/5/id", "\"a1000000-0000-4000-8000-000000000001\"",
         "$.events[5].id", "an id not used");
    edit("bad hlc", "/events/0/stamp/hlc", "\"soon\"", "$.events[0].stamp.hlc", "an HLC stamp");
    edit("hlc from the issue", "/events/0/stamp/hlc", "\"999999999999999-4294967295\"",
         "$.events[0].stamp.hlc", "at most one day ahead of this machine's clock");
    edit("hlc counter beyond 32 bits", "/incident/stamp/hlc", "\"001705329000001-4294967296\"",
         "$.incident.stamp.hlc", "an HLC stamp <ms>-<counter>, e.g. 001705329000000-0000000000");
    edit("hlc wall of 16 digits", "/actions/0/stamp/hlc", "\"1001705329000001-0\"",
         "$.actions[0].stamp.hlc", "at most 15 digits");
    edit("hlc with a sign", "/checklist/0/stamp/hlc", "\"+1705329000001-0\"",
         "$.checklist[0].stamp.hlc", "an HLC stamp");
    edit("hlc with spaces", "/checklist/0/stamp/hlc", "\" 1705329000001-0\"",
         "$.checklist[0].stamp.hlc", "an HLC stamp");
    {
        const qint64 dayAhead = kNow.toMSecsSinceEpoch() + 24 * 60 * 60 * 1000;
        edit("hlc a day and a millisecond ahead", "/events/1/stamp/hlc",
             QByteArray("\"") + QByteArray::number(dayAhead + 1) + "-0\"", "$.events[1].stamp.hlc",
             "(2024-01-16T12:00:00.000Z)");
    }
    edit("stamp missing", "/checklist/0/stamp", {}, "$.checklist[0].stamp", "the key is missing");
    edit("bad checklist list", "/checklist/0/list", "\"recovery\"", "$.checklist[0].list",
         "one of initial-assessment");
    edit("bad due date", "/actions/0/due", "\"2024-1-20\"", "$.actions[0].due", "a date");
    edit("bad action status", "/actions/1/status", "\"closed\"", "$.actions[1].status",
         "one of open, in-progress, done");
    edit("events not an array", "/events", "{}", "$.events", "an array");
}

void TestIncidentJson::malformed()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, where);
    QFETCH(QString, expected);
    const QString origin = QStringLiteral("import.json");
    try {
        bundleFromJson(document, origin, kNow);
        QFAIL("a malformed document was accepted");
    } catch (const FormatError &e) {
        QCOMPARE(e.origin(), origin);
        QCOMPARE(e.where(), where);
        QVERIFY2(e.expected().contains(expected), qPrintable(e.message()));
    }
}

void TestIncidentJson::everyTruncationIsReported()
{
    // Whatever byte a copy stops at, the user hears "unexpected end" and where, never a
    // confusing token error and never a silently shorter incident.
    const QByteArray good = bundleToJson(richBundle());
    int checked = 0;
    // Every byte of the incident block (it holds every kind of token: strings with multi-byte
    // UTF-8 and escapes, integers, doubles, null, true, false), then a sample of the rest.
    const qsizetype dense = good.indexOf("\"events\"");
    for (qsizetype n = 0; n < good.size() - 1; n += (n < dense ? 1 : 7)) {
        // good.size() - 1 would only drop the final newline, which leaves valid JSON.
        try {
            bundleFromJson(good.left(n), QStringLiteral("cut"), kNow);
            QFAIL(qPrintable(QStringLiteral("accepted a copy cut at byte %1").arg(n)));
        } catch (const FormatError &e) {
            if (e.where() != QStringLiteral("byte %1").arg(n) ||
                !e.expected().contains(QStringLiteral("unexpected end")))
                QFAIL(qPrintable(e.message()));
        }
        ++checked;
    }
    QVERIFY(checked > 1000);
    QVERIFY(dense > 1000);
}

void TestIncidentJson::errorMessageFormat()
{
    try {
        bundleFromJson("{\"schema\": \"other\"}", QStringLiteral("/tmp/x.json"), kNow);
        QFAIL("accepted another schema");
    } catch (const FormatError &e) {
        QCOMPARE(e.message(),
                 QStringLiteral("/tmp/x.json: $.schema: expected incidentdesk.incident/1"));
        QCOMPARE(QString::fromStdString(e.what()), e.message());
    }
}

void TestIncidentJson::stampsUpToADayAheadAreAccepted()
{
    // A peer whose clock runs a little ahead is normal; only the absurd is refused.
    const qint64 dayAhead = kNow.toMSecsSinceEpoch() + 24 * 60 * 60 * 1000;
    const QByteArray good = bundleToJson(richBundle());
    const QByteArray doc = editedJson(good, QStringLiteral("/incident/stamp/hlc"),
                                      "\"" + QByteArray::number(dayAhead) + "-4294967295\"");
    const IncidentBundle b = bundleFromJson(doc, QStringLiteral("ahead.json"), kNow);
    QCOMPARE(HlcStamp::parse(b.incident.stamp.hlc), (HlcStamp{dayAhead, 4294967295u}));
}

void TestIncidentJson::eventsInTimelineOrder()
{
    // Rows arrive in the order they were recorded (the store reads them by stamp); the document
    // lists them as the timeline shows them, whatever that order was.
    IncidentBundle b = richBundle();
    const QByteArray canonical = bundleToJson(b);
    std::reverse(b.events.begin(), b.events.end());
    QCOMPARE(bundleToJson(b), canonical);
    std::rotate(b.events.begin(), b.events.begin() + 2, b.events.end());
    QCOMPARE(bundleToJson(b), canonical);

    IncidentBundle late = minimalBundle();
    const QString x = QStringLiteral("e1000000-0000-4000-8000-000000000001");
    const QString y = QStringLiteral("e2000000-0000-4000-8000-000000000001");
    const QString z = QStringLiteral("e3000000-0000-4000-8000-000000000001");
    // Recorded x, y, z; happened y, z, x. z was edited to happen after x: its revisions follow x.
    late.events.push_back(::event(x, x, 1, utc(15, 0), EventKind::Note, QStringLiteral("x")));
    late.events.push_back(::event(y, y, 1, utc(14, 0), EventKind::Note, QStringLiteral("y")));
    late.events.push_back(::event(z, z, 1, utc(14, 30), EventKind::Note, QStringLiteral("z1")));
    late.events.push_back(::event(QStringLiteral("e3000000-0000-4000-8000-000000000002"), z, 2,
                                  utc(15, 30), EventKind::Note, QStringLiteral("z2")));
    const Json j = Json::parse(bundleToJson(late).toStdString());
    QStringList texts;
    for (const auto &e : j["events"])
        texts << QString::fromStdString(e["text"].get<std::string>());
    QCOMPARE(texts, (QStringList{QStringLiteral("y"), QStringLiteral("x"), QStringLiteral("z1"),
                                 QStringLiteral("z2")}));
}

QTEST_GUILESS_MAIN(TestIncidentJson)
#include "test_incident_json.moc"
