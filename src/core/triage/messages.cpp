#include "messages.h"

#include "core/safetext.h"
#include "triageformat.h"

#include <QRegularExpression>
#include <cmath>
#include <utility>
#include <vector>

namespace idesk::triage {

namespace {

struct Block
{
    QString heading; // "Initial symptoms:"; empty for a bare line such as the footer
    QStringList lines;
};

QString directionFrom(double now, std::optional<double> before, const QString &formatted)
{
    if (!before || !std::isfinite(*before) || *before == now)
        return {};
    return QStringLiteral(" (%1 from %2)")
        .arg(now < *before ? QStringLiteral("down") : QStringLiteral("up"), formatted);
}

QStringList metricLines(const Impact &m, const std::optional<Impact> &prev)
{
    QStringList lines;
    if (m.errorRatePercent) {
        const double v = *m.errorRatePercent;
        const auto before = prev ? prev->errorRatePercent : std::nullopt;
        lines << QStringLiteral("- Error rate: %1%").arg(formatNumber(v)) +
                     directionFrom(v, before,
                                   before ? formatNumber(*before) + QLatin1Char('%') : QString());
    }
    if (m.responseTimeMs) {
        const double v = *m.responseTimeMs;
        const auto before = prev ? prev->responseTimeMs : std::nullopt;
        lines << QStringLiteral("- Response time: %1ms").arg(formatNumber(v, 0, false)) +
                     directionFrom(v, before,
                                   before ? formatNumber(*before, 0, false) + QStringLiteral("ms")
                                          : QString());
    }
    if (m.affectedUsers) {
        const double v = double(*m.affectedUsers);
        const std::optional<double> before =
            prev && prev->affectedUsers ? std::optional<double>(double(*prev->affectedUsers))
                                        : std::nullopt;
        QString line = QStringLiteral("- Affected users: ~%1").arg(formatNumber(v, 0));
        if (m.affectedUsersPercent)
            line += QStringLiteral(" (%1% of users)").arg(formatNumber(*m.affectedUsersPercent));
        lines << line + directionFrom(v, before, before ? formatNumber(*before, 0) : QString());
    } else if (m.affectedUsersPercent) {
        const double v = *m.affectedUsersPercent;
        const auto before = prev ? prev->affectedUsersPercent : std::nullopt;
        lines << QStringLiteral("- Affected users: %1% of users").arg(formatNumber(v)) +
                     directionFrom(v, before,
                                   before ? formatNumber(*before) + QLatin1Char('%') : QString());
    }
    return lines;
}

// Each entry is one line of the message: a line break inside one would forge a line of its own
// ("Channel: #fake"), so entries are flattened and stripped of unsafe characters.
QStringList nonEmpty(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines) {
        const QString t = safetext::singleLine(l);
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QStringList bulleted(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : nonEmpty(lines)) {
        // Lines that bring their own marker ("✅ …", "🔄 …", "• …") keep it.
        const QChar first = l.at(0);
        const bool marked = l.startsWith(QStringLiteral("- ")) ||
                            l.startsWith(QStringLiteral("* ")) || first == u'•' ||
                            first.isHighSurrogate() || first.category() == QChar::Symbol_Other;
        out << (marked ? l : QStringLiteral("- ") + l);
    }
    return out;
}

QStringList derivedImpactLines(const Incident &in, const Profile &profile, qint64 durationSecs)
{
    QStringList lines;
    const Impact &m = in.impact;
    if (m.affectedUsers) {
        QString line =
            QStringLiteral("- ~%1 users affected").arg(formatNumber(double(*m.affectedUsers), 0));
        if (m.affectedUsersPercent)
            line += QStringLiteral(" (%1% of users)").arg(formatNumber(*m.affectedUsersPercent));
        lines << line;
    } else if (m.affectedUsersPercent) {
        lines << QStringLiteral("- ~%1% of users affected")
                     .arg(formatNumber(*m.affectedUsersPercent));
    }
    if (m.revenueLossPerHour && *m.revenueLossPerHour > 0) {
        const double total = std::round(*m.revenueLossPerHour * double(durationSecs) / 3600.0);
        lines << QStringLiteral("- Estimated revenue impact: %1")
                     .arg(formatMoney(total, profile.thresholds.currency));
    }
    if (m.regulatory)
        lines << QStringLiteral("- Regulatory or compliance impact");
    return lines;
}

} // namespace

QString messageKindToString(MessageKind k)
{
    switch (k) {
    case MessageKind::Update:
        return QStringLiteral("update");
    case MessageKind::Resolved:
        return QStringLiteral("resolved");
    case MessageKind::Alert:
        break;
    }
    return QStringLiteral("alert");
}

std::optional<MessageKind> messageKindFromString(QStringView s)
{
    for (MessageKind k : {MessageKind::Alert, MessageKind::Update, MessageKind::Resolved}) {
        if (s.trimmed().compare(messageKindToString(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QString commanderHandle(const QString &commander)
{
    const QString c = safetext::singleLine(commander);
    if (c.isEmpty())
        return QStringLiteral("unassigned");
    return c.startsWith(QLatin1Char('@')) ? c : QLatin1Char('@') + c;
}

MessageKind suggestedMessageKind(const Incident &incident, bool anyMessageSent)
{
    if (incident.status == IncidentStatus::Resolved)
        return MessageKind::Resolved;
    return anyMessageSent ? MessageKind::Update : MessageKind::Alert;
}

QString renderMessage(const Incident &in, const Profile &profile, const MessageInput &input,
                      const QDateTime &now, MessageFormat format)
{
    const bool resolvedKind = input.kind == MessageKind::Resolved;
    QDateTime end = now;
    if (in.resolvedAt.isValid() && (resolvedKind || in.status == IncidentStatus::Resolved))
        end = in.resolvedAt;
    const qint64 durationSecs =
        in.startedAt.isValid() ? std::max<qint64>(0, in.startedAt.secsTo(end)) : 0;

    QString header;
    switch (input.kind) {
    case MessageKind::Alert:
        header = QStringLiteral("🚨 INCIDENT ALERT 🚨");
        break;
    case MessageKind::Update:
        header = QStringLiteral("📊 INCIDENT UPDATE 📊");
        break;
    case MessageKind::Resolved:
        header = QStringLiteral("✅ INCIDENT RESOLVED ✅");
        break;
    }

    std::vector<std::pair<QString, QString>> fields;
    fields.emplace_back(QStringLiteral("Severity"), severityToString(in.severity));
    fields.emplace_back(QStringLiteral("Status"), resolvedKind
                                                      ? statusToString(IncidentStatus::Resolved)
                                                      : statusToString(in.status));
    const QString impact = safetext::singleLine(in.impact.userImpact);
    fields.emplace_back(QStringLiteral("Impact"),
                        impact.isEmpty() ? safetext::singleLine(in.title) : impact);
    fields.emplace_back(QStringLiteral("Started"), formatUtcMinute(in.startedAt));
    if (resolvedKind)
        fields.emplace_back(QStringLiteral("Resolved"), formatUtcMinute(end));
    if (input.kind != MessageKind::Alert)
        fields.emplace_back(QStringLiteral("Duration"), formatDuration(durationSecs));
    fields.emplace_back(QStringLiteral("Commander"), commanderHandle(in.commander));
    if (const QString channel = safetext::singleLine(in.channel);
        input.kind == MessageKind::Alert && !channel.isEmpty())
        fields.emplace_back(QStringLiteral("Channel"), channel);

    std::vector<Block> blocks;
    const QStringList metrics = metricLines(in.impact, input.previousMetrics);
    const SeverityDef *def = profile.severity(in.severity);
    const int nextMinutes = input.nextUpdateMinutes.value_or(def ? def->updateEveryMinutes : 30);
    switch (input.kind) {
    case MessageKind::Alert:
        blocks.push_back({QStringLiteral("Initial symptoms:"), bulleted(input.lines)});
        blocks.push_back({QStringLiteral("Current metrics:"), metrics});
        blocks.push_back({{}, {QStringLiteral("Next update in %1 minutes.").arg(nextMinutes)}});
        break;
    case MessageKind::Update:
        blocks.push_back({QStringLiteral("Progress:"), nonEmpty(input.lines)});
        blocks.push_back({QStringLiteral("Current metrics:"), metrics});
        blocks.push_back({{}, {QStringLiteral("Next update in %1 minutes.").arg(nextMinutes)}});
        break;
    case MessageKind::Resolved: {
        const QString resolution = safetext::singleLine(
            input.resolution.trimmed().isEmpty() ? in.summary : input.resolution);
        blocks.push_back({QStringLiteral("Resolution:"),
                          resolution.isEmpty() ? QStringList() : QStringList{resolution}});
        const QStringList impactLines = input.impactLines.isEmpty()
                                            ? derivedImpactLines(in, profile, durationSecs)
                                            : bulleted(input.impactLines);
        blocks.push_back({QStringLiteral("Impact:"), impactLines});
        blocks.push_back({QStringLiteral("Next steps:"), bulleted(input.nextSteps)});
        blocks.push_back(
            {{}, {QStringLiteral("Thank you for your patience during this incident.")}});
        break;
    }
    }

    QStringList out;
    out << header;
    for (const auto &[label, value] : fields)
        out << label + QStringLiteral(": ") + value;
    for (const Block &b : blocks) {
        if (b.lines.isEmpty())
            continue;
        out << QString();
        if (!b.heading.isEmpty())
            out << b.heading;
        out << b.lines;
    }
    const QString plain = out.join(QLatin1Char('\n'));
    return format == MessageFormat::Slack ? plainToSlack(plain) : plain;
}

QString plainToSlack(const QString &plain)
{
    static const QRegularExpression label(QStringLiteral("^([A-Za-z][A-Za-z ]{0,30}):(\\s.*)?$"));
    // The plain text may have been edited by hand in the tab; what goes to Slack is clean anyway.
    const QStringList lines = safetext::stripControl(plain).split(QLatin1Char('\n'));
    QStringList out;
    bool headerDone = false;
    for (QString line : lines) {
        line.replace(QLatin1Char('&'), QStringLiteral("&amp;"))
            .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
            .replace(QLatin1Char('>'), QStringLiteral("&gt;"));
        const QString trimmed = line.trimmed();
        if (!headerDone && !trimmed.isEmpty()) {
            headerDone = true;
            out << QLatin1Char('*') + trimmed + QLatin1Char('*');
            continue;
        }
        if (line.startsWith(QStringLiteral("- "))) {
            out << QStringLiteral("• ") + line.mid(2);
            continue;
        }
        const auto m = label.match(line);
        if (m.hasMatch()) {
            out << QLatin1Char('*') + m.captured(1) + QStringLiteral(":*") + m.captured(2);
            continue;
        }
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace idesk::triage
