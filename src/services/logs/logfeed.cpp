#include "logfeed.h"

#include "core/logs/bigmemory.h"
#include "diagnostics/diagnosticsrunner.h"
#include "diagnostics/kubectlrunner.h"
#include "logsource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <atomic>
#include <cstring>
#include <memory>
#include <thread>

namespace idesk {

namespace {

// A read buffer whose bytes are not zeroed first: read() overwrites them, and zeroing two
// blocks of megabytes costs more than analysing a small log. Big ones fault in huge pages.
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
    // Read, not mapped, even from a file on disk: on a virtual machine every page of a mapping is
    // a trap the first time it is touched, and each window let go stops the other core to flush
    // its TLB; a copy out of the page cache into two buffers that are reused costs less.
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
        if (end) {
            // A file on disk that ends before its size: cut short under the reader (a rotation
            // by copytruncate). What was read is not the file; say so rather than report on it.
            if (source.isPlainFile() && source.position() < source.size()) {
                *error = QCoreApplication::translate("LogFeed", "%1 shrank while it was being read")
                             .arg(path);
                return FeedResult::Failed;
            }
            return FeedResult::Done;
        }
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
