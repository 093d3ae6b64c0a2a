#include "models/incidentfilterproxy.h"
#include "models/incidentlistmodel.h"
#include "services/incidentservice.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <array>

using namespace idesk;

class TestIncidentListModel : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)};

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    // A window reads a screenful before its first paint and the rest after: the first rows are
    // the newest, and the rest arrive below them in the same order, inserted, not reset, so the
    // selection stays.
    void firstScreenfulThenTheRest()
    {
        test::TempDir dir;
        IncidentService svc(Store::open(dir.file(QStringLiteral("db.sqlite")), m_clock),
                            defaultProfile(), m_clock);
        QStringList newestFirst;
        for (int i = 0; i < 5; ++i) {
            newestFirst.prepend(
                svc.declare({QStringLiteral("incident %1").arg(i), Severity::P2, {}, {}}).id);
            m_clock.advanceSecs(60);
        }
        const auto ids = [](const QAbstractItemModel &m) {
            QStringList out;
            for (int r = 0; r < m.rowCount(); ++r)
                out << m.index(r, 0).data(IncidentListModel::IdRole).toString();
            return out;
        };
        IncidentListModel first(svc, nullptr, 2);
        QAbstractItemModelTester tester(&first,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!first.isComplete());
        QCOMPARE(ids(first), newestFirst.mid(0, 2));
        QCOMPARE(first.rowOf(newestFirst.last()), -1);
        QSignalSpy inserted(&first, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&first, &QAbstractItemModel::modelReset);
        first.loadAll();
        QVERIFY(first.isComplete());
        QCOMPARE(ids(first), newestFirst);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        first.loadAll(); // nothing more to read
        QCOMPARE(inserted.size(), 1);

        // Fewer incidents than a screenful: complete from the start.
        IncidentListModel all(svc, nullptr, 50);
        QVERIFY(all.isComplete());
        QCOMPARE(ids(all), newestFirst);
        // Any change reads everything.
        IncidentListModel changed(svc, nullptr, 1);
        svc.declare({QStringLiteral("newest"), Severity::P1, {}, {}});
        QVERIFY(changed.isComplete());
        QCOMPARE(changed.rowCount(), 6);
    }

    // The proxy compares the list's rows directly; every column in both orders must come out as
    // a plain proxy sorting the same SortRole values (locale-aware for text) would have it.
    void directCompareMatchesSortRole()
    {
        test::TempDir dir;
        IncidentService svc(Store::open(dir.file(QStringLiteral("db.sqlite")), m_clock),
                            defaultProfile(), m_clock);
        const std::array<QString, 6> titles{QStringLiteral("b search"), QStringLiteral("Ärger"),
                                            QStringLiteral("a site"),   QStringLiteral("B search"),
                                            QStringLiteral("zebra"),    QStringLiteral("a site")};
        for (std::size_t i = 0; i < titles.size(); ++i) {
            NewIncident n{titles[i], static_cast<Severity>((i * 3) % SeverityCount), {}, {}};
            n.commander = i % 2 ? QStringLiteral("zoe") : QStringLiteral("Ann");
            const Incident inc = svc.declare(n);
            if (i % 3 == 0)
                svc.setStatus(inc.id, IncidentStatus::Mitigating);
            m_clock.advanceSecs(i == 2 ? 0 : 90); // two incidents share a start time
        }
        IncidentListModel model(svc);
        IncidentFilterProxy ours;
        ours.setSourceModel(&model);
        QSortFilterProxyModel reference;
        reference.setSourceModel(&model);
        reference.setSortRole(IncidentListModel::SortRole);
        reference.setSortLocaleAware(true);
        const auto ids = [](const QAbstractItemModel &m) {
            QStringList out;
            for (int r = 0; r < m.rowCount(); ++r)
                out << m.index(r, 0).data(IncidentListModel::IdRole).toString();
            return out;
        };
        for (int column = 0; column < IncidentListModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                ours.sort(column, order);
                reference.sort(column, order);
                QVERIFY2(ids(ours) == ids(reference),
                         qPrintable(QStringLiteral("column %1 order %2").arg(column).arg(order)));
            }
        }
    }

    void modelAndProxyFollowTheService()
    {
        test::TempDir dir;
        IncidentService svc(Store::open(dir.file(QStringLiteral("db.sqlite")), m_clock),
                            defaultProfile(), m_clock);
        IncidentListModel model(svc);
        IncidentFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const Incident a = svc.declare({QStringLiteral("Search slow"), Severity::P2, {}, {}});
        m_clock.advanceSecs(60);
        const Incident b = svc.declare({QStringLiteral("Site down"), Severity::P0, {}, {}});
        m_clock.advanceSecs(60);
        const Incident c = svc.declare({QStringLiteral("Typo on page"), Severity::P3, {}, {}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(IncidentListModel::ColumnCount));

        // Sort by severity: P0 first.
        proxy.sort(IncidentListModel::Severity, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, IncidentListModel::Title).data().toString(), b.title);
        QCOMPARE(proxy.index(2, IncidentListModel::Title).data().toString(), c.title);
        // Sort by start time, newest first.
        proxy.sort(IncidentListModel::Started, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(IncidentListModel::IdRole).toString(), c.id);
        QCOMPARE(proxy.index(2, 0).data(IncidentListModel::IdRole).toString(), a.id);

        // An update changes the row in place: no reset, no row moves in the source.
        const int rowBefore = model.rowOf(b.id);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        svc.setStatus(b.id, IncidentStatus::Resolved);
        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowOf(b.id), rowBefore);
        QCOMPARE(model.index(rowBefore, IncidentListModel::Status).data().toString(),
                 QStringLiteral("Resolved"));

        // Filter by status.
        proxy.setStatusFilter(IncidentFilterProxy::StatusFilter::Open);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStatusFilter(IncidentFilterProxy::StatusFilter::Resolved);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(IncidentListModel::IdRole).toString(), b.id);
        proxy.setStatusFilter(IncidentFilterProxy::StatusFilter::Investigating);
        QCOMPARE(proxy.rowCount(), 2);
        // Filter by text, combined with status.
        proxy.setText(QStringLiteral("TYPO"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("2024-01-15-002")); // channel
        QCOMPARE(proxy.rowCount(), 0);                   // that one is resolved
        proxy.setStatusFilter(IncidentFilterProxy::StatusFilter::All);
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_MAIN(TestIncidentListModel)
#include "test_incidentlistmodel.moc"
