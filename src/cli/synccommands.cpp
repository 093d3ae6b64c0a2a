#include "cli/cli.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "storage/store.h"
#include "sync/syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace idesk::cli {

namespace {

const QString kPg = QStringLiteral("--pg");
const QString kJson = QStringLiteral("--json");
const QString kStatus = QStringLiteral("--status");

// --pg, then the settings, then libpq's own environment (PGSERVICE, PGHOST, …): an empty
// conninfo makes libpq read those.
std::optional<QString> serverFor(const Context &ctx)
{
    const QString given = option(ctx.args, kPg);
    if (!given.isEmpty())
        return given;
    // The window's sslmode applies here too; "off" there only stops the window's worker.
    const Settings settings;
    const QString configured = settings.syncServer();
    if (!configured.isEmpty())
        return Settings::withSslMode(configured, settings.syncSslMode());
    for (const char *var : {"PGSERVICE", "PGHOST", "PGHOSTADDR", "PGDATABASE"})
        if (qEnvironmentVariableIsSet(var))
            return QString();
    return std::nullopt;
}

void printJson(Context &ctx, const QJsonObject &o)
{
    ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

int status(Context &ctx, bool json, bool configured)
{
    const auto s = sync::SyncEngine::localStatus(ctx.service().store());
    if (json) {
        printJson(ctx, {{QStringLiteral("configured"), configured},
                        {QStringLiteral("pending"), s.pending},
                        {QStringLiteral("conflicts"), s.conflicts},
                        {QStringLiteral("lastSync"), s.lastSyncUtc}});
        return Ok;
    }
    ctx.out << QObject::tr("sync: %1")
                   .arg(configured ? QObject::tr("configured") : QObject::tr("off (no server set)"))
            << '\n'
            << QObject::tr("waiting to go up: %1").arg(s.pending) << '\n'
            << QObject::tr("conflicts: %1").arg(s.conflicts) << '\n'
            << QObject::tr("last sync: %1")
                   .arg(s.lastSyncUtc.isEmpty() ? QObject::tr("never") : s.lastSyncUtc)
            << '\n';
    return Ok;
}

int runSync(Context &ctx)
{
    checkOptions(ctx.args, {kPg}, {kJson, kStatus});
    const QStringList pos = positionals(ctx.args, {kPg});
    const bool wantStatus =
        flag(ctx.args, kStatus) || (pos.size() == 1 && pos.front() == QStringLiteral("status"));
    if (!pos.isEmpty() && !wantStatus)
        throw UsageError{QObject::tr("unexpected argument '%1'").arg(pos.front())};
    const bool json = flag(ctx.args, kJson);
    const auto server = serverFor(ctx);
    if (wantStatus)
        return status(ctx, json, server.has_value());
    if (!server) {
        ctx.err << QObject::tr("Sync is not set up: give --pg CONNINFO, set sync/server in the "
                               "settings, or set PGSERVICE / PGHOST.")
                << '\n';
        return Usage;
    }
    try {
        sync::SyncEngine engine(ctx.service().store(), *server);
        const sync::SyncCounts c = engine.syncOnce();
        const auto s = sync::SyncEngine::localStatus(ctx.service().store());
        if (json) {
            printJson(ctx, {{QStringLiteral("pushed"), c.pushed},
                            {QStringLiteral("pulled"), c.pulled},
                            {QStringLiteral("conflicts"), c.conflicts},
                            {QStringLiteral("renamed"), c.renamed},
                            {QStringLiteral("skipped"), c.skipped},
                            {QStringLiteral("pending"), s.pending},
                            {QStringLiteral("conflictsTotal"), s.conflicts}});
        } else {
            ctx.out << QObject::tr("pushed %1, pulled %2, new conflicts %3 (%4 in all)")
                           .arg(c.pushed)
                           .arg(c.pulled)
                           .arg(c.conflicts)
                           .arg(s.conflicts)
                    << '\n';
            if (c.renamed > 0)
                ctx.out << QObject::tr("renamed %1 incident channel(s) taken on the server")
                               .arg(c.renamed)
                        << '\n';
            if (c.skipped > 0)
                ctx.out << QObject::tr("skipped %1 server change(s) this database cannot hold "
                                       "(details in the log)")
                               .arg(c.skipped)
                        << '\n';
        }
        return Ok;
    } catch (const sync::SyncError &e) {
        ctx.err << e.message() << '\n';
        switch (e.code()) {
        case sync::SyncError::Code::Config:
            return Usage;
        case sync::SyncError::Code::Unreachable:
            ctx.err << QObject::tr("Nothing was lost: %1 change(s) wait in the outbox.")
                           .arg(ctx.service().store().pendingOutbox())
                    << '\n';
            return CouldNotRun;
        default:
            return DataError;
        }
    }
}

int runConflicts(Context &ctx)
{
    checkOptions(ctx.args, {}, {kJson});
    const bool json = flag(ctx.args, kJson);
    QSqlQuery q(ctx.service().store().db());
    q.exec(QStringLiteral("SELECT c.entity, c.row_id, c.field, c.loser_value, c.loser_hlc, "
                          "c.loser_site, c.winner_hlc, c.detected_at, c.reviewed FROM conflicts c "
                          "ORDER BY c.detected_at, c.id"));
    QJsonArray rows;
    while (q.next()) {
        QJsonObject o{{QStringLiteral("entity"), q.value(0).toString()},
                      {QStringLiteral("row"), q.value(1).toString()},
                      {QStringLiteral("field"), q.value(2).toString()},
                      {QStringLiteral("loserValue"),
                       q.value(3).isNull() ? QJsonValue() : QJsonValue(q.value(3).toString())},
                      {QStringLiteral("loserHlc"), q.value(4).toString()},
                      {QStringLiteral("loserSite"), q.value(5).toString()},
                      {QStringLiteral("winnerHlc"), q.value(6).toString()},
                      {QStringLiteral("detectedAt"), q.value(7).toString()},
                      {QStringLiteral("reviewed"), q.value(8).toInt() != 0}};
        if (!json)
            ctx.out << QStringLiteral("%1  %2 %3.%4  lost: %5  (site %6)%7")
                           .arg(o.value(QStringLiteral("detectedAt")).toString(),
                                o.value(QStringLiteral("entity")).toString(),
                                o.value(QStringLiteral("row")).toString().left(8),
                                o.value(QStringLiteral("field")).toString(),
                                oneLine(o.value(QStringLiteral("loserValue")).toString()),
                                o.value(QStringLiteral("loserSite")).toString().left(8),
                                q.value(8).toInt() != 0 ? QObject::tr("  reviewed") : QString())
                    << '\n';
        rows.append(o);
    }
    if (json)
        ctx.out << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
    else if (rows.isEmpty())
        ctx.out << QObject::tr("no conflicts") << '\n';
    return Ok;
}

} // namespace

void registerSyncCommands(Registry &r)
{
    r.add({QStringLiteral("sync"),
           QStringLiteral("sync [--pg CONNINFO] [--json] [--status | status]"),
           QObject::tr("Push the outbox to the PostgreSQL server and pull the others' changes "
                       "once; exit 4 when the server cannot be reached."),
           runSync});
    r.add({QStringLiteral("conflicts"), QStringLiteral("conflicts [--json]"),
           QObject::tr("List the values that lost a last-writer-wins merge."), runConflicts});
}

} // namespace idesk::cli
