#include "loopbackhttpserver.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace idesk::test {

LoopbackHttpServer::LoopbackHttpServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

bool LoopbackHttpServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void LoopbackHttpServer::answer(int status, QByteArray reason, QByteArray body)
{
    m_mode = Mode::Answer;
    m_status = status;
    m_reason = std::move(reason);
    m_body = std::move(body);
}

quint16 LoopbackHttpServer::closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    // Buffer per socket until the headers and Content-Length bytes of body are in.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> headerLines = buffer.left(headerEnd).split('\n');
    Request req;
    const QList<QByteArray> requestLine = headerLines.value(0).trimmed().split(' ');
    req.method = requestLine.value(0);
    req.path = requestLine.value(1);
    qsizetype length = 0;
    for (const QByteArray &line : headerLines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "content-type")
            req.contentType = value;
    }
    const QByteArray body = buffer.mid(headerEnd + 4);
    if (body.size() < length)
        return;
    req.body = body.left(length);
    if (socket->property("done").toBool())
        return;
    socket->setProperty("done", true);
    m_requests.append(req);
    if (m_mode == Mode::Silent)
        return; // keep the connection open and say nothing
    QByteArray response = "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + m_reason + "\r\n";
    response += "Content-Type: text/plain\r\nConnection: close\r\n";
    response += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace idesk::test
