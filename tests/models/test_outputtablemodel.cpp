#include "models/diagnostics/outputtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace idesk;

namespace {

diag::OutputTable pods()
{
    return {QStringList{QStringLiteral("NAME"), QStringLiteral("RESTARTS"), QStringLiteral("AGE")},
            {{QStringLiteral("pod-10"), QStringLiteral("12"), QStringLiteral("3d")},
             {QStringLiteral("pod-9"), QStringLiteral("7 (2m ago)"), QStringLiteral("4h")},
             {QStringLiteral("Pod-2"), QStringLiteral("0"), QString()},
             {QStringLiteral("short")}}};
}

} // namespace

class TestOutputTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellsAndHeaders();
    void resetIsWellFormed();
    void sortsNaturally();
    void filtersOnAnyCell();
    void selectionAsTabSeparatedText();
};

void TestOutputTableModel::cellsAndHeaders()
{
    OutputTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(pods());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("RESTARTS"));
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("7 (2m ago)"));
    // A short row is padded, never read past its end.
    QCOMPARE(model.index(3, 2).data().toString(), QString());
    // Read-only: selectable, never editable.
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable);
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("x")));
    // Markup stays text: the model hands cells over untouched for a plain-text delegate.
    diag::OutputTable t{{QStringLiteral("A"), QStringLiteral("B")},
                        {{QStringLiteral("<b>x</b>"), QStringLiteral("y")}}};
    model.setTable(t);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("<b>x</b>"));
}

void TestOutputTableModel::resetIsWellFormed()
{
    OutputTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTable(pods());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    model.setTable(pods());
    QCOMPARE(reset.size(), 3);
}

void TestOutputTableModel::sortsNaturally()
{
    OutputTableModel model;
    OutputTableProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(pods());
    proxy.sort(0, Qt::AscendingOrder);
    QStringList names;
    for (int r = 0; r < proxy.rowCount(); ++r)
        names << proxy.index(r, 0).data().toString();
    QCOMPARE(names, (QStringList{QStringLiteral("Pod-2"), QStringLiteral("pod-9"),
                                 QStringLiteral("pod-10"), QStringLiteral("short")}));
    proxy.sort(1, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 1).data().toString(), QStringLiteral("12"));
    QCOMPARE(proxy.index(1, 1).data().toString(), QStringLiteral("7 (2m ago)"));
    QVERIFY(OutputTableProxy::naturalCompare(u"007", u"8") < 0);
    QVERIFY(OutputTableProxy::naturalCompare(u"a10b", u"a10c") < 0);
    QCOMPARE(OutputTableProxy::naturalCompare(u"x1", u"x1"), 0);
}

void TestOutputTableModel::filtersOnAnyCell()
{
    OutputTableModel model;
    OutputTableProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(pods());
    proxy.setFilterFixedString(QStringLiteral("2M AGO"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("pod-9"));
    proxy.setFilterFixedString(QString());
    QCOMPARE(proxy.rowCount(), 4);
}

void TestOutputTableModel::selectionAsTabSeparatedText()
{
    OutputTableModel model;
    diag::OutputTable t = pods();
    t.rows[0][2] = QStringLiteral("3d\tand\na bit");
    model.setTable(t);
    OutputTableProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::DescendingOrder); // short, pod-10, pod-9, Pod-2
    QModelIndexList sel{proxy.index(2, 0), proxy.index(1, 2), proxy.index(1, 0)};
    QCOMPARE(selectionAsTsv(sel), QStringLiteral("pod-10\t\t3d and a bit\npod-9\t\t\n"));
    QCOMPARE(selectionAsTsv({proxy.index(0, 1)}), QStringLiteral("\n"));
    QCOMPARE(selectionAsTsv({}), QString());
}

QTEST_APPLESS_MAIN(TestOutputTableModel)
#include "test_outputtablemodel.moc"
