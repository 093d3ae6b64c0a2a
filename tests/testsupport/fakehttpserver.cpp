#include "fakehttpserver.h"

#include <QTcpSocket>

namespace idesk::test {

FakeHttpServer::FakeHttpServer(QObject *parent) : QTcpServer(parent)
{
    m_handler = [](const Request &, QTcpSocket *s) { reply(s, 200, "text/plain", "ok"); };
}

bool FakeHttpServer::start(const QHostAddress &address, quint16 port)
{
    return listen(address, port);
}

QString FakeHttpServer::url(const QString &path) const
{
    return QStringLiteral("http://%1:%2%3")
        .arg(serverAddress().toString())
        .arg(serverPort())
        .arg(path);
}

QTcpSocket *FakeHttpServer::makeSocket(qintptr fd)
{
    auto *s = new QTcpSocket(this);
    s->setSocketDescriptor(fd);
    return s;
}

void FakeHttpServer::incomingConnection(qintptr fd)
{
    QTcpSocket *s = makeSocket(fd);
    if (!s)
        return;
    ++m_open;
    connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
    connect(s, &QTcpSocket::disconnected, this, [this, s] {
        --m_open;
        m_buffers.remove(s);
        s->deleteLater();
    });
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf.append(socket->readAll());
    for (;;) {
        const auto end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        Request r;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (buf.size() < end + 4 + length)
            return;
        r.body = buf.mid(end + 4, length);
        buf.remove(0, end + 4 + length);
        m_requests.append(r);
        m_handler(r, socket);
    }
}

void FakeHttpServer::answerAlways(int status, const QByteArray &reason, const QByteArray &body)
{
    setHandler([status, reason, body](const Request &, QTcpSocket *s) {
        reply(s, status, "text/plain", body, {}, reason);
    });
}

void FakeHttpServer::reply(QTcpSocket *socket, int status, const QByteArray &contentType,
                           const QByteArray &body, const QByteArray &extraHeaders,
                           const QByteArray &reason)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                      "\r\nContent-Type: " + contentType +
                      "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
                      extraHeaders + "\r\n";
    socket->write(head);
    socket->write(body);
}

} // namespace idesk::test
