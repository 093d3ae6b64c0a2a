#pragma once

#include <QFile>
#include <QString>
#include <memory>

namespace idesk::cli {

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

private:
    qint64 readRaw(char *data, qint64 maxSize);
    qint64 inflateSome(char *data, qint64 maxSize);

    QFile m_file;
    QString m_path;
    QString m_error;
    bool m_gzip = false;
    struct Inflater;
    std::unique_ptr<Inflater> m_z;
};

} // namespace idesk::cli
