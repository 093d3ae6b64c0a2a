// The window's wording of the core's answers: in English it must say exactly what the core
// says, for every tier of both dimensions. (Durations and German: test_translations.)

#include "core/profile.h"
#include "core/triage/impact.h"
#include "services/displaytext.h"
#include "testsupport.h"

#include <QLocale>
#include <QTest>

using namespace idesk;

class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void impactReasonsSayWhatTheCoreRecords_data()
    {
        QTest::addColumn<std::optional<double>>("percent");
        QTest::addColumn<std::optional<double>>("revenue");
        QTest::addColumn<bool>("regulatory");
        const std::optional<double> none;
        // Each user tier (unknown, none, low, medium, high) against each business tier
        // (unknown, none, medium, high, critical, regulatory).
        const std::optional<double> shares[] = {none, 0.0, 4.5, 10.0, 75.0};
        const std::optional<double> losses[] = {none, 0.0, 250.0, 1000.0, 25000.0};
        for (const auto &share : shares) {
            for (const auto &loss : losses) {
                for (bool regulatory : {false, true}) {
                    const QString name =
                        QStringLiteral("users %1, loss %2%3")
                            .arg(share ? QString::number(*share) : QStringLiteral("-"),
                                 loss ? QString::number(*loss) : QStringLiteral("-"),
                                 regulatory ? QStringLiteral(", regulatory") : QString());
                    QTest::newRow(qPrintable(name)) << share << loss << regulatory;
                }
            }
        }
    }

    void impactReasonsSayWhatTheCoreRecords()
    {
        QFETCH(std::optional<double>, percent);
        QFETCH(std::optional<double>, revenue);
        QFETCH(bool, regulatory);
        Impact impact;
        impact.affectedUsersPercent = percent;
        impact.revenueLossPerHour = revenue;
        impact.regulatory = regulatory;
        const ImpactThresholds t = defaultProfile().thresholds;
        const triage::ImpactAssessment a = triage::assessImpact(impact, t);
        QCOMPARE(DisplayText::impactReasons(impact, t), a.why);
    }

    // Numbers in the window's locale (US English here).
    void impactNamesAndNumbers()
    {
        using triage::BusinessImpact;
        using triage::UserImpact;
        QCOMPARE(DisplayText::userImpact(UserImpact::Medium), QStringLiteral("Medium"));
        QCOMPARE(DisplayText::userImpact(UserImpact::Unknown), QStringLiteral("unknown"));
        QCOMPARE(DisplayText::businessImpact(BusinessImpact::Critical), QStringLiteral("Critical"));
        QCOMPARE(DisplayText::businessImpact(BusinessImpact::Unknown), QStringLiteral("unknown"));
        QCOMPARE(DisplayText::number(2.5), QStringLiteral("2.5"));
        QCOMPARE(DisplayText::number(3.0), QStringLiteral("3"));
        QCOMPARE(DisplayText::number(qInf()), QStringLiteral("?"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "test_displaytext.moc"
