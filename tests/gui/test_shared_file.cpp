// The window and the real incidentdesk-cli on one database file at once, as a commander with a
// terminal beside the app works: every write of both survives, no descriptor of the window
// points at a deleted WAL, and the window shows what the terminal wrote without a reload.
#include "gui/mainwindow.h"
#include "gui/timeline/timelinetab.h"
#include "models/incidentfilterproxy.h"
#include "models/timeline/timelinemodel.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <unistd.h>

using namespace idesk;

namespace {

// Descriptors of this process that point at a deleted file next to the database: SQLite's WAL
// or shared-memory file removed under an open connection.
QStringList deletedDescriptors(const QString &dbPath)
{
    QStringList found;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    const QString name = QFileInfo(dbPath).fileName();
    for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
        if (target.contains(name) && target.endsWith(QStringLiteral(" (deleted)")))
            found << target;
    }
    // QFileInfo resolves "(deleted)" links to paths that no longer exist; read them raw too.
    for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        char buf[4096];
        const ssize_t n = ::readlink(link.constData(), buf, sizeof buf - 1);
        if (n <= 0)
            continue;
        const QString target = QString::fromLocal8Bit(buf, qsizetype(n));
        if (target.contains(name) && target.endsWith(QStringLiteral(" (deleted)")) &&
            !found.contains(target))
            found << target;
    }
    return found;
}

struct Run
{
    int code = -1;
    QString err;
    QString out;
};

} // namespace

class TestSharedFile : public QObject
{
    Q_OBJECT
    SystemClock m_clock;
    test::TempDir m_home;

    Run cli(const QString &db, const QStringList &args)
    {
        const test::ProcessResult p = test::runProcess(
            QStringLiteral(IDESK_CLI_BINARY), QStringList{QStringLiteral("--db"), db} + args,
            test::privateEnvironment(m_home.path()));
        return {p.code, QString::fromUtf8(p.err), QString::fromUtf8(p.out)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
    }

    void windowAndCliShareOneFile()
    {
        const test::TempDir dir;
        const QString db = dir.file(QStringLiteral("shared.sqlite"));
        Settings settings(dir.file(QStringLiteral("settings.ini")));
        QString incidentId;
        {
            // Opened as the app opens it: structure only, the page check in the background.
            auto service =
                IncidentService::open(db, defaultProfile(), m_clock, Store::Verify::Structure);
            incidentId =
                service->declare({QStringLiteral("Checkout down"), Severity::P1, {}, {}}).id;
            MainWindow window(std::move(service), settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.selectIncident(incidentId));
            window.tabs()->setCurrentIndex(2); // the timeline, with its background loader
            window.completeDeferredBuilds();
            auto *timeline = qobject_cast<TimelineTab *>(window.currentTab());
            QVERIFY(timeline);
            // Past the window's delayed page check and the timeline's loader: where the locks
            // used to go.
            QTest::qWait(1600);

            const IncidentStatus statuses[] = {
                IncidentStatus::Identified, IncidentStatus::Mitigating, IncidentStatus::Monitoring};
            for (int i = 0; i < 20; ++i) {
                const Run r =
                    cli(db, {QStringLiteral("event"), incidentId, QStringLiteral("--text"),
                             QStringLiteral("from the terminal %1").arg(i)});
                QVERIFY2(r.code == 0, qPrintable(r.err));
                QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
                if (i % 7 == 3)
                    window.service().setStatus(incidentId, statuses[i / 7]);
                const QStringList deleted = deletedDescriptors(db);
                QVERIFY2(deleted.isEmpty(), qPrintable(deleted.join(QLatin1Char('\n'))));
            }
            const Run list = cli(db, {QStringLiteral("list")});
            QCOMPARE(list.code, 0);
            QVERIFY(deletedDescriptors(db).isEmpty());

            // The window follows the terminal within two seconds: the timeline shows all 20
            // events and the list a newly declared incident, the selection kept.
            const int timelineRows = 1 + 20 + 3; // declared, the terminal's, three statuses
            QTRY_COMPARE_WITH_TIMEOUT(timeline->model()->rowCount(), timelineRows, 2500);
            const int listRows = window.incidentProxy()->rowCount();
            const Run declared = cli(db, {QStringLiteral("declare"), QStringLiteral("--title"),
                                          QStringLiteral("Declared in the terminal"),
                                          QStringLiteral("--severity"), QStringLiteral("P2")});
            QCOMPARE(declared.code, 0);
            QTRY_COMPARE_WITH_TIMEOUT(window.incidentProxy()->rowCount(), listRows + 1, 2500);
            QCOMPARE(window.currentIncidentId(), incidentId);
        }

        // After the window closed: every write of both sides is in the file.
        auto check = IncidentService::open(db, defaultProfile(), m_clock);
        EventQuery q;
        q.incidentId = incidentId;
        const auto events = check->events(q);
        int fromTerminal = 0, statusEvents = 0;
        for (const auto &e : events) {
            fromTerminal += e.text.startsWith(QStringLiteral("from the terminal"));
            statusEvents += e.source == QStringLiteral("status change");
        }
        QCOMPARE(fromTerminal, 20);
        QCOMPARE(statusEvents, 3);
        QCOMPARE(check->incident(incidentId)->status, IncidentStatus::Monitoring);
        QCOMPARE(check->incidentSummaries().size(), std::size_t(2));
        QCOMPARE(check->store().integrityProblems(), QString());
    }

    // Four terminals writing at once: checkpoints run while other writers open the file, which
    // must never read as a damaged file, and no write may be lost.
    void concurrentCliWritersAllSucceed()
    {
        const test::TempDir dir;
        const QString db = dir.file(QStringLiteral("busy.sqlite"));
        const Run declared =
            cli(db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Load"),
                     QStringLiteral("--severity"), QStringLiteral("P2")});
        QCOMPARE(declared.code, 0);
        const QString id = declared.out.section(QLatin1Char('\t'), 0, 0).trimmed();
        QVERIFY(!id.isEmpty());

        constexpr int kWriters = 4;
        constexpr int kEach = 40;
        QStringList failures;
        std::vector<std::unique_ptr<QProcess>> running(kWriters);
        std::vector<int> done(kWriters, 0);
        const auto startNext = [&](int w) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(test::privateEnvironment(m_home.path()));
            p->start(QStringLiteral(IDESK_CLI_BINARY),
                     {QStringLiteral("--db"), db, QStringLiteral("event"), id,
                      QStringLiteral("--text"),
                      QStringLiteral("writer %1 #%2").arg(w).arg(done[w])});
            running[w] = std::move(p);
        };
        for (int w = 0; w < kWriters; ++w)
            startNext(w);
        int finished = 0;
        while (finished < kWriters) {
            for (int w = 0; w < kWriters; ++w) {
                QProcess *p = running[w].get();
                if (!p || !p->waitForFinished(10))
                    continue;
                const QString err = QString::fromUtf8(p->readAllStandardError());
                if (p->exitCode() != 0 || !err.isEmpty())
                    failures << QStringLiteral("exit %1: %2").arg(p->exitCode()).arg(err);
                if (++done[w] < kEach) {
                    startNext(w);
                } else {
                    running[w].reset();
                    ++finished;
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        auto check = IncidentService::open(db, defaultProfile(), m_clock);
        QCOMPARE(check->eventCount(id), 1 + kWriters * kEach);
    }
};

QTEST_MAIN(TestSharedFile)
#include "test_shared_file.moc"
