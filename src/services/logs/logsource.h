#pragma once

#include <QFile>
#include <QString>
#include <memory>

namespace idesk {

// A log's bytes from a file or standard input ("-"), inflated on the fly when they are gzip
// (recognised by the magic bytes, not the name). Reads in large blocks; never holds the whole
// input.
class LogSource
{
public:
    LogSource();
    ~LogSource();
    LogSource(const LogSource &) = delete;
    LogSource &operator=(const LogSource &) = delete;

    bool open(const QString &path); // false: see errorString()
    // Up to maxSize bytes; 0 at the end; -1 on an error (see errorString()).
    qint64 read(char *data, qint64 maxSize);
    QString errorString() const { return m_error; }
    // For progress: the file's size on disk (-1 for standard input or a pipe) and how many of
    // those bytes have been read; for a compressed file both count compressed bytes.
    qint64 size() const { return m_size; }
    qint64 position() const { return m_position; }
    // Whether this is a file on disk read as it is (not standard input, a pipe or a compressed
    // file): its size is then the number of bytes reading it must give.
    bool isPlainFile() const;

private:
    qint64 readRaw(char *data, qint64 maxSize);
    qint64 inflateSome(char *data, qint64 maxSize);

    QFile m_file;
    QString m_path;
    QString m_error;
    bool m_gzip = false;
    qint64 m_size = -1;
    qint64 m_position = 0;
    struct Inflater;
    std::unique_ptr<Inflater> m_z;
};

} // namespace idesk
