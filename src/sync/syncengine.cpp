#include "sync/syncengine.h"

#include "core/types.h"
#include "storage/sqlutil.h"
#include "storage/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <map>
#include <set>
#include <spdlog/spdlog.h>
#include <tuple>

namespace idesk::sync {

namespace {

const QString kIncidents = QStringLiteral("incidents");
const QString kEvents = QStringLiteral("timeline_events");
const QString kPostmortems = QStringLiteral("postmortems");
const QString kConflicts = QStringLiteral("conflicts");

// ---- local SQLite helpers ------------------------------------------------------------------

// A value the local schema refuses (a constraint): the change, not the file, is at fault.
class RefusedChange : public StoreError
{
public:
    using StoreError::StoreError;
};

QSqlQuery localExec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw StoreError(StoreError::Code::Query,
                         QStringLiteral("Sync: %1").arg(q.lastError().text()));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        const QString message = QStringLiteral("Sync: %1").arg(q.lastError().text());
        constexpr int kSqliteConstraint = 19; // SQLITE_CONSTRAINT
        if (storage::sqliteCode(q.lastError()) == kSqliteConstraint)
            throw RefusedChange(StoreError::Code::Query, message);
        throw StoreError(StoreError::Code::Query, message);
    }
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
        // A revision's body was kept twice, in event_revisions and in its change-log row, and
        // as jsonb, which the server parses into its binary form although it never looks
        // inside. From here the body is kept once, as json (checked, stored as sent), and a
        // revision's change-log row refers to it by row_id; rows logged before keep their body.
        {
            QStringLiteral("ALTER TABLE idesk_sync.event_revisions"
                           " ALTER COLUMN body TYPE json USING body::json"),
        },
        // A change-log row for every revision cost a first sync of a long timeline nearly as
        // much as the revisions themselves. From here a revision carries its own place in the
        // log, numbered under the change-log lock like the log's rows, and pull reads both in
        // order; revisions logged before keep their change-log rows and no seq. The body is
        // kept as text: checking it as JSON was a third of the server's work in that sync, and
        // the server never looks inside; a body that is not a revision is skipped by pull like
        // one that lacks its columns.
        {
            QStringLiteral("ALTER TABLE idesk_sync.event_revisions ADD COLUMN seq bigint"),
            QStringLiteral("CREATE UNIQUE INDEX event_revisions_seq"
                           " ON idesk_sync.event_revisions (seq)"),
            QStringLiteral("ALTER TABLE idesk_sync.event_revisions ALTER COLUMN body TYPE text"),
        },
    };
    return steps;
}

const char *kChangeLogLock = "SELECT pg_advisory_xact_lock(hashtext('idesk_sync.changes'))";

// A batch on the server: its operations on records (not timeline revisions, which are facts
// kept by their own ids) as rows of a temporary table, by COPY, and set-based statements from
// there, so a first sync of a long timeline costs a few statements, not one per row. A
// temporary table needs no right on the server beyond TEMP, writes no WAL, lives as long as the
// session, and ON COMMIT DELETE ROWS empties it with every batch, committed or not.
const QString kStage = QStringLiteral("pg_temp.idesk_push_stage");
const QString kStageColumns = QStringLiteral("op_id, entity, row_id");
const QString kCreateStage =
    QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS idesk_push_stage (op_id text NOT NULL, "
                   "entity text NOT NULL, row_id text NOT NULL) ON COMMIT DELETE ROWS");

// The batch's revisions (id, event_id, incident_id, body as JSON, their place in the change
// log) go by COPY straight into event_revisions, under a savepoint: a first sync's revisions are
// all new there, and a copy into their own table is the cheapest write there is. A batch that
// the server has partly seen (a retry, a laptop back on a server it used before) fails that copy
// on the primary key; it then goes through kRevisionsStage and only the revisions the server
// lacks are added, which leaves gaps in the log's numbers: pull reads it in order and does not
// mind them.
const QString kRevisionColumns = QStringLiteral("id, event_id, incident_id, body, seq");
const QString kRevisionsStage = QStringLiteral("pg_temp.idesk_push_revisions");
const QString kCreateRevisionsStage = QStringLiteral(
    "CREATE TEMP TABLE IF NOT EXISTS idesk_push_revisions (id text NOT NULL, event_id text NOT "
    "NULL, incident_id text NOT NULL, body text NOT NULL, seq bigint NOT NULL) ON COMMIT DELETE "
    "ROWS");
const QString kInsertFreshRevisions = QStringLiteral(
    "INSERT INTO idesk_sync.event_revisions(id, event_id, incident_id, body, seq) SELECT v.id, "
    "v.event_id, v.incident_id, v.body, v.seq FROM pg_temp.idesk_push_revisions v WHERE NOT "
    "EXISTS (SELECT 1 FROM idesk_sync.event_revisions r WHERE r.id = v.id)");

// The change log's last number: its own rows', or a revision's.
const QString kLogEnd = QStringLiteral(
    "SELECT greatest((SELECT coalesce(max(seq), 0) FROM idesk_sync.changes), (SELECT "
    "coalesce(max(seq), 0) FROM idesk_sync.event_revisions))");

// The connection a batch began on: a lost one is not replaced mid-batch, where a new session
// would run the batch's remaining statements outside its transaction.
PgConnection &batchConnection(const std::unique_ptr<PgConnection> &conn)
{
    if (!conn || !conn->isOk())
        throw SyncError(SyncError::Code::Unreachable,
                        QStringLiteral("The connection to the sync server was lost"));
    return *conn;
}

} // namespace

// What the server has committed of this push and the local store has not taken in yet: it is
// settled in one local transaction when the push ends, however it ends.
struct SyncEngine::Pushed
{
    // What to do locally with a field of a record the server now holds.
    struct FieldOutcome
    {
        QString entity, rowId, field;
        Stamp pushed;
        bool won = true;
        PgParam winnerValue;
        Stamp winner;
    };
    struct Batch
    {
        std::vector<FieldOutcome> outcomes;
        std::vector<QJsonObject> conflicts; // recorded on the server by this batch
        qint64 logBefore = 0, logAfter = 0;
    };
    std::vector<Batch> batches;
    std::vector<QString> opIds;
    QString incidentOpIds = QStringLiteral("[]"); // as a JSON array, for the incidents' walk
    // The last operation read past the incidents, by (hlc, op_id): the next batch reads on from
    // there, since the operations before it stay in the outbox until the push ends.
    QString lastHlc, lastOpId;
};

struct SyncEngine::Batch
{
    struct Op
    {
        QString opId, entity, rowId;
    };
    std::vector<Op> ops;
    // Mutable records (not timeline revisions) in first-seen order, each once.
    std::vector<std::pair<QString, QString>> records;
    int revisionCount = 0;
    QByteArray stage;     // the rows for kStage, in COPY's text format
    QByteArray revisions; // the rows for event_revisions (kRevisionColumns), the same way
    // The change-log numbers kept for the fields of the batch's incidents, which come before
    // its revisions in the log: a site applying the log in order has an incident before its
    // events. Set at the batch's first revision, when its incidents have all been read.
    qint64 incidentLog = 0;
    bool begun = false;        // the server transaction is open
    bool copying = false;      // the revisions' COPY is open
    qsizetype sent = 0;        // of `revisions`
    qint64 logBefore = 0;      // the change log's last seq when the batch took the lock
    QString lastHlc, lastOpId; // the last operation read past the incidents, if any
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
        // A conflict is a fact about the server that recorded it and is never sent to another
        // as if it were new there; it stays here to review. Its review goes up again like any
        // field, and a push leaves out the reviews of conflicts the server does not hold, so a
        // review made while away reaches the conflict's own server on the way back.
        localExec(db, QStringLiteral("UPDATE conflicts SET base_hlc = '{}'"));
        localExec(db,
                  QStringLiteral("INSERT INTO outbox(op_id, entity, row_id, hlc, created_at) "
                                 "SELECT lower(hex(randomblob(16))), 'conflicts', id, hlc, ? FROM "
                                 "conflicts WHERE field_hlc <> '{}'"),
                  {now});
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
    total.skipped = pulled.skipped;
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
    // Incidents go up before the rows that hang off them, so every site can apply the change
    // log in order without a missing parent: they are read first, then everything else in the
    // order of its stamps. Each read walks outbox_pending (pushed_at, hlc, then the key op_id)
    // in order, so a long outbox is streamed, never sorted; a revision's columns come with it.
    // Operations the server took earlier in this push are still in the outbox: the incidents'
    // walk leaves them out by id, the rest reads on after the last one it took.
    QStringList revisionColumns;
    for (const QString &c : eventColumns())
        revisionColumns << QStringLiteral("e.") + c;
    const QString select =
        QStringLiteral("SELECT o.op_id, o.entity, o.row_id, o.hlc, %1 FROM outbox o LEFT JOIN "
                       "timeline_events e ON o.entity = 'timeline_events' AND e.id = o.row_id "
                       "WHERE o.pushed_at IS NULL AND %2 ORDER BY o.hlc, o.op_id LIMIT ?")
            .arg(revisionColumns.join(QStringLiteral(", ")));
    storage::BulkStatement incidentsFirst(
        db, select.arg(QStringLiteral("o.entity = 'incidents' AND o.op_id NOT IN (SELECT value "
                                      "FROM json_each(?))")));
    storage::BulkStatement theRest(
        db, select.arg(QStringLiteral("o.entity <> 'incidents' AND (o.hlc, o.op_id) > (?, ?)")));
    constexpr int kRevision = 4; // the first of the revision's columns
    const int columns = int(eventColumns().size());
    std::vector<QByteArray> bodyKeys; // `{"id":`, `,"event_id":` …
    for (const QString &c : eventColumns())
        bodyKeys.push_back((bodyKeys.empty() ? "{\"" : ",\"") + c.toLatin1() + "\":");
    const auto column = [](const char *name) {
        return int(eventColumns().indexOf(QLatin1String(name)));
    };
    const int eventIdColumn = column("event_id");
    const int incidentColumn = column("incident_id");
    // Finding the pending incidents walks the whole pending outbox, which a first sync of a long
    // timeline would do again for every batch. Once a walk found fewer than it could take, they
    // all went up; no other connection has written since (data_version) and this one added no
    // incident operation (a channel rename), so none can be waiting and the walk is skipped.
    bool incidentsDrained = false;
    qint64 drainedAtVersion = -1;
    int drainedAtRenames = -1;
    Pushed pushed;
    try {
        for (;;) {
            Batch batch;
            QSet<QString> seenRevisions;
            seenRevisions.reserve(m_batchSize);
            std::set<std::pair<QString, QString>> seenRecords;
            const qint64 version = m_store.dataVersion();
            const bool walkIncidents = !incidentsDrained || version != drainedAtVersion ||
                                       counts.renamed != drainedAtRenames;
            // Bound in place: these stay as they are while the batch is read.
            const QString incidentOpIds = pushed.incidentOpIds;
            const QString lastHlc = pushed.lastHlc, lastOpId = pushed.lastOpId;
            const auto readTheRest = [&](qint64 limit) {
                theRest.bindText(1, lastHlc);
                theRest.bindText(2, lastOpId);
                theRest.bind(3, limit);
                return &theRest;
            };
            storage::BulkStatement *reading = nullptr;
            if (walkIncidents) {
                incidentsFirst.bindText(1, incidentOpIds);
                incidentsFirst.bind(2, qint64(m_batchSize));
                reading = &incidentsFirst;
            } else {
                reading = readTheRest(m_batchSize);
            }
            try {
                for (;;) {
                    if (!reading->next(QStringLiteral("Reading the outbox"))) {
                        if (reading == &theRest)
                            break;
                        incidentsDrained = qsizetype(batch.ops.size()) < qsizetype(m_batchSize);
                        drainedAtVersion = version;
                        drainedAtRenames = counts.renamed;
                        reading = readTheRest(qint64(m_batchSize) - qint64(batch.ops.size()));
                        continue;
                    }
                    if (!batch.begun)
                        beginBatch(batch);
                    storage::BulkStatement &next = *reading;
                    // The entity names are shared, not copied for every operation.
                    const QStringView entity = next.textAt(1);
                    Batch::Op op{next.textAt(0).toString(),
                                 entity == kEvents      ? kEvents
                                 : entity == kIncidents ? kIncidents
                                                        : entity.toString(),
                                 next.textAt(2).toString()};
                    if (reading == &theRest) {
                        const QStringView hlc = next.textAt(3);
                        batch.lastHlc.setUnicode(hlc.data(), hlc.size());
                        batch.lastOpId = op.opId;
                    }
                    // A timeline revision is a fact the server keeps by its own id, so its
                    // operation is not staged; one deleted here since (it cannot be, but a
                    // damaged file could lack it) has no columns and leaves nothing to send.
                    if (op.entity != kEvents) {
                        QByteArray &row = batch.stage;
                        for (int c = 0; c < 3; ++c) {
                            if (c > 0)
                                row += '\t';
                            appendCopyField(row, next.textAt(c));
                        }
                        row += '\n';
                        if (seenRecords.insert({op.entity, op.rowId}).second)
                            batch.records.emplace_back(op.entity, op.rowId);
                    } else if (!next.textAt(kRevision).isNull() &&
                               !seenRevisions.contains(op.rowId)) {
                        seenRevisions.insert(op.rowId);
                        if (batch.revisionCount++ == 0) {
                            // Each changed field, and the conflict it may make.
                            const qint64 incidents = std::count_if(
                                batch.records.begin(), batch.records.end(),
                                [](const auto &record) { return record.first == kIncidents; });
                            batch.incidentLog =
                                2 * incidents * qint64(syncedFields(kIncidents).size());
                        }
                        QByteArray &rev = batch.revisions;
                        appendCopyField(rev, next.textAt(2));
                        rev += '\t';
                        appendCopyField(rev, next.textAt(kRevision + eventIdColumn));
                        rev += '\t';
                        appendCopyField(rev, next.textAt(kRevision + incidentColumn));
                        // The body holds every column as a string (or null), the shape pull
                        // applies; it is written as JSON and escaped for COPY in one pass.
                        rev += '\t';
                        for (int c = 0; c < columns; ++c) {
                            rev += bodyKeys[std::size_t(c)];
                            // SQLite would format an integer into a string of its own first.
                            if (next.isIntegerAt(kRevision + c)) {
                                rev += '"';
                                rev += QByteArray::number(next.integerAt(kRevision + c));
                                rev += '"';
                                continue;
                            }
                            const QStringView v = next.textAt(kRevision + c);
                            if (v.isNull())
                                rev += "null";
                            else
                                appendCopyJsonString(rev, v);
                        }
                        rev += "}\t";
                        rev += QByteArray::number(batch.logBefore + batch.incidentLog +
                                                  batch.revisionCount);
                        rev += '\n';
                        streamRevisions(batch);
                    }
                    batch.ops.push_back(std::move(op));
                }
                if (batch.ops.empty())
                    break;
                pushBatch(batch, counts, pushed);
            } catch (...) {
                abandonBatch(batch);
                throw;
            }
        }
    } catch (...) {
        // What the server committed is settled here too, so a later push does not send it
        // again; if that fails as well, it is sent again, which the server takes idempotently.
        try {
            settle(pushed);
        } catch (const std::exception &) {
        }
        throw;
    }
    settle(pushed);
    return counts;
}

// The server transaction opens with the batch's first operation, so a round with nothing to
// push costs the server nothing; the outbox is read under the change-log lock from there on.
void SyncEngine::beginBatch(Batch &batch)
{
    PgConnection &c = conn();
    c.exec(QStringLiteral("BEGIN"));
    batch.begun = true;
    // A batch's statements are few and touch many rows, so their estimated cost can pass the
    // JIT threshold; compiling them would take longer than running them.
    c.exec(QStringLiteral("SET LOCAL jit = off"));
    // A large batch that the server has partly seen holds its revisions once for both tables.
    c.exec(QStringLiteral("SET LOCAL work_mem = '64MB'"));
    c.exec(QString::fromLatin1(kChangeLogLock));
    // Under the lock every earlier writer has committed and no later one can write: this
    // batch's change-log rows follow on from here, densely, and become visible together.
    batch.logBefore = c.exec(kLogEnd).integer(0, 0);
    c.exec(kCreateStage);
}

// Revisions go to the server while the outbox is still being read: the server stores one part
// of a long first sync while this side reads and encodes the next.
void SyncEngine::streamRevisions(Batch &batch)
{
    constexpr qsizetype kPiece = 256 * 1024;
    PgConnection &c = batchConnection(m_conn);
    if (!batch.copying) {
        c.exec(QStringLiteral("SAVEPOINT idesk_revisions"));
        c.copyBegin(QStringLiteral("COPY idesk_sync.event_revisions (%1) FROM STDIN")
                        .arg(kRevisionColumns));
        batch.copying = true;
    }
    if (batch.revisions.size() - batch.sent >= kPiece) {
        c.copyPut(QByteArrayView(batch.revisions).sliced(batch.sent));
        batch.sent = batch.revisions.size();
    }
}

void SyncEngine::abandonBatch(Batch &batch)
{
    if (batch.begun && m_conn && m_conn->isOk()) {
        if (batch.copying)
            m_conn->copyAbort();
        try {
            m_conn->exec(QStringLiteral("ROLLBACK"));
        } catch (const SyncError &) {
        }
    }
    batch.begun = batch.copying = false;
    if (m_conn && !m_conn->isOk())
        m_conn.reset();
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

void SyncEngine::pushBatch(Batch &batch, SyncCounts &counts, Pushed &pushed)
{
    QSqlDatabase &db = m_store.db();
    PgConnection &c = batchConnection(m_conn);
    const QString site = m_store.siteId();

    using FieldOutcome = Pushed::FieldOutcome;
    std::vector<FieldOutcome> outcomes;
    std::vector<QJsonObject> recorded; // conflicts this batch recorded on the server
    const qint64 logBefore = batch.logBefore;
    qint64 logAfter = 0;

    // The revisions' COPY (when the batch has any) ends here. One the server already holds
    // fails it on the primary key; the batch's revisions then go through kRevisionsStage.
    bool partlySeen = false;
    if (batch.copying) {
        c.copyPut(QByteArrayView(batch.revisions).sliced(batch.sent));
        batch.sent = batch.revisions.size();
        batch.copying = false;
        try {
            c.copyEnd();
            c.exec(QStringLiteral("RELEASE SAVEPOINT idesk_revisions"));
        } catch (const SyncError &e) {
            if (e.code() != SyncError::Code::Server || !c.isOk())
                throw;
            c.exec(QStringLiteral("ROLLBACK TO SAVEPOINT idesk_revisions"));
            c.exec(kCreateRevisionsStage);
            c.copyIn(
                QStringLiteral("COPY %1 (%2) FROM STDIN").arg(kRevisionsStage, kRevisionColumns),
                batch.revisions);
            c.exec(kInsertFreshRevisions);
            partlySeen = true;
        }
    }
    if (!batch.stage.isEmpty())
        c.copyIn(QStringLiteral("COPY %1 (%2) FROM STDIN").arg(kStage, kStageColumns), batch.stage);

    // An incident whose every operation the server already applied (a retried batch whose
    // COMMIT reply was lost) is not checked for a channel taken since. Its fields go up
    // again: their stamps equal the server's, so nothing changes there, and the reply moves
    // this site's bases, which the lost reply never did.
    QSet<QString> incidentsKnown;
    if (std::any_of(batch.records.begin(), batch.records.end(),
                    [](const auto &record) { return record.first == kIncidents; })) {
        const PgResult k =
            c.exec(QStringLiteral("SELECT s.row_id FROM %1 s LEFT JOIN idesk_sync.applied_ops a ON "
                                  "a.op_id = s.op_id WHERE s.entity = $1 GROUP BY s.row_id HAVING "
                                  "bool_and(a.op_id IS NOT NULL)")
                       .arg(kStage),
                   {kIncidents});
        for (int r = 0; r < k.rows(); ++r)
            incidentsKnown.insert(k.text(r, 0));
    }
    for (const auto &[entity, rowId] : batch.records) {
        if (entity == kIncidents && !incidentsKnown.contains(rowId))
            resolveChannel(rowId, counts);
    }

    std::vector<PgParam> chKind, chEntity, chRow, chIncident, chField, chValue, chHlc, chSite,
        chBody;
    const auto addChange = [&](const QString &kind, const QString &entity, const QString &row,
                               const PgParam &incident, const PgParam &field, const PgParam &value,
                               const PgParam &hlc, const PgParam &s, const PgParam &body) {
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

    // Every changed field of the batch's records in one statement: the old values (for
    // conflicts) and the upsert whose WHERE keeps the newer (hlc, site_id) of each field.
    // Both CTEs see the same snapshot, so `old` holds what was there before.
    std::vector<PgParam> fEntity, fRow, fIncident, fField, fValue, fHlc, fSite, fBase;
    // Reviews of conflicts this server never recorded (they came from another server
    // before this store moved here) stay off it: see adoptServer().
    QSet<QString> conflictsKnown;
    {
        std::vector<PgParam> ids;
        for (const auto &[entity, rowId] : batch.records) {
            if (entity == kConflicts)
                ids.push_back(rowId);
        }
        if (!ids.empty()) {
            const PgResult known = c.exec(QStringLiteral("SELECT id FROM idesk_sync.conflicts "
                                                         "WHERE id = ANY($1::text[])"),
                                          {pgTextArray(ids)});
            for (int r = 0; r < known.rows(); ++r)
                conflictsKnown.insert(known.text(r, 0));
        }
    }
    for (const auto &[entity, rowId] : batch.records) {
        if (syncedFields(entity).isEmpty())
            continue; // an entity this build does not sync
        if (entity == kConflicts && !conflictsKnown.contains(rowId))
            continue;
        const LocalRecord rec = readLocal(db, entity, rowId);
        if (!rec.exists)
            continue;
        for (const QString &f : syncedFields(entity)) {
            if (!rec.dirty(f))
                continue;
            const Stamp s = rec.stamp(f);
            fEntity.push_back(entity);
            fRow.push_back(rowId);
            fIncident.push_back(rec.incidentId);
            fField.push_back(f);
            fValue.push_back(rec.values.value(f));
            fHlc.push_back(s.first);
            fSite.push_back(s.second);
            fBase.push_back(rec.baseOf(f));
        }
    }
    if (!fField.empty()) {
        const PgResult res = c.exec(
            QStringLiteral(
                "WITH incoming AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], "
                "$4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS "
                "t(entity, row_id, incident_id, field, value, hlc, site_id, n)), "
                "old AS (SELECT f.entity, f.row_id, f.field, f.value, f.hlc, f.site_id FROM "
                "idesk_sync.fields f JOIN incoming i ON f.entity = i.entity AND f.row_id = "
                "i.row_id AND f.field = i.field), "
                "up AS (INSERT INTO idesk_sync.fields AS f (entity, row_id, incident_id, "
                "field, value, hlc, site_id) SELECT entity, row_id, incident_id, field, "
                "value, hlc, site_id FROM incoming ON CONFLICT (entity, row_id, field) DO "
                "UPDATE SET value = excluded.value, hlc = excluded.hlc, site_id = "
                "excluded.site_id WHERE (excluded.hlc, excluded.site_id) > (f.hlc, "
                "f.site_id) RETURNING f.entity, f.row_id, f.field) "
                "SELECT i.n, u.field IS NOT NULL, o.field IS NOT NULL, o.value, o.hlc, "
                "o.site_id FROM incoming i LEFT JOIN up u ON u.entity = i.entity AND "
                "u.row_id = i.row_id AND u.field = i.field LEFT JOIN old o ON o.entity = "
                "i.entity AND o.row_id = i.row_id AND o.field = i.field ORDER BY i.n"),
            {pgTextArray(fEntity), pgTextArray(fRow), pgTextArray(fIncident), pgTextArray(fField),
             pgTextArray(fValue), pgTextArray(fHlc), pgTextArray(fSite)});
        // Per field: whether it won, and the conflict it makes (empty when none).
        std::vector<std::pair<bool, QJsonObject>> results;
        std::vector<PgParam> conflictIds, conflictBodies;
        for (int r = 0; r < res.rows(); ++r) {
            const std::size_t i = std::size_t(res.integer(r, 0) - 1);
            const QString &entity = *fEntity[i];
            const QString &rowId = *fRow[i];
            const QString &field = *fField[i];
            const bool won = res.text(r, 1) == QStringLiteral("t");
            const bool hadOld = res.text(r, 2) == QStringLiteral("t");
            const Stamp mine{*fHlc[i], *fSite[i]};
            const PgParam myValue = fValue[i];
            FieldOutcome out{entity, rowId, field, mine, true, {}, {}};
            const Stamp old = hadOld ? Stamp{res.text(r, 4), res.text(r, 5)} : Stamp{};
            const PgParam oldValue = hadOld ? res.value(r, 3) : std::nullopt;
            if (!won && old != mine) {
                out.won = false;
                out.winnerValue = oldValue;
                out.winner = old;
            }
            outcomes.push_back(std::move(out));
            // Concurrent: the server's value is not the one this edit was made on.
            const bool concurrent = hadOld && old != mine && old.first != *fBase[i];
            QJsonObject conflict;
            if (concurrent && oldValue != myValue) {
                const Stamp &loser = won ? old : mine;
                const Stamp &winner = won ? mine : old;
                const QString id =
                    QUuid::createUuidV5(
                        QUuid(QStringLiteral("{5b0f6c3e-3c1a-4f0e-9a43-6f4d1c2b7e10}")),
                        QStringList{entity, rowId, field, loser.first, loser.second, winner.first,
                                    winner.second}
                            .join(QLatin1Char('|')))
                        .toString(QUuid::WithoutBraces);
                const PgParam loserValue = won ? oldValue : myValue;
                conflict.insert(QStringLiteral("id"), id);
                conflict.insert(QStringLiteral("entity"), entity);
                conflict.insert(QStringLiteral("row_id"), rowId);
                conflict.insert(QStringLiteral("incident_id"), *fIncident[i]);
                conflict.insert(QStringLiteral("field"), field);
                conflict.insert(QStringLiteral("loser_value"),
                                loserValue ? QJsonValue(*loserValue) : QJsonValue());
                conflict.insert(QStringLiteral("loser_hlc"), loser.first);
                conflict.insert(QStringLiteral("loser_site"), loser.second);
                conflict.insert(QStringLiteral("winner_hlc"), winner.first);
                conflict.insert(QStringLiteral("winner_site"), winner.second);
                conflict.insert(QStringLiteral("detected_at"), now);
                conflictIds.push_back(id);
                conflictBodies.push_back(compact(conflict));
            }
            results.emplace_back(won, std::move(conflict));
        }
        QSet<QString> newConflicts;
        if (!conflictIds.empty()) {
            const PgResult ins =
                c.exec(QStringLiteral("INSERT INTO idesk_sync.conflicts(id, body) SELECT id, "
                                      "body::jsonb FROM unnest($1::text[], $2::text[]) AS t(id, "
                                      "body) ON CONFLICT (id) DO NOTHING RETURNING id"),
                       {pgTextArray(conflictIds), pgTextArray(conflictBodies)});
            for (int r = 0; r < ins.rows(); ++r)
                newConflicts.insert(ins.text(r, 0));
        }
        // The log in the batch's order: each field's change, then the conflict it made.
        for (int r = 0; r < res.rows(); ++r) {
            const std::size_t i = std::size_t(res.integer(r, 0) - 1);
            const auto &[won, conflict] = results[std::size_t(r)];
            if (won)
                addChange(QStringLiteral("field"), *fEntity[i], *fRow[i], fIncident[i], fField[i],
                          fValue[i], fHlc[i], fSite[i], std::nullopt);
            if (conflict.isEmpty() ||
                !newConflicts.contains(conflict.value(QStringLiteral("id")).toString()))
                continue;
            ++counts.conflicts;
            addChange(QStringLiteral("conflict"), *fEntity[i], *fRow[i], fIncident[i], fField[i],
                      std::nullopt, conflict.value(QStringLiteral("winner_hlc")).toString(),
                      conflict.value(QStringLiteral("winner_site")).toString(), compact(conflict));
            recorded.push_back(conflict);
        }
    }

    // The incidents' rows first, in the numbers kept for them before the revisions; the other
    // records' rows after the revisions.
    const qint64 lastRevision =
        batch.revisionCount > 0 ? logBefore + batch.incidentLog + batch.revisionCount : logBefore;
    logAfter = lastRevision;
    if (!chKind.empty()) {
        std::vector<PgParam> chSeq;
        qint64 incidentSeq = logBefore;
        qint64 otherSeq = batch.revisionCount > 0 ? lastRevision : -1;
        for (const PgParam &entity : chEntity) {
            if (*entity == kIncidents)
                chSeq.push_back(QString::number(++incidentSeq));
            else
                chSeq.push_back(QString());
        }
        if (batch.revisionCount > 0 && incidentSeq > logBefore + batch.incidentLog)
            throw SyncError(SyncError::Code::Protocol,
                            QStringLiteral("A batch logged more incident changes than it kept "
                                           "numbers for"));
        if (otherSeq < 0)
            otherSeq = incidentSeq;
        for (PgParam &seq : chSeq) {
            if (seq->isEmpty())
                seq = QString::number(++otherSeq);
        }
        logAfter = std::max({logAfter, incidentSeq, otherSeq});
        c.exec(QStringLiteral("INSERT INTO idesk_sync.changes(seq, kind, entity, row_id, "
                              "incident_id, field, value, hlc, site_id, body) SELECT seq, kind, "
                              "entity, row_id, incident_id, field, value, hlc, site_id, "
                              "body::jsonb FROM unnest($1::bigint[], $2::text[], $3::text[], "
                              "$4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
                              "$9::text[], $10::text[]) AS t(seq, kind, entity, row_id, "
                              "incident_id, field, value, hlc, site_id, body)"),
               {pgTextArray(chSeq), pgTextArray(chKind), pgTextArray(chEntity), pgTextArray(chRow),
                pgTextArray(chIncident), pgTextArray(chField), pgTextArray(chValue),
                pgTextArray(chHlc), pgTextArray(chSite), pgTextArray(chBody)});
    }
    // Where the log ends now, which a batch the server had partly seen cannot know without
    // asking: its last revision may be one the server held already.
    if (partlySeen)
        logAfter = c.exec(kLogEnd).integer(0, 0);
    // A revision is an operation whose id is the revision's: event_revisions keeps a retry
    // from adding it twice. The other operations are kept by id, so a retried batch is known.
    if (!batch.stage.isEmpty())
        c.exec(QStringLiteral("INSERT INTO idesk_sync.applied_ops(op_id, site_id) SELECT op_id, "
                              "$1 FROM %1 ON CONFLICT (op_id) DO NOTHING")
                   .arg(kStage),
               {site});
    if (logAfter > logBefore)
        c.exec(QStringLiteral("SELECT pg_notify($1, $2)"), {notifyChannel(), site});
    if (m_beforeCommit)
        m_beforeCommit(c);
    c.exec(QStringLiteral("COMMIT"));
    batch.begun = false;

    for (const Batch::Op &op : batch.ops) {
        if (op.entity == kIncidents) {
            pushed.incidentOpIds.chop(1);
            if (pushed.incidentOpIds.size() > 1)
                pushed.incidentOpIds += QLatin1Char(',');
            // made here, hex and dashes: nothing to escape
            pushed.incidentOpIds += QLatin1Char('"') + op.opId + QStringLiteral("\"]");
        }
        pushed.opIds.push_back(op.opId);
    }
    if (!batch.lastOpId.isEmpty()) {
        pushed.lastHlc = batch.lastHlc;
        pushed.lastOpId = batch.lastOpId;
    }
    pushed.batches.push_back({std::move(outcomes), std::move(recorded), logBefore, logAfter});
    counts.pushed += int(batch.ops.size());
}

// The server holds what this push sent: the operations leave the outbox and each field's base
// moves. A field that lost takes the winner, unless it was edited again meanwhile (that edit
// goes up next). One local transaction for the whole push: the outbox rows of a long first
// sync go in one statement that drops the table's pages, instead of row by row.
void SyncEngine::settle(Pushed &pushed)
{
    if (pushed.opIds.empty())
        return;
    QSqlDatabase &db = m_store.db();
    Store::Transaction tx(m_store);
    for (const Pushed::Batch &batch : pushed.batches) {
        std::map<std::pair<QString, QString>, std::vector<const Pushed::FieldOutcome *>> byRow;
        for (const Pushed::FieldOutcome &o : batch.outcomes)
            byRow[{o.entity, o.rowId}].push_back(&o);
        for (const auto &[key, list] : byRow) {
            LocalRecord rec = readLocal(db, key.first, key.second);
            if (!rec.exists)
                continue;
            std::map<QString, FieldWrite> writes;
            std::map<QString, QString> bases;
            for (const Pushed::FieldOutcome *o : list) {
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
        for (const QJsonObject &conflict : batch.conflicts)
            applyConflict(db, conflict);
    }
    removeFromOutbox(pushed.opIds);
    // The batches' change-log rows say what this store already holds (its revisions, the fields
    // that won, the conflicts just applied). When the store had pulled everything before them,
    // the pull need not read them back: a first sync does not download what it uploaded.
    const QString cursorKey = QStringLiteral("sync_cursor:") + m_serverId;
    const qint64 cursor = meta(db, cursorKey).toLongLong();
    qint64 moved = cursor;
    for (const Pushed::Batch &batch : pushed.batches) {
        if (batch.logAfter > batch.logBefore && moved == batch.logBefore)
            moved = batch.logAfter;
    }
    if (moved != cursor)
        setMeta(db, cursorKey, QString::number(moved));
    tx.commit();
    pushed = Pushed{};
}

void SyncEngine::removeFromOutbox(std::vector<QString> &opIds)
{
    QSqlDatabase &db = m_store.db();
    // When the outbox holds exactly these operations (a first sync, a round with nothing new
    // meanwhile), emptying the table frees its pages at once. Both lists are compared in op_id
    // order, the outbox's own.
    std::sort(opIds.begin(), opIds.end());
    {
        storage::BulkStatement all(db, QStringLiteral("SELECT op_id FROM outbox ORDER BY op_id"));
        std::size_t at = 0;
        bool same = true;
        while (all.next(QStringLiteral("Reading the outbox"))) {
            if (!same)
                continue;
            same = at < opIds.size() && all.textAt(0) == QStringView(opIds[at]);
            ++at;
        }
        if (same && at == opIds.size()) {
            // Debian's SQLite zeroes every freed page (secure_delete), which would write each of
            // the outbox's pages to the WAL once more. The outbox holds ids and stamps, nothing
            // anyone typed, so its pages are freed as they are; the setting is put back at once.
            QSqlQuery setting = localExec(db, QStringLiteral("PRAGMA secure_delete"));
            const int secure = setting.next() ? setting.value(0).toInt() : 1;
            setting.finish();
            localExec(db, QStringLiteral("PRAGMA secure_delete = FAST"));
            const auto restore = qScopeGuard([&] {
                QSqlQuery(db).exec(QStringLiteral("PRAGMA secure_delete = %1").arg(secure));
            });
            storage::BulkStatement clear(db, QStringLiteral("DELETE FROM outbox"));
            clear.step(QStringLiteral("Marking the outbox"));
            return;
        }
    }
    // Otherwise in one statement per chunk, with the op ids as a JSON array: a statement per
    // operation, and keeping the rows with a mark (which moves each one in outbox_pending),
    // cost a first sync more than the server's own work.
    constexpr std::size_t kChunk = 25000;
    storage::BulkStatement remove(
        db, QStringLiteral("DELETE FROM outbox WHERE op_id IN (SELECT value FROM json_each(?))"));
    for (std::size_t from = 0; from < opIds.size(); from += kChunk) {
        QString ids;
        ids.reserve(qsizetype(kChunk) * 40 + 2);
        ids += QLatin1Char('[');
        for (std::size_t i = from; i < std::min(opIds.size(), from + kChunk); ++i) {
            if (ids.size() > 1)
                ids += QLatin1Char(',');
            ids += QLatin1Char('"');
            ids += opIds[i]; // made here, hex and dashes: nothing to escape
            ids += QLatin1Char('"');
        }
        ids += QLatin1Char(']');
        remove.bind(1, ids);
        remove.step(QStringLiteral("Marking the outbox"));
    }
}

SyncCounts SyncEngine::pull()
{
    SyncCounts counts;
    PgConnection &c = conn();
    QSqlDatabase &db = m_store.db();
    const QString cursorKey = QStringLiteral("sync_cursor:") + m_serverId;
    constexpr int kPage = 2000;
    bool careful = false; // a change of this page was refused: apply it change by change
    for (;;) {
        const qint64 from = meta(db, cursorKey).toLongLong();
        // The log's own rows (a revision logged before schema step 3 has one, which refers to
        // it or, before step 2, holds its body) and the revisions that carry their place in it.
        const PgResult page = c.exec(
            QStringLiteral(
                "SELECT seq, kind, entity, row_id, incident_id, field, value, hlc, site_id, body "
                "FROM ((SELECT c.seq, c.kind, c.entity, c.row_id, c.incident_id, c.field, "
                "c.value, c.hlc, c.site_id, coalesce(c.body::text, r.body::text) AS body FROM "
                "idesk_sync.changes c LEFT JOIN idesk_sync.event_revisions r ON c.kind = 'event' "
                "AND c.body IS NULL AND r.id = c.row_id WHERE c.seq > $1 ORDER BY c.seq LIMIT $2) "
                "UNION ALL (SELECT r.seq, 'event', 'timeline_events', r.id, r.incident_id, NULL, "
                "NULL, NULL, NULL, r.body::text FROM idesk_sync.event_revisions r WHERE r.seq > "
                "$1 ORDER BY r.seq LIMIT $2)) AS log ORDER BY seq LIMIT $2"),
            {QString::number(from), QString::number(kPage)});
        if (page.rows() == 0)
            break;
        SyncCounts pageCounts;
        // Applies one change; false when this build passes over it (nothing to count).
        const auto apply = [&](int r) {
            const QString kind = page.text(r, 1);
            const QString entity = page.text(r, 2);
            const QString rowId = page.text(r, 3);
            QString hlc = page.text(r, 7);
            QString origin = page.text(r, 8);
            if (kind == QStringLiteral("event")) {
                const QJsonObject body = parseObject(page.text(r, 9));
                if (page.isNull(r, 7)) { // a revision's own row: the stamp is in its body
                    hlc = body.value(QStringLiteral("hlc")).toString();
                    origin = body.value(QStringLiteral("site_id")).toString();
                }
                applyEvent(db, body);
            } else if (kind == QStringLiteral("conflict")) {
                applyConflict(db, parseObject(page.text(r, 9)));
            } else if (kind == QStringLiteral("field")) {
                const QString field = page.text(r, 5);
                // Names become SQL identifiers: only the ones this build knows are used.
                if (!syncedFields(entity).contains(field))
                    return false;
                LocalRecord rec = readLocal(db, entity, rowId);
                if (!rec.exists) {
                    insertPlaceholder(db, entity, rowId, page.text(r, 4));
                    rec = readLocal(db, entity, rowId);
                }
                const Stamp incoming{hlc, origin};
                // A field changed here and not pushed yet is settled by the push: the server
                // compares it with what it holds and records the loser.
                if (rec.dirty(field))
                    return false;
                std::map<QString, FieldWrite> writes;
                std::map<QString, QString> bases;
                // A whole-row record's fields share one stamp: each of them is written.
                if (rec.stamp(field) < incoming || (rec.wholeRow && rec.stamp(field) == incoming))
                    writes[field] = {page.value(r, 6), incoming};
                if (rec.baseOf(field) < hlc)
                    bases[field] = hlc;
                writeLocal(db, entity, rowId, rec, writes, bases);
            } else {
                return false;
            }
            m_store.observeRemoteStamp(hlc);
            if (origin != m_store.siteId()) // not counting this site's own echoes
                ++pageCounts.pulled;
            return true;
        };
        Store::Transaction tx(m_store);
        qint64 last = from;
        try {
            for (int r = 0; r < page.rows(); ++r) {
                last = page.integer(r, 0);
                if (!careful) {
                    apply(r);
                    continue;
                }
                // Each change on its own, so a refused one leaves the others applied.
                localExec(db, QStringLiteral("SAVEPOINT pull_change"));
                try {
                    apply(r);
                } catch (const RefusedChange &e) {
                    localExec(db, QStringLiteral("ROLLBACK TO pull_change"));
                    ++pageCounts.skipped;
                    spdlog::warn("sync: change {} of the server's log skipped: {}", last,
                                 e.message().toStdString());
                }
                localExec(db, QStringLiteral("RELEASE pull_change"));
            }
        } catch (const RefusedChange &) {
            if (careful)
                throw;
            // The page again, change by change (the transaction is rolled back on the way).
            careful = true;
            continue;
        }
        setMeta(db, cursorKey, QString::number(last));
        tx.commit();
        counts.pulled += pageCounts.pulled;
        counts.skipped += pageCounts.skipped;
        careful = false;
        if (page.rows() < kPage)
            break;
    }
    return counts;
}

} // namespace idesk::sync
