#include "cli/cli.h"
#include "core/incidentjson.h"
#include "testsupport.h"
#include "testsupport/clirunner.h"
#include "testsupport/damageddb.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <utility>

using namespace idesk;

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void declareListShowEvent()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("db.sqlite"));
        const test::CliResult d = test::runCli(
            db, {QStringLiteral("declare"), QStringLiteral("--title"),
                 QStringLiteral("Orders failing"), QStringLiteral("--severity"),
                 QStringLiteral("P1"), QStringLiteral("--commander"), QStringLiteral("john.doe"),
                 QStringLiteral("--started"), QStringLiteral("2024-01-15T14:30:00Z")});
        QCOMPARE(d.code, 0);
        const QStringList parts = d.out.trimmed().split(QLatin1Char('\t'));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[1], QStringLiteral("#incident-2024-01-15-001"));
        const QString id = parts[0];

        const test::CliResult second =
            test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title=Second"),
                              QStringLiteral("--severity=p3"),
                              QStringLiteral("--started=2024-01-15T20:00:00+02:00")});
        QCOMPARE(second.code, 0);
        QVERIFY(second.out.contains(QStringLiteral("#incident-2024-01-15-002")));

        const test::CliResult list =
            test::runCli(db, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.code, 0);
        const QJsonArray arr = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2);

        const test::CliResult ev =
            test::runCli(db, {QStringLiteral("event"), id.left(8), QStringLiteral("--text"),
                              QStringLiteral("Rolled back backend"), QStringLiteral("--kind"),
                              QStringLiteral("action"), QStringLiteral("--at"),
                              QStringLiteral("2024-01-15T14:45:00Z"), QStringLiteral("--author"),
                              QStringLiteral("jane")});
        QCOMPARE(ev.code, 0);
        const test::CliResult show =
            test::runCli(db, {QStringLiteral("show"), QStringLiteral("#incident-2024-01-15-001")});
        QCOMPARE(show.code, 0);
        QVERIFY(show.out.contains(QStringLiteral("Orders failing")));
        QVERIFY(show.out.contains(QStringLiteral("2024-01-15 14:45:00")));
        QVERIFY(show.out.contains(QStringLiteral("jane: Rolled back backend")));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message"); // what stderr names; nothing at all on success
        QTest::newRow("no command") << QStringList{} << 2 << QStringLiteral("Usage:");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("unknown global option")
            << QStringList{QStringLiteral("--nope")} << 2 << QStringLiteral("nope");
        QTest::newRow("declare without title")
            << QStringList{QStringLiteral("declare"), QStringLiteral("--severity"),
                           QStringLiteral("P1")}
            << 2 << QStringLiteral("--title");
        QTest::newRow("declare bad severity")
            << QStringList{QStringLiteral("declare"), QStringLiteral("--title"),
                           QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("P7")}
            << 2 << QStringLiteral("--severity must be P0, P1, P2 or P3");
        QTest::newRow("declare bad time")
            << QStringList{QStringLiteral("declare"),  QStringLiteral("--title"),
                           QStringLiteral("x"),        QStringLiteral("--severity"),
                           QStringLiteral("P1"),       QStringLiteral("--started"),
                           QStringLiteral("yesterday")}
            << 2 << QStringLiteral("--started expects an ISO 8601 time");
        QTest::newRow("declare unknown option")
            << QStringList{QStringLiteral("declare"), QStringLiteral("--title"),
                           QStringLiteral("x"),       QStringLiteral("--severity"),
                           QStringLiteral("P1"),      QStringLiteral("--sev")}
            << 2 << QStringLiteral("--sev");
        QTest::newRow("option without value")
            << QStringList{QStringLiteral("declare"), QStringLiteral("--title")} << 2
            << QStringLiteral("--title");
        QTest::newRow("show unknown id")
            << QStringList{QStringLiteral("show"), QStringLiteral("deadbeef")} << 3
            << QStringLiteral("deadbeef");
        QTest::newRow("event unknown id")
            << QStringList{QStringLiteral("event"), QStringLiteral("deadbeef"),
                           QStringLiteral("--text"), QStringLiteral("x")}
            << 3 << QStringLiteral("deadbeef");
        QTest::newRow("export unknown id")
            << QStringList{QStringLiteral("export"), QStringLiteral("deadbeef")} << 3
            << QStringLiteral("deadbeef");
        QTest::newRow("import missing file")
            << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent/x.json")} << 3
            << QStringLiteral("/nonexistent/x.json");
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QString();
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0 << QString();
        QTest::newRow("command help")
            << QStringList{QStringLiteral("declare"), QStringLiteral("--help")} << 0 << QString();
        QTest::newRow("list") << QStringList{QStringLiteral("list")} << 0 << QString();
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        test::TempDir dir;
        const test::CliResult r = test::runCli(dir.file(QStringLiteral("db.sqlite")), args);
        QCOMPARE(r.code, code);
        if (code == 0)
            QCOMPARE(r.err, QString());
        else
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void dataErrorsOnBadDatabases_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("hello, I am not a database\n");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QByteArray fake("SQLite format 3\0", 16);
        fake += QByteArray(4096, '\xAB');
        QTest::newRow("sqlite header, garbage body") << fake;
    }

    void dataErrorsOnBadDatabases()
    {
        QFETCH(QByteArray, bytes);
        test::TempDir dir;
        dir.write(QStringLiteral("bad.sqlite"), bytes);
        const test::CliResult r =
            test::runCli(dir.file(QStringLiteral("bad.sqlite")), {QStringLiteral("list")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QStringLiteral("bad.sqlite")));
        QCOMPARE(test::readFile(dir.file(QStringLiteral("bad.sqlite"))), bytes);
    }

    void damagedPagesAreRefused()
    {
        // The header, the schema and the size are sound: only a read of every page finds it.
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("damaged.sqlite"));
        QVERIFY(test::writeDamagedDatabase(db));
        const QByteArray bytes = test::readFile(db);
        const test::CliResult r = test::runCli(db, {QStringLiteral("list")});
        QCOMPARE(r.code, 3);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(QStringLiteral("The database %1 is damaged").arg(db)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("restore it from a backup")), qPrintable(r.err));
        QCOMPARE(test::readFile(db), bytes);
    }

    void exportImportRoundTrip()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        const test::CliResult d =
            test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"),
                              QStringLiteral("Zahlungen fehlgeschlagen — 決済 🚨"),
                              QStringLiteral("--severity"), QStringLiteral("P0")});
        QCOMPARE(d.code, 0);
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        QCOMPARE(test::runCli(db, {QStringLiteral("event"), id, QStringLiteral("--text"),
                                   QStringLiteral("pipes | and `ticks`"), QStringLiteral("--pin")})
                     .code,
                 0);
        const QString first = dir.file(QStringLiteral("first.json"));
        QCOMPARE(test::runCli(db, {QStringLiteral("export"), id, QStringLiteral("--format"),
                                   QStringLiteral("json"), QStringLiteral("-o"), first})
                     .code,
                 0);
        const QByteArray firstBytes = test::readFile(first);
        QVERIFY(firstBytes.contains("\"schema\": \"incidentdesk.incident/1\""));

        const QString empty = dir.file(QStringLiteral("b.sqlite"));
        const test::CliResult imp = test::runCli(empty, {QStringLiteral("import"), first});
        QCOMPARE(imp.code, 0);
        const test::CliResult again =
            test::runCli(empty, {QStringLiteral("export"), id, QStringLiteral("--format"),
                                 QStringLiteral("json")});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out.toUtf8(), firstBytes);
        // Importing the same incident twice is refused and changes nothing.
        QCOMPARE(test::runCli(empty, {QStringLiteral("import"), first}).code, 3);
    }

    void exportMarkdownRedactsByDefault()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        const test::CliResult d =
            test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"),
                              QStringLiteral("Checkout down"), QStringLiteral("--severity"),
                              QStringLiteral("P1")});
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        QCOMPARE(
            test::runCli(
                db, {QStringLiteral("event"), id, QStringLiteral("--pin"), QStringLiteral("--text"),
                     QStringLiteral("Found DATABASE_URL=postgres://app:hunter2@db:5432/shop")})
                .code,
            0);
        const test::CliResult md = test::runCli(
            db, {QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("md")});
        QCOMPARE(md.code, 0);
        QVERIFY(md.out.startsWith(QStringLiteral("# Post-Mortem: Checkout down")));
        QVERIFY(md.out.contains(QStringLiteral("## Timeline")));
        QVERIFY(!md.out.contains(QStringLiteral("hunter2")));
        QVERIFY2(md.err.contains(QStringLiteral("redacted")), qPrintable(md.err));

        const QString file = dir.file(QStringLiteral("pm.md"));
        const test::CliResult raw = test::runCli(
            db, {QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("md"),
                 QStringLiteral("--no-redact"), QStringLiteral("-o"), file});
        QCOMPARE(raw.code, 0);
        QVERIFY(test::readFile(file).contains("hunter2"));
        QCOMPARE(test::runCli(db, {QStringLiteral("export"), id, QStringLiteral("--format"),
                                   QStringLiteral("pdf")})
                     .code,
                 2);
    }

    void importMalformedChangesNothing()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        const test::CliResult d = test::runCli(
            db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("x"),
                 QStringLiteral("--severity"), QStringLiteral("P2")});
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        const test::CliResult exp = test::runCli(db, {QStringLiteral("export"), id});
        const QByteArray good = exp.out.toUtf8();
        const QString target = dir.file(QStringLiteral("target.sqlite"));
        QCOMPARE(test::runCli(target, {QStringLiteral("list")}).code, 0);
        for (int cut : {1, 10, int(good.size() / 2), int(good.size()) - 3}) {
            dir.write(QStringLiteral("cut.json"), good.left(cut));
            const test::CliResult r = test::runCli(
                target, {QStringLiteral("import"), dir.file(QStringLiteral("cut.json"))});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains(QStringLiteral("cut.json")), qPrintable(r.err));
        }
        QCOMPARE(
            test::runCli(target, {QStringLiteral("list"), QStringLiteral("--json")}).out.trimmed(),
            QStringLiteral("[\n]"));
    }

    // A hostile or lenient file is refused like any malformed one: exit 3, a message naming the
    // file and the JSON path, and the database exactly as it was.
    void hostileImportsRefused_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("message"); // a fragment of stderr
        QTest::newRow("unedited") << QStringLiteral("none") << QString();
        QTest::newRow("1e999") << QStringLiteral("huge-float")
                               << QStringLiteral("$.incident.escalationLevel: expected a number");
        QTest::newRow("million digits")
            << QStringLiteral("huge-integer")
            << QStringLiteral("$.events[0].revision: expected a number");
        QTest::newRow("duplicate key")
            << QStringLiteral("duplicate-key")
            << QStringLiteral("$.incident.title: expected each key once");
        QTest::newRow("NUL then garbage") << QStringLiteral("nul") << QStringLiteral("a NUL byte");
        QTest::newRow("id not a UUID")
            << QStringLiteral("short-id") << QStringLiteral("$.incident.id: expected a UUID");
        QTest::newRow("channel taken")
            << QStringLiteral("same-channel") << QStringLiteral("already belongs to incident");
        QTest::newRow("stamp far ahead") << QStringLiteral("future-stamp")
                                         << QStringLiteral("$.incident.stamp.hlc: expected an HLC "
                                                           "stamp <ms>-<counter>");
        QTest::newRow("duplicate revision")
            << QStringLiteral("duplicate-revision")
            << QStringLiteral("$.events[1].revision: expected a revision of event");
        QTest::newRow("deleted incident")
            << QStringLiteral("deleted") << QStringLiteral("$.incident.deleted: expected false");
    }

    void hostileImportsRefused()
    {
        QFETCH(QString, edit);
        QFETCH(QString, message);
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        const test::CliResult d = test::runCli(
            db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Mine"),
                 QStringLiteral("--severity"), QStringLiteral("P2")});
        QCOMPARE(d.code, 0);
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        QCOMPARE(test::runCli(db, {QStringLiteral("event"), id, QStringLiteral("--text"),
                                   QStringLiteral("x")})
                     .code,
                 0);
        // An incident from another database, on a channel of its own: a file this database
        // would import, but for the one edit made to it below.
        const QString elsewhere = dir.file(QStringLiteral("b.sqlite"));
        const QByteArray otherId =
            test::runCli(elsewhere, {QStringLiteral("declare"), QStringLiteral("--title"),
                                     QStringLiteral("Mine"), QStringLiteral("--severity"),
                                     QStringLiteral("P2")})
                .out.section(QLatin1Char('\t'), 0, 0)
                .toUtf8();
        QCOMPARE(test::runCli(elsewhere, {QStringLiteral("event"), QString::fromUtf8(otherId),
                                          QStringLiteral("--text"), QStringLiteral("y")})
                     .code,
                 0);
        QByteArray doc =
            test::runCli(elsewhere, {QStringLiteral("export"), QString::fromUtf8(otherId)})
                .out.toUtf8();
        doc.replace("#incident-", "#elsewhere-");
        const auto replaceFirst = [&doc](const QByteArray &from, const QByteArray &to) {
            const auto at = doc.indexOf(from);
            QVERIFY2(at >= 0, from.constData());
            doc.replace(at, from.size(), to);
        };
        if (edit == u"none") {
        } else if (edit == u"huge-float") {
            replaceFirst("\"escalationLevel\": 1", "\"escalationLevel\": 1e999");
        } else if (edit == u"huge-integer") {
            replaceFirst("\"revision\": 1", "\"revision\": " + QByteArray(1000000, '9'));
        } else if (edit == u"duplicate-key") {
            replaceFirst("\"title\": \"Mine\"", "\"title\": \"Mine\", \"title\": \"Theirs\"");
        } else if (edit == u"nul") {
            doc += QByteArray("\0{\"incident\": 1}", 16);
        } else if (edit == u"short-id") {
            doc.replace(otherId, id.left(8).toUtf8());
        } else if (edit == u"same-channel") {
            doc.replace("#elsewhere-", "#incident-");
        } else if (edit == u"future-stamp") {
            const auto at = doc.indexOf("\"hlc\": \"") + 8;
            doc.replace(at, doc.indexOf('"', at) - at, "999999999999999-4294967295");
        } else if (edit == u"duplicate-revision") {
            const auto open = doc.indexOf("\"events\": [") + 11;
            const auto close = doc.indexOf("\n    }", open) + 6;
            QByteArray copy = doc.mid(open, close - open);
            const auto idAt = copy.indexOf("\"id\": \"") + 7;
            copy.replace(idAt, 36, "0b5e7c1d-2f3a-4c5d-8e9f-a0b1c2d3e4f6");
            doc.insert(close, "," + copy);
        } else if (edit == u"deleted") {
            replaceFirst("\"deleted\": false", "\"deleted\": true");
        }
        dir.write(QStringLiteral("hostile.json"), doc);

        const auto state = [&db, &id] {
            return test::runCli(db, {QStringLiteral("list"), QStringLiteral("--json")}).out +
                   test::runCli(db, {QStringLiteral("export"), id}).out;
        };
        const QString before = state();
        const test::CliResult r =
            test::runCli(db, {QStringLiteral("import"), dir.file(QStringLiteral("hostile.json"))});
        if (edit == u"none") {
            // The control: without the edit, the file imports.
            QCOMPARE(r.code, 0);
            return;
        }
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("hostile.json")) ||
                     r.err.contains(QStringLiteral("Nothing was changed")),
                 qPrintable(r.err));
        QCOMPARE(state(), before);
    }

    void hugeNumberExitsCleanlyFromTheBinary()
    {
        // The abort came from an uncaught exception, so the real process is checked too.
        test::TempDir dir;
        dir.write(QStringLiteral("huge.json"), QByteArray("{\"schema\": 1e999}"));
        QProcess p;
        p.start(QStringLiteral(IDESK_CLI_BINARY),
                {QStringLiteral("--db"), dir.file(QStringLiteral("db.sqlite")),
                 QStringLiteral("import"), dir.file(QStringLiteral("huge.json"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAllStandardError().contains("$.schema: expected a number within the range"));
    }

    void ambiguousNamesListTheMatches()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        const test::CliResult d = test::runCli(
            db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Mine"),
                 QStringLiteral("--severity"), QStringLiteral("P2")});
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        // An incident from elsewhere whose channel is named like the first one's short id.
        const QString elsewhere = dir.file(QStringLiteral("b.sqlite"));
        const QByteArray otherId =
            test::runCli(elsewhere, {QStringLiteral("declare"), QStringLiteral("--title"),
                                     QStringLiteral("Theirs"), QStringLiteral("--severity"),
                                     QStringLiteral("P2")})
                .out.section(QLatin1Char('\t'), 0, 0)
                .toUtf8();
        QByteArray doc =
            test::runCli(elsewhere, {QStringLiteral("export"), QString::fromUtf8(otherId)})
                .out.toUtf8();
        const auto at = doc.indexOf("\"channel\": \"") + 12;
        doc.replace(at, doc.indexOf('"', at) - at, "#" + id.left(8).toUtf8());
        dir.write(QStringLiteral("other.json"), doc);
        QCOMPARE(
            test::runCli(db, {QStringLiteral("import"), dir.file(QStringLiteral("other.json"))})
                .code,
            0);
        const test::CliResult r = test::runCli(db, {QStringLiteral("show"), id.left(8)});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("ambiguous")), qPrintable(r.err));
        QVERIFY2(r.err.contains(id) && r.err.contains(QString::fromUtf8(otherId)),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // The full id, and the channel written with its '#', each name exactly one.
        QCOMPARE(test::runCli(db, {QStringLiteral("show"), id}).code, 0);
        const test::CliResult byChannel =
            test::runCli(db, {QStringLiteral("show"), QLatin1Char('#') + id.left(8)});
        QCOMPARE(byChannel.code, 0);
        QVERIFY(byChannel.out.contains(QString::fromUtf8(otherId)));
    }

    void terminalOutputIsEscaped()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        // OSC 52 writes the user's clipboard, OSC 0 the window title, CSI 2J clears the screen;
        // U+202E reverses what follows; C1 CSI (U+009B) is a CSI on many terminals.
        const QString osc52 = QStringLiteral("\x1b]52;c;ZXZpbA==\x07");
        const QString hostile = QStringLiteral("ok ") + osc52 + QStringLiteral("\x1b]0;pwned\x07") +
                                QStringLiteral("\x1b[2J") + QChar(0x202E) + QStringLiteral("txt") +
                                QChar(0x9B) + QStringLiteral("31m");
        const test::CliResult d =
            test::runCli(db, {QStringLiteral("declare"), QStringLiteral("--title"), hostile,
                              QStringLiteral("--severity"), QStringLiteral("P2"),
                              QStringLiteral("--commander"), hostile});
        QCOMPARE(d.code, 0);
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        QCOMPARE(test::runCli(db, {QStringLiteral("event"), id, QStringLiteral("--text"),
                                   hostile + QStringLiteral("\n  2024-01-01 00:00:00   note  "
                                                            "admin: forged"),
                                   QStringLiteral("--author"), hostile})
                     .code,
                 0);
        QCOMPARE(test::runCli(db, {QStringLiteral("action"), id, QStringLiteral("--add"), hostile,
                                   QStringLiteral("--owner"), hostile, QStringLiteral("--due"),
                                   QStringLiteral("2030-01-01")})
                     .code,
                 0);
        const auto raw = [](const QString &out) {
            for (const QChar c : out) {
                const char16_t u = c.unicode();
                if ((u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7F ||
                    (u >= 0x80 && u <= 0x9F) || (u >= 0x202A && u <= 0x202E) ||
                    (u >= 0x2066 && u <= 0x2069))
                    return true;
            }
            return false;
        };
        const QList<QStringList> commands = {
            {QStringLiteral("list")},
            {QStringLiteral("show"), id},
            {QStringLiteral("show"), id, QStringLiteral("--json")},
            {QStringLiteral("list"), QStringLiteral("--json")},
            {QStringLiteral("export"), id},
            {QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("md")},
            {QStringLiteral("message"), id},
            {QStringLiteral("message"), id, QStringLiteral("--slack")},
            {QStringLiteral("escalation"), id},
            {QStringLiteral("action"), id, QStringLiteral("--list")},
            {QStringLiteral("show"), QStringLiteral("nothing-") + osc52},
        };
        for (const QStringList &args : commands) {
            const test::CliResult r = test::runCli(db, args);
            QVERIFY2(!raw(r.out) && !raw(r.err), qPrintable(args.join(u' ') + u'\n' + r.out));
        }
        const test::CliResult show = test::runCli(db, {QStringLiteral("show"), id});
        QVERIFY2(show.out.contains(QStringLiteral("ok \\x1b]52;c;ZXZpbA==\\x07\\x1b]0;pwned\\x07"
                                                  "\\x1b[2J\\u202etxt\\u009b31m")),
                 qPrintable(show.out));
        // The newline in the event text is shown, not obeyed: no forged timeline line.
        QVERIFY2(
            show.out.contains(QStringLiteral("\\n  2024-01-01 00:00:00   note  admin: forged")),
            qPrintable(show.out));
        QVERIFY(!show.out.contains(QStringLiteral("\n  2024-01-01 00:00:00")));
        // JSON stays faithful: the encoder's escapes read back as the text that was stored.
        const QJsonObject bundle =
            QJsonDocument::fromJson(
                test::runCli(db, {QStringLiteral("show"), id, QStringLiteral("--json")})
                    .out.toUtf8())
                .object();
        QCOMPARE(bundle.value(QStringLiteral("incident"))
                     .toObject()
                     .value(QStringLiteral("title"))
                     .toString(),
                 hostile);
    }

    void jsonListsEventsInTimelineOrder()
    {
        test::TempDir dir;
        const QString db = dir.file(QStringLiteral("a.sqlite"));
        const test::CliResult d = test::runCli(
            db, {QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("t"),
                 QStringLiteral("--severity"), QStringLiteral("P2"), QStringLiteral("--started"),
                 QStringLiteral("2024-01-15T14:00:00Z")});
        const QString id = d.out.section(QLatin1Char('\t'), 0, 0);
        // Recorded late, happened early: the order they are written in is not the timeline's.
        for (const auto &[at, text] : {std::pair{"2024-01-15T15:00:00Z", "third"},
                                       std::pair{"2024-01-15T14:10:00Z", "first"},
                                       std::pair{"2024-01-15T14:30:00Z", "second"}})
            QCOMPARE(test::runCli(db, {QStringLiteral("event"), id, QStringLiteral("--text"),
                                       QString::fromUtf8(text), QStringLiteral("--at"),
                                       QString::fromUtf8(at)})
                         .code,
                     0);
        QStringList shown;
        for (const QString &line : test::runCli(db, {QStringLiteral("show"), id}).out.split(u'\n'))
            for (const char *t : {"first", "second", "third"})
                if (line.endsWith(QStringLiteral(": ") + QString::fromUtf8(t)))
                    shown << QString::fromUtf8(t);
        QCOMPARE(shown, (QStringList{QStringLiteral("first"), QStringLiteral("second"),
                                     QStringLiteral("third")}));
        for (const QStringList &args :
             {QStringList{QStringLiteral("show"), id, QStringLiteral("--json")},
              QStringList{QStringLiteral("export"), id, QStringLiteral("--format"),
                          QStringLiteral("json")}}) {
            QStringList listed;
            const QJsonArray events = QJsonDocument::fromJson(test::runCli(db, args).out.toUtf8())
                                          .object()
                                          .value(QStringLiteral("events"))
                                          .toArray();
            for (const auto &e : events)
                if (const QString t = e.toObject().value(QStringLiteral("text")).toString();
                    shown.contains(t))
                    listed << t;
            QCOMPARE(listed, shown);
        }
    }

    void realBinaries()
    {
        test::TempDir dir;
        // A private HOME and XDG folders: the binaries must not read the user's last profile or
        // write to the user's log.
        QProcessEnvironment env = test::privateEnvironment(dir.file(QStringLiteral("env")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const auto run = [&](const QString &program, const QStringList &args) {
            return test::runProcess(program, args, env);
        };
        const QString cli = QStringLiteral(IDESK_CLI_BINARY);
        const QString gui = QStringLiteral(IDESK_GUI_BINARY);

        test::ProcessResult r =
            run(cli, {QStringLiteral("--db"), dir.file(QStringLiteral("db.sqlite")),
                      QStringLiteral("declare"), QStringLiteral("--title"),
                      QStringLiteral("From a shell"), QStringLiteral("--severity"),
                      QStringLiteral("P2")});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("#incident-"));

        r = run(cli, {QStringLiteral("--version")});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("incidentdesk-cli "));

        r = run(cli, {QStringLiteral("--db"), dir.file(QStringLiteral("db.sqlite")),
                      QStringLiteral("show"), QStringLiteral("deadbeef")});
        QCOMPARE(r.code, 3);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains("deadbeef"), r.err.constData());

        // The GUI takes --help and --version from QCommandLineParser as well.
        r = run(gui, {QStringLiteral("--version")});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(INCIDENTDESK_VERSION));

        // The GUI refuses a corrupt database with exit code 3 instead of crashing or overwriting.
        dir.write(QStringLiteral("bad.sqlite"), QByteArray("not a database"));
        r = run(gui, {QStringLiteral("--db"), dir.file(QStringLiteral("bad.sqlite")),
                      QStringLiteral("--screenshot"), dir.file(QStringLiteral("shots"))});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("is not an IncidentDesk database"), r.err.constData());
        QCOMPARE(test::readFile(dir.file(QStringLiteral("bad.sqlite"))),
                 QByteArray("not a database"));

        // The log the binaries keep went into the private folders.
        QDirIterator logs(dir.file(QStringLiteral("env")), {QStringLiteral("*.log")}, QDir::Files,
                          QDirIterator::Subdirectories);
        QVERIFY2(logs.hasNext(), "no log in the private XDG folders");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
