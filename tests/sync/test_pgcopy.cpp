// The COPY text the sync writes, checked by the server that reads it: every kind of character a
// commander can type (tabs, backslashes, line breaks, accents, CJK, emoji, a lone surrogate from
// a broken paste) reaches a text column and a JSON value unchanged, or as "?" where UTF-8 has
// no form for it. And the ways a COPY can fail say so instead of leaving the connection stuck.

#include "sync/pg.h"
#include "testsupport.h"

#include <QTest>

using namespace idesk;
using namespace idesk::sync;

class TestPgCopy : public QObject
{
    Q_OBJECT

    static QList<QString> texts()
    {
        QString lone;
        lone += u"before ";
        lone += QChar(0xD83D); // the first half of an emoji, cut by a paste
        lone += u" after";
        return {QString(),
                QStringLiteral(""),
                QStringLiteral("plain ASCII"),
                QStringLiteral("tab\there, line\nbreak, return\r, back\\slash, \\N, quote \""),
                QStringLiteral("Ärger über Störung — naïve café"),
                QStringLiteral("障害が発生しました"),
                QStringLiteral("🔥 rollback 🚀 done 👍🏽"),
                lone,
                QStringLiteral("\u0001 control \u001f and DEL \u007f")};
    }

    static QString expected(const QString &text)
    {
        // UTF-8 has no form for a lone surrogate: the server gets '?' for it, the same as
        // QString::toUtf8 gives the exports, so every site ends up with the same bytes.
        if (text.isEmpty())
            return text; // null stays NULL, empty stays empty
        QString out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                out += c;
                out += text[++i];
            } else {
                out += c.isSurrogate() ? QChar(u'?') : c;
            }
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void fieldsEscapedAsTheServerReadsThem()
    {
        // Without a server: the bytes of a field are the UTF-8 with COPY's escapes.
        QByteArray row;
        appendCopyField(row, QStringView(u"a\tb\\c\nd\re"));
        QCOMPARE(row, QByteArray("a\\tb\\\\c\\nd\\re"));
        row.clear();
        appendCopyField(row, QStringView());
        QCOMPARE(row, QByteArray("\\N"));
        row.clear();
        appendCopyField(row, QByteArrayView("x\ty\xc3\xa9"));
        QCOMPARE(row, QByteArray("x\\ty\xc3\xa9"));
        for (const QString &t : texts()) {
            if (t.isNull())
                continue;
            QByteArray fromView, fromBytes;
            appendCopyField(fromView, QStringView(t));
            appendCopyField(fromBytes, QByteArrayView(t.toUtf8()));
            QCOMPARE(fromView, fromBytes);
        }
    }

    void everyTextSurvivesTheServer()
    {
        IDESK_NEED_PG();
        PgConnection c(test::pgConninfo());
        c.exec(QStringLiteral("CREATE TEMP TABLE idesk_copy (n int PRIMARY KEY, t text, j json)"));
        const QList<QString> all = texts();
        QByteArray rows;
        for (int n = 0; n < all.size(); ++n) {
            rows += QByteArray::number(n) + '\t';
            appendCopyField(rows, QStringView(all[n]));
            rows += '\t';
            if (all[n].isNull()) {
                rows += "\\N";
            } else {
                rows += "{\"v\":";
                appendCopyJsonString(rows, all[n]);
                rows += '}';
            }
            rows += '\n';
        }
        QCOMPARE(c.copyIn(QStringLiteral("COPY idesk_copy (n, t, j) FROM STDIN"), rows),
                 qint64(all.size()));
        const PgResult r =
            c.exec(QStringLiteral("SELECT n, t, j->>'v' FROM idesk_copy ORDER BY n"));
        QCOMPARE(r.rows(), int(all.size()));
        for (int n = 0; n < all.size(); ++n) {
            const QString want = expected(all[n]);
            QCOMPARE(r.isNull(n, 1), want.isNull());
            QCOMPARE(r.text(n, 1), want);
            if (!want.isNull())
                QCOMPARE(r.text(n, 2), want);
        }
    }

    void refusedCopyLeavesTheConnectionUsable()
    {
        IDESK_NEED_PG();
        PgConnection c(test::pgConninfo());
        c.exec(QStringLiteral("CREATE TEMP TABLE idesk_copy2 (n int PRIMARY KEY)"));
        // A row the server refuses (a duplicate key): the whole COPY fails, says why, and the
        // connection takes the next statement.
        try {
            c.copyIn(QStringLiteral("COPY idesk_copy2 (n) FROM STDIN"), "1\n1\n");
            QFAIL("a duplicate key was accepted");
        } catch (const SyncError &e) {
            QCOMPARE(e.code(), SyncError::Code::Server);
            QVERIFY2(e.message().contains(QStringLiteral("duplicate key")),
                     qPrintable(e.message()));
        }
        QVERIFY(c.isOk());
        QCOMPARE(c.exec(QStringLiteral("SELECT count(*) FROM idesk_copy2")).integer(0, 0), 0);
        // A COPY of a table that does not exist is refused before any row is sent.
        try {
            c.copyBegin(QStringLiteral("COPY idesk_missing (n) FROM STDIN"));
            QFAIL("a COPY into a missing table began");
        } catch (const SyncError &e) {
            QCOMPARE(e.code(), SyncError::Code::Server);
        }
        // A COPY abandoned by the client rolls back what it had sent.
        c.copyBegin(QStringLiteral("COPY idesk_copy2 (n) FROM STDIN"));
        c.copyPut("5\n");
        c.copyAbort();
        QVERIFY(c.isOk());
        QCOMPARE(c.exec(QStringLiteral("SELECT count(*) FROM idesk_copy2")).integer(0, 0), 0);
    }

    void connectionKilledMidCopy()
    {
        IDESK_NEED_PG();
        PgConnection c(test::pgConninfo());
        PgConnection admin(test::pgConninfo());
        c.exec(QStringLiteral("CREATE TEMP TABLE idesk_copy3 (n int)"));
        c.copyBegin(QStringLiteral("COPY idesk_copy3 (n) FROM STDIN"));
        c.copyPut("1\n");
        admin.exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"),
                   {QString::number(c.backendPid())});
        // The server is gone: whichever call notices first says the connection was lost.
        try {
            QByteArray more;
            for (int n = 0; n < 50000; ++n)
                more += "2\n";
            c.copyPut(more);
            c.copyEnd();
            QFAIL("a COPY on a terminated connection succeeded");
        } catch (const SyncError &e) {
            QCOMPARE(e.code(), SyncError::Code::Unreachable);
        }
        QVERIFY(!c.isOk());
        try {
            c.exec(QStringLiteral("SELECT 1"));
            QFAIL("a statement on a lost connection ran");
        } catch (const SyncError &e) {
            QCOMPARE(e.code(), SyncError::Code::Unreachable);
        }
    }

    void missingValueIsSqlNull()
    {
        IDESK_NEED_PG();
        PgConnection c(test::pgConninfo());
        // A parameter without a value reaches the server as NULL; an empty text stays ''.
        const PgResult r = c.exec(QStringLiteral("SELECT $1::text IS NULL, $2::text IS NULL"),
                                  {std::nullopt, QStringLiteral("")});
        QCOMPARE(r.text(0, 0), QStringLiteral("t"));
        QCOMPARE(r.text(0, 1), QStringLiteral("f"));
    }

    void unparsableConninfoIsAConfigError()
    {
        try {
            checkConninfo(QStringLiteral("host=127.0.0.1 'unterminated"));
            QFAIL("an unparsable conninfo was accepted");
        } catch (const SyncError &e) {
            QCOMPARE(e.code(), SyncError::Code::Config);
            QVERIFY2(e.message().contains(QStringLiteral("not a valid conninfo")),
                     qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPgCopy)
#include "test_pgcopy.moc"
