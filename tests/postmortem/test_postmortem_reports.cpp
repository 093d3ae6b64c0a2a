#include "core/postmortem/reports.h"
#include "pmfixtures.h"

#include <QTest>
#include <QTimeZone>

using namespace idesk;
using namespace idesk::pmtest;
using namespace Qt::StringLiterals;

namespace {

Incident inc(Severity s, const QDateTime &start, int ackAfterMin, int resolveAfterMin)
{
    Incident i;
    i.id = newUuid();
    i.severity = s;
    i.startedAt = start;
    if (ackAfterMin >= 0)
        i.acknowledgedAt = start.addSecs(ackAfterMin * 60);
    if (resolveAfterMin >= 0)
        i.resolvedAt = start.addSecs(resolveAfterMin * 60);
    return i;
}

} // namespace

class TestPostmortemReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void monthsWithoutGaps();
    void nothingToCount();
    void mttaMttrPerSeverity();
    void actionItemsByOwner();
};

void TestPostmortemReports::monthsWithoutGaps()
{
    std::vector<Incident> all{
        inc(Severity::P1, utc(2024, 1, 31, 23, 59), 1, 10),
        inc(Severity::P1, utc(2024, 1, 2, 0, 0), 1, 10),
        inc(Severity::P0, utc(2024, 4, 1, 0, 0), 1, 10),
        inc(Severity::P3, utc(2024, 4, 30, 12, 0), 1, 10),
    };
    Incident gone = inc(Severity::P2, utc(2024, 2, 10, 0, 0), 1, 1);
    gone.deleted = true;
    all.push_back(gone);
    // a start late on the 31st in UTC+2 is still January in UTC
    all.push_back(
        inc(Severity::P2, QDateTime(QDate(2024, 2, 1), QTime(1, 0), QTimeZone(7200)), 1, 1));

    const MonthlySeverityCounts c = incidentsBySeverityAndMonth(all);
    QCOMPARE(c.months.size(), std::size_t(4));
    QCOMPARE(c.months.front(), QDate(2024, 1, 1));
    QCOMPARE(c.months.back(), QDate(2024, 4, 1));
    QCOMPARE(c.counts[0][1], 2);                                         // January P1
    QCOMPARE(c.counts[0][2], 1);                                         // January P2 (UTC+2 start)
    QCOMPARE(c.counts[1], (std::array<int, SeverityCount>{0, 0, 0, 0})); // deleted one not counted
    QCOMPARE(c.counts[2], (std::array<int, SeverityCount>{0, 0, 0, 0}));
    QCOMPARE(c.counts[3], (std::array<int, SeverityCount>{1, 0, 0, 1}));
    QCOMPARE(c.total(), 5);
}

void TestPostmortemReports::nothingToCount()
{
    QCOMPARE(incidentsBySeverityAndMonth({}).months.size(), std::size_t(0));
    const auto rt = responseTimesBySeverity({});
    for (const ResponseTimes &r : rt) {
        QVERIFY(!r.mttaMinutes);
        QVERIFY(!r.mttrMinutes);
    }
}

void TestPostmortemReports::mttaMttrPerSeverity()
{
    Incident detectedLater = inc(Severity::P0, utc(2024, 1, 1, 10, 0), 30, 120);
    detectedLater.detectedAt = utc(2024, 1, 1, 10, 20); // acknowledged 10 min after detection
    Incident clockSkew = inc(Severity::P0, utc(2024, 1, 1, 10, 0), -1, -1);
    clockSkew.acknowledgedAt = utc(2024, 1, 1, 9, 0); // before the start: left out
    const std::vector<Incident> all{
        inc(Severity::P0, utc(2024, 1, 1, 10, 0), 4, 60),   detectedLater, clockSkew,
        inc(Severity::P1, utc(2024, 1, 1, 10, 0), 15, -1), // open
        inc(Severity::P2, utc(2024, 1, 1, 10, 0), -1, 240),
    };
    const auto rt = responseTimesBySeverity(all);
    QCOMPARE(rt[0].ackSamples, 2);
    QCOMPARE(*rt[0].mttaMinutes, 7.0); // (4 + 10) / 2
    QCOMPARE(rt[0].resolveSamples, 2);
    QCOMPARE(*rt[0].mttrMinutes, 90.0); // (60 + 120) / 2
    QCOMPARE(*rt[1].mttaMinutes, 15.0);
    QVERIFY(!rt[1].mttrMinutes);
    QVERIFY(!rt[2].mttaMinutes);
    QCOMPARE(*rt[2].mttrMinutes, 240.0);
    QCOMPARE(rt[3].ackSamples, 0);
}

void TestPostmortemReports::actionItemsByOwner()
{
    const QDate today(2024, 2, 1);
    std::vector<ActionItem> items{
        makeAction(1, u"a"_s, u"devops"_s, QDate(2024, 1, 20)),                    // overdue
        makeAction(2, u"b"_s, u"@DevOps"_s, QDate(2024, 2, 1)),                    // due today
        makeAction(3, u"c"_s, u"devops"_s, QDate(2024, 1, 1), ActionStatus::Done), // done
        makeAction(4, u"d"_s, u"qa-team"_s, QDate(2024, 3, 1), ActionStatus::InProgress),
        makeAction(5, u"e"_s, QString(), QDate()),
        makeAction(6, u"f"_s, u"zed"_s, QDate(2024, 1, 2)),
    };
    items.back().deleted = true;

    const std::vector<OwnerLoad> load = openActionItemsByOwner(items, today);
    QCOMPARE(load.size(), std::size_t(3));
    QCOMPARE(load[0].owner, u"devops"_s); // "@DevOps" is the same person
    QCOMPARE(load[0].open, 2);
    QCOMPARE(load[0].overdue, 1);
    QCOMPARE(load[1].owner, u"qa-team"_s);
    QCOMPARE(load[1].overdue, 0);
    QCOMPARE(load[2].owner, u"unassigned"_s);

    QVERIFY(isOverdue(items[0], today));
    QVERIFY(!isOverdue(items[1], today));
    QVERIFY(!isOverdue(items[2], today));
    QVERIFY(!isOverdue(items[4], today)); // no due date
}

QTEST_GUILESS_MAIN(TestPostmortemReports)
#include "test_postmortem_reports.moc"
