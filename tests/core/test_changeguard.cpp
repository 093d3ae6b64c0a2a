// What a check changes, read from what it runs: kubectl verbs, commands run through kubectl exec,
// SQL, HTTP methods and JSON-RPC methods. Each read-only row has a changing twin, so a rule that
// let everything through, or stopped everything, fails here.
#include "core/changeguard.h"
#include "core/profile.h"

#include <QTest>

using namespace idesk;
using namespace Qt::StringLiterals;

class TestChangeGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kubectl_data();
    void kubectl();
    void execCommands();
    void sql_data();
    void sql();
    void httpAndJsonRpc();
    void byKind();
};

void TestChangeGuard::kubectl_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("change");
    const auto row = [](const char *name, const QString &args, const char *change) {
        QTest::newRow(name) << args.split(u' ', Qt::SkipEmptyParts) << QString::fromUtf8(change);
    };
    row("get", u"get pods -o wide"_s, "");
    row("describe", u"describe deployment/api"_s, "");
    row("logs", u"logs deployment/api --since=1h"_s, "");
    row("top", u"top pods"_s, "");
    row("rollout status", u"rollout status deployment/api"_s, "");
    row("rollout history", u"rollout history deployment/api"_s, "");
    row("config view", u"config view --minify"_s, "");
    row("auth can-i", u"auth can-i delete pods"_s, "");
    row("delete", u"delete pod api-0"_s, "kubectl delete");
    row("delete after a namespace flag", u"-n prod delete pod api-0"_s, "kubectl delete");
    row("delete after --context=", u"--context=prod delete pod api-0"_s, "kubectl delete");
    row("namespace named like a verb", u"-n delete get pods"_s, "");
    row("scale", u"scale deployment/api --replicas=0"_s, "kubectl scale");
    row("apply", u"apply -f manifest.yaml"_s, "kubectl apply");
    row("patch", u"patch deployment api -p {}"_s, "kubectl patch");
    row("drain", u"drain node-1 --ignore-daemonsets"_s, "kubectl drain");
    row("cordon", u"cordon node-1"_s, "kubectl cordon");
    row("rollout restart", u"rollout restart deployment/api"_s, "kubectl rollout restart");
    row("rollout undo", u"rollout undo deployment/api"_s, "kubectl rollout undo");
    row("config use-context", u"config use-context prod"_s, "kubectl config use-context");
    row("upper-case verb", u"DELETE pod api-0"_s, "kubectl delete");
    row("exec curl", u"exec deployment/api -- curl -s http://localhost/metrics"_s, "");
    row("exec redis info", u"exec deployment/redis -- redis-cli INFO memory"_s, "");
    row("exec redis flushall", u"exec deployment/redis -- redis-cli -n 0 FLUSHALL"_s,
        "redis-cli FLUSHALL");
    row("exec redis config get", u"exec deployment/redis -- redis-cli CONFIG GET maxmemory"_s, "");
    row("exec redis config set", u"exec deployment/redis -- redis-cli CONFIG SET maxmemory 1gb"_s,
        "redis-cli CONFIG");
    row("exec rm", u"exec deployment/api -- /bin/rm -rf /data"_s, "rm");
    row("exec psql select", u"exec deployment/db -- psql -c select_1"_s, "");
    row("exec kill", u"exec deployment/api -- kill 1"_s, "kill");
    row("exec npm script", u"exec deployment/api -- npm run health"_s, "");
    row("verb after the command's separator", u"exec deployment/api -- echo delete"_s, "");
}

void TestChangeGuard::kubectl()
{
    QFETCH(QStringList, args);
    QFETCH(QString, change);
    QCOMPARE(kubectlChange(args), change);
}

// Commands written as one argument each, as a profile writes them: scripts for a shell, psql's and
// mysql's statements in their several spellings, busybox applets.
void TestChangeGuard::execCommands()
{
    const auto change = [](const QStringList &command) {
        return kubectlChange(QStringList{u"exec"_s, u"deployment/api"_s, u"--"_s} + command);
    };
    QCOMPARE(change({u"sh"_s, u"-c"_s, u"echo ok; redis-cli INFO"_s}), QString());
    QCOMPARE(change({u"sh"_s, u"-c"_s, u"echo ok && rm -f /tmp/x"_s}), u"rm"_s);
    // psql's statement is cut at the first blank (quotes are not parsed), and its first word
    // is enough
    QCOMPARE(change({u"bash"_s, u"-c"_s, u"PGOPTIONS=x exec psql -c 'DROP TABLE t'"_s}),
             u"SQL DROP"_s);
    QCOMPARE(change({u"/bin/sh"_s, u"-c"_s, u"sudo redis-cli -n 2 FLUSHDB"_s}),
             u"redis-cli FLUSHDB"_s);
    QCOMPARE(change({u"sh"_s, u"-c"_s, u"(cd /x && kill 1)"_s}), u"kill"_s);
    QCOMPARE(change({u"busybox"_s, u"rm"_s, u"/x"_s}), u"rm"_s);
    QCOMPARE(change({u"busybox"_s, u"ls"_s}), QString());
    QCOMPARE(change({u"psql"_s, u"--command=DELETE FROM t"_s}), u"SQL DELETE"_s);
    QCOMPARE(change({u"psql"_s, u"--command"_s, u"SELECT 1"_s}), QString());
    QCOMPARE(change({u"psql"_s, u"-cVACUUM"_s}), u"SQL VACUUM"_s);
    QCOMPARE(change({u"mysql"_s, u"-e"_s, u"SHOW PROCESSLIST"_s}), QString());
    QCOMPARE(change({u"mysql"_s, u"--execute=KILL 42"_s}), u"SQL KILL"_s);
    QCOMPARE(change({u"mariadb"_s, u"-eFLUSH TABLES"_s}), u"SQL FLUSH"_s);
    QCOMPARE(change({u"redis-cli"_s, u"-h"_s, u"cache"_s, u"CLIENT"_s, u"KILL"_s, u"ID"_s, u"7"_s}),
             u"redis-cli CLIENT"_s);
    QCOMPARE(change({u"redis-cli"_s, u"CLIENT"_s, u"LIST"_s}), QString());
    QCOMPARE(change({u"redis-cli"_s, u"SCRIPT"_s, u"FLUSH"_s}), u"redis-cli SCRIPT"_s);
    QCOMPARE(change({u"redis-cli"_s, u"ACL"_s, u"DELUSER"_s, u"bob"_s}), u"redis-cli ACL"_s);
    QCOMPARE(change({u"redis-cli"_s, u"CLUSTER"_s, u"INFO"_s}), QString());
    QCOMPARE(change({}), QString());
    QCOMPARE(kubectlChange({u"config"_s, u"set-context"_s, u"--current"_s}),
             u"kubectl config set-context"_s);
    QCOMPARE(kubectlChange({u"auth"_s, u"reconcile"_s, u"-f"_s, u"rbac.yaml"_s}),
             u"kubectl auth reconcile"_s);
    QCOMPARE(kubectlChange({u"--kubeconfig"_s, u"delete"_s}), QString()); // only a flag's value
    QCOMPARE(kubectlChange({}), QString());
}

void TestChangeGuard::sql_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("change");
    const auto row = [](const char *name, const char *query, const char *change) {
        QTest::newRow(name) << QString::fromUtf8(query) << QString::fromUtf8(change);
    };
    row("select", "SELECT * FROM pg_stat_activity WHERE state = 'active';", "");
    row("show", "SHOW max_connections", "");
    row("explain", "EXPLAIN SELECT 1", "");
    row("explain analyze select", "EXPLAIN ANALYZE SELECT * FROM orders", "");
    row("explain analyze delete", "EXPLAIN ANALYZE DELETE FROM orders", "SQL DELETE");
    row("delete", "DELETE FROM orders WHERE id = 1", "SQL DELETE");
    row("lower-case update", "update orders set state = 'x'", "SQL UPDATE");
    row("drop", "  -- tidy up\n DROP TABLE sessions", "SQL DROP");
    row("second statement", "SELECT 1; TRUNCATE audit", "SQL TRUNCATE");
    row("data-modifying CTE", "WITH d AS (DELETE FROM q RETURNING *) SELECT count(*) FROM d",
        "SQL DELETE");
    row("select for update", "SELECT * FROM jobs FOR UPDATE SKIP LOCKED", "SQL UPDATE");
    row("keyword in a literal", "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'DELETE%'",
        "");
    row("keyword in an escaped literal", "SELECT E'it\\'s DROP' AS x", "");
    row("keyword in a quoted name", "SELECT \"update\" FROM t", "");
    row("keyword in a comment", "SELECT 1 /* then DROP TABLE x */", "");
    row("keyword in a dollar quote", "SELECT $q$ DELETE $q$", "");
    row("keyword as part of a name", "SELECT last_update, created_at FROM t", "");
    row("terminate backends", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
        "pg_terminate_backend()");
    row("schema-qualified function", "SELECT pg_catalog.pg_cancel_backend(42)",
        "pg_cancel_backend()");
    row("column named like a function", "SELECT setval_hint FROM t", "");
    row("reindex", "REINDEX DATABASE shop;", "SQL REINDEX");
    row("vacuum", "VACUUM ANALYZE orders", "SQL VACUUM");
    row("analyze alone", "ANALYZE orders", "SQL ANALYZE");
    row("do block", "DO $$ BEGIN PERFORM 1; END $$", "SQL DO");
    row("copy to stdout", "COPY (SELECT * FROM orders) TO STDOUT", "");
    row("copy from", "COPY orders FROM '/tmp/x.csv'", "SQL COPY … FROM");
    row("lock", "LOCK TABLE orders", "SQL LOCK");
}

void TestChangeGuard::sql()
{
    QFETCH(QString, query);
    QFETCH(QString, change);
    QCOMPARE(sqlChange(query), change);
}

void TestChangeGuard::httpAndJsonRpc()
{
    QCOMPARE(httpChange(u"GET"_s), QString());
    QCOMPARE(httpChange(u"head"_s), QString());
    QCOMPARE(httpChange(QString()), QString());
    QCOMPARE(httpChange(u"POST"_s), u"HTTP POST"_s);
    QCOMPARE(httpChange(u"delete"_s), u"HTTP DELETE"_s);
    QCOMPARE(jsonRpcChange(u"eth_blockNumber"_s), QString());
    QCOMPARE(jsonRpcChange(u"eth_getBalance"_s), QString());
    QCOMPARE(jsonRpcChange(u"eth_sendRawTransaction"_s), u"JSON-RPC eth_sendRawTransaction"_s);
    QCOMPARE(jsonRpcChange(u"personal_unlockAccount"_s), u"JSON-RPC personal_unlockAccount"_s);
    QCOMPARE(jsonRpcChange(u"anvil_setBalance"_s), u"JSON-RPC anvil_setBalance"_s);
}

void TestChangeGuard::byKind()
{
    DiagnosticCheck sql;
    sql.kind = u"sql"_s;
    sql.args = u"exec deployment/db -- psql -X -A"_s.split(u' ');
    sql.query = u"SELECT 1"_s;
    QCOMPARE(changeMadeBy(sql), QString());
    sql.query = u"DELETE FROM orders"_s;
    QCOMPARE(changeMadeBy(sql), u"SQL DELETE"_s);

    DiagnosticCheck logs;
    logs.kind = u"logs"_s;
    logs.args = u"logs deployment/api"_s.split(u' ');
    QCOMPARE(changeMadeBy(logs), QString());

    DiagnosticCheck http;
    http.kind = u"http"_s;
    http.method = u"PUT"_s;
    QCOMPARE(changeMadeBy(http), u"HTTP PUT"_s);
    // A DNS check's "method" means nothing.
    http.kind = u"dns"_s;
    QCOMPARE(changeMadeBy(http), QString());

    // Every check of the shipped profile that is not marked destructive only reads.
    for (const DiagnosticCheck &d : defaultProfile().diagnostics)
        QVERIFY2(d.destructive || changeMadeBy(d).isEmpty(), qPrintable(d.id));
}

QTEST_GUILESS_MAIN(TestChangeGuard)
#include "test_changeguard.moc"
