#include "core/timeline/timelinemetrics.h"

#include <QRegularExpression>

namespace idesk {

namespace {

constexpr auto kOptions =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

// "1,000" and "1.2k" both appear in hand-written updates.
std::optional<double> number(QStringView digits, QStringView suffix)
{
    QString plain = digits.toString();
    plain.remove(u',');
    bool ok = false;
    double v = plain.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    if (suffix.compare(u"k", Qt::CaseInsensitive) == 0)
        v *= 1000;
    else if (suffix.compare(u"m", Qt::CaseInsensitive) == 0)
        v *= 1000000;
    return v;
}

} // namespace

MetricsSample extractMetrics(QStringView text)
{
    // Between label and figure: words and punctuation but no digits and no line break, so a
    // figure is never taken from the next line.
    static const QRegularExpression errorRate(
        QStringLiteral("error[ -]?rates?\\b[^\\d\\n]{0,24}?(\\d+(?:\\.\\d+)?)\\s*%"), kOptions);
    static const QRegularExpression responseTime(
        QStringLiteral("(?:response[ -]?times?|latency|p9[059])\\b[^\\d\\n]{0,24}?"
                       "(\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|secs?|seconds?)\\b"),
        kOptions);
    static const QRegularExpression affectedLabelled(
        QStringLiteral("(?:affected users|users affected)\\b[^\\d\\n]{0,16}?"
                       "(\\d[\\d,]*(?:\\.\\d+)?)\\s*([km])?\\b"),
        kOptions);
    static const QRegularExpression affectingN(
        QStringLiteral("(?:affecting|impacting)\\s+(?:about\\s+|approx\\.?\\s+)?~?"
                       "(\\d[\\d,]*(?:\\.\\d+)?)\\s*([km])?\\s+users\\b"),
        kOptions);
    static const QRegularExpression nUsersAffected(
        QStringLiteral("~?(\\d[\\d,]*(?:\\.\\d+)?)\\s*([km])?\\s+users\\s+(?:are\\s+)?affected\\b"),
        kOptions);

    MetricsSample s;
    if (const auto m = errorRate.match(text); m.hasMatch())
        s.errorRatePercent = number(m.capturedView(1), {});
    if (const auto m = responseTime.match(text); m.hasMatch()) {
        if (auto v = number(m.capturedView(1), {})) {
            const bool millis = m.capturedView(2).startsWith(u"m", Qt::CaseInsensitive);
            s.responseTimeMs = millis ? *v : *v * 1000.0;
        }
    }
    for (const auto *re : {&affectedLabelled, &affectingN, &nUsersAffected}) {
        if (const auto m = re->match(text); m.hasMatch()) {
            s.affectedUsers = number(m.capturedView(1), m.capturedView(2));
            break;
        }
    }
    return s;
}

} // namespace idesk
