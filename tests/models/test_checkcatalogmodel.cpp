#include "models/diagnostics/checkcatalogmodel.h"
#include "testsupport/testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace idesk;

namespace {

DiagnosticCheck make(const QString &id, const QString &group, bool destructive = false)
{
    DiagnosticCheck c;
    c.id = id;
    c.group = group;
    c.title = id.toUpper();
    c.kind = QStringLiteral("http");
    c.url = QStringLiteral("http://127.0.0.1/") + id;
    c.destructive = destructive;
    if (destructive)
        c.target = QStringLiteral("backend");
    return c;
}

diag::DiagnosticResult result(const QString &id, diag::RunStatus s, qint64 ms)
{
    diag::DiagnosticResult r;
    r.check = id;
    r.status = s;
    r.durationMs = ms;
    r.summary = QStringLiteral("summary of ") + id;
    return r;
}

} // namespace

class TestCheckCatalogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void groupsInProfileOrder();
    void resultsShowStatusTimeAndDuration();
    void stateSurvivesReload();
    void defaultProfileUnderTester();
    void everyOutcomeHasItsStateAndWords();
    void headersTooltipsAndSearch();
};

void TestCheckCatalogModel::groupsInProfileOrder()
{
    CheckCatalogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setChecks({make(QStringLiteral("a"), QStringLiteral("Quick health")),
                 make(QStringLiteral("b"), QStringLiteral("System")),
                 make(QStringLiteral("c"), QStringLiteral("Quick health")),
                 make(QStringLiteral("m"), QStringLiteral("Mitigations"), true)});
    QCOMPARE(m.groups(), (QStringList{QStringLiteral("Quick health"), QStringLiteral("System"),
                                      QStringLiteral("Mitigations")}));
    QCOMPARE(m.rowCount(), 3);
    const QModelIndex quick = m.index(0, 0);
    QCOMPARE(m.rowCount(quick), 2);
    QCOMPARE(quick.data().toString(), QStringLiteral("Quick health (2)"));
    QCOMPARE(m.index(1, 0, quick).data(CheckCatalogModel::CheckIdRole).toString(),
             QStringLiteral("c"));
    QCOMPARE(m.index(1, 0, quick).parent(), quick);
    QCOMPARE(m.indexOf(QStringLiteral("c")), m.index(1, 0, quick));
    QCOMPARE(m.checksInGroup(QStringLiteral("Quick health")).size(), std::size_t(2));
    // A destructive check names what it changes in its row, not only in a colour.
    const QModelIndex mit = m.indexOf(QStringLiteral("m"));
    QCOMPARE(mit.data().toString(), QStringLiteral("M [changes backend]"));
    QVERIFY(mit.data(CheckCatalogModel::DestructiveRole).toBool());
    QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Status).data().toString(),
             QStringLiteral("not run"));
}

void TestCheckCatalogModel::resultsShowStatusTimeAndDuration()
{
    CheckCatalogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setChecks({make(QStringLiteral("a"), QStringLiteral("Quick health")),
                 make(QStringLiteral("b"), QStringLiteral("Quick health"))});
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.markRunning(QStringLiteral("a"));
    QCOMPARE(m.state(QStringLiteral("a")), CheckCatalogModel::State::Running);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), m.indexOf(QStringLiteral("a")));
    QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Status).data().toString(),
             QStringLiteral("running…"));

    const QDateTime at(QDate(2024, 1, 15), QTime(14, 32, 5), Qt::UTC);
    changed.clear();
    m.setResult(result(QStringLiteral("a"), diag::RunStatus::Fail, 2350), at);
    // Views repaint the group row's summary too, not only the check's row.
    const QModelIndex groupStatus =
        m.groupIndex(QStringLiteral("Quick health"), CheckCatalogModel::Status);
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
        return args.at(0).value<QModelIndex>() == groupStatus;
    }));
    QCOMPARE(m.state(QStringLiteral("a")), CheckCatalogModel::State::Fail);
    QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Status).data().toString(),
             QStringLiteral("FAIL"));
    QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Status)
                 .data(CheckCatalogModel::StateRole)
                 .toInt(),
             int(CheckCatalogModel::State::Fail));
    QCOMPARE(
        m.indexOf(QStringLiteral("a"), CheckCatalogModel::LastRun).data(Qt::EditRole).toDateTime(),
        at);
    QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::LastRun).data().toString(),
             at.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    QCOMPARE(
        m.indexOf(QStringLiteral("a"), CheckCatalogModel::Duration).data(Qt::EditRole).toLongLong(),
        2350);
    QVERIFY(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Duration)
                .data()
                .toString()
                .endsWith(QStringLiteral(" s")));
    QCOMPARE(
        m.indexOf(QStringLiteral("a"), CheckCatalogModel::Status).data(Qt::ToolTipRole).toString(),
        QStringLiteral("summary of a"));
    // The group row sums up what is broken.
    QCOMPARE(
        m.groupIndex(QStringLiteral("Quick health"), CheckCatalogModel::Status).data().toString(),
        QStringLiteral("1 failing"));
    m.setResult(result(QStringLiteral("a"), diag::RunStatus::Pass, 12), at);
    m.setResult(result(QStringLiteral("b"), diag::RunStatus::Pass, 40), at);
    QCOMPARE(
        m.groupIndex(QStringLiteral("Quick health"), CheckCatalogModel::Status).data().toString(),
        QStringLiteral("all pass"));
    QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Duration).data().toString(),
             QStringLiteral("12 ms"));
    // A result for a check the catalog does not have changes nothing.
    m.setResult(result(QStringLiteral("zzz"), diag::RunStatus::Fail, 1), at);
    QCOMPARE(m.state(QStringLiteral("zzz")), CheckCatalogModel::State::NotRun);
}

void TestCheckCatalogModel::stateSurvivesReload()
{
    CheckCatalogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setChecks({make(QStringLiteral("a"), QStringLiteral("G")),
                 make(QStringLiteral("b"), QStringLiteral("G"))});
    m.setResult(result(QStringLiteral("b"), diag::RunStatus::Timeout, 5000),
                QDateTime::currentDateTimeUtc());
    // The profile was edited: "a" went away, "b" moved to another group.
    m.setChecks({make(QStringLiteral("b"), QStringLiteral("H"))});
    QCOMPARE(m.state(QStringLiteral("b")), CheckCatalogModel::State::Timeout);
    QCOMPARE(m.check(QStringLiteral("a")), nullptr);
    QCOMPARE(m.groups(), QStringList{QStringLiteral("H")});
}

void TestCheckCatalogModel::defaultProfileUnderTester()
{
    CheckCatalogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Profile p = defaultProfile();
    m.setChecks(p.diagnostics);
    QCOMPARE(m.groups().first(), QStringLiteral("Quick health"));
    QVERIFY(m.groups().contains(QStringLiteral("Mitigations")));
    int total = 0;
    for (int g = 0; g < m.rowCount(); ++g)
        total += m.rowCount(m.index(g, 0));
    QCOMPARE(total, int(p.diagnostics.size()));
    for (const DiagnosticCheck &c : p.diagnostics) {
        m.markRunning(c.id);
        diag::DiagnosticResult r;
        r.check = c.id;
        r.status = diag::RunStatus::Pass;
        m.setResult(r, QDateTime::currentDateTimeUtc());
    }
}

void TestCheckCatalogModel::everyOutcomeHasItsStateAndWords()
{
    struct Case
    {
        diag::RunStatus status;
        CheckCatalogModel::State state;
        const char *text;
        bool bad;
    };
    const Case cases[] = {
        {diag::RunStatus::Pass, CheckCatalogModel::State::Pass, "pass", false},
        {diag::RunStatus::Fail, CheckCatalogModel::State::Fail, "FAIL", true},
        {diag::RunStatus::Timeout, CheckCatalogModel::State::Timeout, "TIMEOUT", true},
        {diag::RunStatus::Error, CheckCatalogModel::State::Error, "ERROR", true},
        {diag::RunStatus::Refused, CheckCatalogModel::State::Refused, "refused", false},
        {diag::RunStatus::Cancelled, CheckCatalogModel::State::Cancelled, "cancelled", false},
    };
    CheckCatalogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setChecks({make(QStringLiteral("a"), QStringLiteral("G")),
                 make(QStringLiteral("b"), QStringLiteral("G"))});
    m.setResult(result(QStringLiteral("b"), diag::RunStatus::Pass, 1),
                QDateTime::currentDateTimeUtc());
    const QModelIndex groupStatus = m.groupIndex(QStringLiteral("G"), CheckCatalogModel::Status);
    for (const Case &c : cases) {
        QCOMPARE(CheckCatalogModel::stateOf(c.status), c.state);
        m.setResult(result(QStringLiteral("a"), c.status, 1), QDateTime::currentDateTimeUtc());
        QCOMPARE(m.state(QStringLiteral("a")), c.state);
        QCOMPARE(m.indexOf(QStringLiteral("a"), CheckCatalogModel::Status).data().toString(),
                 QString::fromLatin1(c.text));
        // The group says what is broken; a check that was refused or cancelled is neither
        // broken nor passing, so the group claims nothing.
        const QString expected = c.bad ? QStringLiteral("1 failing")
                                 : c.state == CheckCatalogModel::State::Pass
                                     ? QStringLiteral("all pass")
                                     : QString();
        QCOMPARE(groupStatus.data().toString(), expected);
    }
    QCOMPARE(CheckCatalogModel::stateText(CheckCatalogModel::State::NotRun),
             QStringLiteral("not run"));
}

void TestCheckCatalogModel::headersTooltipsAndSearch()
{
    CheckCatalogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DiagnosticCheck a = make(QStringLiteral("api-health"), QStringLiteral("Quick health"));
    a.title = QStringLiteral("API health");
    DiagnosticCheck duplicate = make(QStringLiteral("api-health"), QStringLiteral("Other"));
    m.setChecks({a, duplicate});
    // A second check with the same id would confuse which row a run belongs to: it is dropped.
    QCOMPARE(m.groups(), QStringList{QStringLiteral("Quick health")});

    QCOMPARE(m.headerData(CheckCatalogModel::Title, Qt::Horizontal).toString(),
             QStringLiteral("Check"));
    QCOMPARE(m.headerData(CheckCatalogModel::Status, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
    QCOMPARE(m.headerData(CheckCatalogModel::LastRun, Qt::Horizontal).toString(),
             QStringLiteral("Last run"));
    QCOMPARE(m.headerData(CheckCatalogModel::Duration, Qt::Horizontal).toString(),
             QStringLiteral("Took"));
    QVERIFY(!m.headerData(CheckCatalogModel::Title, Qt::Vertical).isValid());

    const QModelIndex title = m.indexOf(QStringLiteral("api-health"));
    QCOMPARE(title.data(Qt::ToolTipRole).toString(), QStringLiteral("api-health · http check"));
    QCOMPARE(title.data(CheckCatalogModel::GroupRole).toString(), QStringLiteral("Quick health"));
    // The filter finds a check by what a commander remembers of it: title, id, kind, URL.
    const QString search = title.data(CheckCatalogModel::SearchRole).toString();
    for (const char *part : {"API health", "api-health", "http", "http://127.0.0.1/api-health"})
        QVERIFY2(search.contains(QString::fromLatin1(part)), part);
    QCOMPARE(m.groupIndex(QStringLiteral("Quick health")).data(CheckCatalogModel::SearchRole),
             QVariant(QStringLiteral("Quick health")));
    // Nothing to say about a check that never ran.
    QVERIFY(!m.indexOf(QStringLiteral("api-health"), CheckCatalogModel::LastRun)
                 .data(Qt::ToolTipRole)
                 .isValid());
    QVERIFY(!m.indexOf(QStringLiteral("api-health"), CheckCatalogModel::Status)
                 .data(Qt::ToolTipRole)
                 .isValid());
    const QDateTime at(QDate(2024, 1, 15), QTime(14, 32, 5), Qt::UTC);
    m.setResult(result(QStringLiteral("api-health"), diag::RunStatus::Pass, 80), at);
    QCOMPARE(m.indexOf(QStringLiteral("api-health"), CheckCatalogModel::LastRun)
                 .data(Qt::ToolTipRole)
                 .toString(),
             QStringLiteral("2024-01-15 14:32:05 UTC"));
    QCOMPARE(m.indexOf(QStringLiteral("api-health"), CheckCatalogModel::Duration)
                 .data(Qt::TextAlignmentRole)
                 .toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(!m.indexOf(QStringLiteral("nope")).isValid());
    QVERIFY(!m.groupIndex(QStringLiteral("nope")).isValid());
    QCOMPARE(m.check(title), m.check(QStringLiteral("api-health")));
    QVERIFY(m.roleNames().contains(CheckCatalogModel::SearchRole));
}

QTEST_GUILESS_MAIN(TestCheckCatalogModel)
#include "test_checkcatalogmodel.moc"
