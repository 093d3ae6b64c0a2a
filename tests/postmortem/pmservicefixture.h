#pragma once

// A real store in a temporary folder, a fake clock and the default profile: the post-mortem
// service, model, tab and CLI tests run against the same parts the app uses.

#include "core/clock.h"
#include "core/profile.h"
#include "services/incidentservice.h"
#include "storage/store.h"
#include "testsupport/servicefixture.h"

#include <memory>

namespace idesk::pmtest {

struct ServiceFixture : test::ServiceFixture
{
    ServiceFixture() : test::ServiceFixture(defaultProfile(), QStringLiteral("pm.sqlite"))
    {
        service->setActor(QStringLiteral("john.doe"));
    }

    Store &store() { return service->store(); }

    // The runbook's example incident: declared 14:30, resolved 15:45 UTC on 2024-01-15.
    Incident runbookIncident()
    {
        clock.set(QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC));
        NewIncident n;
        n.title = QStringLiteral("Order creation failing");
        n.severity = Severity::P1;
        n.commander = QStringLiteral("john.doe");
        n.startedAt = clock.now();
        Incident inc = service->declare(n);
        inc.impact.affectedUsers = 45000;
        inc.impact.revenueLossPerHour = 9600;
        service->updateIncident(inc);
        auto event = [&](int h, int m, EventKind kind, const QString &text, bool pinned) {
            NewEvent e;
            e.occurredAt = QDateTime(QDate(2024, 1, 15), QTime(h, m), Qt::UTC);
            e.kind = kind;
            e.text = text;
            e.pinned = pinned;
            return e;
        };
        service->addEvents(
            inc.id,
            {
                event(14, 32, EventKind::Decision, QStringLiteral("Incident commander assigned"),
                      true),
                event(14, 38, EventKind::Note, QStringLiteral("Checked dashboards"), false),
                event(14, 45, EventKind::Decision, QStringLiteral("Root cause identified"), true),
                event(15, 0, EventKind::Action, QStringLiteral("Mitigation applied"), true),
            });
        clock.set(QDateTime(QDate(2024, 1, 15), QTime(15, 45), Qt::UTC));
        service->setStatus(inc.id, IncidentStatus::Resolved);
        return *service->incident(inc.id);
    }
};

} // namespace idesk::pmtest
