#pragma once

#include "error.h"
#include "types.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <stdexcept>
#include <vector>

namespace idesk {

// Everything site-specific lives in a profile (JSON); the shipped default holds the runbook's
// Web3 Marketplace facts. Nothing here is hard-coded elsewhere in C++.

struct SeverityDef
{
    Severity severity = Severity::P2;
    QString label;       // "Critical"
    QString description; // "Complete service outage"
    int responseMinutes = 0;
    int updateEveryMinutes = 30; // how often stakeholders expect an update
    QStringList examples;
    bool operator==(const SeverityDef &) const = default;
};

struct ImpactThresholds
{
    // user impact by share of users affected (percent): > high → High, >= medium → Medium
    double userHighPercent = 50;
    double userMediumPercent = 10;
    // business impact by revenue loss per hour: > critical → Critical, >= high → High, > 0 → Medium
    double revenueCriticalPerHour = 10000;
    double revenueHighPerHour = 1000;
    QString currency = QStringLiteral("$");
    bool operator==(const ImpactThresholds &) const = default;
};

struct Contact
{
    QString role; // "Primary", "CTO", "Stripe"
    QString name;
    QString phone;
    QString email;
    QString via; // "PagerDuty", "Slack: #infura-support"
    bool operator==(const Contact &) const = default;
};

struct EscalationLevel
{
    int level = 1; // 1..3
    QString title; // "On-call Engineer"
    int responseMinutes = 15;
    QString authority;
    QString escalateIf;       // the runbook's text
    QStringList contactRoles; // roles in onCall/personnel to call at this level
    bool operator==(const EscalationLevel &) const = default;
};

// "severities not resolved within afterMinutes → toLevel"; empty severities = any incident.
struct EscalationRule
{
    std::vector<Severity> severities;
    int afterMinutes = 0;
    int toLevel = 2;
    QString reason;
    bool operator==(const EscalationRule &) const = default;
};

struct ChannelDef
{
    QString kind; // slack, email, statuspage
    QString name;
    QString value;
    bool operator==(const ChannelDef &) const = default;
};

struct Link
{
    QString title;
    QString url;
    bool operator==(const Link &) const = default;
};

struct HealthEndpoint
{
    QString name;
    QString url;
    int expectStatus = 200;
    bool operator==(const HealthEndpoint &) const = default;
};

struct JsonRpcEndpoint
{
    QString name;
    QString url;
    QString method;
    bool operator==(const JsonRpcEndpoint &) const = default;
};

struct KubeSettings
{
    QString context;
    QString ns; // namespace
    QString monitoringNamespace;
    QStringList deployments;
    // Contexts that are production: every output of a run against one says so.
    QStringList productionContexts;
    bool isProduction(const QString &context) const { return productionContexts.contains(context); }
    bool operator==(const KubeSettings &) const = default;
};

// A direct database connection for sql checks. When conninfo is set they run through libpq in
// a read-only transaction instead of psql inside the pod. The password never sits here: libpq
// reads it from ~/.pgpass (or PGPASSFILE), so a conninfo with a password is refused.
struct DatabaseSettings
{
    QString conninfo; // libpq key=value string or URI, or "service=NAME"
    int connectTimeoutSeconds = 5;
    bool production = false;
    bool operator==(const DatabaseSettings &) const = default;
};

// True when a libpq conninfo (key=value or URI) carries a password; a textual check, because
// the core layer does not link libpq. The diagnostics layer checks again with libpq's parser.
bool conninfoHasPassword(const QString &conninfo);

// What a diagnostic check must see to pass. Unset parts are not checked.
struct DiagnosticExpect
{
    int exitCode = 0; // kubectl, sql, logs
    int status = 0;   // http: 0 means any 2xx
    QString jsonPath; // http, jsonrpc: "$.status", "$.result"
    QString value;    // the value at jsonPath, compared as text
    // "at most threshold": the number at jsonPath, or the count of output lines for
    // kubectl/sql/logs when no jsonPath is given. Negative means no threshold.
    double threshold = -1;
    bool operator==(const DiagnosticExpect &) const = default;
};

// One runbook command as data. kubectl/sql/logs args are kubectl's argv without the program;
// ${context}, ${namespace}, ${monitoringNamespace} and ${deployment} are filled in at run time.
struct DiagnosticCheck
{
    QString id;
    QString group; // Quick health, System, Application, Database, Blockchain, Network, ...
    QString title;
    // kubectl, http, jsonrpc, dns, sql, logs; jsonrpc-lag compares eth_blockNumber across the
    // profile's jsonRpcEndpoints and fails when the lag in blocks is above expect.threshold.
    QString kind;
    QStringList args;
    QString url;
    QString method; // http: the HTTP verb; jsonrpc: the RPC method
    QString host;   // dns
    QString query;  // sql: passed to psql -c after args
    QString filter; // logs: keep only lines matching this regular expression
    QString deployment;
    QString target; // what a destructive check changes; --confirm must name it
    DiagnosticExpect expect;
    int timeoutSeconds = 20;
    bool destructive = false;
    bool operator==(const DiagnosticCheck &) const = default;
};

// One step of a scenario playbook. A check step runs a catalog check, a mitigation step opens
// the guarded mitigation path for a destructive one, a manual step is something a person does
// and ticks off.
struct PlaybookStep
{
    enum class Kind
    {
        Check = 0,
        Mitigation,
        Manual
    };
    QString id; // unique within its playbook; part of the timeline record, so keep it stable
    Kind kind = Kind::Manual;
    QString check; // a diagnostics id, for check and mitigation steps
    QString title; // manual steps: required; others: the check's title when empty
    QString note;  // the runbook's words for the step
    bool operator==(const PlaybookStep &) const = default;
};
QString playbookStepKindToString(PlaybookStep::Kind k);
std::optional<PlaybookStep::Kind> playbookStepKindFromString(QStringView s);

// When triage should offer a playbook: words in the incident's title, summary or impact text,
// and impact figures at or above a level. A negative level is not checked.
struct PlaybookMatch
{
    QStringList keywords;
    double errorRatePercentAtLeast = -1;
    double responseTimeMsAtLeast = -1;
    double affectedUsersPercentAtLeast = -1;
    bool operator==(const PlaybookMatch &) const = default;
};

// One of the runbook's incident scenarios as a guided list of steps.
struct Playbook
{
    QString id; // lower-case letters, digits and '-'
    QString title;
    QString symptoms;
    PlaybookMatch match;
    std::vector<PlaybookStep> steps;
    const PlaybookStep *step(const QString &stepId) const;
    bool operator==(const Playbook &) const = default;
};

struct Profile
{
    static constexpr int kSchemaVersion = 1;
    int schemaVersion = kSchemaVersion;
    QString name;
    QString organisation;
    std::vector<SeverityDef> severities; // P0..P3, in order
    ImpactThresholds thresholds;
    std::vector<EscalationLevel> escalationLevels; // L1..L3, in order
    std::vector<EscalationRule> escalationRules;
    std::vector<Contact> onCall;
    std::vector<Contact> personnel;
    std::vector<Contact> vendors;
    std::vector<ChannelDef> channels;
    std::vector<Link> dashboards;
    std::vector<HealthEndpoint> healthEndpoints;
    std::vector<JsonRpcEndpoint> jsonRpcEndpoints;
    KubeSettings kube;
    DatabaseSettings database;
    std::vector<DiagnosticCheck> diagnostics;
    QStringList initialAssessmentChecklist;
    QStringList recoveryChecklist;
    QStringList postIncidentChecklist;
    // The profile's own playbooks; playbooks.h merges them over the built-in ones by id.
    std::vector<Playbook> playbooks;
    QString webhookUrl; // optional Slack-compatible incoming webhook
    // Top-level sections this version does not model (compact JSON by key), kept so that saving
    // an edited profile does not drop them and so other modules can read their own sections.
    QMap<QString, QByteArray> extensions;

    const SeverityDef *severity(Severity s) const;
    const EscalationLevel *level(int level) const;
    QStringList checklist(ChecklistKind k) const;
    // The first contact with this role (case-insensitive) in onCall, personnel, then vendors.
    const Contact *contact(const QString &role) const;
    const DiagnosticCheck *diagnostic(const QString &id) const;
    const Playbook *playbook(const QString &id) const;
    bool operator==(const Profile &) const = default;
};

// Where a profile broke: the file, the JSON path ("$.severities[2].responseMinutes") and what
// was expected there.
class ProfileError : public Error
{
public:
    ProfileError(QString file, QString jsonPath, QString expected);
    const QString &file() const { return m_file; }
    const QString &jsonPath() const { return m_path; }
    const QString &expected() const { return m_expected; }

private:
    QString m_file, m_path, m_expected;
};

// Parse and validate. `origin` names the file in errors. Throws ProfileError.
Profile parseProfile(const QByteArray &json, const QString &origin);
// The profile shipped as a resource (":/profiles/default.json"), read from memory. Never throws
// for a good build. A profile file on disk is read by the services (services/profilefile.h).
Profile defaultProfile();
// Serialise back to JSON (pretty, stable key order) so an edited profile can be saved.
QByteArray profileToJson(const Profile &p);

} // namespace idesk
