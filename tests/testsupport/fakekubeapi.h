#pragma once

#include "fakehttpserver.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
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
    // Deployments `kubectl logs deployment/NAME` finds, each with one running pod.
    void setDeployments(QStringList names) { m_deployments = std::move(names); }
    // The pod and query of every log request, in order.
    const QStringList &logRequests() const { return m_logRequests; }
    static QString podNameOf(const QString &deployment);
    // What `kubectl logs` reads from a pod (default: its name and three fixed lines). Pods set
    // with setPods make a deployment of the name before their first "-".
    void setPodLog(const QString &pod, const QByteArray &text) { m_podLogs[pod] = text; }
    // The spec.selector of a deployment (default: matchLabels app=NAME).
    void setSelector(const QString &deployment, const QJsonObject &selector)
    {
        m_selectors[deployment] = selector;
    }
    // Writes a kubeconfig for this server into dir; returns its path.
    QString writeKubeconfig(const QString &dir, const QString &context) const;

private:
    void handle(const Request &r, QTcpSocket *s);
    QJsonObject deployment(const QString &ns, const QString &name) const;
    static QJsonObject pod(const QString &ns, const QString &deployment);
    bool hasPodsOf(const QString &ns, const QString &deployment) const;
    static void notFound(QTcpSocket *s, const QString &message);
    bool m_hang = false;
    QList<std::tuple<QString, QString, QString>> m_pods;
    QStringList m_deployments{QStringLiteral("backend"), QStringLiteral("frontend")};
    QStringList m_logRequests;
    QMap<QString, QByteArray> m_podLogs;
    QMap<QString, QJsonObject> m_selectors;
};

} // namespace idesk::test
