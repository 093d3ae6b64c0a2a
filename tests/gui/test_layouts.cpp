// The small widgets that keep the window usable when it is narrow: FlowLayout and ElidedLabel.
#include "gui/elidedlabel.h"
#include "gui/flowlayout.h"

#include <QTest>
#include <QWidget>

using namespace idesk;

class TestLayouts : public QObject
{
    Q_OBJECT

private:
    struct Flow
    {
        QWidget container;
        FlowLayout *layout = nullptr;
        QList<QWidget *> items;
    };

    // Three 100×20 items, six pixels apart, no margins.
    static std::unique_ptr<Flow> threeItems()
    {
        auto f = std::make_unique<Flow>();
        f->layout = new FlowLayout(&f->container);
        f->layout->setContentsMargins(0, 0, 0, 0);
        f->layout->setSpacing(6);
        for (int i = 0; i < 3; ++i) {
            auto *w = new QWidget(&f->container);
            w->setFixedSize(100, 20);
            f->layout->addWidget(w);
            f->items << w;
        }
        return f;
    }

    static void layOut(Flow &f, int width)
    {
        f.container.resize(width, f.layout->heightForWidth(width));
        f.layout->setGeometry(QRect(0, 0, width, f.layout->heightForWidth(width)));
    }

private Q_SLOTS:
    void flowKeepsOneLineWhileItFits()
    {
        auto f = threeItems();
        QCOMPARE(f->layout->sizeHint(), QSize(3 * 100 + 2 * 6, 20));
        layOut(*f, 312);
        QCOMPARE(f->layout->heightForWidth(312), 20);
        QCOMPARE(f->items[0]->geometry(), QRect(0, 0, 100, 20));
        QCOMPARE(f->items[1]->geometry(), QRect(106, 0, 100, 20));
        QCOMPARE(f->items[2]->geometry(), QRect(212, 0, 100, 20));
    }

    void flowWrapsWhatDoesNotFit()
    {
        auto f = threeItems();
        layOut(*f, 311);
        QCOMPARE(f->layout->heightForWidth(311), 20 + 6 + 20);
        QCOMPARE(f->items[1]->geometry().topLeft(), QPoint(106, 0));
        QCOMPARE(f->items[2]->geometry().topLeft(), QPoint(0, 26));
        layOut(*f, 100);
        QCOMPARE(f->layout->heightForWidth(100), 3 * 20 + 2 * 6);
        QCOMPARE(f->items[2]->geometry().topLeft(), QPoint(0, 52));
    }

    void flowIsAsNarrowAsItsWidestItem()
    {
        auto f = threeItems();
        f->items[1]->setFixedSize(140, 30);
        QCOMPARE(f->layout->minimumSize(), QSize(140, 30));
        f->layout->setContentsMargins(4, 2, 4, 2);
        QCOMPARE(f->layout->minimumSize(), QSize(148, 34));
    }

    void flowCentresItemsOnALineAndSkipsHiddenOnes()
    {
        auto f = threeItems();
        f->items[1]->setFixedSize(100, 40);
        layOut(*f, 400);
        QCOMPARE(f->items[0]->geometry().top(), 10); // centred against the 40-pixel item
        f->items[1]->hide();
        layOut(*f, 400);
        QCOMPARE(f->items[2]->geometry().topLeft(), QPoint(106, 0));
        QCOMPARE(f->layout->heightForWidth(206), 20);
    }

    void elidedLabelGivesWayAndShowsAllInItsTooltip()
    {
        ElidedLabel label;
        const QString path = QStringLiteral(
            "/home/commander/.local/share/IncidentDesk/incidentdesk/incidents.sqlite");
        label.setText(path);
        const int full = label.fontMetrics().horizontalAdvance(path);
        QVERIFY(label.sizeHint().width() >= full);
        QVERIFY(label.minimumSizeHint().width() < full / 4);
        QCOMPARE(label.sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);

        label.show(); // a hidden widget hears of its size only when shown
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        label.resize(full / 2, label.sizeHint().height());
        QVERIFY(label.shownText() != path);
        QVERIFY(label.shownText().contains(QChar(0x2026)));
        QVERIFY(label.shownText().endsWith(QStringLiteral("sqlite"))); // the middle gives way
        QCOMPARE(label.toolTip(), path);

        label.resize(full + 20, label.sizeHint().height());
        QCOMPARE(label.shownText(), path);
        QVERIFY(label.toolTip().isEmpty());
    }
};

QTEST_MAIN(TestLayouts)
#include "test_layouts.moc"
