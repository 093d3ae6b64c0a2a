#include "incidentreader.h"

#include "storage/store.h"

namespace idesk {

IncidentReader::IncidentReader(const QString &path)
    : m_store(Store::open(path, m_clock, {}, Store::Verify::Structure))
{}

IncidentReader::~IncidentReader() = default;

int IncidentReader::eventCount(const QString &incidentId) const
{
    return m_store->eventCount(incidentId);
}

std::vector<TimelineEvent> IncidentReader::events(const EventQuery &q) const
{
    return m_store->events(q);
}

QString IncidentReader::integrityProblems() const
{
    return m_store->integrityProblems();
}

void IncidentReader::timelineList(const QString &incidentId, int offset,
                                  const std::function<bool(TimelineListEvent &&)> &each) const
{
    readTimelineList(*m_store, incidentId, offset, each);
}

} // namespace idesk
