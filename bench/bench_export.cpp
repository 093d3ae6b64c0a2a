// The post-mortem export of a long incident: 10,000 timeline events in a real SQLite store,
// every one of them a key event (the worst case for the Timeline section), one in ten a
// diagnostic with an output excerpt (Supporting Information), some carrying secrets. Each run is
// the whole path the CLI and the tab take: read incident, timeline, action items and document
// from the store, redact, render.
//
// Prints one line on stdout: BENCH export_md_10k median_ms=<x> goal=<100
// Details (runs, size, redactions) go to stderr. Run it from a Release build.

#include "core/clock.h"
#include "core/postmortem/evidence.h"
#include "core/postmortem/postmortemdoc.h"
#include "core/profile.h"
#include "services/incidentservice.h"
#include "services/postmortem/postmortemexport.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <vector>

using namespace idesk;

namespace {

constexpr int kEvents = 10000;
constexpr int kRuns = 15; // the median of at least 11

std::vector<NewEvent> makeEvents(const QDateTime &start)
{
    std::vector<NewEvent> events;
    events.reserve(kEvents);
    for (int i = 0; i < kEvents; ++i) {
        NewEvent e;
        e.occurredAt = start.addSecs(qint64(i) * 17); // about two days: dates in the timeline
        e.pinned = true;
        e.author = QStringLiteral("john.doe");
        if (i % 10 == 0) {
            DiagnosticEvidence d;
            d.command =
                QStringLiteral("kubectl get pods --context prod --namespace web3-marketplace");
            d.exitCode = i % 20 == 0 ? 0 : 1;
            d.durationMs = 800 + i % 400;
            d.output =
                QStringLiteral("NAME                       READY   STATUS    RESTARTS   AGE\n"
                               "backend-7c9f8d6b5-x2x4q    1/1     Running   %1          3h\n"
                               "frontend-5d4c3b2a1-q9w8e   0/1     CrashLoopBackOff   7  3h\n")
                    .arg(i % 7);
            e.kind = EventKind::Diagnostic;
            e.text = formatDiagnosticText(d);
        } else if (i % 97 == 0) {
            e.kind = EventKind::Note;
            e.text =
                QStringLiteral("Pasted env: DATABASE_URL=postgres://orders:S3cret%1@db:5432/orders "
                               "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")
                    .arg(i);
        } else {
            static constexpr EventKind kinds[] = {EventKind::Alert,         EventKind::Detection,
                                                  EventKind::Action,        EventKind::Decision,
                                                  EventKind::Status,        EventKind::Escalation,
                                                  EventKind::Communication, EventKind::Note};
            e.kind = kinds[i % 8];
            e.text = QStringLiteral(
                         "Step %1: error_rate at %2 percent on /v2/orders, p99 %3 ms | pool %4/100")
                         .arg(i)
                         .arg(i % 30)
                         .arg(300 + i % 2700)
                         .arg(i % 101);
        }
        events.push_back(e);
    }
    return events;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        err << "cannot create a temporary directory\n";
        return 1;
    }
    const QDateTime start(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC);
    FakeClock clock(start);
    IncidentService service(Store::open(dir.filePath(QStringLiteral("bench.sqlite")), clock),
                            defaultProfile(), clock);

    NewIncident n;
    n.title = QStringLiteral("Order creation failing for two days");
    n.severity = Severity::P1;
    n.commander = QStringLiteral("john.doe");
    n.startedAt = start;
    const Incident inc = service.declare(n);
    service.addEvents(inc.id, makeEvents(start));
    for (int i = 0; i < 20; ++i)
        service.addActionItem(inc.id, QStringLiteral("Follow-up %1: add monitoring").arg(i),
                              QStringLiteral("team-%1").arg(i % 4), start.date().addDays(5 + i));
    clock.set(start.addSecs(qint64(kEvents) * 17));
    service.setStatus(inc.id, IncidentStatus::Resolved);

    PostmortemDoc doc;
    doc.rootCause = QStringLiteral("Memory leak in order processing exhausted the pool.");
    doc.contributingFactors = {QStringLiteral("No pool monitoring"),
                               QStringLiteral("No leak check")};
    doc.lessonsLearned = {QStringLiteral("Monitor the pool")};
    doc.reviewAt = defaultReviewTime(*service.incident(inc.id), clock.now());
    service.store().savePostmortem(inc.id, postmortemToJson(doc));

    int redacted = 0;
    QString markdown = exportPostmortemMarkdown(service, inc.id, true, &redacted); // warm-up
    std::vector<double> ms;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer t;
        t.start();
        markdown = exportPostmortemMarkdown(service, inc.id, true, &redacted);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];

    err << "export_md_10k: " << kRuns << " runs, min " << QString::number(ms.front(), 'f', 1)
        << " ms, max " << QString::number(ms.back(), 'f', 1) << " ms; "
        << service.store().eventCount(inc.id) << " events, " << markdown.size() << " characters, "
        << redacted << " items redacted\n";
    err.flush();
    out << "BENCH export_md_10k median_ms=" << QString::number(median, 'f', 1) << " goal=<100\n";
    return 0;
}
