// Child of test_usecase_crash: runs the incident use cases as fast as it can until it is
// SIGKILLed. Every use case must commit whole or not at all; the parent checks the invariants
// that hold only then (an incident with all its checklist rows and its "declared" event, a
// status or severity that its last timeline event names, and so on).
//   usecase_child <db path> <seed>
#include "services/incidentservice.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

using namespace idesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    spdlog::set_default_logger(spdlog::stderr_color_st("usecase_child"));
    spdlog::set_level(spdlog::level::warn);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: usecase_child <db> <seed>\n");
        return 2;
    }
    QRandomGenerator rng(args.at(2).toUInt());
    SystemClock clock;
    try {
        auto service = IncidentService::open(args.at(1), defaultProfile(), clock);
        for (int n = 0;; ++n) {
            if (n > 0) { // tells the parent the use cases are running
                std::fputs("done\n", stdout);
                std::fflush(stdout);
            }
            auto incidents = service->incidentSummaries();
            const int pick = int(rng.bounded(8));
            if (incidents.empty() || pick == 0) {
                service->declare(
                    {QStringLiteral("crash %1").arg(n), Severity(rng.bounded(4)), {}, {}});
                continue;
            }
            const QString id = incidents.at(rng.bounded(int(incidents.size()))).id;
            switch (pick) {
            case 1:
                service->setStatus(id, IncidentStatus(rng.bounded(5)));
                break;
            case 2:
                service->setSeverity(id, Severity(rng.bounded(4)));
                break;
            case 3:
                service->acknowledge(id);
                break;
            case 4:
                service->escalate(id, 1 + int(rng.bounded(3)));
                break;
            case 5: {
                const auto items = service->checklist(id);
                if (!items.empty())
                    service->setChecklistItem(id, items.at(rng.bounded(int(items.size()))).id,
                                              rng.bounded(2) == 0);
                break;
            }
            default:
                service->assignRoles(id, QStringLiteral("cmd-%1").arg(n), QStringLiteral("comms"),
                                     {});
                break;
            }
        }
    } catch (const StoreError &e) {
        std::fprintf(stderr, "store error: %s\n", e.what());
        return 1;
    }
}
