// Child of test_crash: writes to the store as fast as it can until it is SIGKILLed. After each
// commit returns it prints what it committed, so the parent knows what must have survived.
//   crash_child <db path> <seed>
// Output lines: "E <event id>" for a single event, "B <batch tag> <id> x5" for a batch whose
// events all carry the text "<batch tag>:<n>".
#include "storage/store.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

using namespace idesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // stdout is the protocol; the store's log lines go to stderr.
    spdlog::set_default_logger(spdlog::stderr_color_st("crash_child"));
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: crash_child <db> <seed>\n");
        return 2;
    }
    QRandomGenerator rng(args.at(2).toUInt());
    SystemClock clock;
    try {
        auto store = Store::open(args.at(1), clock);
        const auto existing = store->incidents();
        const QString incidentId =
            existing.empty()
                ? store->declareIncident({QStringLiteral("crash test"), Severity::P1, {}, {}}).id
                : existing.front().id;
        for (;;) {
            if (rng.bounded(4) == 0) {
                const QString tag = newUuid();
                std::vector<NewEvent> batch(5);
                for (int i = 0; i < 5; ++i)
                    batch[i].text = tag + QLatin1Char(':') + QString::number(i);
                const auto added = store->addEvents(incidentId, batch);
                QByteArray line = "B " + tag.toLatin1();
                for (const auto &e : added)
                    line += ' ' + e.id.toLatin1();
                line += '\n';
                std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            } else {
                NewEvent e;
                e.text = QStringLiteral("single");
                const auto added = store->addEvent(incidentId, e);
                const QByteArray line = "E " + added.id.toLatin1() + '\n';
                std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            }
            std::fflush(stdout);
        }
    } catch (const StoreError &e) {
        std::fprintf(stderr, "store error: %s\n", e.what());
        return 1;
    }
}
