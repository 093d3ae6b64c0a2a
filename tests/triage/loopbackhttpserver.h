#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

class QTcpSocket;

namespace idesk::test {

// A tiny HTTP/1.1 server on 127.0.0.1 that answers every request the same way, or never.
// It records what it received so tests can check the request itself.
class LoopbackHttpServer final : public QTcpServer
{
    Q_OBJECT
public:
    enum class Mode
    {
        Answer,
        Silent
    };
    explicit LoopbackHttpServer(QObject *parent = nullptr);

    bool start(); // listens on 127.0.0.1, a free port
    void answer(int status, QByteArray reason, QByteArray body);
    void setSilent() { m_mode = Mode::Silent; }
    quint16 port() const { return serverPort(); }

    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray contentType;
        QByteArray body;
    };
    const QList<Request> &requests() const { return m_requests; }

    // A port on 127.0.0.1 where nothing listens: bound, read, released.
    static quint16 closedPort();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    Mode m_mode = Mode::Answer;
    int m_status = 200;
    QByteArray m_reason = "OK";
    QByteArray m_body = "ok";
    QList<Request> m_requests;
};

} // namespace idesk::test
