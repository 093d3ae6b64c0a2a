#include "hlc.h"

#include <algorithm>

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
    if (dash <= 0)
        return std::nullopt;
    bool okWall = false, okCounter = false;
    HlcStamp st;
    st.wallMs = s.left(dash).toLongLong(&okWall);
    st.counter = s.mid(dash + 1).toUInt(&okCounter);
    if (!okWall || !okCounter || st.wallMs < 0)
        return std::nullopt;
    return st;
}

HlcStamp Hlc::tick(qint64 nowMs)
{
    if (nowMs > m_last.wallMs) {
        m_last = {nowMs, 0};
    } else {
        ++m_last.counter;
    }
    return m_last;
}

HlcStamp Hlc::receive(const HlcStamp &remote, qint64 nowMs)
{
    const qint64 wall = std::max({m_last.wallMs, remote.wallMs, nowMs});
    quint32 counter = 0;
    if (wall == m_last.wallMs && wall == remote.wallMs)
        counter = std::max(m_last.counter, remote.counter) + 1;
    else if (wall == m_last.wallMs)
        counter = m_last.counter + 1;
    else if (wall == remote.wallMs)
        counter = remote.counter + 1;
    m_last = {wall, counter};
    return m_last;
}

} // namespace idesk
