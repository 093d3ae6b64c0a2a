#include "diagnosticsservice.h"

#include "core/postmortem/redactor.h"
#include "services/incidentservice.h"

namespace idesk {

namespace {

QString excerpt(const QString &output)
{
    QStringList lines = output.split(QLatin1Char('\n'));
    bool cut = false;
    if (lines.size() > DiagnosticsService::kExcerptLines) {
        lines = lines.mid(0, DiagnosticsService::kExcerptLines);
        cut = true;
    }
    QString text = lines.join(QLatin1Char('\n'));
    if (text.size() > DiagnosticsService::kExcerptChars) {
        text.truncate(DiagnosticsService::kExcerptChars);
        cut = true;
    }
    if (cut)
        text += QStringLiteral("\n…");
    return text;
}

} // namespace

DiagnosticsService::DiagnosticsService(IncidentService &incidents, QObject *parent)
    : QObject(parent), m_incidents(incidents)
{}

QString DiagnosticsService::evidenceText(const diag::DiagnosticResult &r, const QString &title,
                                         const QString &who)
{
    QString text = QStringLiteral("%1 ran %2%3: %4")
                       .arg(who.isEmpty() ? QStringLiteral("someone") : who, r.check,
                            title.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(title),
                            diag::runStatusToString(r.status));
    text += QStringLiteral("\nexit code %1, %2 ms").arg(r.exitCode).arg(r.durationMs);
    text += QStringLiteral("\n") + r.where();
    if (!r.argv.isEmpty())
        text += QStringLiteral("\n$ ") + diag::shellQuoted(r.argv);
    if (!r.url.isEmpty())
        text += QStringLiteral("\nURL ") + r.url;
    if (!r.host.isEmpty())
        text += QStringLiteral("\nhost ") + r.host;
    if (!r.summary.isEmpty())
        text += QStringLiteral("\n") + r.summary;
    const QString ex = excerpt(r.output);
    if (!ex.trimmed().isEmpty())
        text += QStringLiteral("\n\n") + ex;
    return Redactor().redact(text).text;
}

TimelineEvent DiagnosticsService::recordEvidence(const QString &incidentId,
                                                 const diag::DiagnosticResult &result,
                                                 const QString &title)
{
    NewEvent e;
    e.kind = EventKind::Evidence;
    e.source = QStringLiteral("diagnostics");
    e.author = m_incidents.actor();
    e.text = evidenceText(result, title, e.author);
    Store &store = m_incidents.store();
    Store::Transaction tx(store);
    const TimelineEvent added = store.addEvent(incidentId, e);
    DiagnosticOutput out;
    out.eventId = added.id;
    out.incidentId = incidentId;
    out.checkId = result.check;
    out.output = Redactor().redact(result.output).text;
    out.truncated = result.truncated;
    out.recordedAt = added.recordedAt;
    saveDiagnosticOutput(store, out);
    tx.commit();
    m_incidents.announceEvent(added);
    Q_EMIT evidenceRecorded(added);
    return added;
}

std::optional<DiagnosticOutput> DiagnosticsService::output(const QString &eventId) const
{
    return diagnosticOutput(m_incidents.store(), eventId);
}

} // namespace idesk
