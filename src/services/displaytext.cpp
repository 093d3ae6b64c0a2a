#include "displaytext.h"

#include "core/timeline/timelinetext.h"

#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace idesk {

using namespace triage;

QString DisplayText::duration(qint64 secs)
{
    const qint64 minutesTotal = std::max<qint64>(secs, 0) / 60;
    // %n takes an int; a duration of more than two billion days is not a clock anyone reads.
    const int days = int(std::min<qint64>(minutesTotal / (24 * 60), INT_MAX));
    const int hours = int((minutesTotal / 60) % 24);
    const int minutes = int(minutesTotal % 60);
    QStringList parts;
    if (days > 0)
        parts << tr("%n day(s)", nullptr, days);
    if (hours > 0)
        parts << tr("%n hour(s)", nullptr, hours);
    if (minutes > 0 || parts.isEmpty())
        parts << tr("%n minute(s)", nullptr, minutes);
    return parts.join(QLatin1Char(' '));
}

QString DisplayText::number(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("?");
    const double rounded = std::round(v * 100) / 100;
    int decimals = 2;
    if (rounded == std::round(rounded))
        decimals = 0;
    else if (rounded * 10 == std::round(rounded * 10))
        decimals = 1;
    return QLocale().toString(rounded == 0 ? 0.0 : rounded, 'f', decimals);
}

QString DisplayText::status(IncidentStatus s)
{
    switch (s) {
    case IncidentStatus::Investigating:
        return tr("Investigating");
    case IncidentStatus::Identified:
        return tr("Identified");
    case IncidentStatus::Mitigating:
        return tr("Mitigating");
    case IncidentStatus::Monitoring:
        return tr("Monitoring");
    case IncidentStatus::Resolved:
        return tr("Resolved");
    }
    return statusToString(s);
}

QString DisplayText::eventKind(EventKind k)
{
    switch (k) {
    case EventKind::Alert:
        return tr("alert", "event kind");
    case EventKind::Detection:
        return tr("detection", "event kind");
    case EventKind::Action:
        return tr("action", "event kind");
    case EventKind::Diagnostic:
        return tr("diagnostic", "event kind");
    case EventKind::Decision:
        return tr("decision", "event kind");
    case EventKind::Communication:
        return tr("communication", "event kind");
    case EventKind::Status:
        return tr("status", "event kind");
    case EventKind::Escalation:
        return tr("escalation", "event kind");
    case EventKind::Note:
        return tr("note", "event kind");
    case EventKind::Evidence:
        return tr("evidence", "event kind");
    }
    return eventKindToString(k);
}

QString DisplayText::userImpact(UserImpact u)
{
    switch (u) {
    case UserImpact::High:
        return tr("High", "user impact");
    case UserImpact::Medium:
        return tr("Medium", "user impact");
    case UserImpact::Low:
        return tr("Low", "user impact");
    case UserImpact::Unknown:
        break;
    }
    return tr("unknown", "user impact");
}

QString DisplayText::businessImpact(BusinessImpact b)
{
    switch (b) {
    case BusinessImpact::Critical:
        return tr("Critical", "business impact");
    case BusinessImpact::High:
        return tr("High", "business impact");
    case BusinessImpact::Medium:
        return tr("Medium", "business impact");
    case BusinessImpact::Low:
        return tr("Low", "business impact");
    case BusinessImpact::Unknown:
        break;
    }
    return tr("unknown", "business impact");
}

QStringList DisplayText::impactReasons(const Impact &impact, const ImpactThresholds &t)
{
    // The classification is the core's; only its wording is made here.
    const ImpactAssessment a = assessImpact(impact, t);
    const auto percent = [](double v) { return tr("%1%").arg(number(v)); };
    const auto money = [&](double v) { return t.currency + number(v); };
    QStringList why;

    const auto pct = usableFigure(impact.affectedUsersPercent);
    switch (a.user) {
    case UserImpact::High:
        why << tr("User impact high: %1 of users affected (more than %2).")
                   .arg(percent(*pct), percent(t.userHighPercent));
        break;
    case UserImpact::Medium:
        why << tr("User impact medium: %1 of users affected (%2 to %3).")
                   .arg(percent(*pct), percent(t.userMediumPercent), percent(t.userHighPercent));
        break;
    case UserImpact::Low:
        why << tr("User impact low: %1 of users affected (less than %2).")
                   .arg(percent(*pct), percent(t.userMediumPercent));
        break;
    case UserImpact::Unknown:
        why << tr("User impact unknown: share of affected users not set.");
        break;
    }

    const auto rev = usableFigure(impact.revenueLossPerHour);
    switch (a.business) {
    case BusinessImpact::Critical:
        if (impact.regulatory)
            why << tr("Business impact critical: regulatory or compliance issue.");
        else
            why << tr("Business impact critical: %1/hour revenue loss (more than %2/hour).")
                       .arg(money(*rev), money(t.revenueCriticalPerHour));
        break;
    case BusinessImpact::High:
        why << tr("Business impact high: %1/hour revenue loss (%2 to %3/hour).")
                   .arg(money(*rev), money(t.revenueHighPerHour), money(t.revenueCriticalPerHour));
        break;
    case BusinessImpact::Medium:
        why << tr("Business impact medium: %1/hour revenue loss (less than %2/hour).")
                   .arg(money(*rev), money(t.revenueHighPerHour));
        break;
    case BusinessImpact::Low:
        why << tr("Business impact low: no revenue loss.");
        break;
    case BusinessImpact::Unknown:
        why << tr("Business impact unknown: revenue loss not set.");
        break;
    }

    if (!a.suggested) {
        why << tr("No suggestion yet: set the share of users affected or the revenue loss.");
        return why;
    }
    const bool byUser = severityForUserImpact(a.user, impact.affectedUsersPercent) == a.suggested;
    const bool byBusiness = severityForBusinessImpact(a.business) == a.suggested;
    const QString sev = severityToString(*a.suggested);
    if (byUser && byBusiness)
        why << tr("Suggested %1 because user impact is %2 and business impact is %3.")
                   .arg(sev, userImpact(a.user), businessImpact(a.business));
    else if (byUser)
        why << tr("Suggested %1 because user impact is %2.").arg(sev, userImpact(a.user));
    else
        why << tr("Suggested %1 because business impact is %2.")
                   .arg(sev, businessImpact(a.business));
    return why;
}

QString DisplayText::timelineMessage(const QString &english)
{
    struct Pattern
    {
        const char *source;
        QRegularExpression re;
    };
    // Each text as a pattern: its words literally, each %N a value.
    static const std::vector<Pattern> patterns = [] {
        std::vector<Pattern> all;
        static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
        for (const char *source : timelinetext::kAll) {
            const QString text = QString::fromLatin1(source);
            QString re = QStringLiteral("^");
            qsizetype from = 0;
            for (auto it = placeholder.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                re += QRegularExpression::escape(text.mid(from, m.capturedStart() - from)) +
                      QStringLiteral("(.*)");
                from = m.capturedEnd();
            }
            re += QRegularExpression::escape(text.mid(from)) + u'$';
            all.push_back(
                {source, QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption)});
        }
        return all;
    }();
    for (const Pattern &p : patterns) {
        const QRegularExpressionMatch m = p.re.match(english);
        if (!m.hasMatch())
            continue;
        const QString shown = QCoreApplication::translate(timelinetext::kContext, p.source);
        // All values at once, so a value that reads like "%2" stays as it is.
        switch (m.lastCapturedIndex()) {
        case 0:
            return shown;
        case 1:
            return shown.arg(m.captured(1));
        case 2:
            return shown.arg(m.captured(1), m.captured(2));
        default:
            return shown.arg(m.captured(1), m.captured(2), m.captured(3));
        }
    }
    return english;
}

} // namespace idesk
