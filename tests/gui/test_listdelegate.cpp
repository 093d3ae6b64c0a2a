// The incident list's delegate draws a plain text cell itself, with one text layout, for the
// first frame's sake: every cell must come out pixel for pixel as the style would draw it.
#include "gui/severitystyle.h"
#include "models/incidentlistmodel.h"

#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

using namespace idesk;

namespace {

// The view's own option for a cell (protected in QAbstractItemView).
class View final : public QTableView
{
public:
    QStyleOptionViewItem optionFor(const QModelIndex &index) const
    {
        QStyleOptionViewItem o;
        initViewItemOption(&o);
        o.rect = visualRect(index);
        return o;
    }
};

QImage render(const View &view, const QStyleOptionViewItem &option, const QModelIndex &index,
              bool styleItself)
{
    QImage image(option.rect.size() + QSize(8, 8), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(4 - option.rect.x(), 4 - option.rect.y());
    const auto *delegate = static_cast<const IncidentListDelegate *>(view.itemDelegate());
    if (styleItself)
        delegate->QStyledItemDelegate::paint(&painter, option, index); // through the style
    else
        delegate->paint(&painter, option, index);
    return image;
}

} // namespace

class TestListDelegate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }
    void drawsWhatTheStyleDraws_data();
    void drawsWhatTheStyleDraws();
};

void TestListDelegate::drawsWhatTheStyleDraws_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("state");     // QStyle::State flags on top of the view's own
    QTest::addColumn<bool>("inactive"); // the window not active
    QTest::addColumn<int>("alignment");
    QTest::addColumn<bool>("rightToLeft");

    const int title = IncidentListModel::Title;
    const int sev = IncidentListModel::Severity;
    const int open = static_cast<int>(IncidentStatus::Investigating);
    const int resolved = static_cast<int>(IncidentStatus::Resolved);
    const int left = Qt::AlignLeft | Qt::AlignVCenter;
    const QString longTitle =
        QStringLiteral("Checkout API returns 502 for every card payment in the EU region");
    const int none = 0;
    const int selected = QStyle::State_Selected;
    const int focused = QStyle::State_HasFocus;
    QTest::newRow("short title") << title << QStringLiteral("DB down") << open << none << false
                                 << left << false;
    QTest::newRow("elided title") << title << longTitle << open << none << false << left << false;
    QTest::newRow("selected, elided")
        << title << longTitle << open << selected << false << left << false;
    QTest::newRow("selected, window inactive")
        << title << longTitle << open << selected << true << left << false;
    QTest::newRow("focused and selected")
        << title << longTitle << open << (selected | focused) << false << left << false;
    QTest::newRow("severity, bold in colour")
        << sev << QStringLiteral("P0") << open << none << false << left << false;
    QTest::newRow("resolved, greyed")
        << title << longTitle << resolved << none << false << left << false;
    QTest::newRow("centred") << title << QStringLiteral("DB down") << open << none << false
                             << int(Qt::AlignCenter) << false;
    QTest::newRow("right to left") << title << longTitle << open << none << false << left << true;
    QTest::newRow("two lines of text") << title << QStringLiteral("first line\nsecond line") << open
                                       << none << false << left << false;
}

void TestListDelegate::drawsWhatTheStyleDraws()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(int, status);
    QFETCH(int, state);
    QFETCH(bool, inactive);
    QFETCH(int, alignment);
    QFETCH(bool, rightToLeft);

    QStandardItemModel model(1, IncidentListModel::ColumnCount);
    auto *item = new QStandardItem(text);
    item->setData(status, IncidentListModel::StatusRole);
    item->setData(static_cast<int>(Severity::P0), IncidentListModel::SeverityRole);
    item->setData(alignment, Qt::TextAlignmentRole);
    model.setItem(0, column, item);
    View view;
    view.setModel(&model);
    view.setItemDelegate(new IncidentListDelegate(&view));
    view.setWordWrap(false);
    view.setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    view.resize(700, 200);
    view.setColumnWidth(column, 150);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QModelIndex index = model.index(0, column);
    QStyleOptionViewItem option = view.optionFor(index);
    option.state |= QStyle::State(state);
    if (inactive)
        option.state &= ~QStyle::State(QStyle::State_Active);

    const QImage ours = render(view, option, index, false);
    const QImage styles = render(view, option, index, true);
    if (ours != styles) {
        ours.save(QStringLiteral("listdelegate-ours.png"));
        styles.save(QStringLiteral("listdelegate-style.png"));
    }
    QVERIFY2(ours == styles, "the cell differs from the style's drawing (see the PNGs saved)");
}

QTEST_MAIN(TestListDelegate)
#include "test_listdelegate.moc"
