#include "services/diagnostics/playbookservice.h"
#include "services/incidentservice.h"
#include "services/translations.h"
#include "testsupport/clirunner.h"
#include "testsupport/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

using namespace idesk;
using namespace idesk::test;

class TestPlaybookCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        enterTestMode();
        // As the CLI's main does: the English catalogue holds the plural forms ("14 steps").
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslations(*QCoreApplication::instance());
    }
    void listAndShowWithProgress();
    void badArguments();
};

void TestPlaybookCli::listAndShowWithProgress()
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("db.sqlite"));
    CliResult r = runCli(db, {QStringLiteral("playbook"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("website-down\tWebsite down\t14 steps\n")),
             qPrintable(r.out));
    QCOMPARE(r.out.count(u'\n'), 4);

    r = runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Slow"),
                    QStringLiteral("--severity"), QStringLiteral("P2")});
    QCOMPARE(r.code, 0);
    const QString id = r.out.section(QLatin1Char('\t'), 0, 0).trimmed();
    {
        static const SystemClock clock;
        auto service = IncidentService::open(db, defaultProfile(), clock);
        PlaybookService svc(*service);
        const Playbook pb = *svc.playbook(QStringLiteral("database-performance"));
        svc.recordRun(id, pb, QStringLiteral("locks"), false);
        svc.toggleTick(id, pb, QStringLiteral("status-update"));
    }
    r = runCli(db, {QStringLiteral("playbook"), QStringLiteral("show"),
                    QStringLiteral("Database performance"), QStringLiteral("--incident"), id});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("1 of 10 done, 1 failed\n")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("4. [failed] Check locks (check: db-locks)\n")));
    QVERIFY(r.out.contains(QStringLiteral("10. [done] Post a status update (manual)\n")));

    r = runCli(db, {QStringLiteral("playbook"), QStringLiteral("show"),
                    QStringLiteral("database-performance"), QStringLiteral("--incident"), id,
                    QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("done")).toInt(), 1);
    const QJsonArray steps = doc.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.size(), 10);
    QCOMPARE(steps.at(3).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("failed"));
    QCOMPARE(steps.at(5).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("mitigation"));
    QCOMPARE(steps.at(0).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("not-yet"));
}

void TestPlaybookCli::badArguments()
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("db.sqlite"));
    CliResult r =
        runCli(db, {QStringLiteral("playbook"), QStringLiteral("show"), QStringLiteral("no-such")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no playbook no-such")), qPrintable(r.err));
    r = runCli(db, {QStringLiteral("playbook")});
    QCOMPARE(r.code, 2);
    r = runCli(db,
               {QStringLiteral("playbook"), QStringLiteral("show"), QStringLiteral("website-down"),
                QStringLiteral("--incident"), QStringLiteral("nope")});
    QCOMPARE(r.code, 3);
}

QTEST_GUILESS_MAIN(TestPlaybookCli)
#include "test_playbook_cli.moc"
