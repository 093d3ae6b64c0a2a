#include "postmortemdoc.h"

#include "core/incidentjson.h"
#include "core/jsoncheck_p.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace idesk {

namespace {

using json = nlohmann::json;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

json listToJson(const QStringList &l)
{
    json a = json::array();
    for (const QString &s : l)
        a.push_back(utf8(s));
    return a;
}

// Reads a JSON object field by field and names the JSON path in every error, so a hand-edited
// or synced document that went wrong says where.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(idesk::PostmortemDoc)

public:
    Reader(const json &j, QString origin, QString path)
        : m_j(j), m_origin(std::move(origin)), m_path(std::move(path))
    {
        if (!m_j.is_object())
            fail(m_path, tr("an object"));
    }

    bool has(const char *key) const { return m_j.contains(key) && !m_j.at(key).is_null(); }

    QString string(const char *key, const QString &fallback = {}) const
    {
        if (!has(key))
            return fallback;
        const json &v = m_j.at(key);
        if (!v.is_string())
            fail(at(key), tr("a string"));
        return qs(v.get<std::string>());
    }

    qint64 integer(const char *key, qint64 fallback) const
    {
        if (!has(key))
            return fallback;
        const json &v = m_j.at(key);
        if (!v.is_number_integer())
            fail(at(key), tr("an integer"));
        return v.get<qint64>();
    }

    double number(const char *key, double fallback) const
    {
        if (!has(key))
            return fallback;
        const json &v = m_j.at(key);
        if (!v.is_number())
            fail(at(key), tr("a number"));
        return v.get<double>();
    }

    bool boolean(const char *key, bool fallback) const
    {
        if (!has(key))
            return fallback;
        const json &v = m_j.at(key);
        if (!v.is_boolean())
            fail(at(key), tr("true or false"));
        return v.get<bool>();
    }

    QStringList list(const char *key) const
    {
        QStringList out;
        if (!has(key))
            return out;
        const json &v = m_j.at(key);
        if (!v.is_array())
            fail(at(key), tr("an array of strings"));
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string())
                fail(at(key) + QStringLiteral("[%1]").arg(i), tr("a string"));
            out.append(qs(v[i].get<std::string>()));
        }
        return out;
    }

    QDate date(const char *key) const
    {
        const QString s = string(key);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            fail(at(key), tr("a date YYYY-MM-DD"));
        return d;
    }

    QDateTime dateTime(const char *key) const
    {
        const QString s = string(key);
        if (s.isEmpty())
            return {};
        const QDateTime t = fromIso(s);
        if (!t.isValid())
            fail(at(key), tr("an ISO 8601 date and time"));
        return t;
    }

    Reader object(const char *key) const { return Reader(m_j.at(key), m_origin, at(key)); }

    QString at(const char *key) const { return m_path + QLatin1Char('.') + QLatin1String(key); }

    [[noreturn]] void fail(const QString &where, const QString &expected) const
    {
        throw FormatError(m_origin, where, expected);
    }

private:
    const json &m_j;
    QString m_origin;
    QString m_path;
};

QDate utcDate(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().date() : QDate();
}

} // namespace

QByteArray postmortemToJson(const PostmortemDoc &d)
{
    json j;
    j["schema"] = kPostmortemSchema;

    json s = json::object();
    const SummaryOverrides &o = d.summary;
    if (o.date)
        s["date"] = utf8(o.date->toString(Qt::ISODate));
    if (o.durationMinutes)
        s["durationMinutes"] = *o.durationMinutes;
    if (o.severity)
        s["severity"] = utf8(severityToString(*o.severity));
    if (o.impactDescription)
        s["impactDescription"] = utf8(*o.impactDescription);
    if (o.usersAffected)
        s["usersAffected"] = *o.usersAffected;
    if (o.revenueImpact)
        s["revenueImpact"] = *o.revenueImpact;
    j["summary"] = s;

    if (d.keyEventIds)
        j["keyEventIds"] = listToJson(*d.keyEventIds);
    j["rootCause"] = utf8(d.rootCause);
    j["contributingFactors"] = listToJson(d.contributingFactors);
    j["wentWell"] = listToJson(d.wentWell);
    j["couldBeImproved"] = listToJson(d.couldBeImproved);
    j["lessonsLearned"] = listToJson(d.lessonsLearned);
    j["trigger"] = utf8(d.trigger);
    j["detection"] = utf8(d.detection);
    j["resolution"] = utf8(d.resolution);
    j["whereWeGotLucky"] = listToJson(d.whereWeGotLucky);
    j["supportingInformation"] = utf8(d.supportingInformation);
    j["includeEvidence"] = d.includeEvidence;

    json r = json::object();
    if (d.reviewAt.isValid())
        r["at"] = utf8(toIsoUtc(d.reviewAt));
    r["minutes"] = d.reviewMinutes;
    r["location"] = utf8(d.reviewLocation);
    j["review"] = r;

    const std::string text = j.dump(2) + '\n';
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

PostmortemDoc postmortemFromJson(const QByteArray &bytes, const QString &origin)
{
    jsoncheck::SyntaxError syntax;
    const auto parsed = jsoncheck::parseAs<json>(bytes, syntax);
    if (!parsed && !syntax.path.isEmpty())
        throw FormatError(origin, syntax.path, syntax.detail);
    if (!parsed)
        throw FormatError(
            origin,
            QCoreApplication::translate("idesk::PostmortemDoc", "byte %1").arg(syntax.offset),
            QCoreApplication::translate("idesk::PostmortemDoc", "well-formed JSON: %1")
                .arg(syntax.detail));
    const json &j = *parsed;
    const Reader top(j, origin, QStringLiteral("$"));
    const QString schema = top.string("schema", QLatin1String(kPostmortemSchema));
    if (schema != QLatin1String(kPostmortemSchema))
        top.fail(top.at("schema"), QLatin1String(kPostmortemSchema));

    PostmortemDoc d;
    if (top.has("summary")) {
        const Reader s = top.object("summary");
        SummaryOverrides &o = d.summary;
        if (s.has("date"))
            o.date = s.date("date");
        if (s.has("durationMinutes")) {
            o.durationMinutes = s.integer("durationMinutes", 0);
            if (*o.durationMinutes < 0)
                s.fail(s.at("durationMinutes"),
                       QCoreApplication::translate("idesk::PostmortemDoc", "minutes >= 0"));
        }
        if (s.has("severity")) {
            o.severity = severityFromString(s.string("severity"));
            if (!o.severity)
                s.fail(s.at("severity"),
                       QCoreApplication::translate("idesk::PostmortemDoc", "P0, P1, P2 or P3"));
        }
        if (s.has("impactDescription"))
            o.impactDescription = s.string("impactDescription");
        if (s.has("usersAffected"))
            o.usersAffected = s.integer("usersAffected", 0);
        if (s.has("revenueImpact"))
            o.revenueImpact = s.number("revenueImpact", 0);
    }
    if (top.has("keyEventIds"))
        d.keyEventIds = top.list("keyEventIds");
    d.rootCause = top.string("rootCause");
    d.contributingFactors = top.list("contributingFactors");
    d.wentWell = top.list("wentWell");
    d.couldBeImproved = top.list("couldBeImproved");
    d.lessonsLearned = top.list("lessonsLearned");
    d.trigger = top.string("trigger");
    d.detection = top.string("detection");
    d.resolution = top.string("resolution");
    d.whereWeGotLucky = top.list("whereWeGotLucky");
    d.supportingInformation = top.string("supportingInformation");
    d.includeEvidence = top.boolean("includeEvidence", true);
    if (top.has("review")) {
        const Reader r = top.object("review");
        d.reviewAt = r.dateTime("at");
        const qint64 minutes = r.integer("minutes", 60);
        if (minutes <= 0 || minutes > 24 * 60)
            r.fail(r.at("minutes"), QCoreApplication::translate("idesk::PostmortemDoc",
                                                                "minutes between 1 and 1440"));
        d.reviewMinutes = static_cast<int>(minutes);
        d.reviewLocation = r.string("location");
    }
    return d;
}

EffectiveSummary derivedSummary(const Incident &in, const QDateTime &now)
{
    EffectiveSummary s;
    const QDateTime start = in.startedAt.isValid() ? in.startedAt : in.detectedAt;
    s.date = utcDate(start);
    const QDate end = utcDate(in.resolvedAt);
    if (end.isValid() && end != s.date)
        s.endDate = end;
    if (start.isValid() && in.resolvedAt.isValid() && in.resolvedAt >= start)
        s.durationMinutes = start.secsTo(in.resolvedAt) / 60;
    s.severity = in.severity;
    s.impactDescription = in.impact.userImpact.trimmed();
    s.usersAffected = in.impact.affectedUsers;
    // The seed's "revenue impact" is a total; the incident only knows a rate, so estimate.
    if (in.impact.revenueLossPerHour && s.durationMinutes) {
        s.revenueImpact =
            std::round(*in.impact.revenueLossPerHour * double(*s.durationMinutes) / 60.0);
    } else if (in.impact.revenueLossPerHour && !in.resolvedAt.isValid() && start.isValid() &&
               now.isValid() && now >= start) {
        s.revenueImpact =
            std::round(*in.impact.revenueLossPerHour * double(start.secsTo(now) / 60) / 60.0);
        s.revenueSoFar = true;
    }
    return s;
}

EffectiveSummary effectiveSummary(const Incident &in, const SummaryOverrides &o)
{
    EffectiveSummary s = derivedSummary(in);
    if (o.date) {
        // An overridden start day moves the end day with it only if the end is the same day.
        s.date = *o.date;
        if (s.endDate.isValid() && s.endDate <= s.date)
            s.endDate = {};
    }
    if (o.durationMinutes)
        s.durationMinutes = o.durationMinutes;
    if (o.severity)
        s.severity = *o.severity;
    if (o.impactDescription)
        s.impactDescription = o.impactDescription->trimmed();
    if (o.usersAffected)
        s.usersAffected = o.usersAffected;
    if (o.revenueImpact)
        s.revenueImpact = o.revenueImpact;
    return s;
}

std::vector<const TimelineEvent *> keyEventRefs(const PostmortemDoc &d,
                                                const std::vector<TimelineEvent> &currentEvents)
{
    std::vector<const TimelineEvent *> out;
    std::set<QString> wanted;
    if (d.keyEventIds)
        wanted.insert(d.keyEventIds->cbegin(), d.keyEventIds->cend());
    // With nothing pinned, the whole timeline is the story; pins narrow it down.
    const bool anyPinned =
        std::any_of(currentEvents.begin(), currentEvents.end(),
                    [](const TimelineEvent &e) { return e.pinned && !e.deleted; });
    for (const TimelineEvent &e : currentEvents) {
        if (e.deleted)
            continue;
        const bool selected =
            d.keyEventIds ? wanted.count(e.eventId) > 0 : (e.pinned || !anyPinned);
        if (selected)
            out.push_back(&e);
    }
    auto earlier = [](const TimelineEvent *a, const TimelineEvent *b) {
        return a->occurredAt < b->occurredAt;
    };
    // the store already returns them in time order; only sort what is not
    if (!std::is_sorted(out.begin(), out.end(), earlier))
        std::stable_sort(out.begin(), out.end(), earlier);
    return out;
}

std::vector<TimelineEvent> keyEvents(const PostmortemDoc &d,
                                     const std::vector<TimelineEvent> &currentEvents)
{
    std::vector<TimelineEvent> out;
    for (const TimelineEvent *e : keyEventRefs(d, currentEvents))
        out.push_back(*e);
    return out;
}

std::optional<qint64> parseDuration(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 plain = t.toLongLong(&ok);
    if (ok)
        return plain >= 0 ? std::optional<qint64>(plain) : std::nullopt;

    static const QRegularExpression part(
        QStringLiteral(R"(\G\s*(\d+)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?)(?![a-z])\s*,?)"));
    qint64 total = 0;
    qsizetype pos = 0;
    bool any = false;
    while (pos < t.size()) {
        const QRegularExpressionMatch m = part.match(t, pos);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return std::nullopt;
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        total += unit == QLatin1Char('d') ? n * 24 * 60 : unit == QLatin1Char('h') ? n * 60 : n;
        any = true;
        pos = m.capturedEnd();
    }
    return any ? std::optional<qint64>(total) : std::nullopt;
}

QDateTime defaultReviewTime(const Incident &incident, const QDateTime &now)
{
    const QDateTime from = (incident.resolvedAt.isValid() ? incident.resolvedAt : now).toUTC();
    return QDateTime(from.date().addDays(1), QTime(10, 0), Qt::UTC);
}

bool reviewLaterThan48h(const Incident &incident, const QDateTime &review, const QDateTime &now)
{
    if (!review.isValid())
        return false;
    const QDateTime from = incident.resolvedAt.isValid() ? incident.resolvedAt : now;
    return from.secsTo(review) > 48 * 3600;
}

} // namespace idesk
