#pragma once

#include "core/clock.h"
#include "core/profile.h"
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QDateTime>
#include <memory>

namespace idesk::test {

// A real IncidentService over a fresh SQLite file in a private folder, with a fake clock that
// starts at the runbook's example time: what service, model and tab tests start from, instead of
// each building its own.
struct ServiceFixture
{
    explicit ServiceFixture(Profile profile = defaultProfile(),
                            const QString &fileName = QStringLiteral("db.sqlite"),
                            const QDateTime &start = QDateTime(QDate(2024, 1, 15), QTime(14, 30),
                                                               Qt::UTC));

    TempDir dir;
    FakeClock clock;
    std::unique_ptr<IncidentService> service;

    QString dbPath() const { return dir.file(m_fileName); }
    // A new service over the same file, as a restarted app would open it.
    void reopen();

private:
    QString m_fileName;
    Profile m_profile;
};

} // namespace idesk::test
