#pragma once

#include "core/logs/loganalyzer.h"
#include "core/types.h"

#include <QString>

namespace idesk {

class IncidentService;

// A log analysis as evidence on an incident's timeline: the source, the line counts, the top
// error groups and templates and the busiest minute, redacted and as plain text.
class LogEvidenceService
{
public:
    static constexpr int kTopRows = 5;

    explicit LogEvidenceService(IncidentService &incidents) : m_incidents(incidents) {}

    TimelineEvent record(const QString &incidentId, const logs::Report &report,
                         const QString &source);
    // The event text, redacted; exposed so a panel can preview what will be filed.
    static QString summary(const logs::Report &report, const QString &source);

private:
    IncidentService &m_incidents;
};

} // namespace idesk
