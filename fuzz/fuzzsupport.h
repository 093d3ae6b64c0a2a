#pragma once

#include <QByteArray>
#include <QTimeZone>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

// Helpers shared by the fuzz targets. Inputs stay plain text (so the seed corpus is readable);
// each input is parsed under a few zones instead of taking options from its bytes.

namespace fuzzsupport {

// An owned copy: files are read into owning, null-terminated byte arrays, so a raw view would
// report reads past the end that no real caller can make.
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// UTC, odd fixed offsets on both sides, and a zone with daylight saving time (its gaps are
// where a typed time does not exist).
inline const std::vector<QTimeZone> &zones()
{
    static const std::vector<QTimeZone> list = [] {
        std::vector<QTimeZone> z{QTimeZone::utc(), QTimeZone(5 * 3600 + 45 * 60),
                                 QTimeZone(-(9 * 3600 + 30 * 60))};
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        if (berlin.isValid())
            z.push_back(berlin);
        return z;
    }();
    return list;
}

// A broken promise of the parser's contract: stop like a crash so libFuzzer keeps the input.
inline void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace fuzzsupport
