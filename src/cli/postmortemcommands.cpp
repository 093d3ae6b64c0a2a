#include "cli/cli.h"
#include "core/postmortem/reports.h"
#include "services/incidentservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace idesk::cli {

namespace {

const QString kAdd = QStringLiteral("--add");
const QString kOwner = QStringLiteral("--owner");
const QString kDue = QStringLiteral("--due");
const QString kList = QStringLiteral("--list");
const QString kJson = QStringLiteral("--json");

QJsonObject actionJson(const ActionItem &a, const QDate &today)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("incidentId"), a.incidentId},
        {QStringLiteral("description"), a.description},
        {QStringLiteral("owner"), a.owner},
        {QStringLiteral("due"), a.due.isValid() ? a.due.toString(Qt::ISODate) : QString()},
        {QStringLiteral("status"), actionStatusToString(a.status)},
        {QStringLiteral("overdue"), isOverdue(a, today)},
        {QStringLiteral("createdAt"), toIsoUtc(a.createdAt)},
    };
}

int cmdAction(Context &ctx)
{
    const QStringList withValue{kAdd, kOwner, kDue};
    checkOptions(ctx.args, withValue, {kList, kJson});
    const QStringList pos = positionals(ctx.args, withValue);
    if (pos.size() != 1)
        throw UsageError{QObject::tr("expected exactly one incident id")};
    const bool adding = std::any_of(ctx.args.cbegin(), ctx.args.cend(), [](const QString &a) {
        return a == kAdd || a.startsWith(kAdd + QLatin1Char('='));
    });
    const bool listing = flag(ctx.args, kList);
    if (adding == listing)
        throw UsageError{QObject::tr("give either --add TEXT or --list")};
    const bool json = flag(ctx.args, kJson);

    QString text, owner;
    QDate due;
    if (adding) {
        // arguments first, so a usage mistake is reported the same way for any database
        text = option(ctx.args, kAdd).trimmed();
        owner = option(ctx.args, kOwner).trimmed();
        const QString dueText = option(ctx.args, kDue).trimmed();
        if (text.isEmpty())
            throw UsageError{QObject::tr("--add needs the action item's text")};
        if (owner.isEmpty())
            throw UsageError{QObject::tr("every action item needs an owner: --owner NAME")};
        due = QDate::fromString(dueText, Qt::ISODate);
        if (dueText.isEmpty() || !due.isValid())
            throw UsageError{QObject::tr("--due expects a date such as 2024-01-20")};
    } else if (ctx.args.contains(kOwner) || ctx.args.contains(kDue)) {
        throw UsageError{QObject::tr("--owner and --due go with --add")};
    }

    const Incident inc = requireIncident(ctx, pos.first());
    const QDate today = ctx.service().clock().now().toUTC().date();

    if (adding) {
        const ActionItem a = ctx.service().addActionItem(inc.id, text, owner, due);
        if (json)
            ctx.out << QString::fromUtf8(QJsonDocument(actionJson(a, today)).toJson());
        else
            ctx.out << a.id << '\n';
        return Ok;
    }

    const std::vector<ActionItem> items = ctx.service().actionItems(inc.id);
    if (json) {
        QJsonArray array;
        for (const ActionItem &a : items)
            if (!a.deleted)
                array.append(actionJson(a, today));
        ctx.out << QString::fromUtf8(QJsonDocument(array).toJson());
        return Ok;
    }
    int n = 0;
    for (const ActionItem &a : items) {
        if (a.deleted)
            continue;
        ++n;
        const QString due = a.due.isValid() ? a.due.toString(Qt::ISODate) : QStringLiteral("—");
        // concatenated, not chained arg(): user text containing "%1" must stay as written
        const QString owner = a.owner.isEmpty() ? QStringLiteral("unassigned") : oneLine(a.owner);
        QString line =
            QString::number(n) +
            (a.status == ActionStatus::Done ? QStringLiteral(". [x] ") : QStringLiteral(". [ ] ")) +
            due.leftJustified(10) + QStringLiteral("  ") + owner.leftJustified(16) +
            QStringLiteral("  ") + oneLine(a.description);
        if (a.status == ActionStatus::InProgress)
            line += QStringLiteral("  (in progress)");
        if (isOverdue(a, today))
            line += QStringLiteral("  OVERDUE");
        ctx.out << line << '\n';
    }
    if (n == 0)
        ctx.out << QObject::tr("no action items for %1").arg(oneLine(inc.channel)) << '\n';
    return Ok;
}

} // namespace

void registerPostmortemCommands(Registry &r)
{
    r.add({QStringLiteral("action"),
           QStringLiteral("action ID --add TEXT --owner NAME --due YYYY-MM-DD | action ID --list "
                          "[--json]"),
           QObject::tr("Add an action item to an incident, or list its action items."), cmdAction});
}

} // namespace idesk::cli
