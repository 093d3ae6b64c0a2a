#include "core/changeguard.h"

#include "core/profile.h"

#include <QRegularExpression>
#include <QSet>

namespace idesk {

namespace {

QString lowered(const QString &s)
{
    return s.toLower();
}

// kubectl's flags that take their value as the next argument ("-n prod"); written
// "--namespace=prod" the value is part of the flag.
bool takesValue(const QString &flag)
{
    static const QSet<QString> flags{
        QStringLiteral("-n"),
        QStringLiteral("--namespace"),
        QStringLiteral("--context"),
        QStringLiteral("--cluster"),
        QStringLiteral("--user"),
        QStringLiteral("--kubeconfig"),
        QStringLiteral("-s"),
        QStringLiteral("--server"),
        QStringLiteral("--token"),
        QStringLiteral("--as"),
        QStringLiteral("--as-group"),
        QStringLiteral("--as-uid"),
        QStringLiteral("--request-timeout"),
        QStringLiteral("--cache-dir"),
        QStringLiteral("--certificate-authority"),
        QStringLiteral("--client-certificate"),
        QStringLiteral("--client-key"),
        QStringLiteral("--tls-server-name"),
        QStringLiteral("-v"),
        QStringLiteral("--v"),
        QStringLiteral("--log-file"),
        QStringLiteral("-l"),
        QStringLiteral("--selector"),
        QStringLiteral("-o"),
        QStringLiteral("--output"),
        QStringLiteral("-c"),
        QStringLiteral("--container"),
        QStringLiteral("-f"),
        QStringLiteral("--filename"),
    };
    return flags.contains(flag);
}

QString baseName(const QString &program)
{
    return lowered(program.mid(program.lastIndexOf(u'/') + 1));
}

// The word at index i of words, lower case; empty past the end.
QString wordAt(const QStringList &words, qsizetype i)
{
    return i < words.size() ? lowered(words.at(i)) : QString();
}

QString redisChange(const QStringList &args)
{
    static const QSet<QString> valued{
        QStringLiteral("-h"), QStringLiteral("-p"),     QStringLiteral("-s"),
        QStringLiteral("-a"), QStringLiteral("-u"),     QStringLiteral("-n"),
        QStringLiteral("-r"), QStringLiteral("-i"),     QStringLiteral("-d"),
        QStringLiteral("-t"), QStringLiteral("--user"), QStringLiteral("--pass")};
    qsizetype i = 0;
    while (i < args.size() && args.at(i).startsWith(u'-'))
        i += valued.contains(args.at(i)) ? 2 : 1;
    const QString command = wordAt(args, i), sub = wordAt(args, i + 1);
    static const QSet<QString> writes{
        QStringLiteral("flushall"), QStringLiteral("flushdb"),  QStringLiteral("shutdown"),
        QStringLiteral("del"),      QStringLiteral("unlink"),   QStringLiteral("set"),
        QStringLiteral("mset"),     QStringLiteral("setex"),    QStringLiteral("psetex"),
        QStringLiteral("setnx"),    QStringLiteral("getdel"),   QStringLiteral("getset"),
        QStringLiteral("expire"),   QStringLiteral("pexpire"),  QStringLiteral("persist"),
        QStringLiteral("rename"),   QStringLiteral("restore"),  QStringLiteral("migrate"),
        QStringLiteral("swapdb"),   QStringLiteral("move"),     QStringLiteral("incr"),
        QStringLiteral("incrby"),   QStringLiteral("decr"),     QStringLiteral("decrby"),
        QStringLiteral("lpush"),    QStringLiteral("rpush"),    QStringLiteral("lpop"),
        QStringLiteral("rpop"),     QStringLiteral("sadd"),     QStringLiteral("srem"),
        QStringLiteral("zadd"),     QStringLiteral("zrem"),     QStringLiteral("hset"),
        QStringLiteral("hdel"),     QStringLiteral("eval"),     QStringLiteral("evalsha"),
        QStringLiteral("fcall"),    QStringLiteral("debug"),    QStringLiteral("replicaof"),
        QStringLiteral("slaveof"),  QStringLiteral("failover"), QStringLiteral("bgrewriteaof"),
        QStringLiteral("xadd"),     QStringLiteral("xdel"),     QStringLiteral("publish"),
    };
    const bool changes =
        writes.contains(command) ||
        (command == u"config" && (sub == u"set" || sub == u"rewrite" || sub == u"resetstat")) ||
        (command == u"client" && (sub == u"kill" || sub == u"pause")) ||
        ((command == u"script" || command == u"function") &&
         (sub == u"flush" || sub == u"kill" || sub == u"load" || sub == u"delete")) ||
        (command == u"acl" && (sub == u"setuser" || sub == u"deluser" || sub == u"save")) ||
        (command == u"cluster" && (sub == u"reset" || sub == u"failover" || sub == u"forget"));
    return changes ? QStringLiteral("redis-cli %1").arg(command.toUpper()) : QString();
}

// The statements a client (psql -c, mysql -e) is given on its command line.
QStringList clientStatements(const QStringList &args, const QString &shortFlag,
                             const QString &longFlag)
{
    QStringList out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if ((a == shortFlag || a == longFlag) && i + 1 < args.size())
            out << args.at(++i);
        else if (a.startsWith(longFlag + u'='))
            out << a.mid(longFlag.size() + 1);
        else if (a.startsWith(shortFlag) && a.size() > shortFlag.size() && !a.startsWith(u"--"))
            out << a.mid(shortFlag.size());
    }
    return out;
}

QString commandChange(const QStringList &command);

// "sh -c 'redis-cli FLUSHALL && rm -f /tmp/x'": each command of the script on its own.
QString shellChange(const QString &script)
{
    QString piece;
    QStringList pieces;
    for (const QChar c : script) {
        if (c == u';' || c == u'&' || c == u'|' || c == u'\n' || c == u'(' || c == u')' ||
            c == u'`') {
            pieces << piece;
            piece.clear();
        } else {
            piece += c;
        }
    }
    pieces << piece;
    for (const QString &p : pieces) {
        QStringList words;
        for (const QString &w :
             p.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            QString t = w;
            t.remove(u'\'');
            t.remove(u'"');
            if (!t.isEmpty())
                words << t;
        }
        // "VAR=value cmd" and "exec cmd", "sudo cmd" run cmd
        while (!words.isEmpty() && (words.first().contains(u'=') || words.first() == u"exec" ||
                                    words.first() == u"sudo" || words.first() == u"env"))
            words.removeFirst();
        if (const QString c = commandChange(words); !c.isEmpty())
            return c;
    }
    return {};
}

// A command run inside a container (what follows kubectl exec's "--").
QString commandChange(const QStringList &command)
{
    if (command.isEmpty())
        return {};
    const QString program = baseName(command.first());
    const QStringList args = command.mid(1);
    static const QSet<QString> changing{
        QStringLiteral("rm"),        QStringLiteral("rmdir"),    QStringLiteral("unlink"),
        QStringLiteral("kill"),      QStringLiteral("pkill"),    QStringLiteral("killall"),
        QStringLiteral("reboot"),    QStringLiteral("shutdown"), QStringLiteral("halt"),
        QStringLiteral("poweroff"),  QStringLiteral("dd"),       QStringLiteral("mkfs"),
        QStringLiteral("shred"),     QStringLiteral("truncate"), QStringLiteral("mv"),
        QStringLiteral("chmod"),     QStringLiteral("chown"),    QStringLiteral("kubectl"),
        QStringLiteral("dropdb"),    QStringLiteral("createdb"), QStringLiteral("pg_ctl"),
        QStringLiteral("systemctl"),
    };
    if (changing.contains(program))
        return program;
    if (program == u"redis-cli" || program == u"valkey-cli")
        return redisChange(args);
    if (program == u"psql") {
        for (const QString &sql :
             clientStatements(args, QStringLiteral("-c"), QStringLiteral("--command")))
            if (const QString c = sqlChange(sql); !c.isEmpty())
                return c;
        return {};
    }
    if (program == u"mysql" || program == u"mariadb") {
        for (const QString &sql :
             clientStatements(args, QStringLiteral("-e"), QStringLiteral("--execute")))
            if (const QString c = sqlChange(sql); !c.isEmpty())
                return c;
        return {};
    }
    static const QSet<QString> shells{QStringLiteral("sh"),  QStringLiteral("bash"),
                                      QStringLiteral("ash"), QStringLiteral("dash"),
                                      QStringLiteral("zsh"), QStringLiteral("busybox")};
    if (shells.contains(program)) {
        for (qsizetype i = 0; i + 1 < args.size(); ++i)
            if (args.at(i) == u"-c")
                return shellChange(args.at(i + 1));
        if (program == u"busybox")
            return commandChange(args);
    }
    return {};
}

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

} // namespace

QString kubectlChange(const QStringList &args)
{
    QStringList positional;
    qsizetype i = 0;
    for (; i < args.size() && args.at(i) != u"--"; ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(u'-')) {
            if (!a.contains(u'=') && takesValue(a))
                ++i;
            continue;
        }
        positional << a;
    }
    if (positional.isEmpty())
        return {};
    const QString verb = lowered(positional.at(0)), sub = wordAt(positional, 1);
    static const QSet<QString> changing{
        QStringLiteral("delete"),  QStringLiteral("apply"),       QStringLiteral("create"),
        QStringLiteral("replace"), QStringLiteral("patch"),       QStringLiteral("edit"),
        QStringLiteral("scale"),   QStringLiteral("autoscale"),   QStringLiteral("set"),
        QStringLiteral("label"),   QStringLiteral("annotate"),    QStringLiteral("taint"),
        QStringLiteral("cordon"),  QStringLiteral("uncordon"),    QStringLiteral("drain"),
        QStringLiteral("run"),     QStringLiteral("expose"),      QStringLiteral("debug"),
        QStringLiteral("cp"),      QStringLiteral("attach"),      QStringLiteral("port-forward"),
        QStringLiteral("proxy"),   QStringLiteral("certificate"),
    };
    if (changing.contains(verb))
        return QStringLiteral("kubectl ") + verb;
    if (verb == u"rollout" &&
        (sub == u"restart" || sub == u"undo" || sub == u"pause" || sub == u"resume"))
        return QStringLiteral("kubectl rollout ") + sub;
    if (verb == u"config" &&
        (sub.startsWith(u"set") || sub.startsWith(u"delete-") || sub == u"unset" ||
         sub == u"use-context" || sub == u"use" || sub == u"rename-context"))
        return QStringLiteral("kubectl config ") + sub;
    if (verb == u"auth" && sub == u"reconcile")
        return QStringLiteral("kubectl auth reconcile");
    if (verb == u"exec" && i < args.size())
        return commandChange(args.mid(i + 1));
    return {};
}

QString sqlChange(const QString &query)
{
    // Words of the query outside literals, quoted names and comments; a statement's first word
    // says what it does, and a few words and functions change data wherever they stand
    // ("WITH d AS (DELETE …) SELECT", "SELECT … FOR UPDATE", "SELECT pg_terminate_backend(…)").
    static const QSet<QString> anywhere{
        QStringLiteral("insert"), QStringLiteral("update"),   QStringLiteral("delete"),
        QStringLiteral("merge"),  QStringLiteral("truncate"), QStringLiteral("drop"),
        QStringLiteral("alter"),  QStringLiteral("create"),   QStringLiteral("grant"),
        QStringLiteral("revoke"), QStringLiteral("vacuum"),   QStringLiteral("reindex"),
    };
    static const QSet<QString> first{
        QStringLiteral("cluster"),  QStringLiteral("call"),       QStringLiteral("do"),
        QStringLiteral("lock"),     QStringLiteral("refresh"),    QStringLiteral("comment"),
        QStringLiteral("import"),   QStringLiteral("reassign"),   QStringLiteral("load"),
        QStringLiteral("discard"),  QStringLiteral("checkpoint"), QStringLiteral("security"),
        QStringLiteral("notify"),   QStringLiteral("execute"),    QStringLiteral("prepare"),
        QStringLiteral("analyze"),  QStringLiteral("analyse"),    QStringLiteral("replace"),
        QStringLiteral("rename"),   QStringLiteral("kill"),       QStringLiteral("flush"),
        QStringLiteral("optimize"), QStringLiteral("repair"),
    };
    static const QSet<QString> functions{
        QStringLiteral("pg_terminate_backend"),
        QStringLiteral("pg_cancel_backend"),
        QStringLiteral("pg_reload_conf"),
        QStringLiteral("pg_rotate_logfile"),
        QStringLiteral("pg_switch_wal"),
        QStringLiteral("pg_promote"),
        QStringLiteral("pg_create_restore_point"),
        QStringLiteral("pg_drop_replication_slot"),
        QStringLiteral("pg_create_physical_replication_slot"),
        QStringLiteral("pg_create_logical_replication_slot"),
        QStringLiteral("pg_stat_reset"),
        QStringLiteral("pg_stat_reset_shared"),
        QStringLiteral("pg_stat_statements_reset"),
        QStringLiteral("pg_file_write"),
        QStringLiteral("setval"),
        QStringLiteral("nextval"),
        QStringLiteral("lo_unlink"),
        QStringLiteral("lo_import"),
        QStringLiteral("lo_export"),
        QStringLiteral("dblink_exec"),
    };
    const qsizetype n = query.size();
    bool statementStart = true;
    bool explaining = false;
    QString copyAt; // a COPY statement writes when it reads FROM somewhere
    for (qsizetype i = 0; i < n;) {
        const QChar c = query.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            // 'it''s', "quoted name", E'\'' (backslash escapes), `mysql name`
            const bool backslashes =
                c == u'\'' && i > 0 && (query.at(i - 1) == u'e' || query.at(i - 1) == u'E');
            ++i;
            while (i < n) {
                if (backslashes && query.at(i) == u'\\') {
                    i += 2;
                    continue;
                }
                if (query.at(i) == c) {
                    if (i + 1 < n && query.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
            statementStart = false;
            continue;
        }
        if (c == u'-' && i + 1 < n && query.at(i + 1) == u'-') {
            while (i < n && query.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && query.at(i + 1) == u'*') {
            int depth = 0;
            do {
                if (query.at(i) == u'/' && i + 1 < n && query.at(i + 1) == u'*') {
                    ++depth;
                    i += 2;
                } else if (query.at(i) == u'*' && i + 1 < n && query.at(i + 1) == u'/') {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (i < n && depth > 0);
            continue;
        }
        if (c == u'$') {
            // $tag$ … $tag$ (a dollar-quoted body), or $1 (a parameter)
            qsizetype e = i + 1;
            while (e < n && (query.at(e).isLetterOrNumber() || query.at(e) == u'_'))
                ++e;
            if (e < n && query.at(e) == u'$' && (e == i + 1 || !query.at(i + 1).isDigit())) {
                const QString tag = query.mid(i, e - i + 1);
                const qsizetype close = query.indexOf(tag, e + 1);
                i = close < 0 ? n : close + tag.size();
                statementStart = false;
                continue;
            }
            i = e;
            continue;
        }
        if (c == u';') {
            statementStart = true;
            explaining = false;
            copyAt.clear();
            ++i;
            continue;
        }
        if (isWordStart(c)) {
            qsizetype e = i + 1;
            while (e < n && isWordPart(query.at(e)))
                ++e;
            const QString word = lowered(query.mid(i, e - i));
            qsizetype after = e;
            while (after < n && query.at(after).isSpace())
                ++after;
            // EXPLAIN's options: the statement it explains comes after them
            if (explaining && (word == u"analyze" || word == u"analyse" || word == u"verbose")) {
                i = e;
                continue;
            }
            if (anywhere.contains(word) || (statementStart && first.contains(word)))
                return QStringLiteral("SQL ") + word.toUpper();
            if (functions.contains(word) && after < n && query.at(after) == u'(')
                return word + QStringLiteral("()");
            // COPY (SELECT …) TO reads; COPY t FROM writes
            if (statementStart && word == u"copy")
                copyAt = after < n && query.at(after) == u'(' ? QString() : word;
            else if (!copyAt.isEmpty() && word == u"from")
                return QStringLiteral("SQL COPY … FROM");
            else if (!copyAt.isEmpty() && word == u"to")
                copyAt.clear();
            // "EXPLAIN ANALYZE DELETE …" runs the DELETE: the word after EXPLAIN's options
            // starts the statement it explains.
            explaining = word == u"explain";
            statementStart = explaining;
            i = e;
            continue;
        }
        if (c == u'(' && statementStart)
            statementStart = false;
        ++i;
    }
    return {};
}

QString httpChange(const QString &method)
{
    const QString m = method.trimmed().toUpper();
    if (m.isEmpty() || m == u"GET" || m == u"HEAD" || m == u"OPTIONS")
        return {};
    return QStringLiteral("HTTP ") + m;
}

QString jsonRpcChange(const QString &method)
{
    const QString m = lowered(method.trimmed());
    static const QStringList prefixes{
        QStringLiteral("eth_send"), QStringLiteral("eth_sign"), QStringLiteral("personal_"),
        QStringLiteral("admin_"),   QStringLiteral("miner_"),   QStringLiteral("debug_set"),
        QStringLiteral("evm_"),     QStringLiteral("hardhat_"), QStringLiteral("anvil_"),
        QStringLiteral("clique_"),  QStringLiteral("wallet_"),  QStringLiteral("txpool_clear"),
    };
    for (const QString &p : prefixes)
        if (m.startsWith(p))
            return QStringLiteral("JSON-RPC ") + method.trimmed();
    return {};
}

QString changeMadeBy(const DiagnosticCheck &check)
{
    if (check.kind == u"kubectl" || check.kind == u"logs")
        return kubectlChange(check.args);
    if (check.kind == u"sql") {
        if (const QString c = kubectlChange(check.args); !c.isEmpty())
            return c;
        return sqlChange(check.query);
    }
    if (check.kind == u"http")
        return httpChange(check.method);
    if (check.kind == u"jsonrpc")
        return jsonRpcChange(check.method);
    return {};
}

} // namespace idesk
