#pragma once

// Incidents for the post-mortem tests, built in code with fixed ids and UTC times so the
// golden files depend on neither the clock, the machine's time zone nor a database.

#include "core/postmortem/evidence.h"
#include "core/postmortem/postmortemmarkdown.h"
#include "core/types.h"

#include <QFile>
#include <QTest>

namespace idesk::pmtest {

inline QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

inline TimelineEvent makeEvent(int n, const QDateTime &at, EventKind kind, const QString &text,
                               bool pinned = true)
{
    TimelineEvent e;
    e.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    e.eventId = e.id;
    e.incidentId = QStringLiteral("11111111-2222-4333-8444-555555555555");
    e.occurredAt = at;
    e.recordedAt = at;
    e.kind = kind;
    e.author = QStringLiteral("john.doe");
    e.text = text;
    e.pinned = pinned;
    return e;
}

inline ActionItem makeAction(int n, const QString &description, const QString &owner, QDate due,
                             ActionStatus status = ActionStatus::Open)
{
    ActionItem a;
    a.id = QStringLiteral("aaaaaaaa-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    a.incidentId = QStringLiteral("11111111-2222-4333-8444-555555555555");
    a.description = description;
    a.owner = owner;
    a.due = due;
    a.status = status;
    return a;
}

inline Incident baseIncident()
{
    Incident in;
    in.id = QStringLiteral("11111111-2222-4333-8444-555555555555");
    in.title = QStringLiteral("Order creation failing");
    in.severity = Severity::P1;
    in.status = IncidentStatus::Resolved;
    in.commander = QStringLiteral("john.doe");
    in.channel = QStringLiteral("#incident-2024-01-15-001");
    in.startedAt = utc(2024, 1, 15, 14, 30);
    in.detectedAt = utc(2024, 1, 15, 14, 30);
    in.acknowledgedAt = utc(2024, 1, 15, 14, 32);
    in.mitigatedAt = utc(2024, 1, 15, 15, 0);
    in.resolvedAt = utc(2024, 1, 15, 15, 45);
    in.impact.affectedUsers = 45000;
    in.impact.revenueLossPerHour = 9600; // 1 h 15 min of it is the runbook's $12,000
    return in;
}

// The runbook's own post-mortem example, as the app would hold it.
inline PostmortemInput runbookExample()
{
    PostmortemInput in;
    in.incident = baseIncident();
    in.events = {
        makeEvent(1, utc(2024, 1, 15, 14, 30), EventKind::Alert,
                  QStringLiteral("First alert received")),
        makeEvent(2, utc(2024, 1, 15, 14, 32), EventKind::Decision,
                  QStringLiteral("Incident commander assigned")),
        makeEvent(3, utc(2024, 1, 15, 14, 38), EventKind::Note,
                  QStringLiteral("Checked dashboards, nothing obvious"), false),
        makeEvent(4, utc(2024, 1, 15, 14, 45), EventKind::Decision,
                  QStringLiteral("Root cause identified")),
        makeEvent(5, utc(2024, 1, 15, 15, 0), EventKind::Action,
                  QStringLiteral("Mitigation applied")),
        makeEvent(6, utc(2024, 1, 15, 15, 45), EventKind::Status,
                  QStringLiteral("Incident resolved")),
    };
    in.actions = {
        makeAction(1, QStringLiteral("Add connection pool monitoring"), QStringLiteral("devops"),
                   QDate(2024, 1, 20)),
        makeAction(2, QStringLiteral("Implement memory leak detection"),
                   QStringLiteral("@backend-team"), QDate(2024, 1, 25)),
        makeAction(3, QStringLiteral("Enhance load testing"), QStringLiteral("qa-team"),
                   QDate(2024, 1, 30), ActionStatus::InProgress),
        makeAction(4, QStringLiteral("Update runbooks"), QStringLiteral("incident-commander"),
                   QDate(2024, 1, 18), ActionStatus::Done),
    };
    PostmortemDoc &d = in.doc;
    d.rootCause = QStringLiteral(
        "Memory leak in order processing service caused database connection pool exhaustion.");
    d.contributingFactors = {QStringLiteral("Insufficient monitoring of connection pool usage"),
                             QStringLiteral("Missing memory leak detection in CI/CD"),
                             QStringLiteral("Inadequate load testing of order processing")};
    d.wentWell = {QStringLiteral("Quick detection and response"),
                  QStringLiteral("Effective communication"),
                  QStringLiteral("Successful mitigation")};
    d.couldBeImproved = {QStringLiteral("Earlier detection of memory issues"),
                         QStringLiteral("Faster root cause identification"),
                         QStringLiteral("Better automated recovery")};
    d.lessonsLearned = {
        QStringLiteral("Connection pool monitoring is critical for database health"),
        QStringLiteral("Memory leaks can cause cascading failures"),
        QStringLiteral("Automated recovery procedures need improvement")};
    d.reviewAt = utc(2024, 1, 16, 10, 0);
    return in;
}

inline QString diagnosticText(const QString &command, int exit, qint64 ms, const QString &output)
{
    DiagnosticEvidence e;
    e.command = command;
    e.exitCode = exit;
    e.durationMs = ms;
    e.output = output;
    return formatDiagnosticText(e);
}

} // namespace idesk::pmtest
