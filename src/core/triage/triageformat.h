#pragma once

#include <QDateTime>
#include <QString>

// Formatting shared by the triage messages, the tab and the CLI. Messages leave the building
// (Slack, e-mail), so numbers and times are always English and UTC, never the laptop's locale.
namespace idesk::triage {

// "1 hour 15 minutes", "45 minutes", "2 days 3 hours", "0 minutes". Seconds are dropped.
QString formatDuration(qint64 secs);
// "2024-01-15 14:30 UTC"; empty for an invalid time.
QString formatUtcMinute(const QDateTime &t);
// A countdown for a clock face: "4:05", "1:02:03", "-0:45" when overdue.
QString formatCountdown(qint64 secs);
// English digits with thousands separators and at most `decimals` decimals, trailing zeros
// dropped: 10000 → "10,000", 2.50 → "2.5". Without grouping 3000 stays "3000" (milliseconds).
QString formatNumber(double v, int decimals = 2, bool grouping = true);
// "$12,000" with the profile's currency symbol.
QString formatMoney(double v, const QString &currency);

} // namespace idesk::triage
