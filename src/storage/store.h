#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "core/hlc.h"
#include "core/types.h"

#include <QDateTime>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace idesk {

class StoreError : public Error
{
public:
    enum class Code
    {
        CannotOpen,      // missing folder, no permission
        NotADatabase,    // the file is something else
        Corrupt,         // SQLite says the image is malformed
        TooNew,          // schema version newer than this build understands
        MigrationFailed, // the original file is untouched
        Query,           // a statement failed
        NotFound,
        Conflict,  // e.g. importing an incident id that already exists
        Ambiguous, // a lookup matched several incidents; the message lists them
        Busy,      // another program held the write lock longer than the busy timeout
        DiskFull,
    };
    StoreError(Code code, QString message);
    Code code() const { return m_code; }

private:
    Code m_code;
};

// The losing side of a last-writer-wins merge, with the value that won as the record holds it now.
struct SyncConflict
{
    QString id;
    QString entity; // incidents, checklist_items, action_items, postmortems
    QString rowId;
    QString incidentId;
    QString field;
    std::optional<QString> mine;   // the value that lost
    std::optional<QString> theirs; // the value held now
    QString loserSite;
    QString loserHlc;
    QString winnerHlc;
    QDateTime detectedAt;
    bool reviewed = false;
};

// The local SQLite store. One instance per thread (the connection is named and owned here).
// Every change runs in one transaction together with its outbox rows; timeline edits and deletes
// add revisions, nothing synced is ever overwritten or hard-deleted.
class Store
{
public:
    static constexpr int kSchemaVersion = 5;

    // How much of an existing file open() reads before trusting it. The GUI takes Structure
    // so the window paints at once, then runs integrityProblems() off the GUI thread.
    enum class Verify
    {
        AllPages,
        Structure
    };

    // Opens (creating if missing) and migrates. Throws StoreError; never overwrites a file it
    // cannot understand: the file is backed up before a migration, and a failed migration
    // leaves the original as it was.
    static std::unique_ptr<Store> open(const QString &path, const Clock &clock,
                                       const QString &connectionName = {},
                                       Verify verify = Verify::AllPages);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // A write transaction that nests: the outermost one takes the write lock (BEGIN IMMEDIATE)
    // and commits; inner ones, such as each write function's own, join it. So a use case made of
    // several writes (a declaration and its checklist rows and timeline event) commits all of
    // them or none. An inner transaction left without commit() (an exception) makes the outer
    // commit() throw instead of committing half a use case.
    class Transaction
    {
    public:
        explicit Transaction(Store &store);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        void commit();

    private:
        Store &m_store;
        bool m_done = false;
    };
    [[nodiscard]] bool inTransaction() const { return m_txDepth > 0; }

    // SQLite's data_version: changes whenever another connection (another window, the CLI, the
    // sync worker) commits to the file, never for this connection's own commits.
    qint64 dataVersion() const;

    QString path() const { return m_path; }
    QString siteId() const { return m_siteId; }
    int schemaVersion() const;

    // Incidents
    Incident declareIncident(const NewIncident &n); // assigns id and the day's channel number
    std::vector<Incident> incidents(bool includeDeleted = false) const;
    // The list's columns only, newest first like incidents(); deleted ones left out.
    // Newest first; `limit` rows at most when it is not negative.
    std::vector<IncidentSummary> incidentSummaries(int limit = -1) const;
    std::optional<Incident> incident(const QString &id) const;
    std::optional<Incident>
    findIncident(const QString &idOrPrefix) const; // id, unique prefix or channel; throws
                                                   // Ambiguous when several incidents match
    void updateIncident(const Incident &changed);  // per-field stamps for the fields that differ

    // Timeline
    TimelineEvent addEvent(const QString &incidentId, const NewEvent &e);
    std::vector<TimelineEvent> addEvents(const QString &incidentId,
                                         const std::vector<NewEvent> &events);
    TimelineEvent editEvent(const QString &eventId, const EventChange &change);
    // The same change to several events in one transaction: all revisions or none (undoing a
    // pasted transcript). An event the change would not alter gets no revision.
    std::vector<TimelineEvent> editEvents(const std::vector<QString> &eventIds,
                                          const EventChange &change);
    std::vector<TimelineEvent>
    events(const EventQuery &q) const; // current revisions by occurred_at
    int eventCount(const QString &incidentId, bool includeDeleted = false) const;
    std::vector<TimelineEvent>
    eventHistory(const QString &eventId) const; // all revisions, oldest first
    std::optional<TimelineEvent> currentEvent(const QString &eventId) const;

    // Checklists
    std::vector<ChecklistItem> checklist(const QString &incidentId) const;
    ChecklistItem addChecklistItem(const QString &incidentId, ChecklistKind list,
                                   const QString &text);
    void setChecklistItem(const QString &itemId, bool checked, const QString &by);

    // Action items
    std::vector<ActionItem> actionItems(const QString &incidentId) const;
    ActionItem addActionItem(const QString &incidentId, const QString &description,
                             const QString &owner, const QDate &due);
    void updateActionItem(const ActionItem &changed);

    // Whole incidents, for export/import and sync
    IncidentBundle bundle(const QString &incidentId) const;
    void importBundle(const IncidentBundle &b); // throws Conflict if the id exists

    // Post-mortem document, one per incident: JSON text whose shape core/postmortem owns.
    // Stored as one synced row (table postmortems: incident_id, body, hlc, site_id, updated_at).
    std::optional<QByteArray> postmortem(const QString &incidentId) const;
    void savePostmortem(const QString &incidentId, const QByteArray &json);

    int pendingOutbox() const;

    // Conflicts pulled from the sync server, newest first.
    std::vector<SyncConflict> conflicts(bool includeReviewed = false) const;
    // "Keep theirs": a synced change of the conflict's own, so every site sees it reviewed.
    void setConflictReviewed(const QString &conflictId, bool reviewed = true);
    // "Restore mine": the losing value written again with a new stamp (so it wins the next
    // merge and syncs like any edit), and the conflict reviewed, in one transaction.
    void restoreConflict(const QString &conflictId);
    // Sync marks: the events of an incident with a revision still waiting in the outbox, or
    // nullopt when this file has never synced (every event is then simply local).
    std::optional<QSet<QString>> unsyncedEvents(const QString &incidentId) const;
    // Timeline rows are appended, never rewritten, so their rowid orders what was written here
    // by this program, another one or the sync worker. The newest position, and the current
    // revision (deleted ones too) of each event of an incident revised after a position.
    qint64 timelinePosition() const;
    std::vector<TimelineEvent> eventsRevisedAfter(const QString &incidentId, qint64 position) const;

    // Sync: later local stamps must sort after one received from another site (persisted
    // with the caller's transaction).
    void observeRemoteStamp(const QString &hlc);
    const Clock &clock() const { return m_clock; }

    // SQLite's quick_check over every page: empty when the file is sound, else what is wrong.
    QString integrityProblems() const;
    // quick_check over every page whatever the file's size; throws StoreError (Corrupt), worded
    // as open() words it, when the file is damaged. For readers that must not act on a part of
    // the file, such as sync, which would otherwise send the rows it can still read.
    void requireSound() const;

    QSqlDatabase &db() { return m_db; }

private:
    Store(QString path, const Clock &clock, QString connectionName);
    QString nextHlc();
    void openConnection(bool hadData, Verify verify, const QString &suspectedTruncation);
    StoreError damaged(const QString &why) const;
    void loadMeta();
    TimelineEvent reviseEvent(const QString &eventId, const EventChange &change); // in a tx
    void persistHlc();

    QString m_path;
    QString m_fileKey; // this process's count of open connections to the file is kept under it
    int m_txDepth = 0;
    bool m_txFailed = false;
    const Clock &m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_siteId;
    Hlc m_hlc;
};

// The synced fields of a mutable record table (incidents, checklist_items, action_items,
// postmortems), by column name; empty for any other name. Sync checks names it receives
// against these before they reach SQL.
QStringList syncedFields(const QString &entity);

// One event's current revision as a timeline list shows it: none of the columns that only
// history, export and sync read (revision ids, stamps, recorded time).
struct TimelineListEvent
{
    QString eventId;
    qint64 occurredMs = 0; // UTC milliseconds since the epoch
    int revision = 0;
    EventKind kind = EventKind::Note;
    bool pinned = false;
    QString author;
    QString text;
    QString source;
};

// The current, not-deleted events of one incident in the timeline's order (that of
// Store::events), from `offset` on, handed to `each` one by one until it returns false. One
// forward read with a small page cache: paging through events() steps over every row before
// each offset again, and a sequential read gains nothing from caching the pages it has passed.
// Authors and sources that repeat come as one shared string each.
void readTimelineList(Store &store, const QString &incidentId, int offset,
                      const std::function<bool(TimelineListEvent &&)> &each);

// ---- diagnostics evidence ------------------------------------------------------------------

// The full output of one diagnostic run, linked to the evidence event that summarises it.
struct DiagnosticOutput
{
    QString eventId;
    QString incidentId;
    QString checkId;
    QString output;
    bool truncated = false;
    QDateTime recordedAt; // the event's
};

// Stores the output for an event already written (normally inside the same transaction that
// added the event, so both land or neither does).
void saveDiagnosticOutput(Store &store, const DiagnosticOutput &output);
std::optional<DiagnosticOutput> diagnosticOutput(Store &store, const QString &eventId);

} // namespace idesk
