#include "incidentjson.h"

#include "hlc.h"
#include "jsoncheck_p.h"

#include <QCoreApplication>
#include <QHash>
#include <QPair>
#include <QSet>
#include <algorithm>
#include <limits>
#include <tuple>
#include <type_traits>
#include <vector>

namespace idesk {

using jsoncheck::Json;
using jsoncheck::Presence;
using jsoncheck::toStd;

namespace {

using Checker = jsoncheck::Checker<FormatError>;

Json timeToJson(const QDateTime &t)
{
    return t.isValid() ? Json(toStd(toIsoUtc(t))) : Json(nullptr);
}

template<typename T> Json optionalToJson(const std::optional<T> &v)
{
    if (!v)
        return nullptr;
    if constexpr (std::is_floating_point_v<T>)
        return Json(*v);
    else
        return Json(static_cast<std::int64_t>(*v));
}

Json stampToJson(const SyncStamp &s)
{
    Json j;
    j["hlc"] = toStd(s.hlc);
    j["siteId"] = toStd(s.siteId);
    return j;
}

Json incidentToJson(const Incident &i)
{
    Json j;
    j["id"] = toStd(i.id);
    j["title"] = toStd(i.title);
    j["severity"] = toStd(severityToString(i.severity));
    j["status"] = toStd(statusToString(i.status));
    j["commander"] = toStd(i.commander);
    j["commsLead"] = toStd(i.commsLead);
    j["scribe"] = toStd(i.scribe);
    j["channel"] = toStd(i.channel);
    j["startedAt"] = timeToJson(i.startedAt);
    j["detectedAt"] = timeToJson(i.detectedAt);
    j["acknowledgedAt"] = timeToJson(i.acknowledgedAt);
    j["mitigatedAt"] = timeToJson(i.mitigatedAt);
    j["resolvedAt"] = timeToJson(i.resolvedAt);
    Json impact;
    impact["userImpact"] = toStd(i.impact.userImpact);
    impact["businessImpact"] = toStd(i.impact.businessImpact);
    impact["affectedUsers"] = optionalToJson(i.impact.affectedUsers);
    impact["affectedUsersPercent"] = optionalToJson(i.impact.affectedUsersPercent);
    impact["errorRatePercent"] = optionalToJson(i.impact.errorRatePercent);
    impact["responseTimeMs"] = optionalToJson(i.impact.responseTimeMs);
    impact["revenueLossPerHour"] = optionalToJson(i.impact.revenueLossPerHour);
    impact["regulatory"] = i.impact.regulatory;
    j["impact"] = std::move(impact);
    j["summary"] = toStd(i.summary);
    j["escalationLevel"] = i.escalationLevel;
    j["deleted"] = i.deleted;
    j["stamp"] = stampToJson(i.stamp);
    return j;
}

Json eventToJson(const TimelineEvent &e)
{
    Json j;
    j["id"] = toStd(e.id);
    j["eventId"] = toStd(e.eventId);
    j["incidentId"] = toStd(e.incidentId);
    j["revision"] = e.revision;
    j["occurredAt"] = timeToJson(e.occurredAt);
    j["recordedAt"] = timeToJson(e.recordedAt);
    j["kind"] = toStd(eventKindToString(e.kind));
    j["author"] = toStd(e.author);
    j["text"] = toStd(e.text);
    j["source"] = toStd(e.source);
    j["pinned"] = e.pinned;
    j["deleted"] = e.deleted;
    j["stamp"] = stampToJson(e.stamp);
    return j;
}

Json checklistItemToJson(const ChecklistItem &c)
{
    Json j;
    j["id"] = toStd(c.id);
    j["incidentId"] = toStd(c.incidentId);
    j["list"] = toStd(checklistKindToString(c.list));
    j["position"] = c.position;
    j["text"] = toStd(c.text);
    j["checked"] = c.checked;
    j["checkedBy"] = toStd(c.checkedBy);
    j["checkedAt"] = timeToJson(c.checkedAt);
    j["deleted"] = c.deleted;
    j["stamp"] = stampToJson(c.stamp);
    return j;
}

Json actionToJson(const ActionItem &a)
{
    Json j;
    j["id"] = toStd(a.id);
    j["incidentId"] = toStd(a.incidentId);
    j["description"] = toStd(a.description);
    j["owner"] = toStd(a.owner);
    j["due"] = a.due.isValid() ? Json(toStd(a.due.toString(Qt::ISODate))) : Json(nullptr);
    j["status"] = toStd(actionStatusToString(a.status));
    j["createdAt"] = timeToJson(a.createdAt);
    j["deleted"] = a.deleted;
    j["stamp"] = stampToJson(a.stamp);
    return j;
}

// Every key is required: the canonical form always writes all of them, and a document that lacks
// one was not written by us, so guessing a default would hide the damage.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(idesk::IncidentJson)

public:
    Reader(const QString &origin, const QDateTime &now)
        : c(origin), m_now(now),
          m_latestWallMs(std::min(now.toMSecsSinceEpoch() + kStampLeadMs, HlcStamp::kMaxWallMs))
    {}

    IncidentBundle read(const Json &root)
    {
        const QString top = QStringLiteral("$");
        if (!root.is_object())
            c.fail(top, tr("an incident document (a JSON object with \"schema\": "
                           "\"%1\")")
                            .arg(QLatin1String(kIncidentSchema)));
        // The schema first, before complaining about keys a different schema might use.
        const QString schemaAt = QStringLiteral("$.schema");
        const auto schema = root.find("schema");
        if (schema == root.end() || !schema->is_string() ||
            schema->get_ref<const std::string &>() != kIncidentSchema)
            c.fail(schemaAt, QLatin1String(kIncidentSchema));
        c.object(root, top, {"schema", "incident", "events", "checklist", "actions"});

        IncidentBundle b;
        b.incident =
            readIncident(*c.member(root, top, "incident", Presence::Required, tr("an object")),
                         QStringLiteral("$.incident"));
        const QString &incidentId = b.incident.id;

        QSet<QString> ids;
        // One row per revision of an event: of two, the store would keep one and hide the other.
        QHash<QPair<QString, int>, QString> revisions;
        each(root, top, "events", [&](const Json &v, const QString &at) {
            b.events.push_back(readEvent(v, at, incidentId, ids));
            const TimelineEvent &e = b.events.back();
            const auto seen = revisions.constFind({e.eventId, e.revision});
            if (seen != revisions.constEnd())
                c.fail(Checker::key(at, "revision"),
                       tr("a revision of event %1 not already given (%2 is revision "
                          "%3 too)")
                           .arg(e.eventId, *seen)
                           .arg(e.revision));
            revisions.insert({e.eventId, e.revision}, at);
        });
        ids.clear();
        each(root, top, "checklist", [&](const Json &v, const QString &at) {
            b.checklist.push_back(readChecklistItem(v, at, incidentId, ids));
        });
        ids.clear();
        each(root, top, "actions", [&](const Json &v, const QString &at) {
            b.actions.push_back(readAction(v, at, incidentId, ids));
        });
        return b;
    }

private:
    static constexpr qint64 kStampLeadMs = 24 * 60 * 60 * 1000;

    Checker c;
    QDateTime m_now;
    qint64 m_latestWallMs;
    // Worded once per import, in the catalogue installed by then: most are asked for on every
    // row, though shown only for a bad one.
    const QString kTime = tr("an ISO 8601 time like 2024-01-15T14:30:00.000Z, or null");
    const QString kTimeRequired = tr("an ISO 8601 time like 2024-01-15T14:30:00.000Z");
    const QString kDate = tr("a date like 2024-01-20, or null");
    const QString kString = tr("a string");
    const QString kId = tr("a UUID in lowercase like 3f2b8c1e-6d4a-4b7e-9a10-5c2d8e7f6a01");
    const QString kTrueOrFalse = tr("true or false");
    const QString kOneOf = tr("one of %1");
    const QString kOwner = tr("the incident's id %1");
    const QString kStamp = tr("an object with hlc and siteId");
    const QString kArray = tr("an array");
    const QString kRevision = tr("a revision number >= 1");
    const QString kPosition = tr("a position >= 0");

    const Json &need(const Json &obj, const QString &path, std::string_view k,
                     const QString &expected)
    {
        return *c.member(obj, path, k, Presence::Required, expected);
    }

    QString str(const Json &obj, const QString &path, std::string_view k)
    {
        return c.string(need(obj, path, k, kString), Checker::key(path, k));
    }

    // Ids are the UUIDs this app makes: an id shaped like another incident's short id or
    // channel name would take over lookups by that name.
    QString id(const Json &obj, const QString &path, std::string_view k)
    {
        const QString at = Checker::key(path, k);
        const Json &v = need(obj, path, k, kId);
        if (!v.is_string() || !isCanonicalUuid(v.get_ref<const std::string &>()))
            c.fail(at, kId);
        return c.string(v, at);
    }

    static bool isCanonicalUuid(const std::string &s)
    {
        if (s.size() != 36 || s == "00000000-0000-0000-0000-000000000000")
            return false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char ch = s[i];
            const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? ch != '-' : !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
                return false;
        }
        return true;
    }

    // A child row must belong to the incident it travels with, or an import would attach it
    // to whatever incident happens to carry that id locally.
    QString ownerId(const Json &obj, const QString &path, const QString &incidentId)
    {
        const QString at = Checker::key(path, "incidentId");
        const QString expected = kOwner.arg(incidentId);
        const Json &v = need(obj, path, "incidentId", expected);
        if (!v.is_string() || jsoncheck::toQString(v.get_ref<const std::string &>()) != incidentId)
            c.fail(at, expected);
        return incidentId;
    }

    void uniqueId(const QString &value, const QString &path, QSet<QString> &ids)
    {
        if (ids.contains(value))
            c.fail(Checker::key(path, "id"), tr("an id not used by another row in the same list"));
        ids.insert(value);
    }

    bool boolean(const Json &obj, const QString &path, std::string_view k)
    {
        return c.boolean(need(obj, path, k, kTrueOrFalse), Checker::key(path, k));
    }

    qint64 integer(const Json &obj, const QString &path, std::string_view k, qint64 min, qint64 max,
                   const QString &expected)
    {
        return c.integer(need(obj, path, k, expected), Checker::key(path, k), min, max, expected);
    }

    QDateTime time(const Json &obj, const QString &path, std::string_view k, bool nullable = true)
    {
        const QString &expected = nullable ? kTime : kTimeRequired;
        const QString at = Checker::key(path, k);
        const Json &v = need(obj, path, k, expected);
        if (v.is_null() && nullable)
            return {};
        if (!v.is_string())
            c.fail(at, expected);
        const QDateTime t = fromIso(jsoncheck::toQString(v.get_ref<const std::string &>()));
        if (!t.isValid())
            c.fail(at, expected);
        return t;
    }

    template<typename T>
    std::optional<T> optionalNumber(const Json &obj, const QString &path, std::string_view k,
                                    double max, const QString &expected)
    {
        const QString full = tr("%1, or null").arg(expected);
        const Json &v = need(obj, path, k, full);
        if (v.is_null())
            return std::nullopt;
        const QString at = Checker::key(path, k);
        if constexpr (std::is_floating_point_v<T>)
            return c.number(v, at, 0, max, full);
        else
            return c.integer(v, at, 0, std::numeric_limits<qint64>::max(), full);
    }

    template<typename E, typename Parse>
    E enumeration(const Json &obj, const QString &path, std::string_view k, int count,
                  QString (*toString)(E), Parse parse)
    {
        QStringList names;
        for (int i = 0; i < count; ++i)
            names << toString(static_cast<E>(i));
        const QString expected = kOneOf.arg(names.join(QStringLiteral(", ")));
        const QString at = Checker::key(path, k);
        const Json &v = need(obj, path, k, expected);
        if (!v.is_string())
            c.fail(at, expected);
        const auto e = parse(jsoncheck::toQString(v.get_ref<const std::string &>()));
        if (!e)
            c.fail(at, expected);
        return *e;
    }

    SyncStamp stamp(const Json &obj, const QString &path)
    {
        const QString &expected = kStamp;
        const QString at = Checker::key(path, "stamp");
        const Json &v = c.object(need(obj, path, "stamp", expected), at, {"hlc", "siteId"});
        SyncStamp s;
        s.hlc = str(v, at, "hlc");
        if (!s.hlc.isEmpty()) {
            // A stamp far ahead of every clock would sort after all later edits made anywhere,
            // so they could never win against it.
            const auto parsed = HlcStamp::parse(s.hlc);
            if (!parsed || parsed->wallMs > m_latestWallMs)
                c.fail(Checker::key(at, "hlc"), tr("an HLC stamp %1, at most one day ahead of this "
                                                   "machine's clock (%2), or empty")
                                                    .arg(HlcStamp::formatHint(), toIsoUtc(m_now)));
        }
        s.siteId = str(v, at, "siteId");
        return s;
    }

    template<typename F> void each(const Json &obj, const QString &path, std::string_view k, F &&f)
    {
        const QString at = Checker::key(path, k);
        const QString &expected = kArray;
        const Json &v = c.array(need(obj, path, k, expected), at, expected);
        for (std::size_t i = 0; i < v.size(); ++i)
            f(v[i], Checker::index(at, i));
    }

    Incident readIncident(const Json &v, const QString &at)
    {
        c.object(v, at,
                 {"id", "title", "severity", "status", "commander", "commsLead", "scribe",
                  "channel", "startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt",
                  "resolvedAt", "impact", "summary", "escalationLevel", "deleted", "stamp"});
        Incident i;
        i.id = id(v, at, "id");
        i.title = str(v, at, "title");
        i.severity = enumeration<Severity>(v, at, "severity", SeverityCount, &severityToString,
                                           &severityFromString);
        i.status = enumeration<IncidentStatus>(v, at, "status", IncidentStatusCount,
                                               &statusToString, &statusFromString);
        i.commander = str(v, at, "commander");
        i.commsLead = str(v, at, "commsLead");
        i.scribe = str(v, at, "scribe");
        i.channel = str(v, at, "channel");
        i.startedAt = time(v, at, "startedAt");
        i.detectedAt = time(v, at, "detectedAt");
        i.acknowledgedAt = time(v, at, "acknowledgedAt");
        i.mitigatedAt = time(v, at, "mitigatedAt");
        i.resolvedAt = time(v, at, "resolvedAt");

        const QString impactAt = Checker::key(at, "impact");
        const Json &im =
            c.object(need(v, at, "impact", tr("an object")), impactAt,
                     {"userImpact", "businessImpact", "affectedUsers", "affectedUsersPercent",
                      "errorRatePercent", "responseTimeMs", "revenueLossPerHour", "regulatory"});
        const double huge = std::numeric_limits<double>::max();
        const QString percent = tr("a percentage between 0 and 100");
        i.impact.userImpact = str(im, impactAt, "userImpact");
        i.impact.businessImpact = str(im, impactAt, "businessImpact");
        i.impact.affectedUsers = optionalNumber<qint64>(im, impactAt, "affectedUsers", huge,
                                                        tr("a non-negative integer"));
        i.impact.affectedUsersPercent =
            optionalNumber<double>(im, impactAt, "affectedUsersPercent", 100, percent);
        i.impact.errorRatePercent =
            optionalNumber<double>(im, impactAt, "errorRatePercent", 100, percent);
        i.impact.responseTimeMs = optionalNumber<double>(im, impactAt, "responseTimeMs", huge,
                                                         tr("a non-negative number (ms)"));
        i.impact.revenueLossPerHour = optionalNumber<double>(
            im, impactAt, "revenueLossPerHour", huge, tr("a non-negative amount per hour"));
        i.impact.regulatory = boolean(im, impactAt, "regulatory");

        i.summary = str(v, at, "summary");
        i.escalationLevel = static_cast<int>(
            integer(v, at, "escalationLevel", 1, 3, tr("an escalation level 1..3")));
        // A tombstone would import invisibly and then block the live incident with that id.
        i.deleted = boolean(v, at, "deleted");
        if (i.deleted)
            c.fail(Checker::key(at, "deleted"),
                   tr("false (a deleted incident cannot be imported)"));
        i.stamp = stamp(v, at);
        return i;
    }

    TimelineEvent readEvent(const Json &v, const QString &at, const QString &incidentId,
                            QSet<QString> &ids)
    {
        c.object(v, at,
                 {"id", "eventId", "incidentId", "revision", "occurredAt", "recordedAt", "kind",
                  "author", "text", "source", "pinned", "deleted", "stamp"});
        TimelineEvent e;
        e.id = id(v, at, "id");
        uniqueId(e.id, at, ids);
        e.eventId = id(v, at, "eventId");
        e.incidentId = ownerId(v, at, incidentId);
        e.revision = static_cast<int>(
            integer(v, at, "revision", 1, std::numeric_limits<int>::max(), kRevision));
        // The timeline is ordered by occurredAt, so an event without one has no place in it.
        e.occurredAt = time(v, at, "occurredAt", false);
        e.recordedAt = time(v, at, "recordedAt");
        e.kind = enumeration<EventKind>(v, at, "kind", EventKindCount, &eventKindToString,
                                        &eventKindFromString);
        e.author = str(v, at, "author");
        e.text = str(v, at, "text");
        e.source = str(v, at, "source");
        e.pinned = boolean(v, at, "pinned");
        e.deleted = boolean(v, at, "deleted");
        e.stamp = stamp(v, at);
        return e;
    }

    ChecklistItem readChecklistItem(const Json &v, const QString &at, const QString &incidentId,
                                    QSet<QString> &ids)
    {
        c.object(v, at,
                 {"id", "incidentId", "list", "position", "text", "checked", "checkedBy",
                  "checkedAt", "deleted", "stamp"});
        ChecklistItem item;
        item.id = id(v, at, "id");
        uniqueId(item.id, at, ids);
        item.incidentId = ownerId(v, at, incidentId);
        item.list = enumeration<ChecklistKind>(v, at, "list", 3, &checklistKindToString,
                                               &checklistKindFromString);
        item.position = static_cast<int>(
            integer(v, at, "position", 0, std::numeric_limits<int>::max(), kPosition));
        item.text = str(v, at, "text");
        item.checked = boolean(v, at, "checked");
        item.checkedBy = str(v, at, "checkedBy");
        item.checkedAt = time(v, at, "checkedAt");
        item.deleted = boolean(v, at, "deleted");
        item.stamp = stamp(v, at);
        return item;
    }

    ActionItem readAction(const Json &v, const QString &at, const QString &incidentId,
                          QSet<QString> &ids)
    {
        c.object(v, at,
                 {"id", "incidentId", "description", "owner", "due", "status", "createdAt",
                  "deleted", "stamp"});
        ActionItem a;
        a.id = id(v, at, "id");
        uniqueId(a.id, at, ids);
        a.incidentId = ownerId(v, at, incidentId);
        a.description = str(v, at, "description");
        a.owner = str(v, at, "owner");
        const QString dueAt = Checker::key(at, "due");
        const Json &due = need(v, at, "due", kDate);
        if (!due.is_null()) {
            if (!due.is_string())
                c.fail(dueAt, kDate);
            const QString s = jsoncheck::toQString(due.get_ref<const std::string &>());
            a.due = QDate::fromString(s, Qt::ISODate);
            // fromString is lenient about some shapes; only the canonical form round-trips.
            if (!a.due.isValid() || a.due.toString(Qt::ISODate) != s)
                c.fail(dueAt, kDate);
        }
        a.status = enumeration<ActionStatus>(v, at, "status", 3, &actionStatusToString,
                                             &actionStatusFromString);
        a.createdAt = time(v, at, "createdAt");
        a.deleted = boolean(v, at, "deleted");
        a.stamp = stamp(v, at);
        return a;
    }
};

} // namespace

FormatError::FormatError(QString origin, QString where, QString expected)
    : Error(Kind::Format, QCoreApplication::translate("idesk::IncidentJson", "%1: %2: expected %3")
                              .arg(origin, where, expected)),
      m_origin(std::move(origin)), m_where(std::move(where)), m_expected(std::move(expected))
{}

namespace {

// The rows in the order the timeline shows them: by when each event happened (its newest
// revision's time), events at the same moment in the order they were created, and each
// event's revisions together, oldest first. Every key is a value, so the order is the same
// whatever order the rows arrive in.
std::vector<const TimelineEvent *> timelineOrder(const std::vector<TimelineEvent> &events)
{
    struct Place
    {
        QDateTime occurredAt;
        int newestRevision = 0;
        QString createdStamp; // the first revision's stamp
        int firstRevision = std::numeric_limits<int>::max();
    };
    QHash<QString, Place> places;
    for (const TimelineEvent &e : events) {
        Place &p = places[e.eventId];
        if (e.revision >= p.newestRevision) {
            p.newestRevision = e.revision;
            p.occurredAt = e.occurredAt;
        }
        if (e.revision < p.firstRevision) {
            p.firstRevision = e.revision;
            p.createdStamp = e.stamp.hlc;
        }
    }
    std::vector<const TimelineEvent *> out;
    out.reserve(events.size());
    for (const TimelineEvent &e : events)
        out.push_back(&e);
    std::stable_sort(out.begin(), out.end(), [&](const TimelineEvent *a, const TimelineEvent *b) {
        const Place &pa = places[a->eventId];
        const Place &pb = places[b->eventId];
        const qint64 ta = pa.occurredAt.toMSecsSinceEpoch();
        const qint64 tb = pb.occurredAt.toMSecsSinceEpoch();
        return std::tie(ta, pa.createdStamp, a->eventId, a->revision, a->id) <
               std::tie(tb, pb.createdStamp, b->eventId, b->revision, b->id);
    });
    return out;
}

} // namespace

QByteArray bundleToJson(const IncidentBundle &b)
{
    Json j;
    j["schema"] = kIncidentSchema;
    j["incident"] = incidentToJson(b.incident);
    Json events = Json::array();
    for (const TimelineEvent *e : timelineOrder(b.events))
        events.push_back(eventToJson(*e));
    j["events"] = std::move(events);
    Json checklist = Json::array();
    for (const ChecklistItem &c : b.checklist)
        checklist.push_back(checklistItemToJson(c));
    j["checklist"] = std::move(checklist);
    Json actions = Json::array();
    for (const ActionItem &a : b.actions)
        actions.push_back(actionToJson(a));
    j["actions"] = std::move(actions);
    return jsoncheck::dump(j);
}

IncidentBundle bundleFromJson(const QByteArray &json, const QString &origin, const QDateTime &now)
{
    jsoncheck::SyntaxError syntax;
    const auto root = jsoncheck::parse(json, syntax);
    if (!root && !syntax.path.isEmpty())
        throw FormatError(origin, syntax.path, syntax.detail);
    if (!root)
        throw FormatError(
            origin,
            QCoreApplication::translate("idesk::IncidentJson", "byte %1").arg(syntax.offset),
            QCoreApplication::translate("idesk::IncidentJson", "valid JSON: %1")
                .arg(syntax.detail));
    return Reader(origin, now).read(*root);
}

} // namespace idesk
