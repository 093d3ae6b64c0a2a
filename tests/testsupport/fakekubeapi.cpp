#include "fakekubeapi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace idesk::test {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject resource(const char *name, const char *kind, bool namespaced)
{
    return QJsonObject{
        {QStringLiteral("name"), QLatin1String(name)},
        {QStringLiteral("singularName"), QString()},
        {QStringLiteral("namespaced"), namespaced},
        {QStringLiteral("kind"), QLatin1String(kind)},
        {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get"), QStringLiteral("list")}}};
}

QJsonObject table(const QStringList &columns, const QList<QStringList> &rows)
{
    QJsonArray defs;
    for (const QString &c : columns)
        defs.append(QJsonObject{{QStringLiteral("name"), c},
                                {QStringLiteral("type"), QStringLiteral("string")},
                                {QStringLiteral("format"), QString()},
                                {QStringLiteral("description"), QString()},
                                {QStringLiteral("priority"), 0}});
    QJsonArray rs;
    for (const QStringList &row : rows) {
        rs.append(QJsonObject{
            {QStringLiteral("cells"), QJsonArray::fromStringList(row)},
            {QStringLiteral("object"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                         {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                         {QStringLiteral("metadata"),
                          QJsonObject{{QStringLiteral("name"), row.value(0)}}}}}});
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("1")}}},
                       {QStringLiteral("columnDefinitions"), defs},
                       {QStringLiteral("rows"), rs}};
}

QJsonObject labels(const QString &app)
{
    return QJsonObject{{QStringLiteral("app"), app}};
}

QJsonObject podObject(const QString &ns, const QString &name, const QString &app,
                      const QString &phase)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("namespace"), ns},
                                                 {QStringLiteral("labels"), labels(app)},
                                                 {QStringLiteral("creationTimestamp"),
                                                  QStringLiteral("2024-05-01T00:00:00Z")}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                     {QStringLiteral("image"), QStringLiteral("app:1")}}}}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), phase}}}};
}

} // namespace

QString FakeKubeApi::podNameOf(const QString &deployment)
{
    return deployment + QStringLiteral("-5d8f7c9b4-x2x7q");
}

QJsonObject FakeKubeApi::deployment(const QString &ns, const QString &name) const
{
    const QJsonObject labels{{QStringLiteral("app"), name}};
    const QJsonObject selector =
        m_selectors.value(name, QJsonObject{{QStringLiteral("matchLabels"), labels}});
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("uid"), QStringLiteral("uid-") + name}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("replicas"), 1},
             {QStringLiteral("selector"), selector},
             {QStringLiteral("template"),
              QJsonObject{
                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                  {QStringLiteral("spec"),
                   QJsonObject{{QStringLiteral("containers"),
                                QJsonArray{QJsonObject{
                                    {QStringLiteral("name"), name},
                                    {QStringLiteral("image"), name + QStringLiteral(":1")}}}}}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("replicas"), 1}, {QStringLiteral("readyReplicas"), 1}}}};
}

QJsonObject FakeKubeApi::pod(const QString &ns, const QString &deployment)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), podNameOf(deployment)},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("creationTimestamp"), QStringLiteral("2026-01-01T00:00:00Z")},
                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), deployment}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), QStringLiteral("node-a")},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), deployment},
                          {QStringLiteral("image"), deployment + QStringLiteral(":1")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                     {QStringLiteral("conditions"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                             {QStringLiteral("status"), QStringLiteral("True")}}}},
                     {QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), deployment},
                                             {QStringLiteral("ready"), true},
                                             {QStringLiteral("restartCount"), 0}}}}}}};
}

bool FakeKubeApi::hasPodsOf(const QString &ns, const QString &deployment) const
{
    for (const auto &[podNs, name, phase] : m_pods) {
        if (podNs == ns && name.startsWith(deployment + QLatin1Char('-')))
            return true;
    }
    return false;
}

void FakeKubeApi::notFound(QTcpSocket *s, const QString &message)
{
    reply(s, 404, "application/json",
          json(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                           {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("status"), QStringLiteral("Failure")},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("reason"), QStringLiteral("NotFound")},
                           {QStringLiteral("code"), 404}}));
}

FakeKubeApi::FakeKubeApi(QObject *parent) : FakeHttpServer(parent)
{
    setHandler([this](const Request &r, QTcpSocket *s) { handle(r, s); });
}

QString FakeKubeApi::writeKubeconfig(const QString &dir, const QString &context) const
{
    const QString path = dir + QStringLiteral("/kubeconfig");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n"
                           "    server: http://127.0.0.1:%1\ncontexts:\n- name: %2\n  context:\n"
                           "    cluster: fake\n    user: fake\ncurrent-context: %2\nusers:\n"
                           "- name: fake\n  user:\n    token: fake-token\n")
                .arg(serverPort())
                .arg(context)
                .toUtf8());
    return path;
}

void FakeKubeApi::handle(const Request &r, QTcpSocket *s)
{
    if (m_hang)
        return;
    const QUrl url(QString::fromLatin1(r.path));
    const QString path = url.path();
    const bool wantsTable = r.headers.value("accept").contains("as=Table");
    if (path == u"/version") {
        reply(s, 200, "application/json",
              R"({"major":"1","minor":"29","gitVersion":"v1.29.0","platform":"linux/amd64"})");
    } else if (path == u"/api") {
        reply(
            s, 200, "application/json",
            R"({"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]})");
    } else if (path == u"/apis") {
        reply(
            s, 200, "application/json",
            R"({"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},{"name":"networking.k8s.io","versions":[{"groupVersion":"networking.k8s.io/v1","version":"v1"}],"preferredVersion":{"groupVersion":"networking.k8s.io/v1","version":"v1"}}]})");
    } else if (path == u"/apis/networking.k8s.io/v1") {
        reply(s, 200, "application/json",
              json(QJsonObject{
                  {QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                  {QStringLiteral("groupVersion"), QStringLiteral("networking.k8s.io/v1")},
                  {QStringLiteral("resources"),
                   QJsonArray{resource("ingresses", "Ingress", true)}}}));
    } else if (path == u"/api/v1") {
        reply(s, 200, "application/json",
              json(QJsonObject{
                  {QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                  {QStringLiteral("groupVersion"), QStringLiteral("v1")},
                  {QStringLiteral("resources"),
                   QJsonArray{resource("nodes", "Node", false), resource("pods", "Pod", true),
                              resource("pods/log", "Pod", true), resource("events", "Event", true),
                              resource("services", "Service", true)}}}));
    } else if (path == u"/apis/apps/v1") {
        reply(s, 200, "application/json",
              json(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                               {QStringLiteral("groupVersion"), QStringLiteral("apps/v1")},
                               {QStringLiteral("resources"),
                                QJsonArray{resource("deployments", "Deployment", true)}}}));
    } else if (path == u"/api/v1/nodes" && wantsTable) {
        reply(s, 200, "application/json",
              json(table({QStringLiteral("Name"), QStringLiteral("Status")},
                         {{QStringLiteral("node-a"), QStringLiteral("Ready")},
                          {QStringLiteral("node-b"), QStringLiteral("Ready")}})));
    } else if ((path == u"/api/v1/pods" || path.startsWith(u"/api/v1/namespaces/")) &&
               path.endsWith(u"/pods") && wantsTable) {
        const QString selector =
            QUrlQuery(url).queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded);
        const QString ns =
            path == u"/api/v1/pods" ? QString() : path.section(QLatin1Char('/'), 4, 4);
        QList<QStringList> rows;
        for (const auto &[podNs, name, phase] : m_pods) {
            if (!ns.isEmpty() && podNs != ns)
                continue;
            if (selector.contains(QStringLiteral("status.phase!=") + phase))
                continue;
            rows.append({name, phase});
        }
        reply(s, 200, "application/json",
              json(table({QStringLiteral("Name"), QStringLiteral("Status")}, rows)));
    } else if (wantsTable && (path.endsWith(u"/services") || path.endsWith(u"/ingresses") ||
                              path.endsWith(u"/deployments") || path.endsWith(u"/events"))) {
        const QString resource = path.section(QLatin1Char('/'), -1);
        reply(s, 200, "application/json",
              json(table({QStringLiteral("Name")}, {{resource + QStringLiteral("-1")}})));
    } else if (!wantsTable && path.startsWith(u"/apis/apps/v1/namespaces/") &&
               path.section(QLatin1Char('/'), 6, 6) == u"deployments" &&
               !path.section(QLatin1Char('/'), 7, 7).isEmpty()) {
        // One deployment by name, as `kubectl logs deployment/NAME` reads it to find its pods:
        // the configured ones, and any that pods set with setPods are named after.
        const QString ns = path.section(QLatin1Char('/'), 5, 5);
        const QString name = path.section(QLatin1Char('/'), 7, 7);
        if (!m_deployments.contains(name) && !hasPodsOf(ns, name)) {
            notFound(s, QStringLiteral("deployments.apps \"%1\" not found").arg(name));
            return;
        }
        reply(s, 200, "application/json", json(deployment(ns, name)));
    } else if (!wantsTable && path.startsWith(u"/api/v1/namespaces/") &&
               path.count(QLatin1Char('/')) == 4) {
        // kubectl asks whether the namespace exists before it reports a missing object.
        reply(s, 200, "application/json",
              json(QJsonObject{
                  {QStringLiteral("kind"), QStringLiteral("Namespace")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("name"), path.section(QLatin1Char('/'), 4, 4)}}}}));
    } else if (!wantsTable && path.startsWith(u"/api/v1/namespaces/") && path.endsWith(u"/pods")) {
        // A label selector "app=NAME", as a deployment's selector asks for it.
        const QString ns = path.section(QLatin1Char('/'), 4, 4);
        const QString app = QUrlQuery(url)
                                .queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded)
                                .section(QLatin1Char('='), 1);
        QJsonArray items;
        // Pods set with setPods stand in for a configured deployment's own pod.
        if (m_deployments.contains(app) && !hasPodsOf(ns, app))
            items.append(pod(ns, app));
        for (const auto &[podNs, name, phase] : m_pods) {
            if (podNs == ns && name.startsWith(app + QLatin1Char('-')))
                items.append(podObject(ns, name, app, phase));
        }
        reply(s, 200, "application/json",
              json(QJsonObject{{QStringLiteral("kind"), QStringLiteral("PodList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("metadata"), QJsonObject{}},
                               {QStringLiteral("items"), items}}));
    } else if (path.endsWith(u"/log")) {
        const QString podName = path.section(QLatin1Char('/'), -2, -2);
        m_logRequests << podName + QLatin1Char('?') + url.query(QUrl::FullyDecoded);
        reply(s, 200, "text/plain",
              m_podLogs.value(podName, "log of " + podName.toUtf8() +
                                           "\nline one\npayment failed for order 7\nline three\n"));
    } else if (!wantsTable && path.startsWith(u"/api/v1/namespaces/") &&
               path.section(QLatin1Char('/'), 5, 5) == u"pods") {
        const QString ns = path.section(QLatin1Char('/'), 4, 4);
        const QString podName = path.section(QLatin1Char('/'), 6, 6);
        for (const QString &d : std::as_const(m_deployments)) {
            if (podName == podNameOf(d)) {
                reply(s, 200, "application/json", json(pod(ns, d)));
                return;
            }
        }
        for (const auto &[podNs, name, phase] : m_pods) {
            if (podNs == ns && name == podName) {
                reply(s, 200, "application/json",
                      json(podObject(ns, name, name.section(QLatin1Char('-'), 0, 0), phase)));
                return;
            }
        }
        notFound(s, QStringLiteral("pods \"%1\" not found").arg(podName));
    } else {
        reply(
            s, 404, "application/json",
            R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"not found","reason":"NotFound","code":404})");
    }
}

} // namespace idesk::test
