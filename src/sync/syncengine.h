#pragma once

#include "sync/pg.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace idesk {
class Store;
}

namespace idesk::sync {

struct SyncCounts
{
    int pushed = 0;    // outbox operations sent up
    int pulled = 0;    // server changes applied here
    int conflicts = 0; // conflicts recorded on the server by this push
    int renamed = 0;   // incidents renamed because their channel was taken on the server
    int skipped = 0;   // server changes this file's schema refuses (logged), passed over
};

// Pushes a Store's outbox to a PostgreSQL server and pulls what others pushed. One engine per
// thread, over that thread's Store; not thread-safe.
//
// Server model (schema idesk_sync): one row per field of every mutable record, upserted with
// last-writer-wins by (hlc, site_id) in the upsert's WHERE; timeline revisions and conflicts as
// insert-only facts; a change log that pull reads by cursor, whose revisions carry their own
// place in it. Every push transaction takes one
// advisory lock before it writes the log, so log rows become visible in sequence order and a
// cursor never steps over a row committed late.
class SyncEngine
{
public:
    static constexpr int kServerSchemaVersion = 3;

    SyncEngine(Store &store, QString conninfo);
    ~SyncEngine();

    // Connects (if not connected) and creates or migrates the server schema. Throws SyncError.
    void connect();
    void disconnect();
    bool isConnected() const;

    SyncCounts push();
    SyncCounts pull();
    // Push, then pull: what `incidentdesk-cli sync` does once and the worker on every round.
    SyncCounts syncOnce();

    void setBatchSize(int ops) { m_batchSize = ops; }
    // Tests: runs inside each push transaction just before COMMIT, with the server connection.
    void setBeforeCommitHook(std::function<void(PgConnection &)> hook)
    {
        m_beforeCommit = std::move(hook);
    }
    PgConnection *connection() { return m_conn.get(); }
    // The change-log position this store has applied, for this server.
    qint64 cursor() const;

    // What the local store says without asking the server.
    struct LocalStatus
    {
        int pending = 0;     // outbox operations not on the server yet
        int conflicts = 0;   // conflicts recorded (by any site) and pulled here
        QString lastSyncUtc; // ISO time of the last round that pushed and pulled, or empty
    };
    static LocalStatus localStatus(Store &store);

    // LISTEN/NOTIFY channel a push notifies when it wrote changes.
    static QString notifyChannel();

private:
    struct Batch;
    struct Pushed;
    void migrateServer();
    void adoptServer();
    void beginBatch(Batch &batch);
    void streamRevisions(Batch &batch);
    void pushBatch(Batch &batch, SyncCounts &counts, Pushed &pushed);
    void settle(Pushed &pushed);
    void removeFromOutbox(std::vector<QString> &opIds);
    void abandonBatch(Batch &batch);
    void resolveChannel(const QString &incidentId, SyncCounts &counts);
    PgConnection &conn();

    Store &m_store;
    QString m_conninfo;
    QString m_serverId;
    std::unique_ptr<PgConnection> m_conn;
    // A first sync of a long timeline goes up in a few large batches; a round of edits in one.
    int m_batchSize = 25000;
    std::function<void(PgConnection &)> m_beforeCommit;
};

} // namespace idesk::sync
