#include "hlc.h"

#include <algorithm>
#include <limits>

namespace idesk {

QString HlcStamp::toString() const
{
    return QStringLiteral("%1-%2")
        .arg(wallMs, 15, 10, QLatin1Char('0'))
        .arg(counter, 10, 10, QLatin1Char('0'));
}

std::optional<HlcStamp> HlcStamp::parse(QStringView s)
{
    const auto dash = s.indexOf(QLatin1Char('-'));
    const QStringView wall = s.left(std::max<qsizetype>(dash, 0));
    const QStringView counter = dash < 0 ? QStringView() : s.mid(dash + 1);
    // toLongLong and toUInt would also take signs, spaces and other digit sets; a stamp is
    // compared as text too, so only plain ASCII digits are a stamp.
    const auto digits = [](QStringView v, qsizetype most) {
        return !v.isEmpty() && v.size() <= most && std::all_of(v.begin(), v.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
    };
    if (!digits(wall, 15) || !digits(counter, 10))
        return std::nullopt;
    bool okCounter = false;
    HlcStamp st;
    st.wallMs = wall.toLongLong();
    st.counter = counter.toUInt(&okCounter);
    if (!okCounter)
        return std::nullopt;
    return st;
}

QString HlcStamp::formatHint()
{
    return QStringLiteral("<ms>-<counter>, e.g. %1 (milliseconds since 1970, at most 15 digits; "
                          "a counter below 4294967296)")
        .arg(HlcStamp{1705329000000, 0}.toString());
}

namespace {

constexpr quint32 kMaxCounter = std::numeric_limits<quint32>::max();

// The stamp right after {wall, counter}.
HlcStamp after(qint64 wall, quint32 counter)
{
    if (counter == kMaxCounter)
        return {wall + 1, 0};
    return {wall, counter + 1};
}

} // namespace

HlcStamp Hlc::tick(qint64 nowMs)
{
    if (nowMs > m_last.wallMs)
        m_last = {nowMs, 0};
    else
        m_last = after(m_last.wallMs, m_last.counter);
    return m_last;
}

HlcStamp Hlc::receive(const HlcStamp &remote, qint64 nowMs)
{
    const qint64 wall = std::max({m_last.wallMs, remote.wallMs, nowMs});
    if (wall == m_last.wallMs && wall == remote.wallMs)
        m_last = after(wall, std::max(m_last.counter, remote.counter));
    else if (wall == m_last.wallMs)
        m_last = after(wall, m_last.counter);
    else if (wall == remote.wallMs)
        m_last = after(wall, remote.counter);
    else
        m_last = {wall, 0};
    return m_last;
}

} // namespace idesk
