// Message templates and timestamps: a labelled sample of several log formats (the true event of
// every line is known because the test writes it), grouped with no per-format configuration.

#include "core/logs/loganalyzer.h"
#include "core/logs/logreport.h"
#include "core/logs/logtext.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <map>
#include <set>
#include <thread>

using namespace idesk;
using namespace idesk::logs;

namespace {

struct Labelled
{
    QByteArray line;
    int event;
};

QByteArray pick(QRandomGenerator &rng, std::initializer_list<const char *> options)
{
    return QByteArray(*(options.begin() + rng.bounded(int(options.size()))));
}

QByteArray num(QRandomGenerator &rng, int lo, int hi)
{
    return QByteArray::number(rng.bounded(lo, hi));
}

QByteArray hex(QRandomGenerator &rng, int n)
{
    QByteArray h;
    for (int i = 0; i < n; ++i)
        h += "0123456789abcdef"[rng.bounded(16)];
    return h;
}

QByteArray iso(QRandomGenerator &rng)
{
    return "2024-05-01T13:" + num(rng, 10, 60) + ":" + num(rng, 10, 60) + "." + num(rng, 100, 999) +
           "Z";
}

// Four formats, fourteen events; variable parts of every kind the masks name.
std::vector<Labelled> labelledSample(int perFormat)
{
    QRandomGenerator rng(2024);
    std::vector<Labelled> out;
    for (int i = 0; i < perFormat; ++i) {
        // A JVM-style backend: ISO time, level, thread, logger.
        const QByteArray thread = pick(rng, {"[main]", "[worker-3]", "[pool-2-thread-7]"});
        const QByteArray head = iso(rng) + " ERROR " + thread + " c.e.OrderService - ";
        switch (rng.bounded(4)) {
        case 0:
            out.push_back(
                {head + "request failed user=u_" + num(rng, 1, 999) + " order=ord_" + hex(rng, 2),
                 0});
            break;
        case 1:
            out.push_back(
                {head + "payment " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
                     " declined: \"" + pick(rng, {"card expired", "insufficient funds"}) + "\"",
                 1});
            break;
        case 2:
            out.push_back({head + "timeout after " + num(rng, 100, 5000) + "ms calling " +
                               "http://10.0." + num(rng, 0, 9) + "." + num(rng, 1, 254) +
                               ":8080/api/orders/" + num(rng, 1, 99999),
                           2});
            break;
        default:
            out.push_back({head + "cache miss for key session:" + hex(rng, 16), 3});
            break;
        }
        // Syslog.
        const QByteArray sys = "May  " + num(rng, 1, 9) + " 13:" + num(rng, 10, 60) + ":" +
                               num(rng, 10, 60) + " web-0" + num(rng, 1, 4) + " ";
        switch (rng.bounded(3)) {
        case 0:
            out.push_back({sys + "sshd[" + num(rng, 100, 9999) + "]: Failed password for " +
                               pick(rng, {"root", "admin", "invalid user test"}).replace(' ', "_") +
                               " from 192.168." + num(rng, 0, 255) + "." + num(rng, 1, 255) +
                               " port " + num(rng, 1024, 65535) + " ssh2",
                           4});
            break;
        case 1:
            out.push_back({sys + "kernel: Out of memory: Killed process " + num(rng, 100, 99999) +
                               " (java) total-vm:" + num(rng, 1000, 99999) + "kB",
                           5});
            break;
        default:
            out.push_back(
                {sys + "nginx[" + num(rng, 100, 999) +
                     "]: upstream timed out while reading response header, client: 10.1." +
                     num(rng, 0, 255) + "." + num(rng, 0, 255),
                 6});
            break;
        }
        // Common log format: one event per route shape.
        const QByteArray clf = "10.0." + num(rng, 0, 255) + "." + num(rng, 1, 255) +
                               " - - [01/May/2024:13:" + num(rng, 10, 60) + ":" + num(rng, 10, 60) +
                               " +0000] ";
        switch (rng.bounded(2)) {
        case 0:
            out.push_back({clf + "\"GET /api/users/" + num(rng, 1, 9999) + " HTTP/1.1\" 500 " +
                               num(rng, 100, 9999),
                           7});
            break;
        default:
            out.push_back({clf + "\"POST /api/orders HTTP/1.1\" 502 " + num(rng, 100, 9999), 7});
            break;
        }
        // Python logging / logfmt.
        switch (rng.bounded(4)) {
        case 0:
            out.push_back({"2024-05-01 13:" + num(rng, 10, 60) + ":" + num(rng, 10, 60) + "," +
                               num(rng, 100, 999) +
                               " - payments.worker - ERROR - Charge declined for card ending " +
                               num(rng, 1000, 9999) + " amount=" + num(rng, 1, 500) + ".50",
                           8});
            break;
        case 1:
            out.push_back({"ts=" + iso(rng) + " level=error msg=\"db timeout\" duration=" +
                               num(rng, 1, 9) + "." + num(rng, 0, 9) + "s conn=" + num(rng, 1, 64),
                           9});
            break;
        case 2:
            out.push_back(
                {"ts=" + iso(rng) + " level=error msg=\"queue full\" depth=" + num(rng, 1000, 9999),
                 10});
            break;
        default:
            out.push_back({QByteArray::number(1714571736 + rng.bounded(3600)) + " ERROR worker " +
                               num(rng, 1, 8) + " crashed with exit code " + num(rng, 1, 255),
                           11});
            break;
        }
    }
    return out;
}

// The share of lines whose predicted group is exactly the set of lines sharing their true event,
// with the groups as the analyser reports them (every line selected, line numbers on).
double groupingAccuracy(const std::vector<Labelled> &sample)
{
    QByteArray log;
    for (const Labelled &l : sample)
        log += l.line + '\n';
    Options opt;
    opt.match = {};
    opt.withLines = true;
    const Report r = LogAnalyzer::analyze(log, opt);
    std::vector<size_t> group(sample.size(), 0);
    std::map<size_t, std::set<size_t>> predicted;
    for (size_t g = 0; g < r.templates.size(); ++g)
        for (qint64 n : r.templates[g].lineNumbers) {
            group[size_t(n - 1)] = g;
            predicted[g].insert(size_t(n - 1));
        }
    std::map<int, std::set<size_t>> truth;
    for (size_t i = 0; i < sample.size(); ++i)
        truth[sample[i].event].insert(i);
    size_t right = 0;
    for (size_t i = 0; i < sample.size(); ++i) {
        if (predicted[group[i]] == truth[sample[i].event])
            ++right;
        else if (qEnvironmentVariableIsSet("IDESK_SHOW_MISSES"))
            qInfo("event %d: %s", sample[i].event, r.templates[group[i]].text.constData());
    }
    return double(right) / double(sample.size());
}

} // namespace

class TestLogsTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void templateMasksVariableParts_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("issue example")
            << QByteArray("2024-05-01T13:55:36Z ERROR request failed user=u_12 order=ord_9f")
            << QByteArray("ERROR request failed user=<*> order=<*>");
        QTest::newRow("quoted and ip")
            << QByteArray("ERROR login \"bob smith\" from 10.0.0.1:443 failed")
            << QByteArray("ERROR login <*> from <*>:<*> failed");
        QTest::newRow("uuid and path")
            << QByteArray("ERROR GET /api/users/123/orders id=3f2b9c1e-7a41-4c1b-9a55-0f2d1e6b7c88")
            << QByteArray("ERROR GET /api/users/<*>/orders id=<*>");
        QTest::newRow("hex without digits") << QByteArray("ERROR object deadbeefcafe missing")
                                            << QByteArray("ERROR object <*> missing");
        QTest::newRow("syslog header dropped")
            << QByteArray("Oct 10 13:55:36 host1 sshd[24200]: Failed password for root")
            << QByteArray("Failed password for root");
        QTest::newRow("jvm header dropped")
            << QByteArray("2024-05-01 13:55:36,123 WARN [main] com.example.Db - pool exhausted")
            << QByteArray("WARN pool exhausted");
        QTest::newRow("blanks and crlf")
            << QByteArray("ERROR  a\t\tb  \r") << QByteArray("ERROR a b");
        QTest::newRow("level only") << QByteArray("ERROR\r") << QByteArray("ERROR");
        // Header fields before a program name vary (node ids, hosts): the program ends the header.
        QTest::newRow("node fields before the program")
            << QByteArray("- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 "
                          "crond(pam_unix)[2915]: session closed for user root")
            << QByteArray("session closed for user root");
        QTest::newRow("program after a plain host")
            << QByteArray("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown")
            << QByteArray("check pass; user unknown");
        // A bracketed field with blanks in the header is one field (ctime dates, request context).
        QTest::newRow("ctime date in brackets")
            << QByteArray("[Sun Dec 04 04:47:44 2005] [error] mod_jk child in error state 6")
            << QByteArray("ERROR mod_jk child in error state <*>");
        QTest::newRow("date inside the message")
            << QByteArray("ftpd[2451]: connection from 84.102.20.2 () at Sun Jul 10 03:55:15 2005")
            << QByteArray("connection from <*> (<*>) at <*>");
        QTest::newRow("list of ids")
            << QByteArray("INFO ask 10.250.14.224:50010 to delete blk_-12 blk_7 blk_99")
            << QByteArray("INFO ask <*>:<*> to delete <*>");
        QTest::newRow("empty value")
            << QByteArray("ERROR auth failure; logname= uid=0 tty=ssh")
            << QByteArray("ERROR auth failure; logname=<*> uid=<*> tty=ssh");
        QTest::newRow("variable path depth")
            << QByteArray("INFO Deleting block blk_-1 file /data/current/subdir51/blk_-1")
            << QByteArray("INFO Deleting block <*> file /data/current/<*>");
        QTest::newRow("ipv6 address") << QByteArray("WARN peer fe80:0:0:0:226:8ff:fecd:2 left")
                                      << QByteArray("WARN peer <*> left");
        QTest::newRow("quoted state word")
            << QByteArray("INFO icon state 'Inactive' for \"two words\"")
            << QByteArray("INFO icon state 'Inactive' for <*>");
        // After the logger the message starts, even with an address: it is not a header field.
        QTest::newRow("address after the program")
            << QByteArray("[10.30 17:45:58] WeChat.exe - 182.254.114.110:80 open through proxy")
            << QByteArray("<*>:<*> open through proxy");
        QTest::newRow("qualifier before the separator")
            << QByteArray("[10.30 16:49:06] chrome.exe *64 - mtalk.google.com:5228 open")
            << QByteArray("mtalk.google.com:<*> open");
        QTest::newRow("request context")
            << QByteArray("2017-05-16 00:00:00.008 25746 INFO nova.compute.manager "
                          "[req-38101a0b - - - - -] [instance: 7e9a] VM Started")
            << QByteArray("INFO [instance: <*>] VM Started");
    }

    void templateMasksVariableParts()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        QCOMPARE(messageTemplate(line), expected);
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("iso Z") << QByteArray("2024-05-01T13:55:36Z x")
                               << QByteArray("2024-05-01T13:55:36.000Z");
        QTest::newRow("iso space fraction")
            << QByteArray("2024-05-01 13:55:36.250 x") << QByteArray("2024-05-01T13:55:36.250Z");
        QTest::newRow("iso comma fraction")
            << QByteArray("2024-05-01 13:55:36,5 x") << QByteArray("2024-05-01T13:55:36.500Z");
        QTest::newRow("iso offset")
            << QByteArray("2024-05-01T13:55:36+02:00 x") << QByteArray("2024-05-01T11:55:36.000Z");
        QTest::newRow("iso offset no colon")
            << QByteArray("[2024-05-01T00:10:00-0130] x") << QByteArray("2024-05-01T01:40:00.000Z");
        QTest::newRow("iso minutes only")
            << QByteArray("2024-05-01T13:55 x") << QByteArray("2024-05-01T13:55:00.000Z");
        QTest::newRow("syslog") << QByteArray("Oct  3 09:05:01 host x")
                                << QByteArray("2023-10-03T09:05:01.000Z");
        QTest::newRow("common log")
            << QByteArray("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\"")
            << QByteArray("2000-10-10T20:55:36.000Z");
        QTest::newRow("epoch seconds")
            << QByteArray("1714571736 x") << QByteArray("2024-05-01T13:55:36.000Z");
        QTest::newRow("epoch millis")
            << QByteArray("1714571736250 x") << QByteArray("2024-05-01T13:55:36.250Z");
        QTest::newRow("logfmt") << QByteArray("ts=2024-05-01T13:55:36Z level=error")
                                << QByteArray("2024-05-01T13:55:36.000Z");
        QTest::newRow("none") << QByteArray("no time here 12345") << QByteArray();
        QTest::newRow("bad month") << QByteArray("2024-13-01T13:55:36Z") << QByteArray();
    }

    void quotesAndBlanksWhereverTheySit()
    {
        // Words and quoted values are found sixteen bytes at a time where the line is long
        // enough: the same template whatever the offset, quotes and tabs included.
        for (int at = 1; at < 40; ++at) {
            const QByteArray pad(at, 'x');
            QCOMPARE(messageTemplate("ERROR " + pad + " key=\"some value\" tail"),
                     QByteArray("ERROR " + pad + " key=<*> tail"));
            QCOMPARE(messageTemplate("ERROR " + pad + "\tkey='a b'\ttail 7"),
                     QByteArray("ERROR " + pad + " key=<*> tail <*>"));
            QCOMPARE(messageTemplate("ERROR " + pad + " it's \"x y\" " + pad),
                     QByteArray("ERROR " + pad + " it's <*> " + pad));
        }
    }

    void timestamps()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        const auto t = lineTimestamp(line, 2023);
        QCOMPARE(t ? isoTime(*t) : QByteArray(), expected);
    }

    void oneWordMessagesStayApart()
    {
        // Three templates equal but for one token are usually one event with a variable; not
        // when that token is the whole message.
        QByteArray log;
        for (const char *word : {"suspendAutohide", "setLightsOn(true)", "screenTurnedOff"})
            for (int i = 0; i < 2; ++i)
                log += QByteArray("03-17 16:13:38.811  1702  2395 D PowerManager: ") + word + '\n';
        Options opt;
        opt.match = {};
        const Report r = LogAnalyzer::analyze(log, opt);
        QCOMPARE(r.templates.size(), size_t(3));
        QCOMPARE(r.templates[0].text, QByteArray("screenTurnedOff"));
    }

    // A line whose header starts like a recent line's is read from a memo of that header only
    // when it holds every byte the search read: the templates of lines that share a start and
    // part ways at a token the search looks at (a level, a bracket, a logger, a program name,
    // a token that only begins the same) are those each line gets on a thread of its own.
    void headerMemoOnlyForTheSameHeader()
    {
        // A start longer than the bytes that choose a memo slot, so lines meet in one slot.
        const QByteArray ts = "2024-05-01T10:00:00Z [worker-thread-pool-17]";
        const QList<QByteArray> rests = {
            " c.l.Svc - request failed x=1",
            " c.l.Svc - [ctx] request failed x=1",
            " c.l.Svc - requests failed x=2",
            " c.l.Svc -",
            " c.l.Svc - request",
            " c.l.Svc: request failed x=1",
            " c.l.Svc warnin disk low",
            " c.l.Svc warning disk low",
            " WAR disk low on node 7",
            " WARN disk low on node 7",
            " warning disk low on node 7",
            " sshd[12]: accepted key for u_1",
            " sshd[12]:accepted key for u_1",
            " ERROR [req-7 user-3 - -] c.l.Svc - done in 5 ms",
            " ERROR [req-7 user-3 - -] c.l.Svc - done in 5 ms]",
            " ERROR [req-7 user-3 - - c.l.Svc - done in 5 ms",
            " ERROR 12 34 c.l.Svc - 56 done",
            " ERROR 12 34 c.l.Svc - 56: done",
            "  c.l.Svc -  request failed x=1",
            "\tc.l.Svc\t-\trequest failed x=1",
        };
        // Each line after each other line, so every pair meets in the memo both ways.
        QList<QByteArray> lines;
        for (const QByteArray &a : rests)
            for (const QByteArray &b : rests)
                lines << ts + a << ts + b;
        std::vector<QByteArray> alone;
        for (const QByteArray &l : lines) {
            QByteArray t;
            std::thread fresh([&] { t = messageTemplate(l); });
            fresh.join();
            alone.push_back(t);
        }
        for (qsizetype k = 0; k < lines.size(); ++k)
            QCOMPARE(messageTemplate(lines[k]), alone[size_t(k)]);
    }

    // A message whose digits and hex digits are those of a recent message but for their values
    // takes that message's template from a memo; where a value decides the template (a date is
    // one only if its clock reads as one), the memo must not answer, and each line's template
    // is the one it gets on a thread of its own.
    void messageMemoOnlyWhereValuesDoNotMatter()
    {
        const QList<QByteArray> lines = {
            "ERROR c.l.Job - started Sun Jul 10 03:55:15 2005 ok",
            "ERROR c.l.Job - started Sun Jul 10 93:55:15 2005 ok",
            "ERROR c.l.Job - started Jul 10 03:55:15 on node 7",
            "ERROR c.l.Job - started Jul 10 73:55:15 on node 7",
            "ERROR c.l.Job - due 2024-05-01T10:00:00 for u_1",
            "ERROR c.l.Job - due 2024-15-01T10:00:00 for u_1",
            "ERROR c.l.Job - due 2024/05/01 10:00:00 for u_1",
            "ERROR c.l.Job - due 2024/05/41 10:00:00 for u_1",
            "ERROR c.l.Job - mac fe80::1c2:8ff:fecd:2 up",
            "ERROR c.l.Job - mac fe80::1c2:8ff:fecd:2a up",
            "ERROR c.l.Job - mac 0e80::1c2:8ff:fecd:2 up",
            "ERROR c.l.Job - said 'abc' then 'ab1'",
            "ERROR c.l.Job - said 'ab1' then 'abc'",
            "ERROR c.l.Job - id deadbeef beef1234 ord_9f",
            "ERROR c.l.Job - id deadbee1 beef1234 ord_9f",
            "ERROR c.l.Job - id Deadbeef beef1234 ord_9f",
        };
        QList<QByteArray> order;
        for (const QByteArray &a : lines)
            for (const QByteArray &b : lines)
                order << a << b;
        std::vector<QByteArray> alone;
        for (const QByteArray &l : order) {
            QByteArray t;
            std::thread fresh([&] { t = messageTemplate(l); });
            fresh.join();
            alone.push_back(t);
        }
        for (qsizetype k = 0; k < order.size(); ++k)
            QCOMPARE(messageTemplate(order[k]), alone[size_t(k)]);
    }

    // The same over random messages made of the shapes the masking tells apart, many of them
    // alike but for their digits: every template read from the memo is the one computed afresh.
    void messageMemoMatchesFreshTemplates()
    {
        QRandomGenerator rng(77);
        const auto word = [&]() -> QByteArray {
            switch (rng.bounded(16)) {
            case 0:
                return "u_" + num(rng, 1, 99999);
            case 1:
                return "ord_" + hex(rng, 1 + rng.bounded(6));
            case 2:
                return hex(rng, 4 + rng.bounded(8));
            case 3:
                return pick(rng, {"Sun Jul ", "Jul ", "Mon Dec "}) + num(rng, 1, 40) + ' ' +
                       num(rng, 0, 30) + ':' + num(rng, 50, 62) + ":0" + num(rng, 0, 9) +
                       pick(rng, {" 2005", "", " 99"});
            case 4:
                return "20" + num(rng, 10, 99) + pick(rng, {"-", "/"}) + "0" + num(rng, 0, 9) +
                       pick(rng, {"-", "/"}) + num(rng, 10, 40) + pick(rng, {"T", " "}) +
                       num(rng, 10, 30) + ":" + num(rng, 10, 70);
            case 5:
                return "fe" + num(rng, 0, 99) + "::" + hex(rng, 3) + ":" + hex(rng, 2);
            case 6:
                return pick(rng, {"'", "\""}) + pick(rng, {"abc", "ab1", "a b", "12"}) +
                       pick(rng, {"'", "\"", ""});
            case 7:
                return "key=" + pick(rng, {"\"v 1\"", "'x'", "", "()"}) + num(rng, 0, 9);
            case 8:
                return "/data/" + pick(rng, {"blk_", "dir", "x"}) + num(rng, 0, 999) + "/" +
                       pick(rng, {"a", "b1", "cafe"});
            case 9:
                return num(rng, 0, 999) + pick(rng, {"ms", ".5", "", "-", "/x"});
            case 10:
                return pick(rng, {"(", "[", "{"}) + num(rng, 0, 99) + pick(rng, {")", "]", ""});
            case 11:
                return "10." + num(rng, 0, 255) + "." + num(rng, 0, 255) + ":" + num(rng, 1, 9999);
            default:
                return pick(rng, {"failed", "request", "for", "the", "Sun", "Jul", "abc", "Dec",
                                  "deadbeef", "=", "-", "user=", "a=b", "x:y", "()"});
            }
        };
        QList<QByteArray> lines;
        for (int n = 0; n < 1500; ++n) {
            QByteArray l = pick(rng, {"2024-05-01T10:00:00Z ERROR ", "ERROR [w-1] c.l.A - ", "",
                                      "Jul 10 03:55:15 host sshd[1]: "});
            const int words = 1 + rng.bounded(7);
            for (int w = 0; w < words; ++w)
                l += (w ? pick(rng, {" ", "  ", "\t", ",", "="}) : QByteArray()) + word();
            lines << l;
            // A sibling alike but for its digits, straight after it, so it meets the memo.
            QByteArray sibling = l;
            for (char &c : sibling)
                if (c >= '0' && c <= '9')
                    c = char('0' + rng.bounded(10));
            lines << sibling;
        }
        // Each line's own template: on a thread of its own, whose memo is empty.
        std::vector<QByteArray> alone(size_t(lines.size()));
        for (qsizetype k = 0; k < lines.size(); ++k) {
            std::thread one([&] { alone[size_t(k)] = messageTemplate(lines[k]); });
            one.join();
        }
        for (qsizetype k = 0; k < lines.size(); ++k)
            QCOMPARE(messageTemplate(lines[k]), alone[size_t(k)]);
    }

    void bigReportJsonKeepsOrder()
    {
        // Large answers are written by two threads a slice at a time: the document must read
        // as if written in one go, in order, across slice ends.
        Report r;
        for (int i = 0; i < 70001; ++i)
            r.errorGroups.push_back({70001 - i, "line \"" + QByteArray::number(i) + "\"", i == 9});
        QByteArray streamed;
        writeJson(r, false, [&](QByteArrayView piece) { streamed.append(piece); });
        QCOMPARE(streamed, reportToJson(r, false));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(streamed, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray groups = doc.object().value(QStringLiteral("errorGroups")).toArray();
        QCOMPARE(groups.size(), 70001);
        for (int i : {0, 9, 8191, 8192, 16383, 16384, 70000}) {
            const QJsonObject g = groups.at(i).toObject();
            QCOMPARE(g.value(QStringLiteral("count")).toInteger(), 70001 - i);
            QString text = QStringLiteral("line \"%1\"").arg(i);
            if (i == 9)
                text += QStringLiteral(" [...truncated]");
            QCOMPARE(g.value(QStringLiteral("text")).toString(), text);
        }
    }

    void groupingAccuracyOnLabelledSample()
    {
        const std::vector<Labelled> sample = labelledSample(100);
        QCOMPARE(sample.size(), size_t(400));
        const double accuracy = groupingAccuracy(sample);
        qInfo("grouping accuracy %.3f on %zu labelled lines", accuracy, sample.size());
        QVERIFY2(accuracy >= 0.97, qPrintable(QString::number(accuracy)));
    }

    void reportGroupsTemplatesWithTimesAndMinutes()
    {
        const QByteArray log = "2024-05-01T13:55:36Z ERROR request failed user=u_12 order=ord_9f\n"
                               "2024-05-01T13:56:10Z INFO fine\n"
                               "2024-05-01T13:57:01Z ERROR request failed user=u_13 order=ord_a1\n"
                               "2024-05-01T13:55:59Z ERROR disk full on /dev/sda1\n"
                               "ERROR no time at all\n";
        Options opt;
        opt.withLines = true;
        const Report r = LogAnalyzer::analyze(log, opt);
        QCOMPARE(r.templates.size(), size_t(3));
        const Template &t = r.templates[0];
        QCOMPARE(t.count, 2);
        QCOMPARE(t.text, QByteArray("ERROR request failed user=<*> order=<*>"));
        QCOMPARE(t.first, QByteArray("2024-05-01T13:55:36.000Z"));
        QCOMPARE(t.last, QByteArray("2024-05-01T13:57:01.000Z"));
        QCOMPARE(t.example, log.left(log.indexOf('\n')));
        QCOMPARE(t.lineNumbers, (std::vector<qint64>{1, 3}));
        QCOMPARE(r.errorsPerMinute.size(), size_t(2));
        QCOMPARE(r.errorsPerMinute[0].minute, QByteArray("2024-05-01T13:55Z"));
        QCOMPARE(r.errorsPerMinute[0].count, 2);
        QCOMPARE(r.errorsPerMinute[1].minute, QByteArray("2024-05-01T13:57Z"));
        QCOMPARE(r.errorsPerMinute[1].count, 1);
        QVERIFY(t.perMinute.empty()); // asked for only by the chart
    }

    // Each template's lines per minute, summed across both workers and across templates merged
    // as siblings, whatever order the lines come in; lines without a time are not counted.
    void templateMinutesSumAcrossWorkersAndMerges()
    {
        QByteArray log;
        const auto minuteOf = [](int m) {
            return QDateTime(QDate(2024, 5, 1), QTime(13, 0), QTimeZone::utc())
                       .addSecs(qint64(m) * 60)
                       .toMSecsSinceEpoch() /
                   60000;
        };
        std::map<qint64, qint64> expected;
        // Out of time order on purpose (minutes 30, 29 … then 0 … 29 again), many blocks' worth.
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 30000; ++i) {
                const int m = round == 0 ? 29 - i / 1000 : i / 1000;
                const QTime at = QTime(13, 0).addSecs(m * 60 + i % 60);
                log += "2024-05-01T" + at.toString(QStringLiteral("HH:mm:ss")).toLatin1() +
                       "Z ERROR request failed user=u_" + QByteArray::number(i) + " host=" +
                       QByteArray(i % 3 == 0   ? "alpha"
                                  : i % 3 == 1 ? "beta"
                                               : "gamma") +
                       "\n";
                ++expected[minuteOf(m)];
            }
        }
        log += "ERROR request failed user=u_1 host=alpha\n"; // no time
        Options opt;
        opt.templateMinutes = true;
        opt.threads = 2;
        LogAnalyzer a(opt);
        QCOMPARE(a.consume(log, true), log.size());
        const Report r = a.finish();
        QCOMPARE(r.templates.size(), size_t(1)); // the three hosts merged as siblings
        const Template &t = r.templates[0];
        QCOMPARE(t.count, qint64(60001));
        const std::vector<std::pair<qint64, qint64>> want(expected.begin(), expected.end());
        QCOMPARE(t.perMinute, want);
    }
};

QTEST_GUILESS_MAIN(TestLogsTemplates)
#include "test_logs_templates.moc"
