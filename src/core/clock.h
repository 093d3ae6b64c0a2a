#pragma once

#include <QDateTime>

namespace idesk {

// Every rule that depends on "now" takes a Clock so tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime start) : m_now(start.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace idesk
