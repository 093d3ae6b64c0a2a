#include "gui/timeline/eventhistorydialog.h"
#include "gui/timeline/timelinechart.h"
#include "gui/timeline/timelinetab.h"
#include "gui/timeline/transcriptdialog.h"
#include "models/timeline/timelinefilterproxy.h"
#include "models/timeline/timelinemodel.h"
#include "services/diagnostics/diagnosticsservice.h"
#include "timelinefixture.h"

#include <QApplication>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>
#include <QValueAxis>
#include <cmath>
#include <ctime>
#include <optional>

using namespace idesk;
using namespace idesk::test;
using namespace Qt::StringLiterals;

class TestTimelineTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        enterTestMode();
        // A local zone far from UTC (+5:45), so local-time entry cannot pass on a UTC machine by
        // reading typed times as UTC.
        qputenv("TZ", "IDT-05:45");
        tzset();
        const QDateTime probe(QDate(2024, 1, 15), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(QTimeZone::systemTimeZone().offsetFromUtc(probe), 5 * 3600 + 45 * 60);
        QCOMPARE(probe.toLocalTime().time(), QTime(17, 45));
    }
    void editSurvivesRestartWithHistory();
    void emptyState();
    void reselectingTheSameIncidentKeepsUndo();
    void quickEntryAddsAndUndoes();
    void quickEntryRejectsMalformed();
    void deleteKeyTombstonesAndUndoes();
    void pinFromCheckbox();
    void historyDialogShowsRevisions();
    void pasteTranscriptPreviewsThenAddsInOneGo();
    void eventsFromOtherTabsAppear();
    void loadsEverythingAfterFirstPaint();
    void filterBar();
    void chartShowsKindsMetricsAndMarkers();
    void countAxisTicksAreWholeNumbers();
    void timeAxisTicksFallOnTheClock();
    void pendingChartDrawsOnRequest();
    void tooltipsShowMarkupAsText();
    void evidenceOpensItsFullOutput();
};

namespace {

QModelIndex viewIndexOf(TimelineTab &tab, const QString &eventId, int column)
{
    const int row = tab.model()->rowOf(eventId);
    return tab.proxy()->mapFromSource(tab.model()->index(row, column));
}

void showAndPaint(TimelineTab &tab)
{
    tab.resize(1000, 700);
    tab.show();
    tab.activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(QTest::qWaitForWindowActive(&tab));
}

} // namespace

void TestTimelineTab::editSurvivesRestartWithHistory()
{
    TimelineFixture f;
    f.declare();
    const auto original =
        f.service->addEvent(f.incidentId, f.event(utcAt(14, 10), u"db failover started"_s));
    f.service->addEvent(f.incidentId, f.event(utcAt(14, 20), u"other"_s));
    {
        auto tab = std::make_unique<TimelineTab>(*f.service);
        tab->setIncidentId(f.incidentId);
        showAndPaint(*tab);

        // Edit in place the way a user does: select the text cell, F2, type, Enter.
        QTableView *view = tab->view();
        const QModelIndex cell = viewIndexOf(*tab, original.eventId, TimelineModel::Text);
        QVERIFY(cell.isValid());
        view->setFocus();
        view->setCurrentIndex(cell);
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, u"db failover to replica finished"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(tab->model()->row(tab->model()->rowOf(original.eventId)).text,
                     u"db failover to replica finished"_s);
        QCOMPARE(tab->undoStack()->count(), 1);
    }
    // "Restart": everything goes, the same file is opened again by a new store and service.
    f.service.reset();
    f.open();
    const auto history = f.service->store().eventHistory(original.eventId);
    QCOMPARE(history.size(), std::size_t(2));
    QCOMPARE(history[0].text, u"db failover started"_s);
    QCOMPARE(history[0].revision, 1);
    QCOMPARE(history[1].text, u"db failover to replica finished"_s);
    QCOMPARE(history[1].revision, 2);
    QCOMPARE(f.service->store().currentEvent(original.eventId)->text,
             u"db failover to replica finished"_s);

    TimelineTab reopened(*f.service);
    reopened.setIncidentId(f.incidentId);
    QCOMPARE(reopened.model()->rowCount(), 2);
    QCOMPARE(reopened.model()->row(0).text, u"db failover to replica finished"_s);
}

void TestTimelineTab::emptyState()
{
    TimelineFixture f;
    TimelineTab tab(*f.service);
    auto *stack = tab.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 0);
    QVERIFY(!tab.addFromQuickEntry());
    tab.setIncidentId(f.declare());
    QCOMPARE(stack->currentIndex(), 1);
    tab.setIncidentId({});
    QCOMPARE(stack->currentIndex(), 0);
    QCOMPARE(tab.model()->rowCount(), 0);
}

void TestTimelineTab::reselectingTheSameIncidentKeepsUndo()
{
    TimelineFixture f;
    f.declare();
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    tab.quickEntry()->setText(u"first note"_s);
    QVERIFY(tab.addFromQuickEntry());
    QSignalSpy resets(tab.model(), &QAbstractItemModel::modelReset);
    tab.setIncidentId(f.incidentId);
    QCOMPARE(tab.undoStack()->count(), 1);
    QCOMPARE(resets.size(), 0);
    const QString other = f.declare();
    tab.setIncidentId(other); // another incident: its own, empty history
    QCOMPARE(tab.undoStack()->count(), 0);
    QCOMPARE(tab.model()->rowCount(), 0);
}

void TestTimelineTab::quickEntryAddsAndUndoes()
{
    TimelineFixture f; // clock: 2024-01-15 15:00 UTC
    f.declare();
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    showAndPaint(tab);
    tab.quickEntry()->setFocus();

    QTest::keyClicks(tab.quickEntry(), u"14:32 rolled back to v2.3.1"_s);
    QTest::keyClick(tab.quickEntry(), Qt::Key_Return);
    QTest::keyClicks(tab.quickEntry(), u"-10m error rate falling"_s);
    QTest::keyClick(tab.quickEntry(), Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClicks(tab.quickEntry(), u"monitoring"_s);
    QTest::keyClick(tab.quickEntry(), Qt::Key_Enter, Qt::ControlModifier);

    QVERIFY(tab.quickEntry()->text().isEmpty());
    const auto events = f.service->store().events({f.incidentId, 0, -1, false});
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].occurredAt, utcAt(14, 32));
    QCOMPARE(events[0].text, u"rolled back to v2.3.1"_s);
    QCOMPARE(events[0].author, u"tester"_s);
    QCOMPARE(events[0].source, u"manual"_s);
    QCOMPARE(events[1].occurredAt, utcAt(14, 50));
    QCOMPARE(events[2].occurredAt, utcAt(15, 0));
    QCOMPARE(tab.model()->rowCount(), 3);
    QCOMPARE(tab.undoStack()->count(), 3);

    tab.undoStack()->undo();
    QCOMPARE(f.service->store().eventCount(f.incidentId), 2);
    QCOMPARE(tab.model()->rowCount(), 2);
    QVERIFY(f.service->store().currentEvent(events[2].eventId)->deleted);

    // Local entry: typed times are read in the system zone, 5:45 ahead of UTC here.
    tab.setLocalTimeEntry(true);
    QTest::keyClicks(tab.quickEntry(), u"12:00 lunch check"_s);
    QVERIFY(tab.addFromQuickEntry());
    std::optional<QDateTime> at;
    for (const auto &e : f.service->store().events({f.incidentId, 0, -1, false})) {
        if (e.text == u"lunch check"_s)
            at = e.occurredAt;
    }
    QVERIFY(at);
    QCOMPARE(*at, QDateTime(QDate(2024, 1, 15), QTime(6, 15), QTimeZone::utc()));
}

void TestTimelineTab::quickEntryRejectsMalformed()
{
    TimelineFixture f;
    f.declare();
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    tab.quickEntry()->setText(u"25:61 impossible"_s);
    QVERIFY(!tab.addFromQuickEntry());
    QCOMPARE(tab.quickEntry()->text(), u"25:61 impossible"_s); // kept for fixing
    QCOMPARE(f.service->store().eventCount(f.incidentId), 0);
    QCOMPARE(tab.undoStack()->count(), 0);
    bool explained = false;
    for (auto *label : tab.findChildren<QLabel *>())
        explained = explained || label->text().contains(u"Cannot add"_s);
    QVERIFY(explained);
}

void TestTimelineTab::deleteKeyTombstonesAndUndoes()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(5);
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    showAndPaint(tab);
    QTableView *view = tab.view();
    view->setFocus();
    view->selectRow(viewIndexOf(tab, seeded[1].eventId, 0).row());
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(tab.model()->rowCount(), 4);
    QCOMPARE(f.service->store().eventCount(f.incidentId), 4);
    QVERIFY(f.service->store().currentEvent(seeded[1].eventId)->deleted);
    tab.undoStack()->undo();
    QCOMPARE(tab.model()->rowCount(), 5);
    QVERIFY(!f.service->store().currentEvent(seeded[1].eventId)->deleted);
    QCOMPARE(f.service->store().eventHistory(seeded[1].eventId).size(), std::size_t(3));
}

void TestTimelineTab::pinFromCheckbox()
{
    TimelineFixture f;
    f.declare();
    const auto seeded = f.seed(3);
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    const QModelIndex pin = viewIndexOf(tab, seeded[2].eventId, TimelineModel::Pinned);
    QVERIFY(tab.proxy()->setData(pin, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(f.service->store().currentEvent(seeded[2].eventId)->pinned);
    QCOMPARE(tab.undoStack()->undoText(), u"Pin event"_s);
    tab.undoStack()->undo();
    QVERIFY(!f.service->store().currentEvent(seeded[2].eventId)->pinned);

    // The toolbar action pins the selection as one undo step.
    tab.view()->selectAll();
    tab.togglePinSelected();
    for (const auto &e : seeded)
        QVERIFY(f.service->store().currentEvent(e.eventId)->pinned);
    QCOMPARE(tab.undoStack()->count(), 1);
    tab.undoStack()->undo();
    for (const auto &e : seeded)
        QVERIFY(!f.service->store().currentEvent(e.eventId)->pinned);
}

void TestTimelineTab::historyDialogShowsRevisions()
{
    TimelineFixture f;
    f.declare();
    const auto e = f.service->addEvent(f.incidentId, f.event(utcAt(14, 0), u"<b>first</b>"_s));
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    const QModelIndex text = viewIndexOf(tab, e.eventId, TimelineModel::Text);
    QVERIFY(tab.proxy()->setData(text, u"second"_s));
    tab.view()->selectRow(text.row());
    tab.showHistory();
    auto *dialog = tab.findChild<EventHistoryDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 2);
    // Markup in event text is shown as typed.
    QCOMPARE(dialog->table()->item(0, EventHistoryDialog::Text)->text(), u"<b>first</b>"_s);
    QCOMPARE(dialog->table()->item(1, EventHistoryDialog::Text)->text(), u"second"_s);
    QCOMPARE(dialog->table()->item(1, EventHistoryDialog::Revision)->text(), u"2"_s);
    QVERIFY(dialog->table()->item(1, EventHistoryDialog::Text)->font().bold());
    dialog->close();
}

void TestTimelineTab::pasteTranscriptPreviewsThenAddsInOneGo()
{
    TimelineFixture f;
    f.declare(); // started 2024-01-15 14:00 UTC
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    QSignalSpy added(f.service.get(), &IncidentService::eventsChanged);

    tab.pasteTranscript();
    auto *dialog = tab.findChild<TranscriptDialog *>();
    QVERIFY(dialog);
    dialog->setTranscript(u"[23:58] alice: paging db team\n- still 5xx\n[00:0x] bob: typo\n"
                          "[00:03] bob: db team joined\n"_s);
    QCOMPARE(dialog->preview()->rowCount(), 4);
    QCOMPARE(dialog->preview()->item(2, TranscriptDialog::Status)->text(), u"error"_s);
    QCOMPARE(dialog->preview()->item(3, TranscriptDialog::Time)->text(), u"2024-01-16 00:03:00"_s);
    // The time is shown whole, not cut off by the text column.
    const QFontMetrics cellFont(dialog->preview()->font());
    QVERIFY2(dialog->preview()->columnWidth(TranscriptDialog::Time) >=
                 cellFont.horizontalAdvance(u"2024-01-16 00:03:00"_s),
             qPrintable(QString::number(dialog->preview()->columnWidth(TranscriptDialog::Time))));
    QCOMPARE(f.service->store().eventCount(f.incidentId), 0); // nothing saved by previewing
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    ok->click();

    const auto events = f.service->store().events({f.incidentId, 0, -1, false});
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].occurredAt, utcAt(23, 58));
    QCOMPARE(events[0].text, u"paging db team\n- still 5xx"_s);
    QCOMPARE(events[0].author, u"alice"_s);
    QCOMPARE(events[0].source, u"transcript"_s);
    QCOMPARE(events[1].occurredAt, utcAt(0, 3, 0, QDate(2024, 1, 16)));
    QCOMPARE(added.size(), 1); // one addEvents call, one transaction
    QCOMPARE(tab.model()->rowCount(), 2);
    QVERIFY(tab.model()->spansDays());

    tab.undoStack()->undo();
    QCOMPARE(f.service->store().eventCount(f.incidentId), 0);
    QCOMPARE(tab.model()->rowCount(), 0);
}

void TestTimelineTab::eventsFromOtherTabsAppear()
{
    TimelineFixture f;
    f.declare();
    f.seed(3);
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    QSignalSpy resets(tab.model(), &QAbstractItemModel::modelReset);
    f.service->setStatus(f.incidentId, IncidentStatus::Mitigating, u"rollback out"_s);
    QCOMPARE(tab.model()->rowCount(), 4);
    QCOMPARE(tab.model()->row(3).source, u"status change"_s);
    QTest::qWait(20);
    QCOMPARE(resets.size(), 0);
}

void TestTimelineTab::loadsEverythingAfterFirstPaint()
{
    TimelineFixture f;
    f.declare();
    f.seed(1700);
    TimelineTab tab(*f.service);
    QSignalSpy full(&tab, &TimelineTab::fullyLoaded);
    tab.setIncidentId(f.incidentId);
    QCOMPARE(tab.model()->rowCount(), TimelineModel::kDefaultPageSize);
    QVERIFY(tab.isLoading());
    showAndPaint(tab);
    QVERIFY(full.wait(5000) || full.size() == 1);
    QCOMPARE(tab.model()->rowCount(), 1700);
    QVERIFY(!tab.isLoading());
    // Uniform rows: every row has the same, fixed height.
    QCOMPARE(tab.view()->rowHeight(0), tab.view()->rowHeight(1699));
}

void TestTimelineTab::filterBar()
{
    TimelineFixture f;
    f.declare();
    f.seed(30);
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    QTest::keyClicks(tab.textFilterEdit(), u"EVENT 0002"_s);
    QCOMPARE(tab.proxy()->rowCount(), 30); // debounced: not yet
    QTRY_COMPARE(tab.proxy()->rowCount(), 10);
    QTest::keyClicks(tab.authorFilterEdit(), u"bob"_s);
    QTRY_COMPARE(tab.proxy()->rowCount(), 2); // 00021 and 00028
    tab.textFilterEdit()->clear();
    tab.authorFilterEdit()->clear();
    QTRY_COMPARE(tab.proxy()->rowCount(), 30);

    // The kind menu: the button names what is shown, from the start.
    auto *kinds = tab.findChild<QToolButton *>(u"kindFilter"_s);
    QVERIFY(kinds);
    QCOMPARE(kinds->text(), u"Kinds: all"_s);
    QAction *alert = nullptr;
    for (QAction *a : kinds->menu()->actions()) {
        if (a->text() == eventKindToString(EventKind::Alert))
            alert = a;
    }
    QVERIFY(alert);
    alert->setChecked(false);
    QCOMPARE(kinds->text(), u"Kinds: %1 of %2"_s.arg(EventKindCount - 1).arg(EventKindCount));
    // The fixture gives event i the kind i % EventKindCount, so every EventKindCount-th is an
    // alert.
    QCOMPARE(tab.proxy()->rowCount(), 30 - (30 + EventKindCount - 1) / EventKindCount);
    kinds->menu()->actions().first()->trigger(); // "All kinds"
    QCOMPARE(kinds->text(), u"Kinds: all"_s);
    QCOMPARE(tab.proxy()->rowCount(), 30);
}

void TestTimelineTab::chartShowsKindsMetricsAndMarkers()
{
    TimelineFixture f;
    f.declare();
    f.seed(20);
    NewEvent update = f.event(utcAt(14, 25),
                              u"Incident Update\n- Error rate: 5% (down from 25%)\n"
                              "- Response time: 800ms\n- Affected users: ~200/minute"_s,
                              EventKind::Communication);
    update.source = u"message"_s;
    f.service->store().addEvent(f.incidentId, update);
    TimelineTab tab(*f.service);
    QSignalSpy charted(&tab, &TimelineTab::chartUpdated);
    tab.setIncidentId(f.incidentId);
    QVERIFY(charted.wait(3000));
    const TimelineChartInput &in = tab.chart()->input();
    QCOMPARE(in.metrics.size(), std::size_t(1));
    QCOMPARE(in.metrics[0].sample.errorRatePercent.value_or(-1), 5.0);
    QCOMPARE(in.metrics[0].sample.responseTimeMs.value_or(-1), 800.0);
    QCOMPARE(in.markers.size(), std::size_t(2)); // the seeded "status" events, 14:06 and 14:15

    f.service->setSeverity(f.incidentId, Severity::P0, u"revenue"_s);
    f.service->setStatus(f.incidentId, IncidentStatus::Identified);
    QVERIFY(charted.wait(3000));
    const auto &markers = tab.chart()->input().markers;
    QCOMPARE(markers.size(), std::size_t(4));
    QCOMPARE(int(markers[2].type), int(TimelineChartInput::Marker::Type::Severity));
    QCOMPARE(int(markers[3].type), int(TimelineChartInput::Marker::Type::Status));
    int total = 0;
    for (const auto &bucket : tab.chart()->input().buckets.counts)
        for (int c : bucket)
            total += c;
    QCOMPARE(total, tab.model()->rowCount());
    // One series per kind + 3 metric lines + 2 marker series.
    QCOMPARE(tab.chart()->seriesCount(), EventKindCount + 3 + 2);
}

// The count axis prints its ticks as whole numbers; a tick between two (0, 0.5, 1 …) would print
// a wrong count ("0, 0, 1").
void TestTimelineTab::countAxisTicksAreWholeNumbers()
{
    for (int perMinute : {1, 2, 3, 4, 7, 9, 13, 30, 45, 170}) {
        TimelineFixture f;
        f.declare();
        for (int i = 0; i < perMinute; ++i)
            f.service->store().addEvent(f.incidentId,
                                        f.event(utcAt(14, 5), u"same minute"_s, EventKind::Note));
        TimelineTab tab(*f.service);
        tab.setIncidentId(f.incidentId);
        tab.completeDeferredBuild();
        QValueAxis *count = nullptr;
        for (QAbstractAxis *axis : tab.chart()->chart()->axes(Qt::Vertical))
            if (axis->alignment() == Qt::AlignLeft)
                count = qobject_cast<QValueAxis *>(axis);
        QVERIFY(count);
        QCOMPARE(count->min(), 0.0);
        QVERIFY2(count->max() >= perMinute, qPrintable(QString::number(count->max())));
        const double step = count->max() / (count->tickCount() - 1);
        QVERIFY2(step == std::floor(step) && count->tickCount() <= 6,
                 qPrintable(u"%1 per minute: 0 to %2 in %3 ticks"_s.arg(perMinute)
                                .arg(count->max())
                                .arg(count->tickCount())));
    }
}

// The time axis reads 14:00, 14:15 … (UTC), not 14:07, 14:22 …: its ends are on whole steps.
void TestTimelineTab::timeAxisTicksFallOnTheClock()
{
    TimelineFixture f;
    f.declare();
    f.service->store().addEvent(f.incidentId, f.event(utcAt(14, 7, 30), u"a"_s, EventKind::Note));
    f.service->store().addEvent(f.incidentId, f.event(utcAt(15, 7, 30), u"b"_s, EventKind::Note));
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    tab.completeDeferredBuild();
    QDateTimeAxis *time = nullptr;
    for (QAbstractAxis *axis : tab.chart()->chart()->axes(Qt::Horizontal))
        time = time ? time : qobject_cast<QDateTimeAxis *>(axis);
    QVERIFY(time);
    // The axis labels local time of values shifted so that they read UTC.
    QCOMPARE(time->min().toString(u"HH:mm:ss"_s), u"14:00:00"_s);
    QCOMPARE(time->max().toString(u"HH:mm:ss"_s), u"15:15:00"_s);
    QCOMPARE(time->tickCount(), 6);
}

// Screenshots cannot wait for the chart's settle delay: the deferred build draws it at once.
void TestTimelineTab::pendingChartDrawsOnRequest()
{
    TimelineFixture f;
    f.declare();
    f.seed(12);
    TimelineTab tab(*f.service);
    QSignalSpy charted(&tab, &TimelineTab::chartUpdated);
    tab.setIncidentId(f.incidentId);
    QCOMPARE(charted.size(), 0); // still settling
    tab.completeDeferredBuild();
    QCOMPARE(charted.size(), 1);
    QCOMPARE(tab.chart()->seriesCount() > 0, true);
    int total = 0;
    for (const auto &bucket : tab.chart()->input().buckets.counts)
        for (int c : bucket)
            total += c;
    QCOMPARE(total, tab.model()->rowCount());
    tab.completeDeferredBuild(); // nothing pending: no second rebuild
    QCOMPARE(charted.size(), 1);
}

void TestTimelineTab::tooltipsShowMarkupAsText()
{
    TimelineFixture f;
    f.declare();
    const auto e = f.service->addEvent(
        f.incidentId, f.event(utcAt(14, 0), u"<img src=x> <b>pasted</b> from chat"_s));
    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    showAndPaint(tab);
    QTableView *view = tab.view();
    const QRect cell = view->visualRect(viewIndexOf(tab, e.eventId, TimelineModel::Text));
    QVERIFY(cell.isValid());
    QHelpEvent help(QEvent::ToolTip, cell.center(), view->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"&lt;b&gt;pasted&lt;/b&gt;"_s),
             qPrintable(QToolTip::text()));
    QVERIFY(!QToolTip::text().contains(u"<img"_s));
    QToolTip::hideText();
}

// A check filed as evidence keeps its whole output beside the event; the timeline opens it from
// the event, as plain text, and offers it only on evidence.
void TestTimelineTab::evidenceOpensItsFullOutput()
{
    TimelineFixture f;
    f.declare();
    diag::DiagnosticResult r;
    r.check = u"nodes"_s;
    r.kind = u"kubectl"_s;
    r.status = diag::RunStatus::Pass;
    r.exitCode = 0;
    r.argv = QStringList{u"kubectl"_s, u"get"_s, u"nodes"_s};
    r.context = u"staging"_s;
    r.ns = u"shop"_s;
    for (int i = 0; i < 60; ++i)
        r.output += u"node-%1   <b>Ready</b>   5d\n"_s.arg(i);
    DiagnosticsService evidence(*f.service);
    const TimelineEvent filed = evidence.recordEvidence(f.incidentId, r);
    const auto note = f.service->addEvent(f.incidentId, f.event(utcAt(14, 0), u"a note"_s));

    TimelineTab tab(*f.service);
    tab.setIncidentId(f.incidentId);
    showAndPaint(tab);
    QAction *open = nullptr;
    for (QAction *a : tab.view()->actions()) {
        if (a->text() == u"Full output…"_s)
            open = a;
    }
    QVERIFY(open);
    tab.view()->setCurrentIndex(viewIndexOf(tab, note.eventId, TimelineModel::Text));
    tab.view()->selectRow(viewIndexOf(tab, note.eventId, TimelineModel::Text).row());
    QVERIFY(!open->isEnabled()); // a note has no output

    const QModelIndex at = viewIndexOf(tab, filed.eventId, TimelineModel::Text);
    tab.view()->setCurrentIndex(at);
    tab.view()->selectRow(at.row());
    QVERIFY(open->isEnabled());
    open->trigger();
    auto *dialog = tab.findChild<QDialog *>(u"evidenceOutputDialog"_s);
    QVERIFY(dialog);
    auto *text = dialog->findChild<QPlainTextEdit *>(u"evidenceOutput"_s);
    QVERIFY(text);
    QVERIFY(text->isReadOnly());
    // All 60 lines, not the timeline's excerpt, and markup shown as it came.
    QCOMPARE(text->toPlainText().count(u'\n'), 60);
    QVERIFY(text->toPlainText().contains(u"node-59   <b>Ready</b>"_s));
    dialog->close();
}

QTEST_MAIN(TestTimelineTab)
#include "test_timelinetab.moc"
