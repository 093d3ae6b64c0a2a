#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

namespace idesk::test {

// A DNS server on UDP port 53 of a loopback address of its own (127.x.y.z), because
// QDnsLookup's nameserver has no port. Names it knows get their records, names marked silent
// get no answer at all, every other name NXDOMAIN. Needs the right to bind port 53.
class FakeDnsServer final : public QObject
{
    Q_OBJECT
public:
    struct Records
    {
        QList<QHostAddress> addresses; // A and AAAA
        QString cname;
        bool silent = false;
    };
    explicit FakeDnsServer(QObject *parent = nullptr);
    bool start();
    QHostAddress address() const { return m_address; }
    QString error() const { return m_error; }
    void set(const QString &name, Records r) { m_names.insert(name.toLower(), std::move(r)); }
    int queries() const { return m_queries; }

private:
    void onReadyRead();
    QUdpSocket m_socket;
    QHostAddress m_address;
    QString m_error;
    QHash<QString, Records> m_names;
    int m_queries = 0;
};

} // namespace idesk::test
