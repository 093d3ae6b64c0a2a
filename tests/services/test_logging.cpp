// The log a commander attaches to a bug report: Qt's own messages land in it with their level,
// debug lines only when asked for, and a log folder that cannot be written stops nothing.
#include "services/logging.h"
#include "testsupport.h"

#include <QFile>
#include <QTest>
#include <spdlog/spdlog.h>

using namespace idesk;

class TestLogging : public QObject
{
    Q_OBJECT

private:
    static QByteArray flushedLog(const QString &path)
    {
        spdlog::default_logger()->flush();
        return test::readFile(path);
    }

private Q_SLOTS:
    void qtMessagesReachTheFileWithTheirLevel()
    {
        test::TempDir dir;
        const QString log = dir.file(QStringLiteral("logs/nested/incidentdesk.log"));
        setupLogging(log, false);
        qDebug("a debug line");
        qInfo("an info line");
        qWarning("a warning line");
        qCritical("a critical line");
        spdlog::debug("a debug line from spdlog");
        const QByteArray text = flushedLog(log);
        QVERIFY2(!text.contains("debug line"), text.constData()); // not verbose: no debug
        QVERIFY2(text.contains("[info] qt: an info line"), text.constData());
        QVERIFY2(text.contains("[warning] qt: a warning line"), text.constData());
        QVERIFY2(text.contains("[error] qt: a critical line"), text.constData());
        qInstallMessageHandler(nullptr);
    }

    void verboseKeepsDebugLines()
    {
        test::TempDir dir;
        const QString log = dir.file(QStringLiteral("incidentdesk.log"));
        setupLogging(log, true);
        qDebug("a debug line");
        spdlog::debug("start-up: {} ms", 42);
        const QByteArray text = flushedLog(log);
        QVERIFY2(text.contains("[debug] qt: a debug line"), text.constData());
        QVERIFY2(text.contains("[debug] start-up: 42 ms"), text.constData());
        qInstallMessageHandler(nullptr);
    }

    // A home that is read-only (or a path through a file) leaves no log file, and no error.
    void unwritableFolderStopsNothing()
    {
        test::TempDir dir;
        dir.write(QStringLiteral("file"), QByteArray("not a folder"));
        const QString log = dir.file(QStringLiteral("file/incidentdesk.log"));
        setupLogging(log, false);
        qWarning("still fine");
        spdlog::warn("still fine");
        QVERIFY(!QFile::exists(log));
        qInstallMessageHandler(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "test_logging.moc"
