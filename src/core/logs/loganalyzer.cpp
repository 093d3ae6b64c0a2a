#include "core/logs/loganalyzer.h"

#include "core/logs/bigmemory.h"
#include "core/logs/logtext.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <charconv>
#include <climits>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// Where the compiler can build AVX2 code for a CPU that has it, the scans below take 32 bytes at a
// time; the choice is made once, at run time, so the program still runs on any x86-64.
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define IDESK_LOGS_AVX2 1
#endif

namespace idesk::logs {

namespace {

using View = std::string_view;

constexpr View kResponseTime = "response_time";
// A block is split across the workers; big enough that starting threads costs nothing,
// small enough that the caller's read buffer stays modest.
constexpr size_t kBlock = size_t(16) << 20;
// The first block of an input known to be much bigger, read to size the tables.
constexpr size_t kFirstBlock = size_t(1) << 20;
// The smallest piece of a block a worker takes at a time: a thread start or a
// handover costs less than a tenth of what analysing this many bytes does.
constexpr size_t kPiece = size_t(256) << 10;
// Sorted runs a group table may come in and still be merged rather than sorted.
constexpr size_t kMergedRuns = 64;

View view(QByteArrayView v)
{
    return View(v.data(), size_t(v.size()));
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The line's position: which piece of input it came from and its index in that piece. Pieces are
// numbered in input order, so positions order like line numbers before those are known.
using Pos = std::uint64_t;
constexpr int kPieceShift = 32;

bool contains(View hay, View needle)
{
    if (needle.empty())
        return true;
    if (hay.size() < needle.size())
        return false;
#if defined(__GLIBC__)
    return memmem(hay.data(), hay.size(), needle.data(), needle.size()) != nullptr;
#else
    return hay.find(needle) != View::npos;
#endif
}

#if defined(IDESK_LOGS_AVX2)
bool hasAvx2()
{
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}

__attribute__((target("avx2"))) qint64 countNewlinesAvx2(const char *p, size_t n, size_t &i)
{
    qint64 total = 0;
    const __m256i nl = _mm256_set1_epi8('\n');
    while (i + 32 <= n) {
        const size_t stop = std::min(n - 31, i + 32 * 255);
        __m256i acc = _mm256_setzero_si256();
        for (; i < stop; i += 32) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i));
            acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(v, nl));
        }
        const __m256i sums = _mm256_sad_epu8(acc, _mm256_setzero_si256());
        total += _mm256_extract_epi64(sums, 0) + _mm256_extract_epi64(sums, 1) +
                 _mm256_extract_epi64(sums, 2) + _mm256_extract_epi64(sums, 3);
    }
    return total;
}
#endif

// The '\n' bytes in s, sixteen at a time: std::count widens every byte to a 64-bit sum.
qint64 countNewlines(View s)
{
    const char *p = s.data();
    size_t n = s.size(), i = 0;
    qint64 total = 0;
#if defined(IDESK_LOGS_AVX2)
    if (hasAvx2())
        total += countNewlinesAvx2(p, n, i);
#endif
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    while (i + 16 <= n) {
        // Byte counters overflow after 255 rounds: fold them into 64-bit sums before that.
        const size_t stop = std::min(n - 15, i + 16 * 255);
        __m128i acc = _mm_setzero_si128();
        for (; i < stop; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, nl));
        }
        const __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
        total += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    }
#endif
    for (; i < n; ++i)
        total += p[i] == '\n';
    return total;
}

// Finds where either of two words starts, in one pass over the bytes instead of one per word.
// Sixteen positions at a time are tested for each word's first and last byte, and only where both
// agree are the bytes compared.
class TwoWords
{
public:
    static constexpr int kFirst = 1, kSecond = 2;

    TwoWords(View hay, View first, View second) : m_hay(hay), m_a(first), m_b(second) {}

    // The next position at or after from where a word starts, and which words start there.
    size_t next(size_t from, int &which) const
    {
        const char *p = m_hay.data();
        const size_t n = m_hay.size();
        const size_t longest = std::max(m_a.size(), m_b.size());
        size_t i = from;
#if defined(IDESK_LOGS_AVX2)
        if (hasAvx2()) {
            const size_t at = nextAvx2(i, which);
            if (at != View::npos)
                return at;
        }
#endif
#if defined(__SSE2__)
        const __m128i a0 = _mm_set1_epi8(m_a.front()), a1 = _mm_set1_epi8(m_a.back());
        const __m128i b0 = _mm_set1_epi8(m_b.front()), b1 = _mm_set1_epi8(m_b.back());
        const size_t la = m_a.size() - 1, lb = m_b.size() - 1;
        // A middle byte too: "r...e" twelve bytes apart is common in English, and each false
        // candidate costs a comparison of the whole word.
        const __m128i am = _mm_set1_epi8(m_a[la / 2]), bm = _mm_set1_epi8(m_b[lb / 2]);
        for (; i + 16 + longest <= n; i += 16) {
            const auto at = [p, i](size_t k) {
                return _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i + k));
            };
            const __m128i first = at(0);
            const unsigned ma = unsigned(_mm_movemask_epi8(
                _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(first, a0), _mm_cmpeq_epi8(at(la), a1)),
                              _mm_cmpeq_epi8(at(la / 2), am))));
            const unsigned mb = unsigned(_mm_movemask_epi8(
                _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(first, b0), _mm_cmpeq_epi8(at(lb), b1)),
                              _mm_cmpeq_epi8(at(lb / 2), bm))));
            for (unsigned m = ma | mb; m != 0; m &= m - 1) {
                const unsigned bit = unsigned(std::countr_zero(m));
                which = ((ma >> bit) & 1u && equalAt(i + bit, m_a) ? kFirst : 0) |
                        ((mb >> bit) & 1u && equalAt(i + bit, m_b) ? kSecond : 0);
                if (which)
                    return i + bit;
            }
        }
#endif
        for (; i < n; ++i) {
            which = (equalAt(i, m_a) ? kFirst : 0) | (equalAt(i, m_b) ? kSecond : 0);
            if (which)
                return i;
        }
        return View::npos;
    }

private:
#if defined(IDESK_LOGS_AVX2)
    // As the loop in next(), 32 positions at a time; npos with i left where fewer remain.
    __attribute__((target("avx2"))) size_t nextAvx2(size_t &i, int &which) const
    {
        const char *p = m_hay.data();
        const size_t n = m_hay.size();
        const size_t longest = std::max(m_a.size(), m_b.size());
        const __m256i a0 = _mm256_set1_epi8(m_a.front()), a1 = _mm256_set1_epi8(m_a.back());
        const __m256i b0 = _mm256_set1_epi8(m_b.front()), b1 = _mm256_set1_epi8(m_b.back());
        const size_t la = m_a.size() - 1, lb = m_b.size() - 1;
        const __m256i am = _mm256_set1_epi8(m_a[la / 2]), bm = _mm256_set1_epi8(m_b[lb / 2]);
        for (; i + 32 + longest <= n; i += 32) {
            // No lambda for the loads: it would be compiled without AVX2.
            const __m256i *q = reinterpret_cast<const __m256i *>(p + i);
            const __m256i first = _mm256_loadu_si256(q);
            const __m256i lastA = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i + la));
            const __m256i midA =
                _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i + la / 2));
            const __m256i lastB = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i + lb));
            const __m256i midB =
                _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i + lb / 2));
            const unsigned ma = unsigned(_mm256_movemask_epi8(_mm256_and_si256(
                _mm256_and_si256(_mm256_cmpeq_epi8(first, a0), _mm256_cmpeq_epi8(lastA, a1)),
                _mm256_cmpeq_epi8(midA, am))));
            const unsigned mb = unsigned(_mm256_movemask_epi8(_mm256_and_si256(
                _mm256_and_si256(_mm256_cmpeq_epi8(first, b0), _mm256_cmpeq_epi8(lastB, b1)),
                _mm256_cmpeq_epi8(midB, bm))));
            for (unsigned m = ma | mb; m != 0; m &= m - 1) {
                const unsigned bit = unsigned(std::countr_zero(m));
                which = ((ma >> bit) & 1u && equalAt(i + bit, m_a) ? kFirst : 0) |
                        ((mb >> bit) & 1u && equalAt(i + bit, m_b) ? kSecond : 0);
                if (which)
                    return i + bit;
            }
        }
        return View::npos;
    }
#endif

    bool equalAt(size_t i, View w) const
    {
        // Inline, not memcmp: the words are short and a candidate nearly always is the word.
        if (i + w.size() > m_hay.size())
            return false;
        const char *p = m_hay.data() + i;
        for (size_t k = 0; k < w.size(); ++k)
            if (p[k] != w[k])
                return false;
        return true;
    }

    View m_hay, m_a, m_b;
};

// Two lanes of eight bytes each round, so the multiplications of one do not wait for the
// other's, and the last few bytes in one word rather than one round per byte: every error
// line's text and last field are hashed.
std::uint64_t mixHash(View s, std::uint64_t seed)
{
    const char *p = s.data();
    const size_t n = s.size();
    std::uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15ull), g = ~seed;
    size_t i = 0;
    const auto word = [p](size_t at) {
        std::uint64_t w;
        std::memcpy(&w, p + at, 8);
        return w;
    };
    for (; i + 16 <= n; i += 16) {
        h = (h ^ word(i)) * 0xBF58476D1CE4E5B9ull;
        g = (g ^ word(i + 8)) * 0x94D049BB133111EBull;
        h ^= h >> 31;
        g ^= g >> 29;
    }
    if (i + 8 <= n) {
        h = (h ^ word(i)) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        i += 8;
    }
    if (i < n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, n - i);
        g = (g ^ w) * 0x94D049BB133111EBull;
        g ^= g >> 29;
    }
    h ^= g * 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    return h;
}

// Short texts are their own key. A text longer than the cap is keyed by its first kTextCap bytes,
// a 128-bit hash of all of it and its length: such a key is longer than any short text, so the
// two kinds never collide, and two long texts share a key only if they share the hash.
std::string_view keyOf(View text, std::string &scratch)
{
    if (text.size() <= size_t(kTextCap))
        return text;
    scratch.assign(text.substr(0, size_t(kTextCap)));
    const std::uint64_t parts[3] = {mixHash(text, 0x243F6A8885A308D3ull),
                                    mixHash(text, 0x13198A2E03707344ull), text.size()};
    scratch.append(1, '\0');
    scratch.append(reinterpret_cast<const char *>(parts), sizeof parts);
    return scratch;
}

struct Hash
{
    using is_transparent = void;
    size_t operator()(View v) const { return std::hash<View>{}(v); }
};

// Bytes that live as long as the analyser. Every table key points here, so a line seen before
// costs a lookup and no allocation, and a table's memory is its distinct keys, not the input.
class Arena
{
public:
    Arena() = default;
    Arena(Arena &&) = default;
    Arena &operator=(Arena &&) = default;

    View store(View s)
    {
        if (s.empty())
            return {};
        if (s.size() > kBigKey) {
            m_big.push_back(bigChunk(s.size()));
            std::memcpy(m_big.back().get(), s.data(), s.size());
            return View(m_big.back().get(), s.size());
        }
        if (m_cap - m_used < s.size()) {
            // Each chunk twice the last, up to a limit: a big log's keys take a few allocations
            // rather than hundreds, and each one is an mmap that stalls the other workers' page
            // faults while it runs.
            m_cap = m_cap == 0 ? m_first : std::min(m_cap * 2, kMaxChunk);
            m_chunks.push_back(bigChunk(m_cap));
            m_used = 0;
        }
        char *p = m_chunks.back().get() + m_used;
        std::memcpy(p, s.data(), s.size());
        m_used += s.size();
        return View(p, s.size());
    }

    // The size of the first chunk: a big log's keys start in a whole huge page rather than in
    // chunks of small pages that fault in one by one.
    void startWith(size_t bytes) { m_first = std::clamp(bytes, kFirstChunk, kMaxChunk); }

    // Takes over another arena's bytes, so views into them stay valid here.
    void adopt(Arena &&other)
    {
        for (auto &c : other.m_chunks)
            m_chunks.insert(m_chunks.empty() ? m_chunks.end() : m_chunks.end() - 1, std::move(c));
        for (auto &b : other.m_big)
            m_big.push_back(std::move(b));
        other = Arena{};
    }

private:
    static constexpr size_t kFirstChunk = size_t(64) << 10, kMaxChunk = size_t(16) << 20;
    static constexpr size_t kBigKey = size_t(128) << 10; // stored in a chunk of its own
    std::vector<BigChunk> m_chunks, m_big;
    size_t m_used = 0, m_cap = 0, m_first = kFirstChunk;
};

// Eight bytes read as one big-endian number: integers compare as the bytes do.
std::uint64_t bigEndian64(const char *p)
{
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if constexpr (std::endian::native == std::endian::little) {
#if defined(__GNUC__)
        w = __builtin_bswap64(w);
#else
        std::uint64_t r = 0;
        for (int k = 0; k < 8; ++k, w >>= 8)
            r = (r << 8) | (w & 0xFF);
        w = r;
#endif
    }
    return w;
}

std::uint64_t hashOf(View s)
{
    return mixHash(s, 0x452821E638D01377ull);
}

// An open-addressing table from byte strings (views into an Arena) to V; entries stay in
// insertion order in one vector, so walking or merging a table touches no node allocations.
template<typename V> class Table
{
public:
    struct Entry
    {
        std::uint64_t hash;
        View key;
        V value;
    };

    // The entry for key, added when new: its key copied into the arena, or taken as it is when
    // no arena is given (the bytes already live long enough).
    V &at(std::uint64_t h, View key, Arena *arena) { return at(h, key, arena, nullptr); }
    // The same, and the key as the table keeps it (the arena's copy) in *kept.
    V &at(std::uint64_t h, View key, Arena *arena, View *kept)
    {
        if ((m_entries.size() + 1) * 2 > m_index.size())
            grow();
        const size_t mask = m_index.size() - 1;
        const std::uint64_t tag = h << 32;
        for (size_t i = slotOf(h);; i = (i + 1) & mask) {
            const std::uint64_t e = m_index[i];
            if (e == 0) {
                m_index[i] = tag | (m_entries.size() + 1);
                m_entries.push_back({h, arena ? arena->store(key) : key, V{}});
                if (kept)
                    *kept = m_entries.back().key;
                return m_entries.back().value;
            }
            // The slot carries part of the hash: a new key (every line of a log with
            // timestamps) is told apart without reading the entry, a second cache miss.
            if ((e >> 32) != (h & 0xFFFFFFFFu))
                continue;
            Entry &x = m_entries[(e & 0xFFFFFFFFu) - 1];
            if (x.hash == h && x.key == key) {
                if (kept)
                    *kept = x.key;
                return x.value;
            }
        }
    }
    V &at(View key, Arena *arena) { return at(hashOf(key), key, arena); }

    // Asks for the slot where a key with hash h would be looked up: the index is far bigger
    // than the caches, and the lookup can come after other work that hides the wait.
    void prefetch(std::uint64_t h) const
    {
        if (!m_index.empty())
            __builtin_prefetch(&m_index[slotOf(h)]);
    }

    // The entry number of key, or -1; safe to call from several threads at once.
    std::ptrdiff_t find(std::uint64_t h, View key) const
    {
        if (m_index.empty())
            return -1;
        const size_t mask = m_index.size() - 1;
        for (size_t i = slotOf(h);; i = (i + 1) & mask) {
            const std::uint64_t e = m_index[i];
            if (e == 0)
                return -1;
            if ((e >> 32) != (h & 0xFFFFFFFFu))
                continue;
            const Entry &x = m_entries[(e & 0xFFFFFFFFu) - 1];
            if (x.hash == h && x.key == key)
                return std::ptrdiff_t((e & 0xFFFFFFFFu) - 1);
        }
    }

    // Adds other's counts to this table's entries, as at() would, but with the lookups shared
    // by two threads. other's new keys stay in its own entries, taken over whole rather than
    // copied (megabytes of fresh memory for a log whose every line is new); those it shares
    // with this table are left at 0, which no counted key has. Nothing is looked up in this
    // table afterwards: its keys are read with each().
    void absorbLast(Table &other, bool twoThreads) requires std::is_same_v<V, qint64>
    {
        BigVector<std::ptrdiff_t> where(other.m_entries.size());
        // Each lookup is a cache miss in an index of megabytes: the slot a few entries ahead is
        // asked for while this one is compared, so the misses overlap instead of queueing.
        constexpr size_t kAhead = 16;
        const auto look = [&](size_t from, size_t to) {
            for (size_t k = from; k < to; ++k) {
                if (k + kAhead < to)
                    prefetch(other.m_entries[k + kAhead].hash);
                where[k] = find(other.m_entries[k].hash, other.m_entries[k].key);
            }
        };
        const size_t half = where.size() / 2;
        if (twoThreads && where.size() >= 16384) {
            std::thread t([&] { look(0, half); });
            look(half, where.size());
            t.join();
        } else {
            look(0, where.size());
        }
        size_t added = 0;
        for (size_t k = 0; k < where.size(); ++k) {
            if (where[k] >= 0) {
                m_entries[size_t(where[k])].value += other.m_entries[k].value;
                other.m_entries[k].value = 0;
            } else {
                ++added;
            }
        }
        m_more = std::move(other.m_entries);
        m_moreCount = added;
        m_index = {};
        m_shift = 64;
        other = Table{};
    }

    // Every key in insertion order, the absorbed table's new ones after this one's.
    template<typename F> void each(F &&f) const
    {
        for (const Entry &e : m_entries)
            f(e);
        for (const Entry &e : m_more)
            if (e.value != 0)
                f(e);
    }

    // Room for about n entries: the entries' capacity (address space, touched only as it fills)
    // and an index that will not need to grow before then.
    void expect(size_t n)
    {
        if (n <= m_entries.size())
            return;
        m_entries.reserve(n + n / 8);
        size_t slots = std::max<size_t>(64, m_index.size());
        while (slots < 2 * n)
            slots *= 2;
        if (slots > m_index.size())
            rehash(slots);
    }

    BigVector<Entry> &entries() { return m_entries; }
    size_t size() const { return m_entries.size() + m_moreCount; }

private:
    size_t slotOf(std::uint64_t h) const { return size_t((h * 0x9E3779B97F4A7C15ull) >> m_shift); }

    void grow() { rehash(std::max<size_t>(64, m_index.size() * 2)); }

    void rehash(size_t n)
    {
        m_shift = 64 - std::countr_zero(n);
        m_index.assign(n, 0);
        const size_t mask = n - 1;
        for (size_t k = 0; k < m_entries.size(); ++k) {
            size_t i = slotOf(m_entries[k].hash);
            while (m_index[i] != 0)
                i = (i + 1) & mask;
            m_index[i] = (m_entries[k].hash << 32) | (k + 1);
        }
    }

    BigVector<Entry> m_entries;
    BigVector<Entry> m_more;          // absorbLast's
    size_t m_moreCount = 0;           // entries of m_more not counted into m_entries
    BigVector<std::uint64_t> m_index; // low half: entry number + 1, 0 is empty; high: hash
    int m_shift = 64;
};

struct Numeric
{
    bool negative = false;
    View integer;  // without leading zeros
    View fraction; // without trailing zeros
};

Numeric readNumeric(View s)
{
    size_t i = 0;
    while (i < s.size() && isBlank(s[i]))
        ++i;
    Numeric n;
    if (i < s.size() && s[i] == '-') {
        n.negative = true;
        ++i;
    }
    while (i < s.size() && s[i] == '0')
        ++i;
    size_t b = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    n.integer = s.substr(b, i - b);
    if (i < s.size() && s[i] == '.') {
        b = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        View f = s.substr(b, i - b);
        while (!f.empty() && f.back() == '0')
            f.remove_suffix(1);
        n.fraction = f;
    }
    if (n.integer.empty() && n.fraction.empty())
        n.negative = false; // -0 and 0 are equal
    return n;
}

int compareMagnitude(const Numeric &a, const Numeric &b)
{
    if (a.integer.size() != b.integer.size())
        return a.integer.size() < b.integer.size() ? -1 : 1;
    if (const int c = a.integer.compare(b.integer))
        return c < 0 ? -1 : 1;
    const int c = a.fraction.compare(b.fraction);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// compareNumeric of two numbers already read.
int compareNumbers(const Numeric &x, const Numeric &y)
{
    if (x.negative != y.negative)
        return x.negative ? -1 : 1;
    const int c = compareMagnitude(x, y);
    return x.negative ? -c : c;
}

struct Slow
{
    std::string field; // capped
    std::string line;  // capped
    Pos pos = 0;
    bool truncated = false;
};

// `sort -n` order, then the bytes (its last-resort comparison), then input order.
bool slowLess(View af, Pos ap, View bf, Pos bp)
{
    if (const int c = compareNumeric(QByteArrayView(af.data(), qsizetype(af.size())),
                                     QByteArrayView(bf.data(), qsizetype(bf.size()))))
        return c < 0;
    if (const int c = af.compare(bf))
        return c < 0;
    return ap < bp;
}

struct SlowHeapLess
{
    // std::push_heap keeps the largest on top; invert so the smallest kept entry is on top.
    bool operator()(const Slow &a, const Slow &b) const
    {
        return slowLess(b.field, b.pos, a.field, a.pos);
    }
};

struct TemplateAcc
{
    qint64 count = 0;
    std::string example;
    Pos examplePos = std::numeric_limits<Pos>::max();
    qint64 first = LLONG_MAX, last = LLONG_MIN;
    std::vector<Pos> positions;
    // Runs of (minute, lines): a template's lines come in time order, so a new entry starts
    // only when the minute changes; sorted and summed at the end.
    std::vector<std::pair<qint64, qint64>> minutes;
};
using TemplateMap = std::unordered_map<std::string, TemplateAcc, Hash, std::equal_to<>>;

struct Worker
{
    qint64 lines = 0;
    qint64 errorLines = 0;
    Arena arena;
    Table<qint64> groups;
    Table<qint64> fields;
    std::vector<Slow> slow; // a heap, at most Options::slowest entries
    // The number on top of the full heap, read once: most timed lines are smaller and are
    // turned away with one read of their own field. Points into slow.front(); empty after
    // the heap changes.
    std::optional<Numeric> top;
    Table<TemplateAcc> templates;
    std::unordered_map<qint64, qint64> minutes;
    qint64 lastMinute = LLONG_MIN; // errors come in runs of the same minute
    qint64 *lastMinuteCount = nullptr;
    std::string scratch, fieldScratch;
    std::string templ;
};

void mergeInto(TemplateAcc &to, TemplateAcc &&from)
{
    to.count += from.count;
    if (from.examplePos < to.examplePos) {
        to.examplePos = from.examplePos;
        to.example = std::move(from.example);
    }
    to.first = std::min(to.first, from.first);
    to.last = std::max(to.last, from.last);
    to.positions.insert(to.positions.end(), from.positions.begin(), from.positions.end());
    to.minutes.insert(to.minutes.end(), from.minutes.begin(), from.minutes.end());
}

// The masks catch what looks variable; a word that varies (a user name, a host) shows up as
// several templates equal but for one token. When at least kMergeSiblings templates of the same
// length differ only at the same position, that token is a variable too.
constexpr size_t kMergeSiblings = 3;
constexpr size_t kMergeLimit = 20000; // beyond this many templates the input is not a log

// Whether a template still says something with its token p masked: a word other than the
// level in front. Messages of one word ("suspendAutohide", "setLightsOn(true)") are each their
// own event, not siblings of one another.
bool keepsAWord(const std::vector<View> &tokens, size_t p)
{
    const auto isLevelWord = [](View t) {
        return t.size() <= 8 &&
               std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    for (size_t q = 0; q < tokens.size(); ++q)
        if (q != p && tokens[q] != "<*>" && !(q == 0 && isLevelWord(tokens[q])))
            return true;
    return false;
}

void mergeTemplates(TemplateMap &templates)
{
    if (templates.size() < kMergeSiblings || templates.size() > kMergeLimit)
        return;
    std::vector<std::string> keys;
    std::vector<std::vector<View>> tokens;
    for (const auto &entry : templates) {
        keys.push_back(entry.first);
    }
    std::sort(keys.begin(), keys.end());
    for (const std::string &k : keys) {
        std::vector<View> t;
        size_t i = 0;
        while (i <= k.size()) {
            const size_t sp = std::min(k.find(' ', i), k.size());
            t.push_back(View(k).substr(i, sp - i));
            i = sp + 1;
        }
        tokens.push_back(std::move(t));
    }
    std::vector<bool> merged(keys.size(), false);
    TemplateMap out;
    size_t maxTokens = 0;
    for (const auto &t : tokens)
        maxTokens = std::max(maxTokens, t.size());
    for (size_t p = 0; p < maxTokens; ++p) {
        std::unordered_map<std::string, std::vector<size_t>> siblings;
        for (size_t i = 0; i < keys.size(); ++i) {
            if (merged[i] || tokens[i].size() <= p || tokens[i][p] == "<*>" ||
                !keepsAWord(tokens[i], p))
                continue;
            std::string rest = std::to_string(tokens[i].size()) + '\n';
            for (size_t q = 0; q < tokens[i].size(); ++q) {
                rest.append(q == p ? View("\x01") : tokens[i][q]);
                rest.append(1, ' ');
            }
            siblings[rest].push_back(i);
        }
        for (auto &[rest, members] : siblings) {
            if (members.size() < kMergeSiblings)
                continue;
            std::string joined;
            const std::vector<View> &t = tokens[members.front()];
            for (size_t q = 0; q < t.size(); ++q) {
                if (q)
                    joined.append(1, ' ');
                joined.append(q == p ? View("<*>") : t[q]);
            }
            TemplateAcc &to = out[joined];
            for (size_t i : members) {
                merged[i] = true;
                mergeInto(to, std::move(templates[keys[i]]));
            }
        }
    }
    for (size_t i = 0; i < keys.size(); ++i)
        if (!merged[i])
            mergeInto(out[keys[i]], std::move(templates[keys[i]]));
    templates = std::move(out);
}

// Threads that stay for the whole analysis, one per worker beyond the first: a thread started
// for each block would begin with empty per-thread memos (the templates' headers and messages)
// and build them again, a few hundred lines' full work per block.
class Helpers
{
public:
    Helpers() = default;
    Helpers(const Helpers &) = delete;
    Helpers &operator=(const Helpers &) = delete;
    ~Helpers()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }

    // fn(0) on this thread and fn(1) .. fn(n) on helpers; returns when every one has returned.
    void run(size_t n, const std::function<void(size_t)> &fn)
    {
        while (m_threads.size() < n) {
            const size_t id = m_threads.size() + 1;
            m_threads.emplace_back([this, id] { loop(id); });
        }
        {
            std::lock_guard lock(m_mutex);
            m_job = &fn;
            m_count = n;
            m_pending = n;
            ++m_round;
        }
        m_wake.notify_all();
        fn(0);
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_pending == 0; });
        m_job = nullptr;
    }

private:
    void loop(size_t id)
    {
        std::uint64_t seen = 0;
        for (;;) {
            const std::function<void(size_t)> *job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stop || m_round != seen; });
                if (m_stop)
                    return;
                seen = m_round;
                if (id > m_count)
                    continue;
                job = m_job;
            }
            (*job)(id);
            std::lock_guard lock(m_mutex);
            if (--m_pending == 0)
                m_done.notify_one();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    const std::function<void(size_t)> *m_job = nullptr;
    size_t m_count = 0, m_pending = 0;
    std::uint64_t m_round = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace

struct LogAnalyzer::Impl
{
    Options opt;
    std::vector<Worker> workers;
    std::vector<qint64> pieceLines; // lines in each piece, by piece number
    qint64 expectedBytes = 0;       // from expectBytes(); 0: unknown
    qint64 seenBytes = 0;
    bool sized = false;
    Helpers helpers; // last: its threads stop before the workers they use go

    // An input announced as several blocks long: its first block is a short one, after which
    // the tables are sized (sizeTables), and its keys start in a huge page.
    bool bigInput() const { return expectedBytes >= qint64(2 * kBlock); }
    bool willSize() const { return !sized && bigInput(); }

    // After the first block, the tables are made ready for as many keys as the whole input will
    // bring at the rate seen so far: a table that grows as it goes copies its entries and
    // rehashes its index again and again, stalling on memory it has just written.
    // The estimate is capped: a first block of distinct lines says little about a huge file (a
    // burst, then repeats), and an index sized for the file's bytes would make memory follow
    // the file rather than its groups. Past the cap a table grows as it fills.
    void sizeTables()
    {
        if (sized || expectedBytes <= 0 || seenBytes <= 0 || expectedBytes < 2 * seenBytes)
            return;
        sized = true;
        constexpr double kMostKeys = double(1 << 18); // an index of 4 MB per table at most
        const double factor = double(expectedBytes) / double(seenBytes);
        const auto estimate = [&](size_t now) {
            return size_t(std::min(double(now) * factor, std::max(double(now), kMostKeys)));
        };
        for (Worker &w : workers) {
            w.groups.expect(estimate(w.groups.size()));
            w.fields.expect(estimate(w.fields.size()));
        }
    }

    // cut: field or line is already a capped copy of a longer one (merging the workers' entries).
    void addSlow(Worker &w, View field, View line, Pos pos, bool cut = false)
    {
        const size_t n = size_t(std::max(0, opt.slowest));
        if (n == 0)
            return;
        const View capped = field.substr(0, size_t(kTextCap));
        if (w.slow.size() >= n) {
            if (!w.top)
                w.top = readNumeric(w.slow.front().field);
            const int c = compareNumbers(*w.top, readNumeric(capped));
            if (c > 0 ||
                (c == 0 && !slowLess(w.slow.front().field, w.slow.front().pos, capped, pos)))
                return;
        }
        w.top.reset();
        Slow s{std::string(capped), std::string(line.substr(0, size_t(kTextCap))), pos,
               cut || field.size() > size_t(kTextCap) || line.size() > size_t(kTextCap)};
        if (w.slow.size() >= n) {
            std::pop_heap(w.slow.begin(), w.slow.end(), SlowHeapLess{});
            w.slow.back() = std::move(s);
        } else {
            w.slow.push_back(std::move(s));
        }
        std::push_heap(w.slow.begin(), w.slow.end(), SlowHeapLess{});
    }

    void line(Worker &w, View l, Pos pos, bool matched, bool timed)
    {
        const QByteArrayView lv(l.data(), qsizetype(l.size()));
        const View field = view(lastField(lv));
        if (timed)
            addSlow(w, field, l, pos);
        if (!matched)
            return;
        ++w.errorLines;
        const View groupKey = keyOf(l, w.scratch);
        const View fieldKey = keyOf(field, w.fieldScratch);
        const std::uint64_t groupHash = hashOf(groupKey), fieldHash = hashOf(fieldKey);
        w.groups.prefetch(groupHash);
        w.fields.prefetch(fieldHash);
        std::optional<qint64> time;
        messageTemplate(lv.first(std::min(lv.size(), kTextCap)), w.templ, opt.defaultYear, time);
        View keptLine;
        ++w.groups.at(groupHash, groupKey, &w.arena, &keptLine);
        // The last field ends the line: when both are their own keys (not capped), a new field's
        // key is the end of the line's kept copy rather than a copy of its own.
        if (groupKey.data() == l.data() && fieldKey.data() == field.data())
            ++w.fields.at(fieldHash, keptLine.substr(size_t(field.data() - l.data()), field.size()),
                          nullptr);
        else
            ++w.fields.at(fieldHash, fieldKey, &w.arena);
        TemplateAcc &acc = w.templates.at(w.templ, &w.arena);
        ++acc.count;
        if (pos < acc.examplePos) {
            acc.examplePos = pos;
            acc.example.assign(l.substr(0, size_t(kTextCap)));
        }
        if (opt.withLines)
            acc.positions.push_back(pos);
        if (!time)
            time = lineTimestamp(lv, opt.defaultYear);
        if (const auto &t = time) {
            acc.first = std::min(acc.first, *t);
            acc.last = std::max(acc.last, *t);
            const qint64 minute = *t >= 0 ? *t / 60000 : -((-*t + 59999) / 60000);
            if (minute != w.lastMinute) {
                w.lastMinute = minute;
                w.lastMinuteCount = &w.minutes[minute];
            }
            ++*w.lastMinuteCount;
            if (opt.templateMinutes) {
                if (acc.minutes.empty() || acc.minutes.back().first != minute)
                    acc.minutes.emplace_back(minute, 0);
                ++acc.minutes.back().second;
            }
        }
    }

    static size_t find(View hay, View needle, size_t from)
    {
        if (from >= hay.size())
            return View::npos;
#if defined(__GLIBC__)
        const void *at = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
        return at ? size_t(static_cast<const char *>(at) - hay.data()) : View::npos;
#else
        return hay.find(needle, from);
#endif
    }

    // One piece: complete lines, each ending in '\n' except perhaps a final one at the end of
    // input. Most lines contain neither word: the piece is searched for the words as a whole,
    // and only the lines they fall in are looked at; the others are only counted.
    qint64 piece(Worker &w, View p, std::uint64_t pieceNo)
    {
        const View match = view(opt.match);
        const auto posOf = [pieceNo](qint64 n) { return (pieceNo << kPieceShift) | Pos(n); };
        if (match.empty() || match.find('\n') != View::npos) {
            // Every line matches (or none can: a line holds no '\n'): look at each one.
            qint64 n = 0;
            size_t i = 0;
            while (i < p.size()) {
                const void *nl = std::memchr(p.data() + i, '\n', p.size() - i);
                const size_t e = nl ? size_t(static_cast<const char *>(nl) - p.data()) : p.size();
                const View l = p.substr(i, e - i);
                line(w, l, posOf(n), match.empty(), contains(l, kResponseTime));
                ++n;
                i = e + 1;
            }
            w.lines += n;
            return n;
        }
        qint64 n = 0;   // the number of the line that starts at cur
        size_t cur = 0; // the start of a line
        const TwoWords words(p, match, kResponseTime);
        int which = 0;
        size_t hit = words.next(0, which);
        while (hit != View::npos) {
            const void *before = memrchr(p.data() + cur, '\n', hit - cur);
            const size_t start =
                before ? size_t(static_cast<const char *>(before) - p.data()) + 1 : cur;
            n += countNewlines(p.substr(cur, start - cur));
            const void *nl = std::memchr(p.data() + hit, '\n', p.size() - hit);
            const size_t end = nl ? size_t(static_cast<const char *>(nl) - p.data()) : p.size();
            // The other word may come later in the same line.
            int found = which;
            size_t after = hit;
            while (found != (TwoWords::kFirst | TwoWords::kSecond)) {
                after = words.next(after + 1, which);
                if (after == View::npos || after >= end)
                    break;
                found |= which;
            }
            line(w, p.substr(start, end - start), posOf(n), found & TwoWords::kFirst,
                 found & TwoWords::kSecond);
            ++n;
            cur = end + 1;
            if (cur >= p.size())
                break;
            hit = after != View::npos && after >= cur ? after : words.next(cur, which);
        }
        // The lines after the last hit are only counted: the bytes before it were counted on the
        // way, so each newline is counted once.
        if (cur < p.size())
            n += countNewlines(p.substr(cur)) + (p.back() != '\n' ? 1 : 0);
        w.lines += n;
        return n;
    }

    // A block is cut at newlines into pieces that the workers take in turn as each finishes
    // one: on a machine where one core is also busy with something else, the other does more,
    // instead of waiting at the end of each block for its half to be done.
    void block(View b)
    {
        const size_t parts = std::clamp<size_t>(size_t(opt.threads), 1, workers.size());
        const size_t size = parts > 1 ? std::max(kPiece, b.size() / (parts * 64) + 1)
                                      : std::max<size_t>(b.size(), 1);
        std::vector<View> pieces;
        size_t at = 0;
        while (at < b.size()) {
            size_t cut = at + size;
            if (cut >= b.size()) {
                cut = b.size();
            } else {
                const void *nl = std::memchr(b.data() + cut, '\n', b.size() - cut);
                cut = nl ? size_t(static_cast<const char *>(nl) - b.data()) + 1 : b.size();
            }
            pieces.push_back(b.substr(at, cut - at));
            at = cut;
        }
        const std::uint64_t base = pieceLines.size();
        pieceLines.resize(pieceLines.size() + pieces.size());
        std::atomic<size_t> next{0};
        const auto work = [this, base, &pieces, &next](Worker &w) {
            for (size_t k = next++; k < pieces.size(); k = next++)
                pieceLines[base + k] = piece(w, pieces[k], base + k);
        };
        helpers.run(std::min(parts, std::max<size_t>(pieces.size(), 1)) - 1,
                    [&](size_t t) { work(workers[t]); });
        seenBytes += qint64(b.size());
        sizeTables();
    }
};

LogAnalyzer::LogAnalyzer(Options options) : d(std::make_unique<Impl>())
{
    d->opt = std::move(options);
    d->workers.resize(size_t(std::clamp(d->opt.threads, 1, 64)));
}

LogAnalyzer::~LogAnalyzer() = default;

qsizetype LogAnalyzer::consume(QByteArrayView data, bool atEnd)
{
    const View all = view(data);
    size_t used = 0;
    while (used < all.size()) {
        View rest = all.substr(used);
        // A big input's first block is a small one: the tables are sized for the whole input
        // from what it holds (Impl::sizeTables) before they have grown, page by page, through
        // a block of many megabytes.
        const size_t limit = d->willSize() && d->seenBytes == 0 ? kFirstBlock : kBlock;
        size_t end;
        if (rest.size() > limit) {
            // The block ends at the last newline before the limit, or after the first line if
            // that line is longer than a block.
            const size_t nl = rest.substr(0, limit).rfind('\n');
            if (nl != View::npos) {
                end = nl + 1;
            } else {
                const size_t far = rest.find('\n', limit);
                end = far == View::npos ? (atEnd ? rest.size() : 0) : far + 1;
            }
        } else {
            const size_t nl = rest.rfind('\n');
            end = atEnd ? rest.size() : (nl == View::npos ? 0 : nl + 1);
        }
        if (end == 0)
            break;
        d->block(rest.substr(0, end));
        used += end;
    }
    return qsizetype(used);
}

void LogAnalyzer::expectBytes(qint64 total)
{
    d->expectedBytes = total;
    // A few megabytes of keys per worker are likely: they start in a huge page.
    for (Worker &w : d->workers)
        w.arena.startWith(d->bigInput() ? size_t(2) << 20 : 0);
}

Report LogAnalyzer::finish()
{
    Report r;
    std::vector<qint64> firstLine(d->pieceLines.size() + 1, 0);
    for (size_t k = 0; k < d->pieceLines.size(); ++k)
        firstLine[k + 1] = firstLine[k] + d->pieceLines[k];
    const auto lineNo = [&](Pos p) {
        return firstLine[size_t(p >> kPieceShift)] + qint64(p & 0xFFFFFFFFu) + 1;
    };

    Worker &all = d->workers[0];
    for (size_t k = 1; k < d->workers.size(); ++k) {
        Worker &w = d->workers[k];
        all.lines += w.lines;
        all.errorLines += w.errorLines;
        // The keys move with their arena: merging copies no text.
        if (k + 1 == d->workers.size()) {
            all.groups.absorbLast(w.groups, d->opt.threads > 1);
            all.fields.absorbLast(w.fields, d->opt.threads > 1);
        } else {
            for (auto &e : w.groups.entries())
                all.groups.at(e.hash, e.key, nullptr) += e.value;
            for (auto &e : w.fields.entries())
                all.fields.at(e.hash, e.key, nullptr) += e.value;
        }
        for (Slow &s : w.slow)
            d->addSlow(all, s.field, s.line, s.pos, s.truncated);
        for (auto &e : w.templates.entries())
            mergeInto(all.templates.at(e.hash, e.key, nullptr), std::move(e.value));
        for (auto &[m, n] : w.minutes)
            all.minutes[m] += n;
        all.arena.adopt(std::move(w.arena));
        w = Worker{};
    }
    r.lines = all.lines;
    r.errorLines = all.errorLines;
    // The counted texts below are views into the keys' arena, which moves into the report.
    auto storage = std::make_shared<Arena>(std::move(all.arena));
    all.arena = Arena{};

    // `uniq -c | sort -nr`: count descending; equal counts fall to sort's last-resort comparison of
    // the whole "count text" line, reversed by -r, so the text descending by bytes.
    const bool twoCores = d->opt.threads > 1;
    const auto counted = [twoCores](Table<qint64> &m, size_t limit) {
        using Entry = Table<qint64>::Entry;
        // Keys of one log share a long start ("2024-05-01T"): each item carries the sixteen
        // bytes after what all keys share, big-endian and zero-padded, so most comparisons
        // settle on integers (eight bytes would end inside the second, shared by many lines). Zero
        // padding orders like the bytes do: a key that ends there sorts before any key it starts.
        // Halves of a long loop on two cores.
        const auto inHalves = [twoCores](size_t n, const auto &fn) {
            if (twoCores && n >= 16384) {
                std::thread half([&] { fn(0, n / 2); });
                fn(n / 2, n);
                half.join();
            } else {
                fn(0, n);
            }
        };
        // With a limit, only entries counted at least as often as the limit-th most frequent
        // can be in the answer: the rest are left out before anything is built for them.
        BigVector<const Entry *> chosen;
        if (limit < m.size()) {
            std::vector<qint64> top; // a min-heap of the largest counts
            m.each([&](const Entry &e) {
                if (top.size() < limit) {
                    top.push_back(e.value);
                    std::push_heap(top.begin(), top.end(), std::greater<>{});
                } else if (limit > 0 && e.value > top.front()) {
                    std::pop_heap(top.begin(), top.end(), std::greater<>{});
                    top.back() = e.value;
                    std::push_heap(top.begin(), top.end(), std::greater<>{});
                }
            });
            const qint64 least = limit == 0 ? std::numeric_limits<qint64>::max() : top.front();
            m.each([&](const Entry &e) {
                if (e.value >= least)
                    chosen.push_back(&e);
            });
        } else {
            chosen.reserve(m.size());
            m.each([&](const Entry &e) { chosen.push_back(&e); });
        }
        const size_t n = chosen.size();
        if (n == 0)
            return CountedTexts{};
        std::vector<size_t> sharedOf(2, n ? chosen.front()->key.size() : 0);
        inHalves(n, [&](size_t from, size_t to) {
            const View first = chosen.front()->key;
            size_t shared = first.size();
            for (size_t k = from; k < to; ++k) {
                const View key = chosen[k]->key;
                size_t at = 0;
                const size_t most = std::min(shared, key.size());
                while (at < most && first[at] == key[at])
                    ++at;
                shared = at;
            }
            sharedOf[from == 0 ? 0 : 1] = shared;
        });
        const size_t shared = std::min(sharedOf[0], sharedOf[1]);
        struct Item
        {
            qint64 count;
            std::uint64_t prefix, prefix2;
            const Entry *entry;
        };
        // The answer's vector is made, page by page, on the other core while the items are
        // built and sorted: for a log whose every line is its own group it is megabytes, and the
        // merge of sorted runs below leaves that core idle.
        CountedTexts out;
        const size_t outSize = std::min(limit, n);
        std::jthread making;
        if (twoCores && outSize >= 16384)
            making = std::jthread([&out, outSize] { out.resize(outSize); });
        else
            out.resize(outSize);
        BigVector<Item> v(n);
        // Where the table may be in order already (see below), it is read backwards: its
        // entries come in ascending order, the answer is descending.
        const bool backwards = limit >= n;
        inHalves(n, [&](size_t from, size_t to) {
            for (size_t k = from; k < to; ++k) {
                const View key = chosen[k]->key;
                std::uint64_t prefix[2] = {0, 0};
                if (key.size() >= shared + 16) {
                    prefix[0] = bigEndian64(key.data() + shared);
                    prefix[1] = bigEndian64(key.data() + shared + 8);
                } else {
                    for (size_t b = 0; b < 16; ++b) {
                        const size_t at = shared + b;
                        prefix[b / 8] =
                            (prefix[b / 8] << 8) | (at < key.size() ? std::uint8_t(key[at]) : 0u);
                    }
                }
                v[backwards ? n - 1 - k : k] = {chosen[k]->value, prefix[0], prefix[1], chosen[k]};
            }
        });
        const auto order = [](const Item &a, const Item &b) {
            if (a.count != b.count)
                return a.count > b.count;
            if (a.prefix != b.prefix)
                return a.prefix > b.prefix;
            if (a.prefix2 != b.prefix2)
                return a.prefix2 > b.prefix2;
            return a.entry->key > b.entry->key;
        };
        // Every line of a backend log is its own group (timestamps): sorting and copying them
        // is the longest serial step, so it takes both cores.
        const bool split = twoCores && v.size() >= 16384;
        // A log with timestamps meets its lines in ascending order, and each worker takes its
        // pieces in input order: reversed, the table is the answer already, or one descending
        // run per worker (the last worker's entries follow the first's). A few runs are merged
        // in linear time; only a table in no such order is sorted.
        std::vector<size_t> runs;
        if (backwards) {
            runs.push_back(0);
            for (size_t k = 1; k < v.size() && runs.size() <= kMergedRuns; ++k)
                if (order(v[k], v[k - 1]))
                    runs.push_back(k);
            runs.push_back(v.size());
        }
        const auto put = [&](size_t at, const Item &item) {
            const View key = item.entry->key;
            const View t = key.substr(0, std::min(key.size(), size_t(kTextCap)));
            out[at] = {item.count, QByteArray::fromRawData(t.data(), qsizetype(t.size())),
                       key.size() > size_t(kTextCap)};
        };
        if (split && runs.size() == 3) {
            // Two runs, as two workers leave them: merged straight into the answer, the first
            // half from the fronts on one core and the second from the backs on the other. No
            // two items are equal (their keys differ), so the two ends agree on every place.
            if (making.joinable())
                making.join();
            const size_t mid = runs[1], half = n / 2;
            std::thread back([&] {
                size_t a = mid, b = n;
                for (size_t at = n; at-- > half;) {
                    if (b == mid || (a > 0 && order(v[b - 1], v[a - 1])))
                        put(at, v[--a]);
                    else
                        put(at, v[--b]);
                }
            });
            size_t a = 0, b = mid;
            for (size_t at = 0; at < half; ++at) {
                if (b == n || (a < mid && order(v[a], v[b])))
                    put(at, v[a++]);
                else
                    put(at, v[b++]);
            }
            back.join();
            return out;
        }
        if (!runs.empty() && runs.size() <= kMergedRuns + 1) {
            while (runs.size() > 2) {
                std::vector<size_t> merged;
                for (size_t k = 0; k + 1 < runs.size(); k += 2) {
                    merged.push_back(runs[k]);
                    if (k + 2 < runs.size())
                        std::inplace_merge(v.begin() + std::ptrdiff_t(runs[k]),
                                           v.begin() + std::ptrdiff_t(runs[k + 1]),
                                           v.begin() + std::ptrdiff_t(runs[k + 2]), order);
                }
                merged.push_back(v.size());
                runs = std::move(merged);
            }
        } else if (limit < v.size()) {
            std::partial_sort(v.begin(), v.begin() + std::ptrdiff_t(limit), v.end(), order);
            v.resize(limit);
        } else if (split) {
            const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
            std::thread half([&] { std::sort(v.begin(), mid, order); });
            std::sort(mid, v.end(), order);
            half.join();
            std::inplace_merge(v.begin(), mid, v.end(), order);
        } else {
            std::sort(v.begin(), v.end(), order);
        }
        if (making.joinable())
            making.join();
        const auto convert = [&](size_t from, size_t to) {
            for (size_t k = from; k < to; ++k)
                put(k, v[k]);
        };
        inHalves(v.size(), convert);
        return out;
    };
    r.errorGroups = counted(all.groups, all.groups.size());
    all.groups = {};
    r.topErrorMessages = counted(all.fields, size_t(std::max(0, d->opt.top)));
    r.storage = std::move(storage);

    std::sort(all.slow.begin(), all.slow.end(), [](const Slow &a, const Slow &b) {
        return slowLess(b.field, b.pos, a.field, a.pos);
    });
    for (const Slow &s : all.slow) {
        const QByteArrayView f(s.field.data(), qsizetype(s.field.size()));
        r.slowest.push_back({numericValue(f), f.toByteArray(),
                             QByteArray(s.line.data(), qsizetype(s.line.size())), s.truncated});
    }

    TemplateMap templates;
    for (auto &e : all.templates.entries())
        templates.emplace(std::string(e.key), std::move(e.value));
    all.templates = {};
    mergeTemplates(templates);
    std::vector<std::pair<const std::string *, TemplateAcc *>> ts;
    for (auto &[key, acc] : templates)
        ts.emplace_back(&key, &acc);
    std::sort(ts.begin(), ts.end(), [](const auto &a, const auto &b) {
        if (a.second->count != b.second->count)
            return a.second->count > b.second->count;
        return *a.first < *b.first;
    });
    for (const auto &[key, acc] : ts) {
        Template t;
        t.count = acc->count;
        t.text = QByteArray(key->data(), qsizetype(key->size()));
        t.example = QByteArray(acc->example.data(), qsizetype(acc->example.size()));
        if (acc->first != LLONG_MAX) {
            t.first = isoTime(acc->first);
            t.last = isoTime(acc->last);
        }
        if (d->opt.templateMinutes) {
            std::sort(acc->minutes.begin(), acc->minutes.end());
            for (const auto &[minute, n] : acc->minutes) {
                if (!t.perMinute.empty() && t.perMinute.back().first == minute)
                    t.perMinute.back().second += n;
                else
                    t.perMinute.emplace_back(minute, n);
            }
        }
        if (d->opt.withLines) {
            std::sort(acc->positions.begin(), acc->positions.end());
            t.lineNumbers.reserve(acc->positions.size());
            for (Pos p : acc->positions)
                t.lineNumbers.push_back(lineNo(p));
        }
        r.templates.push_back(std::move(t));
    }

    std::vector<std::pair<qint64, qint64>> minutes(all.minutes.begin(), all.minutes.end());
    std::sort(minutes.begin(), minutes.end());
    for (const auto &[m, n] : minutes)
        r.errorsPerMinute.push_back({isoMinute(m), n});
    return r;
}

Report LogAnalyzer::analyze(QByteArrayView data, const Options &options)
{
    LogAnalyzer a(options);
    a.consume(data, true);
    return a.finish();
}

int compareNumeric(QByteArrayView a, QByteArrayView b)
{
    return compareNumbers(readNumeric(view(a)), readNumeric(view(b)));
}

double numericValue(QByteArrayView field)
{
    const Numeric n = readNumeric(view(field));
    std::string text = n.negative ? "-" : "";
    text.append(n.integer.empty() ? View("0") : n.integer);
    if (!n.fraction.empty()) {
        text.append(1, '.');
        text.append(n.fraction);
    }
    double v = 0; // from_chars: the C locale's '.', whatever the process locale is
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec == std::errc::result_out_of_range && !n.integer.empty())
        return n.negative ? std::numeric_limits<double>::lowest()
                          : std::numeric_limits<double>::max();
    return v;
}

QByteArrayView lastField(QByteArrayView line)
{
    qsizetype e = line.size();
    while (e > 0 && isBlank(line[e - 1]))
        --e;
    if (e == 0)
        return line;
    qsizetype b = e;
    while (b > 0 && !isBlank(line[b - 1]))
        --b;
    return line.sliced(b, e - b);
}

} // namespace idesk::logs
