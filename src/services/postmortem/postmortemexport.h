#pragma once

#include <QString>

namespace idesk {

class IncidentService;

// The whole post-mortem of an incident as GitHub-flavoured Markdown, read fresh from the store
// (incident, timeline, action items, the saved post-mortem document). With redact, secrets are
// replaced by "[REDACTED]" and *redactedCount (if given) receives how many.
// Throws StoreError (NotFound) for an unknown id, FormatError for an unreadable stored document.
QString exportPostmortemMarkdown(IncidentService &svc, const QString &incidentId, bool redact,
                                 int *redactedCount = nullptr);

} // namespace idesk
