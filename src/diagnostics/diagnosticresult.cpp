#include "diagnosticresult.h"

#include <QJsonArray>
#include <algorithm>

namespace idesk::diag {

QString runStatusToString(RunStatus s)
{
    switch (s) {
    case RunStatus::Pass:
        return QStringLiteral("pass");
    case RunStatus::Fail:
        return QStringLiteral("fail");
    case RunStatus::Timeout:
        return QStringLiteral("timeout");
    case RunStatus::Error:
        return QStringLiteral("error");
    case RunStatus::Refused:
        return QStringLiteral("refused");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

QJsonObject DiagnosticResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("check"), check);
    o.insert(QStringLiteral("kind"), kind);
    o.insert(QStringLiteral("status"), runStatusToString(status));
    o.insert(QStringLiteral("exitCode"), exitCode);
    o.insert(QStringLiteral("durationMs"), durationMs);
    if (!argv.isEmpty())
        o.insert(QStringLiteral("argv"), QJsonArray::fromStringList(argv));
    if (!url.isEmpty())
        o.insert(QStringLiteral("url"), url);
    if (!host.isEmpty())
        o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("context"), context);
    o.insert(QStringLiteral("namespace"), ns);
    o.insert(QStringLiteral("production"), production);
    if (!database.isEmpty())
        o.insert(QStringLiteral("database"), database);
    if (!columns.isEmpty()) {
        o.insert(QStringLiteral("columns"), QJsonArray::fromStringList(columns));
        QJsonArray list;
        for (const QStringList &row : rows)
            list.append(QJsonArray::fromStringList(row));
        o.insert(QStringLiteral("rows"), list);
    }
    o.insert(QStringLiteral("output"), output);
    o.insert(QStringLiteral("truncated"), truncated);
    o.insert(QStringLiteral("summary"), summary);
    return o;
}

QString DiagnosticResult::where() const
{
    QString text =
        QStringLiteral("context %1").arg(context.isEmpty() ? QStringLiteral("-") : context);
    if (production)
        text += QStringLiteral(" [PRODUCTION]");
    text += QStringLiteral(", namespace %1").arg(ns.isEmpty() ? QStringLiteral("-") : ns);
    if (!database.isEmpty())
        text += QStringLiteral(", database %1").arg(database);
    return text;
}

QString shellQuoted(const QStringList &argv)
{
    QStringList out;
    for (const QString &a : argv) {
        const bool plain = !a.isEmpty() && std::all_of(a.begin(), a.end(), [](QChar c) {
            return c.isLetterOrNumber() || QStringLiteral("-_./=:,@%+").contains(c);
        });
        out << (plain ? a
                      : QLatin1Char('\'') +
                            QString(a).replace(QStringLiteral("'"), QStringLiteral("'\\''")) +
                            QLatin1Char('\''));
    }
    return out.join(QLatin1Char(' '));
}

QString formatTable(const QStringList &columns, const QList<QStringList> &rows)
{
    const qsizetype n = columns.size();
    QList<qsizetype> width(n);
    for (qsizetype c = 0; c < n; ++c)
        width[c] = columns[c].size();
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < n && c < row.size(); ++c)
            width[c] = std::max(width[c], row[c].size());
    }
    const auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype c = 0; c < n; ++c)
            padded << cells.value(c).leftJustified(width[c]);
        QString text = padded.join(QStringLiteral(" | "));
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QString out = line(columns);
    QStringList rule;
    for (qsizetype c = 0; c < n; ++c)
        rule << QString(width[c], QLatin1Char('-'));
    out += rule.join(QStringLiteral("-+-")) + QLatin1Char('\n');
    for (const QStringList &row : rows)
        out += line(row);
    out += rows.size() == 1 ? QStringLiteral("(1 row)\n")
                            : QStringLiteral("(%1 rows)\n").arg(rows.size());
    return out;
}

QString stripControl(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text.at(i);
        const char16_t u = ch.unicode();
        if (u == 0x1b) {
            // CSI: ESC [ params final(0x40..0x7e); OSC: ESC ] ... BEL or ESC \.
            if (i + 1 < n && text.at(i + 1) == QLatin1Char('[')) {
                i += 2;
                while (i < n && !(text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e))
                    ++i;
            } else if (i + 1 < n && text.at(i + 1) == QLatin1Char(']')) {
                i += 2;
                while (i < n && text.at(i).unicode() != 0x07 &&
                       !(text.at(i).unicode() == 0x1b && i + 1 < n &&
                         text.at(i + 1) == QLatin1Char('\\')))
                    ++i;
                if (i < n && text.at(i).unicode() == 0x1b)
                    ++i;
            } else {
                // ESC, intermediates (0x20..0x2f), one final byte: "ESC ( B" is three characters.
                ++i;
                while (i < n && text.at(i).unicode() >= 0x20 && text.at(i).unicode() <= 0x2f)
                    ++i;
            }
            continue;
        }
        if (u == u'\n' || u == u'\t') {
            out.append(ch);
            continue;
        }
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            continue;
        // Bidirectional overrides can make a line read differently from what it is.
        if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            continue;
        out.append(ch);
    }
    return out;
}

} // namespace idesk::diag
