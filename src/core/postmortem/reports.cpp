#include "reports.h"

#include <algorithm>
#include <map>

namespace idesk {

namespace {

QDate monthOf(const QDateTime &t)
{
    const QDate d = t.toUTC().date();
    return QDate(d.year(), d.month(), 1);
}

} // namespace

int MonthlySeverityCounts::total() const
{
    int n = 0;
    for (const auto &row : counts)
        for (int c : row)
            n += c;
    return n;
}

MonthlySeverityCounts incidentsBySeverityAndMonth(const std::vector<Incident> &incidents)
{
    std::map<QDate, std::array<int, SeverityCount>> byMonth;
    for (const Incident &i : incidents) {
        const QDateTime when = i.startedAt.isValid() ? i.startedAt : i.detectedAt;
        if (i.deleted || !when.isValid())
            continue;
        auto [it, inserted] = byMonth.try_emplace(monthOf(when));
        if (inserted)
            it->second.fill(0);
        ++it->second[static_cast<std::size_t>(i.severity)];
    }
    MonthlySeverityCounts out;
    if (byMonth.empty())
        return out;
    const QDate last = byMonth.rbegin()->first;
    for (QDate m = byMonth.begin()->first; m <= last; m = m.addMonths(1)) {
        out.months.push_back(m);
        const auto it = byMonth.find(m);
        std::array<int, SeverityCount> row{};
        if (it != byMonth.end())
            row = it->second;
        out.counts.push_back(row);
    }
    return out;
}

std::array<ResponseTimes, SeverityCount>
responseTimesBySeverity(const std::vector<Incident> &incidents)
{
    std::array<double, SeverityCount> ackSum{}, resolveSum{};
    std::array<ResponseTimes, SeverityCount> out{};
    for (const Incident &i : incidents) {
        if (i.deleted)
            continue;
        ResponseTimes &r = out[static_cast<std::size_t>(i.severity)];
        const std::size_t s = static_cast<std::size_t>(i.severity);
        const QDateTime noticed = i.detectedAt.isValid() ? i.detectedAt : i.startedAt;
        if (noticed.isValid() && i.acknowledgedAt.isValid() && i.acknowledgedAt >= noticed) {
            ackSum[s] += double(noticed.msecsTo(i.acknowledgedAt)) / 60000.0;
            ++r.ackSamples;
        }
        if (i.startedAt.isValid() && i.resolvedAt.isValid() && i.resolvedAt >= i.startedAt) {
            resolveSum[s] += double(i.startedAt.msecsTo(i.resolvedAt)) / 60000.0;
            ++r.resolveSamples;
        }
    }
    for (std::size_t s = 0; s < out.size(); ++s) {
        if (out[s].ackSamples)
            out[s].mttaMinutes = ackSum[s] / out[s].ackSamples;
        if (out[s].resolveSamples)
            out[s].mttrMinutes = resolveSum[s] / out[s].resolveSamples;
    }
    return out;
}

bool isOverdue(const ActionItem &a, const QDate &today)
{
    return !a.deleted && a.status != ActionStatus::Done && a.due.isValid() && a.due < today;
}

std::vector<OwnerLoad> openActionItemsByOwner(const std::vector<ActionItem> &actions,
                                              const QDate &today)
{
    std::map<QString, OwnerLoad> byOwner;
    for (const ActionItem &a : actions) {
        if (a.deleted || a.status == ActionStatus::Done)
            continue;
        QString owner = a.owner.trimmed();
        if (owner.startsWith(QLatin1Char('@')))
            owner.remove(0, 1);
        if (owner.isEmpty())
            owner = QStringLiteral("unassigned");
        OwnerLoad &l = byOwner[owner.toLower()];
        if (l.owner.isEmpty())
            l.owner = owner;
        ++l.open;
        if (isOverdue(a, today))
            ++l.overdue;
    }
    std::vector<OwnerLoad> out;
    out.reserve(byOwner.size());
    for (auto &[key, load] : byOwner)
        out.push_back(load);
    std::stable_sort(out.begin(), out.end(),
                     [](const OwnerLoad &a, const OwnerLoad &b) { return a.open > b.open; });
    return out;
}

} // namespace idesk
