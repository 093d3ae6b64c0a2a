// P6: 200 HTTP probes through the diagnostics runner against a loopback server that answers
// each after 100 ms, spread over 127.0.0.1-127.0.0.20, against curl run over the same URLs one
// after another (the runbook's way), in the same run. Also the worst delay of the prober's event
// loop while the probes run (a GUI thread would be that loop).
// Prints: BENCH probes_200_http ours_ms=<x> anchor_ms=<y> ratio=<y/x> worst_stall_ms=<z> goal=>=50x
#include "diagnostics/diagnosticsrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <cstdio>

using namespace idesk;

namespace {

constexpr int kHosts = 20;
constexpr int kProbes = 200;
constexpr int kDelayMs = 100;

// Answers every request after kDelayMs; lives on its own thread so its work is not counted as
// the prober's stall.
class SlowServer final : public QObject
{
public:
    bool listenAll(quint16 port)
    {
        for (int i = 1; i <= kHosts; ++i) {
            auto *s = new QTcpServer(this);
            if (!s->listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(i)), port))
                return false;
            connect(s, &QTcpServer::newConnection, this, [this, s] {
                while (QTcpSocket *c = s->nextPendingConnection())
                    serve(c);
            });
        }
        return true;
    }

private:
    void serve(QTcpSocket *c)
    {
        auto *buf = new QByteArray;
        connect(c, &QTcpSocket::disconnected, c, [c, buf] {
            delete buf;
            c->deleteLater();
        });
        connect(c, &QTcpSocket::readyRead, c, [c, buf] {
            buf->append(c->readAll());
            while (buf->contains("\r\n\r\n")) {
                buf->remove(0, buf->indexOf("\r\n\r\n") + 4);
                QTimer::singleShot(kDelayMs, c, [c] {
                    c->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             "Content-Length: 15\r\n\r\n{\"status\":\"ok\"}");
                });
            }
        });
    }
};

quint16 freePortOnAll()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress(QStringLiteral("127.0.0.1"))))
            continue;
        const quint16 port = probe.serverPort();
        probe.close();
        bool ok = true;
        for (int i = 2; i <= kHosts && ok; ++i) {
            QTcpServer t;
            ok = t.listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(i)), port);
        }
        if (ok)
            return port;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const quint16 port = freePortOnAll();
    if (port == 0) {
        std::fprintf(stderr, "no port free on 127.0.0.1-127.0.0.%d\n", kHosts);
        return 1;
    }
    QThread serverThread;
    auto *server = new SlowServer;
    server->moveToThread(&serverThread);
    serverThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        server, [&] { listening = server->listenAll(port); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        std::fprintf(stderr, "cannot listen on the loopback addresses\n");
        return 1;
    }

    std::vector<DiagnosticCheck> checks;
    QStringList urls;
    for (int i = 0; i < kProbes; ++i) {
        DiagnosticCheck c;
        c.id = QStringLiteral("probe-%1").arg(i);
        c.kind = QStringLiteral("http");
        c.url =
            QStringLiteral("http://127.0.0.%1:%2/health/%3").arg(1 + i % kHosts).arg(port).arg(i);
        c.timeoutSeconds = 30;
        checks.push_back(c);
        urls << c.url;
    }

    diag::RunnerOptions options;
    options.httpCap = kProbes;
    diag::DiagnosticsRunner runner(options);
    int passed = 0;
    QObject::connect(&runner, &diag::DiagnosticsRunner::resultReady,
                     [&passed](const diag::DiagnosticResult &r) {
                         passed += r.status == diag::RunStatus::Pass ? 1 : 0;
                     });
    // The event loop's worst delay: a 5 ms timer whose late ticks are the stall.
    QElapsedTimer tick;
    qint64 worstStall = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout,
                     [&] { worstStall = std::max(worstStall, tick.restart() - 5); });
    QEventLoop loop;
    QObject::connect(&runner, &diag::DiagnosticsRunner::allFinished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    tick.start();
    heartbeat.start(5);
    runner.run(checks);
    loop.exec();
    const qint64 ours = clock.elapsed();
    heartbeat.stop();
    if (passed != kProbes) {
        std::fprintf(stderr, "only %d of %d probes passed\n", passed, kProbes);
        return 1;
    }

    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        std::fprintf(stderr, "curl is not installed (scripts/common.sh lists it)\n");
        return 1;
    }
    clock.restart();
    for (const QString &url : std::as_const(urls)) {
        QProcess p;
        p.start(curl, {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                       QStringLiteral("--max-time"), QStringLiteral("30"), url});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            std::fprintf(stderr, "curl failed on %s\n", qPrintable(url));
            return 1;
        }
    }
    const qint64 anchor = clock.elapsed();

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();

    const double ratio = ours > 0 ? double(anchor) / double(ours) : 0;
    out << "BENCH probes_200_http ours_ms=" << ours << " anchor_ms=" << anchor
        << " ratio=" << QString::number(ratio, 'f', 1) << " worst_stall_ms=" << worstStall
        << " goal=>=50x,stall<50ms\n";
    return 0;
}
