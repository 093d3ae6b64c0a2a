#include "sync/syncengine.h"

#include "core/types.h"
#include "storage/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <map>
#include <tuple>

namespace idesk::sync {

namespace {

const QString kIncidents = QStringLiteral("incidents");
const QString kEvents = QStringLiteral("timeline_events");
const QString kPostmortems = QStringLiteral("postmortems");

// ---- local SQLite helpers ------------------------------------------------------------------

QSqlQuery localExec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw StoreError(StoreError::Code::Query,
                         QStringLiteral("Sync: %1").arg(q.lastError().text()));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        throw StoreError(StoreError::Code::Query,
                         QStringLiteral("Sync: %1").arg(q.lastError().text()));
    return q;
}

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

PgParam fromVariant(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

QVariant toVariant(const PgParam &p)
{
    return p ? QVariant(*p) : QVariant(QMetaType::fromType<QString>());
}

QString meta(QSqlDatabase &db, const QString &key)
{
    QSqlQuery q = localExec(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    return q.next() ? q.value(0).toString() : QString();
}

void setMeta(QSqlDatabase &db, const QString &key, const QString &value)
{
    localExec(db,
              QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO "
                             "UPDATE SET value = excluded.value"),
              {key, value});
}

bool perRow(const QString &entity)
{
    return entity == kPostmortems;
}

QString keyColumn(const QString &entity)
{
    return perRow(entity) ? QStringLiteral("incident_id") : QStringLiteral("id");
}

using Stamp = std::pair<QString, QString>; // (hlc, site_id): compared as text, like the server

// One mutable record as the sync sees it: values, each field's stamp and its server base.
struct LocalRecord
{
    bool exists = false;
    bool wholeRow = false; // one stamp for the record (post-mortems)
    QString incidentId;
    QHash<QString, PgParam> values;
    QJsonObject fieldHlc, fieldSite, base;
    QString hlc, site;

    Stamp stamp(const QString &field) const
    {
        if (wholeRow)
            return {hlc, site};
        // Not stamped yet: a placeholder row waiting for the server's value.
        if (!fieldHlc.contains(field))
            return {};
        return {fieldHlc.value(field).toString(), fieldSite.value(field).toString(site)};
    }
    QString baseOf(const QString &field) const { return base.value(field).toString(); }
    bool dirty(const QString &field) const { return stamp(field).first != baseOf(field); }
};

LocalRecord readLocal(QSqlDatabase &db, const QString &entity, const QString &id)
{
    const QStringList fields = syncedFields(entity);
    const bool row = perRow(entity);
    const QString sql =
        QStringLiteral("SELECT %1, %2, base_hlc, hlc, site_id, %3 FROM %4 WHERE %5 = ?")
            .arg(fields.join(QStringLiteral(", ")),
                 row ? QStringLiteral("'{}', '{}'") : QStringLiteral("field_hlc, field_site"),
                 entity == kIncidents ? QStringLiteral("id") : QStringLiteral("incident_id"),
                 entity, keyColumn(entity));
    QSqlQuery q = localExec(db, sql, {id});
    LocalRecord r;
    if (!q.next())
        return r;
    r.exists = true;
    r.wholeRow = row;
    int c = 0;
    for (const QString &f : fields)
        r.values.insert(f, fromVariant(q.value(c++)));
    r.fieldHlc = parseObject(q.value(c++).toString());
    r.fieldSite = parseObject(q.value(c++).toString());
    r.base = parseObject(q.value(c++).toString());
    r.hlc = q.value(c++).toString();
    r.site = q.value(c++).toString();
    r.incidentId = q.value(c).toString();
    return r;
}

// A row for a record first seen from the server; its fields carry no stamps yet, so the
// incoming ones all win, and the NOT NULL columns hold placeholders until they arrive.
void insertPlaceholder(QSqlDatabase &db, const QString &entity, const QString &id,
                       const QString &incidentId)
{
    if (entity == kIncidents)
        localExec(db,
                  QStringLiteral("INSERT INTO incidents(id, severity, status, channel, hlc, "
                                 "site_id) VALUES(?, 'P3', 'Investigating', '', '', '')"),
                  {id});
    else if (entity == QStringLiteral("checklist_items"))
        localExec(db,
                  QStringLiteral("INSERT INTO checklist_items(id, incident_id, list, position, "
                                 "hlc, site_id) VALUES(?, ?, 'initial-assessment', 0, '', '')"),
                  {id, incidentId});
    else if (entity == QStringLiteral("action_items"))
        localExec(db,
                  QStringLiteral("INSERT INTO action_items(id, incident_id, status, created_at, "
                                 "hlc, site_id) VALUES(?, ?, 'open', '', '', '')"),
                  {id, incidentId});
    else if (entity == kPostmortems)
        localExec(db,
                  QStringLiteral("INSERT INTO postmortems(incident_id, body, updated_at, hlc, "
                                 "site_id) VALUES(?, '', '', '', '')"),
                  {id});
}

struct FieldWrite
{
    PgParam value;
    Stamp stamp;
};

// Writes values with their stamps and moves bases; the row's own stamp becomes the newest
// field stamp, as a local edit leaves it.
void writeLocal(QSqlDatabase &db, const QString &entity, const QString &id, LocalRecord &rec,
                const std::map<QString, FieldWrite> &writes,
                const std::map<QString, QString> &bases)
{
    if (writes.empty() && bases.empty())
        return;
    QStringList sets;
    QVariantList binds;
    for (const auto &[field, w] : writes) {
        sets << field + QStringLiteral(" = ?");
        binds << toVariant(w.value);
        rec.values[field] = w.value;
        if (perRow(entity)) {
            rec.hlc = w.stamp.first;
            rec.site = w.stamp.second;
        } else {
            rec.fieldHlc.insert(field, w.stamp.first);
            rec.fieldSite.insert(field, w.stamp.second);
        }
    }
    for (const auto &[field, hlc] : bases)
        rec.base.insert(field, hlc);
    if (perRow(entity)) {
        // One stamp for the whole document: its base moves for every field at once.
        if (bases.count(QStringLiteral("body")) || bases.count(QStringLiteral("updated_at"))) {
            const QString b = bases.count(QStringLiteral("body"))
                                  ? bases.at(QStringLiteral("body"))
                                  : bases.at(QStringLiteral("updated_at"));
            rec.base.insert(QStringLiteral("body"), b);
            rec.base.insert(QStringLiteral("updated_at"), b);
        }
    } else {
        Stamp newest{rec.hlc, rec.site};
        for (auto it = rec.fieldHlc.begin(); it != rec.fieldHlc.end(); ++it) {
            const Stamp s{it.value().toString(), rec.fieldSite.value(it.key()).toString(rec.site)};
            newest = std::max(newest, s);
        }
        rec.hlc = newest.first;
        rec.site = newest.second;
        sets << QStringLiteral("field_hlc = ?") << QStringLiteral("field_site = ?");
        binds << compact(rec.fieldHlc) << compact(rec.fieldSite);
    }
    sets << QStringLiteral("base_hlc = ?") << QStringLiteral("hlc = ?")
         << QStringLiteral("site_id = ?");
    binds << compact(rec.base) << rec.hlc << rec.site << id;
    localExec(db,
              QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                  .arg(entity, sets.join(QStringLiteral(", ")), keyColumn(entity)),
              binds);
}

const QStringList &eventColumns()
{
    static const QStringList cols{
        QStringLiteral("id"),          QStringLiteral("event_id"),    QStringLiteral("incident_id"),
        QStringLiteral("revision"),    QStringLiteral("supersedes"),  QStringLiteral("occurred_at"),
        QStringLiteral("recorded_at"), QStringLiteral("kind"),        QStringLiteral("author"),
        QStringLiteral("text"),        QStringLiteral("source"),      QStringLiteral("pinned"),
        QStringLiteral("deleted"),     QStringLiteral("created_hlc"), QStringLiteral("hlc"),
        QStringLiteral("site_id")};
    return cols;
}

QJsonObject readEventRow(QSqlDatabase &db, const QString &id)
{
    QSqlQuery q = localExec(db,
                            QStringLiteral("SELECT %1 FROM timeline_events WHERE id = ?")
                                .arg(eventColumns().join(QStringLiteral(", "))),
                            {id});
    QJsonObject o;
    if (!q.next())
        return o;
    for (int i = 0; i < eventColumns().size(); ++i) {
        const QVariant v = q.value(i);
        o.insert(eventColumns().at(i), v.isNull() ? QJsonValue() : QJsonValue(v.toString()));
    }
    return o;
}

void applyEvent(QSqlDatabase &db, const QJsonObject &body)
{
    QVariantList binds;
    for (const QString &c : eventColumns()) {
        const QJsonValue v = body.value(c);
        binds << (v.isNull() || v.isUndefined() ? QVariant(QMetaType::fromType<QString>())
                                                : QVariant(v.toString()));
    }
    localExec(db,
              QStringLiteral("INSERT OR IGNORE INTO timeline_events(%1, is_current) VALUES(%2 0)")
                  .arg(eventColumns().join(QStringLiteral(", ")),
                       QStringLiteral("?, ").repeated(eventColumns().size())),
              binds);
    // Two sites may revise the same revision: the newest by (revision, hlc, site) is current
    // everywhere, and the other stays in the history.
    const QString eventId = body.value(QStringLiteral("event_id")).toString();
    localExec(db,
              QStringLiteral("UPDATE timeline_events SET is_current = (id = (SELECT id FROM "
                             "timeline_events WHERE event_id = ? ORDER BY revision DESC, hlc "
                             "DESC, site_id DESC LIMIT 1)) WHERE event_id = ?"),
              {eventId, eventId});
}

void applyConflict(QSqlDatabase &db, const QJsonObject &c)
{
    const auto text = [&](const char *k) {
        const QJsonValue v = c.value(QLatin1String(k));
        return v.isNull() || v.isUndefined() ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(v.toString());
    };
    localExec(db,
              QStringLiteral("INSERT OR IGNORE INTO conflicts(id, entity, row_id, field, "
                             "loser_value, loser_hlc, loser_site, winner_hlc, detected_at) "
                             "VALUES(?,?,?,?,?,?,?,?,?)"),
              {text("id"), text("entity"), text("row_id"), text("field"), text("loser_value"),
               text("loser_hlc"), text("loser_site"), text("winner_hlc"), text("detected_at")});
}

// ---- server schema -------------------------------------------------------------------------

// Forward-only steps; step N brings the schema from N-1 to N. Never edit a shipped step.
const std::vector<QStringList> &serverSteps()
{
    static const std::vector<QStringList> steps{
        {
            QStringLiteral("CREATE TABLE idesk_sync.server (id text NOT NULL)"),
            QStringLiteral("INSERT INTO idesk_sync.server(id) VALUES (gen_random_uuid()::text)"),
            QStringLiteral("CREATE TABLE idesk_sync.fields ("
                           " entity text NOT NULL, row_id text NOT NULL, incident_id text,"
                           " field text NOT NULL, value text,"
                           " hlc text COLLATE \"C\" NOT NULL, site_id text COLLATE \"C\" NOT NULL,"
                           " PRIMARY KEY (entity, row_id, field))"),
            QStringLiteral("CREATE INDEX fields_channel ON idesk_sync.fields(value)"
                           " WHERE entity = 'incidents' AND field = 'channel'"),
            QStringLiteral("CREATE TABLE idesk_sync.event_revisions ("
                           " id text PRIMARY KEY, event_id text NOT NULL,"
                           " incident_id text NOT NULL, body jsonb NOT NULL)"),
            QStringLiteral("CREATE TABLE idesk_sync.conflicts (id text PRIMARY KEY,"
                           " body jsonb NOT NULL)"),
            QStringLiteral("CREATE TABLE idesk_sync.applied_ops (op_id text PRIMARY KEY,"
                           " site_id text NOT NULL, applied_at timestamptz NOT NULL"
                           " DEFAULT now())"),
            QStringLiteral("CREATE TABLE idesk_sync.changes ("
                           " seq bigint PRIMARY KEY, kind text NOT NULL, entity text NOT NULL,"
                           " row_id text NOT NULL, incident_id text, field text, value text,"
                           " hlc text, site_id text, body jsonb)"),
        },
    };
    return steps;
}

const char *kChangeLogLock = "SELECT pg_advisory_xact_lock(hashtext('idesk_sync.changes'))";

} // namespace

struct SyncEngine::Batch
{
    struct Op
    {
        QString opId, entity, rowId;
    };
    std::vector<Op> ops;
};

SyncEngine::SyncEngine(Store &store, QString conninfo)
    : m_store(store), m_conninfo(std::move(conninfo))
{}

SyncEngine::~SyncEngine() = default;

QString SyncEngine::notifyChannel()
{
    return QStringLiteral("idesk_sync");
}

bool SyncEngine::isConnected() const
{
    return m_conn && m_conn->isOk();
}

void SyncEngine::disconnect()
{
    m_conn.reset();
}

PgConnection &SyncEngine::conn()
{
    if (!isConnected())
        connect();
    return *m_conn;
}

void SyncEngine::connect()
{
    if (isConnected())
        return;
    m_conn.reset();
    auto c = std::make_unique<PgConnection>(m_conninfo);
    m_conn = std::move(c);
    try {
        migrateServer();
        adoptServer();
    } catch (...) {
        m_conn.reset();
        throw;
    }
}

// Bases, pushed marks and cursors describe what one server holds. Against another server (a new
// conninfo, or the same one with its schema made afresh) they would hide every local change and
// invent conflicts, so they are dropped and the next round is a full first sync: every record
// and revision goes up again, which the server takes idempotently.
void SyncEngine::adoptServer()
{
    QSqlDatabase &db = m_store.db();
    QString last = meta(db, QStringLiteral("sync_server_id"));
    if (last == m_serverId)
        return;
    const QString cursorKeys = QStringLiteral("substr(key, 1, 12) = 'sync_cursor:'");
    if (last.isEmpty()) {
        // A file synced before the server id was kept: its cursor names the server.
        QSqlQuery q =
            localExec(db, QStringLiteral("SELECT substr(key, 13) FROM meta WHERE ") + cursorKeys);
        while (q.next() && last.isEmpty())
            last = q.value(0).toString();
    }
    Store::Transaction tx(m_store);
    if (!last.isEmpty() && last != m_serverId) {
        localExec(db,
                  QStringLiteral("DELETE FROM meta WHERE key = 'sync_last_ok' OR ") + cursorKeys);
        const QString now = toIsoUtc(m_store.clock().now());
        const std::pair<const char *, const char *> tables[] = {{"incidents", "id"},
                                                                {"checklist_items", "id"},
                                                                {"action_items", "id"},
                                                                {"postmortems", "incident_id"},
                                                                {"timeline_events", "id"}};
        for (const auto &[table, key] : tables) {
            const QString t = QString::fromLatin1(table);
            if (t != kEvents)
                localExec(db, QStringLiteral("UPDATE %1 SET base_hlc = '{}'").arg(t));
            localExec(db,
                      QStringLiteral("INSERT INTO outbox(op_id, entity, row_id, hlc, created_at) "
                                     "SELECT lower(hex(randomblob(16))), '%1', %2, hlc, ? FROM %1")
                          .arg(t, QString::fromLatin1(key)),
                      {now});
        }
    }
    setMeta(db, QStringLiteral("sync_server_id"), m_serverId);
    tx.commit();
}

void SyncEngine::migrateServer()
{
    PgConnection &c = *m_conn;
    c.exec(QStringLiteral("BEGIN"));
    try {
        // Two laptops connecting to a fresh server at once must not both create the schema.
        c.exec(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('idesk_sync.migrate'))"));
        c.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS idesk_sync"));
        c.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS idesk_sync.schema_version "
                              "(version int NOT NULL)"));
        const PgResult v = c.exec(
            QStringLiteral("SELECT coalesce(max(version), 0) FROM idesk_sync.schema_version"));
        const int current = int(v.integer(0, 0));
        if (current > kServerSchemaVersion)
            throw SyncError(SyncError::Code::Protocol,
                            QStringLiteral("The sync server's schema is version %1, newer than "
                                           "this build understands (%2). Update IncidentDesk; "
                                           "nothing was changed and the outbox waits.")
                                .arg(current)
                                .arg(kServerSchemaVersion));
        const auto &steps = serverSteps();
        for (int version = current + 1; version <= int(steps.size()); ++version) {
            for (const QString &sql : steps.at(std::size_t(version - 1)))
                c.exec(sql);
            c.exec(QStringLiteral("INSERT INTO idesk_sync.schema_version(version) VALUES ($1)"),
                   {QString::number(version)});
        }
        m_serverId = c.exec(QStringLiteral("SELECT id FROM idesk_sync.server")).text(0, 0);
        c.exec(QStringLiteral("COMMIT"));
    } catch (...) {
        if (c.isOk())
            c.exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

qint64 SyncEngine::cursor() const
{
    if (m_serverId.isEmpty())
        return 0;
    return meta(m_store.db(), QStringLiteral("sync_cursor:") + m_serverId).toLongLong();
}

SyncCounts SyncEngine::syncOnce()
{
    SyncCounts total = push();
    const SyncCounts pulled = pull();
    total.pulled = pulled.pulled;
    Store::Transaction tx(m_store);
    setMeta(m_store.db(), QStringLiteral("sync_last_ok"), toIsoUtc(m_store.clock().now()));
    tx.commit();
    return total;
}

SyncEngine::LocalStatus SyncEngine::localStatus(Store &store)
{
    LocalStatus s;
    s.pending = store.pendingOutbox();
    QSqlQuery q =
        localExec(store.db(), QStringLiteral("SELECT count(*) FROM conflicts WHERE reviewed = 0"));
    s.conflicts = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    s.lastSyncUtc = meta(store.db(), QStringLiteral("sync_last_ok"));
    return s;
}

SyncCounts SyncEngine::push()
{
    SyncCounts counts;
    conn();
    QSqlDatabase &db = m_store.db();
    for (;;) {
        Batch batch;
        // Incidents go up before the rows that hang off them, so every site can apply the
        // change log in order without a missing parent.
        QSqlQuery q = localExec(db,
                                QStringLiteral("SELECT op_id, entity, row_id FROM outbox WHERE "
                                               "pushed_at IS NULL ORDER BY entity <> 'incidents', "
                                               "hlc, op_id LIMIT ?"),
                                {m_batchSize});
        while (q.next())
            batch.ops.push_back(
                {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
        q.finish();
        if (batch.ops.empty())
            break;
        pushBatch(batch, counts);
    }
    return counts;
}

void SyncEngine::resolveChannel(const QString &incidentId, SyncCounts &counts)
{
    QSqlDatabase &db = m_store.db();
    const LocalRecord rec = readLocal(db, kIncidents, incidentId);
    const QString channel = rec.values.value(QStringLiteral("channel")).value_or(QString());
    if (!rec.exists || channel.isEmpty() || !rec.dirty(QStringLiteral("channel")) ||
        rec.values.value(QStringLiteral("deleted")).value_or(QString()) == QStringLiteral("1"))
        return;
    PgConnection &c = *m_conn;
    const PgResult taken = c.exec(
        QStringLiteral("SELECT 1 FROM idesk_sync.fields f WHERE f.entity = 'incidents' AND "
                       "f.field = 'channel' AND f.value = $1 AND f.row_id <> $2 AND NOT EXISTS "
                       "(SELECT 1 FROM idesk_sync.fields d WHERE d.entity = 'incidents' AND "
                       "d.row_id = f.row_id AND d.field = 'deleted' AND d.value = '1')"),
        {channel, incidentId});
    if (taken.rows() == 0)
        return;
    // The incident that reaches the server second takes the next free number of its day.
    const int dash = channel.lastIndexOf(QLatin1Char('-'));
    const QString prefix = dash > 0 ? channel.left(dash + 1) : channel + QLatin1Char('-');
    int highest = 0;
    const auto consider = [&](const QString &name) {
        bool ok = false;
        const int n = name.mid(prefix.size()).toInt(&ok);
        if (ok)
            highest = std::max(highest, n);
    };
    const PgResult server = c.exec(QStringLiteral("SELECT value FROM idesk_sync.fields WHERE "
                                                  "entity = 'incidents' AND field = 'channel' "
                                                  "AND starts_with(value, $1)"),
                                   {prefix});
    for (int r = 0; r < server.rows(); ++r)
        consider(server.text(r, 0));
    QSqlQuery local = localExec(db,
                                QStringLiteral("SELECT channel FROM incidents WHERE "
                                               "substr(channel, 1, ?) = ?"),
                                {int(prefix.size()), prefix});
    while (local.next())
        consider(local.value(0).toString());
    local.finish();
    const QString renamed = prefix + QStringLiteral("%1").arg(highest + 1, 3, 10, QLatin1Char('0'));

    Store::Transaction tx(m_store);
    Incident inc = *m_store.incident(incidentId);
    inc.channel = renamed;
    m_store.updateIncident(inc);
    NewEvent note;
    note.kind = EventKind::Note;
    note.author = QStringLiteral("sync");
    note.source = QStringLiteral("sync");
    note.text = QStringLiteral("Channel renamed from %1 to %2: another incident took %1 on the "
                               "sync server first.")
                    .arg(channel, renamed);
    m_store.addEvent(incidentId, note);
    tx.commit();
    ++counts.renamed;
}

void SyncEngine::pushBatch(Batch &batch, SyncCounts &counts)
{
    QSqlDatabase &db = m_store.db();
    PgConnection &c = conn();
    const QString site = m_store.siteId();

    // What to do locally once the server has committed.
    struct FieldOutcome
    {
        QString entity, rowId, field;
        Stamp pushed;
        bool won = true;
        PgParam winnerValue;
        Stamp winner;
    };
    std::vector<FieldOutcome> outcomes;

    c.exec(QStringLiteral("BEGIN"));
    try {
        c.exec(QString::fromLatin1(kChangeLogLock));

        std::vector<PgParam> opIds;
        for (const auto &op : batch.ops)
            opIds.push_back(op.opId);
        QSet<QString> known;
        const PgResult k = c.exec(QStringLiteral("SELECT op_id FROM idesk_sync.applied_ops WHERE "
                                                 "op_id = ANY($1::text[])"),
                                  {pgTextArray(opIds)});
        for (int r = 0; r < k.rows(); ++r)
            known.insert(k.text(r, 0));

        // Rows in first-seen order. A revision whose operation the server already applied (a
        // retried batch whose COMMIT reply was lost) is not sent again. A record's fields are:
        // their stamps equal the server's, so nothing changes there, and the reply moves this
        // site's bases, which the lost reply never did.
        std::vector<std::pair<QString, QString>> rows;
        std::map<std::pair<QString, QString>, bool> allKnown;
        for (const auto &op : batch.ops) {
            const auto key = std::make_pair(op.entity, op.rowId);
            const auto it = allKnown.find(key);
            if (it == allKnown.end()) {
                rows.push_back(key);
                allKnown[key] = known.contains(op.opId);
            } else {
                it->second = it->second && known.contains(op.opId);
            }
        }

        for (const auto &[entity, rowId] : rows) {
            if (entity == kIncidents && !allKnown[{entity, rowId}])
                resolveChannel(rowId, counts);
        }

        std::vector<PgParam> chKind, chEntity, chRow, chIncident, chField, chValue, chHlc, chSite,
            chBody;
        const auto addChange = [&](const QString &kind, const QString &entity, const QString &row,
                                   const PgParam &incident, const PgParam &field,
                                   const PgParam &value, const PgParam &hlc, const PgParam &s,
                                   const PgParam &body) {
            chKind.push_back(kind);
            chEntity.push_back(entity);
            chRow.push_back(row);
            chIncident.push_back(incident);
            chField.push_back(field);
            chValue.push_back(value);
            chHlc.push_back(hlc);
            chSite.push_back(s);
            chBody.push_back(body);
        };
        const QString now = toIsoUtc(m_store.clock().now());
        // Revisions go up in one statement per batch: a first sync of a long timeline is
        // mostly events.
        std::vector<QJsonObject> eventBodies;

        for (const auto &[entity, rowId] : rows) {
            if (entity == kEvents) {
                if (allKnown[{entity, rowId}])
                    continue;
                QJsonObject body = readEventRow(db, rowId);
                if (!body.isEmpty())
                    eventBodies.push_back(std::move(body));
                continue;
            }
            if (syncedFields(entity).isEmpty())
                continue; // an entity this build does not sync
            const LocalRecord rec = readLocal(db, entity, rowId);
            if (!rec.exists)
                continue;
            std::vector<PgParam> fields, values, hlcs, sites, bases;
            for (const QString &f : syncedFields(entity)) {
                if (!rec.dirty(f))
                    continue;
                const Stamp s = rec.stamp(f);
                fields.push_back(f);
                values.push_back(rec.values.value(f));
                hlcs.push_back(s.first);
                sites.push_back(s.second);
                bases.push_back(rec.baseOf(f));
            }
            if (fields.empty())
                continue;
            // One statement per record: the old values (for conflicts) and the upsert whose
            // WHERE keeps the newer (hlc, site_id) of each field. Both CTEs see the same
            // snapshot, so `old` holds what was there before.
            const PgResult res = c.exec(
                QStringLiteral(
                    "WITH incoming AS (SELECT * FROM unnest($4::text[], $5::text[], $6::text[], "
                    "$7::text[]) AS t(field, value, hlc, site_id)), "
                    "old AS (SELECT f.field, f.value, f.hlc, f.site_id FROM idesk_sync.fields f "
                    "JOIN incoming i ON f.field = i.field WHERE f.entity = $1 AND f.row_id = $2), "
                    "up AS (INSERT INTO idesk_sync.fields AS f (entity, row_id, incident_id, "
                    "field, value, hlc, site_id) SELECT $1, $2, $3, field, value, hlc, site_id "
                    "FROM incoming ON CONFLICT (entity, row_id, field) DO UPDATE SET value = "
                    "excluded.value, hlc = excluded.hlc, site_id = excluded.site_id "
                    "WHERE (excluded.hlc, excluded.site_id) > (f.hlc, f.site_id) "
                    "RETURNING f.field) "
                    "SELECT i.field, u.field IS NOT NULL, o.field IS NOT NULL, o.value, o.hlc, "
                    "o.site_id FROM incoming i LEFT JOIN up u ON u.field = i.field "
                    "LEFT JOIN old o ON o.field = i.field"),
                {entity, rowId, rec.incidentId, pgTextArray(fields), pgTextArray(values),
                 pgTextArray(hlcs), pgTextArray(sites)});
            QHash<QString, int> index;
            for (int i = 0; i < int(fields.size()); ++i)
                index.insert(*fields[std::size_t(i)], i);
            for (int r = 0; r < res.rows(); ++r) {
                const QString field = res.text(r, 0);
                const int i = index.value(field);
                const bool won = res.text(r, 1) == QStringLiteral("t");
                const bool hadOld = res.text(r, 2) == QStringLiteral("t");
                const Stamp mine{*hlcs[std::size_t(i)], *sites[std::size_t(i)]};
                const PgParam myValue = values[std::size_t(i)];
                FieldOutcome out{entity, rowId, field, mine, true, {}, {}};
                const Stamp old = hadOld ? Stamp{res.text(r, 4), res.text(r, 5)} : Stamp{};
                const PgParam oldValue = hadOld ? res.value(r, 3) : std::nullopt;
                if (!won && old != mine) {
                    out.won = false;
                    out.winnerValue = oldValue;
                    out.winner = old;
                }
                if (won)
                    addChange(QStringLiteral("field"), entity, rowId, rec.incidentId, field,
                              myValue, mine.first, mine.second, std::nullopt);
                // Concurrent: the server's value is not the one this edit was made on.
                const bool concurrent =
                    hadOld && old != mine && old.first != *bases[std::size_t(i)];
                if (concurrent && oldValue != myValue) {
                    const Stamp &loser = won ? old : mine;
                    const Stamp &winner = won ? mine : old;
                    QJsonObject conflict;
                    const QString id =
                        QUuid::createUuidV5(
                            QUuid(QStringLiteral("{5b0f6c3e-3c1a-4f0e-9a43-6f4d1c2b7e10}")),
                            QStringList{entity, rowId, field, loser.first, loser.second,
                                        winner.first, winner.second}
                                .join(QLatin1Char('|')))
                            .toString(QUuid::WithoutBraces);
                    const PgParam loserValue = won ? oldValue : myValue;
                    conflict.insert(QStringLiteral("id"), id);
                    conflict.insert(QStringLiteral("entity"), entity);
                    conflict.insert(QStringLiteral("row_id"), rowId);
                    conflict.insert(QStringLiteral("incident_id"), rec.incidentId);
                    conflict.insert(QStringLiteral("field"), field);
                    conflict.insert(QStringLiteral("loser_value"),
                                    loserValue ? QJsonValue(*loserValue) : QJsonValue());
                    conflict.insert(QStringLiteral("loser_hlc"), loser.first);
                    conflict.insert(QStringLiteral("loser_site"), loser.second);
                    conflict.insert(QStringLiteral("winner_hlc"), winner.first);
                    conflict.insert(QStringLiteral("winner_site"), winner.second);
                    conflict.insert(QStringLiteral("detected_at"), now);
                    const PgResult ins = c.exec(
                        QStringLiteral("INSERT INTO idesk_sync.conflicts(id, body) VALUES ($1, "
                                       "$2::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id"),
                        {id, compact(conflict)});
                    if (ins.rows() > 0) {
                        ++counts.conflicts;
                        addChange(QStringLiteral("conflict"), entity, rowId, rec.incidentId, field,
                                  std::nullopt, winner.first, winner.second, compact(conflict));
                    }
                }
                outcomes.push_back(std::move(out));
            }
        }

        if (!eventBodies.empty()) {
            std::vector<PgParam> ids, eventIds, incidentIds, bodies;
            for (const QJsonObject &b : eventBodies) {
                ids.push_back(b.value(QStringLiteral("id")).toString());
                eventIds.push_back(b.value(QStringLiteral("event_id")).toString());
                incidentIds.push_back(b.value(QStringLiteral("incident_id")).toString());
                bodies.push_back(compact(b));
            }
            const PgResult ins = c.exec(
                QStringLiteral("INSERT INTO idesk_sync.event_revisions(id, event_id, incident_id, "
                               "body) SELECT id, event_id, incident_id, body::jsonb FROM "
                               "unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS "
                               "t(id, event_id, incident_id, body) ON CONFLICT (id) DO NOTHING "
                               "RETURNING id"),
                {pgTextArray(ids), pgTextArray(eventIds), pgTextArray(incidentIds),
                 pgTextArray(bodies)});
            QSet<QString> inserted;
            for (int r = 0; r < ins.rows(); ++r)
                inserted.insert(ins.text(r, 0));
            for (std::size_t i = 0; i < eventBodies.size(); ++i) {
                if (!inserted.contains(*ids[i]))
                    continue;
                const QJsonObject &b = eventBodies[i];
                addChange(QStringLiteral("event"), kEvents, *ids[i], *incidentIds[i], std::nullopt,
                          std::nullopt, b.value(QStringLiteral("hlc")).toString(),
                          b.value(QStringLiteral("site_id")).toString(), *bodies[i]);
            }
        }

        std::vector<PgParam> sitesOfOps(opIds.size(), site);
        c.exec(QStringLiteral("INSERT INTO idesk_sync.applied_ops(op_id, site_id) SELECT * FROM "
                              "unnest($1::text[], $2::text[]) ON CONFLICT (op_id) DO NOTHING"),
               {pgTextArray(opIds), pgTextArray(sitesOfOps)});
        if (!chKind.empty()) {
            // Sequence numbers are taken under the change-log lock, so they are dense and
            // commit in order.
            c.exec(QStringLiteral(
                       "INSERT INTO idesk_sync.changes(seq, kind, entity, row_id, incident_id, "
                       "field, value, hlc, site_id, body) SELECT (SELECT coalesce(max(seq), 0) "
                       "FROM idesk_sync.changes) + n, kind, entity, row_id, incident_id, field, "
                       "value, hlc, site_id, body::jsonb FROM unnest($1::text[], $2::text[], "
                       "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
                       "$9::text[]) WITH ORDINALITY AS t(kind, entity, row_id, incident_id, field, "
                       "value, hlc, site_id, body, n)"),
                   {pgTextArray(chKind), pgTextArray(chEntity), pgTextArray(chRow),
                    pgTextArray(chIncident), pgTextArray(chField), pgTextArray(chValue),
                    pgTextArray(chHlc), pgTextArray(chSite), pgTextArray(chBody)});
            c.exec(QStringLiteral("SELECT pg_notify($1, $2)"), {notifyChannel(), site});
        }
        if (m_beforeCommit)
            m_beforeCommit(c);
        c.exec(QStringLiteral("COMMIT"));
    } catch (...) {
        if (m_conn && m_conn->isOk()) {
            try {
                m_conn->exec(QStringLiteral("ROLLBACK"));
            } catch (const SyncError &) {
            }
        }
        if (m_conn && !m_conn->isOk())
            m_conn.reset();
        throw;
    }

    // The server has it all: mark the operations and move each field's base. A field that lost
    // takes the winner, unless it was edited again meanwhile (that edit goes up next).
    Store::Transaction tx(m_store);
    std::map<std::pair<QString, QString>, std::vector<const FieldOutcome *>> byRow;
    for (const FieldOutcome &o : outcomes)
        byRow[{o.entity, o.rowId}].push_back(&o);
    for (const auto &[key, list] : byRow) {
        LocalRecord rec = readLocal(db, key.first, key.second);
        if (!rec.exists)
            continue;
        std::map<QString, FieldWrite> writes;
        std::map<QString, QString> bases;
        for (const FieldOutcome *o : list) {
            if (o->won) {
                bases[o->field] = o->pushed.first;
            } else {
                bases[o->field] = o->winner.first;
                if (rec.stamp(o->field) == o->pushed)
                    writes[o->field] = {o->winnerValue, o->winner};
                m_store.observeRemoteStamp(o->winner.first);
            }
        }
        writeLocal(db, key.first, key.second, rec, writes, bases);
    }
    QStringList marks;
    QVariantList ids;
    for (const auto &op : batch.ops) {
        marks << QStringLiteral("?");
        ids << op.opId;
    }
    QVariantList binds{toIsoUtc(m_store.clock().now())};
    binds += ids;
    localExec(db,
              QStringLiteral("UPDATE outbox SET pushed_at = ? WHERE op_id IN (%1)")
                  .arg(marks.join(QLatin1Char(','))),
              binds);
    tx.commit();
    counts.pushed += int(batch.ops.size());
}

SyncCounts SyncEngine::pull()
{
    SyncCounts counts;
    PgConnection &c = conn();
    QSqlDatabase &db = m_store.db();
    const QString cursorKey = QStringLiteral("sync_cursor:") + m_serverId;
    constexpr int kPage = 2000;
    for (;;) {
        const qint64 from = meta(db, cursorKey).toLongLong();
        const PgResult page =
            c.exec(QStringLiteral("SELECT seq, kind, entity, row_id, incident_id, field, value, "
                                  "hlc, site_id, body FROM idesk_sync.changes WHERE seq > $1 "
                                  "ORDER BY seq LIMIT $2"),
                   {QString::number(from), QString::number(kPage)});
        if (page.rows() == 0)
            break;
        Store::Transaction tx(m_store);
        qint64 last = from;
        for (int r = 0; r < page.rows(); ++r) {
            last = page.integer(r, 0);
            const QString kind = page.text(r, 1);
            const QString entity = page.text(r, 2);
            const QString rowId = page.text(r, 3);
            const QString hlc = page.text(r, 7);
            if (kind == QStringLiteral("event")) {
                applyEvent(db, parseObject(page.text(r, 9)));
            } else if (kind == QStringLiteral("conflict")) {
                applyConflict(db, parseObject(page.text(r, 9)));
            } else if (kind == QStringLiteral("field")) {
                const QString field = page.text(r, 5);
                // Names become SQL identifiers: only the ones this build knows are used.
                if (!syncedFields(entity).contains(field))
                    continue;
                LocalRecord rec = readLocal(db, entity, rowId);
                if (!rec.exists) {
                    insertPlaceholder(db, entity, rowId, page.text(r, 4));
                    rec = readLocal(db, entity, rowId);
                }
                const Stamp incoming{hlc, page.text(r, 8)};
                // A field changed here and not pushed yet is settled by the push: the server
                // compares it with what it holds and records the loser.
                if (rec.dirty(field))
                    continue;
                std::map<QString, FieldWrite> writes;
                std::map<QString, QString> bases;
                // A whole-row record's fields share one stamp: each of them is written.
                if (rec.stamp(field) < incoming || (rec.wholeRow && rec.stamp(field) == incoming))
                    writes[field] = {page.value(r, 6), incoming};
                if (rec.baseOf(field) < hlc)
                    bases[field] = hlc;
                writeLocal(db, entity, rowId, rec, writes, bases);
            } else {
                continue;
            }
            m_store.observeRemoteStamp(hlc);
            if (page.text(r, 8) != m_store.siteId()) // not counting this site's own echoes
                ++counts.pulled;
        }
        setMeta(db, cursorKey, QString::number(last));
        tx.commit();
        if (page.rows() < kPage)
            break;
    }
    return counts;
}

} // namespace idesk::sync
