#pragma once

#include "core/types.h"
#include "postmortemdoc.h"

#include <QString>
#include <vector>

namespace idesk {

// Everything the post-mortem Markdown is made from, read fresh from the store at export time.
struct PostmortemInput
{
    Incident incident;
    std::vector<TimelineEvent> events; // current revisions; deleted ones are skipped
    std::vector<ActionItem> actions;   // deleted ones are skipped
    PostmortemDoc doc;
    QString currency = QStringLiteral("$"); // the profile's, for the revenue impact
};

struct PostmortemMarkdown
{
    QString markdown;
    int redactedCount = 0; // secrets replaced; 0 when redaction was off
};

// GitHub-flavoured Markdown in the runbook template's headings and order:
// "# Post-Mortem: <title>", Incident Summary, Timeline, Root Cause, Contributing Factors,
// What Went Well, What Could Be Improved, Action Items, Lessons Learned, then the Google SRE
// sections that have content (Trigger, Detection, Resolution, Where We Got Lucky, Supporting
// Information with the diagnostics' evidence). User text is escaped so it reads as written.
QString renderPostmortemMarkdown(const PostmortemInput &in);

// Redacts every text that will appear in the document (and only those, so the count is what the
// reader would have seen), then renders.
PostmortemMarkdown buildPostmortemMarkdown(PostmortemInput in, bool redact);

// Diagnostic events that carry evidence (see core/postmortem/evidence.h), oldest first.
std::vector<TimelineEvent> evidenceEvents(const std::vector<TimelineEvent> &currentEvents);

} // namespace idesk
