#pragma once

#include "fakehttpserver.h"

#include <QMap>
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
    // What `kubectl logs` reads from a pod (default: three fixed lines). Deployments answer for
    // any name, selecting the pods whose names start with "NAME-".
    void setPodLog(const QString &pod, const QByteArray &text) { m_podLogs[pod] = text; }
    // Writes a kubeconfig for this server into dir; returns its path.
    QString writeKubeconfig(const QString &dir, const QString &context) const;

private:
    void handle(const Request &r, QTcpSocket *s);
    bool m_hang = false;
    QList<std::tuple<QString, QString, QString>> m_pods;
    QMap<QString, QByteArray> m_podLogs;
};

} // namespace idesk::test
