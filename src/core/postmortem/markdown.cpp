#include "markdown.h"

#include "core/safetext.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace idesk::md {

namespace {

bool isAsciiPunct(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60) ||
           (u >= 0x7B && u <= 0x7E);
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiLetter(c) || (c.unicode() >= u'0' && c.unicode() <= u'9');
}

// "&amp;" or "&#42;" would be decoded as an entity reference.
bool looksLikeEntity(QStringView s, qsizetype amp)
{
    qsizetype i = amp + 1;
    if (i < s.size() && s[i] == QLatin1Char('#'))
        ++i;
    const qsizetype start = i;
    while (i < s.size() && isAsciiAlnum(s[i]))
        ++i;
    return i > start && i < s.size() && s[i] == QLatin1Char(';');
}

QString collapseNewlines(QStringView text)
{
    QString s = text.toString();
    if (!text.contains(u'\n') && !text.contains(u'\r') && !text.contains(u'\t'))
        return s;
    s.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    for (QChar &c : s)
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    return s;
}

// How many leading characters of an (already left-trimmed) line would open a block, and which
// one to put a backslash in front of; -1 when the line starts as plain paragraph text.
qsizetype blockOpenerEscapeIndex(QStringView line)
{
    if (line.isEmpty())
        return -1;
    const QChar c = line.front();
    auto followedByBlankOrEnd = [&line](qsizetype i) {
        return i >= line.size() || line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t');
    };
    if (c == QLatin1Char('#')) {
        qsizetype n = 0;
        while (n < line.size() && line[n] == QLatin1Char('#'))
            ++n;
        return (n <= 6 && followedByBlankOrEnd(n)) ? 0 : -1;
    }
    if (c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('=')) {
        if (c != QLatin1Char('=') && followedByBlankOrEnd(1))
            return 0; // bullet
        // a setext underline turns the previous line into a heading; "---" is also a rule
        const bool onlyMarker = std::all_of(
            line.begin(), line.end(), [c](QChar x) { return x == c || x == QLatin1Char(' '); });
        return onlyMarker && c != QLatin1Char('+') ? 0 : -1;
    }
    if (c == QLatin1Char('>') || c == QLatin1Char('['))
        return 0; // quote; "[ ]" after a list marker would become a task box
    if (c.isDigit()) {
        qsizetype n = 0;
        while (n < line.size() && n < 10 && line[n].unicode() >= u'0' && line[n].unicode() <= u'9')
            ++n;
        if (n <= 9 && n < line.size() &&
            (line[n] == QLatin1Char('.') || line[n] == QLatin1Char(')')) &&
            followedByBlankOrEnd(n + 1))
            return n;
    }
    return -1;
}

// The position of the last "](" whose target is not an http(s) URL, or -1. Every '[' before it
// is escaped: whichever of them CommonMark would pair with that "]", none can open a link to
// javascript:, data:, vbscript: and the like. Brackets are counted as active even after a
// backslash, since the user's backslash is itself escaped.
qsizetype lastUnsafeLinkClose(QStringView s)
{
    for (qsizetype j = s.lastIndexOf(u"]("); j >= 0; j = j > 0 ? s.lastIndexOf(u"](", j - 1) : -1)
        if (!safetext::isHttpLink(s.mid(j + 2)))
            return j;
    return -1;
}

void appendEscapedInline(QString &out, QStringView s)
{
    // at most one backslash per character (or "&lt;" for '<'); written through a pointer, as
    // per-character QString::append shows up in large exports
    const qsizetype start = out.size();
    out.resize(start + 2 * s.size() + 3 * s.count(u'<'));
    const qsizetype unsafeLinkClose = s.contains(u"](") ? lastUnsafeLinkClose(s) : -1;
    QChar *d = out.data() + start;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const QChar next = i + 1 < s.size() ? s[i + 1] : QChar();
        switch (c.unicode()) {
        case u'\\':
            // a backslash only escapes ASCII punctuation (or makes a hard break at line end)
            if (next.isNull() || isAsciiPunct(next))
                *d++ = u'\\';
            break;
        case u'`':
        case u'*':
        case u'~':
        case u'|':
            *d++ = u'\\';
            break;
        case u'_': {
            // an underscore between two letters or digits can neither open nor close emphasis,
            // so snake_case names stay readable in the raw Markdown
            const QChar prev = i > 0 ? s[i - 1] : QChar();
            if (!(prev.isLetterOrNumber() && next.isLetterOrNumber()))
                *d++ = u'\\';
            break;
        }
        case u'<':
            if (next == QLatin1Char('@') || next == QLatin1Char('#') || next == QLatin1Char('!')) {
                // Slack reads <@U…>, <#C…|…> and <!here> as mentions wherever the text is
                // posted; an entity shows '<' in Markdown and in Slack alike.
                for (const char16_t e : u"&lt;")
                    if (e)
                        *d++ = e;
                continue;
            }
            if (!next.isNull() &&
                (isAsciiLetter(next) || next == QLatin1Char('/') || next == QLatin1Char('?')))
                *d++ = u'\\';
            break;
        case u'[':
            if (i < unsafeLinkClose)
                *d++ = u'\\';
            break;
        case u'&':
            if (looksLikeEntity(s, i))
                *d++ = u'\\';
            break;
        default:
            break;
        }
        *d++ = c;
    }
    out.truncate(d - out.constData());
}

QString escapeLine(QStringView line, bool atBlockStart)
{
    QString out;
    if (atBlockStart) {
        const qsizetype k = blockOpenerEscapeIndex(line);
        if (k >= 0) {
            appendEscapedInline(out, line.left(k));
            const QChar c = line[k];
            // '*' is escaped by the inline pass anyway; the others are written here, so the
            // inline pass cannot add a second backslash that would cancel this one
            if (c == QLatin1Char('*')) {
                appendEscapedInline(out, line.mid(k));
            } else {
                out += QLatin1Char('\\');
                out += c;
                appendEscapedInline(out, line.mid(k + 1));
            }
            return out;
        }
    }
    appendEscapedInline(out, line);
    return out;
}

} // namespace

QString stripControl(QStringView text)
{
    return safetext::stripControl(text);
}

namespace {

// True when text can go into the document as it is: nothing to strip, collapse or escape. Most
// timeline entries are like that, and skipping the general path keeps big exports fast.
bool isPlainInline(QStringView s, bool atBlockStart)
{
    if (s.isEmpty())
        return true;
    if (s.front().isSpace() || s.back().isSpace())
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || safetext::isUnsafe(u) || safetext::isLineBreak(u))
            return false;
        switch (u) {
        case u'\\':
        case u'`':
        case u'*':
        case u'~':
        case u'|':
        case u'_':
        case u'<':
        case u'&':
        case u'[':
            return false;
        default:
            break;
        }
    }
    return !atBlockStart || blockOpenerEscapeIndex(s) < 0;
}

} // namespace

QString escapeInline(QStringView text, bool atBlockStart)
{
    if (isPlainInline(text, atBlockStart))
        return text.toString();
    const QString s = collapseNewlines(stripControl(text)).trimmed();
    return escapeLine(s, atBlockStart);
}

QString escapeHeading(QStringView text)
{
    QString s = escapeInline(text, true);
    // "Outage in #" ends with what a heading reads as its closing sequence
    qsizetype i = s.size();
    while (i > 0 && s[i - 1] == QLatin1Char('#'))
        --i;
    if (i < s.size() && (i == 0 || s[i - 1] == QLatin1Char(' ')))
        s.insert(i, QLatin1Char('\\'));
    return s;
}

QString escapeBlock(QStringView text)
{
    const QString clean = stripControl(text);
    QStringList out;
    bool lastBlank = true; // drops leading blank lines
    for (QStringView line : QStringView(clean).split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.isEmpty()) {
            if (!lastBlank)
                out.append(QString());
            lastBlank = true;
            continue;
        }
        QString tabless = line.toString();
        tabless.replace(QLatin1Char('\t'), QLatin1Char(' '));
        out.append(escapeLine(tabless, true));
        lastBlank = false;
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out.join(QLatin1Char('\n'));
}

int longestBacktickRun(QStringView text)
{
    int best = 0;
    int run = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('`')) {
            best = std::max(best, ++run);
        } else {
            run = 0;
        }
    }
    return best;
}

QString codeSpan(QStringView text)
{
    const QString s = collapseNewlines(stripControl(text));
    const QString ticks(longestBacktickRun(s) + 1, QLatin1Char('`'));
    // a span starting or ending with a backtick needs a space so the delimiter stays apart;
    // CommonMark strips exactly one space on each side again
    const bool pad =
        s.startsWith(QLatin1Char('`')) || s.endsWith(QLatin1Char('`')) ||
        (s.startsWith(QLatin1Char(' ')) && s.endsWith(QLatin1Char(' ')) && !s.trimmed().isEmpty());
    const QString space = pad ? QStringLiteral(" ") : QString();
    return ticks + space + s + space + ticks;
}

QString fencedBlock(QStringView content, QStringView info)
{
    QString body = stripControl(content);
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    const QString fence(std::max(3, longestBacktickRun(body) + 1), QLatin1Char('`'));
    QString infoClean = info.toString();
    infoClean.remove(QLatin1Char('`'));
    return fence + infoClean + QLatin1Char('\n') + body + fence + QLatin1Char('\n');
}

} // namespace idesk::md
