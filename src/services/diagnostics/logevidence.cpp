#include "logevidence.h"

#include "core/postmortem/redactor.h"
#include "core/safetext.h"
#include "services/incidentservice.h"

#include <algorithm>

namespace idesk {

namespace {

QString oneLine(const QByteArray &bytes)
{
    QString s = safetext::singleLine(QString::fromUtf8(bytes));
    if (s.size() > 200)
        s = s.left(200) + QStringLiteral("…");
    return s;
}

} // namespace

QString LogEvidenceService::summary(const logs::Report &r, const QString &source)
{
    QString t = QStringLiteral("Log analysis of %1: %2 lines, %3 matching\n")
                    .arg(safetext::singleLine(source))
                    .arg(r.lines)
                    .arg(r.errorLines);
    const auto top = [&](const QString &heading, const logs::CountedTexts &rows) {
        if (rows.empty())
            return;
        t += heading + QLatin1Char('\n');
        for (size_t k = 0; k < rows.size() && k < size_t(kTopRows); ++k)
            t += QStringLiteral("  %1  %2\n").arg(rows[k].count).arg(oneLine(rows[k].text));
    };
    top(QStringLiteral("Top error lines:"), r.errorGroups);
    if (!r.templates.empty()) {
        t += QStringLiteral("Top templates:\n");
        for (size_t k = 0; k < r.templates.size() && k < size_t(kTopRows); ++k) {
            const logs::Template &m = r.templates[k];
            t += QStringLiteral("  %1  %2").arg(m.count).arg(oneLine(m.text));
            if (!m.first.isEmpty())
                t += QStringLiteral("  (%1 .. %2)")
                         .arg(QString::fromLatin1(m.first), QString::fromLatin1(m.last));
            t += QLatin1Char('\n');
        }
    }
    if (!r.slowest.empty())
        t += QStringLiteral("Slowest response_time: %1\n").arg(oneLine(r.slowest.front().text));
    const auto busiest =
        std::max_element(r.errorsPerMinute.begin(), r.errorsPerMinute.end(),
                         [](const auto &a, const auto &b) { return a.count < b.count; });
    if (busiest != r.errorsPerMinute.end())
        t += QStringLiteral("Busiest minute: %1 with %2 errors\n")
                 .arg(QString::fromLatin1(busiest->minute))
                 .arg(busiest->count);
    // Log lines carry tokens and passwords as often as anything else.
    return Redactor().redact(t.trimmed()).text;
}

TimelineEvent LogEvidenceService::record(const QString &incidentId, const logs::Report &report,
                                         const QString &source)
{
    NewEvent e;
    e.kind = EventKind::Evidence;
    e.source = QStringLiteral("logs");
    e.text = summary(report, source);
    return m_incidents.addEvent(incidentId, e);
}

} // namespace idesk
