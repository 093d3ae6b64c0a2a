#include "core/hlc.h"
#include "core/types.h"

#include <QTest>
#include <QTimeZone>
#include <ctime>

using namespace idesk;

class TestTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void severityRoundTrip();
    void severityParsing_data();
    void severityParsing();
    void statusRoundTrip();
    void statusParsing_data();
    void statusParsing();
    void eventKindRoundTrip();
    void eventKindParsing_data();
    void eventKindParsing();
    void actionStatusAndChecklistKind();

    void channelName_data();
    void channelName();

    void toIsoUtc_data();
    void toIsoUtc();
    void fromIso_data();
    void fromIso();
    void isoRoundTripKeepsMilliseconds();

    void hlcTickMonotonicWhenWallGoesBackwards();
    void hlcReceiveFromPeerAhead();
    void hlcReceiveFromPeerBehind();
    void hlcStringOrderMatchesStampOrder_data();
    void hlcStringOrderMatchesStampOrder();
    void hlcParseRoundTrip();
    void hlcCounterNeverWraps();
    void hlcParseRejectsGarbage_data();
    void hlcParseRejectsGarbage();
};

void TestTypes::initTestCase()
{
    // A local zone far from UTC, so "no zone means UTC" cannot pass by accident on a UTC machine.
    qputenv("TZ", "IDT-05:45");
    tzset();
    const QDateTime probe(QDate(2024, 1, 15), QTime(12, 0), Qt::LocalTime);
    QCOMPARE(probe.offsetFromUtc(), 5 * 3600 + 45 * 60);
}

void TestTypes::severityRoundTrip()
{
    for (int i = 0; i < SeverityCount; ++i) {
        const auto s = static_cast<Severity>(i);
        QCOMPARE(severityToString(s), QStringLiteral("P%1").arg(i));
        QCOMPARE(severityFromString(severityToString(s)), std::optional<Severity>(s));
    }
}

void TestTypes::severityParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // -1: rejected
    QTest::newRow("P0") << QStringLiteral("P0") << 0;
    QTest::newRow("lower p1") << QStringLiteral("p1") << 1;
    QTest::newRow("padded") << QStringLiteral("  P2 ") << 2;
    QTest::newRow("lower p3") << QStringLiteral("p3") << 3;
    QTest::newRow("P4") << QStringLiteral("P4") << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("label") << QStringLiteral("Critical") << -1;
    QTest::newRow("P-1") << QStringLiteral("P-1") << -1;
    QTest::newRow("P00") << QStringLiteral("P00") << -1;
}

void TestTypes::severityParsing()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto s = severityFromString(text);
    if (expected < 0) {
        QVERIFY(!s.has_value());
    } else {
        QVERIFY(s.has_value());
        QCOMPARE(static_cast<int>(*s), expected);
    }
}

void TestTypes::statusRoundTrip()
{
    QStringList names;
    for (int i = 0; i < IncidentStatusCount; ++i) {
        const auto s = static_cast<IncidentStatus>(i);
        names << statusToString(s);
        QCOMPARE(statusFromString(statusToString(s)), std::optional<IncidentStatus>(s));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("Investigating"), QStringLiteral("Identified"),
                                 QStringLiteral("Mitigating"), QStringLiteral("Monitoring"),
                                 QStringLiteral("Resolved")}));
}

void TestTypes::statusParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");
    QTest::newRow("lower") << QStringLiteral("investigating") << 0;
    QTest::newRow("upper") << QStringLiteral("RESOLVED") << 4;
    QTest::newRow("mixed") << QStringLiteral("mItIgAtInG") << 2;
    QTest::newRow("unknown") << QStringLiteral("Closed") << -1;
    QTest::newRow("prefix") << QStringLiteral("Monitor") << -1;
}

void TestTypes::statusParsing()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto s = statusFromString(text);
    QCOMPARE(s.has_value(), expected >= 0);
    if (s)
        QCOMPARE(static_cast<int>(*s), expected);
}

void TestTypes::eventKindRoundTrip()
{
    const QStringList expected{QStringLiteral("alert"),    QStringLiteral("detection"),
                               QStringLiteral("action"),   QStringLiteral("diagnostic"),
                               QStringLiteral("decision"), QStringLiteral("communication"),
                               QStringLiteral("status"),   QStringLiteral("escalation"),
                               QStringLiteral("note"),     QStringLiteral("evidence")};
    QCOMPARE(expected.size(), EventKindCount);
    for (int i = 0; i < EventKindCount; ++i) {
        const auto k = static_cast<EventKind>(i);
        QCOMPARE(eventKindToString(k), expected[i]);
        QCOMPARE(eventKindFromString(expected[i]), std::optional<EventKind>(k));
    }
}

void TestTypes::eventKindParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");
    QTest::newRow("upper") << QStringLiteral("ALERT") << 0;
    QTest::newRow("capitalised") << QStringLiteral("Communication") << 5;
    QTest::newRow("unknown") << QStringLiteral("meeting") << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestTypes::eventKindParsing()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto k = eventKindFromString(text);
    QCOMPARE(k.has_value(), expected >= 0);
    if (k)
        QCOMPARE(static_cast<int>(*k), expected);
}

void TestTypes::actionStatusAndChecklistKind()
{
    for (auto s : {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done})
        QCOMPARE(actionStatusFromString(actionStatusToString(s)), std::optional<ActionStatus>(s));
    QCOMPARE(actionStatusToString(ActionStatus::InProgress), QStringLiteral("in-progress"));
    QCOMPARE(actionStatusFromString(u"In-Progress"),
             std::optional<ActionStatus>(ActionStatus::InProgress));
    QVERIFY(!actionStatusFromString(u"in progress").has_value());

    for (auto k : {ChecklistKind::InitialAssessment, ChecklistKind::RecoveryConfirmation,
                   ChecklistKind::PostIncident})
        QCOMPARE(checklistKindFromString(checklistKindToString(k)),
                 std::optional<ChecklistKind>(k));
    QCOMPARE(checklistKindToString(ChecklistKind::RecoveryConfirmation),
             QStringLiteral("recovery-confirmation"));
    QCOMPARE(checklistKindFromString(u"POST-INCIDENT"),
             std::optional<ChecklistKind>(ChecklistKind::PostIncident));
    QVERIFY(!checklistKindFromString(u"recovery").has_value());
}

void TestTypes::channelName_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("sequence");
    QTest::addColumn<QString>("expected");
    const QDate d(2024, 1, 15);
    QTest::newRow("1") << d << 1 << QStringLiteral("#incident-2024-01-15-001");
    QTest::newRow("12") << d << 12 << QStringLiteral("#incident-2024-01-15-012");
    QTest::newRow("123") << d << 123 << QStringLiteral("#incident-2024-01-15-123");
    QTest::newRow("new year") << QDate(2025, 12, 31) << 7
                              << QStringLiteral("#incident-2025-12-31-007");
}

void TestTypes::channelName()
{
    QFETCH(QDate, day);
    QFETCH(int, sequence);
    QFETCH(QString, expected);
    QCOMPARE(idesk::channelName(day, sequence), expected);
    QVERIFY(expected.startsWith(channelPrefix(day)));
    QCOMPARE(channelPrefix(day).size(), expected.size() - 3);
}

void TestTypes::toIsoUtc_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("utc") << QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)
                         << QStringLiteral("2024-01-15T14:30:00.000Z");
    QTest::newRow("ms") << QDateTime(QDate(2024, 1, 15), QTime(14, 30, 5, 7), Qt::UTC)
                        << QStringLiteral("2024-01-15T14:30:05.007Z");
    QTest::newRow("+02:00") << QDateTime(QDate(2024, 1, 15), QTime(16, 30), Qt::OffsetFromUTC,
                                         2 * 3600)
                            << QStringLiteral("2024-01-15T14:30:00.000Z");
    QTest::newRow("-05:00 across midnight")
        << QDateTime(QDate(2023, 12, 31), QTime(22, 0), Qt::OffsetFromUTC, -5 * 3600)
        << QStringLiteral("2024-01-01T03:00:00.000Z");
    QTest::newRow("local zone") << QDateTime(QDate(2024, 1, 15), QTime(20, 15), Qt::LocalTime)
                                << QStringLiteral("2024-01-15T14:30:00.000Z");
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestTypes::toIsoUtc()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);
    QCOMPARE(idesk::toIsoUtc(time), expected);
}

void TestTypes::fromIso_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: rejected
    const QDateTime t(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC);
    QTest::newRow("Z") << QStringLiteral("2024-01-15T14:30:00Z") << t;
    QTest::newRow("Z ms") << QStringLiteral("2024-01-15T14:30:00.250Z") << t.addMSecs(250);
    QTest::newRow("+02:00") << QStringLiteral("2024-01-15T16:30:00+02:00") << t;
    QTest::newRow("-08:00") << QStringLiteral("2024-01-15T06:30:00.000-08:00") << t;
    QTest::newRow("no zone is UTC") << QStringLiteral("2024-01-15T14:30:00") << t;
    QTest::newRow("no zone ms") << QStringLiteral("2024-01-15T14:30:00.001") << t.addMSecs(1);
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("garbage") << QStringLiteral("yesterday afternoon") << QDateTime();
    QTest::newRow("month 13") << QStringLiteral("2024-13-15T14:30:00Z") << QDateTime();
    QTest::newRow("hour 25") << QStringLiteral("2024-01-15T25:30:00Z") << QDateTime();
    // The store's own shape takes a hand-written path; it must agree with Qt's parser.
    QTest::newRow("canonical leap day")
        << QStringLiteral("2024-02-29T23:59:59.999Z")
        << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("canonical Feb 30") << QStringLiteral("2023-02-30T00:00:00.000Z") << QDateTime();
    QTest::newRow("canonical minute 60")
        << QStringLiteral("2024-01-15T14:60:00.000Z") << QDateTime();
    QTest::newRow("canonical letter") << QStringLiteral("2024-01-15T14:30:00.2x0Z") << QDateTime();
    QTest::newRow("canonical sign") << QStringLiteral("2024-01-15T14:30:00.-10Z") << QDateTime();
}

void TestTypes::fromIso()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime got = idesk::fromIso(text);
    QCOMPARE(got.isValid(), expected.isValid());
    if (!expected.isValid())
        return;
    QCOMPARE(got, expected);
    QCOMPARE(got.timeSpec(), Qt::UTC);
    QCOMPARE(got.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestTypes::isoRoundTripKeepsMilliseconds()
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(1705329000123, Qt::UTC);
    QCOMPARE(idesk::fromIso(idesk::toIsoUtc(t)).toMSecsSinceEpoch(), qint64(1705329000123));
    QCOMPARE(idesk::toIsoUtc(idesk::fromIso(idesk::toIsoUtc(t))), idesk::toIsoUtc(t));
}

void TestTypes::hlcTickMonotonicWhenWallGoesBackwards()
{
    Hlc h;
    const qint64 walls[] = {1000, 1000, 999, 500, 0, 1001, 1001, 10, 2000};
    HlcStamp prev = h.tick(900);
    for (qint64 wall : walls) {
        const HlcStamp s = h.tick(wall);
        QVERIFY2(prev < s, qPrintable(prev.toString() + QStringLiteral(" !< ") + s.toString()));
        QVERIFY(prev.toString() < s.toString());
        QVERIFY(s.wallMs >= wall); // never behind the physical clock it was given
        prev = s;
    }
    QCOMPARE(h.last(), prev);
    // The clock went back by 1000 ms, yet stamps kept the highest wall time seen.
    QCOMPARE(prev, (HlcStamp{2000, 0}));
}

void TestTypes::hlcReceiveFromPeerAhead()
{
    Hlc h;
    const HlcStamp local = h.tick(1000);
    const HlcStamp remote{5000, 7};
    const HlcStamp merged = h.receive(remote, 1001);
    QVERIFY(local < merged);
    QVERIFY(remote < merged);
    QCOMPARE(merged.wallMs, qint64(5000));
    QCOMPARE(merged.counter, quint32(8));
    // Later local events, still before the peer's wall time, sort after what was received.
    const HlcStamp next = h.tick(1002);
    QVERIFY(merged < next);
    QVERIFY(remote.toString() < next.toString());
    // Once the local clock passes the peer's, the counter starts over.
    QCOMPARE(h.tick(6000), (HlcStamp{6000, 0}));
}

void TestTypes::hlcReceiveFromPeerBehind()
{
    Hlc h;
    h.tick(5000);
    const HlcStamp before = h.tick(5000);
    const HlcStamp merged = h.receive(HlcStamp{10, 3}, 4000);
    QVERIFY(before < merged);
    QCOMPARE(merged.wallMs, qint64(5000));
    // Physical time ahead of both wins outright.
    QCOMPARE(h.receive(HlcStamp{6000, 4}, 7000), (HlcStamp{7000, 0}));
    // Equal walls: the larger counter plus one.
    QCOMPARE(h.receive(HlcStamp{7000, 9}, 7000), (HlcStamp{7000, 10}));
}

void TestTypes::hlcStringOrderMatchesStampOrder_data()
{
    QTest::addColumn<qint64>("wallA");
    QTest::addColumn<quint32>("counterA");
    QTest::addColumn<qint64>("wallB");
    QTest::addColumn<quint32>("counterB");
    QTest::newRow("counter") << qint64(1000) << 0u << qint64(1000) << 1u;
    QTest::newRow("wall beats counter") << qint64(999) << 5u << qint64(1000) << 0u;
    QTest::newRow("digit count") << qint64(9) << 0u << qint64(10) << 0u;
    QTest::newRow("real time") << qint64(1705329000000) << 999999u << qint64(1705329000001) << 0u;
    QTest::newRow("equal") << qint64(1705329000000) << 3u << qint64(1705329000000) << 3u;
    QTest::newRow("counter 9 vs 10") << qint64(5) << 9u << qint64(5) << 10u;
    QTest::newRow("zero") << qint64(0) << 0u << qint64(0) << 1u;
    QTest::newRow("15-digit wall") << qint64(99999999999999) << 0u << qint64(999999999999999) << 0u;
    // A peer whose clock runs far ahead makes every local stamp share its wall time and only
    // count up; the counter can then pass six digits.
    QTest::newRow("counter past six digits")
        << qint64(1705329000000) << 999999u << qint64(1705329000000) << 1000000u;
}

void TestTypes::hlcStringOrderMatchesStampOrder()
{
    QFETCH(qint64, wallA);
    QFETCH(quint32, counterA);
    QFETCH(qint64, wallB);
    QFETCH(quint32, counterB);
    const HlcStamp a{wallA, counterA};
    const HlcStamp b{wallB, counterB};
    const auto sign = [](auto v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); };
    const int byStamp = a < b ? -1 : (b < a ? 1 : 0);
    QCOMPARE(sign(a.toString().compare(b.toString())), byStamp);
    QCOMPARE(sign(b.toString().compare(a.toString())), -byStamp);
}

void TestTypes::hlcParseRoundTrip()
{
    for (const HlcStamp &s :
         {HlcStamp{0, 0}, HlcStamp{1705329000123, 42}, HlcStamp{999999999999999, 999999},
          HlcStamp{1705329000123, 4294967295u}}) {
        const auto parsed = HlcStamp::parse(s.toString());
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, s);
    }
}

void TestTypes::hlcCounterNeverWraps()
{
    // A peer's stamp at the counter's maximum, received while this clock is behind it: the
    // next local stamps must still sort after it, as values and as text.
    const HlcStamp top{5000, 4294967295u};
    Hlc h;
    HlcStamp prev = h.receive(top, 1000);
    QVERIFY(top < prev);
    QCOMPARE(prev, (HlcStamp{5001, 0}));
    h.restore(top);
    prev = top;
    for (int i = 0; i < 3; ++i) {
        const HlcStamp s = h.tick(1000);
        QVERIFY2(prev < s, qPrintable(prev.toString() + QStringLiteral(" !< ") + s.toString()));
        QVERIFY(prev.toString() < s.toString());
        prev = s;
    }
    // Equal walls with both counters at the maximum.
    h.restore(top);
    QCOMPARE(h.receive(top, 0), (HlcStamp{5001, 0}));
    // A local counter at the maximum and a peer behind it.
    h.restore(top);
    QCOMPARE(h.receive(HlcStamp{10, 1}, 0), (HlcStamp{5001, 0}));
}

void TestTypes::hlcParseRejectsGarbage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << QStringLiteral("abc");
    QTest::newRow("dash only") << QStringLiteral("-");
    QTest::newRow("no counter") << QStringLiteral("000001705329000000-");
    QTest::newRow("no dash") << QStringLiteral("000001705329000000");
    QTest::newRow("negative wall") << QStringLiteral("-5-000001");
    QTest::newRow("letters in wall") << QStringLiteral("00000170532a000000-000001");
    QTest::newRow("letters in counter") << QStringLiteral("000001705329000000-00x001");
    QTest::newRow("two dashes") << QStringLiteral("1-2-3");
    QTest::newRow("negative counter") << QStringLiteral("1705329000000--1");
    QTest::newRow("uuid") << QStringLiteral("6f1c2b7e-4a0d-4e7b-9d55-0c1f2e3a4b5c");
    QTest::newRow("counter beyond 32 bits") << QStringLiteral("001705329000000-4294967296");
    QTest::newRow("16-digit wall") << QStringLiteral("1705329000000000-0");
    QTest::newRow("plus sign") << QStringLiteral("+1705329000000-0");
    QTest::newRow("leading space") << QStringLiteral(" 1705329000000-0");
    QTest::newRow("trailing space") << QStringLiteral("1705329000000-0 ");
    QTest::newRow("11-digit counter") << QStringLiteral("1705329000000-00000000001");
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("\u0661-\u0660");
}

void TestTypes::hlcParseRejectsGarbage()
{
    QFETCH(QString, text);
    QVERIFY2(!HlcStamp::parse(text).has_value(), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestTypes)
#include "test_types.moc"
