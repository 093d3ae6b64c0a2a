#include "models/sync/conflictsmodel.h"
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace idesk;

namespace {

// What a pull writes for a conflict the server recorded (the sync engine's applyConflict).
void addConflict(Store &store, const QString &id, const QString &entity, const QString &rowId,
                 const QString &field, const QString &loserValue, const QString &loserSite,
                 const QString &detectedAt)
{
    QSqlQuery q(store.db());
    q.prepare(QStringLiteral("INSERT INTO conflicts(id, entity, row_id, field, loser_value, "
                             "loser_hlc, loser_site, winner_hlc, detected_at) VALUES(?, ?, ?, ?, "
                             "?, '0000000000001-0000', ?, '0000000000002-0000', ?)"));
    for (const QString &v : {id, entity, rowId, field, loserValue, loserSite, detectedAt})
        q.addBindValue(v);
    if (!q.exec())
        qFatal("insert failed");
}

int pendingOps(Store &store, const QString &entity, const QString &rowId)
{
    QSqlQuery q(store.db());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE pushed_at IS NULL AND entity = ? "
                             "AND row_id = ?"));
    q.addBindValue(entity);
    q.addBindValue(rowId);
    if (!q.exec() || !q.next())
        qFatal("query failed");
    return q.value(0).toInt();
}

} // namespace

class TestConflictsModel : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)};

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    void listsKeepsAndRestores()
    {
        test::TempDir dir;
        IncidentService svc(Store::open(dir.file(QStringLiteral("db.sqlite")), m_clock),
                            defaultProfile(), m_clock);
        const Incident inc = svc.declare(
            {QStringLiteral("Checkout errors"), Severity::P1, QStringLiteral("ana"), {}});
        Incident edited = inc;
        edited.summary = QStringLiteral("theirs: gateway timeouts");
        svc.updateIncident(edited);
        const ActionItem action = svc.addActionItem(inc.id, QStringLiteral("Add an alert"),
                                                    QStringLiteral("ana"), QDate(2024, 1, 20));
        Store &store = svc.store();
        addConflict(store, QStringLiteral("c1"), QStringLiteral("incidents"), inc.id,
                    QStringLiteral("summary"), QStringLiteral("mine: DNS"),
                    QStringLiteral("0f1e2d3c-other-site"), QStringLiteral("2024-01-15T14:40:00Z"));
        addConflict(store, QStringLiteral("c2"), QStringLiteral("action_items"), action.id,
                    QStringLiteral("owner"), QStringLiteral("bo"), store.siteId(),
                    QStringLiteral("2024-01-15T14:45:00Z"));

        ConflictsModel model(svc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(ConflictsModel::ColumnCount));
        QCOMPARE(model.rowCount(), 2);
        // Newest first: the action item's owner, lost by this computer.
        const auto at = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role).toString();
        };
        QCOMPARE(model.index(0, 0).data(ConflictsModel::IdRole).toString(), QStringLiteral("c2"));
        QCOMPARE(at(0, ConflictsModel::IncidentColumn), inc.channel);
        QCOMPARE(at(0, ConflictsModel::FieldColumn), QStringLiteral("action item: owner"));
        QCOMPARE(at(0, ConflictsModel::MineColumn), QStringLiteral("bo"));
        QCOMPARE(at(0, ConflictsModel::TheirsColumn), QStringLiteral("ana"));
        QCOMPARE(at(0, ConflictsModel::WhoColumn), QStringLiteral("this computer"));
        QCOMPARE(at(0, ConflictsModel::WhenColumn), QStringLiteral("2024-01-15 14:45 UTC"));
        QCOMPARE(at(1, ConflictsModel::FieldColumn), QStringLiteral("summary"));
        QCOMPARE(at(1, ConflictsModel::MineColumn), QStringLiteral("mine: DNS"));
        QCOMPARE(at(1, ConflictsModel::TheirsColumn), QStringLiteral("theirs: gateway timeouts"));
        QCOMPARE(at(1, ConflictsModel::WhoColumn), QStringLiteral("site 0f1e2d3c"));
        QCOMPARE(at(1, ConflictsModel::WhoColumn, Qt::ToolTipRole),
                 QStringLiteral("0f1e2d3c-other-site"));

        // Keep theirs: reviewed (and hidden), as a change of its own that goes up to the server.
        QCOMPARE(pendingOps(store, QStringLiteral("conflicts"), QStringLiteral("c1")), 0);
        svc.keepTheirs(QStringLiteral("c1"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(pendingOps(store, QStringLiteral("conflicts"), QStringLiteral("c1")), 1);
        QCOMPARE(svc.incident(inc.id)->summary, QStringLiteral("theirs: gateway timeouts"));
        model.setShowReviewed(true);
        QCOMPARE(model.rowCount(), 2);
        const int reviewedRow = model.rowOf(QStringLiteral("c1"));
        QVERIFY(model.index(reviewedRow, 0).data(ConflictsModel::ReviewedRole).toBool());
        QCOMPARE(at(reviewedRow, ConflictsModel::FieldColumn),
                 QStringLiteral("summary (reviewed)"));
        // Keeping twice writes nothing more.
        svc.keepTheirs(QStringLiteral("c1"));
        QCOMPARE(pendingOps(store, QStringLiteral("conflicts"), QStringLiteral("c1")), 1);
        model.setShowReviewed(false);

        // Restore mine: the lost value comes back as a newer local edit, and the conflict is
        // reviewed in the same transaction.
        const QString stampBefore = store.incident(inc.id)->stamp.hlc;
        const int incidentOps = pendingOps(store, QStringLiteral("incidents"), inc.id);
        QSignalSpy incidentSignals(&svc, &IncidentService::incidentChanged);
        svc.restoreMine(QStringLiteral("c1"));
        QCOMPARE(svc.incident(inc.id)->summary, QStringLiteral("mine: DNS"));
        QVERIFY(stampBefore < store.incident(inc.id)->stamp.hlc);
        QCOMPARE(pendingOps(store, QStringLiteral("incidents"), inc.id), incidentOps + 1);
        QVERIFY(incidentSignals.contains(QVariantList{inc.id}));

        svc.restoreMine(QStringLiteral("c2"));
        QCOMPARE(svc.actionItems(inc.id).front().owner, QStringLiteral("bo"));
        QCOMPARE(pendingOps(store, QStringLiteral("conflicts"), QStringLiteral("c2")), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(svc.conflicts(true).size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestConflictsModel)
#include "test_conflictsmodel.moc"
