#pragma once

#include "core/clock.h"
#include "storage/store.h"
#include "testsupport.h"

#include <QTimeZone>
#include <vector>

namespace idesk::test {

// Writes a real IncidentDesk database at `path`, large enough to span many pages (one incident,
// 3,000 events), closes it and damages b-tree pages in its middle (damageMiddlePages). The header
// check and a structure-only open accept it; quick_check does not. Returns whether the damage
// landed. Header-only so the core test support library stays free of the storage layer.
inline bool writeDamagedDatabase(const QString &path)
{
    {
        const FakeClock clock(QDateTime(QDate(2024, 1, 15), QTime(14, 30), QTimeZone::utc()));
        auto store = Store::open(path, clock);
        const Incident inc = store->declareIncident({QStringLiteral("Big"), Severity::P1, {}, {}});
        std::vector<NewEvent> batch(3000);
        for (std::size_t i = 0; i < batch.size(); ++i)
            batch[i].text = QStringLiteral("event %1 with some text to fill pages").arg(i);
        store->addEvents(inc.id, batch);
    }
    return damageMiddlePages(path) == 3;
}

} // namespace idesk::test
