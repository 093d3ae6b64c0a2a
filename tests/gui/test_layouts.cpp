// The small widgets that keep the window usable when it is narrow (FlowLayout and ElidedLabel),
// and the window itself at 900 pixels, where each of these texts was once cut.
#include "gui/elidedlabel.h"
#include "gui/flowlayout.h"
#include "gui/postmortem/postmortemtab.h"
#include "gui/timeline/timelinetab.h"
#include "gui/triage/commspanel.h"
#include "gui/triage/severitypanel.h"
#include "models/timeline/timelinemodel.h"
#include "windowscenes.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QWidget>

using namespace idesk;

namespace {

// The part of `w` a user can see: inside its window and every scroll area's viewport above it.
QRect visiblePart(const QWidget *w)
{
    QRect r(w->mapTo(w->window(), QPoint(0, 0)), w->size());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea *>(p->parentWidget()) || !p->parentWidget())
            r &= QRect(p->mapTo(w->window(), QPoint(0, 0)), p->size());
    }
    return r;
}

// Whether a label or button shows all of its one-line text: no clipping by its own width nor
// by anything around it.
bool showsWhole(const QWidget *w, const QString &text)
{
    const int needed = w->fontMetrics().horizontalAdvance(text);
    const QRect seen = visiblePart(w);
    return w->isVisible() && w->width() >= needed && seen.width() >= needed &&
           seen.height() >= w->fontMetrics().height();
}

template<typename T> T *named(QWidget *in, const char *name)
{
    return in->findChild<T *>(QLatin1String(name));
}

} // namespace

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

    // A laptop's window has room for the feedback beside the status buttons: no empty line is
    // kept for it, and a text that comes or goes moves nothing. The panels stand in two
    // columns, so the message and the checklists show without scrolling.
    void triageAt1280Pixels()
    {
        test::WindowScene scene;
        MainWindow &window = scene.window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const Incident inc = scene.service().declare(
            {QStringLiteral("Checkout API errors"), Severity::P1, QStringLiteral("ana"), {}});
        QVERIFY(window.selectIncident(inc.id));
        window.resize(1280, 800);
        scene.showTab(0);
        auto *triage = qobject_cast<TriageTab *>(window.tabContent(0));
        QVERIFY(triage);
        QTRY_VERIFY(triage->panelsBuilt());
        QCoreApplication::processEvents();

        auto *feedback = named<QLabel>(triage, "feedback");
        auto *statusRow = named<QPushButton>(triage, "statusInvestigating");
        QVERIFY(feedback && statusRow);
        QWidget *header = feedback->parentWidget();
        QVERIFY(feedback->text().isEmpty());
        // Nothing under the status buttons but the (hidden) overdue banner.
        const int statusBottom = statusRow->mapTo(header, QPoint(0, statusRow->height())).y();
        QVERIFY2(
            header->height() - statusBottom <= 4,
            qPrintable(
                QStringLiteral("%1 px below the status row").arg(header->height() - statusBottom)));

        const QPoint statusAt = statusRow->mapTo(triage, QPoint(0, 0));
        const int headerHeight = header->height();
        triage->copyAlert();
        QCoreApplication::processEvents();
        QVERIFY(feedback->text().startsWith(QStringLiteral("Copied")));
        QVERIFY2(showsWhole(feedback, feedback->text()), qPrintable(feedback->text()));
        QCOMPARE(header->height(), headerHeight);
        QCOMPARE(statusRow->mapTo(triage, QPoint(0, 0)), statusAt);
        triage->escalate();
        QCoreApplication::processEvents();
        QVERIFY(feedback->text().startsWith(QStringLiteral("Escalated to")));
        QVERIFY2(showsWhole(feedback, feedback->text()), qPrintable(feedback->text()));
        QCOMPARE(header->height(), headerHeight);
        QCOMPARE(statusRow->mapTo(triage, QPoint(0, 0)), statusAt);

        auto *severity = triage->findChild<SeverityPanel *>();
        auto *comms = triage->findChild<CommsPanel *>();
        QVERIFY(severity && comms);
        const QRect severityAt(severity->mapTo(triage, QPoint(0, 0)), severity->size());
        const QRect commsAt(comms->mapTo(triage, QPoint(0, 0)), comms->size());
        QVERIFY2(commsAt.left() > severityAt.right() && commsAt.top() < severityAt.bottom(),
                 qPrintable(QStringLiteral("severity at %1,%2, communications at %3,%4")
                                .arg(severityAt.left())
                                .arg(severityAt.top())
                                .arg(commsAt.left())
                                .arg(commsAt.top())));
    }

    // With sync configured the Timeline gains its Sync column once the marks are read; at 900
    // pixels that room comes from the author and source, and the text keeps room for words.
    void timelineSyncColumnAt900Pixels()
    {
        test::WindowScene scene;
        MainWindow &window = scene.window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const Incident inc = scene.service().declare(
            {QStringLiteral("Checkout API errors"), Severity::P1, QStringLiteral("ana"), {}});
        NewEvent e;
        e.text = QStringLiteral("Rolled back the checkout API to the previous release");
        scene.service().addEvent(inc.id, e);
        QSqlQuery q(scene.service().store().db());
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO meta(key, value) VALUES('sync_server_id', 'server-1')")));
        QVERIFY(window.selectIncident(inc.id));
        window.resize(900, 700);
        int timelineIndex = -1;
        for (int i = 0; i < window.tabs()->count() && timelineIndex < 0; ++i) {
            scene.showTab(i);
            if (qobject_cast<TimelineTab *>(window.tabContent(i)))
                timelineIndex = i;
        }
        QVERIFY(timelineIndex >= 0);
        auto *timeline = qobject_cast<TimelineTab *>(window.tabContent(timelineIndex));
        QTableView *view = timeline->view();
        QTRY_VERIFY(!view->isColumnHidden(TimelineModel::Synced));
        QCoreApplication::processEvents();
        if (const QString shots = qEnvironmentVariable("IDESK_LAYOUT_SCREENSHOT_DIR");
            !shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/timeline-sync-900.png")));
        const int chars = view->fontMetrics().averageCharWidth();
        QVERIFY2(view->columnWidth(TimelineModel::Text) >= 20 * chars,
                 qPrintable(QStringLiteral("text %1 px, author %2 px, source %3 px")
                                .arg(view->columnWidth(TimelineModel::Text))
                                .arg(view->columnWidth(TimelineModel::Author))
                                .arg(view->columnWidth(TimelineModel::Source))));
        QStringList widths;
        for (int c = 0; c < view->model()->columnCount(); ++c)
            widths << QString::number(view->isColumnHidden(c) ? 0 : view->columnWidth(c));
        QVERIFY2(view->horizontalHeader()->length() <= view->viewport()->width(),
                 qPrintable(QStringLiteral("columns %1 in %2 px")
                                .arg(widths.join(u' '))
                                .arg(view->viewport()->width())));
    }

    // The README says the window works at 900 pixels: a long title and commander, the feedback
    // line filled, each tab built.
    void windowAt900Pixels()
    {
        test::WindowScene scene;
        MainWindow &window = scene.window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const Incident inc = scene.service().declare(
            {QStringLiteral("Users unable to create orders: checkout API errors in eu-west"),
             Severity::P1,
             QStringLiteral("alexandra.konstantinopoulou"),
             {}});
        QVERIFY(window.selectIncident(inc.id));
        window.resize(900, 700);
        scene.showTab(0);
        auto *triage = qobject_cast<TriageTab *>(window.tabContent(0));
        QVERIFY(triage);
        QTRY_VERIFY(triage->panelsBuilt());
        QCoreApplication::processEvents();

        // The channel name whole, the meta line a few lines rather than a column.
        auto *channel = named<QPushButton>(triage, "channelButton");
        QVERIFY(channel);
        QTRY_VERIFY2(
            showsWhole(channel, channel->text()),
            qPrintable(QStringLiteral("%1 px for %2").arg(channel->width()).arg(channel->text())));
        auto *subtitle = named<QLabel>(triage, "incidentSubtitle");
        QVERIFY(subtitle);
        QVERIFY2(subtitle->height() <= 4 * subtitle->fontMetrics().lineSpacing() + 4,
                 qPrintable(QString::number(subtitle->height())));

        // Feedback shows whole and moves nothing: the header keeps its height and the status
        // row its place.
        auto *feedback = named<QLabel>(triage, "feedback");
        auto *statusRow = named<QPushButton>(triage, "statusInvestigating");
        QVERIFY(feedback && statusRow);
        const QPoint statusAt = statusRow->mapTo(triage, QPoint(0, 0));
        const int headerHeight = feedback->parentWidget()->height();
        triage->copyAlert();
        QCoreApplication::processEvents();
        QVERIFY(feedback->text().startsWith(QStringLiteral("Copied")));
        QVERIFY2(showsWhole(feedback, feedback->text()), qPrintable(feedback->text()));
        QCOMPARE(feedback->parentWidget()->height(), headerHeight);
        QCOMPARE(statusRow->mapTo(triage, QPoint(0, 0)), statusAt);
        triage->escalate();
        QCoreApplication::processEvents();
        QVERIFY(feedback->text().startsWith(QStringLiteral("Escalated to")));
        QVERIFY2(showsWhole(feedback, feedback->text()), qPrintable(feedback->text()));
        QCOMPARE(statusRow->mapTo(triage, QPoint(0, 0)), statusAt);

        // The timeline's Text column keeps room for words, not a letter or two, and the table
        // still fits without scrolling sideways.
        int timelineIndex = -1, postmortemIndex = -1;
        for (int i = 0; i < window.tabs()->count(); ++i) {
            scene.showTab(i);
            if (qobject_cast<TimelineTab *>(window.tabContent(i)))
                timelineIndex = i;
            if (qobject_cast<PostmortemTab *>(window.tabContent(i)))
                postmortemIndex = i;
        }
        QVERIFY(timelineIndex >= 0 && postmortemIndex >= 0);
        scene.showTab(timelineIndex);
        auto *timeline = qobject_cast<TimelineTab *>(window.tabContent(timelineIndex));
        const int chars = timeline->view()->fontMetrics().averageCharWidth();
        QTRY_VERIFY2(
            timeline->view()->columnWidth(TimelineModel::Text) >= 20 * chars,
            qPrintable(QString::number(timeline->view()->columnWidth(TimelineModel::Text))));
        QVERIFY(timeline->view()->horizontalHeader()->length() <=
                timeline->view()->viewport()->width());

        // The new action item's text box: room for a phrase.
        scene.showTab(postmortemIndex);
        auto *pm = window.tabContent(postmortemIndex);
        auto *actionText = named<QLineEdit>(pm, "newActionEdit");
        QVERIFY(actionText);
        QTRY_VERIFY2(actionText->width() >= 20 * chars,
                     qPrintable(QString::number(actionText->width())));
    }
};

QTEST_MAIN(TestLayouts)
#include "test_layouts.moc"
