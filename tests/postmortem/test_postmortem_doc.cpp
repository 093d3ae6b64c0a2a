#include "core/incidentjson.h"
#include "core/postmortem/postmortemdoc.h"
#include "pmfixtures.h"

#include <QTest>

using namespace idesk;
using namespace idesk::pmtest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::PostmortemDoc)

namespace {

PostmortemDoc fullDoc()
{
    PostmortemDoc d;
    d.summary.date = QDate(2024, 1, 15);
    d.summary.durationMinutes = 75;
    d.summary.severity = Severity::P0;
    d.summary.impactDescription = u"Käufer konnten nicht bezahlen 💳"_s;
    d.summary.usersAffected = 45000;
    d.summary.revenueImpact = 12000.5;
    d.keyEventIds = QStringList{u"e1"_s, u"e2"_s};
    d.rootCause = u"Line one\nline \"two\" with \\ and \t tab"_s;
    d.contributingFactors = {u"a"_s, u"b"_s};
    d.wentWell = {u"ok"_s};
    d.couldBeImproved = {u"faster"_s};
    d.lessonsLearned = {u"x"_s, QString()};
    d.trigger = u"deploy"_s;
    d.detection = u"alert"_s;
    d.resolution = u"rollback"_s;
    d.whereWeGotLucky = {u"quiet night"_s};
    d.supportingInformation = u"graphs"_s;
    d.includeEvidence = false;
    d.reviewAt = utc(2024, 1, 16, 10, 0);
    d.reviewMinutes = 45;
    d.reviewLocation = u"Room 4; video link"_s;
    return d;
}

} // namespace

class TestPostmortemDoc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void canonicalBytes();
    void unsetAndEmptySelectionDiffer();
    void olderDocumentsLoad();
    void rejects_data();
    void rejects();
    void derivedSummaryFromIncident();
    void parseDuration_data();
    void parseDuration();
    void reviewDefaultWithin48h();
    void keyEventsAreTheChosenInTimeOrder();
    void evidenceIsTheLiveDiagnosticsInTimeOrder();
};

void TestPostmortemDoc::roundTrip_data()
{
    QTest::addColumn<PostmortemDoc>("doc");
    QTest::newRow("default") << PostmortemDoc{};
    QTest::newRow("full") << fullDoc();
    PostmortemDoc partial;
    partial.summary.usersAffected = 0; // zero is a value, not "unset"
    partial.keyEventIds = QStringList{};
    QTest::newRow("zero and empty") << partial;
}

void TestPostmortemDoc::roundTrip()
{
    QFETCH(PostmortemDoc, doc);
    const QByteArray json = postmortemToJson(doc);
    const PostmortemDoc back = postmortemFromJson(json, u"test"_s);
    QCOMPARE(back.summary.usersAffected, doc.summary.usersAffected);
    QCOMPARE(back.keyEventIds, doc.keyEventIds);
    QCOMPARE(back.reviewAt, doc.reviewAt);
    QVERIFY(back == doc);
}

void TestPostmortemDoc::canonicalBytes()
{
    const QByteArray a = postmortemToJson(fullDoc());
    QCOMPARE(postmortemToJson(postmortemFromJson(a, u"a"_s)), a);
    QVERIFY(a.contains("\"schema\": \"incidentdesk.postmortem/1\""));
    QVERIFY(a.endsWith('\n'));
    QVERIFY(a.contains("\"at\": \"2024-01-16T10:00:00.000Z\""));
    QVERIFY(a.contains(u"💳"_s.toUtf8()));
}

void TestPostmortemDoc::unsetAndEmptySelectionDiffer()
{
    PostmortemDoc unset;
    PostmortemDoc none;
    none.keyEventIds = QStringList{};
    QVERIFY(!postmortemToJson(unset).contains("keyEventIds"));
    QVERIFY(postmortemToJson(none).contains("\"keyEventIds\": []"));
    QVERIFY(!postmortemFromJson(postmortemToJson(unset), u"u"_s).keyEventIds.has_value());
    QVERIFY(postmortemFromJson(postmortemToJson(none), u"n"_s).keyEventIds->isEmpty());
}

void TestPostmortemDoc::olderDocumentsLoad()
{
    const PostmortemDoc d = postmortemFromJson(R"({"rootCause": "x", "futureField": 1})", u"old"_s);
    QCOMPARE(d.rootCause, u"x"_s);
    QVERIFY(d.includeEvidence);
    QCOMPARE(d.reviewMinutes, 60);
    QVERIFY(d.summary.isEmpty());
}

void TestPostmortemDoc::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::newRow("syntax") << QByteArray(R"({"rootCause": )")
                            << u"byte 14"_s; // 0-based, as the incident import counts
    QTest::newRow("huge number") << QByteArray(R"({"review": {"minutes": 1e999}})")
                                 << u"$.review.minutes"_s;
    QTest::newRow("duplicate key")
        << QByteArray(R"({"rootCause": "a", "rootCause": "b"})") << u"$.rootCause"_s;
    QTest::newRow("NUL and garbage") << QByteArray("{}\0]]", 5) << u"byte 2"_s;
    QTest::newRow("not an object") << QByteArray("[1]") << u"$"_s;
    QTest::newRow("schema") << QByteArray(R"({"schema": "incidentdesk.postmortem/9"})")
                            << u"$.schema"_s;
    QTest::newRow("list of numbers")
        << QByteArray(R"({"wentWell": ["a", 2]})") << u"$.wentWell[1]"_s;
    QTest::newRow("severity") << QByteArray(R"({"summary": {"severity": "P7"}})")
                              << u"$.summary.severity"_s;
    QTest::newRow("date") << QByteArray(R"({"summary": {"date": "15/01/2024"}})")
                          << u"$.summary.date"_s;
    QTest::newRow("review time") << QByteArray(R"({"review": {"at": "tomorrow"}})")
                                 << u"$.review.at"_s;
    QTest::newRow("review minutes")
        << QByteArray(R"({"review": {"minutes": 0}})") << u"$.review.minutes"_s;
    QTest::newRow("users type") << QByteArray(R"({"summary": {"usersAffected": "many"}})")
                                << u"$.summary.usersAffected"_s;
    QTest::newRow("text a number") << QByteArray(R"({"rootCause": 42})") << u"$.rootCause"_s;
    QTest::newRow("revenue a string")
        << QByteArray(R"({"summary": {"revenueImpact": "lots"}})") << u"$.summary.revenueImpact"_s;
    QTest::newRow("evidence flag a string")
        << QByteArray(R"({"includeEvidence": "yes"})") << u"$.includeEvidence"_s;
    QTest::newRow("negative duration")
        << QByteArray(R"({"summary": {"durationMinutes": -5}})") << u"$.summary.durationMinutes"_s;
}

void TestPostmortemDoc::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    try {
        postmortemFromJson(json, u"pm.json"_s);
        QFAIL("accepted a malformed document");
    } catch (const FormatError &e) {
        QCOMPARE(e.where(), where);
        QCOMPARE(e.origin(), u"pm.json"_s);
    }
}

void TestPostmortemDoc::derivedSummaryFromIncident()
{
    Incident in = baseIncident();
    EffectiveSummary s = derivedSummary(in);
    QCOMPARE(s.date, QDate(2024, 1, 15));
    QVERIFY(!s.endDate.isValid());
    QCOMPARE(s.durationMinutes, std::optional<qint64>(75));
    QCOMPARE(s.revenueImpact, std::optional<double>(12000)); // 9,600/h for 1 h 15 min
    QCOMPARE(s.usersAffected, std::optional<qint64>(45000));

    in.resolvedAt = {};
    s = derivedSummary(in);
    QVERIFY(!s.durationMinutes);
    QVERIFY(!s.revenueImpact); // no total without an end
    QVERIFY(!s.revenueSoFar);
    // Still open: the loss so far, marked as such (9,600/h for 30 min).
    s = derivedSummary(in, in.startedAt.addSecs(30 * 60));
    QCOMPARE(s.revenueImpact, std::optional<double>(4800));
    QVERIFY(s.revenueSoFar);
    QVERIFY(!s.durationMinutes);

    SummaryOverrides o;
    o.revenueImpact = 500;
    o.durationMinutes = 30;
    s = effectiveSummary(in, o);
    QCOMPARE(s.revenueImpact, std::optional<double>(500));
    QCOMPARE(s.durationMinutes, std::optional<qint64>(30));
}

void TestPostmortemDoc::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minutes"); // -1: rejected
    QTest::newRow("plain") << u"75"_s << 75;
    QTest::newRow("m") << u"75m"_s << 75;
    QTest::newRow("h m") << u"1h 15m"_s << 75;
    QTest::newRow("h m tight") << u"1h15m"_s << 75;
    QTest::newRow("words") << u"1 hour 15 minutes"_s << 75;
    QTest::newRow("days") << u"2d 3h"_s << 2 * 1440 + 180;
    QTest::newRow("comma") << u"2 days, 1 minute"_s << 2881;
    QTest::newRow("upper") << u"1H 5M"_s << 65;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("negative") << u"-5"_s << -1;
    QTest::newRow("garbage") << u"about an hour"_s << -1;
    QTest::newRow("unknown unit") << u"3 weeks"_s << -1;
    QTest::newRow("trailing junk") << u"1h x"_s << -1;
}

void TestPostmortemDoc::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(int, minutes);
    const std::optional<qint64> got = idesk::parseDuration(text);
    if (minutes < 0)
        QVERIFY(!got.has_value());
    else
        QCOMPARE(got, std::optional<qint64>(minutes));
}

void TestPostmortemDoc::reviewDefaultWithin48h()
{
    Incident in = baseIncident(); // resolved 2024-01-15 15:45 UTC
    const QDateTime now = utc(2024, 1, 15, 16, 0);
    const QDateTime review = defaultReviewTime(in, now);
    QCOMPARE(review, utc(2024, 1, 16, 10, 0)); // the runbook's own example
    QVERIFY(!reviewLaterThan48h(in, review, now));
    QVERIFY(!reviewLaterThan48h(in, utc(2024, 1, 17, 15, 45), now));
    QVERIFY(reviewLaterThan48h(in, utc(2024, 1, 17, 15, 46), now));

    in.resolvedAt = utc(2024, 1, 15, 23, 59);
    QCOMPARE(defaultReviewTime(in, now), utc(2024, 1, 16, 10, 0));
    in.resolvedAt = {}; // still open: counted from now
    QCOMPARE(defaultReviewTime(in, utc(2024, 2, 1, 9, 0)), utc(2024, 2, 2, 10, 0));
}

// The chosen events, deleted ones left out, in the order they happened even when the list
// came in another order (an edited time moves an event).
void TestPostmortemDoc::keyEventsAreTheChosenInTimeOrder()
{
    const auto event = [](const char *id, int minute, bool deleted = false) {
        TimelineEvent e;
        e.eventId = QString::fromLatin1(id);
        e.occurredAt = QDateTime(QDate(2024, 1, 15), QTime(14, minute), Qt::UTC);
        e.deleted = deleted;
        return e;
    };
    const std::vector<TimelineEvent> events{event("late", 50), event("gone", 10, true),
                                            event("early", 5), event("other", 20)};
    PostmortemDoc d;
    d.keyEventIds = QStringList{u"late"_s, u"gone"_s, u"early"_s};
    QStringList ids;
    for (const TimelineEvent &e : keyEvents(d, events))
        ids << e.eventId;
    QCOMPARE(ids, QStringList({u"early"_s, u"late"_s}));
}

// Evidence is every live diagnostic run whose text reads as one, oldest first.
void TestPostmortemDoc::evidenceIsTheLiveDiagnosticsInTimeOrder()
{
    const auto event = [](const char *id, int minute, EventKind kind, const QString &text,
                          bool deleted = false) {
        TimelineEvent e;
        e.eventId = QString::fromLatin1(id);
        e.occurredAt = QDateTime(QDate(2024, 1, 15), QTime(14, minute), Qt::UTC);
        e.kind = kind;
        e.text = text;
        e.deleted = deleted;
        return e;
    };
    const QString run = u"$ kubectl get pods\nexit 0 in 12 ms\n"_s;
    const std::vector<TimelineEvent> events{
        event("second", 30, EventKind::Diagnostic, run), event("note", 10, EventKind::Note, run),
        event("deleted", 5, EventKind::Diagnostic, run, true),
        event("prose", 15, EventKind::Diagnostic, u"checked the pods by hand"_s),
        event("first", 20, EventKind::Diagnostic, run)};
    QStringList ids;
    for (const TimelineEvent &e : evidenceEvents(events))
        ids << e.eventId;
    QCOMPARE(ids, QStringList({u"first"_s, u"second"_s}));
}

QTEST_GUILESS_MAIN(TestPostmortemDoc)
#include "test_postmortem_doc.moc"
