#include "logfeed.h"

#include "core/logs/bigmemory.h"
#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/kubectlrunner.h"
#include "logsource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#if defined(Q_OS_LINUX)
#include <csignal>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define IDESK_MAPPED_LOGS 1
#endif

namespace idesk {

namespace {

// A read buffer whose bytes are not zeroed first: read() overwrites them, and zeroing two
// blocks of 16 MB costs more than analysing a small log. Big ones fault in huge pages.
class ReadBuffer
{
public:
    explicit ReadBuffer(size_t n) : m_bytes(logs::bigChunk(n)), m_size(n) {}
    char *data() { return m_bytes.get(); }
    size_t size() const { return m_size; }
    // Keeps the first min(n, size()) bytes.
    void resize(size_t n)
    {
        auto bytes = logs::bigChunk(n);
        std::memcpy(bytes.get(), m_bytes.get(), std::min(n, m_size));
        m_bytes = std::move(bytes);
        m_size = n;
    }

private:
    logs::BigChunk m_bytes;
    size_t m_size;
};

#if defined(IDESK_MAPPED_LOGS)

// A file on disk is mapped rather than read: the workers take its bytes straight from the page
// cache, with no copy into a buffer, no buffer to fault in, and no reader thread taking one of the
// cores. A file that shrinks under a mapping raises SIGBUS where the lost pages are touched; the
// handler below puts zeros there instead and marks the window, and the feed then fails with an
// error, as a failed read() would have.
struct GuardedWindow
{
    std::atomic<std::uintptr_t> begin{0}, end{0};
    std::atomic<bool> lost{false};
    std::atomic<bool> taken{false};
};
std::array<GuardedWindow, 16> g_windows;
struct sigaction g_previousBus;
std::uintptr_t g_pageSize = 4096;

void onBus(int sig, siginfo_t *info, void *context)
{
    const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (GuardedWindow &w : g_windows) {
        const std::uintptr_t b = w.begin.load(), e = w.end.load();
        if (b != 0 && b <= at && at < e) {
            const std::uintptr_t page = at & ~(g_pageSize - 1);
            // The rest of the window at once: one signal, not one per page.
            if (mmap(reinterpret_cast<void *>(page), e - page, PROT_READ,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
                w.lost = true;
                return;
            }
        }
    }
    // Not a window's: whoever handled SIGBUS before does, or the default action, which the
    // faulting access raises again on return. A signal sent by kill() or raise() has no access
    // to repeat: it is raised again, and arrives once this handler returns.
    if ((g_previousBus.sa_flags & SA_SIGINFO) && g_previousBus.sa_sigaction) {
        g_previousBus.sa_sigaction(sig, info, context);
    } else if (g_previousBus.sa_handler != SIG_DFL && g_previousBus.sa_handler != SIG_IGN) {
        g_previousBus.sa_handler(sig);
    } else {
        struct sigaction dfl = {};
        dfl.sa_handler = g_previousBus.sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL;
        sigaction(SIGBUS, &dfl, nullptr);
        if (info->si_code <= 0 && dfl.sa_handler == SIG_DFL)
            raise(sig);
    }
}

bool installBusGuard()
{
    static const bool installed = [] {
        g_pageSize = std::uintptr_t(sysconf(_SC_PAGESIZE));
        struct sigaction sa = {};
        sa.sa_sigaction = onBus;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        return sigaction(SIGBUS, &sa, &g_previousBus) == 0;
    }();
    return installed;
}

// A read-only private mapping of part of a file, guarded against the file shrinking.
class Window
{
public:
    Window() = default;
    Window(const Window &) = delete;
    Window &operator=(const Window &) = delete;
    ~Window() { unmap(); }

    // Maps [from, from + length) of fd (from page-aligned); false when it cannot be mapped or
    // guarded.
    bool map(int fd, qint64 from, size_t length)
    {
        unmap();
        for (GuardedWindow &w : g_windows)
            if (!w.taken.exchange(true)) {
                m_guard = &w;
                break;
            }
        if (!m_guard)
            return false;
        // Populated at once: the pages of a file in the page cache are mapped in one call
        // instead of one fault per few pages in the scan (the window's bytes were asked from
        // the disk while the window before was analysed, see feedMapped).
        void *p = mmap(nullptr, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, off_t(from));
        if (p == MAP_FAILED) {
            release();
            return false;
        }
        m_data = static_cast<const char *>(p);
        m_length = length;
        m_guard->lost = false;
        m_guard->end = reinterpret_cast<std::uintptr_t>(m_data) + length;
        m_guard->begin = reinterpret_cast<std::uintptr_t>(m_data);
        return true;
    }
    const char *data() const { return m_data; }
    // Whether some of the window's bytes were gone when touched (they read as zeros).
    bool lost() const { return m_guard && m_guard->lost; }
    void unmap()
    {
        if (m_data)
            munmap(const_cast<char *>(m_data), m_length);
        m_data = nullptr;
        m_length = 0;
        release();
    }

private:
    void release()
    {
        if (!m_guard)
            return;
        m_guard->begin = 0;
        m_guard->end = 0;
        m_guard->taken = false;
        m_guard = nullptr;
    }

    const char *m_data = nullptr;
    size_t m_length = 0;
    GuardedWindow *m_guard = nullptr;
};

QString shrankError(const QString &path)
{
    return QCoreApplication::translate("LogFeed", "%1 shrank while it was being read").arg(path);
}

// Windows of about blockSize bytes; each is mapped, and the file's size checked, before the one
// before it is let go, so progress follows the bytes mapped as it follows the bytes read.
// Nothing: the file could not be mapped (the caller reads it instead).
std::optional<FeedResult> feedMapped(logs::LogAnalyzer &analyzer, int fd, qint64 total,
                                     const QString &path, QString *error,
                                     const FeedProgress &progress, size_t block)
{
    if (!installBusGuard())
        return std::nullopt;
    const qint64 page = qint64(g_pageSize);
    qint64 pos = 0;       // the first byte not analysed yet
    qint64 mappedEnd = 0; // the furthest byte mapped so far
    size_t want = block;  // grows while one line is longer than a window
    const auto next = [&](Window &w, qint64 from, qint64 &base, qint64 &length,
                          bool &last) -> std::optional<FeedResult> {
        struct stat st;
        if (fstat(fd, &st) != 0 || qint64(st.st_size) < mappedEnd) {
            *error = shrankError(path);
            return FeedResult::Failed;
        }
        const qint64 size = qint64(st.st_size);
        base = from & ~(page - 1);
        length = std::min<qint64>(size - base, from - base + qint64(want));
        last = base + length == size;
        mappedEnd = base + length;
        if (length <= 0)
            return std::nullopt;
        if (!w.map(fd, base, size_t(length))) {
            if (from == 0)
                return std::optional<FeedResult>(); // read instead
            *error = QCoreApplication::translate("LogFeed", "cannot read %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            return FeedResult::Failed;
        }
        return std::nullopt;
    };
    Window windows[2];
    int cur = 0;
    qint64 base = 0, length = 0;
    bool last = false;
    if (auto r = next(windows[cur], 0, base, length, last))
        return r;
    if (length > 0 && !windows[cur].data())
        return std::nullopt;
    for (;;) {
        const qint64 skip = pos - base;
        const QByteArrayView bytes(length > 0 ? windows[cur].data() + skip : nullptr,
                                   qsizetype(std::max<qint64>(0, length - skip)));
        // The next window's bytes are read from the disk while this one is analysed.
        if (!last)
            posix_fadvise(fd, off_t(base + length), off_t(want), POSIX_FADV_WILLNEED);
        const qint64 used = analyzer.consume(bytes, last);
        if (windows[cur].lost()) {
            *error = shrankError(path);
            return FeedResult::Failed;
        }
        if (last)
            return FeedResult::Done;
        pos += used;
        want = used == 0 ? want * 2 : block;
        qint64 nextBase = 0, nextLength = 0;
        if (auto r = next(windows[1 - cur], pos, nextBase, nextLength, last))
            return r;
        windows[cur].unmap();
        cur = 1 - cur;
        base = nextBase;
        length = nextLength;
        if (progress && !progress(mappedEnd, total))
            return FeedResult::Stopped;
    }
}

#endif

QString longLineError(const QString &source, qint64 maxLine)
{
    return QCoreApplication::translate("LogFeed",
                                       "%1 has a line longer than %2 MB: only text logs with line "
                                       "breaks can be analysed")
        .arg(source)
        .arg(maxLine >> 20);
}

} // namespace

FeedResult feedLogFile(logs::LogAnalyzer &analyzer, const QString &path, QString *error,
                       const FeedProgress &progress, qint64 blockSize, qint64 maxLine)
{
    LogSource source;
    if (!source.open(path)) {
        *error = source.errorString();
        return FeedResult::Failed;
    }
#if defined(IDESK_MAPPED_LOGS)
    if (const int fd = source.mappableHandle(); fd >= 0) {
        analyzer.expectBytes(source.size());
        if (auto r = feedMapped(analyzer, fd, source.size(), path, error, progress,
                                size_t(std::max<qint64>(blockSize, 4096))))
            return *r;
    }
#endif
    // The next block is read on another thread while the workers analyse this one: reading
    // (a copy out of the page cache, or inflating) would otherwise leave them waiting. Each
    // buffer keeps room in front for the unfinished last line of the block before it.
    if (source.size() > 0)
        analyzer.expectBytes(source.size()); // compressed: too small, and only a hint
    const size_t block = size_t(std::max<qint64>(blockSize, 4096));
    const size_t head = std::min<size_t>(block, size_t(1) << 20);
    ReadBuffer cur(head + block), next(head + block);
    size_t from = head, have = head; // the bytes not analysed yet: cur[from, have)
    qint64 n = source.read(cur.data() + head, qint64(block));
    for (;;) {
        if (n < 0) {
            *error = source.errorString();
            return FeedResult::Failed;
        }
        have += size_t(n);
        const bool end = n == 0;
        qint64 nextN = 0;
        std::jthread reader; // joined on every way out, an exception from consume() too
        if (!end)
            reader = std::jthread([&] { nextN = source.read(next.data() + head, qint64(block)); });
        // What was left before holds no line break (consume takes every complete line), so
        // new bytes without one complete nothing: a long line is scanned once, not once per
        // block.
        if (end || std::memchr(cur.data() + have - size_t(n), '\n', size_t(n)))
            from += size_t(
                analyzer.consume(QByteArrayView(cur.data() + from, qsizetype(have - from)), end));
        if (end)
            return FeedResult::Done;
        if (qint64(have - from) > maxLine) {
            *error = longLineError(path, maxLine);
            return FeedResult::Failed;
        }
        reader.join();
        if (progress && !progress(source.position(), source.size()))
            return FeedResult::Stopped;
        const size_t rest = have - from;
        if (rest <= head && nextN >= 0) {
            std::memcpy(next.data() + head - rest, cur.data() + from, rest);
            std::swap(cur, next);
            from = head - rest;
            have = head;
            if (next.size() > head + block)
                next.resize(head + block); // give back what a long line needed
        } else if (nextN >= 0) {
            // A line longer than the room in front: it stays where it is and grows, doubling,
            // so a line of many blocks is copied a few times, not once per block.
            if (from > 0)
                std::memmove(cur.data(), cur.data() + from, rest);
            if (cur.size() < rest + size_t(nextN))
                cur.resize(std::max(rest + size_t(nextN), cur.size() * 2));
            std::memcpy(cur.data() + rest, next.data() + head, size_t(nextN));
            from = 0;
            have = rest;
        }
        n = nextN;
    }
}

FeedResult feedLogBytes(logs::LogAnalyzer &analyzer, QByteArrayView data,
                        const FeedProgress &progress, qint64 blockSize)
{
    const qsizetype block = qsizetype(std::max<qint64>(blockSize, 4096));
    qsizetype at = 0;
    while (at < data.size()) {
        // Each block ends at a newline, so the analyser takes all of it: a line longer than a
        // block makes that block longer, nothing is copied.
        qsizetype end = data.size();
        if (data.size() - at > block) {
            const qsizetype nl = data.indexOf('\n', at + block);
            if (nl >= 0)
                end = nl + 1;
        }
        analyzer.consume(data.sliced(at, end - at), end == data.size());
        at = end;
        if (at < data.size() && progress && !progress(at, data.size()))
            return FeedResult::Stopped;
    }
    return FeedResult::Done;
}

std::optional<QString> deploymentOf(const QString &target)
{
    const QString prefix = QStringLiteral("deployment/");
    if (!target.startsWith(prefix))
        return std::nullopt;
    return target.mid(prefix.size());
}

FeedResult feedKubectlLogs(logs::LogAnalyzer &analyzer, const Profile &profile,
                           const KubectlLogsSource &source, QString *error,
                           const FeedProgress &progress,
                           const std::function<void(QByteArrayView)> &tee, QStringList *argv)
{
    diag::LogsRequest request;
    request.deployment = source.deployment;
    request.since = source.since;
    request.allPods = source.allPods;
    diag::KubectlOptions kube = diag::kubectlOptionsFor(profile);
    if (!source.ns.isEmpty())
        kube.ns = source.ns;

    diag::KubectlLogStream stream(kube, request, std::max(1, source.timeoutSeconds));
    QEventLoop loop;
    QByteArray pending;
    QString failure, refusal;
    qint64 done = 0;
    bool stopped = false;
    const auto keepGoing = [&] {
        if (!stopped && progress && !progress(done, -1)) {
            stopped = true;
            stream.cancel();
        }
    };
    QObject::connect(&stream, &diag::KubectlLogStream::data, &loop, [&](const QByteArray &chunk) {
        if (stopped)
            return;
        if (tee)
            tee(chunk);
        done += chunk.size();
        pending += chunk;
        // As for a file: a chunk without a line break completes no line.
        if (chunk.contains('\n'))
            pending.remove(0, analyzer.consume(pending, false));
        if (pending.size() > source.maxLine) {
            refusal = longLineError(QStringLiteral("kubectl logs deployment/") + source.deployment,
                                    source.maxLine);
            stopped = true;
            stream.cancel();
            return;
        }
        keepGoing();
    });
    QObject::connect(&stream, &diag::KubectlLogStream::finished, &loop, [&](const QString &e) {
        failure = e;
        loop.quit();
    });
    // While kubectl says nothing (connecting, a quiet pod) a stop still gets through.
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &loop, keepGoing);
    if (progress)
        poll.start();
    QMetaObject::invokeMethod(&stream, &diag::KubectlLogStream::start, Qt::QueuedConnection);
    loop.exec();
    if (argv)
        *argv = stream.argv();
    if (!refusal.isEmpty()) {
        *error = refusal;
        return FeedResult::Failed;
    }
    if (stopped)
        return FeedResult::Stopped;
    if (!failure.isEmpty()) {
        *error = QCoreApplication::translate("LogFeed", "kubectl logs deployment/%1: %2")
                     .arg(source.deployment, failure);
        return FeedResult::Failed;
    }
    analyzer.consume(pending, true);
    return FeedResult::Done;
}

namespace {

// Walks lines by number across blocks, keeping the wanted ones.
class LinePicker
{
public:
    LinePicker(const std::vector<qint64> &numbers, std::vector<NumberedLine> *out)
        : m_numbers(numbers), m_out(out)
    {}
    bool finished() const { return m_next >= m_numbers.size(); }

    // Returns the bytes used (through the last complete line; everything atEnd).
    qsizetype feed(QByteArrayView data, bool atEnd)
    {
        qsizetype pos = 0;
        while (!finished()) {
            const qsizetype nl = data.indexOf('\n', pos);
            if (nl < 0 && !(atEnd && pos < data.size()))
                break;
            const qsizetype end = nl < 0 ? data.size() : nl;
            ++m_line;
            if (m_line == m_numbers[m_next]) {
                m_out->push_back(
                    {m_line, data.sliced(pos, std::min(end - pos, logs::kTextCap)).toByteArray()});
                while (!finished() && m_numbers[m_next] <= m_line)
                    ++m_next;
            }
            pos = nl < 0 ? data.size() : nl + 1;
        }
        if (finished())
            return data.size();
        if (atEnd)
            return data.size();
        return pos;
    }

private:
    const std::vector<qint64> &m_numbers;
    std::vector<NumberedLine> *m_out;
    size_t m_next = 0;
    qint64 m_line = 0;
};

} // namespace

std::vector<NumberedLine> linesByNumber(QByteArrayView data, const std::vector<qint64> &numbers)
{
    std::vector<NumberedLine> out;
    LinePicker picker(numbers, &out);
    picker.feed(data, true);
    return out;
}

bool linesByNumber(const QString &path, const std::vector<qint64> &numbers,
                   std::vector<NumberedLine> *out, QString *error, const std::atomic<bool> *stop)
{
    out->clear();
    LogSource source;
    if (!source.open(path)) {
        *error = source.errorString();
        return false;
    }
    LinePicker picker(numbers, out);
    constexpr qint64 kBlock = qint64(1) << 20;
    QByteArray pending;
    std::vector<char> buf(static_cast<size_t>(kBlock));
    while (!picker.finished()) {
        if (stop && stop->load())
            return false;
        const qint64 n = source.read(buf.data(), kBlock);
        if (n < 0) {
            *error = source.errorString();
            return false;
        }
        pending.append(buf.data(), n);
        const qsizetype used = picker.feed(pending, n == 0);
        pending.remove(0, used);
        if (n == 0)
            break;
    }
    return true;
}

} // namespace idesk
