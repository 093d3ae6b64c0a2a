#include "storage/store.h"
#include "testsupport/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <csignal>
#include <map>
#include <set>
#include <sys/types.h>

using namespace idesk;

// kill -9 in the middle of commits: everything the child saw committed must be there, a batch
// is all or nothing, and the file stays intact.
class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void killNineKeepsCommittedWork()
    {
        const test::TempDir dir;
        const QString db = dir.file(QStringLiteral("crash.db"));
        QRandomGenerator rng(20240310);
        SystemClock clock;
        std::set<QString> reported;  // every id the child printed, over all rounds
        std::set<QString> batchTags; // every batch tag the child printed
        QElapsedTimer total;
        total.start();

        // The child runs with a private HOME and XDG folders, like every spawned binary.
        const QProcessEnvironment childEnv =
            test::privateEnvironment(dir.file(QStringLiteral("env")));
        const int rounds = 60;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.setProcessEnvironment(childEnv);
            child.start(QStringLiteral(IDESK_CRASH_CHILD), {db, QString::number(rng.generate())});
            QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));

            // The kill window starts at the child's first reported commit, not at its start: a
            // child built with sanitizers, or on a loaded machine, can take longer to start than
            // the whole window, and then no kill would land in the middle of commits.
            QByteArray out;
            while (!out.contains('\n') && child.waitForReadyRead(10000))
                out += child.readAllStandardOutput();
            const int delayMs = 5 + int(rng.bounded(76)); // 5..80 ms
            QElapsedTimer t;
            t.start();
            // Keep draining stdout so a full pipe never stalls the child before the kill.
            while (t.elapsed() < delayMs) {
                child.waitForReadyRead(int(std::max<qint64>(1, delayMs - t.elapsed())));
                out += child.readAllStandardOutput();
            }
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(5000));
            out += child.readAllStandardOutput();
            const QByteArray err = child.readAllStandardError();
            QVERIFY2(!err.contains("error"), err.constData());

            // Only whole lines count: the last one may have been cut by the kill.
            const qsizetype lastNewline = out.lastIndexOf('\n');
            const QList<QByteArray> lines = out.left(lastNewline + 1).split('\n');
            for (const QByteArray &line : lines) {
                const QList<QByteArray> parts = line.split(' ');
                if (parts.value(0) == "E" && parts.size() == 2) {
                    reported.insert(QString::fromLatin1(parts.at(1)));
                } else if (parts.value(0) == "B" && parts.size() == 7) {
                    batchTags.insert(QString::fromLatin1(parts.at(1)));
                    for (int i = 2; i < 7; ++i)
                        reported.insert(QString::fromLatin1(parts.at(i)));
                } else {
                    QVERIFY2(line.isEmpty(), line.constData());
                }
            }

            auto store = Store::open(db, clock);
            QSqlQuery integrity(store->db());
            QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(integrity.next());
            QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
            integrity.finish();

            std::set<QString> present;
            std::map<QString, int> batchSizes;
            QSqlQuery rows(store->db());
            rows.setForwardOnly(true);
            QVERIFY(rows.exec(QStringLiteral("SELECT id, text FROM timeline_events")));
            while (rows.next()) {
                present.insert(rows.value(0).toString());
                const QString text = rows.value(1).toString();
                if (text != QStringLiteral("single"))
                    ++batchSizes[text.section(QLatin1Char(':'), 0, 0)];
            }
            rows.finish();
            for (const QString &id : reported)
                QVERIFY2(present.count(id), qPrintable(QStringLiteral("round %1: reported id %2 "
                                                                      "is missing")
                                                           .arg(round)
                                                           .arg(id)));
            for (const auto &[tag, count] : batchSizes)
                QVERIFY2(count == 5, qPrintable(QStringLiteral("round %1: batch %2 has %3 of 5 "
                                                               "events")
                                                    .arg(round)
                                                    .arg(tag)
                                                    .arg(count)));
            for (const QString &tag : batchTags)
                QVERIFY(batchSizes.count(tag));
        }
        // The test only means something if the kills landed while the child was writing.
        QVERIFY2(reported.size() > 50, qPrintable(QString::number(reported.size())));
        qInfo("%d rounds, %d committed events reported, %d batches, %lld ms", rounds,
              int(reported.size()), int(batchTags.size()), total.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"
