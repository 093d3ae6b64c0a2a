#include "postmortemexport.h"

#include "services/postmortem/postmortemservice.h"

namespace idesk {

QString exportPostmortemMarkdown(IncidentService &svc, const QString &incidentId, bool redact,
                                 int *redactedCount)
{
    const PostmortemService pm(svc);
    const PostmortemMarkdown out = pm.exportMarkdown(incidentId, redact);
    if (redactedCount)
        *redactedCount = out.redactedCount;
    return out.markdown;
}

} // namespace idesk
