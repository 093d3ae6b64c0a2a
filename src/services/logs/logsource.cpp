#include "logsource.h"

#include <QCoreApplication>
#include <cstdio>
#include <vector>
#include <zlib.h>

namespace idesk {

namespace {
constexpr qint64 kCompressedBlock = qint64(1) << 20;
}

struct LogSource::Inflater
{
    z_stream zs{};
    std::vector<unsigned char> in;
    bool initialised = false;
    bool inputEnded = false;
    bool streamEnded = false; // the current gzip member is complete

    ~Inflater()
    {
        if (initialised)
            inflateEnd(&zs);
    }
};

LogSource::LogSource() = default;
LogSource::~LogSource() = default;

bool LogSource::open(const QString &path)
{
    m_path = path;
    if (path != QStringLiteral("-"))
        m_file.setFileName(path);
    const bool ok = path == QStringLiteral("-")
                        ? m_file.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered)
                        : m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (!ok) {
        m_error = QCoreApplication::translate("LogSource", "cannot read %1: %2")
                      .arg(path == QStringLiteral("-") ? QStringLiteral("standard input") : path,
                           m_file.errorString());
        return false;
    }
    m_size = m_file.isSequential() ? -1 : m_file.size();
    m_position = 0;
    // Peek at the magic bytes; they go through inflate (or back to the reader) from the buffer.
    m_z = std::make_unique<Inflater>();
    m_z->in.resize(2);
    qint64 got = 0;
    while (got < 2) {
        const qint64 n = m_file.read(reinterpret_cast<char *>(m_z->in.data()) + got, 2 - got);
        if (n < 0) {
            m_error = QCoreApplication::translate("LogSource", "cannot read %1: %2")
                          .arg(path, m_file.errorString());
            return false;
        }
        if (n == 0)
            break;
        got += n;
        m_position += n;
    }
    m_z->in.resize(size_t(got));
    m_gzip = got == 2 && m_z->in[0] == 0x1f && m_z->in[1] == 0x8b;
    if (m_gzip) {
        // 15 + 32: a gzip or zlib header, detected by zlib.
        if (inflateInit2(&m_z->zs, 15 + 32) != Z_OK) {
            m_error = QCoreApplication::translate("LogSource", "cannot inflate %1").arg(path);
            return false;
        }
        m_z->initialised = true;
        m_z->zs.next_in = m_z->in.data();
        m_z->zs.avail_in = uInt(m_z->in.size());
    }
    return true;
}

qint64 LogSource::readRaw(char *data, qint64 maxSize)
{
    // The peeked bytes first.
    if (!m_z->in.empty()) {
        const qint64 n = std::min<qint64>(maxSize, qint64(m_z->in.size()));
        std::copy(m_z->in.begin(), m_z->in.begin() + n, data);
        m_z->in.erase(m_z->in.begin(), m_z->in.begin() + n);
        return n;
    }
    const qint64 n = m_file.read(data, maxSize);
    if (n > 0)
        m_position += n;
    if (n < 0)
        m_error = QCoreApplication::translate("LogSource", "cannot read %1: %2")
                      .arg(m_path, m_file.errorString());
    return n;
}

qint64 LogSource::inflateSome(char *data, qint64 maxSize)
{
    Inflater &z = *m_z;
    z.zs.next_out = reinterpret_cast<unsigned char *>(data);
    z.zs.avail_out = uInt(std::min<qint64>(maxSize, qint64(1) << 30));
    while (z.zs.avail_out > 0) {
        if (z.zs.avail_in == 0 && !z.inputEnded) {
            z.in.resize(size_t(kCompressedBlock));
            const qint64 n = m_file.read(reinterpret_cast<char *>(z.in.data()), kCompressedBlock);
            if (n < 0) {
                m_error = QCoreApplication::translate("LogSource", "cannot read %1: %2")
                              .arg(m_path, m_file.errorString());
                return -1;
            }
            z.in.resize(size_t(n));
            m_position += n;
            z.inputEnded = n == 0;
            z.zs.next_in = z.in.data();
            z.zs.avail_in = uInt(n);
        }
        if (z.zs.avail_in == 0 && z.inputEnded) {
            if (!z.streamEnded) {
                m_error =
                    QCoreApplication::translate("LogSource", "%1: compressed data ends too early")
                        .arg(m_path);
                return -1;
            }
            break;
        }
        if (z.streamEnded) {
            // Another gzip member follows (as `cat a.gz b.gz` makes).
            inflateReset(&z.zs);
            z.streamEnded = false;
        }
        const int rc = inflate(&z.zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            z.streamEnded = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_error = QCoreApplication::translate("LogSource", "%1: corrupt compressed data (%2)")
                          .arg(m_path, QString::fromLatin1(z.zs.msg ? z.zs.msg : "zlib error"));
            return -1;
        }
    }
    return qint64(reinterpret_cast<char *>(z.zs.next_out) - data);
}

bool LogSource::isPlainFile() const
{
    return m_z && !m_gzip && m_size >= 0 && m_path != QStringLiteral("-") && !m_file.isSequential();
}

qint64 LogSource::read(char *data, qint64 maxSize)
{
    if (!m_z)
        return -1;
    return m_gzip ? inflateSome(data, maxSize) : readRaw(data, maxSize);
}

} // namespace idesk
