#pragma once

// A real store in a temporary file behind a real IncidentService, with a fake clock: what every
// timeline model/undo/tab test starts from.

#include "core/clock.h"
#include "core/profile.h"
#include "services/incidentservice.h"
#include "storage/store.h"
#include "testsupport/servicefixture.h"

#include <QTimeZone>
#include <memory>

namespace idesk::test {

inline QDateTime utcAt(int h, int m, int s = 0, QDate day = QDate(2024, 1, 15))
{
    return QDateTime(day, QTime(h, m, s), QTimeZone::utc());
}

struct TimelineFixture : ServiceFixture
{
    QString incidentId;

    TimelineFixture()
        : ServiceFixture(defaultProfile(), QStringLiteral("timeline.sqlite"), utcAt(15, 0))
    {
        service->setActor(QStringLiteral("tester"));
    }

    void open()
    {
        reopen();
        service->setActor(QStringLiteral("tester"));
    }

    // Declared straight in the store so the timeline starts empty (the service would log it).
    QString declare()
    {
        NewIncident n;
        n.title = QStringLiteral("Order API 5xx");
        n.severity = Severity::P1;
        n.startedAt = utcAt(14, 0);
        incidentId = service->store().declareIncident(n).id;
        return incidentId;
    }

    // `count` events a minute apart from 14:00, kinds cycling, every seventh by "bob".
    std::vector<TimelineEvent> seed(int count, QDateTime start = utcAt(14, 0))
    {
        std::vector<NewEvent> batch;
        for (int i = 0; i < count; ++i) {
            NewEvent e;
            e.occurredAt = start.addSecs(60 * i);
            e.kind = static_cast<EventKind>(i % EventKindCount);
            e.author = i % 7 == 0 ? QStringLiteral("bob") : QStringLiteral("alice");
            e.text = QStringLiteral("event %1").arg(i, 5, 10, QChar(u'0'));
            batch.push_back(e);
        }
        return service->store().addEvents(incidentId, batch);
    }

    NewEvent event(const QDateTime &at, const QString &text, EventKind kind = EventKind::Note)
    {
        NewEvent e;
        e.occurredAt = at;
        e.text = text;
        e.kind = kind;
        e.author = QStringLiteral("tester");
        return e;
    }
};

} // namespace idesk::test
