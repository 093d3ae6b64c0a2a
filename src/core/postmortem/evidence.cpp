#include "evidence.h"

#include <QRegularExpression>
#include <QStringList>

namespace idesk {

QString formatDiagnosticText(const DiagnosticEvidence &e)
{
    QString command = e.command;
    command.replace(QLatin1Char('\r'), QLatin1Char(' '));
    command.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QString text = QStringLiteral("$ ") + command.trimmed() + QLatin1Char('\n');
    text +=
        QStringLiteral("exit ") + (e.exitCode ? QString::number(*e.exitCode) : QStringLiteral("?"));
    if (e.durationMs)
        text += QStringLiteral(" in %1 ms").arg(*e.durationMs);
    if (!e.output.isEmpty())
        text += QLatin1Char('\n') + e.output;
    return text;
}

std::optional<DiagnosticEvidence> parseDiagnosticText(QStringView text)
{
    static const QRegularExpression exitLine(
        QStringLiteral(R"(^exit (-?\d{1,10}|\?)(?: in (\d{1,15}) ms)?\s*$)"));
    const qsizetype firstEnd = text.indexOf(QLatin1Char('\n'));
    if (firstEnd < 0 || !text.startsWith(QLatin1String("$ ")))
        return std::nullopt;
    QStringView rest = text.mid(firstEnd + 1);
    const qsizetype secondEnd = rest.indexOf(QLatin1Char('\n'));
    const QStringView second = secondEnd < 0 ? rest : rest.left(secondEnd);
    const QRegularExpressionMatch m = exitLine.match(second.trimmed());
    if (!m.hasMatch())
        return std::nullopt;

    DiagnosticEvidence e;
    e.command = text.mid(2, firstEnd - 2).trimmed().toString();
    if (e.command.isEmpty())
        return std::nullopt;
    if (m.captured(1) != QLatin1String("?")) {
        bool ok = false;
        const int code = m.captured(1).toInt(&ok);
        if (ok)
            e.exitCode = code;
    }
    if (m.hasCaptured(2))
        e.durationMs = m.captured(2).toLongLong();
    if (secondEnd >= 0)
        e.output = rest.mid(secondEnd + 1).toString();
    return e;
}

QString outputExcerpt(const QString &output, int maxLines, int maxChars)
{
    QString s = output;
    while (s.endsWith(QLatin1Char('\n')))
        s.chop(1);
    if (s.size() <= maxChars && s.count(QLatin1Char('\n')) < maxLines)
        return s;
    QStringList lines = s.split(QLatin1Char('\n'));
    int dropped = 0;
    if (lines.size() > maxLines) {
        dropped = int(lines.size()) - maxLines;
        lines = lines.mid(0, maxLines);
    }
    QString out = lines.join(QLatin1Char('\n'));
    if (out.size() > maxChars) {
        const qsizetype cut = out.lastIndexOf(QLatin1Char('\n'), maxChars);
        const qsizetype keep = cut > 0 ? cut : maxChars;
        dropped += int(out.mid(keep).count(QLatin1Char('\n'))) + (cut > 0 ? 0 : 1);
        out.truncate(keep);
    }
    if (dropped > 0)
        out += QStringLiteral("\n… (%1 more line%2 not shown)")
                   .arg(dropped)
                   .arg(dropped == 1 ? QString() : QStringLiteral("s"));
    return out;
}

} // namespace idesk
