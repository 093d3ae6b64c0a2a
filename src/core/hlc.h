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
    QString toString() const;
    static std::optional<HlcStamp> parse(QStringView s);
};

class Hlc
{
public:
    // A stamp for a local event at physical time nowMs.
    HlcStamp tick(qint64 nowMs);
    // Merge a stamp received from a peer, so later local stamps sort after it.
    HlcStamp receive(const HlcStamp &remote, qint64 nowMs);
    HlcStamp last() const { return m_last; }
    void restore(const HlcStamp &s) { m_last = s; }

private:
    HlcStamp m_last;
};

} // namespace idesk
