#include "safetext.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace idesk::safetext {

bool isUnsafe(char32_t c)
{
    const bool c0 = (c < 0x20 && c != U'\n' && c != U'\t') || c == 0x7F;
    const bool c1 = c >= 0x80 && c <= 0x9F;
    const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    return c0 || c1 || bidi;
}

bool isLineBreak(char32_t c)
{
    return c == U'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

QString stripControl(QStringView text)
{
    // Unsafe characters and the other line breaks are all BMP code points, so a UTF-16 scan
    // finds them; a surrogate is never one of them.
    const auto needsWork = [](QChar c) {
        return isUnsafe(c.unicode()) || isLineBreak(c.unicode());
    };
    if (std::none_of(text.begin(), text.end(), needsWork))
        return text.toString();
    static const QRegularExpression ansi(
        QStringLiteral("\\x{1B}(?:\\[[0-?]*[ "
                       "-/]*[@-~]|\\][^\\x{07}\\x{1B}]*(?:\\x{07}|\\x{1B}\\\\)|[@-Z\\\\-_])"));
    QString s = text.toString();
    if (s.contains(QChar(0x1B)))
        s.remove(ansi);
    s.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QString out;
    out.reserve(s.size());
    for (const QChar c : std::as_const(s)) {
        const char16_t u = c.unicode();
        if (isLineBreak(u))
            out += QLatin1Char('\n');
        else if (!isUnsafe(u))
            out += c;
    }
    return out;
}

QString singleLine(QStringView text)
{
    QString s = stripControl(text);
    for (QChar &c : s)
        if (c == u'\n' || c == u'\t')
            c = u' ';
    return s.trimmed();
}

bool isHttpLink(QStringView target)
{
    qsizetype i = 0;
    while (i < target.size() && (target[i] == u' ' || target[i] == u'\n' || target[i] == u'\t'))
        ++i;
    if (i < target.size() && target[i] == u'<')
        ++i;
    const QStringView rest = target.mid(i);
    return rest.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           rest.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

} // namespace idesk::safetext
