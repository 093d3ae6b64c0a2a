#pragma once

#include "fakehttpserver.h"

#include <QString>
#include <QTemporaryDir>

namespace idesk::test {

// A Kubernetes API server that kubectl accepts for get: discovery, nodes, pods, deployments,
// events and pod logs, answering lists as Table when kubectl asks for them. Hang mode accepts
// connections and never answers.
class FakeKubeApi final : public FakeHttpServer
{
    Q_OBJECT
public:
    explicit FakeKubeApi(QObject *parent = nullptr);
    void setHang(bool hang) { m_hang = hang; }
    // Pod rows as (namespace, name, phase).
    void setPods(QList<std::tuple<QString, QString, QString>> pods) { m_pods = std::move(pods); }
    // Writes a kubeconfig for this server into dir; returns its path.
    QString writeKubeconfig(const QString &dir, const QString &context) const;

private:
    void handle(const Request &r, QTcpSocket *s);
    bool m_hang = false;
    QList<std::tuple<QString, QString, QString>> m_pods;
};

} // namespace idesk::test
