#include "core/logs/logreport.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace idesk::logs {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";
constexpr char kHex[] = "0123456789abcdef";
// Appended to text that was cut at kTextCap bytes.
constexpr char truncatedMark[] = " [...truncated]";

// The JSON being written: a byte buffer handed to the sink whenever it has grown past kFlush at
// the end of an entry, so a report with a million groups never sits in memory as one document.
// The buffer is big memory: filled a first time, a megabyte of it would fault in page by page.
class JsonOut
{
public:
    static constexpr size_t kFlush = size_t(1) << 20;

    explicit JsonOut(const std::function<void(QByteArrayView)> *sink) : m_sink(sink)
    {
        if (sink)
            reserveSlice();
    }
    // Room for a slice of kFlush bytes and the entry that crosses it.
    void reserveSlice() { m_buf.reserve(kFlush + (size_t(1) << 16)); }
    void append(char c) { m_buf.push_back(c); }
    void append(const char *s) { m_buf.append(s, std::strlen(s)); }
    void append(QByteArrayView s) { m_buf.append(s.data(), size_t(s.size())); }
    void entryDone()
    {
        if (m_sink && m_buf.size() >= kFlush)
            flush();
    }
    // Bytes another JsonOut wrote: handed to the sink as they are, after what this one holds,
    // rather than copied into its buffer first (most of a big report goes this way).
    void pass(const JsonOut &other)
    {
        if (!m_sink) {
            m_buf.append(other.m_buf.data(), other.m_buf.size());
            return;
        }
        if (!m_buf.empty())
            flush();
        if (!other.m_buf.empty())
            (*m_sink)(QByteArrayView(other.m_buf.data(), qsizetype(other.m_buf.size())));
    }
    void flush()
    {
        (*m_sink)(QByteArrayView(m_buf.data(), qsizetype(m_buf.size())));
        m_buf.clear();
    }
    QByteArray toByteArray() const { return QByteArray(m_buf.data(), qsizetype(m_buf.size())); }
    void clear() { m_buf.clear(); }

private:
    const std::function<void(QByteArrayView)> *m_sink;
    ByteBuffer m_buf;
};

// Length of the valid UTF-8 sequence at s[i], or 0 when the byte there does not start one
// (stray continuation, overlong form, surrogate, beyond U+10FFFF, cut short).
int utf8Length(QByteArrayView s, qsizetype i, char32_t *cp)
{
    const auto b = [&](qsizetype k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    int n;
    char32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (int k = 1; k < n; ++k) {
        const unsigned char t = b(i + k);
        if ((t & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (t & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

template<typename Out> void appendHexByte(Out &out, unsigned c)
{
    out.append(kHex[(c >> 4) & 0xF]);
    out.append(kHex[c & 0xF]);
}

// How many bytes from p on are copied into a JSON string as they are (printable ASCII but '"' and
// '\\'), sixteen at a time; the bytes after the last whole sixteen are left to the caller.
qsizetype plainRun(const char *p, qsizetype n)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    // Signed, bytes from 0x80 on are below ' ' too.
    const __m128i space = _mm_set1_epi8(' '), quote = _mm_set1_epi8('"'),
                  backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i special =
            _mm_or_si128(_mm_cmplt_epi8(v, space),
                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        if (const int m = _mm_movemask_epi8(special))
            return i + std::countr_zero(unsigned(m));
    }
#else
    (void)p;
    (void)n;
#endif
    return i;
}

// A JSON string of s, then suffix (plain ASCII) inside the quotes.
void appendJsonString(JsonOut &out, QByteArrayView s, const char *suffix = nullptr)
{
    out.append('"');
    for (qsizetype i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            // Copy the run of plain ASCII at once; most texts are one long run.
            qsizetype j = i + 1;
            j += plainRun(s.data() + j, s.size() - j);
            while (j < s.size()) {
                const unsigned char d = static_cast<unsigned char>(s[j]);
                if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\')
                    break;
                ++j;
            }
            out.append(s.sliced(i, j - i));
            i = j;
            continue;
        }
        switch (c) {
        case '"':
            out.append("\\\"");
            ++i;
            continue;
        case '\\':
            out.append("\\\\");
            ++i;
            continue;
        case '\n':
            out.append("\\n");
            ++i;
            continue;
        case '\r':
            out.append("\\r");
            ++i;
            continue;
        case '\t':
            out.append("\\t");
            ++i;
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            out.append("\\u00");
            appendHexByte(out, c);
            ++i;
            continue;
        }
        char32_t cp;
        const int n = utf8Length(s, i, &cp);
        if (n == 0) {
            out.append(kReplacement);
            ++i;
        } else {
            out.append(s.sliced(i, n));
            i += n;
        }
    }
    if (suffix)
        out.append(suffix);
    out.append('"');
}

template<typename Out> void appendInt(Out &out, qint64 v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(QByteArrayView(buf, qsizetype(r.ptr - buf)));
}

void appendDouble(JsonOut &out, double v)
{
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(QByteArrayView(buf, qsizetype(r.ptr - buf)));
}

void appendKey(JsonOut &out, const char *key)
{
    out.append('"');
    out.append(key);
    out.append("\":");
}

void appendCountedRange(JsonOut &out, const CountedTexts &v, size_t from, size_t to)
{
    for (size_t k = from; k < to; ++k) {
        if (k)
            out.append(',');
        out.append("\n  {\"count\":");
        appendInt(out, v[k].count);
        out.append(",\"text\":");
        appendJsonString(out, v[k].text, v[k].truncated ? truncatedMark : nullptr);
        out.append('}');
        out.entryDone();
    }
}

void appendCounted(JsonOut &out, const CountedTexts &v)
{
    out.append('[');
    // A log whose every line is its own group (timestamps) writes most of its report here:
    // two threads each write a slice into a buffer of their own, handed on in order, a slice
    // at a time so the memory stays a few megabytes.
    constexpr size_t kSlice = 8192;
    // The pair before is handed to the sink while the next is written: the sink (a scan and
    // a write in the CLI) no longer leaves the other core waiting.
    if (v.size() >= 4 * kSlice && std::thread::hardware_concurrency() > 1) {
        JsonOut a[2] = {JsonOut(nullptr), JsonOut(nullptr)},
                b[2] = {JsonOut(nullptr), JsonOut(nullptr)};
        int cur = 0;
        bool before = false;
        for (size_t at = 0; at < v.size(); at += 2 * kSlice) {
            const size_t mid = std::min(v.size(), at + kSlice);
            const size_t end = std::min(v.size(), at + 2 * kSlice);
            a[cur].clear();
            b[cur].clear();
            a[cur].reserveSlice();
            b[cur].reserveSlice();
            std::jthread other([&, cur] { appendCountedRange(b[cur], v, mid, end); });
            if (before) {
                out.pass(a[1 - cur]);
                out.pass(b[1 - cur]);
            }
            appendCountedRange(a[cur], v, at, mid);
            other.join();
            cur = 1 - cur;
            before = true;
        }
        out.pass(a[1 - cur]);
        out.pass(b[1 - cur]);
    } else {
        appendCountedRange(out, v, 0, v.size());
    }
    out.append(']');
}

void writeJsonTo(JsonOut &out, const Report &r, bool withLines);

void appendCountLine(QByteArray &out, qint64 count, QByteArrayView text)
{
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%7lld ", static_cast<long long>(count));
    out.append(buf, n);
    out.append(terminalSafe(text));
    out.append('\n');
}

} // namespace

QByteArray terminalSafe(QByteArrayView s)
{
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {
            out.append(char(c));
            ++i;
            continue;
        }
        if (c == '\t') {
            out.append("\\t");
            ++i;
            continue;
        }
        if (c == '\r') {
            out.append("\\r");
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            out.append("\\x");
            appendHexByte(out, c);
            ++i;
            continue;
        }
        char32_t cp;
        const int n = utf8Length(s, i, &cp);
        if (n == 0) {
            out.append(kReplacement);
            ++i;
        } else if (cp >= 0x80 && cp <= 0x9F) {
            out.append("\\u{");
            appendHexByte(out, unsigned(cp));
            out.append('}');
            i += n;
        } else {
            out.append(s.sliced(i, n));
            i += n;
        }
    }
    return out;
}

QByteArray reportToJson(const Report &r, bool withLines)
{
    JsonOut out(nullptr);
    writeJsonTo(out, r, withLines);
    return out.toByteArray();
}

void writeJson(const Report &r, bool withLines, const std::function<void(QByteArrayView)> &sink)
{
    JsonOut out(&sink);
    writeJsonTo(out, r, withLines);
    out.flush();
}

namespace {

void writeJsonTo(JsonOut &out, const Report &r, bool withLines)
{
    out.append("{\"schema\":\"incidentdesk.logreport/1\",\n");
    appendKey(out, "lines");
    appendInt(out, r.lines);
    out.append(",\n");
    appendKey(out, "errorLines");
    appendInt(out, r.errorLines);
    out.append(",\n");
    appendKey(out, "errorGroups");
    appendCounted(out, r.errorGroups);
    out.append(",\n");
    appendKey(out, "topErrorMessages");
    appendCounted(out, r.topErrorMessages);
    out.append(",\n");
    appendKey(out, "slowest");
    out.append('[');
    for (size_t k = 0; k < r.slowest.size(); ++k) {
        const SlowEntry &s = r.slowest[k];
        out.append(k ? ",\n  {\"value\":" : "\n  {\"value\":");
        appendDouble(out, s.value);
        out.append(",\"text\":");
        appendJsonString(out, s.text);
        out.append(",\"line\":");
        appendJsonString(out, s.line, s.truncated ? truncatedMark : nullptr);
        out.append('}');
        out.entryDone();
    }
    out.append("],\n");
    appendKey(out, "templates");
    out.append('[');
    for (size_t k = 0; k < r.templates.size(); ++k) {
        const Template &t = r.templates[k];
        out.append(k ? ",\n  {\"count\":" : "\n  {\"count\":");
        appendInt(out, t.count);
        out.append(",\"template\":");
        appendJsonString(out, t.text);
        out.append(",\"example\":");
        appendJsonString(out, t.example);
        out.append(",\"first\":");
        appendJsonString(out, t.first);
        out.append(",\"last\":");
        appendJsonString(out, t.last);
        if (withLines) {
            out.append(",\"lineNumbers\":[");
            for (size_t n = 0; n < t.lineNumbers.size(); ++n) {
                if (n)
                    out.append(',');
                appendInt(out, t.lineNumbers[n]);
            }
            out.append(']');
        }
        out.append('}');
        out.entryDone();
    }
    out.append("],\n");
    appendKey(out, "errorsPerMinute");
    out.append('[');
    for (size_t k = 0; k < r.errorsPerMinute.size(); ++k) {
        out.append(k ? ",\n  {\"minute\":" : "\n  {\"minute\":");
        appendJsonString(out, r.errorsPerMinute[k].minute);
        out.append(",\"count\":");
        appendInt(out, r.errorsPerMinute[k].count);
        out.append('}');
    }
    out.append("]}\n");
}

} // namespace

QByteArray reportToText(const Report &r, QByteArrayView match)
{
    QByteArray out;
    out.append("=== Error Analysis ===\n");
    for (const CountedText &g : r.errorGroups) {
        appendCountLine(out, g.count, g.text);
        if (g.truncated)
            out.insert(out.size() - 1, truncatedMark);
    }
    out.append("\n=== Top Error Messages ===\n");
    for (const CountedText &g : r.topErrorMessages) {
        appendCountLine(out, g.count, g.text);
        if (g.truncated)
            out.insert(out.size() - 1, truncatedMark);
    }
    out.append("\n=== Response Time Analysis ===\n");
    for (auto it = r.slowest.rbegin(); it != r.slowest.rend(); ++it) {
        out.append(terminalSafe(it->text));
        out.append('\n');
    }
    out.append("\n=== Message Templates ===\n");
    for (const Template &t : r.templates) {
        appendCountLine(out, t.count, t.text);
        if (!t.first.isEmpty())
            out.append("        " + t.first + " .. " + t.last + '\n');
        out.append("        e.g. " + terminalSafe(t.example) + '\n');
    }
    out.append("\n=== Errors per Minute ===\n");
    for (const MinuteCount &m : r.errorsPerMinute) {
        out.append(m.minute);
        out.append(' ');
        appendInt(out, m.count);
        out.append('\n');
    }
    out.append("\n");
    appendInt(out, r.lines);
    out.append(" lines, ");
    appendInt(out, r.errorLines);
    out.append(" containing \"" + terminalSafe(match) + "\"\n");
    return out;
}

} // namespace idesk::logs
