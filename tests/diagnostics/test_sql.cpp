#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/sqlprobe.h"
#include "loopback.h"
#include "runhelper.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <csignal>
#include <functional>
#include <future>
#include <sys/types.h>

using namespace idesk;
using namespace idesk::diag;
using namespace idesk::test;

namespace {

DiagnosticCheck sqlCheck(const QString &query, int timeoutSeconds = 10)
{
    DiagnosticCheck c;
    c.id = QStringLiteral("sql");
    c.group = QStringLiteral("Database");
    c.title = QStringLiteral("sql");
    c.kind = QStringLiteral("sql");
    c.query = query;
    c.timeoutSeconds = timeoutSeconds;
    return c;
}

SqlOutcome direct(const QString &conninfo, const QString &query, bool readWrite = false,
                  const QString &passfile = {})
{
    SqlOptions o;
    o.conninfo = conninfo;
    o.passfile = passfile;
    const std::atomic<bool> never{false};
    return runSql(o, query, 10, readWrite, never);
}

// A PostgreSQL server that speaks just enough of the wire protocol for libpq to connect and send
// statements, and answers each statement as the test's script says: how a pooler in front of the
// database, a crashed backend or a server that answers nonsense looks to the probe.
class ScriptedPgServer : public QTcpServer
{
public:
    // Bytes to send once the statement's Sync arrived; an empty answer means silence.
    using Script = std::function<QByteArray(const QByteArray &statement)>;
    static constexpr char kClose[] = "close";

    explicit ScriptedPgServer(Script script) : m_script(std::move(script))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                serve(s);
        });
    }
    bool start() { return listen(QHostAddress::LocalHost); }
    QString conninfo() const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 user=ops dbname=shop sslmode=disable "
                              "gssencmode=disable")
            .arg(serverPort());
    }
    const QByteArrayList &statements() const { return m_statements; }
    int cancelRequests() const { return m_cancels; }
    // What a cancel request makes the server send on the session it cancels.
    void setCancelAnswer(QByteArray answer) { m_cancelAnswer = std::move(answer); }

    static QByteArray message(char type, const QByteArray &body)
    {
        QByteArray m(1, type);
        const quint32 n = quint32(body.size() + 4);
        for (int shift = 24; shift >= 0; shift -= 8)
            m += char((n >> shift) & 0xff);
        return m + body;
    }
    static QByteArray ready(char state = 'I') { return message('Z', QByteArray(1, state)); }
    // What the server sends for a statement that returns no rows, up to its completion tag.
    static QByteArray completed(const QByteArray &tag)
    {
        return message('1', {}) + message('2', {}) + message('n', {}) + message('C', tag + '\0');
    }
    static QByteArray error(const QByteArray &sqlState, const QByteArray &text)
    {
        QByteArray body;
        body += 'S' + QByteArray("ERROR") + '\0';
        body += 'V' + QByteArray("ERROR") + '\0';
        body += 'C' + sqlState + '\0';
        body += 'M' + text + '\0';
        body += '\0';
        return message('E', body);
    }
    // The answers of a server that runs the session's set-up statements as PostgreSQL does.
    static QByteArray setupAnswer(const QByteArray &statement)
    {
        if (statement.startsWith("BEGIN"))
            return completed("BEGIN") + ready('T');
        if (statement.startsWith("SET"))
            return completed("SET") + ready('T');
        if (statement == "SELECT 1")
            return rows("?column?", "1") + ready('T');
        return {};
    }
    static QByteArray rows(const QByteArray &column, const QByteArray &value)
    {
        QByteArray desc("\0\1", 2);
        desc += column + '\0';
        desc += QByteArray(4, '\0') + QByteArray(2, '\0'); // table oid, attribute number
        desc += QByteArray::fromHex("00000019") + QByteArray::fromHex("ffff"); // text, varlena
        desc += QByteArray::fromHex("ffffffff") + QByteArray(2, '\0'); // typmod, text format
        QByteArray row("\0\1", 2);
        const quint32 n = quint32(value.size());
        for (int shift = 24; shift >= 0; shift -= 8)
            row += char((n >> shift) & 0xff);
        row += value;
        return message('1', {}) + message('2', {}) + message('T', desc) + message('D', row) +
               message('C', "SELECT 1" + QByteArray(1, '\0'));
    }

private:
    static quint32 be32(const QByteArray &b, int at)
    {
        return (quint32(quint8(b[at])) << 24) | (quint32(quint8(b[at + 1])) << 16) |
               (quint32(quint8(b[at + 2])) << 8) | quint32(quint8(b[at + 3]));
    }

    void serve(QTcpSocket *s)
    {
        auto started = std::make_shared<bool>(false);
        auto buffer = std::make_shared<QByteArray>();
        auto statement = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, this, [=, this] {
            *buffer += s->readAll();
            while (!*started) {
                if (buffer->size() < 8)
                    return;
                const quint32 len = be32(*buffer, 0);
                if (quint32(buffer->size()) < len)
                    return;
                const quint32 code = be32(*buffer, 4);
                buffer->remove(0, int(len));
                if (code == 80877103 || code == 80877104) { // SSL or GSS encryption: no
                    s->write("N");
                    continue;
                }
                if (code == 80877102) { // a cancel request for the session being served
                    ++m_cancels;
                    if (m_session && !m_cancelAnswer.isEmpty())
                        m_session->write(m_cancelAnswer);
                    s->disconnectFromHost();
                    return;
                }
                *started = true;
                m_session = s;
                s->write(message('R', QByteArray::fromHex("00000000")) +
                         message('S', QByteArray("server_version\0"
                                                 "16.0\0",
                                                 20)) +
                         message('S', QByteArray("client_encoding\0"
                                                 "UTF8\0",
                                                 21)) +
                         message('S', QByteArray("standard_conforming_strings\0"
                                                 "on\0",
                                                 31)) +
                         message('K', QByteArray::fromHex("0000303900000001")) + ready());
            }
            while (buffer->size() >= 5) {
                const char type = buffer->at(0);
                const quint32 len = be32(*buffer, 1);
                if (quint32(buffer->size()) < len + 1)
                    return;
                const QByteArray body = buffer->mid(5, int(len) - 4);
                buffer->remove(0, int(len) + 1);
                if (type == 'P') {
                    const int nameEnd = body.indexOf('\0');
                    *statement =
                        body.mid(nameEnd + 1, body.indexOf('\0', nameEnd + 1) - nameEnd - 1);
                } else if (type == 'S') {
                    m_statements << *statement;
                    const QByteArray answer = m_script(*statement);
                    if (answer == kClose) {
                        s->abort();
                        return;
                    }
                    s->write(answer);
                } else if (type == 'X') {
                    s->disconnectFromHost();
                    return;
                }
            }
        });
    }

    Script m_script;
    QPointer<QTcpSocket> m_session;
    QByteArrayList m_statements;
    QByteArray m_cancelAnswer;
    int m_cancels = 0;
};

} // namespace

class TestSql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void conninfoPasswordDetected_data();
    void conninfoPasswordDetected();
    void profileRefusesPassword();
    void conninfoWithPasswordRefusedBeforeConnecting();
    void unparsableConninfo();
    void tableTextAndJson();
    void refusedLeavesServerAlone();
    void nothingListeningIsClearError();
    void silentServerBoundedByConnectTimeout();
    // These need the server.
    void readOnlyCheckReturnsRows();
    void runbookDatabaseChecksRun();
    void thresholdOnSingleNumber();
    void writeRefusedByReadOnlyTransaction();
    void queryWithoutAStatement();
    void cannotEscapeReadOnlyTransaction();
    void sleepLongerThanTimeoutIsCancelled();
    void cancelStopsRunningQuery();
    void wrongPasswordIsClearError();
    void destructiveRunsReadWriteWhenConfirmed();
    void rowsCappedWithTruncatedFlag();
    void cancelWhileQueryRuns();
    void jobDestroyedWhileQueryRuns();
    void connectionLostMidQuery();
    void stoppedBackendIsBoundedByTheClientDeadline();
    void jobCancelledBeforeStart();
    // A scripted server on loopback: what a pooler, a crashed backend or a confused server sends.
    void poolerRefusesTheTransaction();
    void backendGoneWithoutAWord_data();
    void backendGoneWithoutAWord();
    void clientDeadlineCancelsWhatTheServerLetsRun();
    void cancelWhileTheSessionIsSetUp();
    void statementEndedWithoutAResult();
    void errorFollowedByCompletionStaysAnError();
    void missingLibpqSaysWhatIsMissing();

private:
    bool needServer();
    RunnerOptions options(const QString &conninfo) const;
    bool m_haveServer = false;
    QString m_serverProblem;
};

void TestSql::initTestCase()
{
    enterTestMode();
    if (test::pgConninfo().isEmpty()) {
        m_serverProblem = QStringLiteral("IDESK_TEST_PG is not set");
        return;
    }
    const SqlOutcome o = direct(test::pgConninfo(), QStringLiteral("SELECT 1"));
    m_haveServer = o.status == RunStatus::Pass;
    if (!m_haveServer)
        m_serverProblem =
            QStringLiteral("the server in IDESK_TEST_PG does not answer: ") + o.summary;
}

bool TestSql::needServer()
{
    if (m_haveServer)
        return true;
    if (test::pgRequired())
        QTest::qFail(qPrintable(QStringLiteral("PostgreSQL is required: ") + m_serverProblem),
                     __FILE__, __LINE__);
    else
        QTest::qSkip(qPrintable(m_serverProblem), __FILE__, __LINE__);
    return false;
}

RunnerOptions TestSql::options(const QString &conninfo) const
{
    RunnerOptions o;
    o.sql.conninfo = conninfo;
    o.sql.connectTimeoutSeconds = 5;
    o.kubectl.context = QStringLiteral("prod-ctx");
    o.kubectl.ns = QStringLiteral("shop");
    return o;
}

void TestSql::conninfoPasswordDetected_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<bool>("hasPassword");
    QTest::newRow("none") << QStringLiteral("host=db port=5432 user=ops dbname=shop") << false;
    QTest::newRow("service") << QStringLiteral("service=shop") << false;
    QTest::newRow("key") << QStringLiteral("host=db password=s3cret") << true;
    QTest::newRow("spaced") << QStringLiteral("host=db password = s3cret") << true;
    QTest::newRow("quoted") << QStringLiteral("application_name='a b' password='x y'") << true;
    QTest::newRow("quoted word") << QStringLiteral("options='-c password=1' user=x") << false;
    QTest::newRow("uri") << QStringLiteral("postgresql://ops@db:5432/shop") << false;
    QTest::newRow("uri userinfo") << QStringLiteral("postgresql://ops:pw@db/shop") << true;
    QTest::newRow("uri query") << QStringLiteral("postgres://db/shop?sslmode=require&password=pw")
                               << true;
    QTest::newRow("uri other query")
        << QStringLiteral("postgres://db/shop?sslmode=require") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestSql::conninfoPasswordDetected()
{
    QFETCH(QString, conninfo);
    QFETCH(bool, hasPassword);
    QCOMPARE(conninfoHasPassword(conninfo), hasPassword);
    // libpq's own parser agrees with the core's textual check.
    if (!conninfo.isEmpty())
        QCOMPARE(conninfoProblem(conninfo).contains(u"password"), hasPassword);
}

void TestSql::profileRefusesPassword()
{
    const auto withDatabase = [](const QJsonObject &database) {
        QJsonObject root = QJsonDocument::fromJson(profileToJson(defaultProfile())).object();
        root.insert(QStringLiteral("database"), database);
        return QJsonDocument(root).toJson();
    };
    try {
        parseProfile(withDatabase({{QStringLiteral("conninfo"),
                                    QStringLiteral("host=db user=ops password=hunter2")}}),
                     QStringLiteral("p.json"));
        QFAIL("a password in the profile was accepted");
    } catch (const ProfileError &e) {
        QCOMPARE(e.jsonPath(), QStringLiteral("$.database.conninfo"));
        QVERIFY2(e.expected().contains(u".pgpass"), qPrintable(e.message()));
    }
    Profile p =
        parseProfile(withDatabase({{QStringLiteral("conninfo"), QStringLiteral("host=db user=ops")},
                                   {QStringLiteral("connectTimeoutSeconds"), 3},
                                   {QStringLiteral("production"), true}}),
                     QStringLiteral("p.json"));
    QCOMPARE(p.database.conninfo, QStringLiteral("host=db user=ops"));
    QCOMPARE(p.database.connectTimeoutSeconds, 3);
    QVERIFY(p.database.production);
    // The shipped profile marks its own context as production.
    QVERIFY(p.kube.isProduction(QStringLiteral("web3-marketplace-prod")));
    QVERIFY(!p.kube.isProduction(QStringLiteral("staging")));
    // Written back and read again, nothing is lost.
    QCOMPARE(parseProfile(profileToJson(p), QStringLiteral("again")), p);
    const RunnerOptions o = runnerOptionsFor(p);
    QCOMPARE(o.sql.conninfo, p.database.conninfo);
    QCOMPARE(o.sql.connectTimeoutSeconds, 3);
    QVERIFY(o.sql.production);
    QCOMPARE(o.productionContexts, QStringList{QStringLiteral("web3-marketplace-prod")});
    QCOMPARE(o.rpcEndpoints.size(), p.jsonRpcEndpoints.size());
}

void TestSql::conninfoWithPasswordRefusedBeforeConnecting()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost));
    const QString conninfo = QStringLiteral("host=127.0.0.1 port=%1 user=ops password=hunter2")
                                 .arg(listener.serverPort());
    const auto results = runChecks(options(conninfo), {sqlCheck(QStringLiteral("SELECT 1"))});
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Error);
    QVERIFY2(r.summary.contains(u"~/.pgpass"), qPrintable(r.summary));
    QVERIFY(!r.database.contains(u"hunter2"));
    QVERIFY(!r.summary.contains(u"hunter2"));
    QVERIFY(!listener.hasPendingConnections());
}

void TestSql::unparsableConninfo()
{
    const auto results = runChecks(options(QStringLiteral("host=db nonsense_key=1")),
                                   {sqlCheck(QStringLiteral("SELECT 1"))});
    QCOMPARE(results.value(0).status, RunStatus::Error);
    QVERIFY2(results.value(0).summary.contains(u"does not parse"),
             qPrintable(results.value(0).summary));
    QCOMPARE(describeConninfo(QStringLiteral("host=db nonsense_key=1")), QString());
    QCOMPARE(describeConninfo(QStringLiteral("host=db port=5 dbname=shop user=ops")),
             QStringLiteral("host=db port=5 dbname=shop user=ops"));
    QCOMPARE(conninfoProblem(QString()), QStringLiteral("no database conninfo in the profile"));
}

void TestSql::tableTextAndJson()
{
    const QString text = formatTable(
        {QStringLiteral("name"), QStringLiteral("n")},
        {{QStringLiteral("alpha"), QStringLiteral("1")}, {QString(), QStringLiteral("22")}});
    QCOMPARE(text, QStringLiteral("name  | n\n"
                                  "------+---\n"
                                  "alpha | 1\n"
                                  "      | 22\n"
                                  "(2 rows)\n"));
    QCOMPARE(formatTable({QStringLiteral("x")}, {{QStringLiteral("1")}}),
             QStringLiteral("x\n-\n1\n(1 row)\n"));
    DiagnosticResult r;
    r.columns = QStringList{QStringLiteral("a")};
    r.rows = {{QStringLiteral("1")}, {QStringLiteral("2")}};
    r.database = QStringLiteral("host=db");
    r.production = true;
    const QJsonObject o = r.toJson();
    QCOMPARE(o.value(QStringLiteral("columns")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("rows")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("rows")).toArray().at(1).toArray().at(0).toString(),
             QStringLiteral("2"));
    QCOMPARE(o.value(QStringLiteral("database")).toString(), QStringLiteral("host=db"));
    QCOMPARE(o.value(QStringLiteral("production")).toBool(), true);
}

void TestSql::refusedLeavesServerAlone()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost));
    DiagnosticCheck c = sqlCheck(QStringLiteral("REINDEX DATABASE shop"));
    c.destructive = true;
    c.target = QStringLiteral("shop");
    const auto results = runChecks(
        options(QStringLiteral("host=127.0.0.1 port=%1 user=ops").arg(listener.serverPort())), {c});
    QCOMPARE(results.value(0).status, RunStatus::Refused);
    QCOMPARE(results.value(0).database,
             QStringLiteral("host=127.0.0.1 port=%1 user=ops").arg(listener.serverPort()));
    QVERIFY(!listener.hasPendingConnections());
    QVERIFY(!listener.waitForNewConnection(100));
}

void TestSql::nothingListeningIsClearError()
{
    const quint16 port = unusedLoopbackPort();
    QVERIFY(port != 0);
    const auto results =
        runChecks(options(QStringLiteral("host=127.0.0.1 port=%1 user=ops dbname=shop").arg(port)),
                  {sqlCheck(QStringLiteral("SELECT 1"))}, 15000);
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Error);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.summary.startsWith(u"could not connect to the database"), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"database.conninfo"), qPrintable(r.summary));
}

void TestSql::silentServerBoundedByConnectTimeout()
{
    // Accepts the TCP connection and never says a word: libpq alone would wait for ever here.
    SilentServer silent;
    QVERIFY(silent.start());
    RunnerOptions o =
        options(QStringLiteral("host=127.0.0.1 port=%1 user=ops").arg(silent.serverPort()));
    o.sql.connectTimeoutSeconds = 1;
    const auto results = runChecks(o, {sqlCheck(QStringLiteral("SELECT 1"), 30)}, 15000);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, RunStatus::Error);
    QVERIFY2(results.first().summary.contains(u"within 1 s"), qPrintable(results.first().summary));
    QVERIFY(silent.heldConnections() > 0);
}

void TestSql::readOnlyCheckReturnsRows()
{
    if (!needServer())
        return;
    const auto results = runChecks(
        options(test::pgConninfo()),
        {sqlCheck(QStringLiteral("SELECT datname, numbackends >= 0 AS ok, NULL::text AS nothing "
                                 "FROM pg_stat_database WHERE datname = current_database()"))});
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.columns, (QStringList{QStringLiteral("datname"), QStringLiteral("ok"),
                                     QStringLiteral("nothing")}));
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.first().value(1), QStringLiteral("t"));
    QCOMPARE(r.rows.first().value(2), QString());
    QVERIFY(r.output.endsWith(u"(1 row)\n"));
    QCOMPARE(r.summary, QStringLiteral("1 rows"));
    QVERIFY(!r.database.isEmpty());
    QCOMPARE(r.context, QStringLiteral("prod-ctx"));
    QCOMPARE(r.ns, QStringLiteral("shop"));
}

void TestSql::runbookDatabaseChecksRun()
{
    if (!needServer())
        return;
    std::vector<DiagnosticCheck> checks;
    for (const DiagnosticCheck &c : defaultProfile().diagnostics) {
        if (c.kind == u"sql" && !c.destructive)
            checks.push_back(c);
    }
    QVERIFY(checks.size() >= 6);
    const auto results = runChecks(options(test::pgConninfo()), checks);
    QCOMPARE(results.size(), checks.size());
    for (const DiagnosticResult &r : results) {
        // The runbook names a database and an extension this server may not have; the check must
        // still reach the server and say what it answered.
        QVERIFY2(r.status == RunStatus::Pass || (r.status == RunStatus::Fail && r.exitCode == 1),
                 qPrintable(r.check + QStringLiteral(": ") + r.summary));
        if (r.check == u"db-active-queries" || r.check == u"db-locks" ||
            r.check == u"db-active-connections")
            QCOMPARE(r.status, RunStatus::Pass);
    }
}

void TestSql::thresholdOnSingleNumber()
{
    if (!needServer())
        return;
    DiagnosticCheck c = sqlCheck(QStringLiteral("SELECT 7 AS active_connections"));
    c.expect.threshold = 5;
    auto results = runChecks(options(test::pgConninfo()), {c});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QCOMPARE(results.value(0).summary,
             QStringLiteral("active_connections = 7 (at most 5 expected)"));
    c.expect.threshold = 7;
    results = runChecks(options(test::pgConninfo()), {c});
    QCOMPARE(results.value(0).status, RunStatus::Pass);
    c.query = QStringLiteral("SELECT generate_series(1, 3)");
    c.expect.threshold = 2;
    results = runChecks(options(test::pgConninfo()), {c});
    QCOMPARE(results.value(0).status, RunStatus::Fail);
    QCOMPARE(results.value(0).summary, QStringLiteral("3 rows (at most 2 expected)"));
}

void TestSql::writeRefusedByReadOnlyTransaction()
{
    if (!needServer())
        return;
    // The runner refuses such a check before it connects (changeguard); the transaction is
    // the second wall, for what the classifier does not know, so it is tested on its own.
    const SqlOutcome r =
        direct(test::pgConninfo(), QStringLiteral("CREATE TABLE idesk_must_not_exist (a int)"));
    QCOMPARE(r.status, RunStatus::Fail);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.summary.startsWith(u"refused by the read-only transaction"), qPrintable(r.summary));
    const SqlOutcome after =
        direct(test::pgConninfo(), QStringLiteral("SELECT to_regclass('idesk_must_not_exist')"));
    QCOMPARE(after.status, RunStatus::Pass);
    QCOMPARE(after.rows.value(0).value(0), QString());
}

// A profile's query of comments alone reaches the server, which answers with no result at all.
void TestSql::queryWithoutAStatement()
{
    if (!needServer())
        return;
    for (const QString &q :
         {QStringLiteral("-- pool usage, to be written"), QStringLiteral("  ;  ")}) {
        const auto results = runChecks(options(test::pgConninfo()), {sqlCheck(q)});
        const DiagnosticResult &r = results.value(0);
        QCOMPARE(r.status, RunStatus::Error);
        QCOMPARE(r.summary,
                 QStringLiteral("the check's query has no statement (only blanks or comments)"));
    }
}

void TestSql::cannotEscapeReadOnlyTransaction()
{
    if (!needServer())
        return;
    // A second statement is refused by the protocol; turning the transaction read-write is
    // refused because a query already ran in it.
    const QStringList attempts{
        QStringLiteral("ROLLBACK; CREATE TABLE idesk_must_not_exist (a int)"),
        QStringLiteral("SET TRANSACTION READ WRITE"),
        QStringLiteral("SELECT set_config('transaction_read_only', 'off', true)"),
    };
    for (const QString &q : attempts) {
        const SqlOutcome r = direct(test::pgConninfo(), q);
        QVERIFY2(r.status == RunStatus::Fail, qPrintable(q + QStringLiteral(" → ") + r.summary));
    }
    const SqlOutcome after =
        direct(test::pgConninfo(), QStringLiteral("SELECT to_regclass('idesk_must_not_exist')"));
    QCOMPARE(after.rows.value(0).value(0), QString());
}

void TestSql::sleepLongerThanTimeoutIsCancelled()
{
    if (!needServer())
        return;
    const auto results = runChecks(options(test::pgConninfo()),
                                   {sqlCheck(QStringLiteral("SELECT pg_sleep(60)"), 1)}, 20000);
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Timeout);
    QVERIFY2(r.summary.contains(u"statement_timeout"), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"1 s"), qPrintable(r.summary));
}

void TestSql::cancelStopsRunningQuery()
{
    if (!needServer())
        return;
    DiagnosticsRunner runner(options(test::pgConninfo()));
    QList<DiagnosticResult> results;
    connect(&runner, &DiagnosticsRunner::resultReady,
            [&results](const DiagnosticResult &r) { results << r; });
    connect(
        &runner, &DiagnosticsRunner::checkStarted, &runner,
        [&runner](const QString &id) { runner.cancel(id); }, Qt::QueuedConnection);
    runner.run({sqlCheck(QStringLiteral("SELECT pg_sleep(60)"), 120)});
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
    QCOMPARE(results.first().status, RunStatus::Cancelled);
    QCOMPARE(results.first().exitCode, -1);
}

void TestSql::wrongPasswordIsClearError()
{
    if (!needServer())
        return;
    const SqlOutcome role =
        direct(test::pgConninfo(),
               QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                              "'idesk_pw') THEN CREATE ROLE idesk_pw LOGIN PASSWORD 'right-horse'; "
                              "END IF; END$$"),
               true);
    QVERIFY2(role.status == RunStatus::Pass, qPrintable(role.summary));
    TempDir dir;
    dir.write(QStringLiteral("wrong"), "*:*:*:idesk_pw:wrong-horse\n");
    dir.write(QStringLiteral("right"), "*:*:*:idesk_pw:right-horse\n");
    QFile::setPermissions(dir.file(QStringLiteral("wrong")), QFile::ReadOwner | QFile::WriteOwner);
    QFile::setPermissions(dir.file(QStringLiteral("right")), QFile::ReadOwner | QFile::WriteOwner);
    const QString conninfo = test::pgConninfo() + QStringLiteral(" user=idesk_pw");
    RunnerOptions o = options(conninfo);
    o.sql.passfile = dir.file(QStringLiteral("wrong"));
    auto results = runChecks(o, {sqlCheck(QStringLiteral("SELECT 1"))}, 20000);
    if (results.value(0).status == RunStatus::Pass)
        QSKIP("this server trusts every local connection, so no password is ever checked");
    // The environment's password is not one of the places a password may come from.
    qputenv("PGPASSWORD", "right-horse");
    results = runChecks(o, {sqlCheck(QStringLiteral("SELECT 1"))}, 20000);
    qunsetenv("PGPASSWORD");
    QCOMPARE(results.value(0).status, RunStatus::Error);
    QVERIFY2(results.value(0).summary.contains(u"password authentication failed"),
             qPrintable(results.value(0).summary));
    QVERIFY(!results.value(0).summary.contains(u"wrong-horse"));
    // The same role with the password from the file libpq was pointed at.
    o.sql.passfile = dir.file(QStringLiteral("right"));
    const auto good = runChecks(o, {sqlCheck(QStringLiteral("SELECT current_user"))}, 20000);
    QCOMPARE(good.value(0).status, RunStatus::Pass);
    QCOMPARE(good.value(0).rows.value(0).value(0), QStringLiteral("idesk_pw"));
}

void TestSql::destructiveRunsReadWriteWhenConfirmed()
{
    if (!needServer())
        return;
    DiagnosticCheck c = sqlCheck(QStringLiteral("CREATE TEMP TABLE idesk_scratch (a int)"));
    c.destructive = true;
    c.target = QStringLiteral("scratch");
    RunnerOptions o = options(test::pgConninfo());
    o.readOnly = false;
    o.confirmTarget = QStringLiteral("scratch");
    const auto results = runChecks(o, {c});
    QCOMPARE(results.value(0).status, RunStatus::Pass);
    QCOMPARE(results.value(0).summary, QStringLiteral("CREATE TABLE"));
    QCOMPARE(results.value(0).output, QStringLiteral("CREATE TABLE\n"));
}

void TestSql::rowsCappedWithTruncatedFlag()
{
    if (!needServer())
        return;
    RunnerOptions o = options(test::pgConninfo());
    o.sql.maxRows = 10;
    const auto results = runChecks(
        o, {sqlCheck(QStringLiteral("SELECT g, repeat('x', 3) FROM generate_series(1, 50) g"))});
    const DiagnosticResult &r = results.value(0);
    QCOMPARE(r.status, RunStatus::Pass);
    QCOMPARE(r.rows.size(), 10);
    QVERIFY(r.truncated);
    QCOMPARE(r.summary, QStringLiteral("10 rows, truncated"));
}

namespace {

// Whether a query with this marker is running on the server, seen from a connection of its own.
bool running(const QString &marker)
{
    const SqlOutcome o =
        direct(test::pgConninfo(), QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                  "state = 'active' AND query LIKE '%%1%'")
                                       .arg(marker));
    // The probe itself matches the pattern; anything beyond it is the query.
    return o.rows.value(0).value(0).toInt() > 1;
}

} // namespace

void TestSql::cancelWhileQueryRuns()
{
    if (!needServer())
        return;
    SqlOptions o;
    o.conninfo = test::pgConninfo();
    SqlJob job(sqlCheck(QStringLiteral("SELECT pg_sleep(60) AS cancel_marker_1"), 120), o, 0);
    QSignalSpy done(&job, &DiagnosticJob::finished);
    job.start();
    QTRY_VERIFY_WITH_TIMEOUT(running(QStringLiteral("cancel_marker_1")), 10000);
    job.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const auto r = done.first().first().value<DiagnosticResult>();
    QCOMPARE(r.status, RunStatus::Cancelled);
    QCOMPARE(r.summary, QStringLiteral("cancelled; the server stopped the query"));
    QTRY_VERIFY(!running(QStringLiteral("cancel_marker_1")));
}

void TestSql::jobDestroyedWhileQueryRuns()
{
    if (!needServer())
        return;
    SqlOptions o;
    o.conninfo = test::pgConninfo();
    auto *job =
        new SqlJob(sqlCheck(QStringLiteral("SELECT pg_sleep(60) AS drop_marker_2"), 120), o, 0);
    QSignalSpy done(job, &DiagnosticJob::finished);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(running(QStringLiteral("drop_marker_2")), 10000);
    // The worker is told to stop and the server to cancel; nothing is reported any more.
    delete job;
    QCOMPARE(done.size(), 0);
    QTRY_VERIFY(!running(QStringLiteral("drop_marker_2")));
}

void TestSql::connectionLostMidQuery()
{
    if (!needServer())
        return;
    // The backend ends its own session: the one way a probe sees its connection drop on cue.
    // The runner would refuse the check (it terminates a backend), so runSql is called itself.
    const SqlOutcome r =
        direct(test::pgConninfo(), QStringLiteral("SELECT pg_terminate_backend(pg_backend_pid())"));
    QCOMPARE(r.status, RunStatus::Error);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.summary.startsWith(u"the connection to the database was lost: "),
             qPrintable(r.summary));
}

void TestSql::stoppedBackendIsBoundedByTheClientDeadline()
{
    if (!needServer())
        return;
    // A frozen server process (a stopped VM, a swapped-out host) answers neither the query, nor
    // its own statement_timeout, nor the cancel request: only the client's own deadline ends the
    // check, and the caller learns that the server went silent.
    SqlOptions o;
    o.conninfo = test::pgConninfo();
    const std::atomic<bool> never{false};
    auto outcome = std::async(std::launch::async, [&o, &never] {
        return runSql(o, QStringLiteral("SELECT pg_sleep(4) AS idesk_frozen_backend"), 1, false,
                      never);
    });
    // Concatenated so that this lookup does not find itself.
    const QString find =
        QStringLiteral("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE "
                       "'%idesk_frozen' || '_backend%' AND pid <> pg_backend_pid()");
    pid_t backend = 0;
    QDeadlineTimer lookFor(10000);
    while (backend == 0 && !lookFor.hasExpired()) {
        const SqlOutcome found = direct(test::pgConninfo(), find);
        if (!found.rows.isEmpty())
            backend = found.rows.first().value(0).toInt();
        else
            QThread::msleep(20);
    }
    QVERIFY2(backend > 0, "the sleeping query never showed in pg_stat_activity");
    if (::kill(backend, SIGSTOP) != 0) {
        outcome.wait();
        QSKIP("the server's processes cannot be signalled from here (another host or user)");
    }
    const SqlOutcome r = outcome.get();
    ::kill(backend, SIGCONT);
    QCOMPARE(r.status, RunStatus::Timeout);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.summary.contains(u"the server did not answer the cancel request"),
             qPrintable(r.summary));
}

void TestSql::jobCancelledBeforeStart()
{
    SqlOptions o;
    o.conninfo = QStringLiteral("host=127.0.0.1 port=9 user=ops");
    SqlJob job(sqlCheck(QStringLiteral("SELECT 1")), o, 0);
    QSignalSpy done(&job, &DiagnosticJob::finished);
    job.cancel();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().first().value<DiagnosticResult>().status, RunStatus::Cancelled);
    job.cancel();
    QCOMPARE(done.size(), 1);
    // A numeric host address that is not one fails before any packet is sent.
    o.conninfo = QStringLiteral("hostaddr=999.1.1.1 port=5432 user=ops");
    const std::atomic<bool> never{false};
    const SqlOutcome bad = runSql(o, QStringLiteral("SELECT 1"), 5, false, never);
    QCOMPARE(bad.status, RunStatus::Error);
    QVERIFY2(bad.summary.startsWith(u"could not connect to the database"), qPrintable(bad.summary));
}

void TestSql::poolerRefusesTheTransaction()
{
    // A pooler in statement mode refuses the read-only transaction every check runs in: the
    // check must say so and not run the query outside it.
    ScriptedPgServer server([](const QByteArray &statement) {
        if (statement.startsWith("BEGIN"))
            return ScriptedPgServer::error("08P01", "transaction blocks not allowed in statement "
                                                    "pooling mode") +
                   ScriptedPgServer::ready();
        return ScriptedPgServer::setupAnswer(statement);
    });
    QVERIFY(server.start());
    const auto results = runChecks(options(server.conninfo()),
                                   {sqlCheck(QStringLiteral("SELECT count(*) FROM orders"))});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, RunStatus::Error);
    QCOMPARE(results.first().summary,
             QStringLiteral("the session could not be set up: transaction blocks not allowed in "
                            "statement pooling mode"));
    QCOMPARE(server.statements(), QByteArrayList{"BEGIN READ ONLY"});
}

void TestSql::backendGoneWithoutAWord_data()
{
    QTest::addColumn<QByteArray>("closesOn");
    QTest::addColumn<QString>("summary");
    QTest::newRow("setting up") << QByteArray("SET LOCAL statement_timeout = 10000")
                                << QStringLiteral("the session could not be set up: ");
    QTest::newRow("running the query") << QByteArray("SELECT count(*) FROM orders")
                                       << QStringLiteral("the query did not complete: ");
}

void TestSql::backendGoneWithoutAWord()
{
    // The server process dies (the OOM killer, a crash) and the socket just closes: no error
    // message from the server, so the check must say what the client saw.
    QFETCH(QByteArray, closesOn);
    QFETCH(QString, summary);
    ScriptedPgServer server([closesOn](const QByteArray &statement) {
        if (statement == closesOn)
            return QByteArray(ScriptedPgServer::kClose);
        return ScriptedPgServer::setupAnswer(statement);
    });
    QVERIFY(server.start());
    const auto results = runChecks(options(server.conninfo()),
                                   {sqlCheck(QStringLiteral("SELECT count(*) FROM orders"))});
    QCOMPARE(results.size(), 1);
    const DiagnosticResult &r = results.first();
    QCOMPARE(r.status, RunStatus::Error);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.summary.startsWith(summary + QStringLiteral("server closed the connection")),
             qPrintable(r.summary));
    QCOMPARE(server.statements().last(), closesOn);
}

void TestSql::clientDeadlineCancelsWhatTheServerLetsRun()
{
    // The server ignores statement_timeout (a pooler that drops SET, a server stuck in I/O) but
    // honours a cancel request: the client's own deadline asks, and the check says it timed out.
    ScriptedPgServer server(
        [](const QByteArray &statement) { return ScriptedPgServer::setupAnswer(statement); });
    server.setCancelAnswer(
        ScriptedPgServer::error("57014", "canceling statement due to user request") +
        ScriptedPgServer::ready('E'));
    QVERIFY(server.start());
    const auto results = runChecks(options(server.conninfo()),
                                   {sqlCheck(QStringLiteral("SELECT count(*) FROM orders"), 1)});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, RunStatus::Timeout);
    QCOMPARE(results.first().summary,
             QStringLiteral("no answer within 1 s; the query was cancelled"));
    QCOMPARE(server.cancelRequests(), 1);
}

void TestSql::cancelWhileTheSessionIsSetUp()
{
    // Cancelled while the server still has not answered BEGIN: the check is cancelled, and the
    // query is never sent.
    ScriptedPgServer server([](const QByteArray &statement) {
        return statement.startsWith("BEGIN") ? QByteArray()
                                             : ScriptedPgServer::setupAnswer(statement);
    });
    server.setCancelAnswer(
        ScriptedPgServer::error("57014", "canceling statement due to user request") +
        ScriptedPgServer::ready());
    QVERIFY(server.start());
    SqlOptions o;
    o.conninfo = server.conninfo();
    SqlJob job(sqlCheck(QStringLiteral("SELECT count(*) FROM orders")), o, 0);
    QSignalSpy done(&job, &DiagnosticJob::finished);
    job.start();
    QTRY_COMPARE(server.statements(), QByteArrayList{"BEGIN READ ONLY"});
    job.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const auto r = done.first().first().value<DiagnosticResult>();
    QCOMPARE(r.status, RunStatus::Cancelled);
    QCOMPARE(r.exitCode, -1);
    QCOMPARE(r.summary, QStringLiteral("cancelled before the query ran"));
    QCOMPARE(server.cancelRequests(), 1);
    QCOMPARE(server.statements(), QByteArrayList{"BEGIN READ ONLY"});
}

void TestSql::statementEndedWithoutAResult()
{
    // A confused server (or something else on the port) says it is ready again without ever
    // answering the statement: the check reports that rather than an empty error.
    ScriptedPgServer server([](const QByteArray &statement) {
        if (statement.startsWith("SELECT count"))
            return ScriptedPgServer::ready('T');
        return ScriptedPgServer::setupAnswer(statement);
    });
    QVERIFY(server.start());
    const auto results = runChecks(options(server.conninfo()),
                                   {sqlCheck(QStringLiteral("SELECT count(*) FROM orders"))});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, RunStatus::Error);
    QCOMPARE(results.first().summary,
             QStringLiteral("the query did not complete: the server sent no result"));
}

void TestSql::errorFollowedByCompletionStaysAnError()
{
    // An error and then, against the protocol, a completion for the same statement: the error
    // is what the check reports.
    ScriptedPgServer server([](const QByteArray &statement) {
        if (statement.startsWith("SELECT count"))
            return ScriptedPgServer::error("40001", "could not serialize access") +
                   ScriptedPgServer::message('C', QByteArray("SELECT 0", 9)) +
                   ScriptedPgServer::ready('E');
        return ScriptedPgServer::setupAnswer(statement);
    });
    QVERIFY(server.start());
    const auto results = runChecks(options(server.conninfo()),
                                   {sqlCheck(QStringLiteral("SELECT count(*) FROM orders"))});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, RunStatus::Fail);
    QCOMPARE(results.first().exitCode, 1);
    QCOMPARE(results.first().summary,
             QStringLiteral("the query failed (SQLSTATE 40001): could not serialize access"));
}

void TestSql::missingLibpqSaysWhatIsMissing()
{
    // A machine without a usable libpq (package missing, a broken copy on LD_LIBRARY_PATH): the
    // SQL checks say which library is missing instead of taking the program down. libpq is
    // loaded once per process, so this runs in a child of this test with a broken copy first.
    if (qEnvironmentVariableIsSet("IDESK_TEST_BROKEN_LIBPQ")) {
        const auto results = runChecks(options(QStringLiteral("host=127.0.0.1 port=9 user=ops")),
                                       {sqlCheck(QStringLiteral("SELECT 1"))});
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().status, RunStatus::Error);
        QVERIFY2(results.first().summary.startsWith(
                     u"The PostgreSQL client library (libpq.so.5) could not be loaded: "),
                 qPrintable(results.first().summary));
        return;
    }
    TempDir dir;
    dir.write(QStringLiteral("libpq.so.5"), "not a shared library\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_LIBRARY_PATH"), dir.path());
    env.insert(QStringLiteral("IDESK_TEST_BROKEN_LIBPQ"), QStringLiteral("1"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("missingLibpqSaysWhatIsMissing")});
    QVERIFY(child.waitForFinished(60000));
    const QString output = QString::fromUtf8(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             qPrintable(output));
    QVERIFY2(output.contains(u"PASS   : TestSql::missingLibpqSaysWhatIsMissing()"),
             qPrintable(output));
}

QTEST_GUILESS_MAIN(TestSql)
#include "test_sql.moc"
