#include "types.h"

#include <QUuid>
#include <array>

namespace idesk {

namespace {

template<typename E, std::size_t N>
std::optional<E> lookup(const std::array<const char16_t *, N> &names, QStringView s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (s.compare(QStringView(names[i]), Qt::CaseInsensitive) == 0)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

constexpr std::array<const char16_t *, 4> kSeverities{u"P0", u"P1", u"P2", u"P3"};
constexpr std::array<const char16_t *, 5> kStatuses{u"Investigating", u"Identified", u"Mitigating",
                                                    u"Monitoring", u"Resolved"};
constexpr std::array<const char16_t *, EventKindCount> kKinds{
    u"alert",         u"detection", u"action",     u"diagnostic", u"decision",
    u"communication", u"status",    u"escalation", u"note",       u"evidence"};
constexpr std::array<const char16_t *, 3> kActionStatuses{u"open", u"in-progress", u"done"};
constexpr std::array<const char16_t *, 3> kChecklists{u"initial-assessment",
                                                      u"recovery-confirmation", u"post-incident"};

} // namespace

QString severityToString(Severity s)
{
    return QString::fromUtf16(kSeverities.at(static_cast<std::size_t>(s)));
}
std::optional<Severity> severityFromString(QStringView s)
{
    return lookup<Severity>(kSeverities, s.trimmed());
}
QString statusToString(IncidentStatus s)
{
    return QString::fromUtf16(kStatuses.at(static_cast<std::size_t>(s)));
}
std::optional<IncidentStatus> statusFromString(QStringView s)
{
    return lookup<IncidentStatus>(kStatuses, s.trimmed());
}
QString eventKindToString(EventKind k)
{
    return QString::fromUtf16(kKinds.at(static_cast<std::size_t>(k)));
}
std::optional<EventKind> eventKindFromString(QStringView s)
{
    return lookup<EventKind>(kKinds, s.trimmed());
}
QString actionStatusToString(ActionStatus s)
{
    return QString::fromUtf16(kActionStatuses.at(static_cast<std::size_t>(s)));
}
std::optional<ActionStatus> actionStatusFromString(QStringView s)
{
    return lookup<ActionStatus>(kActionStatuses, s.trimmed());
}
QString checklistKindToString(ChecklistKind k)
{
    return QString::fromUtf16(kChecklists.at(static_cast<std::size_t>(k)));
}
std::optional<ChecklistKind> checklistKindFromString(QStringView s)
{
    return lookup<ChecklistKind>(kChecklists, s.trimmed());
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString channelPrefix(QDate utcDay)
{
    return QStringLiteral("#incident-") + utcDay.toString(QStringLiteral("yyyy-MM-dd")) +
           QLatin1Char('-');
}

QString channelName(QDate utcDay, int sequence)
{
    return channelPrefix(utcDay) + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
}

QString toIsoUtc(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(Qt::ISODateWithMs);
}

namespace {

// The store writes every time as "yyyy-MM-ddTHH:mm:ss.zzzZ"; reading 100,000 timeline rows
// spends most of its time here, so that one shape is parsed by hand.
std::optional<QDateTime> parseCanonicalUtc(const QString &s)
{
    if (s.size() != 24 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' ||
        s[16] != u':' || s[19] != u'.' || s[23] != u'Z')
        return std::nullopt;
    const auto number = [&](int from, int len, bool *ok) {
        int v = 0;
        for (int i = from; i < from + len; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                *ok = false;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    bool ok = true;
    const QDate date(number(0, 4, &ok), number(5, 2, &ok), number(8, 2, &ok));
    const QTime time(number(11, 2, &ok), number(14, 2, &ok), number(17, 2, &ok),
                     number(20, 3, &ok));
    if (!ok || !date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

IncidentSummary summaryOf(const Incident &i)
{
    return {i.id, i.title, i.severity, i.status, i.channel, i.commander, i.startedAt};
}

QDateTime fromIso(const QString &s)
{
    if (s.isEmpty())
        return {};
    if (const auto fast = parseCanonicalUtc(s))
        return *fast;
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // a time without zone means UTC here, never the laptop's zone
    return t.toUTC();
}

} // namespace idesk
