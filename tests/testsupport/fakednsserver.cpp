#include "fakednsserver.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QtEndian>

namespace idesk::test {

namespace {

void put16(QByteArray &b, quint16 v)
{
    b.append(char(v >> 8)).append(char(v & 0xff));
}

void put32(QByteArray &b, quint32 v)
{
    put16(b, quint16(v >> 16));
    put16(b, quint16(v & 0xffff));
}

QByteArray encodeName(const QString &name)
{
    QByteArray out;
    for (const QString &label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        const QByteArray l = label.toLatin1();
        out.append(char(l.size())).append(l);
    }
    out.append('\0');
    return out;
}

} // namespace

FakeDnsServer::FakeDnsServer(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &FakeDnsServer::onReadyRead);
}

bool FakeDnsServer::start()
{
    // Tests run in parallel (and on shared machines), so each server takes an address of its own.
    for (int attempt = 0; attempt < 50; ++attempt) {
        const quint32 host = 0x7f000000u | (QRandomGenerator::global()->bounded(1u, 0xfffeu) << 8) |
                             QRandomGenerator::global()->bounded(2u, 250u);
        const QHostAddress a(host);
        if (m_socket.bind(a, 53)) {
            m_address = a;
            return true;
        }
        m_error = m_socket.errorString();
        if (m_socket.error() == QAbstractSocket::SocketAccessError)
            return false;
    }
    return false;
}

void FakeDnsServer::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram();
        const QByteArray q = d.data();
        if (q.size() < 12)
            continue;
        ++m_queries;
        // The question: labels up to a zero byte, then type and class.
        qsizetype i = 12;
        QStringList labels;
        while (i < q.size() && q[i] != 0) {
            const int len = quint8(q[i]);
            labels << QString::fromLatin1(q.mid(i + 1, len));
            i += len + 1;
        }
        ++i;
        if (i + 4 > q.size())
            continue;
        const quint16 type = qFromBigEndian<quint16>(q.constData() + i);
        const QByteArray question = q.mid(12, i + 4 - 12);
        const QString name = labels.join(QLatin1Char('.')).toLower();
        const auto it = m_names.constFind(name);
        if (it != m_names.constEnd() && it->silent)
            continue;
        QList<QByteArray> answers;
        const auto answer = [&](quint16 t, const QByteArray &rdata) {
            QByteArray a;
            put16(a, 0xc00c); // the name in the question
            put16(a, t);
            put16(a, 1);
            put32(a, 60);
            put16(a, quint16(rdata.size()));
            a.append(rdata);
            answers << a;
        };
        if (it != m_names.constEnd()) {
            for (const QHostAddress &addr : it->addresses) {
                if (type == 1 && addr.protocol() == QAbstractSocket::IPv4Protocol) {
                    QByteArray r;
                    put32(r, addr.toIPv4Address());
                    answer(1, r);
                } else if (type == 28 && addr.protocol() == QAbstractSocket::IPv6Protocol) {
                    const Q_IPV6ADDR v6 = addr.toIPv6Address();
                    answer(28, QByteArray(reinterpret_cast<const char *>(v6.c), 16));
                }
            }
            if (type == 5 && !it->cname.isEmpty())
                answer(5, encodeName(it->cname));
        }
        QByteArray reply;
        reply.append(q.left(2)); // id
        const bool known = it != m_names.constEnd();
        put16(reply, known ? 0x8180 : 0x8183); // response, recursion available; NXDOMAIN if unknown
        put16(reply, 1);
        put16(reply, quint16(answers.size()));
        put16(reply, 0);
        put16(reply, 0);
        reply.append(question);
        for (const QByteArray &a : std::as_const(answers))
            reply.append(a);
        m_socket.writeDatagram(reply, d.senderAddress(), quint16(d.senderPort()));
    }
}

} // namespace idesk::test
