// The window's program as a user starts it: its options, a profile with an error, an incident
// picked on the command line, and the first frame on screen. It runs the real binary on the
// platform the test runs on (xcb under Xvfb for this test), with private HOME and XDG folders.
#include "testsupport.h"

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>
#include <ctime>

using namespace idesk;

namespace {

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<qint64>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

} // namespace

class TestAppStartup : public QObject
{
    Q_OBJECT

private:
    test::TempDir m_dir;
    QProcessEnvironment m_env;
    QString m_db;
    QString m_channel;

    test::ProcessResult gui(const QStringList &args) const
    {
        return test::runProcess(QStringLiteral(IDESK_GUI_BINARY), args, m_env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_env = test::privateEnvironment(m_dir.file(QStringLiteral("env")));
        m_db = m_dir.file(QStringLiteral("incidents.sqlite"));
        for (const char *title : {"Checkout returns 502", "Search is slow"}) {
            const test::ProcessResult r = test::runProcess(
                QStringLiteral(IDESK_CLI_BINARY),
                {QStringLiteral("--db"), m_db, QStringLiteral("declare"), QStringLiteral("--title"),
                 QString::fromLatin1(title), QStringLiteral("--severity"), QStringLiteral("P1")},
                m_env);
            QCOMPARE(r.code, 0);
            const auto match = QRegularExpression(QStringLiteral("#incident-[0-9-]+"))
                                   .match(QString::fromUtf8(r.out));
            QVERIFY2(match.hasMatch(), r.out.constData());
            if (m_channel.isEmpty())
                m_channel = match.captured(0);
        }
    }

    // The benchmark's finish line: the program reports a time after its own start and exits 0
    // once its first frame is on screen, without touching the database's contents.
    void quitsAfterTheFirstFrame()
    {
        const QByteArray before = test::readFile(m_db);
        const qint64 started = monotonicNs();
        const test::ProcessResult r =
            gui({QStringLiteral("--db"), m_db, QStringLiteral("--quit-after-first-paint")});
        const qint64 finished = monotonicNs();
        QVERIFY2(r.code == 0, r.err.constData());
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^first-paint-monotonic-ns=(\\d+)$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(r.out));
        QVERIFY2(m.hasMatch(), r.out.constData());
        const qint64 painted = m.captured(1).toLongLong();
        QVERIFY(painted > started);
        QVERIFY(painted < finished);
        QCOMPARE(test::readFile(m_db), before);
    }

    // The options that end the program before any window (help, version, a wrong option) while
    // the start-up warm-up thread is at work: their output and exit code, and nothing else on
    // stderr (the warm-up is stopped and joined before the parser ends the process).
    void optionsThatEndBeforeTheWindow()
    {
        test::ProcessResult r = gui({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("incidentdesk " INCIDENTDESK_VERSION "\n"));
        QCOMPARE(r.err, QByteArray());
        for (const char *help : {"--help", "--help-all"}) {
            r = gui({QString::fromLatin1(help)});
            QCOMPARE(r.code, 0);
            // --help-all lists Qt's own options too.
            QVERIFY2(r.out.contains("--platform <") == (qstrcmp(help, "--help-all") == 0),
                     r.out.constData());
            QVERIFY2(r.out.contains("--db <path>"), r.out.constData());
            QCOMPARE(r.err, QByteArray());
        }
        // Over ssh there is no display: --help and --version answer all the same.
        QProcessEnvironment headless = m_env;
        headless.remove(QStringLiteral("DISPLAY"));
        headless.remove(QStringLiteral("WAYLAND_DISPLAY"));
        headless.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        for (const QStringList &args :
             {QStringList{QStringLiteral("--help")}, QStringList{QStringLiteral("--version")},
              QStringList{QStringLiteral("--db"), m_db, QStringLiteral("-v")}}) {
            r = test::runProcess(QStringLiteral(IDESK_GUI_BINARY), args, headless);
            QVERIFY2(r.code == 0, r.err.constData());
            QVERIFY2(r.out.startsWith("incidentdesk " INCIDENTDESK_VERSION) ||
                         r.out.contains("--db <path>"),
                     r.out.constData());
            QCOMPARE(r.err, QByteArray());
        }
        r = gui({QStringLiteral("--no-such-option")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains("Unknown option 'no-such-option'"), r.err.constData());
    }

    // One PNG per tab, each the window's size, with the incident named on the command line.
    void screenshotsOfEveryTab()
    {
        const QString shots = m_dir.file(QStringLiteral("shots"));
        const test::ProcessResult r = gui({QStringLiteral("--db"), m_db, QStringLiteral("--select"),
                                           m_channel, QStringLiteral("--screenshot"), shots});
        QVERIFY2(r.code == 0, r.err.constData());
        const QStringList files = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(files.size(), 4);
        for (const QString &file : files) {
            QVERIFY2(QFileInfo(file).absolutePath() == QFileInfo(shots).absoluteFilePath(),
                     qPrintable(file));
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1280, 800));
        }
    }

    // A profile with an error is named on stderr and the shipped default takes over: a
    // non-interactive start has nobody to ask.
    void brokenProfileFallsBackToTheDefault()
    {
        m_dir.write(QStringLiteral("broken.json"), QByteArray("{\"service\": [unterminated"));
        const test::ProcessResult r =
            gui({QStringLiteral("--db"), m_db, QStringLiteral("--profile"),
                 m_dir.file(QStringLiteral("broken.json")), QStringLiteral("--verbose"),
                 QStringLiteral("--screenshot"), m_dir.file(QStringLiteral("shots-default"))});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("broken.json"), r.err.constData());
        // --verbose copies the log to stderr.
        QVERIFY2(r.err.contains("opened " + m_db.toUtf8()), r.err.constData());
    }

    // An incident that is not there leaves the window with the newest one, and says nothing
    // alarming; a file that is not a database is refused and left as it was.
    void unknownSelectionAndForeignFile()
    {
        test::ProcessResult r =
            gui({QStringLiteral("--db"), m_db, QStringLiteral("--select"),
                 QStringLiteral("#incident-1999-01-01-001"), QStringLiteral("--screenshot"),
                 m_dir.file(QStringLiteral("shots-unknown"))});
        QVERIFY2(r.code == 0, r.err.constData());

        m_dir.write(QStringLiteral("notes.sqlite"), QByteArray("shopping list\n"));
        r = gui({QStringLiteral("--db"), m_dir.file(QStringLiteral("notes.sqlite")),
                 QStringLiteral("--quit-after-first-paint")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("notes.sqlite"), r.err.constData());
        QCOMPARE(test::readFile(m_dir.file(QStringLiteral("notes.sqlite"))),
                 QByteArray("shopping list\n"));
    }
};

QTEST_GUILESS_MAIN(TestAppStartup)
#include "test_app_startup.moc"
