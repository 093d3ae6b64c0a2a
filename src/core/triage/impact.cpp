#include "impact.h"

#include "triageformat.h"

#include <cmath>

namespace idesk::triage {

namespace {

bool moreSevere(Severity a, Severity b)
{
    return static_cast<int>(a) < static_cast<int>(b);
}

QString percent(double v)
{
    return formatNumber(v) + QLatin1Char('%');
}

} // namespace

QString userImpactToString(UserImpact u)
{
    switch (u) {
    case UserImpact::High:
        return QStringLiteral("High");
    case UserImpact::Medium:
        return QStringLiteral("Medium");
    case UserImpact::Low:
        return QStringLiteral("Low");
    case UserImpact::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString businessImpactToString(BusinessImpact b)
{
    switch (b) {
    case BusinessImpact::Critical:
        return QStringLiteral("Critical");
    case BusinessImpact::High:
        return QStringLiteral("High");
    case BusinessImpact::Medium:
        return QStringLiteral("Medium");
    case BusinessImpact::Low:
        return QStringLiteral("Low");
    case BusinessImpact::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

UserImpact classifyUserImpact(std::optional<double> affectedUsersPercent, const ImpactThresholds &t)
{
    const auto p = usableFigure(affectedUsersPercent);
    if (!p)
        return UserImpact::Unknown;
    if (*p > t.userHighPercent)
        return UserImpact::High;
    if (*p >= t.userMediumPercent)
        return UserImpact::Medium;
    return UserImpact::Low;
}

BusinessImpact classifyBusinessImpact(std::optional<double> revenueLossPerHour, bool regulatory,
                                      const ImpactThresholds &t)
{
    if (regulatory)
        return BusinessImpact::Critical;
    const auto r = usableFigure(revenueLossPerHour);
    if (!r)
        return BusinessImpact::Unknown;
    if (*r > t.revenueCriticalPerHour)
        return BusinessImpact::Critical;
    if (*r >= t.revenueHighPerHour)
        return BusinessImpact::High;
    if (*r > 0)
        return BusinessImpact::Medium;
    return BusinessImpact::Low;
}

std::optional<Severity> severityForUserImpact(UserImpact u, std::optional<double> percent)
{
    switch (u) {
    case UserImpact::High:
        return Severity::P0;
    case UserImpact::Medium:
        return Severity::P1;
    case UserImpact::Low:
        return usableFigure(percent).value_or(0) > 0 ? Severity::P2 : Severity::P3;
    case UserImpact::Unknown:
        break;
    }
    return std::nullopt;
}

std::optional<Severity> severityForBusinessImpact(BusinessImpact b)
{
    switch (b) {
    case BusinessImpact::Critical:
        return Severity::P0;
    case BusinessImpact::High:
        return Severity::P1;
    case BusinessImpact::Medium:
        return Severity::P2;
    case BusinessImpact::Low:
        return Severity::P3;
    case BusinessImpact::Unknown:
        break;
    }
    return std::nullopt;
}

ImpactAssessment assessImpact(const Impact &impact, const ImpactThresholds &t)
{
    ImpactAssessment a;
    a.user = classifyUserImpact(impact.affectedUsersPercent, t);
    a.business = classifyBusinessImpact(impact.revenueLossPerHour, impact.regulatory, t);

    const auto pct = usableFigure(impact.affectedUsersPercent);
    switch (a.user) {
    case UserImpact::High:
        a.why << QStringLiteral("User impact high: %1 of users affected (more than %2).")
                     .arg(percent(*pct), percent(t.userHighPercent));
        break;
    case UserImpact::Medium:
        a.why << QStringLiteral("User impact medium: %1 of users affected (%2 to %3).")
                     .arg(percent(*pct), percent(t.userMediumPercent), percent(t.userHighPercent));
        break;
    case UserImpact::Low:
        a.why << QStringLiteral("User impact low: %1 of users affected (less than %2).")
                     .arg(percent(*pct), percent(t.userMediumPercent));
        break;
    case UserImpact::Unknown:
        a.why << QStringLiteral("User impact unknown: share of affected users not set.");
        break;
    }

    const auto money = [&](double v) { return formatMoney(v, t.currency); };
    const auto rev = usableFigure(impact.revenueLossPerHour);
    switch (a.business) {
    case BusinessImpact::Critical:
        if (impact.regulatory)
            a.why << QStringLiteral("Business impact critical: regulatory or compliance issue.");
        else
            a.why << QStringLiteral("Business impact critical: %1/hour revenue loss (more than "
                                    "%2/hour).")
                         .arg(money(*rev), money(t.revenueCriticalPerHour));
        break;
    case BusinessImpact::High:
        a.why << QStringLiteral("Business impact high: %1/hour revenue loss (%2 to %3/hour).")
                     .arg(money(*rev), money(t.revenueHighPerHour),
                          money(t.revenueCriticalPerHour));
        break;
    case BusinessImpact::Medium:
        a.why << QStringLiteral("Business impact medium: %1/hour revenue loss (less than %2/hour).")
                     .arg(money(*rev), money(t.revenueHighPerHour));
        break;
    case BusinessImpact::Low:
        a.why << QStringLiteral("Business impact low: no revenue loss.");
        break;
    case BusinessImpact::Unknown:
        a.why << QStringLiteral("Business impact unknown: revenue loss not set.");
        break;
    }

    const auto fromUser = severityForUserImpact(a.user, impact.affectedUsersPercent);
    const auto fromBusiness = severityForBusinessImpact(a.business);
    if (fromUser && (!fromBusiness || !moreSevere(*fromBusiness, *fromUser)))
        a.suggested = fromUser;
    else
        a.suggested = fromBusiness;

    if (!a.suggested) {
        a.why << QStringLiteral("No suggestion yet: set the share of users affected or the "
                                "revenue loss.");
        return a;
    }
    QStringList deciders;
    if (fromUser == a.suggested)
        deciders << QStringLiteral("user impact is %1").arg(userImpactToString(a.user));
    if (fromBusiness == a.suggested)
        deciders << QStringLiteral("business impact is %1").arg(businessImpactToString(a.business));
    a.why << QStringLiteral("Suggested %1 because %2.")
                 .arg(severityToString(*a.suggested), deciders.join(QStringLiteral(" and ")));
    return a;
}

std::optional<double> usableFigure(std::optional<double> v)
{
    if (!v || !std::isfinite(*v) || *v < 0)
        return std::nullopt;
    return v;
}

} // namespace idesk::triage
