#include "triageformat.h"

#include <QLocale>
#include <cmath>

namespace idesk::triage {

namespace {

QString plural(qint64 n, const char16_t *one, const char16_t *many)
{
    return QString::number(n) + QLatin1Char(' ') + QString::fromUtf16(n == 1 ? one : many);
}

} // namespace

QString formatDuration(qint64 secs)
{
    if (secs < 0)
        secs = 0;
    const qint64 minutesTotal = secs / 60;
    const qint64 days = minutesTotal / (24 * 60);
    const qint64 hours = (minutesTotal / 60) % 24;
    const qint64 minutes = minutesTotal % 60;
    QStringList parts;
    if (days > 0)
        parts << plural(days, u"day", u"days");
    if (hours > 0)
        parts << plural(hours, u"hour", u"hours");
    if (minutes > 0 || parts.isEmpty())
        parts << plural(minutes, u"minute", u"minutes");
    return parts.join(QLatin1Char(' '));
}

QString formatUtcMinute(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString formatCountdown(qint64 secs)
{
    const bool negative = secs < 0;
    const qint64 a = negative ? -secs : secs;
    const qint64 h = a / 3600;
    const qint64 m = (a / 60) % 60;
    const qint64 s = a % 60;
    QString text = h > 0 ? QStringLiteral("%1:%2:%3")
                               .arg(h)
                               .arg(m, 2, 10, QLatin1Char('0'))
                               .arg(s, 2, 10, QLatin1Char('0'))
                         : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

QString formatNumber(double v, int decimals, bool grouping)
{
    if (!std::isfinite(v))
        return QStringLiteral("?");
    QLocale english(QLocale::English, QLocale::UnitedStates);
    if (!grouping)
        english.setNumberOptions(QLocale::OmitGroupSeparator);
    QString text = english.toString(v, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    if (text == QStringLiteral("-0"))
        text = QStringLiteral("0");
    return text;
}

QString formatMoney(double v, const QString &currency)
{
    return currency + formatNumber(v, 2);
}

} // namespace idesk::triage
