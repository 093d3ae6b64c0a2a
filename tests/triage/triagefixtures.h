#pragma once

// The runbook's facts built by hand, so the core tests do not depend on the shipped JSON.

#include "core/profile.h"
#include "core/types.h"

#include <QDateTime>
#include <QTimeZone>

namespace idesk::test {

inline QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

// 2024-01-15 14:30 UTC, the runbook's example start.
inline QDateTime runbookStart()
{
    return utc(2024, 1, 15, 14, 30);
}

inline Contact contact(const char16_t *role, const char16_t *name, const char16_t *phone,
                       const char16_t *email, const char16_t *via)
{
    return Contact{QString::fromUtf16(role), QString::fromUtf16(name), QString::fromUtf16(phone),
                   QString::fromUtf16(email), QString::fromUtf16(via)};
}

inline Profile seedProfile()
{
    Profile p;
    p.name = QStringLiteral("Web3 Marketplace");
    p.organisation = QStringLiteral("LinkDAO");
    p.severities = {
        {Severity::P0,
         QStringLiteral("Critical"),
         QStringLiteral("Complete service outage"),
         15,
         15,
         {QStringLiteral("Site down"), QStringLiteral("Payment processing failed")}},
        {Severity::P1,
         QStringLiteral("High"),
         QStringLiteral("Major feature unavailable"),
         60,
         30,
         {QStringLiteral("Login broken"), QStringLiteral("Order creation failing")}},
        {Severity::P2,
         QStringLiteral("Medium"),
         QStringLiteral("Minor feature degraded"),
         240,
         60,
         {QStringLiteral("Slow page loads"), QStringLiteral("Search issues")}},
        {Severity::P3,
         QStringLiteral("Low"),
         QStringLiteral("Cosmetic or minor issues"),
         1440,
         240,
         {QStringLiteral("UI glitches"), QStringLiteral("Typos")}},
    };
    p.escalationLevels = {
        {1,
         QStringLiteral("On-call Engineer"),
         15,
         QStringLiteral("Restart services, scale resources, basic troubleshooting"),
         QStringLiteral("Cannot resolve P0/P1 within 30 minutes"),
         {QStringLiteral("Primary"), QStringLiteral("Secondary")}},
        {2,
         QStringLiteral("Senior Engineer/Team Lead"),
         30,
         QStringLiteral("Code changes, infrastructure modifications, vendor contact"),
         QStringLiteral("Cannot resolve P0 within 1 hour, P1 within 2 hours"),
         {QStringLiteral("Escalation"), QStringLiteral("DevOps Lead")}},
        {3,
         QStringLiteral("Engineering Manager/CTO"),
         60,
         QStringLiteral("Major architectural changes, vendor escalation, customer communication"),
         QStringLiteral("Incident duration >4 hours or major business impact"),
         {QStringLiteral("CTO")}},
    };
    p.escalationRules = {
        {{Severity::P0, Severity::P1},
         30,
         2,
         QStringLiteral("P0/P1 not resolved within 30 minutes")},
        {{Severity::P0}, 60, 3, QStringLiteral("P0 not resolved within 1 hour")},
        {{Severity::P1}, 120, 3, QStringLiteral("P1 not resolved within 2 hours")},
        {{}, 240, 3, QStringLiteral("Incident duration over 4 hours")},
    };
    p.onCall = {
        contact(u"Primary", u"Primary on-call", u"+1-555-0123", u"", u"PagerDuty"),
        contact(u"Secondary", u"Secondary on-call", u"+1-555-0124", u"", u"PagerDuty"),
        contact(u"Escalation", u"Engineering Manager", u"+1-555-0125", u"", u""),
    };
    p.personnel = {
        contact(u"CTO", u"CTO", u"+1-555-0100", u"cto@linkdao.io", u""),
        contact(u"DevOps Lead", u"DevOps Lead", u"+1-555-0101", u"devops-lead@linkdao.io", u""),
        contact(u"Security Lead", u"Security Lead", u"+1-555-0102", u"security-lead@linkdao.io",
                u""),
        contact(u"Customer Success", u"Customer Success", u"+1-555-0103", u"support@linkdao.io",
                u""),
    };
    p.vendors = {
        contact(u"Stripe", u"Stripe", u"+1-888-963-8442", u"support@stripe.com", u""),
        contact(u"Infura", u"Infura", u"", u"support@infura.io", u"Slack: #infura-support"),
        contact(u"DataDog", u"DataDog", u"+1-866-329-4466", u"support@datadoghq.com", u""),
    };
    p.channels = {
        {QStringLiteral("slack"), QStringLiteral("Public"), QStringLiteral("#incidents")},
        {QStringLiteral("slack"), QStringLiteral("Private"), QStringLiteral("#incident-response")},
        {QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("incidents@linkdao.io")},
        {QStringLiteral("statuspage"), QStringLiteral("Status page"),
         QStringLiteral("https://status.linkdao.io")},
    };
    p.dashboards = {
        {QStringLiteral("System Overview"),
         QStringLiteral("https://monitoring.linkdao.io/d/system-overview")},
        {QStringLiteral("Application Metrics"),
         QStringLiteral("https://monitoring.linkdao.io/d/app-metrics")},
    };
    p.initialAssessmentChecklist = {QStringLiteral("Confirm incident is real (not false positive)"),
                                    QStringLiteral("Determine severity level"),
                                    QStringLiteral("Identify affected systems/services"),
                                    QStringLiteral("Estimate user impact"),
                                    QStringLiteral("Check for related alerts/issues")};
    p.recoveryChecklist = {QStringLiteral("All systems showing green in monitoring"),
                           QStringLiteral("Error rates back to baseline (<1%)"),
                           QStringLiteral("Response times within SLA (<500ms)"),
                           QStringLiteral("Key user journeys working"),
                           QStringLiteral("No new related alerts")};
    p.postIncidentChecklist = {QStringLiteral("Send resolution notification"),
                               QStringLiteral("Scale down temporary resources"),
                               QStringLiteral("Document timeline and actions taken"),
                               QStringLiteral("Schedule post-mortem meeting")};
    return p;
}

inline Incident incidentAt(Severity s, const QDateTime &start = runbookStart())
{
    Incident in;
    in.id = QStringLiteral("0b7c7f4e-1111-4222-8333-444455556666");
    in.title = QStringLiteral("Order creation failing");
    in.severity = s;
    in.startedAt = start;
    in.detectedAt = start;
    in.channel = QStringLiteral("#incident-2024-01-15-001");
    in.commander = QStringLiteral("john.doe");
    return in;
}

} // namespace idesk::test
