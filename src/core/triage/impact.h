#pragma once

#include "core/profile.h"
#include "core/types.h"

#include <QStringList>
#include <optional>

namespace idesk::triage {

// The runbook's impact assessment. Unknown means "not assessed yet", which is different from Low.
enum class UserImpact
{
    Unknown = 0,
    Low,
    Medium,
    High
};
enum class BusinessImpact
{
    Unknown = 0,
    Low,
    Medium,
    High,
    Critical
};

QString userImpactToString(UserImpact u);         // "High", "unknown"
QString businessImpactToString(BusinessImpact b); // "Critical", "unknown"

// By share of users affected (percent), with the profile's thresholds (runbook: 50 and 10):
//   more than userHighPercent           → High    (exactly 50% is Medium)
//   userMediumPercent up to userHigh    → Medium  (exactly 10% is Medium)
//   less than userMediumPercent         → Low
//   unset, negative or NaN              → Unknown
UserImpact classifyUserImpact(std::optional<double> affectedUsersPercent,
                              const ImpactThresholds &t);

// By revenue loss per hour and the regulatory flag (runbook: 10k and 1k):
//   regulatory/compliance issue                 → Critical, whatever the revenue
//   more than revenueCriticalPerHour            → Critical (exactly 10,000 is High)
//   revenueHighPerHour up to revenueCritical    → High     (exactly 1,000 is High)
//   more than 0                                 → Medium
//   exactly 0                                   → Low ("no significant business impact")
//   unset, negative or NaN (and not regulatory) → Unknown
BusinessImpact classifyBusinessImpact(std::optional<double> revenueLossPerHour, bool regulatory,
                                      const ImpactThresholds &t);

// The severity each dimension asks for on its own:
//   user:     High → P0, Medium → P1, Low → P2 (P3 when exactly 0% of users are affected)
//   business: Critical → P0, High → P1, Medium → P2, Low → P3
// Unknown asks for nothing.
std::optional<Severity> severityForUserImpact(UserImpact u, std::optional<double> percent);
std::optional<Severity> severityForBusinessImpact(BusinessImpact b);

struct ImpactAssessment
{
    UserImpact user = UserImpact::Unknown;
    BusinessImpact business = BusinessImpact::Unknown;
    // The more severe of the two dimensions' severities; empty while both are unknown.
    std::optional<Severity> suggested;
    // One sentence per dimension and a last one saying which dimension decided, for the UI.
    QStringList why;
};

ImpactAssessment assessImpact(const Impact &impact, const ImpactThresholds &t);

// An impact figure the assessment can use: set, finite and not negative.
std::optional<double> usableFigure(std::optional<double> v);

} // namespace idesk::triage
