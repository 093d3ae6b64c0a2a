// A machine without libpq (here IDESK_LIBPQ names a file that does not exist): every way into
// PostgreSQL says so in one sentence, sync keeps the outbox for later, and nothing crashes. Only a
// call that skips that check ends the process, naming the function, as the dynamic loader would
// have at start had libpq been linked in.
#include "diagnostics/sqlprobe.h"
#include "pq/libpq.h"
#include "storage/store.h"
#include "sync/pg.h"
#include "sync/syncengine.h"
#include "sync/syncworker.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>
#include <QTimeZone>
#include <cstdio>
#include <cstdlib>

using namespace idesk;
using namespace idesk::sync;

namespace {

const char kAbsent[] = "libidesk-test-absent-libpq.so.5";
const char kUncheckedCall[] = "--unchecked-call";
const char kLoadError[] = "--load-error";

QString expectedStart()
{
    return QStringLiteral("The PostgreSQL client library (%1) could not be loaded: ")
        .arg(QLatin1String(kAbsent));
}

} // namespace

class TestLibpqMissing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }
    void everyWayInSaysSo();
    void syncKeepsTheOutbox();
    void workerReportsTheError();
    void uncheckedCallEndsTheProcess();
    void anotherLibraryIsNotTakenForLibpq();
};

void TestLibpqMissing::everyWayInSaysSo()
{
    const QString why = pq::loadError();
    QVERIFY2(why.startsWith(expectedStart()), qPrintable(why));
    // The loader's own reason follows, naming the file it looked for.
    QVERIFY2(why.mid(expectedStart().size()).contains(QLatin1String(kAbsent)), qPrintable(why));
    try {
        checkConninfo(QStringLiteral("host=db dbname=incidents"));
        QFAIL("a conninfo was accepted without libpq");
    } catch (const SyncError &e) {
        QCOMPARE(e.code(), SyncError::Code::Config);
        QCOMPARE(e.message(), why);
    }
    try {
        PgConnection c(QStringLiteral("host=db dbname=incidents"));
        QFAIL("a connection was made without libpq");
    } catch (const SyncError &e) {
        QCOMPARE(e.code(), SyncError::Code::Config);
        QCOMPARE(e.message(), why);
    }
    const QString problem = diag::conninfoProblem(QStringLiteral("host=db dbname=incidents"));
    QVERIFY2(problem.contains(why), qPrintable(problem));
}

void TestLibpqMissing::syncKeepsTheOutbox()
{
    test::TempDir dir;
    FakeClock clock(QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc()));
    auto store = Store::open(dir.file(QStringLiteral("a.db")), clock);
    store->declareIncident({QStringLiteral("No libpq"), Severity::P2, QStringLiteral("ana"), {}});
    const int pending = store->pendingOutbox();
    QVERIFY(pending > 0);
    SyncEngine engine(*store, QStringLiteral("host=db dbname=incidents"));
    try {
        engine.syncOnce();
        QFAIL("a sync ran without libpq");
    } catch (const SyncError &e) {
        QCOMPARE(e.code(), SyncError::Code::Config);
        QVERIFY2(e.message().startsWith(expectedStart()), qPrintable(e.message()));
    }
    QVERIFY(!engine.isConnected());
    QCOMPARE(store->pendingOutbox(), pending);
}

void TestLibpqMissing::workerReportsTheError()
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("w.db"));
    FakeClock clock(QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc()));
    auto store = Store::open(path, clock);
    store->declareIncident({QStringLiteral("No libpq"), Severity::P2, QStringLiteral("ana"), {}});
    SyncController worker(path, QStringLiteral("host=db dbname=incidents"), 30);
    QTRY_COMPARE(int(worker.status().state), int(SyncStatus::State::Error));
    QVERIFY2(worker.status().message.startsWith(expectedStart()),
             qPrintable(worker.status().message));
    QCOMPARE(worker.status().pending, store->pendingOutbox());
    QCOMPARE(statusText(worker.status(), QDateTime::currentDateTimeUtc()),
             QStringLiteral("Sync: error, %1 waiting").arg(store->pendingOutbox()));
}

void TestLibpqMissing::uncheckedCallEndsTheProcess()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kUncheckedCall)});
    QVERIFY(child.waitForFinished(30000));
    const QString err = QString::fromLocal8Bit(child.readAllStandardError());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 3, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("libpq: PQlibVersion is missing (") + expectedStart()),
             qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("returned")), qPrintable(err));
}

// IDESK_LIBPQ naming a library that is not libpq (the C library here): the same sentence, saying
// so, and no call reaches that library.
void TestLibpqMissing::anotherLibraryIsNotTakenForLibpq()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QLatin1String(kLoadError), QStringLiteral("libc.so.6")});
    QVERIFY(child.waitForFinished(30000));
    const QString err = QString::fromLocal8Bit(child.readAllStandardError());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 0, qPrintable(err));
    const QString why = QStringLiteral("The PostgreSQL client library (libc.so.6) could not be "
                                       "loaded: it has no PQlibVersion, so it is not libpq");
    QCOMPARE(QString::fromLocal8Bit(child.readAllStandardOutput()),
             why + QLatin1Char('\n') + why + QLatin1Char('\n'));
}

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], kLoadError) == 0) {
        qputenv("IDESK_LIBPQ", argv[2]);
        std::printf("%s\n", qPrintable(pq::loadError()));
        try {
            checkConninfo(QStringLiteral("host=db dbname=incidents"));
        } catch (const SyncError &e) {
            std::printf("%s\n", qPrintable(e.message()));
        }
        return 0;
    }
    qputenv("IDESK_LIBPQ", kAbsent);
    if (argc == 2 && qstrcmp(argv[1], kUncheckedCall) == 0) {
        // The fatal message would abort(); exit() instead lets the process write what a coverage
        // build counts, and the status says the call did not return.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            std::fprintf(stderr, "%s\n", qPrintable(msg));
            if (type == QtFatalMsg)
                std::exit(3);
        });
        pq::PQlibVersion();
        std::fputs("returned\n", stderr);
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestLibpqMissing test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_libpq_missing.moc"
