#pragma once

#include <QString>
#include <optional>

namespace idesk {

// The figures a status update reports, read back from its text so they can be plotted. Shaped
// after the runbook's update template ("- Error rate: 5% (down from 25%)", "- Response time:
// 800ms", "- Affected users: ~200/minute") and its alert ("Error rate spike to 25%", "Affecting
// ~1000 users/minute"). The current value is the first figure after the label, never the one
// after "from".
struct MetricsSample
{
    std::optional<double> errorRatePercent;
    std::optional<double> responseTimeMs;
    std::optional<double> affectedUsers;
    bool isEmpty() const { return !errorRatePercent && !responseTimeMs && !affectedUsers; }
    bool operator==(const MetricsSample &) const = default;
};

MetricsSample extractMetrics(QStringView text);

} // namespace idesk
