#pragma once

#include "core/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

class QThread;

namespace idesk {

class IncidentService;

// What the timeline keeps of one event's current revision. Strings that repeat (authors,
// sources) are shared between rows, so 100,000 rows cost little more than their texts.
struct TimelineRow
{
    QString eventId;
    qint64 occurredMs = 0; // UTC milliseconds since the epoch
    int revision = 0;
    EventKind kind = EventKind::Note;
    bool pinned = false;
    QString author;
    QString text;
    QString source;
    QDateTime occurredAt() const
    {
        return QDateTime::fromMSecsSinceEpoch(occurredMs, QTimeZone::utc());
    }
};

// The current revisions of one incident's timeline events, oldest first. Rows arrive in pages
// (canFetchMore/fetchMore over the service's events offset/limit) so a 100,000-event incident opens
// with one page read; the rest can then be read on a worker thread with its own store connection
// (loadRemainingInBackground) so the GUI never waits on it. The service's eventAdded and
// eventsChanged signals update the rows in place: a new event is inserted at its time, an edit
// updates or moves its row, a tombstone removes it.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Occurred = 0,
        Kind,
        Author,
        Text,
        Source,
        Pinned,
        Synced, // local only or on the sync server: a mark with a tooltip
        ColumnCount
    };
    enum Role
    {
        EventIdRole = Qt::UserRole + 1,
        OccurredAtRole, // QDateTime, UTC
        OccurredMsRole, // qint64, the sort key
        KindRole,       // int(EventKind)
        PinnedRole,     // bool
        RevisionRole,   // int
        FullTextRole,   // the text with its line breaks (Display joins lines)
        SyncStateRole,  // int(SyncState)
    };
    enum class SyncState
    {
        NotSyncing, // the file has never synced
        LocalOnly,  // a revision still waits in the outbox
        Synced,
    };
    static constexpr int kDefaultPageSize = 500;

    // Edits made through setData() go here when set (the tab routes them through its undo
    // stack); otherwise straight to the service. Returns whether the edit was made.
    using EditHandler = std::function<bool(const QString &eventId, const EventChange &change)>;

    explicit TimelineModel(IncidentService &service, QObject *parent = nullptr);
    // Whether the file syncs at all: without it the Synced column has nothing to say.
    bool syncing() const { return m_unsynced.has_value(); }
    ~TimelineModel() override;

    QString incidentId() const { return m_incidentId; }
    void setIncidentId(const QString &incidentId); // empty: no rows
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Loads up to `rows` more rows at once, on this thread. Returns whether more remain.
    bool fetchRows(int rows);
    // Reads every remaining row on a worker thread (its own Store connection on the same file)
    // and merges them in batches; changes made meanwhile are applied again once it is done, so
    // nothing is lost or duplicated. Falls back to reading here when the worker cannot open the
    // store. fullyLoaded() follows.
    void loadRemainingInBackground();
    bool isLoadingInBackground() const { return m_worker != nullptr; }
    bool isComplete() const { return m_exhausted; }
    // Events in the store as last counted; -1 until counted (counting 100,000 rows costs more
    // than the first page, so it is left to the background load).
    int totalCount() const { return m_total; }

    const TimelineRow &row(int r) const { return m_rows[std::size_t(r)]; }
    const std::vector<TimelineRow> &rows() const { return m_rows; }
    int rowOf(const QString &eventId) const; // -1 when not loaded
    // True when the loaded events fall on more than one UTC day; the time column then shows dates.
    bool spansDays() const { return m_spansDays; }

    // What setData() does without an edit handler: one new revision through the service.
    // Throws StoreError like the service does.
    TimelineEvent editEvent(const QString &eventId, const EventChange &change);

public Q_SLOTS:
    // Reflects a revision written elsewhere (an undo command, the service) without a reload.
    // Stale revisions are ignored, so calling it twice for the same revision is harmless.
    void applyRevision(const idesk::TimelineEvent &revision);
    // Reads the loaded range again; for changes the signals did not describe.
    void reload();

Q_SIGNALS:
    void loadFailed(const QString &message);
    void loaded(int loadedRows, int totalRows); // after every page
    void fullyLoaded();

private:
    void onEventsChanged(const QString &incidentId);
    void settlePendingChanges();
    // Applies, in place, the revisions written since m_position (other programs, the sync
    // worker). False when that cannot be done and the loaded range must be read again.
    bool catchUp();
    void refreshSyncMarks();
    SyncState syncState(const TimelineRow &r) const;
    TimelineRow toRow(const TimelineEvent &e);
    QString intern(const QString &s);
    // Counts the id as loaded and says true, unless it is already loaded: in m_rows or among
    // `pending` (rows about to be added).
    bool admitId(const QString &eventId, std::span<const TimelineRow> pending = {});
    void forgetId(const QString &eventId);
    int insertPosition(qint64 occurredMs) const;
    void insertRow(TimelineRow row); // its id already counted in m_idHashes
    void removeRowAt(int r);
    void updateSpansDays();
    std::vector<TimelineEvent> readPage(int offset, int limit);
    void appendRows(std::vector<TimelineRow> fresh);
    void mergeBackgroundRows(quint64 generation, std::vector<TimelineRow> rows);
    void finishBackgroundLoad(quint64 generation, int total, const QString &error);
    void stopBackgroundLoad();
    void loadSynchronouslyStep();

    IncidentService &m_service;
    QString m_incidentId;
    std::vector<TimelineRow> m_rows;
    // The loaded event ids, by hash and how many loaded ids have it: filling a set of 100,000
    // strings cost the GUI thread more than all the rest of merging the rows; a hit is confirmed
    // against the rows themselves.
    QHash<size_t, int> m_idHashes;
    QHash<QString, QString> m_strings;
    EditHandler m_editHandler;
    int m_pageSize = kDefaultPageSize;
    int m_storeOffset = 0; // rows consumed from the store's ordering (the fetch frontier)
    int m_total = -1;
    bool m_exhausted = true;
    bool m_spansDays = false;

    // Background load: a generation number tells stale batches from current ones; revisions
    // seen while it runs are applied again at the end, when every row has arrived.
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    std::vector<TimelineEvent> m_seenDuringLoad;
    QTimer m_syncLoader; // the fallback when no worker connection can be opened

    // eventsChanged says "something changed" without saying what; eventAdded and eventRevised
    // (through applyRevision) say what. When more changes were announced than described, the loaded
    // range is re-read.
    int m_announced = 0;
    int m_described = 0;
    QTimer m_settle;
    qint64 m_position = 0; // Store::timelinePosition when the rows were last brought up to date
    std::optional<QSet<QString>> m_unsynced;
};

} // namespace idesk
