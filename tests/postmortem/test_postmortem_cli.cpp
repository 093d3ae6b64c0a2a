#include "cli/cli.h"
#include "testsupport/clirunner.h"
#include "testsupport/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace idesk;
using namespace Qt::StringLiterals;

class TestPostmortemCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void init();
    void addAndList();
    void listJson();
    void usageErrors_data();
    void usageErrors();
    void unknownIncident();

private:
    // Each command runs a minute after the one before, as a person typing them would: items
    // added one after the other list in that order.
    test::CliResult run(const QStringList &args)
    {
        m_clock.advanceSecs(60);
        return test::runCli(m_db, args, &m_clock);
    }

    // Due dates are days: on 2030-01-31 an item due 2030-02-01 is not overdue yet, however long
    // this test lives.
    static QDateTime start()
    {
        return QDateTime(QDate(2030, 1, 31), QTime(12, 0), QTimeZone::utc());
    }
    FakeClock m_clock{start()};
    std::unique_ptr<test::TempDir> m_dir;
    QString m_db;
    QString m_id;
};

void TestPostmortemCli::init()
{
    m_clock.set(start());
    m_dir = std::make_unique<test::TempDir>();
    m_db = m_dir->file(u"cli.sqlite"_s);
    const test::CliResult d = run({u"declare"_s, u"--title"_s, u"Orders failing"_s, u"--severity"_s,
                                   u"P1"_s, u"--started"_s, u"2024-01-15T14:30:00Z"_s});
    QCOMPARE(d.code, 0);
    m_id = d.out.section(u'\t', 0, 0).trimmed();
    QVERIFY(!m_id.isEmpty());
}

void TestPostmortemCli::addAndList()
{
    const test::CliResult add = run({u"action"_s, m_id, u"--add"_s, u"Add pool monitoring"_s,
                                     u"--owner"_s, u"devops"_s, u"--due"_s, u"2024-01-20"_s});
    QCOMPARE(add.code, 0);
    QCOMPARE(add.out.trimmed().size(), 36); // the new item's UUID
    // an id prefix and the --opt=value form work too
    const test::CliResult second = run({u"action"_s, m_id.left(8), u"--add=Leak 100% detection"_s,
                                        u"--owner=@backend"_s, u"--due=2099-01-25"_s});
    QCOMPARE(second.code, 0);

    const test::CliResult list = run({u"action"_s, m_id, u"--list"_s});
    QCOMPARE(list.code, 0);
    const QStringList lines = list.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith(u"1. [ ] 2024-01-20  devops"_s), qPrintable(lines[0]));
    QVERIFY(lines[0].contains(u"Add pool monitoring"_s));
    QVERIFY(lines[0].endsWith(u"OVERDUE"_s));
    QVERIFY(lines[1].contains(u"Leak 100% detection"_s));
    QVERIFY(!lines[1].contains(u"OVERDUE"_s));
}

void TestPostmortemCli::listJson()
{
    QCOMPARE(run({u"action"_s, m_id, u"--list"_s, u"--json"_s}).out.trimmed(), u"[\n]"_s);
    QCOMPARE(run({u"action"_s, m_id, u"--add"_s, u"Übung «failover»"_s, u"--owner"_s, u"zoë"_s,
                  u"--due"_s, u"2030-02-01"_s})
                 .code,
             0);
    const test::CliResult r = run({u"action"_s, m_id, u"--list"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray items = doc.array();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(item.value(u"description"_s).toString(), u"Übung «failover»"_s);
    QCOMPARE(item.value(u"owner"_s).toString(), u"zoë"_s);
    QCOMPARE(item.value(u"due"_s).toString(), u"2030-02-01"_s);
    QCOMPARE(item.value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(item.value(u"overdue"_s).toBool(), false);
    QCOMPARE(item.value(u"incidentId"_s).toString(), m_id);
}

void TestPostmortemCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("neither") << QStringList{u"action"_s, u"ID"_s};
    QTest::newRow("both") << QStringList{u"action"_s,  u"ID"_s, u"--list"_s, u"--add"_s,     u"x"_s,
                                         u"--owner"_s, u"o"_s,  u"--due"_s,  u"2024-01-20"_s};
    QTest::newRow("no owner") << QStringList{u"action"_s, u"ID"_s,    u"--add"_s,
                                             u"x"_s,      u"--due"_s, u"2024-01-20"_s};
    QTest::newRow("no due") << QStringList{u"action"_s, u"ID"_s,      u"--add"_s,
                                           u"x"_s,      u"--owner"_s, u"o"_s};
    QTest::newRow("bad due") << QStringList{u"action"_s,  u"ID"_s, u"--add"_s, u"x"_s,
                                            u"--owner"_s, u"o"_s,  u"--due"_s, u"20/01/2024"_s};
    QTest::newRow("empty text") << QStringList{u"action"_s,  u"ID"_s, u"--add"_s, u" "_s,
                                               u"--owner"_s, u"o"_s,  u"--due"_s, u"2024-01-20"_s};
    QTest::newRow("missing value") << QStringList{u"action"_s, u"ID"_s, u"--add"_s};
    QTest::newRow("unknown option") << QStringList{u"action"_s, u"ID"_s, u"--list"_s, u"--all"_s};
    QTest::newRow("no id") << QStringList{u"action"_s, u"--list"_s};
    QTest::newRow("two ids") << QStringList{u"action"_s, u"ID"_s, u"ID"_s, u"--list"_s};
    QTest::newRow("owner without add")
        << QStringList{u"action"_s, u"ID"_s, u"--list"_s, u"--owner"_s, u"o"_s};
}

void TestPostmortemCli::usageErrors()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(u"ID"_s, m_id);
    const test::CliResult r = run(args);
    QCOMPARE(r.code, int(cli::Usage));
    QVERIFY2(r.err.contains(u"usage:"_s), qPrintable(r.err));
    // nothing was added
    QCOMPARE(run({u"action"_s, m_id, u"--list"_s, u"--json"_s}).out.trimmed(), u"[\n]"_s);
}

void TestPostmortemCli::unknownIncident()
{
    const test::CliResult add = run({u"action"_s, u"ffffffff"_s, u"--add"_s, u"x"_s, u"--owner"_s,
                                     u"o"_s, u"--due"_s, u"2024-01-20"_s});
    QCOMPARE(add.code, int(cli::DataError));
    QVERIFY(add.err.contains(u"ffffffff"_s));
    QCOMPARE(run({u"action"_s, u"ffffffff"_s, u"--list"_s}).code, int(cli::DataError));
}

QTEST_GUILESS_MAIN(TestPostmortemCli)
#include "test_postmortem_cli.moc"
