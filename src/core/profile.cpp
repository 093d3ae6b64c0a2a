#include "profile.h"

#include "changeguard.h"
#include "jsoncheck_p.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QResource>
#include <algorithm>
#include <array>

namespace idesk {

using jsoncheck::Json;
using jsoncheck::Presence;
using jsoncheck::toStd;

namespace {

using Checker = jsoncheck::Checker<ProfileError>;

constexpr qint64 kMaxMinutes = 525600; // a year: anything longer is a typo, not a policy

bool isDns1123Label(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return s.size() <= 63 && re.match(s).hasMatch();
}

bool isDns1123Subdomain(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return s.size() <= 253 && re.match(s).hasMatch();
}

bool looksLikeEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(s).hasMatch();
}

// Reads one profile document; every accessor knows its JSON path.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(idesk::Profile)

public:
    explicit Reader(const QString &origin) : c(origin) {}

    Profile read(const Json &root)
    {
        const QString top = QStringLiteral("$");
        if (!root.is_object())
            c.fail(
                top,
                tr("a JSON object at the top level (found %1)").arg(jsoncheck::jsonTypeName(root)));
        Profile p;
        // The version comes first: a newer file may not follow the rules checked below.
        p.schemaVersion = readSchemaVersion(root);
        p.name = str(root, top, "name", Presence::Required, true);
        p.organisation = str(root, top, "organisation", Presence::Optional);
        readSeverities(root, p);
        if (const Json *t = c.member(root, top, "thresholds", Presence::Optional, {}))
            p.thresholds = readThresholds(*t, Checker::key(top, "thresholds"));
        readLevels(root, p);
        p.onCall = readContacts(root, "onCall");
        p.personnel = readContacts(root, "personnel");
        p.vendors = readContacts(root, "vendors");
        readLevelContacts(p);
        readRules(root, p);
        readChannels(root, p);
        readDashboards(root, p);
        readHealthEndpoints(root, p);
        readJsonRpcEndpoints(root, p);
        if (const Json *k = c.member(root, top, "kube", Presence::Optional, {}))
            p.kube = readKube(*k, Checker::key(top, "kube"));
        if (const Json *d = c.member(root, top, "database", Presence::Optional, {}))
            p.database = readDatabase(*d, Checker::key(top, "database"));
        readDiagnostics(root, p);
        readPlaybooks(root, p);
        p.initialAssessmentChecklist = checklist(root, "initialAssessmentChecklist");
        p.recoveryChecklist = checklist(root, "recoveryChecklist");
        p.postIncidentChecklist = checklist(root, "postIncidentChecklist");
        if (const Json *w = c.member(root, top, "webhookUrl", Presence::Optional, {})) {
            const QString path = Checker::key(top, "webhookUrl");
            if (!w->is_string())
                c.fail(path, tr("an http(s) URL or an empty string"));
            p.webhookUrl = c.string(*w, path);
            if (!p.webhookUrl.isEmpty() && !jsoncheck::isHttpUrl(p.webhookUrl))
                c.fail(path, tr("an http(s) URL or an empty string"));
        }
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (!kKnownTopLevel.contains(jsoncheck::toQString(it.key())))
                p.extensions.insert(jsoncheck::toQString(it.key()),
                                    QByteArray::fromStdString(it.value().dump()));
        }
        return p;
    }

private:
    Checker c;
    // Worded when a profile is read, in the catalogue installed by then.
    const QString kMinutes = tr("a positive integer (minutes)");
    const QString kSeverityName = tr("one of P0, P1, P2, P3");
    const QString kPercent = tr("a percentage between 0 and 100");
    const QString kAmount = tr("a non-negative amount per hour");
    const QString kUrl = tr("an http(s) URL");
    const QString kChecklistItem = tr("a non-empty checklist item text");
    const QString kEmail = tr("an email address like name@example.com");
    const QString kChannelKinds = tr("one of slack, email, statuspage");

    inline static const QStringList kKnownTopLevel{
        QStringLiteral("schemaVersion"),
        QStringLiteral("name"),
        QStringLiteral("organisation"),
        QStringLiteral("severities"),
        QStringLiteral("thresholds"),
        QStringLiteral("escalationLevels"),
        QStringLiteral("escalationRules"),
        QStringLiteral("onCall"),
        QStringLiteral("personnel"),
        QStringLiteral("vendors"),
        QStringLiteral("channels"),
        QStringLiteral("dashboards"),
        QStringLiteral("healthEndpoints"),
        QStringLiteral("jsonRpcEndpoints"),
        QStringLiteral("kube"),
        QStringLiteral("database"),
        QStringLiteral("diagnostics"),
        QStringLiteral("playbooks"),
        QStringLiteral("initialAssessmentChecklist"),
        QStringLiteral("recoveryChecklist"),
        QStringLiteral("postIncidentChecklist"),
        QStringLiteral("webhookUrl"),
    };

    QString str(const Json &obj, const QString &path, std::string_view k, Presence p,
                bool nonEmpty = false)
    {
        const QString expected = nonEmpty ? tr("a non-empty string") : tr("a string");
        const Json *v = c.member(obj, path, k, p, expected);
        return v ? c.string(*v, Checker::key(path, k), nonEmpty) : QString();
    }

    int integer(const Json &obj, const QString &path, std::string_view k, Presence p, int def,
                qint64 min, qint64 max, const QString &expected)
    {
        const Json *v = c.member(obj, path, k, p, expected);
        return v ? static_cast<int>(c.integer(*v, Checker::key(path, k), min, max, expected)) : def;
    }

    int minutes(const Json &obj, const QString &path, std::string_view k, Presence p, int def)
    {
        const Json *v = c.member(obj, path, k, p, kMinutes);
        if (!v)
            return def;
        const QString at = Checker::key(path, k);
        const qint64 m = c.integer(*v, at, 1, std::numeric_limits<qint64>::max(), kMinutes);
        if (m > kMaxMinutes)
            c.fail(at, tr("at most %1 minutes (one year)").arg(kMaxMinutes));
        return static_cast<int>(m);
    }

    double number(const Json &obj, const QString &path, std::string_view k, double def, double min,
                  double max, const QString &expected)
    {
        const Json *v = c.member(obj, path, k, Presence::Optional, expected);
        return v ? c.number(*v, Checker::key(path, k), min, max, expected) : def;
    }

    QStringList strings(const Json &obj, const QString &path, std::string_view k,
                        const QString &itemExpected)
    {
        const Json *v = c.member(obj, path, k, Presence::Optional, {});
        return v ? c.stringList(*v, Checker::key(path, k), itemExpected) : QStringList();
    }

    // Calls f(item, itemPath) for each element of the array obj[k].
    template<typename F>
    void each(const Json &obj, const QString &path, std::string_view k, Presence p,
              const QString &expected, F &&f)
    {
        const Json *v = c.member(obj, path, k, p, expected);
        if (!v)
            return;
        const QString at = Checker::key(path, k);
        c.array(*v, at, expected);
        for (std::size_t i = 0; i < v->size(); ++i)
            f((*v)[i], Checker::index(at, i));
    }

    Severity severityAt(const Json &v, const QString &path)
    {
        if (!v.is_string())
            c.fail(path, kSeverityName);
        const auto s = severityFromString(jsoncheck::toQString(v.get_ref<const std::string &>()));
        if (!s)
            c.fail(path, kSeverityName);
        return *s;
    }

    QString url(const Json &obj, const QString &path, std::string_view k)
    {
        const Json *v = c.member(obj, path, k, Presence::Required, kUrl);
        const QString at = Checker::key(path, k);
        if (!v->is_string())
            c.fail(at, kUrl);
        const QString u = c.string(*v, at);
        if (!jsoncheck::isHttpUrl(u))
            c.fail(at, kUrl);
        return u;
    }

    int readSchemaVersion(const Json &root)
    {
        const QString top = QStringLiteral("$");
        const QString expected =
            tr("schemaVersion <= %1 (a positive integer)").arg(Profile::kSchemaVersion);
        const Json *v = c.member(root, top, "schemaVersion", Presence::Required, expected);
        const QString at = Checker::key(top, "schemaVersion");
        const qint64 version = c.integer(*v, at, 1, std::numeric_limits<qint64>::max(), expected);
        if (version > Profile::kSchemaVersion)
            c.fail(at, tr("schemaVersion <= %1 (this file is from a newer IncidentDesk)")
                           .arg(Profile::kSchemaVersion));
        return static_cast<int>(version);
    }

    void readSeverities(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        const QString expected = tr("an array with one entry for each of P0..P3");
        std::array<int, SeverityCount> seenAt;
        seenAt.fill(-1);
        int i = 0;
        each(root, top, "severities", Presence::Required, expected,
             [&](const Json &v, const QString &at) {
                 c.object(v, at,
                          {"severity", "label", "description", "responseMinutes",
                           "updateEveryMinutes", "examples"});
                 SeverityDef d;
                 d.severity =
                     severityAt(*c.member(v, at, "severity", Presence::Required, kSeverityName),
                                Checker::key(at, "severity"));
                 auto &seen = seenAt[static_cast<std::size_t>(d.severity)];
                 if (seen >= 0)
                     c.fail(Checker::key(at, "severity"),
                            tr("each of P0, P1, P2, P3 exactly once (%1 is already "
                               "defined at $.severities[%2])")
                                .arg(severityToString(d.severity))
                                .arg(seen));
                 seen = i++;
                 d.label = str(v, at, "label", Presence::Required, true);
                 d.description = str(v, at, "description", Presence::Optional);
                 d.responseMinutes = minutes(v, at, "responseMinutes", Presence::Required, 0);
                 d.updateEveryMinutes =
                     minutes(v, at, "updateEveryMinutes", Presence::Optional, d.updateEveryMinutes);
                 d.examples = strings(v, at, "examples", tr("a non-empty example"));
                 p.severities.push_back(d);
             });
        for (int s = 0; s < SeverityCount; ++s) {
            if (seenAt[static_cast<std::size_t>(s)] < 0)
                c.fail(Checker::key(top, "severities"),
                       tr("an entry for %1 (each of P0, P1, P2, P3 exactly once)")
                           .arg(severityToString(static_cast<Severity>(s))));
        }
        std::stable_sort(
            p.severities.begin(), p.severities.end(),
            [](const SeverityDef &a, const SeverityDef &b) { return a.severity < b.severity; });
    }

    ImpactThresholds readThresholds(const Json &v, const QString &at)
    {
        c.object(v, at,
                 {"userHighPercent", "userMediumPercent", "revenueCriticalPerHour",
                  "revenueHighPerHour", "currency"});
        ImpactThresholds t;
        const double inf = std::numeric_limits<double>::max();
        t.userHighPercent = number(v, at, "userHighPercent", t.userHighPercent, 0, 100, kPercent);
        t.userMediumPercent =
            number(v, at, "userMediumPercent", t.userMediumPercent, 0, 100, kPercent);
        if (t.userMediumPercent > t.userHighPercent)
            c.fail(Checker::key(at, "userMediumPercent"),
                   tr("a percentage no greater than userHighPercent (%1)").arg(t.userHighPercent));
        t.revenueCriticalPerHour =
            number(v, at, "revenueCriticalPerHour", t.revenueCriticalPerHour, 0, inf, kAmount);
        t.revenueHighPerHour =
            number(v, at, "revenueHighPerHour", t.revenueHighPerHour, 0, inf, kAmount);
        if (t.revenueHighPerHour > t.revenueCriticalPerHour)
            c.fail(Checker::key(at, "revenueHighPerHour"),
                   tr("an amount no greater than revenueCriticalPerHour (%1)")
                       .arg(t.revenueCriticalPerHour));
        if (v.contains("currency"))
            t.currency = str(v, at, "currency", Presence::Required, true);
        return t;
    }

    void readLevels(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        const QString expected = tr("an array of escalation levels 1..3, in order");
        each(root, top, "escalationLevels", Presence::Required, expected,
             [&](const Json &v, const QString &at) {
                 const int wanted = static_cast<int>(p.escalationLevels.size()) + 1;
                 if (wanted > 3)
                     c.fail(at, tr("at most 3 escalation levels (1..3)"));
                 c.object(v, at,
                          {"level", "title", "responseMinutes", "authority", "escalateIf",
                           "contactRoles"});
                 const QString levelExpected =
                     tr("level %1 (levels run 1..3 in order)").arg(wanted);
                 EscalationLevel l;
                 l.level =
                     integer(v, at, "level", Presence::Required, 0, wanted, wanted, levelExpected);
                 l.title = str(v, at, "title", Presence::Required, true);
                 l.responseMinutes = minutes(v, at, "responseMinutes", Presence::Required, 0);
                 l.authority = str(v, at, "authority", Presence::Optional);
                 l.escalateIf = str(v, at, "escalateIf", Presence::Optional);
                 // contactRoles are checked against the contacts once those are read
                 l.contactRoles = strings(v, at, "contactRoles", tr("a non-empty contact role"));
                 p.escalationLevels.push_back(l);
             });
        if (p.escalationLevels.empty())
            c.fail(Checker::key(top, "escalationLevels"), expected);
    }

    void readLevelContacts(const Profile &p)
    {
        const QString levels = QStringLiteral("$.escalationLevels");
        for (std::size_t i = 0; i < p.escalationLevels.size(); ++i) {
            const QStringList &roles = p.escalationLevels[i].contactRoles;
            for (qsizetype r = 0; r < roles.size(); ++r) {
                bool known = false;
                for (const auto *list : {&p.onCall, &p.personnel}) {
                    known = known || std::any_of(list->begin(), list->end(), [&](const Contact &x) {
                                return x.role.compare(roles[r], Qt::CaseInsensitive) == 0;
                            });
                }
                if (!known)
                    c.fail(Checker::index(Checker::key(Checker::index(levels, i), "contactRoles"),
                                          static_cast<std::size_t>(r)),
                           tr("a role listed in $.onCall or $.personnel"));
            }
        }
    }

    void readRules(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        const int levels = static_cast<int>(p.escalationLevels.size());
        each(root, top, "escalationRules", Presence::Optional, tr("an array of escalation rules"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at, {"severities", "afterMinutes", "toLevel", "reason"});
                 EscalationRule r;
                 each(v, at, "severities", Presence::Optional,
                      tr("an array of severities (empty: any incident)"),
                      [&](const Json &s, const QString &sAt) {
                          r.severities.push_back(severityAt(s, sAt));
                      });
                 r.afterMinutes = minutes(v, at, "afterMinutes", Presence::Required, 0);
                 r.toLevel =
                     integer(v, at, "toLevel", Presence::Required, 0, 1, levels,
                             tr("a level defined in $.escalationLevels (1..%1)").arg(levels));
                 r.reason = str(v, at, "reason", Presence::Optional);
                 p.escalationRules.push_back(r);
             });
    }

    std::vector<Contact> readContacts(const Json &root, std::string_view k)
    {
        const QString top = QStringLiteral("$");
        std::vector<Contact> out;
        each(root, top, k, Presence::Optional, tr("an array of contacts"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at, {"role", "name", "phone", "email", "via"});
                 Contact x;
                 x.role = str(v, at, "role", Presence::Required, true);
                 x.name = str(v, at, "name", Presence::Optional);
                 x.phone = str(v, at, "phone", Presence::Optional);
                 x.email = str(v, at, "email", Presence::Optional);
                 if (!x.email.isEmpty() && !looksLikeEmail(x.email))
                     c.fail(Checker::key(at, "email"), kEmail);
                 x.via = str(v, at, "via", Presence::Optional);
                 out.push_back(x);
             });
        return out;
    }

    void readChannels(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        each(root, top, "channels", Presence::Optional, tr("an array of channels"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at, {"kind", "name", "value"});
                 ChannelDef ch;
                 const QString kindAt = Checker::key(at, "kind");
                 const Json *kind = c.member(v, at, "kind", Presence::Required, kChannelKinds);
                 if (!kind->is_string())
                     c.fail(kindAt, kChannelKinds);
                 ch.kind = c.string(*kind, kindAt);
                 if (ch.kind != u"slack" && ch.kind != u"email" && ch.kind != u"statuspage")
                     c.fail(kindAt, kChannelKinds);
                 ch.name = str(v, at, "name", Presence::Optional);
                 ch.value = str(v, at, "value", Presence::Required, true);
                 const QString valueAt = Checker::key(at, "value");
                 if (ch.kind == u"slack" && !ch.value.startsWith(QLatin1Char('#')))
                     c.fail(valueAt, tr("a Slack channel like #incidents"));
                 if (ch.kind == u"email" && !looksLikeEmail(ch.value))
                     c.fail(valueAt, kEmail);
                 if (ch.kind == u"statuspage" && !jsoncheck::isHttpUrl(ch.value))
                     c.fail(valueAt, kUrl);
                 p.channels.push_back(ch);
             });
    }

    void readDashboards(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        each(root, top, "dashboards", Presence::Optional, tr("an array of links"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at, {"title", "url"});
                 Link l;
                 l.title = str(v, at, "title", Presence::Required, true);
                 l.url = url(v, at, "url");
                 p.dashboards.push_back(l);
             });
    }

    void readHealthEndpoints(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        each(root, top, "healthEndpoints", Presence::Optional, tr("an array of health endpoints"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at, {"name", "url", "expectStatus"});
                 HealthEndpoint e;
                 e.name = str(v, at, "name", Presence::Required, true);
                 e.url = url(v, at, "url");
                 e.expectStatus = integer(v, at, "expectStatus", Presence::Optional, e.expectStatus,
                                          100, 599, tr("an HTTP status code (100..599)"));
                 p.healthEndpoints.push_back(e);
             });
    }

    void readJsonRpcEndpoints(const Json &root, Profile &p)
    {
        const QString top = QStringLiteral("$");
        each(root, top, "jsonRpcEndpoints", Presence::Optional,
             tr("an array of JSON-RPC endpoints"), [&](const Json &v, const QString &at) {
                 c.object(v, at, {"name", "url", "method"});
                 JsonRpcEndpoint e;
                 e.name = str(v, at, "name", Presence::Required, true);
                 e.url = url(v, at, "url");
                 e.method = str(v, at, "method", Presence::Required, true);
                 p.jsonRpcEndpoints.push_back(e);
             });
    }

    KubeSettings readKube(const Json &v, const QString &at)
    {
        c.object(
            v, at,
            {"context", "namespace", "monitoringNamespace", "deployments", "productionContexts"});
        KubeSettings k;
        k.context = str(v, at, "context", Presence::Optional);
        // These end up in kubectl's argv; refusing odd names here keeps option injection out.
        const QString label = tr("a Kubernetes namespace name (DNS-1123 label)");
        k.ns = str(v, at, "namespace", Presence::Optional);
        if (!k.ns.isEmpty() && !isDns1123Label(k.ns))
            c.fail(Checker::key(at, "namespace"), label);
        k.monitoringNamespace = str(v, at, "monitoringNamespace", Presence::Optional);
        if (!k.monitoringNamespace.isEmpty() && !isDns1123Label(k.monitoringNamespace))
            c.fail(Checker::key(at, "monitoringNamespace"), label);
        const QString deployment = tr("a deployment name (DNS-1123 subdomain)");
        k.deployments = strings(v, at, "deployments", deployment);
        for (qsizetype i = 0; i < k.deployments.size(); ++i) {
            if (!isDns1123Subdomain(k.deployments[i]))
                c.fail(Checker::index(Checker::key(at, "deployments"), static_cast<std::size_t>(i)),
                       deployment);
        }
        k.productionContexts = strings(v, at, "productionContexts", tr("a context name"));
        return k;
    }

    DatabaseSettings readDatabase(const Json &v, const QString &at)
    {
        c.object(v, at, {"conninfo", "connectTimeoutSeconds", "production"});
        DatabaseSettings d;
        d.conninfo = str(v, at, "conninfo", Presence::Optional);
        if (conninfoHasPassword(d.conninfo))
            c.fail(Checker::key(at, "conninfo"),
                   tr("a connection string without a password (libpq reads it from "
                      "~/.pgpass or PGPASSFILE)"));
        d.connectTimeoutSeconds =
            integer(v, at, "connectTimeoutSeconds", Presence::Optional, d.connectTimeoutSeconds, 1,
                    300, tr("a timeout in seconds (1..300)"));
        if (const Json *b = c.member(v, at, "production", Presence::Optional, {})) {
            if (!b->is_boolean())
                c.fail(Checker::key(at, "production"), tr("true or false"));
            d.production = b->get<bool>();
        }
        return d;
    }

    DiagnosticExpect readExpect(const Json &v, const QString &at)
    {
        c.object(v, at, {"exitCode", "status", "jsonPath", "value", "threshold"});
        DiagnosticExpect e;
        e.exitCode = integer(v, at, "exitCode", Presence::Optional, e.exitCode, 0, 255,
                             tr("an exit code (0..255)"));
        e.status = integer(v, at, "status", Presence::Optional, e.status, 100, 599,
                           tr("an HTTP status code (100..599)"));
        e.jsonPath = str(v, at, "jsonPath", Presence::Optional);
        if (!e.jsonPath.isEmpty() && !e.jsonPath.startsWith(QLatin1Char('$')))
            c.fail(Checker::key(at, "jsonPath"), tr("a JSON path like $.status"));
        if (const Json *val = c.member(v, at, "value", Presence::Optional, {})) {
            const QString path = Checker::key(at, "value");
            if (val->is_string())
                e.value = c.string(*val, path);
            else if (val->is_number() || val->is_boolean())
                e.value = jsoncheck::toQString(val->dump());
            else
                c.fail(path, tr("a string, number or boolean"));
        }
        e.threshold = number(v, at, "threshold", e.threshold, 0, 1e15, tr("a non-negative number"));
        return e;
    }

    void readDiagnostics(const Json &root, Profile &p)
    {
        static const QStringList kinds{QStringLiteral("kubectl"),    QStringLiteral("http"),
                                       QStringLiteral("jsonrpc"),    QStringLiteral("dns"),
                                       QStringLiteral("sql"),        QStringLiteral("logs"),
                                       QStringLiteral("jsonrpc-lag")};
        static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9.-]*$"));
        const QString top = QStringLiteral("$");
        each(root, top, "diagnostics", Presence::Optional, tr("an array of diagnostic checks"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at,
                          {"id", "group", "title", "kind", "args", "url", "method", "host", "query",
                           "filter", "deployment", "target", "expect", "timeoutSeconds",
                           "destructive"});
                 DiagnosticCheck d;
                 d.id = str(v, at, "id", Presence::Required, true);
                 if (!idRe.match(d.id).hasMatch())
                     c.fail(Checker::key(at, "id"),
                            tr("an id of lower-case letters, digits, '-' and '.'"));
                 if (p.diagnostic(d.id))
                     c.fail(Checker::key(at, "id"), tr("an id not used before"));
                 d.group = str(v, at, "group", Presence::Required, true);
                 d.title = str(v, at, "title", Presence::Required, true);
                 const QString kindExpected =
                     tr("one of kubectl, http, jsonrpc, dns, sql, logs, jsonrpc-lag");
                 d.kind = str(v, at, "kind", Presence::Required, true);
                 if (!kinds.contains(d.kind))
                     c.fail(Checker::key(at, "kind"), kindExpected);
                 const bool viaKubectl =
                     d.kind == u"kubectl" || d.kind == u"sql" || d.kind == u"logs";
                 const QString argExpected = tr("a non-empty kubectl argument");
                 d.args = strings(v, at, "args", argExpected);
                 for (qsizetype i = 0; i < d.args.size(); ++i) {
                     if (d.args[i].isEmpty())
                         c.fail(Checker::index(Checker::key(at, "args"), std::size_t(i)),
                                argExpected);
                 }
                 if (viaKubectl && d.args.isEmpty())
                     c.fail(Checker::key(at, "args"), tr("kubectl arguments (the key is missing)"));
                 if (d.kind == u"http" || d.kind == u"jsonrpc")
                     d.url = url(v, at, "url");
                 else if (c.member(v, at, "url", Presence::Optional, {}))
                     d.url = url(v, at, "url");
                 d.method = str(v, at, "method",
                                d.kind == u"jsonrpc" ? Presence::Required : Presence::Optional,
                                d.kind == u"jsonrpc");
                 d.host =
                     str(v, at, "host", d.kind == u"dns" ? Presence::Required : Presence::Optional);
                 if (d.kind == u"dns" && !isDns1123Subdomain(d.host))
                     c.fail(Checker::key(at, "host"), tr("a host name"));
                 d.query =
                     str(v, at, "query", d.kind == u"sql" ? Presence::Required : Presence::Optional,
                         d.kind == u"sql");
                 d.filter = str(v, at, "filter", Presence::Optional);
                 if (!d.filter.isEmpty() && !QRegularExpression(d.filter).isValid())
                     c.fail(Checker::key(at, "filter"), tr("a regular expression"));
                 d.deployment = str(v, at, "deployment", Presence::Optional);
                 if (!d.deployment.isEmpty() && !isDns1123Subdomain(d.deployment))
                     c.fail(Checker::key(at, "deployment"),
                            tr("a deployment name (DNS-1123 subdomain)"));
                 d.target = str(v, at, "target", Presence::Optional);
                 if (const Json *e = c.member(v, at, "expect", Presence::Optional, {}))
                     d.expect = readExpect(*e, Checker::key(at, "expect"));
                 d.timeoutSeconds =
                     integer(v, at, "timeoutSeconds", Presence::Optional, d.timeoutSeconds, 1, 3600,
                             tr("a timeout in seconds (1..3600)"));
                 if (const Json *b = c.member(v, at, "destructive", Presence::Optional, {})) {
                     if (!b->is_boolean())
                         c.fail(Checker::key(at, "destructive"), tr("true or false"));
                     d.destructive = b->get<bool>();
                 }
                 if (!d.destructive) {
                     if (const QString change = changeMadeBy(d); !change.isEmpty())
                         c.fail(Checker::key(at, "destructive"),
                                tr("true, because %1 changes what it runs against (and a "
                                   "target naming what it changes)")
                                    .arg(change));
                 }
                 if (d.destructive && d.target.isEmpty())
                     c.fail(Checker::key(at, "target"),
                            tr("the name a destructive check changes (the key is "
                               "missing)"));
                 p.diagnostics.push_back(d);
             });
    }

    // Playbooks name checks by id, so they are read after the catalog and checked against it.
    void readPlaybooks(const Json &root, Profile &p)
    {
        static const QRegularExpression idRe(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
        const QString idExpected = tr("an id of lower-case letters, digits and '-'");
        const QString top = QStringLiteral("$");
        each(root, top, "playbooks", Presence::Optional, tr("an array of playbooks"),
             [&](const Json &v, const QString &at) {
                 c.object(v, at, {"id", "title", "symptoms", "match", "steps"});
                 Playbook pb;
                 pb.id = str(v, at, "id", Presence::Required, true);
                 if (!idRe.match(pb.id).hasMatch())
                     c.fail(Checker::key(at, "id"), idExpected);
                 if (p.playbook(pb.id))
                     c.fail(Checker::key(at, "id"), tr("a playbook id not used before"));
                 pb.title = str(v, at, "title", Presence::Required, true);
                 pb.symptoms = str(v, at, "symptoms", Presence::Optional);
                 if (const Json *m = c.member(v, at, "match", Presence::Optional, {}))
                     pb.match = readMatch(*m, Checker::key(at, "match"));
                 each(v, at, "steps", Presence::Required, tr("an array of steps (at least one)"),
                      [&](const Json &sv, const QString &sat) {
                          pb.steps.push_back(readStep(sv, sat, p, pb));
                      });
                 if (pb.steps.empty())
                     c.fail(Checker::key(at, "steps"), tr("at least one step"));
                 p.playbooks.push_back(std::move(pb));
             });
    }

    PlaybookMatch readMatch(const Json &v, const QString &at)
    {
        c.object(v, at,
                 {"keywords", "errorRatePercentAtLeast", "responseTimeMsAtLeast",
                  "affectedUsersPercentAtLeast"});
        PlaybookMatch m;
        const QString word = tr("a non-empty word or phrase");
        m.keywords = strings(v, at, "keywords", word);
        for (qsizetype i = 0; i < m.keywords.size(); ++i) {
            if (m.keywords[i].trimmed().isEmpty())
                c.fail(Checker::index(Checker::key(at, "keywords"), std::size_t(i)), word);
        }
        m.errorRatePercentAtLeast =
            number(v, at, "errorRatePercentAtLeast", m.errorRatePercentAtLeast, 0, 100, kPercent);
        m.responseTimeMsAtLeast = number(v, at, "responseTimeMsAtLeast", m.responseTimeMsAtLeast, 0,
                                         1e9, tr("a time in milliseconds"));
        m.affectedUsersPercentAtLeast = number(v, at, "affectedUsersPercentAtLeast",
                                               m.affectedUsersPercentAtLeast, 0, 100, kPercent);
        return m;
    }

    PlaybookStep readStep(const Json &v, const QString &at, const Profile &p, const Playbook &pb)
    {
        static const QRegularExpression idRe(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
        c.object(v, at, {"id", "kind", "check", "title", "note"});
        PlaybookStep s;
        s.id = str(v, at, "id", Presence::Required, true);
        if (!idRe.match(s.id).hasMatch())
            c.fail(Checker::key(at, "id"), tr("an id of lower-case letters, digits and '-'"));
        if (pb.step(s.id))
            c.fail(Checker::key(at, "id"), tr("a step id not used before in this "
                                              "playbook"));
        const QString kindExpected = tr("one of check, mitigation, manual");
        const auto kind = playbookStepKindFromString(str(v, at, "kind", Presence::Required, true));
        if (!kind)
            c.fail(Checker::key(at, "kind"), kindExpected);
        s.kind = *kind;
        s.title = str(v, at, "title", Presence::Optional);
        s.note = str(v, at, "note", Presence::Optional);
        if (s.kind == PlaybookStep::Kind::Manual) {
            if (s.title.trimmed().isEmpty())
                c.fail(Checker::key(at, "title"),
                       tr("what the person does (a manual step needs a title)"));
            if (c.member(v, at, "check", Presence::Optional, {}))
                c.fail(Checker::key(at, "check"), tr("no check on a manual step (use kind check)"));
            return s;
        }
        s.check = str(v, at, "check", Presence::Required, true);
        const QString checkAt = Checker::key(at, "check");
        const DiagnosticCheck *d = p.diagnostic(s.check);
        if (!d)
            c.fail(checkAt,
                   tr("the id of a check in $.diagnostics (\"%1\" is not one)").arg(s.check));
        if (s.kind == PlaybookStep::Kind::Check && d->destructive)
            c.fail(checkAt, tr("a non-destructive check (\"%1\" changes %2: use kind "
                               "mitigation)")
                                .arg(s.check, d->target));
        if (s.kind == PlaybookStep::Kind::Mitigation && !d->destructive)
            c.fail(checkAt, tr("a destructive check (\"%1\" only reads: use kind "
                               "check)")
                                .arg(s.check));
        return s;
    }

    QStringList checklist(const Json &root, std::string_view k)
    {
        return strings(root, QStringLiteral("$"), k, kChecklistItem);
    }
};

Json contactsToJson(const std::vector<Contact> &list)
{
    Json a = Json::array();
    for (const Contact &x : list) {
        Json j;
        j["role"] = toStd(x.role);
        j["name"] = toStd(x.name);
        j["phone"] = toStd(x.phone);
        j["email"] = toStd(x.email);
        j["via"] = toStd(x.via);
        a.push_back(std::move(j));
    }
    return a;
}

Json stringsToJson(const QStringList &list)
{
    Json a = Json::array();
    for (const QString &s : list)
        a.push_back(toStd(s));
    return a;
}

// Only what differs from the defaults is written, so a saved profile reads like the shipped one.
Json diagnosticsToJson(const std::vector<DiagnosticCheck> &checks)
{
    Json a = Json::array();
    for (const DiagnosticCheck &d : checks) {
        Json o;
        o["id"] = toStd(d.id);
        o["group"] = toStd(d.group);
        o["title"] = toStd(d.title);
        o["kind"] = toStd(d.kind);
        if (!d.args.isEmpty())
            o["args"] = stringsToJson(d.args);
        const auto optional = [&o](const char *key, const QString &v) {
            if (!v.isEmpty())
                o[key] = toStd(v);
        };
        optional("url", d.url);
        optional("method", d.method);
        optional("host", d.host);
        optional("query", d.query);
        optional("filter", d.filter);
        optional("deployment", d.deployment);
        optional("target", d.target);
        Json e = Json::object();
        if (d.expect.exitCode != 0)
            e["exitCode"] = d.expect.exitCode;
        if (d.expect.status != 0)
            e["status"] = d.expect.status;
        if (!d.expect.jsonPath.isEmpty())
            e["jsonPath"] = toStd(d.expect.jsonPath);
        if (!d.expect.value.isEmpty())
            e["value"] = toStd(d.expect.value);
        if (d.expect.threshold >= 0)
            e["threshold"] = d.expect.threshold;
        if (!e.empty())
            o["expect"] = std::move(e);
        o["timeoutSeconds"] = d.timeoutSeconds;
        o["destructive"] = d.destructive;
        a.push_back(std::move(o));
    }
    return a;
}

Json playbooksToJson(const std::vector<Playbook> &playbooks)
{
    Json a = Json::array();
    for (const Playbook &pb : playbooks) {
        Json o;
        o["id"] = toStd(pb.id);
        o["title"] = toStd(pb.title);
        if (!pb.symptoms.isEmpty())
            o["symptoms"] = toStd(pb.symptoms);
        if (pb.match != PlaybookMatch{}) {
            Json m = Json::object();
            if (!pb.match.keywords.isEmpty())
                m["keywords"] = stringsToJson(pb.match.keywords);
            const auto level = [&m](const char *key, double v) {
                if (v >= 0)
                    m[key] = jsoncheck::niceNumber(v);
            };
            level("errorRatePercentAtLeast", pb.match.errorRatePercentAtLeast);
            level("responseTimeMsAtLeast", pb.match.responseTimeMsAtLeast);
            level("affectedUsersPercentAtLeast", pb.match.affectedUsersPercentAtLeast);
            o["match"] = std::move(m);
        }
        Json steps = Json::array();
        for (const PlaybookStep &s : pb.steps) {
            Json j;
            j["id"] = toStd(s.id);
            j["kind"] = toStd(playbookStepKindToString(s.kind));
            if (!s.check.isEmpty())
                j["check"] = toStd(s.check);
            if (!s.title.isEmpty())
                j["title"] = toStd(s.title);
            if (!s.note.isEmpty())
                j["note"] = toStd(s.note);
            steps.push_back(std::move(j));
        }
        o["steps"] = std::move(steps);
        a.push_back(std::move(o));
    }
    return a;
}

} // namespace

bool conninfoHasPassword(const QString &conninfo)
{
    const QString t = conninfo.trimmed();
    if (t.startsWith(u"postgresql://") || t.startsWith(u"postgres://")) {
        const qsizetype start = t.indexOf(u"://") + 3;
        qsizetype end = start;
        while (end < t.size() && t.at(end) != u'/' && t.at(end) != u'?')
            ++end;
        const QString authority = t.mid(start, end - start);
        const qsizetype at = authority.lastIndexOf(u'@');
        if (at >= 0 && authority.left(at).contains(u':'))
            return true;
        const qsizetype q = t.indexOf(u'?', end);
        if (q < 0)
            return false;
        const auto params = QStringView(t).mid(q + 1).split(u'&');
        return std::any_of(params.begin(), params.end(),
                           [](QStringView kv) { return kv.trimmed().startsWith(u"password="); });
    }
    // key = value pairs; a value is a bare word or single-quoted with backslash escapes.
    qsizetype i = 0;
    const qsizetype n = t.size();
    while (i < n) {
        while (i < n && t.at(i).isSpace())
            ++i;
        const qsizetype keyStart = i;
        while (i < n && t.at(i) != u'=' && !t.at(i).isSpace())
            ++i;
        const QString key = t.mid(keyStart, i - keyStart);
        while (i < n && t.at(i).isSpace())
            ++i;
        if (i >= n || t.at(i) != u'=')
            return false;
        ++i;
        while (i < n && t.at(i).isSpace())
            ++i;
        if (i < n && t.at(i) == u'\'') {
            ++i;
            while (i < n && t.at(i) != u'\'') {
                if (t.at(i) == u'\\')
                    ++i;
                ++i;
            }
            ++i;
        } else {
            while (i < n && !t.at(i).isSpace())
                ++i;
        }
        if (key == u"password")
            return true;
    }
    return false;
}

const DiagnosticCheck *Profile::diagnostic(const QString &id) const
{
    const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                                 [&id](const DiagnosticCheck &d) { return d.id == id; });
    return it == diagnostics.end() ? nullptr : &*it;
}

const Playbook *Profile::playbook(const QString &id) const
{
    const auto it = std::find_if(playbooks.begin(), playbooks.end(),
                                 [&id](const Playbook &pb) { return pb.id == id; });
    return it == playbooks.end() ? nullptr : &*it;
}

const PlaybookStep *Playbook::step(const QString &stepId) const
{
    const auto it = std::find_if(steps.begin(), steps.end(),
                                 [&stepId](const PlaybookStep &s) { return s.id == stepId; });
    return it == steps.end() ? nullptr : &*it;
}

QString playbookStepKindToString(PlaybookStep::Kind k)
{
    switch (k) {
    case PlaybookStep::Kind::Check:
        return QStringLiteral("check");
    case PlaybookStep::Kind::Mitigation:
        return QStringLiteral("mitigation");
    case PlaybookStep::Kind::Manual:
        break;
    }
    return QStringLiteral("manual");
}

std::optional<PlaybookStep::Kind> playbookStepKindFromString(QStringView s)
{
    if (s == u"check")
        return PlaybookStep::Kind::Check;
    if (s == u"mitigation")
        return PlaybookStep::Kind::Mitigation;
    if (s == u"manual")
        return PlaybookStep::Kind::Manual;
    return std::nullopt;
}

const SeverityDef *Profile::severity(Severity s) const
{
    const auto it = std::find_if(severities.begin(), severities.end(),
                                 [s](const SeverityDef &d) { return d.severity == s; });
    return it == severities.end() ? nullptr : &*it;
}

const EscalationLevel *Profile::level(int n) const
{
    const auto it = std::find_if(escalationLevels.begin(), escalationLevels.end(),
                                 [n](const EscalationLevel &l) { return l.level == n; });
    return it == escalationLevels.end() ? nullptr : &*it;
}

QStringList Profile::checklist(ChecklistKind k) const
{
    switch (k) {
    case ChecklistKind::InitialAssessment:
        return initialAssessmentChecklist;
    case ChecklistKind::RecoveryConfirmation:
        return recoveryChecklist;
    case ChecklistKind::PostIncident:
        return postIncidentChecklist;
    }
    return {};
}

const Contact *Profile::contact(const QString &role) const
{
    for (const auto *list : {&onCall, &personnel, &vendors}) {
        for (const Contact &x : *list) {
            if (x.role.compare(role, Qt::CaseInsensitive) == 0)
                return &x;
        }
    }
    return nullptr;
}

ProfileError::ProfileError(QString file, QString jsonPath, QString expected)
    : Error(Kind::Format, QCoreApplication::translate("idesk::Profile", "%1: %2: expected %3")
                              .arg(file, jsonPath, expected)),
      m_file(std::move(file)), m_path(std::move(jsonPath)), m_expected(std::move(expected))
{}

Profile parseProfile(const QByteArray &json, const QString &origin)
{
    jsoncheck::SyntaxError syntax;
    const auto root = jsoncheck::parse(json, syntax);
    if (!root && !syntax.path.isEmpty())
        throw ProfileError(origin, syntax.path, syntax.detail);
    if (!root)
        throw ProfileError(
            origin, QStringLiteral("$"),
            QCoreApplication::translate("idesk::Profile", "valid JSON: %1").arg(syntax.detail));
    return Reader(origin).read(*root);
}

Profile defaultProfile()
{
    // Parsed once: the resource cannot change while the program runs.
    static const Profile p = [] {
        // Compiled into the program: read from memory, no file is opened.
        const QString name = QStringLiteral(":/profiles/default.json");
        const QResource resource(name);
        if (!resource.isValid())
            throw ProfileError(
                name, QStringLiteral("$"),
                QCoreApplication::translate("idesk::Profile",
                                            "a readable file (is the resource linked in?)"));
        return parseProfile(resource.uncompressedData(), name);
    }();
    return p;
}

QByteArray profileToJson(const Profile &p)
{
    using jsoncheck::niceNumber;
    Json j;
    j["schemaVersion"] = p.schemaVersion;
    j["name"] = toStd(p.name);
    j["organisation"] = toStd(p.organisation);

    Json sev = Json::array();
    for (const SeverityDef &d : p.severities) {
        Json s;
        s["severity"] = toStd(severityToString(d.severity));
        s["label"] = toStd(d.label);
        s["description"] = toStd(d.description);
        s["responseMinutes"] = d.responseMinutes;
        s["updateEveryMinutes"] = d.updateEveryMinutes;
        s["examples"] = stringsToJson(d.examples);
        sev.push_back(std::move(s));
    }
    j["severities"] = std::move(sev);

    const ImpactThresholds &t = p.thresholds;
    Json th;
    th["userHighPercent"] = niceNumber(t.userHighPercent);
    th["userMediumPercent"] = niceNumber(t.userMediumPercent);
    th["revenueCriticalPerHour"] = niceNumber(t.revenueCriticalPerHour);
    th["revenueHighPerHour"] = niceNumber(t.revenueHighPerHour);
    th["currency"] = toStd(t.currency);
    j["thresholds"] = std::move(th);

    Json levels = Json::array();
    for (const EscalationLevel &l : p.escalationLevels) {
        Json o;
        o["level"] = l.level;
        o["title"] = toStd(l.title);
        o["responseMinutes"] = l.responseMinutes;
        o["authority"] = toStd(l.authority);
        o["escalateIf"] = toStd(l.escalateIf);
        o["contactRoles"] = stringsToJson(l.contactRoles);
        levels.push_back(std::move(o));
    }
    j["escalationLevels"] = std::move(levels);

    Json rules = Json::array();
    for (const EscalationRule &r : p.escalationRules) {
        Json o;
        Json sevs = Json::array();
        for (Severity s : r.severities)
            sevs.push_back(toStd(severityToString(s)));
        o["severities"] = std::move(sevs);
        o["afterMinutes"] = r.afterMinutes;
        o["toLevel"] = r.toLevel;
        o["reason"] = toStd(r.reason);
        rules.push_back(std::move(o));
    }
    j["escalationRules"] = std::move(rules);

    j["onCall"] = contactsToJson(p.onCall);
    j["personnel"] = contactsToJson(p.personnel);
    j["vendors"] = contactsToJson(p.vendors);

    Json channels = Json::array();
    for (const ChannelDef &ch : p.channels)
        channels.push_back(
            Json{{"kind", toStd(ch.kind)}, {"name", toStd(ch.name)}, {"value", toStd(ch.value)}});
    j["channels"] = std::move(channels);

    Json dashboards = Json::array();
    for (const Link &l : p.dashboards)
        dashboards.push_back(Json{{"title", toStd(l.title)}, {"url", toStd(l.url)}});
    j["dashboards"] = std::move(dashboards);

    Json health = Json::array();
    for (const HealthEndpoint &e : p.healthEndpoints)
        health.push_back(
            Json{{"name", toStd(e.name)}, {"url", toStd(e.url)}, {"expectStatus", e.expectStatus}});
    j["healthEndpoints"] = std::move(health);

    Json rpc = Json::array();
    for (const JsonRpcEndpoint &e : p.jsonRpcEndpoints)
        rpc.push_back(
            Json{{"name", toStd(e.name)}, {"url", toStd(e.url)}, {"method", toStd(e.method)}});
    j["jsonRpcEndpoints"] = std::move(rpc);

    Json kube;
    kube["context"] = toStd(p.kube.context);
    kube["namespace"] = toStd(p.kube.ns);
    kube["monitoringNamespace"] = toStd(p.kube.monitoringNamespace);
    kube["deployments"] = stringsToJson(p.kube.deployments);
    if (!p.kube.productionContexts.isEmpty())
        kube["productionContexts"] = stringsToJson(p.kube.productionContexts);
    j["kube"] = std::move(kube);
    if (p.database != DatabaseSettings{}) {
        Json db;
        db["conninfo"] = toStd(p.database.conninfo);
        db["connectTimeoutSeconds"] = p.database.connectTimeoutSeconds;
        db["production"] = p.database.production;
        j["database"] = std::move(db);
    }
    j["diagnostics"] = diagnosticsToJson(p.diagnostics);
    if (!p.playbooks.empty())
        j["playbooks"] = playbooksToJson(p.playbooks);

    j["initialAssessmentChecklist"] = stringsToJson(p.initialAssessmentChecklist);
    j["recoveryChecklist"] = stringsToJson(p.recoveryChecklist);
    j["postIncidentChecklist"] = stringsToJson(p.postIncidentChecklist);
    j["webhookUrl"] = toStd(p.webhookUrl);

    for (auto it = p.extensions.cbegin(); it != p.extensions.cend(); ++it) {
        // An extension that is not valid JSON cannot have come from parseProfile; keep it as text
        // rather than lose it.
        Json value = Json::parse(it.value().constData(), it.value().constData() + it.value().size(),
                                 nullptr, false);
        if (value.is_discarded())
            value = it.value().toStdString();
        j[toStd(it.key())] = std::move(value);
    }
    return jsoncheck::dump(j);
}

} // namespace idesk
