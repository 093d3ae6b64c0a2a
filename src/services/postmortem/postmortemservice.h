#pragma once

#include "core/postmortem/postmortemdoc.h"
#include "core/postmortem/postmortemmarkdown.h"
#include "core/postmortem/reports.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <array>

namespace idesk {

class IncidentService;

// Everything the reports view charts, over all incidents in the store.
struct PostmortemReports
{
    MonthlySeverityCounts bySeverityAndMonth;
    std::array<ResponseTimes, SeverityCount> responseTimes{};
    std::vector<OwnerLoad> openActionItemsByOwner;
};

// The post-mortem use cases over IncidentService: the document (load/save through the store),
// the Markdown export (redacted by default), the review meeting (.ics), the resolution
// notification (rendered by the triage messages), and the reports.
class PostmortemService final : public QObject
{
    Q_OBJECT
public:
    explicit PostmortemService(IncidentService &service, QObject *parent = nullptr);

    IncidentService &service() const { return m_service; }

    // The stored document; for an incident without one, a fresh document whose review meeting
    // is the default (next UTC day 10:00 after resolution) once the incident is resolved.
    // Throws StoreError (NotFound) for an unknown incident, FormatError for an unreadable
    // stored document.
    PostmortemDoc document(const QString &incidentId) const;
    bool hasStoredDocument(const QString &incidentId) const;
    // Saves and announces documentSaved().
    void save(const QString &incidentId, const PostmortemDoc &doc);

    // Incident, current timeline and action items as they are now in the store, with doc.
    PostmortemInput input(const QString &incidentId, const PostmortemDoc &doc) const;

    PostmortemMarkdown exportMarkdown(const QString &incidentId, bool redact = true) const;
    PostmortemMarkdown exportMarkdown(const QString &incidentId, const PostmortemDoc &doc,
                                      bool redact = true) const;

    // The default review time for this incident (see defaultReviewTime in core).
    QDateTime suggestedReviewTime(const QString &incidentId) const;
    // The review meeting as an .ics file; empty when doc has no review time.
    QByteArray reviewIcs(const QString &incidentId, const PostmortemDoc &doc) const;

    // The runbook's "INCIDENT RESOLVED" message, rendered by triage::renderMessage, with the
    // post-mortem's resolution text and next steps (review meeting, open action items).
    QString resolutionNotification(const QString &incidentId, const PostmortemDoc &doc) const;

    PostmortemReports reports() const;

    // Writes bytes to path with writeFileAtomically(): a half-written export never replaces a
    // good file. On failure returns false and says why in *error.
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

Q_SIGNALS:
    void documentSaved(const QString &incidentId);

private:
    Incident requireIncident(const QString &incidentId) const;

    IncidentService &m_service;
};

} // namespace idesk
