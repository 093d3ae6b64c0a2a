#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QTcpServer>
#include <functional>

class QTcpSocket;

namespace idesk::test {

// An HTTP/1.1 server on a loopback address whose every answer is up to the test: a handler
// sees each parsed request with its socket and may answer at once, later, badly, or never.
class FakeHttpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;                      // with the query
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    using Handler = std::function<void(const Request &, QTcpSocket *)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    bool start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void setHandler(Handler h) { m_handler = std::move(h); }
    // Answers every request alike, with this status line's reason phrase and a text body.
    void answerAlways(int status, const QByteArray &reason, const QByteArray &body);
    // Reads and records each request, answers none: for timeouts and cancelling mid-request.
    void answerNothing()
    {
        setHandler([](const Request &, QTcpSocket *) {});
    }
    QString url(const QString &path) const;
    const QList<Request> &requests() const { return m_requests; }
    int openConnections() const { return m_open; }

    static void reply(QTcpSocket *socket, int status, const QByteArray &contentType,
                      const QByteArray &body, const QByteArray &extraHeaders = {},
                      const QByteArray &reason = "X");

protected:
    void incomingConnection(qintptr fd) override;
    virtual QTcpSocket *makeSocket(qintptr fd);

private:
    void onReadyRead(QTcpSocket *socket);

    Handler m_handler;
    QList<Request> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    int m_open = 0;
};

} // namespace idesk::test
