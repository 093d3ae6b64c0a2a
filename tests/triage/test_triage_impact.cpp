#include "core/triage/impact.h"
#include "triagefixtures.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace idesk;
using namespace idesk::triage;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::triage::UserImpact)
Q_DECLARE_METATYPE(idesk::triage::BusinessImpact)

namespace {

// An invalid QVariant stands for "not set".
std::optional<double> opt(const QVariant &v)
{
    if (!v.isValid())
        return std::nullopt;
    return v.toDouble();
}

const QVariant unset;

} // namespace

class TestTriageImpact : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void userImpact_data();
    void userImpact();
    void businessImpact_data();
    void businessImpact();
    void suggestion_data();
    void suggestion();
    void whyNamesFiguresAndDecider();
    void whyForRegulatory();
    void nothingKnownSuggestsNothing();
    void thresholdsComeFromProfile();
};

void TestTriageImpact::userImpact_data()
{
    QTest::addColumn<QVariant>("percent");
    QTest::addColumn<UserImpact>("expected");
    QTest::newRow("unset") << unset << UserImpact::Unknown;
    QTest::newRow("negative") << QVariant(-1.0) << UserImpact::Unknown;
    QTest::newRow("nan") << QVariant(std::numeric_limits<double>::quiet_NaN())
                         << UserImpact::Unknown;
    QTest::newRow("0%") << QVariant(0.0) << UserImpact::Low;
    QTest::newRow("9.99%") << QVariant(9.99) << UserImpact::Low;
    QTest::newRow("exactly 10%") << QVariant(10.0) << UserImpact::Medium;
    QTest::newRow("10.01%") << QVariant(10.01) << UserImpact::Medium;
    QTest::newRow("exactly 50%") << QVariant(50.0) << UserImpact::Medium;
    QTest::newRow("50.01%") << QVariant(50.01) << UserImpact::High;
    QTest::newRow("100%") << QVariant(100.0) << UserImpact::High;
}

void TestTriageImpact::userImpact()
{
    QFETCH(QVariant, percent);
    QFETCH(UserImpact, expected);
    QCOMPARE(classifyUserImpact(opt(percent), ImpactThresholds{}), expected);
}

void TestTriageImpact::businessImpact_data()
{
    QTest::addColumn<QVariant>("revenue");
    QTest::addColumn<bool>("regulatory");
    QTest::addColumn<BusinessImpact>("expected");
    QTest::newRow("unset") << unset << false << BusinessImpact::Unknown;
    QTest::newRow("unset, regulatory") << unset << true << BusinessImpact::Critical;
    QTest::newRow("negative") << QVariant(-5.0) << false << BusinessImpact::Unknown;
    QTest::newRow("0") << QVariant(0.0) << false << BusinessImpact::Low;
    QTest::newRow("0, regulatory") << QVariant(0.0) << true << BusinessImpact::Critical;
    QTest::newRow("0.01") << QVariant(0.01) << false << BusinessImpact::Medium;
    QTest::newRow("999.99") << QVariant(999.99) << false << BusinessImpact::Medium;
    QTest::newRow("exactly 1000") << QVariant(1000.0) << false << BusinessImpact::High;
    QTest::newRow("9999.99") << QVariant(9999.99) << false << BusinessImpact::High;
    QTest::newRow("exactly 10000") << QVariant(10000.0) << false << BusinessImpact::High;
    QTest::newRow("10000.01") << QVariant(10000.01) << false << BusinessImpact::Critical;
    QTest::newRow("500, regulatory") << QVariant(500.0) << true << BusinessImpact::Critical;
}

void TestTriageImpact::businessImpact()
{
    QFETCH(QVariant, revenue);
    QFETCH(bool, regulatory);
    QFETCH(BusinessImpact, expected);
    QCOMPARE(classifyBusinessImpact(opt(revenue), regulatory, ImpactThresholds{}), expected);
}

void TestTriageImpact::suggestion_data()
{
    QTest::addColumn<QVariant>("percent");
    QTest::addColumn<QVariant>("revenue");
    QTest::addColumn<bool>("regulatory");
    QTest::addColumn<QString>("expected"); // "P0".."P3" or "none"

    QTest::newRow("nothing known") << unset << unset << false << u"none"_s;
    // User impact alone, every boundary.
    QTest::newRow("users 50.01%") << QVariant(50.01) << unset << false << u"P0"_s;
    QTest::newRow("users exactly 50%") << QVariant(50.0) << unset << false << u"P1"_s;
    QTest::newRow("users exactly 10%") << QVariant(10.0) << unset << false << u"P1"_s;
    QTest::newRow("users 9.99%") << QVariant(9.99) << unset << false << u"P2"_s;
    QTest::newRow("users 0.5%") << QVariant(0.5) << unset << false << u"P2"_s;
    QTest::newRow("users 0%") << QVariant(0.0) << unset << false << u"P3"_s;
    // Business impact alone, every boundary.
    QTest::newRow("revenue 10000.01") << unset << QVariant(10000.01) << false << u"P0"_s;
    QTest::newRow("revenue exactly 10000") << unset << QVariant(10000.0) << false << u"P1"_s;
    QTest::newRow("revenue exactly 1000") << unset << QVariant(1000.0) << false << u"P1"_s;
    QTest::newRow("revenue 999.99") << unset << QVariant(999.99) << false << u"P2"_s;
    QTest::newRow("revenue 0") << unset << QVariant(0.0) << false << u"P3"_s;
    QTest::newRow("regulatory only") << unset << unset << true << u"P0"_s;
    // Both known: the more severe wins.
    QTest::newRow("low users, critical revenue")
        << QVariant(5.0) << QVariant(20000.0) << false << u"P0"_s;
    QTest::newRow("high users, no revenue") << QVariant(60.0) << QVariant(0.0) << false << u"P0"_s;
    QTest::newRow("medium users, medium revenue")
        << QVariant(20.0) << QVariant(500.0) << false << u"P1"_s;
    QTest::newRow("low users, high revenue")
        << QVariant(5.0) << QVariant(5000.0) << false << u"P1"_s;
    QTest::newRow("no users, no revenue") << QVariant(0.0) << QVariant(0.0) << false << u"P3"_s;
    QTest::newRow("no users, regulatory") << QVariant(0.0) << QVariant(0.0) << true << u"P0"_s;
}

void TestTriageImpact::suggestion()
{
    QFETCH(QVariant, percent);
    QFETCH(QVariant, revenue);
    QFETCH(bool, regulatory);
    QFETCH(QString, expected);

    Impact impact;
    impact.affectedUsersPercent = opt(percent);
    impact.revenueLossPerHour = opt(revenue);
    impact.regulatory = regulatory;
    const ImpactAssessment a = assessImpact(impact, ImpactThresholds{});
    const QString got = a.suggested ? severityToString(*a.suggested) : u"none"_s;
    QCOMPARE(got, expected);
    // One line per dimension plus the conclusion, always.
    QCOMPARE(a.why.size(), 3);
}

void TestTriageImpact::whyNamesFiguresAndDecider()
{
    Impact impact;
    impact.affectedUsersPercent = 62.5;
    impact.revenueLossPerHour = 1500;
    const ImpactAssessment a = assessImpact(impact, ImpactThresholds{});
    QCOMPARE(a.user, UserImpact::High);
    QCOMPARE(a.business, BusinessImpact::High);
    QCOMPARE(a.why.value(0), u"User impact high: 62.5% of users affected (more than 50%)."_s);
    QCOMPARE(a.why.value(1),
             u"Business impact high: $1,500/hour revenue loss ($1,000 to $10,000/hour)."_s);
    QCOMPARE(a.why.value(2), u"Suggested P0 because user impact is High."_s);
}

void TestTriageImpact::whyForRegulatory()
{
    Impact impact;
    impact.affectedUsersPercent = 75;
    impact.regulatory = true;
    const ImpactAssessment a = assessImpact(impact, ImpactThresholds{});
    QCOMPARE(a.why.value(1), u"Business impact critical: regulatory or compliance issue."_s);
    QCOMPARE(a.why.value(2),
             u"Suggested P0 because user impact is High and business impact is Critical."_s);
}

void TestTriageImpact::nothingKnownSuggestsNothing()
{
    const ImpactAssessment a = assessImpact(Impact{}, ImpactThresholds{});
    QVERIFY(!a.suggested);
    QCOMPARE(a.user, UserImpact::Unknown);
    QCOMPARE(a.business, BusinessImpact::Unknown);
    QVERIFY(a.why.last().startsWith(u"No suggestion yet"_s));
}

void TestTriageImpact::thresholdsComeFromProfile()
{
    ImpactThresholds t;
    t.userHighPercent = 30;
    t.userMediumPercent = 5;
    t.revenueCriticalPerHour = 500;
    t.revenueHighPerHour = 100;
    t.currency = QStringLiteral("€");
    QCOMPARE(classifyUserImpact(31.0, t), UserImpact::High);
    QCOMPARE(classifyUserImpact(5.0, t), UserImpact::Medium);
    QCOMPARE(classifyBusinessImpact(501.0, false, t), BusinessImpact::Critical);
    QCOMPARE(classifyBusinessImpact(100.0, false, t), BusinessImpact::High);
    Impact impact;
    impact.revenueLossPerHour = 250;
    QCOMPARE(assessImpact(impact, t).why.value(1),
             u"Business impact high: €250/hour revenue loss (€100 to €500/hour)."_s);
}

QTEST_GUILESS_MAIN(TestTriageImpact)
#include "test_triage_impact.moc"
