#pragma once

#include "core/clock.h"
#include "core/types.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace idesk {

class Store;
struct TimelineListEvent;

// Reads an IncidentDesk database on a connection of its own, for a worker thread: SQLite
// connections are one per thread, so the reader is opened on the thread that uses it. The
// database is taken as already opened and checked by the window (structure only, no migration
// beyond what open() does anyway). Throws StoreError.
class IncidentReader final
{
public:
    explicit IncidentReader(const QString &path);
    ~IncidentReader();
    IncidentReader(const IncidentReader &) = delete;
    IncidentReader &operator=(const IncidentReader &) = delete;

    int eventCount(const QString &incidentId) const;
    std::vector<TimelineEvent> events(const EventQuery &q) const;
    // SQLite's check of every page: empty when the file is sound.
    QString integrityProblems() const;
    // The timeline as a list shows it, in one forward read (see readTimelineList in the store).
    void timelineList(const QString &incidentId, int offset,
                      const std::function<bool(TimelineListEvent &&)> &each) const;

private:
    SystemClock m_clock; // reading never asks it; the store wants one
    std::unique_ptr<Store> m_store;
};

} // namespace idesk
