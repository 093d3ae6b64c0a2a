#include "core/logs/logtext.h"

#include "core/logs/bigmemory.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace idesk::logs {

namespace {

using View = std::string_view;

View view(QByteArrayView v)
{
    return View(v.data(), size_t(v.size()));
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil algorithm).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void civilFromDays(qint64 z, int &y, int &m, int &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(qint64(yoe) + era * 400 + (m <= 2));
}

// Reads exactly n digits at s[i..]; advances i.
bool digits(View s, size_t &i, int n, int &out)
{
    if (i + size_t(n) > s.size())
        return false;
    int v = 0;
    for (int k = 0; k < n; ++k) {
        const char c = s[i + size_t(k)];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    i += size_t(n);
    return true;
}

bool validClock(int mo, int d, int h, int mi, int sec)
{
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 60;
}

int monthFromName(View s, size_t i)
{
    static constexpr std::array<const char *, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (i + 3 > s.size())
        return 0;
    for (size_t k = 0; k < names.size(); ++k)
        if (s.substr(i, 3) == View(names[k], 3))
            return int(k) + 1;
    return 0;
}

qint64 toMsecs(int y, int mo, int d, int h, int mi, int sec, int ms, int offsetMinutes)
{
    const qint64 days = daysFromCivil(y, unsigned(mo), unsigned(d));
    return ((days * 24 + h) * 60 + mi - offsetMinutes) * 60000 + qint64(sec) * 1000 + ms;
}

// Fraction after '.' or ',': milliseconds, consuming every digit.
int fraction(View s, size_t &i)
{
    int ms = 0, n = 0;
    while (i < s.size() && isDigit(s[i])) {
        if (n < 3)
            ms = ms * 10 + (s[i] - '0');
        ++n;
        ++i;
    }
    for (; n < 3; ++n)
        ms *= 10;
    return ms;
}

// "+hh:mm", "+hhmm", "+hh", "Z"; 0 when absent.
int zoneOffset(View s, size_t &i)
{
    if (i < s.size() && s[i] == 'Z') {
        ++i;
        return 0;
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i] == '-' ? -1 : 1;
        size_t j = i + 1;
        int hh = 0, mm = 0;
        if (!digits(s, j, 2, hh))
            return 0;
        if (j < s.size() && s[j] == ':')
            ++j;
        if (!digits(s, j, 2, mm))
            mm = 0;
        i = j;
        return sign * (hh * 60 + mm);
    }
    return 0;
}

std::optional<qint64> isoAt(View s, size_t i, size_t *end)
{
    int y, mo, d, h, mi, sec = 0, ms = 0;
    if (!digits(s, i, 4, y) || i >= s.size() || (s[i] != '-' && s[i] != '/'))
        return std::nullopt;
    const char sep = s[i++];
    if (!digits(s, i, 2, mo) || i >= s.size() || s[i++] != sep || !digits(s, i, 2, d))
        return std::nullopt;
    if (i >= s.size() || (s[i] != 'T' && s[i] != ' '))
        return std::nullopt;
    ++i;
    if (!digits(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, mi))
        return std::nullopt;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!digits(s, i, 2, sec))
            return std::nullopt;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            ms = fraction(s, i);
        }
    }
    if (i < s.size() && s[i] == ' ' && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-'))
        ++i; // "2024-05-01 13:55:36 +0200"
    const int off = zoneOffset(s, i);
    if (!validClock(mo, d, h, mi, sec))
        return std::nullopt;
    if (end)
        *end = i;
    return toMsecs(y, mo, d, h, mi, sec, ms, off);
}

std::optional<qint64> syslogAt(View s, size_t i, int year, size_t *end)
{
    const int mo = monthFromName(s, i);
    if (!mo)
        return std::nullopt;
    i += 3;
    if (i >= s.size() || s[i] != ' ')
        return std::nullopt;
    while (i < s.size() && s[i] == ' ')
        ++i;
    int d = 0, h, mi, sec;
    if (i < s.size() && isDigit(s[i])) {
        d = s[i++] - '0';
        if (i < s.size() && isDigit(s[i]))
            d = d * 10 + (s[i++] - '0');
    }
    if (i >= s.size() || s[i++] != ' ')
        return std::nullopt;
    if (!digits(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, mi) ||
        i >= s.size() || s[i++] != ':' || !digits(s, i, 2, sec))
        return std::nullopt;
    int ms = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        ms = fraction(s, i);
    }
    if (!validClock(mo, d, h, mi, sec))
        return std::nullopt;
    if (end)
        *end = i;
    return toMsecs(year, mo, d, h, mi, sec, ms, 0);
}

// "10/Oct/2000:13:55:36 -0700" (after the '[').
std::optional<qint64> commonLogAt(View s, size_t i, size_t *end)
{
    int d, y, h, mi, sec;
    if (!digits(s, i, 2, d) || i >= s.size() || s[i++] != '/')
        return std::nullopt;
    const int mo = monthFromName(s, i);
    if (!mo)
        return std::nullopt;
    i += 3;
    if (i >= s.size() || s[i++] != '/' || !digits(s, i, 4, y) || i >= s.size() || s[i++] != ':' ||
        !digits(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, mi) ||
        i >= s.size() || s[i++] != ':' || !digits(s, i, 2, sec))
        return std::nullopt;
    int off = 0;
    if (i < s.size() && s[i] == ' ') {
        ++i;
        off = zoneOffset(s, i);
    }
    if (!validClock(mo, d, h, mi, sec))
        return std::nullopt;
    if (end)
        *end = i;
    return toMsecs(y, mo, d, h, mi, sec, 0, off);
}

std::optional<qint64> epochAt(View s, size_t i, size_t *end)
{
    size_t j = i;
    qint64 v = 0;
    while (j < s.size() && isDigit(s[j]) && j - i < 14)
        v = v * 10 + (s[j++] - '0');
    const size_t n = j - i;
    if (j < s.size() && (isDigit(s[j]) || isAlpha(s[j])))
        return std::nullopt;
    // 10 digits: seconds from 2001 to 2286; 13: the same in milliseconds.
    if (n == 10) {
        int ms = 0;
        if (j < s.size() && s[j] == '.') {
            ++j;
            ms = fraction(s, j);
        }
        if (end)
            *end = j;
        return v * 1000 + ms;
    }
    if (n == 13) {
        if (end)
            *end = j;
        return v;
    }
    return std::nullopt;
}

// A timestamp starting at i, and where it ends.
std::optional<qint64> timestampAt(View s, size_t i, int year, size_t *end)
{
    if (i >= s.size())
        return std::nullopt;
    if (isDigit(s[i])) {
        if (auto t = isoAt(s, i, end))
            return t;
        if (auto t = commonLogAt(s, i, end))
            return t;
        return epochAt(s, i, end);
    }
    return syslogAt(s, i, year, end);
}

bool isLevel(View t, View *level)
{
    while (!t.empty() && (t.back() == ':' || t.back() == ']' || t.back() == '|' || t.back() == ','))
        t.remove_suffix(1);
    if (!t.empty() && t.front() == '[')
        t.remove_prefix(1);
    if (t.size() > 6 && (t.substr(0, 6) == "level=" || t.substr(0, 6) == "LEVEL="))
        t.remove_prefix(6);
    static constexpr std::array<View, 22> levels{
        "TRACE", "DEBUG", "INFO",     "NOTICE", "WARN",  "WARNING", "ERROR", "ERR",
        "FATAL", "CRIT",  "CRITICAL", "SEVERE", "ALERT", "EMERG",   "trace", "debug",
        "info",  "warn",  "warning",  "error",  "fatal", "critical"};
    for (View l : levels)
        if (t == l) {
            if (level)
                *level = t;
            return true;
        }
    return false;
}

// Tokens of digits and separators only: odd date/time formats ("081109", "18:01:47,978",
// "17/06/09"), pids and sequence numbers.
bool isNumericHeader(View t)
{
    bool digit = false;
    for (char c : t) {
        if (isDigit(c))
            digit = true;
        else if (c != '-' && c != ':' && c != '/' && c != '.' && c != ',' && c != '[' && c != ']' &&
                 c != '(' && c != ')')
            return false;
    }
    return digit;
}

bool isBracketed(View t)
{
    if (t.size() >= 2 && t.front() == '[' && (t.back() == ']' || t.substr(t.size() - 2) == "]:"))
        return true;
    return t.size() >= 2 && t.front() == '<' && t.back() == '>'; // syslog priority "<13>"
}

// What a byte may be in a logger name, looked up once per byte: the header search asks this of
// the first tokens of every matching line.
enum LoggerByte : std::uint8_t
{
    kNameByte = 1,
    kDotByte = 2,
    kBracketByte = 4,
};
constexpr std::array<std::uint8_t, 256> kLoggerByte = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 0; c < 256; ++c)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            t[c] = kNameByte;
    for (const unsigned char c : std::string_view("_-$/"))
        t[c] = kNameByte;
    t[static_cast<unsigned char>('.')] = kDotByte;
    t[static_cast<unsigned char>('[')] = kBracketByte;
    t[static_cast<unsigned char>(']')] = kBracketByte;
    return t;
}();

// "com.example.Service:", "sshd[24200]:", "kernel:" after a syslog host.
bool isLoggerName(View t, bool loose)
{
    if (t.size() < 2)
        return false;
    const bool colon = t.back() == ':';
    if (colon)
        t.remove_suffix(1);
    std::uint8_t seen = 0;
    for (char c : t) {
        const std::uint8_t k = kLoggerByte[static_cast<unsigned char>(c)];
        if (k == 0)
            return false;
        seen |= k;
    }
    if (seen & kBracketByte)
        return colon;
    return (seen & kDotByte) || (loose && colon);
}

// A syslog-style program name ending the header: "sshd[24200]:", "crond(pam_unix)[2915]:",
// "/usr/sbin/gmetad[1682]:", "kernel:", "WindowManager:".
bool isProgram(View t)
{
    if (t.size() < 3 || t.size() > 96 || t.back() != ':' || t[t.size() - 2] == ':')
        return false;
    t.remove_suffix(1);
    if (!isAlpha(t.front()) && t.front() != '/')
        return false;
    bool letter = false;
    for (char c : t) {
        if (isAlpha(c))
            letter = true;
        else if (!isDigit(c) && c != '.' && c != '_' && c != '-' && c != '/' && c != '$' &&
                 c != '@' && c != '(' && c != ')' && c != '[' && c != ']')
            return false;
    }
    return letter;
}

// "Jun", "Sun": the names in ctime and syslog dates.
bool isDateWord(View t)
{
    static constexpr std::array<View, 7> days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return t.size() == 3 &&
           (monthFromName(t, 0) != 0 || std::find(days.begin(), days.end(), t) != days.end());
}

// A host, node or device name in a header: a word of name characters with a digit or an '@'
// ("dn228", "local@tbird-admin1", "R02-M1-N0-C:J12-U11"), or any name right after a syslog
// timestamp.
bool isHostLike(View t, bool anyName)
{
    if (t.size() > 64)
        return false;
    bool mark = anyName;
    for (char c : t) {
        if (isDigit(c) || c == '@')
            mark = true;
        else if (!isAlpha(c) && c != '.' && c != '-' && c != '_' && c != '/' && c != ':')
            return false;
    }
    return mark;
}

// A quoted string is a variable, except a single word ('Active', "closed"): more often a state
// than a value, and when it does vary the sibling merge finds it.
void quotedTemplate(View q, std::string &out)
{
    const View inner = q.substr(1, q.size() - 2);
    if (!inner.empty() && inner.size() <= 32 && std::all_of(inner.begin(), inner.end(), isAlpha))
        out.append(q);
    else
        out.append("<*>");
}

// Where a date starting a token at i ends (ISO 8601, syslog's "Jul 10 03:55:15", ctime's
// "Sun Jul 10 03:55:15 2005"), or 0. Cheap tests first: this runs for every token.
// readDigits is set when the answer came to depend on the values of digits (a clock is checked),
// not only on which bytes are digits: the message memo below cannot stand in for such a line.
size_t dateEnd(View s, size_t i, bool &readDigits)
{
    if (i > 0 && !isBlank(s[i - 1]) && s[i - 1] != '(' && s[i - 1] != '[')
        return 0;
    size_t end = 0;
    if (isDigit(s[i])) {
        if (i + 10 < s.size() && (s[i + 4] == '-' || s[i + 4] == '/')) {
            readDigits = true;
            if (isoAt(s, i, &end))
                return end;
        }
        return 0;
    }
    if (i + 15 > s.size() || !isAlpha(s[i]) || s[i + 3] != ' ')
        return 0;
    size_t at = i;
    const bool weekday = isDateWord(s.substr(i, 3)) && !monthFromName(s, i);
    if (weekday)
        at += 4;
    // syslogAt turns away anything but a month name and a blank before it reads a digit.
    if (monthFromName(s, at) && at + 3 < s.size() && s[at + 3] == ' ')
        readDigits = true;
    if (!syslogAt(s, at, 1970, &end))
        return 0;
    int year;
    size_t y = end + 1;
    if (end < s.size() && s[end] == ' ' && digits(s, y, 4, year) &&
        (y == s.size() || !isDigit(s[y])))
        end = y;
    return end;
}

struct Tok
{
    size_t b, e;
};

// The first position from i on that holds a blank (or, with quotes, a '"' or '\''), or s.size():
// sixteen bytes at a time where sixteen are left, since every matching line's bytes are scanned
// twice, once for the header's tokens and once for the message's words.
size_t nextBreak(View s, size_t i, bool quotes)
{
    const size_t n = s.size();
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    const __m128i dq = _mm_set1_epi8(quotes ? '"' : ' '), sq = _mm_set1_epi8(quotes ? '\'' : ' ');
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s.data() + i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, sq)));
        if (const int m = _mm_movemask_epi8(hit))
            return i + size_t(std::countr_zero(unsigned(m)));
    }
#endif
    for (; i < n; ++i)
        if (isBlank(s[i]) || (quotes && (s[i] == '"' || s[i] == '\'')))
            return i;
    return n;
}

// The first `limit` blank-separated tokens from a position on, split only as far as they are
// asked for: the header is looked for among them, and a line's message, most of its tokens,
// is read once more by the masking anyway.
class Tokens
{
public:
    Tokens(View s, size_t from, size_t limit, std::vector<Tok> &store)
        : m_s(s), m_at(from), m_limit(limit), m_toks(store)
    {
        m_toks.clear();
    }

    // Whether token n exists.
    bool has(size_t n)
    {
        m_asked = std::max(m_asked, n);
        while (m_toks.size() <= n && m_toks.size() < m_limit && m_at < m_s.size()) {
            while (m_at < m_s.size() && isBlank(m_s[m_at]))
                ++m_at;
            const size_t b = m_at;
            m_at = nextBreak(m_s, m_at, false);
            if (m_at > b)
                m_toks.push_back({b, m_at});
        }
        if (n >= m_toks.size())
            m_missed = true;
        return n < m_toks.size();
    }
    size_t count()
    {
        has(m_limit);
        return m_toks.size();
    }
    const Tok &operator[](size_t n) const { return m_toks[n]; }
    // Where the last token asked for ends, when every token asked for exists: what was read
    // of the line depends on its bytes up to there (and on that token ending there) only.
    std::optional<size_t> readUpTo() const
    {
        if (m_missed || m_toks.empty() || m_asked >= m_toks.size())
            return std::nullopt;
        return m_toks[m_asked].e;
    }

private:
    View m_s;
    size_t m_at;
    size_t m_limit;
    std::vector<Tok> &m_toks;
    size_t m_asked = 0;
    bool m_missed = false;
};

// The header of a recent line, by its first bytes: lines from one place in a program share
// their header (level, thread, logger) and the search through it, about half the work of a
// template, gives the same answer for the same bytes. A line uses the memo only when it holds
// every byte the search read, up to the end of the last token it looked at, so its own search
// would take the same steps.
struct HeaderMemo
{
    std::string read;    // the bytes from the header's start that the search looked at
    size_t message = 0;  // where the message starts, from the header's start
    std::string written; // what the header put in front of the template (the level)
    bool syslog = false;
    bool valid = false;
};
// The bytes after the timestamp that choose a memo set: 32 where the line has them, so that
// "ERROR [worker-11] c.l.Gateway" and "ERROR [worker-11] c.l.Payments" fall in different sets
// rather than crowding one (each header comes once per first word of its messages, and a set
// holding more than kMemoWays of them misses on every turn), 24 at least.
constexpr size_t kMemoKey = 32, kMemoShortKey = 24;
constexpr size_t kMemoSets = 1024; // each of kMemoWays headers that start alike
constexpr size_t kMemoWays = 16;
constexpr size_t kMemoBytes = 256; // the longest header kept

struct MemoSet
{
    std::array<HeaderMemo, kMemoWays> ways;
    size_t next = 0; // the way replaced next
};

MemoSet *memoSet(View s, size_t start, bool syslog)
{
    // A megabyte and more, in big memory: filled page by page it would cost a log of a few
    // thousand lines more than its analysis.
    thread_local BigVector<MemoSet> memo(kMemoSets);
    if (s.size() - start < kMemoShortKey)
        return nullptr;
    const size_t key = s.size() - start >= kMemoKey ? kMemoKey : kMemoShortKey;
    std::uint64_t h = syslog ? 0x9E3779B97F4A7C15ull : 0x2545F4914F6CDD1Dull;
    for (size_t k = 0; k < key; k += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + start + k, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    return &memo[size_t(h >> 32) % kMemoSets];
}

bool memoFits(const HeaderMemo &m, View s, size_t start, bool syslog)
{
    const size_t n = m.read.size();
    if (!m.valid || m.syslog != syslog || s.size() - start < n)
        return false;
    // Headers of one set differ mostly in their last token (the message's first word): its
    // last eight bytes turn most of them away before the whole comparison.
    if (n >= 8) {
        std::uint64_t a, b;
        std::memcpy(&a, s.data() + start + n - 8, 8);
        std::memcpy(&b, m.read.data() + n - 8, 8);
        if (a != b)
            return false;
    }
    return std::memcmp(s.data() + start, m.read.data(), n) == 0 &&
           (start + n == s.size() || isBlank(s[start + n]));
}

// "ord_9f", "req_beef": a lower-case prefix, '_' and a hex suffix, the shape of generated ids.
bool isIdWord(View p)
{
    const size_t u = p.rfind('_');
    if (u == View::npos || u == 0 || u + 1 == p.size() || p.size() - u - 1 > 16)
        return false;
    for (size_t k = u + 1; k < p.size(); ++k)
        if (!isDigit(p[k]) && !(p[k] >= 'a' && p[k] <= 'f'))
            return false;
    return true;
}

// Looked up for every byte of a matching line's message: a table, not a switch, telling in one
// load what the masking asks of a byte.
enum ByteClass : std::uint8_t
{
    kDelimiter = 1,
    kDigit = 2,
    kHexDigit = 4, // digits too
    kUnderscore = 8,
};
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (const unsigned char c : std::string_view("/:,;()[]{}=@<>|&?#"))
        t[c] = kDelimiter;
    for (unsigned c = '0'; c <= '9'; ++c)
        t[c] = kDigit | kHexDigit;
    for (unsigned c = 'a'; c <= 'f'; ++c)
        t[c] = kHexDigit;
    for (unsigned c = 'A'; c <= 'F'; ++c)
        t[c] = kHexDigit;
    t[static_cast<unsigned char>('_')] = kUnderscore;
    return t;
}();

std::uint8_t byteClass(char c)
{
    return kByteClass[static_cast<unsigned char>(c)];
}

bool isDelimiter(char c)
{
    return byteClass(c) & kDelimiter;
}

// An IPv6 or MAC address ("fe80::1c2:8ff:fecd:2", "00:1b:63:84:45:e6"): hex groups and colons,
// some groups without a digit, so masking part by part would leave them.
bool isColonHex(View w)
{
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == '.'))
        w.remove_suffix(1);
    int colons = 0, digits = 0;
    for (char c : w) {
        if (c == ':')
            ++colons;
        else if (isDigit(c))
            ++digits;
        else if (!(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F'))
            return false;
    }
    return colons >= 3 && digits > 0 && w.size() >= 7;
}

void appendMasked(std::string &out, View word, bool valueFollows = false)
{
    // An empty value standing alone ("from 10.0.0.1 () at", "user= uid=0") is a value all the
    // same: the lines it appears in are the siblings of those where it is filled.
    if (word == "()" || word == "[]" || word == "{}") {
        out.push_back(word[0]);
        out.append("<*>");
        out.push_back(word[1]);
        return;
    }
    if (!valueFollows && word.size() > 1 && word.back() == '=' && word[word.size() - 2] != '=') {
        appendMasked(out, word.substr(0, word.size() - 1));
        out.append("=<*>");
        return;
    }
    if (word.size() >= 7 && word.find(':') != View::npos && isColonHex(word)) {
        out.append("<*>");
        return;
    }
    size_t i = 0;
    while (i < word.size()) {
        if (isDelimiter(word[i])) {
            out.push_back(word[i++]);
            continue;
        }
        // One pass tells a part with a digit (most variables) at once; the hex and id shapes
        // are looked at only for parts without one.
        size_t j = i;
        std::uint8_t any = 0, all = kHexDigit;
        for (; j < word.size(); ++j) {
            const std::uint8_t c = byteClass(word[j]);
            if (c & kDelimiter)
                break;
            any |= c;
            all &= c;
        }
        const bool digit = any & kDigit, hex = all & kHexDigit, underscore = any & kUnderscore;
        const View part = word.substr(i, j - i);
        if (digit || (hex && part.size() >= 8) || (underscore && isIdWord(part))) {
            // "/data/current/subdir51/blk_12" and "/data/current/blk_7": variable path
            // segments in a row are one, whatever the depth.
            if (out.size() >= 4 && out.compare(out.size() - 4, 4, "<*>/") == 0)
                out.pop_back();
            else
                out.append("<*>");
        } else {
            out.append(part);
        }
        i = j;
    }
}

// The template of a recent message, by the message's bytes with its digits and the hex letters
// beside them made alike: lines from one place in a program differ in those only, and the
// masking, the other half of a template's work, gives the same answer for the same key. The key
// changes nothing but the digits and hex letters of segments (runs between blanks, quotes and
// delimiters) that hold a digit: each such segment lies inside a part the masking replaces by
// <*> whatever its bytes, and every test the masking makes of a byte (digit, hex letter, letter,
// delimiter, blank, quote) reads the same on the key. Only a date is read by the values of its
// digits: a message where the masking looked for one by value is not kept.
struct MessageMemo
{
    std::string key;
    std::string templ;
};
constexpr size_t kMessageMemos = 4096;    // direct-mapped: a log has a few hundred message shapes
constexpr size_t kMessageMemoBytes = 512; // the longest message kept

// What the key asks of a byte.
constexpr std::uint8_t kKeyPlain = 0, kKeyBreak = 1, kKeyDigit = 2, kKeyHexLetter = 3;
constexpr std::array<std::uint8_t, 256> kKeyClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (const unsigned char c : std::string_view("/:,;()[]{}=@<>|&?# \t\"'"))
        t[c] = kKeyBreak;
    for (unsigned c = '0'; c <= '9'; ++c)
        t[c] = kKeyDigit;
    for (unsigned c = 'a'; c <= 'f'; ++c)
        t[c] = kKeyHexLetter;
    for (unsigned c = 'A'; c <= 'F'; ++c)
        t[c] = kKeyHexLetter;
    return t;
}();

// The key of the message s[i..] after a header that wrote `written`. The byte before the message
// counts too: a date is looked for only after a blank or an opening bracket.
// The first digit in k[at, n), or n: sixteen bytes at a time, as most of a message is letters.
size_t nextDigit(const char *k, size_t at, size_t n)
{
#if defined(__SSE2__)
    // Shifted so that '0'..'9' are the ten smallest signed bytes.
    const __m128i shift = _mm_set1_epi8(char(0x80 - '0')), ten = _mm_set1_epi8(char(0x80 + 10));
    for (; at + 16 <= n; at += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(k + at));
        if (const int m = _mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(v, shift), ten)))
            return at + size_t(std::countr_zero(unsigned(m)));
    }
#endif
    for (; at < n; ++at)
        if (isDigit(k[at]))
            return at;
    return n;
}

void messageKey(View written, View s, size_t i, std::string &key)
{
    key.assign(written);
    key.push_back('\0');
    key.push_back(i == 0 || isBlank(s[i - 1]) || s[i - 1] == '(' || s[i - 1] == '[' ? 'b' : 'n');
    const size_t base = key.size();
    key.append(s.substr(i));
    char *k = key.data();
    const size_t n = key.size();
    const auto isBreak = [k](size_t at) {
        return kKeyClass[static_cast<unsigned char>(k[at])] == kKeyBreak;
    };
    // From digit to digit: the segment around each is found and made alike, and the search
    // goes on after it.
    for (size_t at = nextDigit(k, base, n); at < n; at = nextDigit(k, at, n)) {
        size_t from = at;
        while (from > base && !isBreak(from - 1))
            --from;
        size_t to = at + 1;
        while (to < n && !isBreak(to))
            ++to;
        for (size_t m = from; m < to; ++m) {
            const std::uint8_t c = kKeyClass[static_cast<unsigned char>(k[m])];
            if (c == kKeyDigit)
                k[m] = '0';
            else if (c == kKeyHexLetter)
                k[m] = 'a';
        }
        at = to;
    }
}

std::uint64_t keyHash(View key)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
    size_t k = 0;
    for (; k + 8 <= key.size(); k += 8) {
        std::uint64_t w;
        std::memcpy(&w, key.data() + k, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    if (k < key.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, key.data() + k, key.size() - k);
        h = (h ^ w) * 0x94D049BB133111EBull;
        h ^= h >> 29;
    }
    return h;
}

// The header after a line's timestamp, read through toks: the level is written to out, and the
// message's start returned (npos: the line has none).
size_t readHeader(View s, bool syslog, Tokens &toks, std::string &out)
{
    const auto tok = [&](size_t q) { return s.substr(toks[q].b, toks[q].e - toks[q].b); };
    // "[req-7 user-3 - -]": a bracket spanning several tokens in the header is one field; the
    // token after its end, or q when t does not open one.
    const auto afterBracket = [&](size_t q) {
        const View t = tok(q);
        if (t.front() != '[' || t.find(']') != View::npos)
            return q;
        for (size_t r = q + 1; r < q + 12 && toks.has(r); ++r) {
            const View u = tok(r);
            if (u.find('[') != View::npos)
                return q;
            if (u.back() == ']' || (u.size() > 1 && u.substr(u.size() - 2) == "]:"))
                return r + 1;
        }
        return q;
    };
    size_t k = 0;
    View level;
    bool logger = false, program = false, spanned = false;
    // A program name ends the header when only header fields (numbers, dates, hosts, levels,
    // brackets) come before it, however many: hosts and node names vary from line to line.
    for (size_t q = 0; q < 14 && toks.has(q);) {
        const View t = tok(q);
        if (toks.has(q + 1) && isProgram(t)) {
            k = q + 1;
            logger = program = true;
            if (tok(k) == "-" || tok(k) == ":")
                ++k;
            break;
        }
        if (level.empty() && isLevel(t, &level)) {
            ++q;
            continue;
        }
        // A logger ("nova.compute.manager") after a level: what follows it may still be header
        // (a request context), so the loop below goes on from there.
        if (q > 0 && !level.empty() && toks.has(q + 1) && isLoggerName(t, false)) {
            k = q + 1;
            logger = true;
            break;
        }
        if (const size_t r = afterBracket(q); r != q) {
            q = r;
            continue;
        }
        if (isBracketed(t) || isNumericHeader(t) || t == "-" || isDateWord(t) ||
            (t.size() == 1 && t[0] >= 'A' && t[0] <= 'Z') || isHostLike(t, syslog && q == 0)) {
            ++q;
            continue;
        }
        break;
    }
    if (!logger) {
        level = {};
        if (syslog && toks.has(2))
            k = 1; // the host
    }
    for (int guard = 0; toks.has(k) && guard < 8; ++guard) {
        const View t = tok(k);
        if (level.empty() && isLevel(t, &level)) {
            ++k;
            continue;
        }
        if (const size_t r = afterBracket(k); r != k && !program && !spanned) {
            k = r;
            spanned = true; // one context field; the next is the message's
            continue;
        }
        if (isBracketed(t) || (isNumericHeader(t) && !logger)) {
            ++k;
            continue;
        }
        if (!logger && toks.has(k + 1) && isLoggerName(t, syslog || !level.empty())) {
            logger = true;
            ++k;
            const View next = s.substr(toks[k].b, toks[k].e - toks[k].b);
            if (next == "-" || next == ":")
                ++k;
            else if (toks.has(k + 2) && tok(k + 1) == "-" && next.size() <= 8 &&
                     next.find('=') == View::npos)
                k += 2; // a qualifier between the name and its separator: "chrome.exe *64 - "
            continue;
        }
        if (t == "-" || t == "|" || t == ":") {
            ++k;
            continue;
        }
        break;
    }
    if (!toks.has(k) && toks.has(0) && level.empty())
        k = toks.count() - 1; // nothing but header: keep the last token as the message

    if (!level.empty()) {
        for (char c : level)
            out.push_back(c >= 'a' && c <= 'z' ? char(c - 32) : c);
    }
    if (!toks.has(k))
        return View::npos;
    return toks[k].b;
}

} // namespace

std::optional<qint64> lineTimestamp(QByteArrayView line, int defaultYear)
{
    const View s = view(line).substr(0, 512);
    size_t i = 0;
    while (i < s.size() && (isBlank(s[i]) || s[i] == '['))
        ++i;
    if (auto t = timestampAt(s, i, defaultYear, nullptr))
        return t;
    // Further in: an ISO stamp after a prefix ("time=", a JSON key, a kubectl pod prefix) or the
    // common log format's bracket after the client address.
    for (size_t k = 1; k + 10 < s.size(); ++k) {
        if (s[k] == '[' && isDigit(s[k + 1])) {
            if (auto t = commonLogAt(s, k + 1, nullptr))
                return t;
        }
        if (isDigit(s[k]) && !isDigit(s[k - 1]) && s[k + 4] == '-') {
            if (auto t = isoAt(s, k, nullptr))
                return t;
        }
    }
    return std::nullopt;
}

QByteArray messageTemplate(QByteArrayView line)
{
    std::string out;
    messageTemplate(line, out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

void messageTemplate(QByteArrayView line, std::string &out)
{
    std::optional<qint64> time;
    messageTemplate(line, out, 1970, time);
}

void messageTemplate(QByteArrayView line, std::string &out, int defaultYear,
                     std::optional<qint64> &time)
{
    time.reset();
    out.clear();
    View s = view(line);
    while (!s.empty() && (s.back() == '\r' || isBlank(s.back())))
        s.remove_suffix(1);

    // The header: a leading timestamp, then up to a few level / bracketed / numeric tokens and
    // one logger name.
    size_t start = 0;
    while (start < s.size() && isBlank(s[start]))
        ++start;
    bool syslog = false;
    {
        size_t i = start + (start < s.size() && s[start] == '[' ? 1 : 0);
        size_t end = 0;
        // lineTimestamp looks at the same place first; past its window it reads nothing there.
        if (auto t = timestampAt(s, i, defaultYear, &end)) {
            if (i < 400)
                time = t;
            syslog = !isDigit(s[i]);
            if (end < s.size() && s[end] == ']')
                ++end;
            start = end;
        }
    }
    // Reused across lines: this runs for every matching line of a big log.
    thread_local std::vector<Tok> store;
    // The header loops look at most 14 + 8 tokens and one bracket of 12.
    Tokens toks(s, start, 48, store);
    size_t i;
    MemoSet *set = memoSet(s, start, syslog);
    const HeaderMemo *hit = nullptr;
    if (set)
        for (const HeaderMemo &m : set->ways)
            if (memoFits(m, s, start, syslog)) {
                hit = &m;
                break;
            }
    if (hit) {
        out = hit->written;
        i = start + hit->message;
    } else {
        i = readHeader(s, syslog, toks, out);
        if (i == View::npos)
            return;
        // A header read far into a long line is not kept: the memo stays a few hundred KB.
        if (const auto upTo = toks.readUpTo(); set && upTo && *upTo - start <= kMemoBytes) {
            HeaderMemo &m = set->ways[set->next];
            set->next = (set->next + 1) % kMemoWays;
            m.read.assign(s.substr(start, *upTo - start));
            m.message = i - start;
            m.written = out;
            m.syslog = syslog;
            m.valid = true;
        }
    }
    MessageMemo *kept = nullptr;
    if (s.size() - i <= kMessageMemoBytes) {
        thread_local std::vector<MessageMemo> memo(kMessageMemos);
        thread_local std::string key;
        messageKey(out, s, i, key);
        MessageMemo &m = memo[size_t(keyHash(key) >> 40) % kMessageMemos];
        if (m.key == key) {
            out = m.templ;
            return;
        }
        kept = &m;
        std::swap(m.key, key);
        m.templ.clear();
    }
    bool readDigits = false;
    while (i < s.size()) {
        if (isBlank(s[i])) {
            while (i < s.size() && isBlank(s[i]))
                ++i;
            continue;
        }
        // A run of variables ("delete blk_1 blk_2 blk_3", a list of ids) is one variable, so
        // lists of different lengths share a template.
        const size_t tokenStart = out.size();
        const bool afterWild = out.size() >= 3 && out.compare(out.size() - 3, 3, "<*>") == 0 &&
                               (out.size() == 3 || out[out.size() - 4] == ' ');
        const auto collapse = [&] {
            if (afterWild && out.size() - tokenStart == 4 &&
                out.compare(tokenStart, 4, " <*>") == 0)
                out.resize(tokenStart);
        };
        if (!out.empty())
            out.push_back(' ');
        // A date inside the message ("at Sun Jul 10 03:55:15 2005") is one variable.
        if (const size_t end = dateEnd(s, i, readDigits); end != 0) {
            out.append("<*>");
            i = end;
            collapse();
            continue;
        }
        // A quoted string is one variable, blanks and all.
        if (s[i] == '"' || s[i] == '\'') {
            const size_t close = s.find(s[i], i + 1);
            if (close != View::npos) {
                quotedTemplate(s.substr(i, close + 1 - i), out);
                i = close + 1;
                while (i < s.size() && !isBlank(s[i]))
                    ++i; // trailing punctuation after the quote
                collapse();
                continue;
            }
        }
        size_t j = i;
        while ((j = nextBreak(s, j, true)) < s.size() && !isBlank(s[j])) {
            if (j > i && s[j - 1] == '=') {
                // key="a quoted value"
                const size_t close = s.find(s[j], j + 1);
                if (close != View::npos) {
                    appendMasked(out, s.substr(i, j - i), true);
                    quotedTemplate(s.substr(j, close + 1 - j), out);
                    i = j = close + 1;
                    continue;
                }
            }
            ++j;
        }
        appendMasked(out, s.substr(i, j - i));
        i = j;
        collapse();
    }
    if (kept) {
        if (readDigits)
            kept->key.clear();
        else
            kept->templ = out;
    }
}

QByteArray isoTime(qint64 ms)
{
    qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    int y, m, d;
    civilFromDays(days, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d,
                  int(rest / 3600000), int(rest / 60000 % 60), int(rest / 1000 % 60),
                  int(rest % 1000));
    return QByteArray(buf);
}

QByteArray isoMinute(qint64 minutes)
{
    QByteArray t = isoTime(minutes * 60000);
    return t.left(16) + 'Z';
}

} // namespace idesk::logs
