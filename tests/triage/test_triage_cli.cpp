#include "cli/cli.h"
#include "core/types.h"
#include "testsupport/clirunner.h"
#include "testsupport/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace idesk;
using namespace Qt::StringLiterals;

// The CLI runs on the system clock, so incidents are declared with a start relative to now.
class TestTriageCli : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDir> m_dir;
    QString m_db;

    QString declare(const QString &severity, qint64 minutesAgo,
                    const QString &title = u"Orders failing"_s)
    {
        const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-minutesAgo * 60);
        const test::CliResult r = test::runCli(
            m_db, {u"declare"_s, u"--title"_s, title, u"--severity"_s, severity, u"--commander"_s,
                   u"john.doe"_s, u"--started"_s, started.toString(Qt::ISODate)});
        if (r.code != 0)
            qFatal("declare failed");
        return r.out.section(u'\t', 0, 0);
    }

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void init()
    {
        m_dir = std::make_unique<test::TempDir>();
        m_db = m_dir->file(u"db.sqlite"_s);
    }

    void messageKinds();
    void messageErrors();
    void statusAndResolveRule();
    void ack();
    void escalationText();
    void escalationJson();
    void unknownIdIsDataError_data();
    void unknownIdIsDataError();
};

void TestTriageCli::messageKinds()
{
    const QString id = declare(u"P1"_s, 5, u"Zahlungen — 支払い 💳"_s);
    test::CliResult r = test::runCli(m_db, {u"message"_s, id.left(8), u"--kind"_s, u"alert"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"🚨 INCIDENT ALERT 🚨\nSeverity: P1\nStatus: Investigating\n"
                              "Impact: Zahlungen — 支払い 💳\n"_s),
             qPrintable(r.out));
    QVERIFY(r.out.contains(u"Commander: @john.doe\n"_s));
    QVERIFY(r.out.endsWith(u"Next update in 30 minutes.\n"_s));

    r = test::runCli(m_db, {u"message"_s, id, u"--kind=update"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(u"📊 INCIDENT UPDATE 📊\n"_s));
    QVERIFY(r.out.contains(u"Duration: 5 minutes\n"_s));

    r = test::runCli(m_db, {u"message"_s, id, u"--kind"_s, u"resolved"_s, u"--slack"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(u"*✅ INCIDENT RESOLVED ✅*\n*Severity:* P1\n"_s));

    r = test::runCli(m_db, {u"message"_s, id}); // alert by default
    QVERIFY(r.out.startsWith(u"🚨 INCIDENT ALERT 🚨"_s));
}

void TestTriageCli::messageErrors()
{
    const QString id = declare(u"P2"_s, 1);
    test::CliResult r = test::runCli(m_db, {u"message"_s, id, u"--kind"_s, u"postmortem"_s});
    QCOMPARE(r.code, int(cli::Usage));
    QVERIFY(r.err.contains(u"--kind must be alert, update or resolved"_s));
    r = test::runCli(m_db, {u"message"_s, id, u"--kind"_s});
    QCOMPARE(r.code, int(cli::Usage));
    r = test::runCli(m_db, {u"message"_s, id, u"--knid"_s, u"alert"_s});
    QCOMPARE(r.code, int(cli::Usage));
    QVERIFY(r.err.contains(u"unknown option --knid"_s));
    r = test::runCli(m_db, {u"message"_s});
    QCOMPARE(r.code, int(cli::Usage));
}

void TestTriageCli::statusAndResolveRule()
{
    const QString id = declare(u"P1"_s, 10);
    test::CliResult r =
        test::runCli(m_db, {u"status"_s, id, u"mitigating"_s, u"--note"_s, u"rolled back"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.endsWith(u": Investigating → Mitigating\n"_s), qPrintable(r.out));
    r = test::runCli(m_db, {u"status"_s, id, u"Fixed"_s});
    QCOMPARE(r.code, int(cli::Usage));

    // Resolved needs the recovery checklist, or an explicit override with a reason.
    r = test::runCli(m_db, {u"status"_s, id, u"Resolved"_s});
    QCOMPARE(r.code, int(cli::CheckFailed));
    QVERIFY(r.err.contains(u"[ ] All systems showing green in monitoring"_s));
    QVERIFY(r.err.contains(u"--override"_s));
    r = test::runCli(m_db, {u"show"_s, id});
    QVERIFY(r.out.contains(u"status:       Mitigating"_s));

    r = test::runCli(m_db,
                     {u"status"_s, id, u"Resolved"_s, u"--override"_s, u"verified by hand"_s});
    QCOMPARE(r.code, 0);
    r = test::runCli(m_db, {u"show"_s, id});
    QVERIFY(r.out.contains(u"status:       Resolved"_s));
    QVERIFY2(r.out.contains(u"Status Mitigating → Resolved — recovery checklist overridden (0/5): "
                            "verified by hand; open: All systems showing green"_s),
             qPrintable(r.out));
}

void TestTriageCli::ack()
{
    const QString late = declare(u"P0"_s, 20); // 15-minute response time
    test::CliResult r = test::runCli(m_db, {u"ack"_s, late});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"acknowledged at "_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"after the 15 minutes response time"_s), qPrintable(r.out));
    r = test::runCli(m_db, {u"ack"_s, late});
    QVERIFY(r.out.contains(u"already acknowledged at "_s));

    const QString early = declare(u"P1"_s, 2, u"Second"_s);
    r = test::runCli(m_db, {u"ack"_s, early});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"within the 1 hour response time"_s), qPrintable(r.out));
}

void TestTriageCli::escalationText()
{
    const QString id = declare(u"P1"_s, 45);
    const test::CliResult r = test::runCli(m_db, {u"escalation"_s, id});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"Engaged:  L1 "_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Due:      L2 "_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"(ESCALATE NOW)"_s));
    QVERIFY(r.out.contains(u"Next:     L3 "_s));
    QVERIFY(r.out.contains(u"Contact:  L2 "_s));
}

void TestTriageCli::escalationJson()
{
    const QString id = declare(u"P1"_s, 45);
    test::CliResult r = test::runCli(m_db, {u"escalation"_s, id, u"--json"_s});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(u"engagedLevel"_s).toInt(), 1);
    QCOMPARE(o.value(u"dueLevel"_s).toInt(), 2);
    QVERIFY(o.value(u"escalationNeeded"_s).toBool());
    QCOMPARE(o.value(u"firedRule"_s).toObject().value(u"afterMinutes"_s).toInt(), 30);
    QCOMPARE(o.value(u"nextLevel"_s).toInt(), 3);
    QCOMPARE(o.value(u"nextRule"_s).toObject().value(u"afterMinutes"_s).toInt(), 120);
    const QDateTime started = fromIso(o.value(u"dueSince"_s).toString()).addSecs(-30 * 60);
    QCOMPARE(fromIso(o.value(u"nextDueAt"_s).toString()), started.addSecs(120 * 60));
    QVERIFY(!o.value(u"contacts"_s).toArray().isEmpty());
    QVERIFY(
        !o.value(u"contacts"_s).toArray().first().toObject().value(u"role"_s).toString().isEmpty());

    // Resolved incidents stop escalating.
    test::runCli(m_db, {u"status"_s, id, u"Resolved"_s, u"--override"_s, u"test"_s});
    r = test::runCli(m_db, {u"escalation"_s, id, u"--json"_s});
    const QJsonObject after = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(after.value(u"stopped"_s).toBool());
    QVERIFY(!after.value(u"escalationNeeded"_s).toBool());
    QVERIFY(after.value(u"nextLevel"_s).isNull());
}

void TestTriageCli::unknownIdIsDataError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("message") << QStringList{u"message"_s, u"nope"_s};
    QTest::newRow("status") << QStringList{u"status"_s, u"nope"_s, u"Identified"_s};
    QTest::newRow("ack") << QStringList{u"ack"_s, u"nope"_s};
    QTest::newRow("escalation") << QStringList{u"escalation"_s, u"nope"_s, u"--json"_s};
}

void TestTriageCli::unknownIdIsDataError()
{
    QFETCH(QStringList, args);
    declare(u"P2"_s, 1);
    const test::CliResult r = test::runCli(m_db, args);
    QCOMPARE(r.code, int(cli::DataError));
    QVERIFY(r.err.contains(u"no incident matches 'nope'"_s));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestTriageCli)
#include "test_triage_cli.moc"
