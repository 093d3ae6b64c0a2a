#pragma once

#include <QString>
#include <compare>
#include <optional>

namespace idesk {

// Hybrid logical clock stamp: wall milliseconds plus a counter that breaks ties and keeps
// causality when a peer's clock is ahead. Its string form sorts in the same order.
struct HlcStamp
{
    qint64 wallMs = 0;
    quint32 counter = 0;
    auto operator<=>(const HlcStamp &) const = default;
    // The largest wall time the string form holds: 15 digits.
    static constexpr qint64 kMaxWallMs = 999'999'999'999'999;

    QString toString() const;
    // Strict: 1 to 15 digits, '-', 1 to 10 digits that fit a 32-bit counter; nothing else.
    static std::optional<HlcStamp> parse(QStringView s);
    // The shape parse() accepts, for error messages.
    static QString formatHint();
};

class Hlc
{
public:
    // A stamp for a local event at physical time nowMs. Neither tick nor receive lets the
    // counter wrap: at its maximum the wall time moves on one millisecond instead, so a later
    // stamp always sorts after an earlier one.
    HlcStamp tick(qint64 nowMs);
    // Merge a stamp received from a peer, so later local stamps sort after it.
    HlcStamp receive(const HlcStamp &remote, qint64 nowMs);
    HlcStamp last() const { return m_last; }
    void restore(const HlcStamp &s) { m_last = s; }

private:
    HlcStamp m_last;
};

} // namespace idesk
