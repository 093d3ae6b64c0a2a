#pragma once

#include "core/types.h"
#include "diagnostics/diagnosticresult.h"
#include "storage/store.h"

#include <QObject>

namespace idesk {

class IncidentService;

// Files diagnostic runs as evidence on an incident's timeline: the event says who ran which
// check where, the exact argv or URL, status, exit code, duration and a redacted excerpt; the
// full (redacted) output is kept beside it and opens from the event.
class DiagnosticsService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kExcerptLines = 20;
    static constexpr int kExcerptChars = 2000;

    explicit DiagnosticsService(IncidentService &incidents, QObject *parent = nullptr);

    // One transaction: the event and its output land together or not at all; the signals
    // (IncidentService's eventAdded/eventsChanged, then evidenceRecorded) follow the commit.
    TimelineEvent recordEvidence(const QString &incidentId, const diag::DiagnosticResult &result,
                                 const QString &title = {});
    std::optional<DiagnosticOutput> output(const QString &eventId) const;

    // The event text, redacted; exposed so the tab can preview what will be filed.
    static QString evidenceText(const diag::DiagnosticResult &result, const QString &title,
                                const QString &who);

Q_SIGNALS:
    void evidenceRecorded(const idesk::TimelineEvent &event);

private:
    IncidentService &m_incidents;
};

} // namespace idesk
