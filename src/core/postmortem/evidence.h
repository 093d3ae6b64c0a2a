#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace idesk {

// What a diagnostic run leaves on the timeline (an event of kind Diagnostic), in a plain-text
// form that reads well on the Timeline tab and that the post-mortem can take apart again:
//
//   $ kubectl get pods --context prod --namespace web3-marketplace
//   exit 1 in 1250 ms
//   <output excerpt, any number of lines>
//
// The second line may omit " in N ms". Anything else is free text, not evidence.
struct DiagnosticEvidence
{
    QString command; // one line, as run (argv joined with spaces)
    std::optional<int> exitCode;
    std::optional<qint64> durationMs;
    QString output; // excerpt, possibly several lines
    bool operator==(const DiagnosticEvidence &) const = default;
};

QString formatDiagnosticText(const DiagnosticEvidence &e);
std::optional<DiagnosticEvidence> parseDiagnosticText(QStringView text);

// At most maxLines lines of output; a note says how many were left out.
QString outputExcerpt(const QString &output, int maxLines = 40, int maxChars = 4000);

} // namespace idesk
