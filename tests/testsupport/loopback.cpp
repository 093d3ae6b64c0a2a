#include "loopback.h"

#include <QTcpSocket>

namespace idesk::test {

quint16 unusedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

SilentServer::SilentServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = nextPendingConnection())
            m_held << s; // parented to the server: they close when it goes
    });
}

bool SilentServer::start()
{
    return listen(QHostAddress::LocalHost);
}

} // namespace idesk::test
