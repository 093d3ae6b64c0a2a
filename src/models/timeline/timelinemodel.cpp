#include "models/timeline/timelinemodel.h"

#include "services/displaytext.h"
#include "services/incidentreader.h"
#include "services/incidentservice.h"
#include "storage/store.h"

#include <QLocale>
#include <QThread>
#include <QTimeZone>
#include <algorithm>

namespace idesk {

namespace {

// Rows per background batch: one merge on the GUI thread each, which at this size stays well
// under a frame even with a sorting proxy and a view attached.
constexpr int kBackgroundBatch = 10000;

TimelineRow rowFromEvent(const TimelineEvent &e)
{
    TimelineRow r;
    r.eventId = e.eventId;
    r.occurredMs = e.occurredAt.toMSecsSinceEpoch();
    r.revision = e.revision;
    r.kind = e.kind;
    r.pinned = e.pinned;
    r.author = e.author;
    r.text = e.text;
    r.source = e.source;
    return r;
}

EventKind kindFromVariant(const QVariant &v, bool *ok)
{
    *ok = false;
    if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::UInt) {
        const int k = v.toInt();
        *ok = k >= 0 && k < EventKindCount;
        return *ok ? static_cast<EventKind>(k) : EventKind::Note;
    }
    const auto k = eventKindFromString(v.toString());
    *ok = k.has_value();
    return k.value_or(EventKind::Note);
}

QDateTime timeFromVariant(const QVariant &v)
{
    if (v.typeId() == QMetaType::QDateTime)
        return v.toDateTime().toUTC();
    const QString s = v.toString().trimmed();
    QDateTime t = QDateTime::fromString(s, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (t.isValid()) {
        t.setTimeZone(QTimeZone::utc());
        return t;
    }
    return fromIso(s);
}

} // namespace

TimelineModel::TimelineModel(IncidentService &service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(0);
    connect(&m_settle, &QTimer::timeout, this, &TimelineModel::settlePendingChanges);
    connect(&m_service, &IncidentService::eventAdded, this, &TimelineModel::applyRevision);
    connect(&m_service, &IncidentService::eventRevised, this, &TimelineModel::applyRevision);
    connect(&m_service, &IncidentService::eventsChanged, this, &TimelineModel::onEventsChanged);
    m_syncLoader.setInterval(0);
    connect(&m_syncLoader, &QTimer::timeout, this, &TimelineModel::loadSynchronouslyStep);
}

TimelineModel::~TimelineModel()
{
    stopBackgroundLoad();
}

void TimelineModel::setIncidentId(const QString &incidentId)
{
    stopBackgroundLoad();
    beginResetModel();
    m_rows.clear();
    m_idHashes.clear();
    m_strings.clear();
    m_incidentId = incidentId;
    m_storeOffset = 0;
    m_total = -1;
    m_exhausted = incidentId.isEmpty();
    m_announced = m_described = 0;
    m_settle.stop();
    m_unsynced.reset();
    std::vector<TimelineEvent> first;
    if (!m_exhausted) {
        try {
            m_position = m_service.timelinePosition();
            m_unsynced = m_service.unsyncedEvents(incidentId);
        } catch (const Error &) {
            // The rows say what they can; marks and catching up wait for the next change.
        }
        first = readPage(0, m_pageSize);
    }
    m_rows.reserve(first.size());
    for (const auto &e : first) {
        if (admitId(e.eventId))
            m_rows.push_back(toRow(e));
    }
    if (m_exhausted)
        m_total = int(m_rows.size());
    m_spansDays =
        !m_rows.empty() &&
        QDateTime::fromMSecsSinceEpoch(m_rows.front().occurredMs, QTimeZone::utc()).date() !=
            QDateTime::fromMSecsSinceEpoch(m_rows.back().occurredMs, QTimeZone::utc()).date();
    endResetModel();
    Q_EMIT loaded(int(m_rows.size()), m_total);
}

void TimelineModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

std::vector<TimelineEvent> TimelineModel::readPage(int offset, int limit)
{
    EventQuery q;
    q.incidentId = m_incidentId;
    q.offset = offset;
    q.limit = limit;
    try {
        auto page = m_service.events(q);
        m_storeOffset = offset + int(page.size());
        if (int(page.size()) < limit)
            m_exhausted = true;
        return page;
    } catch (const StoreError &e) {
        // Stop paging rather than retry in a loop every time the view scrolls to the end.
        m_exhausted = true;
        Q_EMIT loadFailed(e.message());
        return {};
    }
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    // While the worker reads, the view's own fetches would only read the same rows twice.
    return !parent.isValid() && !m_exhausted && !m_worker;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && !m_worker)
        fetchRows(m_pageSize);
}

bool TimelineModel::fetchRows(int rows)
{
    if (m_exhausted || rows <= 0 || m_worker)
        return false;
    const auto page = readPage(m_storeOffset, rows);
    std::vector<TimelineRow> fresh;
    fresh.reserve(page.size());
    for (const auto &e : page)
        fresh.push_back(toRow(e));
    appendRows(std::move(fresh));
    if (m_exhausted)
        m_total = int(m_rows.size());
    Q_EMIT loaded(int(m_rows.size()), m_total);
    return !m_exhausted;
}

void TimelineModel::appendRows(std::vector<TimelineRow> fresh)
{
    // The frontier is an offset, and rows can shift under it while paging; a row seen twice is
    // dropped here, and the frontier is only ever moved back, never past a row.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (!admitId(fresh[i].eventId, std::span(fresh.data(), kept)))
            continue;
        if (kept != i)
            fresh[kept] = std::move(fresh[i]);
        ++kept;
    }
    fresh.resize(kept);
    if (fresh.empty())
        return;
    // A page is in time order; only rows that sort before the last loaded row (moved there by
    // an edit meanwhile) need inserting one by one, the rest is one append.
    std::size_t split = 0;
    if (!m_rows.empty()) {
        const qint64 last = m_rows.back().occurredMs;
        while (split < fresh.size() && fresh[split].occurredMs < last)
            ++split;
    }
    for (std::size_t i = 0; i < split; ++i)
        insertRow(std::move(fresh[i]));
    if (split < fresh.size()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size() - split) - 1);
        // push_back grows the vector geometrically; reserving exactly each page would move
        // every loaded row again for every page.
        for (std::size_t i = split; i < fresh.size(); ++i)
            m_rows.push_back(std::move(fresh[i]));
        endInsertRows();
    }
    updateSpansDays();
}

void TimelineModel::loadRemainingInBackground()
{
    if (m_exhausted || m_worker || m_syncLoader.isActive())
        return;
    const QString path = m_service.databasePath();
    const QString incidentId = m_incidentId;
    const int start = m_storeOffset;
    const quint64 generation = ++m_generation;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_seenDuringLoad.clear();
    TimelineModel *target = this; // outlives the thread: stopBackgroundLoad() joins it
    m_worker = QThread::create([path, incidentId, start, generation, cancel, target] {
        QString error;
        int read = 0;
        try {
            // A connection of its own: SQLite connections are one per thread.
            const IncidentReader reader(path);
            // Rows are built here, in their final shape, so the GUI thread only moves them.
            auto batch = std::make_shared<std::vector<TimelineRow>>();
            const auto post = [&] {
                if (batch->empty())
                    return;
                QMetaObject::invokeMethod(
                    target,
                    [target, generation, batch] {
                        target->mergeBackgroundRows(generation, std::move(*batch));
                    },
                    Qt::QueuedConnection);
                batch = std::make_shared<std::vector<TimelineRow>>();
            };
            batch->reserve(kBackgroundBatch);
            reader.timelineList(incidentId, start, [&](TimelineListEvent &&e) {
                if (cancel->load())
                    return false;
                TimelineRow r;
                r.eventId = std::move(e.eventId);
                r.occurredMs = e.occurredMs;
                r.revision = e.revision;
                r.kind = e.kind;
                r.pinned = e.pinned;
                r.author = std::move(e.author); // shared by the read
                r.text = std::move(e.text);
                r.source = std::move(e.source);
                batch->push_back(std::move(r));
                ++read;
                if (int(batch->size()) == kBackgroundBatch) {
                    post();
                    batch->reserve(kBackgroundBatch);
                }
                return true;
            });
            post();
        } catch (const StoreError &e) {
            error = e.message();
        }
        const int total = start + read;
        QMetaObject::invokeMethod(
            target,
            [target, generation, total, error] {
                target->finishBackgroundLoad(generation, total, error);
            },
            Qt::QueuedConnection);
    });
    m_worker->start(QThread::LowPriority);
}

void TimelineModel::mergeBackgroundRows(quint64 generation, std::vector<TimelineRow> rows)
{
    if (generation != m_generation || !m_worker)
        return;
    appendRows(std::move(rows));
    Q_EMIT loaded(int(m_rows.size()), m_total);
}

void TimelineModel::finishBackgroundLoad(quint64 generation, int total, const QString &error)
{
    if (generation != m_generation || !m_worker)
        return;
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    if (!error.isEmpty()) {
        // No second connection (or it failed part way): read the rest here, in small steps.
        qWarning("Timeline: background read failed (%s); reading on the GUI thread",
                 qUtf8Printable(error));
        m_storeOffset = int(m_rows.size());
        m_syncLoader.start();
        return;
    }
    m_exhausted = true;
    // What happened while the worker read: the worker may have read those rows before or after
    // the change, so the changes are applied again now that every row is here.
    const auto seen = std::exchange(m_seenDuringLoad, {});
    for (const auto &e : seen)
        applyRevision(e);
    m_total = int(m_rows.size());
    // A change before the worker's offset shifts the rows it had still to read; the count tells
    // whether that cost a row, and only then is everything read again.
    if (!seen.empty()) {
        try {
            if (m_service.eventCount(m_incidentId) != int(m_rows.size()))
                reload();
        } catch (const StoreError &e) {
            Q_EMIT loadFailed(e.message());
        }
    }
    Q_UNUSED(total);
    updateSpansDays();
    Q_EMIT loaded(int(m_rows.size()), m_total);
    Q_EMIT fullyLoaded();
}

void TimelineModel::loadSynchronouslyStep()
{
    if (!fetchRows(kBackgroundBatch)) {
        m_syncLoader.stop();
        Q_EMIT fullyLoaded();
    }
}

void TimelineModel::stopBackgroundLoad()
{
    m_syncLoader.stop();
    if (!m_worker)
        return;
    m_cancel->store(true);
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    ++m_generation; // batches already posted are dropped
    m_seenDuringLoad.clear();
}

int TimelineModel::rowOf(const QString &eventId) const
{
    if (!m_idHashes.contains(qHash(eventId, 0)))
        return -1;
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [&](const TimelineRow &r) { return r.eventId == eventId; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

bool TimelineModel::admitId(const QString &eventId, std::span<const TimelineRow> pending)
{
    int &count = m_idHashes[qHash(eventId, 0)];
    if (count > 0) {
        const auto same = [&](const TimelineRow &r) { return r.eventId == eventId; };
        if (std::any_of(m_rows.begin(), m_rows.end(), same) ||
            std::any_of(pending.begin(), pending.end(), same))
            return false;
    }
    ++count;
    return true;
}

void TimelineModel::forgetId(const QString &eventId)
{
    const auto it = m_idHashes.find(qHash(eventId, 0));
    if (it != m_idHashes.end() && --*it <= 0)
        m_idHashes.erase(it);
}

QString TimelineModel::intern(const QString &s)
{
    auto it = m_strings.constFind(s);
    if (it != m_strings.constEnd())
        return *it;
    // Only short strings repeat; sharing long texts would just cost hashing.
    if (s.size() <= 64 && m_strings.size() < 10000)
        m_strings.insert(s, s);
    return s;
}

TimelineRow TimelineModel::toRow(const TimelineEvent &e)
{
    TimelineRow r = rowFromEvent(e);
    r.author = intern(r.author);
    r.source = intern(r.source);
    return r;
}

int TimelineModel::insertPosition(qint64 occurredMs) const
{
    const auto it =
        std::upper_bound(m_rows.begin(), m_rows.end(), occurredMs,
                         [](qint64 ms, const TimelineRow &r) { return ms < r.occurredMs; });
    return int(it - m_rows.begin());
}

void TimelineModel::insertRow(TimelineRow row)
{
    const int at = insertPosition(row.occurredMs);
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, std::move(row));
    endInsertRows();
}

void TimelineModel::removeRowAt(int r)
{
    beginRemoveRows({}, r, r);
    forgetId(m_rows[std::size_t(r)].eventId);
    m_rows.erase(m_rows.begin() + r);
    endRemoveRows();
}

void TimelineModel::updateSpansDays()
{
    const bool spans =
        !m_rows.empty() &&
        QDateTime::fromMSecsSinceEpoch(m_rows.front().occurredMs, QTimeZone::utc()).date() !=
            QDateTime::fromMSecsSinceEpoch(m_rows.back().occurredMs, QTimeZone::utc()).date();
    if (spans == m_spansDays)
        return;
    m_spansDays = spans;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Occurred), index(int(m_rows.size()) - 1, Occurred),
                           {Qt::DisplayRole});
}

void TimelineModel::applyRevision(const TimelineEvent &e)
{
    if (m_incidentId.isEmpty() || e.incidentId != m_incidentId)
        return;
    ++m_described;
    if (m_worker)
        m_seenDuringLoad.push_back(e);
    const qint64 ms = e.occurredAt.toMSecsSinceEpoch();
    // Rows beyond the frontier arrive with their page; inserting them now would put a row
    // after a gap of rows not yet read.
    const auto beyondFrontier = [&](qint64 t) {
        return !m_exhausted && !m_rows.empty() && t > m_rows.back().occurredMs;
    };
    // Below the frontier the store's ordering gains or loses a row before the offset.
    const auto shiftFrontier = [&](int by) {
        if (!m_exhausted)
            m_storeOffset = std::max(0, m_storeOffset + by);
    };

    const int r = rowOf(e.eventId);
    if (r < 0) {
        if (e.deleted || beyondFrontier(ms))
            return;
        const bool strictlyBefore = !m_rows.empty() && ms < m_rows.back().occurredMs;
        ++m_idHashes[qHash(e.eventId, 0)];
        insertRow(toRow(e));
        if (m_total >= 0)
            m_total += 1;
        // A tie with the last loaded row may sort on either side of the frontier; not moving
        // it means at worst the row comes again with the next page and is dropped there.
        if (strictlyBefore)
            shiftFrontier(+1);
        updateSpansDays();
        return;
    }

    TimelineRow &current = m_rows[std::size_t(r)];
    if (e.revision <= current.revision)
        return;
    if (e.deleted) {
        removeRowAt(r);
        if (m_total > 0)
            m_total -= 1;
        shiftFrontier(-1);
        updateSpansDays();
        return;
    }
    TimelineRow updated = toRow(e);
    if (updated.occurredMs == current.occurredMs) {
        current = std::move(updated);
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
        return;
    }
    // Moved in time: keep the row object (and with it the view's selection) and move it.
    int dest = insertPosition(updated.occurredMs);
    if (dest == r || dest == r + 1) {
        current = std::move(updated);
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    } else {
        beginMoveRows({}, r, r, {}, dest);
        auto first = m_rows.begin();
        if (dest > r) {
            std::rotate(first + r, first + r + 1, first + dest);
            dest -= 1;
        } else {
            std::rotate(first + dest, first + r, first + r + 1);
        }
        m_rows[std::size_t(dest)] = std::move(updated);
        endMoveRows();
        Q_EMIT dataChanged(index(dest, 0), index(dest, ColumnCount - 1));
    }
    // Moved past the rows read so far: give it back to the pages that are still to come.
    const int now = rowOf(e.eventId);
    if (!m_exhausted && now == int(m_rows.size()) - 1 && m_rows.size() > 1 &&
        m_rows[std::size_t(now)].occurredMs > m_rows[std::size_t(now) - 1].occurredMs) {
        removeRowAt(now);
        shiftFrontier(-1);
    }
    updateSpansDays();
}

void TimelineModel::onEventsChanged(const QString &incidentId)
{
    if (incidentId != m_incidentId || m_incidentId.isEmpty())
        return;
    ++m_announced;
    m_settle.start();
}

void TimelineModel::settlePendingChanges()
{
    const bool undescribed = m_announced > m_described;
    m_announced = m_described = 0;
    if (undescribed && !catchUp())
        reload();
    refreshSyncMarks();
}

bool TimelineModel::catchUp()
{
    if (m_incidentId.isEmpty())
        return true;
    try {
        // The position is taken first: a row written meanwhile is read now or next time.
        const qint64 now = m_service.timelinePosition();
        if (now == m_position)
            return true;
        const auto revised = m_service.eventsRevisedAfter(m_incidentId, m_position);
        m_position = now;
        for (const TimelineEvent &e : revised) {
            const int r = rowOf(e.eventId);
            if (r >= 0 && !e.deleted && e.revision == m_rows[std::size_t(r)].revision) {
                // Two sites revised the same revision and the merge made the other current.
                TimelineRow fresh = toRow(e);
                TimelineRow &row = m_rows[std::size_t(r)];
                if (fresh.occurredMs != row.occurredMs)
                    return false;
                if (fresh.text != row.text || fresh.kind != row.kind ||
                    fresh.author != row.author || fresh.source != row.source ||
                    fresh.pinned != row.pinned) {
                    row = std::move(fresh);
                    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
                }
                continue;
            }
            applyRevision(e);
        }
        m_announced = m_described = 0;
        return true;
    } catch (const Error &) {
        return false;
    }
}

void TimelineModel::refreshSyncMarks()
{
    if (m_incidentId.isEmpty())
        return;
    std::optional<QSet<QString>> fresh;
    try {
        fresh = m_service.unsyncedEvents(m_incidentId);
    } catch (const Error &) {
        return;
    }
    if (fresh == m_unsynced)
        return;
    m_unsynced = std::move(fresh);
    if (!m_rows.empty())
        Q_EMIT dataChanged(
            index(0, Synced), index(int(m_rows.size()) - 1, Synced),
            {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SyncStateRole});
}

TimelineModel::SyncState TimelineModel::syncState(const TimelineRow &r) const
{
    if (!m_unsynced)
        return SyncState::NotSyncing;
    return m_unsynced->contains(r.eventId) ? SyncState::LocalOnly : SyncState::Synced;
}

void TimelineModel::reload()
{
    if (m_incidentId.isEmpty())
        return;
    const bool wasLoading = m_worker != nullptr;
    stopBackgroundLoad();
    const int keep = std::max(m_pageSize, int(m_rows.size()));
    try {
        m_position = m_service.timelinePosition();
        m_unsynced = m_service.unsyncedEvents(m_incidentId);
    } catch (const Error &) {
    }
    beginResetModel();
    m_rows.clear();
    m_idHashes.clear();
    m_exhausted = false;
    const auto page = readPage(0, keep);
    m_rows.reserve(page.size());
    for (const auto &e : page) {
        if (admitId(e.eventId))
            m_rows.push_back(toRow(e));
    }
    m_total = m_exhausted ? int(m_rows.size()) : -1;
    m_spansDays =
        !m_rows.empty() &&
        QDateTime::fromMSecsSinceEpoch(m_rows.front().occurredMs, QTimeZone::utc()).date() !=
            QDateTime::fromMSecsSinceEpoch(m_rows.back().occurredMs, QTimeZone::utc()).date();
    endResetModel();
    Q_EMIT loaded(int(m_rows.size()), m_total);
    if (wasLoading)
        loadRemainingInBackground();
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineRow &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case EventIdRole:
        return r.eventId;
    case OccurredAtRole:
        return r.occurredAt();
    case OccurredMsRole:
        return r.occurredMs;
    case KindRole:
        return int(r.kind);
    case PinnedRole:
        return r.pinned;
    case RevisionRole:
        return r.revision;
    case FullTextRole:
        return r.text;
    case SyncStateRole:
        return int(syncState(r));
    default:
        break;
    }

    if (index.column() == Synced) {
        const SyncState state = syncState(r);
        if (state == SyncState::NotSyncing)
            return {};
        const bool local = state == SyncState::LocalOnly;
        if (role == Qt::DisplayRole)
            return local ? QStringLiteral("\u2191") : QStringLiteral("\u2713");
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return local ? tr("Local only: not on the sync server yet") : tr("Synced");
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignCenter);
        return {};
    }

    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Occurred:
            return r.occurredAt().toString(m_spansDays ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                       : QStringLiteral("HH:mm:ss"));
        case Kind:
            return DisplayText::eventKind(r.kind);
        case Author:
            return r.author;
        case Text: {
            if (!r.text.contains(u'\n'))
                return r.text;
            // One fixed-height line per row: show where the breaks were without growing it.
            QString oneLine = r.text;
            oneLine.replace(u'\n', QStringLiteral(" \u23CE "));
            return oneLine;
        }
        case Source:
            return r.source;
        case Pinned:
            return {};
        }
    }
    if (role == Qt::EditRole) {
        switch (column) {
        case Occurred:
            return r.occurredAt();
        case Kind:
            return eventKindToString(r.kind);
        case Author:
            return r.author;
        case Text:
            return r.text;
        case Source:
            return r.source;
        case Pinned:
            return r.pinned;
        }
    }
    if (role == Qt::CheckStateRole && column == Pinned)
        return r.pinned ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole) {
        if (column == Occurred) {
            const QDateTime utc = r.occurredAt();
            const QDateTime local = utc.toLocalTime();
            return tr("%1 UTC\n%2 local (%3)")
                .arg(utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     local.timeZoneAbbreviation());
        }
        if (column == Text)
            return r.text;
        if (column == Kind) // whole where a narrow window cuts the column short
            return DisplayText::eventKind(r.kind);
        if (column == Pinned)
            return r.pinned ? tr("Key event") : tr("Not pinned");
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, o, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Occurred:
            return tr("Occurred (UTC)");
        case Kind:
            return tr("Kind");
        case Author:
            return tr("Author");
        case Text:
            return tr("Text");
        case Source:
            return tr("Source");
        case Pinned:
            return tr("Pinned");
        case Synced:
            return tr("Sync");
        }
    }
    if (role == Qt::ToolTipRole && section == Synced)
        return tr("\u2713 synced, \u2191 local only (waiting to go to the sync server)");
    if (role == Qt::ToolTipRole && section == Occurred)
        return tr("When it happened, in UTC; hover a time for local time");
    return {};
}

Qt::ItemFlags TimelineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    switch (index.column()) {
    case Occurred:
    case Kind:
    case Author:
    case Text:
        f |= Qt::ItemIsEditable;
        break;
    case Pinned:
        f |= Qt::ItemIsUserCheckable;
        break;
    default:
        break;
    }
    return f;
}

bool TimelineModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const TimelineRow &r = m_rows[std::size_t(index.row())];
    EventChange change;
    switch (index.column()) {
    case Occurred: {
        if (role != Qt::EditRole)
            return false;
        const QDateTime t = timeFromVariant(value);
        if (!t.isValid() || t.toMSecsSinceEpoch() == r.occurredMs)
            return false;
        change.occurredAt = t;
        break;
    }
    case Kind: {
        bool ok = false;
        const EventKind k = kindFromVariant(value, &ok);
        if (role != Qt::EditRole || !ok || k == r.kind)
            return false;
        change.kind = k;
        break;
    }
    case Author: {
        const QString a = value.toString().trimmed();
        if (role != Qt::EditRole || a == r.author)
            return false;
        change.author = a;
        break;
    }
    case Text: {
        const QString t = value.toString().trimmed();
        // An event with no words is a delete in disguise; deletes have their own command.
        if (role != Qt::EditRole || t.isEmpty() || t == r.text)
            return false;
        change.text = t;
        break;
    }
    case Pinned: {
        if (role != Qt::CheckStateRole && role != Qt::EditRole)
            return false;
        const bool pin = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
        if (pin == r.pinned)
            return false;
        change.pinned = pin;
        break;
    }
    default:
        return false;
    }

    const QString eventId = r.eventId;
    if (m_editHandler)
        return m_editHandler(eventId, change);
    try {
        editEvent(eventId, change);
        return true;
    } catch (const StoreError &e) {
        Q_EMIT loadFailed(e.message());
        return false;
    }
}

TimelineEvent TimelineModel::editEvent(const QString &eventId, const EventChange &change)
{
    return m_service.editEvent(eventId, change); // applied through eventRevised
}

} // namespace idesk
