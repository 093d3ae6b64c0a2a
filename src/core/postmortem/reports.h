#pragma once

#include "core/types.h"

#include <QDate>
#include <QString>
#include <array>
#include <optional>
#include <vector>

namespace idesk {

// Incidents per calendar month (UTC, by start) and severity. Months run without gaps from the
// first to the last month that has an incident, so a chart axis shows quiet months as zero.
struct MonthlySeverityCounts
{
    std::vector<QDate> months;                          // first day of each month, ascending
    std::vector<std::array<int, SeverityCount>> counts; // counts[month][severity]
    int total() const;
};
MonthlySeverityCounts incidentsBySeverityAndMonth(const std::vector<Incident> &incidents);

// Mean time to acknowledge: acknowledgedAt − (detectedAt, else startedAt).
// Mean time to resolve: resolvedAt − startedAt. Incidents missing either time, deleted ones,
// and negative spans (clock mistakes) are left out; samples says how many counted.
struct ResponseTimes
{
    std::optional<double> mttaMinutes;
    std::optional<double> mttrMinutes;
    int ackSamples = 0;
    int resolveSamples = 0;
};
std::array<ResponseTimes, SeverityCount>
responseTimesBySeverity(const std::vector<Incident> &incidents);

// Open (not done, not deleted) action items per owner, most first, then by name. An item
// without an owner counts under "unassigned"; overdue = due before `today`.
struct OwnerLoad
{
    QString owner;
    int open = 0;
    int overdue = 0;
};
std::vector<OwnerLoad> openActionItemsByOwner(const std::vector<ActionItem> &actions,
                                              const QDate &today);

bool isOverdue(const ActionItem &a, const QDate &today);

} // namespace idesk
