#include "storage/store.h"

#include "storage/migrations.h"
#include "storage/sqlutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <spdlog/spdlog.h>
#include <string>
#include <tuple>
#include <utility>

namespace idesk {

using storage::execPrepared;
using storage::execSql;
using storage::prepareSql;
using storage::textValue;
using storage::timeValue;

namespace {

Error::Kind kindOf(StoreError::Code code)
{
    switch (code) {
    case StoreError::Code::NotFound:
        return Error::Kind::NotFound;
    case StoreError::Code::Conflict:
    case StoreError::Code::Ambiguous:
        return Error::Kind::Conflict;
    case StoreError::Code::Busy:
        return Error::Kind::Busy;
    default:
        return Error::Kind::Storage;
    }
}

} // namespace

StoreError::StoreError(Code code, QString message)
    : Error(kindOf(code), std::move(message)), m_code(code)
{}

namespace {

using Code = StoreError::Code;

// quick_check reads every page; below this size that costs well under a second at startup.
constexpr qint64 kQuickCheckLimit = 64 * 1024 * 1024;
constexpr int kCacheKiB = 32 * 1024;

const QString kEntityIncident = QStringLiteral("incidents");
const QString kEntityEvent = QStringLiteral("timeline_events");
const QString kEntityChecklist = QStringLiteral("checklist_items");
const QString kEntityAction = QStringLiteral("action_items");
const QString kEntityPostmortem = QStringLiteral("postmortems");
const QString kEntityConflict = QStringLiteral("conflicts");

quint32 bigEndian32(const QByteArray &b, int offset)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + offset;
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

// What the bytes on disk say before SQLite gets the file.
struct Probe
{
    bool hadData = false;
    // The header's page count says the file is shorter than it should be. Only a hint: the
    // header is read without SQLite's locks, and another process checkpointing writes page 1
    // before the pages that follow it. SQLite confirms or clears it once the file is open.
    QString suspectedTruncation;
};

// SQLite would happily "open" a text file and only fail later, and some of its first steps
// (journal mode, a hot journal) may write, so the header is checked first. Reads bytes only when
// readBytes: while this process has a connection to the file, opening it again is unsafe
// (closing any descriptor of a file drops every POSIX lock the process holds on it).
Probe probeFile(const QString &path, bool readBytes)
{
    const QFileInfo fi(path);
    const QFileInfo dir(fi.absolutePath());
    if (!dir.isDir())
        throw StoreError(Code::CannotOpen,
                         QStringLiteral("Cannot open the database %1: the folder %2 does not exist")
                             .arg(path, dir.absoluteFilePath()));
    if (!fi.exists()) {
        if (!dir.isWritable())
            throw StoreError(Code::CannotOpen,
                             QStringLiteral("Cannot create the database %1: no permission to "
                                            "write in %2")
                                 .arg(path, dir.absoluteFilePath()));
        return {};
    }
    if (fi.isDir())
        throw StoreError(Code::CannotOpen,
                         QStringLiteral("Cannot open the database %1: it is a folder").arg(path));
    // A FIFO, socket or device would block the open or read forever, or be no file at all.
    if (!fi.isFile())
        throw StoreError(Code::CannotOpen,
                         QStringLiteral("Cannot open the database %1: it is not a regular file "
                                        "(a pipe, socket or device). It was left untouched.")
                             .arg(path));
    if (!fi.isReadable() || !fi.isWritable())
        throw StoreError(Code::CannotOpen,
                         QStringLiteral("Cannot open the database %1: no permission to read and "
                                        "write it")
                             .arg(path));
    if (!readBytes)
        return {fi.size() > 0, {}};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw StoreError(
            Code::CannotOpen,
            QStringLiteral("Cannot open the database %1: %2").arg(path, f.errorString()));
    const qint64 size = f.size();
    if (size == 0)
        return {}; // SQLite treats an empty file as a new database
    const QByteArray header = f.read(100);
    f.close();
    static constexpr char kMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                        'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};
    if (header.size() < 16 || std::memcmp(header.constData(), kMagic, 16) != 0)
        throw StoreError(Code::NotADatabase,
                         QStringLiteral("%1 is not an IncidentDesk database (it is not an SQLite "
                                        "file). It was left untouched.")
                             .arg(path));
    const auto corrupt = [&](const QString &why) {
        return StoreError(Code::Corrupt,
                          QStringLiteral("The database %1 is damaged (%2). It was left untouched; "
                                         "restore it from a backup.")
                              .arg(path, why));
    };
    if (header.size() < 100)
        throw corrupt(QStringLiteral("the file is truncated inside its header"));
    const auto *h = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = (quint32(h[16]) << 8) | h[17];
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        throw corrupt(QStringLiteral("invalid page size %1").arg(pageSize));
    if (size % pageSize != 0)
        throw corrupt(QStringLiteral("the file ends inside a page"));
    // The header's page count is trustworthy only when stamped by the same write as the change
    // counter, and a non-empty WAL may legitimately hold pages a checkpoint had not yet copied.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool walHasData = wal.exists() && wal.size() > 0;
    const quint32 pages = bigEndian32(header, 28);
    Probe probe{true, {}};
    if (!walHasData && bigEndian32(header, 24) == bigEndian32(header, 92) && pages > 0 &&
        size < qint64(pages) * pageSize)
        probe.suspectedTruncation = QStringLiteral("the file is truncated: %1 of %2 pages present")
                                        .arg(size / pageSize)
                                        .arg(pages);
    return probe;
}

// How many connections this process has open to each database file. SQLite shares its locks
// between connections of one process, but nothing else may open the file while one is open.
struct OpenFiles
{
    QMutex mutex;
    QHash<QString, int> count;
};

OpenFiles &openFiles()
{
    static OpenFiles files;
    return files;
}

QString fileKey(const QString &path)
{
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    return canonical.isEmpty() ? fi.absoluteFilePath() : canonical;
}

QVariant optionalInt(const std::optional<qint64> &v)
{
    return v ? QVariant(qlonglong(*v)) : QVariant(QMetaType::fromType<qlonglong>());
}
QVariant optionalReal(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}
QVariant dateValue(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate))
                       : QVariant(QMetaType::fromType<QString>());
}

// Null-aware: a null integer is not the same value as 0.
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a == b;
}

template<typename T> struct Field
{
    const char16_t *column;
    QVariant (*get)(const T &);
};

// The mutable fields of each synced record, by column; field_hlc is keyed by these names.
const std::vector<Field<Incident>> &incidentFields()
{
    static const std::vector<Field<Incident>> fields{
        {u"title", [](const Incident &i) { return textValue(i.title); }},
        {u"severity", [](const Incident &i) { return QVariant(severityToString(i.severity)); }},
        {u"status", [](const Incident &i) { return QVariant(statusToString(i.status)); }},
        {u"commander", [](const Incident &i) { return textValue(i.commander); }},
        {u"comms_lead", [](const Incident &i) { return textValue(i.commsLead); }},
        {u"scribe", [](const Incident &i) { return textValue(i.scribe); }},
        {u"channel", [](const Incident &i) { return textValue(i.channel); }},
        {u"started_at", [](const Incident &i) { return timeValue(i.startedAt); }},
        {u"detected_at", [](const Incident &i) { return timeValue(i.detectedAt); }},
        {u"acknowledged_at", [](const Incident &i) { return timeValue(i.acknowledgedAt); }},
        {u"mitigated_at", [](const Incident &i) { return timeValue(i.mitigatedAt); }},
        {u"resolved_at", [](const Incident &i) { return timeValue(i.resolvedAt); }},
        {u"user_impact", [](const Incident &i) { return textValue(i.impact.userImpact); }},
        {u"business_impact", [](const Incident &i) { return textValue(i.impact.businessImpact); }},
        {u"affected_users", [](const Incident &i) { return optionalInt(i.impact.affectedUsers); }},
        {u"affected_users_percent",
         [](const Incident &i) { return optionalReal(i.impact.affectedUsersPercent); }},
        {u"error_rate_percent",
         [](const Incident &i) { return optionalReal(i.impact.errorRatePercent); }},
        {u"response_time_ms",
         [](const Incident &i) { return optionalReal(i.impact.responseTimeMs); }},
        {u"revenue_loss_per_hour",
         [](const Incident &i) { return optionalReal(i.impact.revenueLossPerHour); }},
        {u"regulatory", [](const Incident &i) { return QVariant(int(i.impact.regulatory)); }},
        {u"summary", [](const Incident &i) { return textValue(i.summary); }},
        {u"escalation_level", [](const Incident &i) { return QVariant(i.escalationLevel); }},
        {u"deleted", [](const Incident &i) { return QVariant(int(i.deleted)); }},
    };
    return fields;
}

const std::vector<Field<ChecklistItem>> &checklistFields()
{
    static const std::vector<Field<ChecklistItem>> fields{
        {u"list", [](const ChecklistItem &c) { return QVariant(checklistKindToString(c.list)); }},
        {u"position", [](const ChecklistItem &c) { return QVariant(c.position); }},
        {u"text", [](const ChecklistItem &c) { return textValue(c.text); }},
        {u"checked", [](const ChecklistItem &c) { return QVariant(int(c.checked)); }},
        {u"checked_by", [](const ChecklistItem &c) { return textValue(c.checkedBy); }},
        {u"checked_at", [](const ChecklistItem &c) { return timeValue(c.checkedAt); }},
        {u"deleted", [](const ChecklistItem &c) { return QVariant(int(c.deleted)); }},
    };
    return fields;
}

const std::vector<Field<ActionItem>> &actionFields()
{
    static const std::vector<Field<ActionItem>> fields{
        {u"description", [](const ActionItem &a) { return textValue(a.description); }},
        {u"owner", [](const ActionItem &a) { return textValue(a.owner); }},
        {u"due", [](const ActionItem &a) { return dateValue(a.due); }},
        {u"status", [](const ActionItem &a) { return QVariant(actionStatusToString(a.status)); }},
        {u"created_at", [](const ActionItem &a) { return timeValue(a.createdAt); }},
        {u"deleted", [](const ActionItem &a) { return QVariant(int(a.deleted)); }},
    };
    return fields;
}

template<typename T> QString columnList(const std::vector<Field<T>> &fields)
{
    QStringList cols;
    for (const auto &f : fields)
        cols << QString::fromUtf16(f.column);
    return cols.join(QStringLiteral(", "));
}

QString placeholders(int n)
{
    QStringList q;
    for (int i = 0; i < n; ++i)
        q << QStringLiteral("?");
    return q.join(QLatin1Char(','));
}

// Every field stamped with one HLC: what a freshly created or imported row starts with.
template<typename T>
QString uniformFieldHlc(const std::vector<Field<T>> &fields, const QString &hlc)
{
    QJsonObject o;
    for (const auto &f : fields)
        o.insert(QString::fromUtf16(f.column), hlc);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// INSERT of a synced mutable record: id, incident_id (rows hanging off an incident), its fields,
// field_hlc, hlc, site_id.
template<typename T>
void insertRecord(QSqlDatabase &db, const QString &table, const std::vector<Field<T>> &fields,
                  const QString &id, const QString &incidentId, const T &row, const QString &hlc,
                  const QString &siteId)
{
    const bool child = !incidentId.isEmpty();
    QSqlQuery q = prepareSql(
        db, QStringLiteral("INSERT INTO %1(id, %2%3, field_hlc, field_site, hlc, site_id) "
                           "VALUES(%4)")
                .arg(table, child ? QStringLiteral("incident_id, ") : QString(), columnList(fields),
                     placeholders(int(fields.size()) + (child ? 6 : 5))));
    int i = 0;
    q.bindValue(i++, id);
    if (child)
        q.bindValue(i++, incidentId);
    for (const auto &f : fields)
        q.bindValue(i++, f.get(row));
    q.bindValue(i++, uniformFieldHlc(fields, hlc));
    q.bindValue(i++, uniformFieldHlc(fields, siteId));
    q.bindValue(i++, hlc);
    q.bindValue(i++, siteId);
    execPrepared(q, QStringLiteral("Inserting into %1").arg(table));
}

// Writes only the fields that differ and stamps each of them in field_hlc, so a sync merge can
// pick the last writer field by field. Returns false (and writes nothing) when nothing changed.
template<typename T>
bool updateRecord(QSqlDatabase &db, const QString &table, const std::vector<Field<T>> &fields,
                  const QString &id, const T &before, const T &after, const QString &hlc,
                  const QString &siteId)
{
    QStringList sets;
    QVariantList values;
    QStringList changed;
    for (const auto &f : fields) {
        QVariant a = f.get(after);
        if (sameValue(f.get(before), a))
            continue;
        const QString col = QString::fromUtf16(f.column);
        sets << col + QStringLiteral(" = ?");
        values << a;
        changed << col;
    }
    if (changed.isEmpty())
        return false;

    QSqlQuery read = prepareSql(
        db, QStringLiteral("SELECT field_hlc, field_site FROM %1 WHERE id = ?").arg(table));
    read.addBindValue(id);
    execPrepared(read, QStringLiteral("Reading field stamps"));
    QJsonObject stamps, sites;
    if (read.next()) {
        stamps = QJsonDocument::fromJson(read.value(0).toString().toUtf8()).object();
        sites = QJsonDocument::fromJson(read.value(1).toString().toUtf8()).object();
    }
    read.finish();
    for (const QString &col : changed) {
        stamps.insert(col, hlc);
        sites.insert(col, siteId);
    }

    QSqlQuery q = prepareSql(db, QStringLiteral("UPDATE %1 SET %2, field_hlc = ?, field_site = ?, "
                                                "hlc = ?, site_id = ? WHERE id = ?")
                                     .arg(table, sets.join(QStringLiteral(", "))));
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    q.bindValue(i++, QString::fromUtf8(QJsonDocument(stamps).toJson(QJsonDocument::Compact)));
    q.bindValue(i++, QString::fromUtf8(QJsonDocument(sites).toJson(QJsonDocument::Compact)));
    q.bindValue(i++, hlc);
    q.bindValue(i++, siteId);
    q.bindValue(i++, id);
    execPrepared(q, QStringLiteral("Updating %1").arg(table));
    return true;
}

// The outbox row for a change, prepared once per transaction and reused for batches.
class OutboxWriter
{
public:
    explicit OutboxWriter(QSqlDatabase &db)
        : m_q(db, QStringLiteral("INSERT INTO outbox(op_id, entity, row_id, hlc, created_at) "
                                 "VALUES(?, ?, ?, ?, ?)"))
    {}
    void add(const QString &entity, const QString &rowId, const QString &hlc,
             const QString &createdAt)
    {
        // Real time, not the injected clock: the id's order only keeps the index compact.
        const QString opId = storage::orderedUuid(QDateTime::currentMSecsSinceEpoch());
        m_q.bind(1, opId);
        m_q.bind(2, entity);
        m_q.bind(3, rowId);
        m_q.bind(4, hlc);
        m_q.bind(5, createdAt);
        m_q.step(QStringLiteral("Writing the outbox"));
    }

private:
    storage::BulkStatement m_q;
};

const QString kEventColumns =
    QStringLiteral("id, event_id, incident_id, revision, occurred_at, recorded_at, kind, author, "
                   "text, source, pinned, deleted, hlc, site_id");

class EventWriter
{
public:
    explicit EventWriter(QSqlDatabase &db)
        : m_q(db, QStringLiteral("INSERT INTO timeline_events(id, event_id, incident_id, revision, "
                                 "supersedes, occurred_at, recorded_at, kind, author, text, "
                                 "source, pinned, deleted, is_current, hlc, site_id, created_hlc) "
                                 "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"))
    {}
    // recordedAt is passed pre-formatted: a batch shares one and formatting is not free.
    // createdHlc: the stamp of the event's first revision (ties in time sort by it).
    void insert(const TimelineEvent &e, const QString &recordedAt, const QString &supersedes,
                bool isCurrent, const QString &createdHlc)
    {
        const QString occurredAt = toIsoUtc(e.occurredAt);
        const QString kind = eventKindToString(e.kind);
        m_q.bind(1, e.id);
        m_q.bind(2, e.eventId);
        m_q.bind(3, e.incidentId);
        m_q.bind(4, qint64(e.revision));
        if (supersedes.isEmpty())
            m_q.bindNull(5);
        else
            m_q.bind(5, supersedes);
        m_q.bind(6, occurredAt);
        m_q.bind(7, recordedAt);
        m_q.bind(8, kind);
        m_q.bindText(9, e.author);
        m_q.bindText(10, e.text);
        m_q.bindText(11, e.source);
        m_q.bind(12, qint64(e.pinned));
        m_q.bind(13, qint64(e.deleted));
        m_q.bind(14, qint64(isCurrent));
        m_q.bind(15, e.stamp.hlc);
        m_q.bind(16, e.stamp.siteId);
        m_q.bind(17, createdHlc);
        m_q.step(QStringLiteral("Writing a timeline event"));
    }

private:
    storage::BulkStatement m_q;
};

TimelineEvent readEvent(const QSqlQuery &q)
{
    TimelineEvent e;
    e.id = q.value(0).toString();
    e.eventId = q.value(1).toString();
    e.incidentId = q.value(2).toString();
    e.revision = q.value(3).toInt();
    e.occurredAt = fromIso(q.value(4).toString());
    e.recordedAt = fromIso(q.value(5).toString());
    e.kind = eventKindFromString(q.value(6).toString()).value_or(EventKind::Note);
    e.author = q.value(7).toString();
    e.text = q.value(8).toString();
    e.source = q.value(9).toString();
    e.pinned = q.value(10).toBool();
    e.deleted = q.value(11).toBool();
    e.stamp = {q.value(12).toString(), q.value(13).toString()};
    return e;
}

std::vector<TimelineEvent> readEvents(QSqlQuery &q)
{
    std::vector<TimelineEvent> out;
    while (q.next())
        out.push_back(readEvent(q));
    return out;
}

std::optional<qint64> readOptionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}
std::optional<double> readOptionalReal(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toDouble();
}

const QString kIncidentSelect =
    QStringLiteral("SELECT id, %1, hlc, site_id FROM incidents").arg(columnList(incidentFields()));

Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    int c = 0;
    i.id = q.value(c++).toString();
    i.title = q.value(c++).toString();
    i.severity = severityFromString(q.value(c++).toString()).value_or(Severity::P2);
    i.status = statusFromString(q.value(c++).toString()).value_or(IncidentStatus::Investigating);
    i.commander = q.value(c++).toString();
    i.commsLead = q.value(c++).toString();
    i.scribe = q.value(c++).toString();
    i.channel = q.value(c++).toString();
    i.startedAt = fromIso(q.value(c++).toString());
    i.detectedAt = fromIso(q.value(c++).toString());
    i.acknowledgedAt = fromIso(q.value(c++).toString());
    i.mitigatedAt = fromIso(q.value(c++).toString());
    i.resolvedAt = fromIso(q.value(c++).toString());
    i.impact.userImpact = q.value(c++).toString();
    i.impact.businessImpact = q.value(c++).toString();
    i.impact.affectedUsers = readOptionalInt(q.value(c++));
    i.impact.affectedUsersPercent = readOptionalReal(q.value(c++));
    i.impact.errorRatePercent = readOptionalReal(q.value(c++));
    i.impact.responseTimeMs = readOptionalReal(q.value(c++));
    i.impact.revenueLossPerHour = readOptionalReal(q.value(c++));
    i.impact.regulatory = q.value(c++).toBool();
    i.summary = q.value(c++).toString();
    i.escalationLevel = q.value(c++).toInt();
    i.deleted = q.value(c++).toBool();
    i.stamp.hlc = q.value(c++).toString();
    i.stamp.siteId = q.value(c++).toString();
    return i;
}

const QString kChecklistSelect =
    QStringLiteral("SELECT id, incident_id, %1, hlc, site_id FROM checklist_items")
        .arg(columnList(checklistFields()));

ChecklistItem readChecklistItem(const QSqlQuery &q)
{
    ChecklistItem c;
    int n = 0;
    c.id = q.value(n++).toString();
    c.incidentId = q.value(n++).toString();
    c.list =
        checklistKindFromString(q.value(n++).toString()).value_or(ChecklistKind::InitialAssessment);
    c.position = q.value(n++).toInt();
    c.text = q.value(n++).toString();
    c.checked = q.value(n++).toBool();
    c.checkedBy = q.value(n++).toString();
    c.checkedAt = fromIso(q.value(n++).toString());
    c.deleted = q.value(n++).toBool();
    c.stamp.hlc = q.value(n++).toString();
    c.stamp.siteId = q.value(n++).toString();
    return c;
}

const QString kActionSelect =
    QStringLiteral("SELECT id, incident_id, %1, hlc, site_id FROM action_items")
        .arg(columnList(actionFields()));

ActionItem readActionItem(const QSqlQuery &q)
{
    ActionItem a;
    int n = 0;
    a.id = q.value(n++).toString();
    a.incidentId = q.value(n++).toString();
    a.description = q.value(n++).toString();
    a.owner = q.value(n++).toString();
    a.due = QDate::fromString(q.value(n++).toString(), Qt::ISODate);
    a.status = actionStatusFromString(q.value(n++).toString()).value_or(ActionStatus::Open);
    a.createdAt = fromIso(q.value(n++).toString());
    a.deleted = q.value(n++).toBool();
    a.stamp.hlc = q.value(n++).toString();
    a.stamp.siteId = q.value(n++).toString();
    return a;
}

// Checklists are shown in runbook order (the enum), not in the alphabetical order of their names.
void sortChecklist(std::vector<ChecklistItem> &items)
{
    std::stable_sort(items.begin(), items.end(),
                     [](const ChecklistItem &a, const ChecklistItem &b) {
                         return std::tuple(int(a.list), a.position, a.id) <
                                std::tuple(int(b.list), b.position, b.id);
                     });
}

bool incidentExists(const QSqlDatabase &db, const QString &id)
{
    QSqlQuery q = prepareSql(db, QStringLiteral("SELECT 1 FROM incidents WHERE id = ?"));
    q.addBindValue(id);
    execPrepared(q, QStringLiteral("Looking up an incident"));
    return q.next();
}

void requireIncident(const QSqlDatabase &db, const QString &id)
{
    if (!incidentExists(db, id))
        throw StoreError(Code::NotFound, QStringLiteral("No incident with id %1").arg(id));
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q = prepareSql(db, sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    execPrepared(q, sql.simplified());
    return q.next() ? q.value(0) : QVariant();
}

int scalarInt(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    return scalar(db, sql, binds).toInt();
}

QString scalarText(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    return scalar(db, sql, binds).toString();
}

} // namespace

// ---- opening -------------------------------------------------------------------------------

Store::Store(QString path, const Clock &clock, QString connectionName)
    : m_path(std::move(path)), m_clock(clock), m_connectionName(std::move(connectionName)),
      m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName))
{}

Store::~Store()
{
    // removeDatabase warns (and leaks) while any QSqlDatabase copy of the connection is alive.
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_fileKey.isEmpty()) {
        OpenFiles &files = openFiles();
        QMutexLocker lock(&files.mutex);
        if (--files.count[m_fileKey] <= 0)
            files.count.remove(m_fileKey);
    }
}

std::unique_ptr<Store> Store::open(const QString &path, const Clock &clock,
                                   const QString &connectionName, Verify verify)
{
    const QString name =
        connectionName.isEmpty() ? QStringLiteral("idesk-store-") + newUuid() : connectionName;
    if (QSqlDatabase::contains(name))
        throw StoreError(Code::CannotOpen,
                         QStringLiteral("Cannot open %1: the connection name %2 is already in use")
                             .arg(path, name));
    const QString key = fileKey(path);
    Probe probe;
    {
        // Held across the probe, so no other thread opens a connection while the bytes are read.
        OpenFiles &files = openFiles();
        QMutexLocker lock(&files.mutex);
        probe = probeFile(path, files.count.value(key) == 0);
        ++files.count[key];
    }
    std::unique_ptr<Store> store(new Store(QFileInfo(path).absoluteFilePath(), clock, name));
    store->m_fileKey = key; // from here the destructor gives the count back
    store->openConnection(probe.hadData, verify, probe.suspectedTruncation);
    return store;
}

void Store::openConnection(bool hadData, Verify verify, const QString &suspectedTruncation)
{
    if (!m_db.isValid())
        throw StoreError(
            Code::CannotOpen,
            QStringLiteral("Cannot open %1: the Qt SQLite driver is not available").arg(m_path));
    m_db.setDatabaseName(m_path);
    if (!m_db.open())
        throw StoreError(
            Code::CannotOpen,
            QStringLiteral("Cannot open the database %1: %2").arg(m_path, m_db.lastError().text()));

    // Until the file is known to be ours and readable, only statements that never write run.
    // Any of them may be the first to read a damaged page.
    const auto inspect = [this](const QString &sql) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (q.exec(sql))
            return q;
        const QSqlError e = q.lastError();
        const int code = storage::sqliteCode(e);
        const QString why = e.databaseText().isEmpty() ? e.text() : e.databaseText();
        if (code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */)
            throw damaged(QStringLiteral("SQLite: ") + why);
        throw StoreError(Code::CannotOpen,
                         QStringLiteral("Cannot open the database %1: %2").arg(m_path, why));
    };
    inspect(QStringLiteral("PRAGMA busy_timeout = %1").arg(storage::kBusyTimeoutMs));
    // Qt's SQLite driver binds and reads text as UTF-16; a new file stores it that way, so
    // reading a long timeline does not convert every value from UTF-8.
    if (!hadData)
        inspect(QStringLiteral("PRAGMA encoding = 'UTF-16le'"));
    inspect(QStringLiteral("PRAGMA foreign_keys = ON"));
    inspect(QStringLiteral("PRAGMA synchronous = FULL"));
    QSqlQuery v = inspect(QStringLiteral("PRAGMA user_version"));
    const int version = v.next() ? v.value(0).toInt() : 0;
    v.finish();
    // Reading the schema touches more pages than the header alone.
    inspect(QStringLiteral("SELECT count(*) FROM sqlite_master")).finish();

    const int target = storage::targetSchemaVersion();
    if (version > target)
        throw StoreError(Code::TooNew,
                         QStringLiteral("The database %1 has schema version %2, but this version "
                                        "of IncidentDesk only understands up to %3. Update "
                                        "IncidentDesk; the file was left untouched.")
                             .arg(m_path)
                             .arg(version)
                             .arg(target));

    // A truncation the raw header suggested is judged by SQLite, under its locks, whatever the
    // size: a false alarm would tell the user to restore a healthy file from a backup.
    if (hadData && (!suspectedTruncation.isEmpty() ||
                    (verify == Verify::AllPages && QFileInfo(m_path).size() <= kQuickCheckLimit))) {
        const QString problems = integrityProblems();
        if (!problems.isEmpty())
            throw damaged(suspectedTruncation.isEmpty()
                              ? QStringLiteral("SQLite integrity check: ") + problems
                              : suspectedTruncation);
        if (!suspectedTruncation.isEmpty())
            spdlog::debug("{}: the header read before opening was stale ({}); SQLite finds the "
                          "file sound",
                          m_path.toStdString(), suspectedTruncation.toStdString());
    }

    if (version < target)
        storage::runMigrations(m_db, m_path, version, hadData);

    QSqlQuery mode = execSql(m_db, QStringLiteral("PRAGMA journal_mode = WAL"));
    const QString journal = mode.next() ? mode.value(0).toString() : QString();
    mode.finish();
    if (journal.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        spdlog::warn("SQLite could not switch {} to WAL (journal mode is {}); commits stay durable "
                     "but readers block writers",
                     m_path.toStdString(), journal.toStdString());
    execSql(m_db, QStringLiteral("PRAGMA synchronous = FULL"));
    // SQLite's default 2 MiB page cache makes a large batch or import spill half-written index
    // pages to the WAL and read them back; pages are only allocated as they are used.
    execSql(m_db, QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
    loadMeta();
}

void Store::loadMeta()
{
    QSqlQuery q = execSql(m_db, QStringLiteral("SELECT key, value FROM meta"));
    QString hlc;
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == QStringLiteral("site_id"))
            m_siteId = q.value(1).toString();
        else if (key == QStringLiteral("hlc"))
            hlc = q.value(1).toString();
    }
    q.finish();
    if (m_siteId.isEmpty())
        throw StoreError(Code::Corrupt,
                         QStringLiteral("The database %1 has no site id").arg(m_path));
    if (const auto last = HlcStamp::parse(hlc))
        m_hlc.restore(*last);
}

void Store::persistHlc()
{
    QSqlQuery q = prepareSql(m_db, QStringLiteral("INSERT INTO meta(key, value) VALUES('hlc', ?) "
                                                  "ON CONFLICT(key) DO UPDATE SET value = "
                                                  "excluded.value"));
    q.addBindValue(m_hlc.last().toString());
    execPrepared(q, QStringLiteral("Saving the clock"));
}

QString Store::nextHlc()
{
    return m_hlc.tick(m_clock.now().toMSecsSinceEpoch()).toString();
}

int Store::schemaVersion() const
{
    return scalarInt(m_db, QStringLiteral("PRAGMA user_version"));
}

int Store::pendingOutbox() const
{
    return scalarInt(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE pushed_at IS NULL"));
}

void Store::observeRemoteStamp(const QString &hlc)
{
    const auto remote = HlcStamp::parse(hlc);
    if (!remote || !(m_hlc.last() < *remote))
        return;
    m_hlc.receive(*remote, m_clock.now().toMSecsSinceEpoch());
    persistHlc();
}

QStringList syncedFields(const QString &entity)
{
    QStringList out;
    const auto collect = [&out](const auto &fields) {
        for (const auto &f : fields)
            out << QString::fromUtf16(f.column);
    };
    if (entity == kEntityIncident)
        collect(incidentFields());
    else if (entity == kEntityChecklist)
        collect(checklistFields());
    else if (entity == kEntityAction)
        collect(actionFields());
    else if (entity == kEntityPostmortem)
        out << QStringLiteral("body") << QStringLiteral("updated_at");
    else if (entity == kEntityConflict)
        out << QStringLiteral("reviewed");
    return out;
}

Store::Transaction::Transaction(Store &store) : m_store(store)
{
    if (m_store.m_txDepth == 0) {
        execSql(m_store.m_db, QStringLiteral("BEGIN IMMEDIATE"));
        m_store.m_txFailed = false;
    }
    ++m_store.m_txDepth;
}

Store::Transaction::~Transaction()
{
    if (m_done)
        return;
    if (--m_store.m_txDepth == 0)
        QSqlQuery(m_store.m_db).exec(QStringLiteral("ROLLBACK"));
    else
        m_store.m_txFailed = true;
}

void Store::Transaction::commit()
{
    if (m_store.m_txFailed)
        throw StoreError(Code::Query,
                         QStringLiteral("A step of this change failed, so none of it was saved "
                                        "in %1.")
                             .arg(m_store.m_path));
    m_done = true;
    if (--m_store.m_txDepth > 0)
        return;
    try {
        execSql(m_store.m_db, QStringLiteral("COMMIT"));
    } catch (...) {
        // A failed COMMIT (a busy reader, a full disk) may leave the transaction open.
        QSqlQuery(m_store.m_db).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

qint64 Store::dataVersion() const
{
    QSqlQuery q = execSql(m_db, QStringLiteral("PRAGMA data_version"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

// ---- incidents -----------------------------------------------------------------------------

Incident Store::declareIncident(const NewIncident &n)
{
    Incident inc;
    inc.id = newUuid();
    inc.title = n.title;
    inc.severity = n.severity;
    inc.status = IncidentStatus::Investigating;
    inc.commander = n.commander;
    const QDateTime now = m_clock.now();
    inc.startedAt = (n.startedAt.isValid() ? n.startedAt : now).toUTC();
    inc.detectedAt = inc.startedAt;

    Transaction tx(*this);
    // Numbered inside the write transaction, so two windows declaring at once get 001 and 002.
    const QDate day = inc.startedAt.date();
    const QString prefix = channelPrefix(day);
    QString prefixEnd = prefix;
    prefixEnd.back() = QChar(prefix.back().unicode() + 1);
    QSqlQuery seq = prepareSql(m_db, QStringLiteral("SELECT count(*), max(CAST(substr(channel, ?) "
                                                    "AS INTEGER)) FROM incidents "
                                                    "WHERE channel >= ? AND channel < ?"));
    seq.addBindValue(prefix.size() + 1);
    seq.addBindValue(prefix);
    seq.addBindValue(prefixEnd);
    execPrepared(seq, QStringLiteral("Numbering the channel"));
    int sequence = 1;
    if (seq.next())
        sequence = std::max(seq.value(0).toInt(), seq.value(1).toInt()) + 1;
    seq.finish();
    inc.channel = channelName(day, sequence);

    const QString hlc = nextHlc();
    inc.stamp = {hlc, m_siteId};
    insertRecord(m_db, kEntityIncident, incidentFields(), inc.id, {}, inc, hlc, m_siteId);
    OutboxWriter(m_db).add(kEntityIncident, inc.id, hlc, toIsoUtc(now));
    persistHlc();
    tx.commit();
    return inc;
}

std::vector<Incident> Store::incidents(bool includeDeleted) const
{
    QSqlQuery q =
        prepareSql(m_db, kIncidentSelect +
                             (includeDeleted ? QString() : QStringLiteral(" WHERE deleted = 0")) +
                             QStringLiteral(" ORDER BY started_at DESC, id"));
    execPrepared(q, QStringLiteral("Listing incidents"));
    std::vector<Incident> out;
    while (q.next())
        out.push_back(readIncident(q));
    return out;
}

std::vector<IncidentSummary> Store::incidentSummaries(int limit) const
{
    QSqlQuery q = prepareSql(m_db, QStringLiteral("SELECT id, title, severity, status, channel, "
                                                  "commander, started_at FROM incidents WHERE "
                                                  "deleted = 0 ORDER BY started_at DESC, id "
                                                  "LIMIT ?"));
    q.addBindValue(limit < 0 ? -1 : limit); // SQLite reads a negative limit as none
    execPrepared(q, QStringLiteral("Listing incidents"));
    std::vector<IncidentSummary> out;
    while (q.next()) {
        IncidentSummary s;
        s.id = q.value(0).toString();
        s.title = q.value(1).toString();
        s.severity = severityFromString(q.value(2).toString()).value_or(Severity::P2);
        s.status = statusFromString(q.value(3).toString()).value_or(IncidentStatus::Investigating);
        s.channel = q.value(4).toString();
        s.commander = q.value(5).toString();
        s.startedAt = fromIso(q.value(6).toString());
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<Incident> Store::incident(const QString &id) const
{
    QSqlQuery q = prepareSql(m_db, kIncidentSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    execPrepared(q, QStringLiteral("Reading an incident"));
    if (!q.next())
        return std::nullopt;
    return readIncident(q);
}

// The error for a lookup that matched several incidents: the user picks one from the list.
static QString ambiguityMessage(const Store &store, const QString &key, const QStringList &ids)
{
    constexpr int kListed = 10;
    // One arg() call: a '%1' typed as the name must not be filled in by the later ones.
    QString text = QStringLiteral("'%1' is ambiguous: it matches %2%3 incidents; give the full id")
                       .arg(key, ids.size() > kListed ? QStringLiteral("more than ") : QString(),
                            QString::number(std::min<qsizetype>(ids.size(), kListed)));
    for (const QString &id : ids.mid(0, kListed)) {
        const auto inc = store.incident(id);
        text += QStringLiteral("\n  %1  %2  %3%4")
                    .arg(id, inc ? inc->channel : QString(), inc ? inc->title : QString(),
                         inc && inc->deleted ? QStringLiteral(" (deleted)") : QString());
    }
    return text;
}

std::optional<Incident> Store::findIncident(const QString &idOrPrefix) const
{
    const QString key = idOrPrefix.trimmed();
    if (key.isEmpty())
        return std::nullopt;
    if (auto exact = incident(key))
        return exact;

    // A channel (with or without its leading '#') and an id prefix are looked up together: a
    // channel named like another incident's short id must not take that name over silently.
    const QString channel = key.startsWith(QLatin1Char('#')) ? key : QLatin1Char('#') + key;
    QSqlQuery byChannel =
        prepareSql(m_db, QStringLiteral("SELECT id, deleted FROM incidents "
                                        "WHERE channel = ? ORDER BY deleted, id"));
    byChannel.addBindValue(channel);
    execPrepared(byChannel, QStringLiteral("Finding an incident by channel"));
    QStringList matches, deletedByChannel;
    while (byChannel.next())
        (byChannel.value(1).toBool() ? deletedByChannel : matches) << byChannel.value(0).toString();
    byChannel.finish();

    if (key.size() >= 4 && !key.startsWith(QLatin1Char('#'))) {
        QSqlQuery byPrefix = prepareSql(m_db, QStringLiteral("SELECT id FROM incidents WHERE "
                                                             "substr(id, 1, ?) = ? ORDER BY id "
                                                             "LIMIT 11"));
        const QString prefix = key.toLower();
        byPrefix.addBindValue(prefix.size());
        byPrefix.addBindValue(prefix);
        execPrepared(byPrefix, QStringLiteral("Finding an incident by id prefix"));
        while (byPrefix.next()) {
            const QString id = byPrefix.value(0).toString();
            if (!matches.contains(id))
                matches << id;
        }
        byPrefix.finish();
    }

    // A live incident wins over a deleted namesake.
    if (matches.isEmpty() && deletedByChannel.size() == 1)
        return incident(deletedByChannel.front());
    if (matches.isEmpty() && deletedByChannel.size() > 1)
        matches = deletedByChannel;
    if (matches.isEmpty())
        return std::nullopt;
    if (matches.size() == 1)
        return incident(matches.front());
    throw StoreError(Code::Ambiguous, ambiguityMessage(*this, key, matches));
}

void Store::updateIncident(const Incident &changed)
{
    Transaction tx(*this);
    const auto before = incident(changed.id);
    if (!before)
        throw StoreError(Code::NotFound, QStringLiteral("No incident with id %1").arg(changed.id));
    const QString hlc = nextHlc();
    if (!updateRecord(m_db, kEntityIncident, incidentFields(), changed.id, *before, changed, hlc,
                      m_siteId))
        return; // nothing differs: no stamp, no outbox row
    OutboxWriter(m_db).add(kEntityIncident, changed.id, hlc, toIsoUtc(m_clock.now()));
    persistHlc();
    tx.commit();
}

// ---- timeline ------------------------------------------------------------------------------

TimelineEvent Store::addEvent(const QString &incidentId, const NewEvent &e)
{
    auto added = addEvents(incidentId, {e});
    return added.front();
}

std::vector<TimelineEvent> Store::addEvents(const QString &incidentId,
                                            const std::vector<NewEvent> &events)
{
    if (events.empty())
        return {};
    Transaction tx(*this);
    requireIncident(m_db, incidentId);
    const QDateTime now = m_clock.now();
    const QString nowIso = toIsoUtc(now);
    EventWriter writer(m_db);
    OutboxWriter outbox(m_db);
    std::vector<TimelineEvent> out;
    out.reserve(events.size());
    for (const NewEvent &n : events) {
        TimelineEvent e;
        e.id = storage::randomUuid();
        e.eventId = e.id;
        e.incidentId = incidentId;
        e.revision = 1;
        e.occurredAt = n.occurredAt.isValid() ? n.occurredAt.toUTC() : now;
        e.recordedAt = now;
        e.kind = n.kind;
        e.author = n.author;
        e.text = n.text;
        e.source = n.source;
        e.pinned = n.pinned;
        e.stamp = {nextHlc(), m_siteId};
        writer.insert(e, nowIso, {}, true, e.stamp.hlc);
        outbox.add(kEntityEvent, e.id, e.stamp.hlc, nowIso);
        out.push_back(std::move(e));
    }
    persistHlc();
    tx.commit();
    return out;
}

TimelineEvent Store::editEvent(const QString &eventId, const EventChange &change)
{
    Transaction tx(*this);
    const TimelineEvent revised = reviseEvent(eventId, change);
    tx.commit();
    return revised;
}

std::vector<TimelineEvent> Store::editEvents(const std::vector<QString> &eventIds,
                                             const EventChange &change)
{
    Transaction tx(*this);
    std::vector<TimelineEvent> revised;
    revised.reserve(eventIds.size());
    for (const QString &id : eventIds)
        revised.push_back(reviseEvent(id, change));
    tx.commit();
    return revised;
}

TimelineEvent Store::reviseEvent(const QString &eventId, const EventChange &change)
{
    const auto current = currentEvent(eventId);
    if (!current)
        throw StoreError(Code::NotFound,
                         QStringLiteral("No timeline event with id %1").arg(eventId));
    TimelineEvent next = *current;
    if (change.occurredAt && change.occurredAt->isValid()) // the timeline has no untimed events
        next.occurredAt = change.occurredAt->toUTC();
    if (change.kind)
        next.kind = *change.kind;
    if (change.author)
        next.author = *change.author;
    if (change.text)
        next.text = *change.text;
    if (change.pinned)
        next.pinned = *change.pinned;
    if (change.deleted)
        next.deleted = *change.deleted;
    if (next == *current)
        return *current; // an edit that changes nothing adds no revision

    const QDateTime now = m_clock.now();
    next.id = storage::randomUuid();
    next.revision = current->revision + 1;
    next.recordedAt = now;
    next.stamp = {nextHlc(), m_siteId};

    // is_current is a local read index, not synced content: the old revision's data stays as is.
    QSqlQuery retire = prepareSql(m_db, QStringLiteral("UPDATE timeline_events SET is_current = 0 "
                                                       "WHERE event_id = ? AND is_current = 1"));
    retire.addBindValue(eventId);
    execPrepared(retire, QStringLiteral("Superseding a timeline event"));
    const QString nowIso = toIsoUtc(now);
    const QString createdHlc =
        scalarText(m_db, QStringLiteral("SELECT created_hlc FROM timeline_events WHERE id = ?"),
                   {current->id});
    EventWriter(m_db).insert(next, nowIso, current->id, true, createdHlc);
    OutboxWriter(m_db).add(kEntityEvent, next.id, next.stamp.hlc, nowIso);
    persistHlc();
    return next;
}

std::vector<TimelineEvent> Store::events(const EventQuery &query) const
{
    QSqlQuery q = prepareSql(
        m_db, QStringLiteral("SELECT %1 FROM timeline_events "
                             "WHERE incident_id = ? AND is_current = 1 %2%3"
                             "ORDER BY occurred_at, created_hlc "
                             "LIMIT ? OFFSET ?")
                  .arg(kEventColumns,
                       query.includeDeleted ? QString() : QStringLiteral("AND deleted = 0 "),
                       query.source.isEmpty() ? QString() : QStringLiteral("AND source = ? ")));
    q.addBindValue(query.incidentId);
    if (!query.source.isEmpty())
        q.addBindValue(query.source);
    q.addBindValue(query.limit < 0 ? -1 : query.limit);
    q.addBindValue(std::max(0, query.offset));
    execPrepared(q, QStringLiteral("Reading the timeline"));
    return readEvents(q);
}

int Store::eventCount(const QString &incidentId, bool includeDeleted) const
{
    return scalarInt(m_db,
                     QStringLiteral("SELECT count(*) FROM timeline_events WHERE incident_id = ? "
                                    "AND is_current = 1") +
                         (includeDeleted ? QString() : QStringLiteral(" AND deleted = 0")),
                     {incidentId});
}

std::vector<TimelineEvent> Store::eventHistory(const QString &eventId) const
{
    QSqlQuery q = prepareSql(m_db, QStringLiteral("SELECT %1 FROM timeline_events WHERE "
                                                  "event_id = ? ORDER BY revision, hlc, site_id")
                                       .arg(kEventColumns));
    q.addBindValue(eventId);
    execPrepared(q, QStringLiteral("Reading an event's history"));
    return readEvents(q);
}

std::optional<TimelineEvent> Store::currentEvent(const QString &eventId) const
{
    QSqlQuery q = prepareSql(m_db, QStringLiteral("SELECT %1 FROM timeline_events WHERE "
                                                  "event_id = ? AND is_current = 1 "
                                                  "ORDER BY revision DESC, hlc DESC LIMIT 1")
                                       .arg(kEventColumns));
    q.addBindValue(eventId);
    execPrepared(q, QStringLiteral("Reading a timeline event"));
    if (!q.next())
        return std::nullopt;
    return readEvent(q);
}

// ---- checklists ----------------------------------------------------------------------------

std::vector<ChecklistItem> Store::checklist(const QString &incidentId) const
{
    QSqlQuery q = prepareSql(m_db, kChecklistSelect +
                                       QStringLiteral(" WHERE incident_id = ? AND deleted = 0"));
    q.addBindValue(incidentId);
    execPrepared(q, QStringLiteral("Reading the checklist"));
    std::vector<ChecklistItem> out;
    while (q.next())
        out.push_back(readChecklistItem(q));
    sortChecklist(out);
    return out;
}

ChecklistItem Store::addChecklistItem(const QString &incidentId, ChecklistKind list,
                                      const QString &text)
{
    Transaction tx(*this);
    requireIncident(m_db, incidentId);
    ChecklistItem item;
    item.id = newUuid();
    item.incidentId = incidentId;
    item.list = list;
    item.text = text;
    item.position = scalarInt(m_db,
                              QStringLiteral("SELECT coalesce(max(position), -1) + 1 FROM "
                                             "checklist_items WHERE incident_id = ? AND list = ?"),
                              {incidentId, checklistKindToString(list)});
    const QString hlc = nextHlc();
    item.stamp = {hlc, m_siteId};

    insertRecord(m_db, kEntityChecklist, checklistFields(), item.id, incidentId, item, hlc,
                 m_siteId);
    OutboxWriter(m_db).add(kEntityChecklist, item.id, hlc, toIsoUtc(m_clock.now()));
    persistHlc();
    tx.commit();
    return item;
}

void Store::setChecklistItem(const QString &itemId, bool checked, const QString &by)
{
    Transaction tx(*this);
    QSqlQuery q = prepareSql(m_db, kChecklistSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(itemId);
    execPrepared(q, QStringLiteral("Reading a checklist item"));
    if (!q.next())
        throw StoreError(Code::NotFound,
                         QStringLiteral("No checklist item with id %1").arg(itemId));
    const ChecklistItem before = readChecklistItem(q);
    q.finish();
    if (before.checked == checked)
        return; // keeps who checked it first and when
    const QDateTime now = m_clock.now();
    ChecklistItem after = before;
    after.checked = checked;
    after.checkedBy = checked ? by : QString();
    after.checkedAt = checked ? now : QDateTime();
    const QString hlc = nextHlc();
    updateRecord(m_db, kEntityChecklist, checklistFields(), itemId, before, after, hlc, m_siteId);
    OutboxWriter(m_db).add(kEntityChecklist, itemId, hlc, toIsoUtc(now));
    persistHlc();
    tx.commit();
}

StoreError Store::damaged(const QString &why) const
{
    return StoreError(Code::Corrupt,
                      QStringLiteral("The database %1 is damaged (%2). It was left untouched; "
                                     "restore it from a backup.")
                          .arg(m_path, why));
}

void Store::requireSound() const
{
    const QString problems = integrityProblems();
    if (!problems.isEmpty())
        throw damaged(QStringLiteral("SQLite integrity check: ") + problems);
}

QString Store::integrityProblems() const
{
    // Qt words a failed step as "Unable to fetch row"; SQLite's own text says what is wrong.
    const auto failure = [](const QSqlError &e) {
        const QString why = e.databaseText().isEmpty() ? e.text() : e.databaseText();
        return QStringLiteral("SQLite could not read every page: %1").arg(why);
    };
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check(3)")))
        return failure(check.lastError());
    QStringList problems;
    while (check.next()) {
        const QStringList lines = check.value(0).toString().split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (!line.startsWith(QStringLiteral("***"))) // "*** in database main ***"
                problems << line.simplified();
        }
    }
    if (check.lastError().isValid())
        problems << failure(check.lastError());
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    return problems.join(QStringLiteral("; "));
}

// ---- post-mortem ---------------------------------------------------------------------------

std::optional<QByteArray> Store::postmortem(const QString &incidentId) const
{
    QSqlQuery q =
        prepareSql(m_db, QStringLiteral("SELECT body FROM postmortems WHERE incident_id = ?"));
    q.addBindValue(incidentId);
    execPrepared(q, QStringLiteral("Reading a post-mortem"));
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString().toUtf8();
}

void Store::savePostmortem(const QString &incidentId, const QByteArray &json)
{
    Transaction tx(*this);
    requireIncident(m_db, incidentId);
    if (postmortem(incidentId) == json)
        return; // autosave of an unchanged document writes nothing
    const QString nowIso = toIsoUtc(m_clock.now());
    const QString hlc = nextHlc();
    QSqlQuery q = prepareSql(
        m_db, QStringLiteral("INSERT INTO postmortems(incident_id, body, updated_at, hlc, site_id) "
                             "VALUES(?,?,?,?,?) ON CONFLICT(incident_id) DO UPDATE SET "
                             "body = excluded.body, updated_at = excluded.updated_at, "
                             "hlc = excluded.hlc, site_id = excluded.site_id"));
    q.addBindValue(incidentId);
    q.addBindValue(QString::fromUtf8(json));
    q.addBindValue(nowIso);
    q.addBindValue(hlc);
    q.addBindValue(m_siteId);
    execPrepared(q, QStringLiteral("Saving a post-mortem"));
    OutboxWriter(m_db).add(kEntityPostmortem, incidentId, hlc, nowIso);
    persistHlc();
    tx.commit();
}

// ---- action items --------------------------------------------------------------------------

std::vector<ActionItem> Store::actionItems(const QString &incidentId) const
{
    QSqlQuery q = prepareSql(m_db, kActionSelect + QStringLiteral(" WHERE incident_id = ? AND "
                                                                  "deleted = 0 ORDER BY "
                                                                  "created_at, id"));
    q.addBindValue(incidentId);
    execPrepared(q, QStringLiteral("Reading action items"));
    std::vector<ActionItem> out;
    while (q.next())
        out.push_back(readActionItem(q));
    return out;
}

ActionItem Store::addActionItem(const QString &incidentId, const QString &description,
                                const QString &owner, const QDate &due)
{
    Transaction tx(*this);
    requireIncident(m_db, incidentId);
    const QDateTime now = m_clock.now();
    ActionItem a;
    a.id = newUuid();
    a.incidentId = incidentId;
    a.description = description;
    a.owner = owner;
    a.due = due;
    a.createdAt = now;
    const QString hlc = nextHlc();
    a.stamp = {hlc, m_siteId};

    insertRecord(m_db, kEntityAction, actionFields(), a.id, incidentId, a, hlc, m_siteId);
    OutboxWriter(m_db).add(kEntityAction, a.id, hlc, toIsoUtc(now));
    persistHlc();
    tx.commit();
    return a;
}

void Store::updateActionItem(const ActionItem &changed)
{
    Transaction tx(*this);
    QSqlQuery q = prepareSql(m_db, kActionSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(changed.id);
    execPrepared(q, QStringLiteral("Reading an action item"));
    if (!q.next())
        throw StoreError(Code::NotFound,
                         QStringLiteral("No action item with id %1").arg(changed.id));
    const ActionItem before = readActionItem(q);
    q.finish();
    // The incident and creation time are identity, not editable fields.
    ActionItem after = changed;
    after.incidentId = before.incidentId;
    after.createdAt = before.createdAt;
    const QString hlc = nextHlc();
    if (!updateRecord(m_db, kEntityAction, actionFields(), changed.id, before, after, hlc,
                      m_siteId))
        return;
    OutboxWriter(m_db).add(kEntityAction, changed.id, hlc, toIsoUtc(m_clock.now()));
    persistHlc();
    tx.commit();
}

// ---- bundles -------------------------------------------------------------------------------

// ---- sync conflicts ------------------------------------------------------------------------

namespace {

// One field of a per-field stamped record, written as a local edit: the value, the field's
// stamp and the row's newest stamp. The caller adds the outbox row.
void stampField(QSqlDatabase &db, const QString &table, const QString &id, const QString &field,
                const QVariant &value, const QString &hlc, const QString &siteId)
{
    QSqlQuery read = prepareSql(
        db, QStringLiteral("SELECT field_hlc, field_site FROM %1 WHERE id = ?").arg(table));
    read.addBindValue(id);
    execPrepared(read, QStringLiteral("Reading field stamps"));
    if (!read.next())
        throw StoreError(StoreError::Code::NotFound,
                         QStringLiteral("No row %1 in %2").arg(id, table));
    QJsonObject stamps = QJsonDocument::fromJson(read.value(0).toString().toUtf8()).object();
    QJsonObject sites = QJsonDocument::fromJson(read.value(1).toString().toUtf8()).object();
    read.finish();
    stamps.insert(field, hlc);
    sites.insert(field, siteId);
    QSqlQuery q = prepareSql(db, QStringLiteral("UPDATE %1 SET %2 = ?, field_hlc = ?, field_site "
                                                "= ?, hlc = ?, site_id = ? WHERE id = ?")
                                     .arg(table, field));
    q.addBindValue(value);
    q.addBindValue(QString::fromUtf8(QJsonDocument(stamps).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(sites).toJson(QJsonDocument::Compact)));
    q.addBindValue(hlc);
    q.addBindValue(siteId);
    q.addBindValue(id);
    execPrepared(q, QStringLiteral("Updating %1").arg(table));
}

std::optional<QString> optionalText(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<QString>(v.toString());
}

} // namespace

std::vector<SyncConflict> Store::conflicts(bool includeReviewed) const
{
    QSqlQuery q = prepareSql(
        m_db,
        QStringLiteral("SELECT c.id, c.entity, c.row_id, c.field, c.loser_value, c.loser_site, "
                       "c.loser_hlc, c.winner_hlc, c.detected_at, c.reviewed, CASE c.entity "
                       "WHEN 'checklist_items' THEN (SELECT incident_id FROM checklist_items WHERE "
                       "id = c.row_id) WHEN 'action_items' THEN (SELECT incident_id FROM "
                       "action_items WHERE id = c.row_id) ELSE c.row_id END FROM conflicts c "
                       "WHERE ? OR c.reviewed = 0 ORDER BY c.detected_at DESC, c.id"));
    q.addBindValue(int(includeReviewed));
    execPrepared(q, QStringLiteral("Reading conflicts"));
    std::vector<SyncConflict> out;
    while (q.next()) {
        SyncConflict c;
        c.id = q.value(0).toString();
        c.entity = q.value(1).toString();
        c.rowId = q.value(2).toString();
        c.field = q.value(3).toString();
        c.mine = optionalText(q.value(4));
        c.loserSite = q.value(5).toString();
        c.loserHlc = q.value(6).toString();
        c.winnerHlc = q.value(7).toString();
        c.detectedAt = fromIso(q.value(8).toString());
        c.reviewed = q.value(9).toInt() != 0;
        c.incidentId = q.value(10).toString();
        out.push_back(std::move(c));
    }
    q.finish();
    for (SyncConflict &c : out) {
        // Names reach SQL only when this build syncs them.
        if (!syncedFields(c.entity).contains(c.field))
            continue;
        QSqlQuery v =
            prepareSql(m_db, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                 .arg(c.field, c.entity,
                                      c.entity == kEntityPostmortem ? QStringLiteral("incident_id")
                                                                    : QStringLiteral("id")));
        v.addBindValue(c.rowId);
        execPrepared(v, QStringLiteral("Reading a conflict's current value"));
        if (v.next())
            c.theirs = optionalText(v.value(0));
    }
    return out;
}

void Store::setConflictReviewed(const QString &conflictId, bool reviewed)
{
    Transaction tx(*this);
    if (scalarInt(m_db, QStringLiteral("SELECT reviewed FROM conflicts WHERE id = ?"),
                  {conflictId}) == int(reviewed))
        return;
    const QString hlc = nextHlc();
    stampField(m_db, kEntityConflict, conflictId, QStringLiteral("reviewed"), int(reviewed), hlc,
               m_siteId);
    OutboxWriter(m_db).add(kEntityConflict, conflictId, hlc, toIsoUtc(m_clock.now()));
    persistHlc();
    tx.commit();
}

void Store::restoreConflict(const QString &conflictId)
{
    Transaction tx(*this);
    QSqlQuery q = prepareSql(
        m_db,
        QStringLiteral("SELECT entity, row_id, field, loser_value FROM conflicts WHERE id = ?"));
    q.addBindValue(conflictId);
    execPrepared(q, QStringLiteral("Reading a conflict"));
    if (!q.next())
        throw StoreError(Code::NotFound, QStringLiteral("No conflict with id %1").arg(conflictId));
    const QString entity = q.value(0).toString();
    const QString rowId = q.value(1).toString();
    const QString field = q.value(2).toString();
    const QVariant value = q.value(3);
    q.finish();
    if (!syncedFields(entity).contains(field) || entity == kEntityConflict)
        throw StoreError(Code::NotFound,
                         QStringLiteral("This build cannot restore %1.%2").arg(entity, field));
    const QString hlc = nextHlc();
    const QString now = toIsoUtc(m_clock.now());
    if (entity == kEntityPostmortem) {
        // One stamp for the whole document.
        QSqlQuery u = prepareSql(m_db, QStringLiteral("UPDATE postmortems SET %1 = ?, hlc = ?, "
                                                      "site_id = ? WHERE incident_id = ?")
                                           .arg(field));
        u.addBindValue(value);
        u.addBindValue(hlc);
        u.addBindValue(m_siteId);
        u.addBindValue(rowId);
        execPrepared(u, QStringLiteral("Restoring a post-mortem"));
    } else {
        stampField(m_db, entity, rowId, field, value, hlc, m_siteId);
    }
    OutboxWriter outbox(m_db);
    outbox.add(entity, rowId, hlc, now);
    if (scalarInt(m_db, QStringLiteral("SELECT reviewed FROM conflicts WHERE id = ?"),
                  {conflictId}) == 0) {
        const QString reviewHlc = nextHlc();
        stampField(m_db, kEntityConflict, conflictId, QStringLiteral("reviewed"), 1, reviewHlc,
                   m_siteId);
        outbox.add(kEntityConflict, conflictId, reviewHlc, now);
    }
    persistHlc();
    tx.commit();
}

std::optional<QSet<QString>> Store::unsyncedEvents(const QString &incidentId) const
{
    if (scalarText(m_db, QStringLiteral("SELECT value FROM meta WHERE key = 'sync_server_id'"))
            .isEmpty())
        return std::nullopt;
    QSqlQuery q = prepareSql(m_db, QStringLiteral("SELECT DISTINCT e.event_id FROM outbox o JOIN "
                                                  "timeline_events e ON e.id = o.row_id WHERE "
                                                  "o.pushed_at IS NULL AND o.entity = ? AND "
                                                  "e.incident_id = ?"));
    q.addBindValue(kEntityEvent);
    q.addBindValue(incidentId);
    execPrepared(q, QStringLiteral("Reading the timeline's waiting changes"));
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

qint64 Store::timelinePosition() const
{
    return scalar(m_db, QStringLiteral("SELECT coalesce(max(rowid), 0) FROM timeline_events"), {})
        .toLongLong();
}

std::vector<TimelineEvent> Store::eventsRevisedAfter(const QString &incidentId,
                                                     qint64 position) const
{
    QSqlQuery q = prepareSql(m_db, QStringLiteral("SELECT %1 FROM timeline_events WHERE "
                                                  "is_current = 1 AND event_id IN (SELECT "
                                                  "event_id FROM timeline_events WHERE "
                                                  "incident_id = ? AND rowid > ?) ORDER BY "
                                                  "occurred_at, event_id")
                                       .arg(kEventColumns));
    q.addBindValue(incidentId);
    q.addBindValue(position);
    execPrepared(q, QStringLiteral("Reading new timeline revisions"));
    return readEvents(q);
}

IncidentBundle Store::bundle(const QString &incidentId) const
{
    IncidentBundle b;
    const auto inc = incident(incidentId);
    if (!inc)
        throw StoreError(Code::NotFound, QStringLiteral("No incident with id %1").arg(incidentId));
    b.incident = *inc;

    QSqlQuery ev = prepareSql(m_db, QStringLiteral("SELECT %1 FROM timeline_events WHERE "
                                                   "incident_id = ? ORDER BY hlc, site_id, id")
                                        .arg(kEventColumns));
    ev.addBindValue(incidentId);
    execPrepared(ev, QStringLiteral("Reading the timeline for export"));
    b.events = readEvents(ev);

    QSqlQuery cl = prepareSql(m_db, kChecklistSelect + QStringLiteral(" WHERE incident_id = ?"));
    cl.addBindValue(incidentId);
    execPrepared(cl, QStringLiteral("Reading the checklist for export"));
    while (cl.next())
        b.checklist.push_back(readChecklistItem(cl));
    sortChecklist(b.checklist);

    QSqlQuery ac = prepareSql(
        m_db, kActionSelect + QStringLiteral(" WHERE incident_id = ? ORDER BY created_at, id"));
    ac.addBindValue(incidentId);
    execPrepared(ac, QStringLiteral("Reading action items for export"));
    while (ac.next())
        b.actions.push_back(readActionItem(ac));
    return b;
}

void Store::importBundle(const IncidentBundle &b)
{
    const QString incidentId = b.incident.id;
    if (incidentId.isEmpty())
        throw StoreError(Code::Query, QStringLiteral("The incident to import has no id"));
    const auto foreign = [&](const QString &rowIncident) { return rowIncident != incidentId; };
    if (std::any_of(b.events.begin(), b.events.end(),
                    [&](const TimelineEvent &e) { return foreign(e.incidentId); }) ||
        std::any_of(b.checklist.begin(), b.checklist.end(),
                    [&](const ChecklistItem &c) { return foreign(c.incidentId); }) ||
        std::any_of(b.actions.begin(), b.actions.end(),
                    [&](const ActionItem &a) { return foreign(a.incidentId); }))
        throw StoreError(Code::Query,
                         QStringLiteral("The bundle for incident %1 holds rows of another incident")
                             .arg(incidentId));

    if (b.incident.deleted)
        throw StoreError(Code::Query,
                         QStringLiteral("Incident %1 is marked deleted and cannot be imported. "
                                        "Nothing was changed.")
                             .arg(incidentId));

    Transaction tx(*this);
    if (incidentExists(m_db, incidentId))
        throw StoreError(Code::Conflict,
                         QStringLiteral("Incident %1 (%2) already exists in this database")
                             .arg(incidentId, b.incident.channel));
    // A channel names one incident: a second one would make `show #channel` ambiguous, or let
    // an imported file take the name over.
    if (!b.incident.channel.isEmpty()) {
        QSqlQuery same =
            prepareSql(m_db, QStringLiteral("SELECT id, title FROM incidents WHERE "
                                            "channel = ? ORDER BY deleted, id LIMIT 1"));
        same.addBindValue(b.incident.channel);
        execPrepared(same, QStringLiteral("Checking the channel of an imported incident"));
        if (same.next())
            throw StoreError(Code::Conflict,
                             QStringLiteral("Cannot import incident %1: the channel %2 already "
                                            "belongs to incident %3 (%4). Nothing was changed.")
                                 .arg(incidentId, b.incident.channel, same.value(0).toString(),
                                      same.value(1).toString()));
    }

    const QDateTime now = m_clock.now();
    const QString nowIso = toIsoUtc(now);
    HlcStamp newest = m_hlc.last();
    // Rows keep the stamps they came with; one without a stamp becomes a local change.
    const auto stampOf = [&](const SyncStamp &s) {
        if (s.hlc.isEmpty())
            return SyncStamp{nextHlc(), m_siteId};
        const auto parsed = HlcStamp::parse(s.hlc);
        if (!parsed)
            throw StoreError(Code::Query,
                             QStringLiteral("The stamp %1 in the incident to import is not %2. "
                                            "Nothing was changed.")
                                 .arg(s.hlc, HlcStamp::formatHint()));
        newest = std::max(newest, *parsed);
        // Stamps are compared as text too, so only the fixed-width form sorts right.
        return SyncStamp{parsed->toString(), s.siteId.isEmpty() ? m_siteId : s.siteId};
    };
    OutboxWriter outbox(m_db);

    const SyncStamp incStamp = stampOf(b.incident.stamp);
    insertRecord(m_db, kEntityIncident, incidentFields(), incidentId, {}, b.incident, incStamp.hlc,
                 incStamp.siteId);
    outbox.add(kEntityIncident, incidentId, incStamp.hlc, nowIso);

    // A revision supersedes the previous revision of its event; the newest one is current.
    std::map<std::pair<QString, int>, QString> revisionIds;
    std::map<QString, const TimelineEvent *> newestRevision;
    std::map<QString, const TimelineEvent *> firstRevision;
    for (const TimelineEvent &e : b.events) {
        revisionIds[{e.eventId, e.revision}] = e.id;
        auto &first = firstRevision[e.eventId];
        if (!first || e.revision < first->revision)
            first = &e;
        auto &top = newestRevision[e.eventId];
        if (!top || std::tie(e.revision, e.stamp.hlc, e.stamp.siteId) >
                        std::tie(top->revision, top->stamp.hlc, top->stamp.siteId))
            top = &e;
    }
    EventWriter writer(m_db);
    for (const TimelineEvent &e : b.events) {
        TimelineEvent row = e;
        row.stamp = stampOf(e.stamp);
        const auto prev = revisionIds.find({e.eventId, e.revision - 1});
        writer.insert(row, toIsoUtc(e.recordedAt),
                      prev == revisionIds.end() ? QString() : prev->second,
                      newestRevision[e.eventId] == &e,
                      firstRevision[e.eventId]->stamp.hlc.isEmpty()
                          ? row.stamp.hlc
                          : stampOf(firstRevision[e.eventId]->stamp).hlc);
        outbox.add(kEntityEvent, row.id, row.stamp.hlc, nowIso);
    }

    for (const ChecklistItem &c : b.checklist) {
        const SyncStamp s = stampOf(c.stamp);
        insertRecord(m_db, kEntityChecklist, checklistFields(), c.id, incidentId, c, s.hlc,
                     s.siteId);
        outbox.add(kEntityChecklist, c.id, s.hlc, nowIso);
    }

    for (const ActionItem &a : b.actions) {
        const SyncStamp s = stampOf(a.stamp);
        insertRecord(m_db, kEntityAction, actionFields(), a.id, incidentId, a, s.hlc, s.siteId);
        outbox.add(kEntityAction, a.id, s.hlc, nowIso);
    }

    // Later local edits must sort after everything imported, whatever this machine's clock says.
    if (m_hlc.last() < newest)
        m_hlc.receive(newest, now.toMSecsSinceEpoch());
    persistHlc();
    tx.commit();
}

namespace {

// The store writes every time as "yyyy-MM-ddTHH:mm:ss.zzzZ"; those are read without building a
// QDateTime, anything else through fromIso().
qint64 isoUtcToMs(QStringView s)
{
    if (s.size() == 24 && s[4] == u'-' && s[7] == u'-' && s[10] == u'T' && s[13] == u':' &&
        s[16] == u':' && s[19] == u'.' && s[23] == u'Z') {
        bool ok = true;
        const auto number = [&](int from, int len) {
            int v = 0;
            for (int i = from; i < from + len; ++i) {
                const char16_t c = s[i].unicode();
                ok = ok && c >= u'0' && c <= u'9';
                v = v * 10 + (c - u'0');
            }
            return v;
        };
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        const int h = number(11, 2), m = number(14, 2), sec = number(17, 2), ms = number(20, 3);
        if (ok && date.isValid() && h < 24 && m < 60 && sec < 60)
            return (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400000 +
                   ((h * 60 + m) * 60 + sec) * 1000 + ms;
    }
    return fromIso(s.toString()).toMSecsSinceEpoch();
}

// Short values that repeat from row to row (authors, sources): one string for each, so a list
// of 100,000 rows holds a handful of them. The last few values are compared in place, which
// spares most rows both an allocation and a hash; the rest go through a table.
class SharedStrings
{
public:
    QString get(QStringView v)
    {
        for (const QString &s : m_recent) {
            if (s.size() == v.size() && QStringView(s) == v && !s.isNull())
                return s;
        }
        QString fresh = v.toString();
        if (fresh.size() > 64)
            return fresh;
        const auto it = m_all.constFind(fresh);
        if (it != m_all.constEnd())
            fresh = *it;
        else if (m_all.size() < 10000)
            m_all.insert(fresh, fresh);
        m_recent[m_next] = fresh;
        m_next = (m_next + 1) % m_recent.size();
        return fresh;
    }

private:
    std::array<QString, 16> m_recent;
    std::size_t m_next = 0;
    QHash<QString, QString> m_all;
};

} // namespace

void readTimelineList(Store &store, const QString &incidentId, int offset,
                      const std::function<bool(TimelineListEvent &&)> &each)
{
    QSqlDatabase &db = store.db();
    // The connection's usual cache serves writes; this read would fill it with pages it never
    // reads again, so it runs with SQLite's default size and puts the usual one back after.
    const int cache = scalarInt(db, QStringLiteral("PRAGMA cache_size"));
    execSql(db, QStringLiteral("PRAGMA cache_size = -2000"));
    const auto restore = qScopeGuard(
        [&] { QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(cache)); });
    // The statements below read one snapshot, so the offset found first still holds for the
    // main read.
    execSql(db, QStringLiteral("SAVEPOINT timeline_list"));
    const auto release =
        qScopeGuard([&] { QSqlQuery(db).exec(QStringLiteral("RELEASE timeline_list")); });
    const QString rows = QStringLiteral("FROM timeline_events WHERE incident_id = ? AND "
                                        "is_current = 1 AND deleted = 0 ");
    const QString context = QStringLiteral("Reading the timeline");

    // The index gives occurred_at order for free; events()'s tie-break on created_hlc would make
    // SQLite sort every row's columns through a temporary b-tree, group by group. Ties are put
    // in order here instead, so the read starts where the offset's group of equal times starts
    // and skips the part of that group the offset covers.
    qint64 from = 0;
    int skip = 0;
    if (offset > 0) {
        QString boundary;
        {
            storage::BulkStatement at(db, QStringLiteral("SELECT occurred_at ") + rows +
                                              QStringLiteral("ORDER BY occurred_at LIMIT 1 "
                                                             "OFFSET ?"));
            at.bind(1, incidentId);
            at.bind(2, qint64(offset - 1));
            if (!at.next(context))
                return;
            boundary = at.textAt(0).toString();
        }
        storage::BulkStatement before(db, QStringLiteral("SELECT count(*) ") + rows +
                                              QStringLiteral("AND occurred_at < ?"));
        before.bind(1, incidentId);
        before.bind(2, boundary);
        if (before.next(context))
            from = before.integerAt(0);
        skip = offset - int(from);
    }

    // Straight from SQLite's UTF-16 rows into the strings kept: a QSqlQuery would first copy
    // every value of every row into a QVariant.
    storage::BulkStatement q(
        db, QStringLiteral("SELECT event_id, occurred_at, revision, kind, pinned, author, text, "
                           "source, created_hlc ") +
                rows + QStringLiteral("ORDER BY occurred_at LIMIT -1 OFFSET ?"));
    q.bind(1, incidentId);
    q.bind(2, from);

    // One group of rows with the same occurred_at, in the order read; their created_hlc (as
    // stored, compared as SQLite's BINARY collation does) orders them. Buffers are reused.
    std::vector<TimelineListEvent> group;
    std::vector<std::string> hlcs;
    std::vector<std::size_t> order;
    std::u16string groupTime;
    SharedStrings authors, sources;
    bool stopped = false;
    const auto flush = [&] {
        order.resize(group.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        if (group.size() > 1)
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return hlcs[a] < hlcs[b]; });
        for (const std::size_t i : order) {
            if (skip > 0) {
                --skip;
                continue;
            }
            if (!stopped && !each(std::move(group[i])))
                stopped = true;
        }
        group.clear();
    };
    while (!stopped && q.next(context)) {
        const QStringView time = q.textAt(1);
        if (group.empty() || QStringView(groupTime) != time) {
            if (!group.empty())
                flush();
            if (stopped)
                break;
            groupTime.assign(time.utf16(), std::size_t(time.size()));
        }
        const QByteArrayView hlc = q.bytesAt(8);
        if (hlcs.size() <= group.size())
            hlcs.resize(group.size() + 1);
        hlcs[group.size()].assign(hlc.data(), std::size_t(hlc.size()));
        TimelineListEvent &e = group.emplace_back();
        e.eventId = q.textAt(0).toString();
        e.occurredMs = isoUtcToMs(time);
        e.revision = int(q.integerAt(2));
        e.kind = eventKindFromString(q.textAt(3)).value_or(EventKind::Note);
        e.pinned = q.integerAt(4) != 0;
        e.author = authors.get(q.textAt(5));
        e.text = q.textAt(6).toString();
        e.source = sources.get(q.textAt(7));
    }
    if (!stopped && !group.empty())
        flush();
}

// ---- diagnostics evidence ------------------------------------------------------------------

void saveDiagnosticOutput(Store &store, const DiagnosticOutput &output)
{
    Store::Transaction tx(store);
    QSqlQuery q = prepareSql(store.db(),
                             QStringLiteral("INSERT INTO diagnostic_outputs(event_id, incident_id, "
                                            "check_id, output, truncated, recorded_at) "
                                            "VALUES(?,?,?,?,?,?)"));
    q.addBindValue(output.eventId);
    q.addBindValue(output.incidentId);
    q.addBindValue(output.checkId);
    q.addBindValue(output.output);
    q.addBindValue(output.truncated ? 1 : 0);
    q.addBindValue(toIsoUtc(output.recordedAt));
    execPrepared(q, QStringLiteral("Saving a diagnostic output"));
    tx.commit();
}

std::optional<DiagnosticOutput> diagnosticOutput(Store &store, const QString &eventId)
{
    QSqlQuery q = prepareSql(store.db(), QStringLiteral("SELECT incident_id, check_id, output, "
                                                        "truncated FROM diagnostic_outputs "
                                                        "WHERE event_id = ?"));
    q.addBindValue(eventId);
    execPrepared(q, QStringLiteral("Reading a diagnostic output"));
    if (!q.next())
        return std::nullopt;
    DiagnosticOutput o;
    o.eventId = eventId;
    o.incidentId = q.value(0).toString();
    o.checkId = q.value(1).toString();
    o.output = q.value(2).toString();
    o.truncated = q.value(3).toInt() != 0;
    return o;
}

} // namespace idesk
