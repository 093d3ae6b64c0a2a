#include "servicefixture.h"

#include "storage/store.h"

namespace idesk::test {

ServiceFixture::ServiceFixture(Profile profile, const QString &fileName, const QDateTime &start)
    : clock(start), m_fileName(fileName), m_profile(std::move(profile))
{
    reopen();
}

void ServiceFixture::reopen()
{
    service.reset();
    service = std::make_unique<IncidentService>(Store::open(dbPath(), clock), m_profile, clock);
}

} // namespace idesk::test
