#pragma once

#include <QList>
#include <QTcpServer>

class QTcpSocket;

namespace idesk::test {

// A loopback port that was free a moment ago and has nothing listening on it: what a probe meets
// when the service is down (connection refused, not a timeout).
quint16 unusedLoopbackPort();

// Accepts TCP connections on loopback and never says a word, holding each socket open until it
// goes: the server every client has to bound with its own timeout (libpq, HTTP, JSON-RPC).
class SilentServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit SilentServer(QObject *parent = nullptr);
    bool start();
    int heldConnections() const { return int(m_held.size()); }

private:
    QList<QTcpSocket *> m_held;
};

} // namespace idesk::test
