// Editing the timeline in place, as a commander does offline: the time cell opens a UTC editor,
// the kind cell a list of kinds, Enter writes a revision to the store; tooltips show user text
// as typed, never as markup; key events are bold.
#include "gui/timeline/timelinedelegate.h"
#include "models/timeline/timelinemodel.h"
#include "timelinefixture.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHelpEvent>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace idesk;
using namespace idesk::test;
using namespace Qt::StringLiterals;

class TestTimelineDelegate : public QObject
{
    Q_OBJECT

private:
    TimelineFixture f;
    std::unique_ptr<TimelineModel> model;
    std::unique_ptr<QTableView> view;
    TimelineDelegate *delegate = nullptr;

    TimelineEvent stored(int row) const
    {
        EventQuery q;
        q.incidentId = f.incidentId;
        return f.service->store().events(q).at(static_cast<std::size_t>(row));
    }

    template<typename Editor> Editor *openEditor(int row, int column)
    {
        const QModelIndex index = model->index(row, column);
        view->setCurrentIndex(index);
        view->edit(index);
        auto *editor = view->findChild<Editor *>();
        if (editor && !QTest::qWaitFor([editor] { return editor->hasFocus(); }))
            return nullptr;
        return editor;
    }

private Q_SLOTS:
    void init()
    {
        f.declare();
        auto first = f.event(utcAt(14, 5), u"Paged <b>on-call</b> & waited"_s, EventKind::Alert);
        f.service->store().addEvent(f.incidentId, first);
        auto pinned = f.event(utcAt(14, 9), u"Rolled back to v2.3.1"_s, EventKind::Action);
        pinned.pinned = true;
        f.service->store().addEvent(f.incidentId, pinned);
        f.service->store().addEvent(f.incidentId, f.event(utcAt(14, 10), pinned.text));
        model = std::make_unique<TimelineModel>(*f.service);
        model->setIncidentId(f.incidentId);
        view = std::make_unique<QTableView>();
        delegate = new TimelineDelegate(view.get());
        view->setItemDelegate(delegate);
        view->setModel(model.get());
        view->resize(900, 300);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    }

    void cleanup()
    {
        view.reset();
        model.reset();
    }

    void editTheTimeInUtc()
    {
        auto *edit = openEditor<QDateTimeEdit>(0, TimelineModel::Occurred);
        QVERIFY(edit);
        QCOMPARE(edit->timeSpec(), Qt::UTC);
        QCOMPARE(edit->dateTime(), utcAt(14, 5));
        edit->setDateTime(QDateTime(QDate(2024, 1, 15), QTime(13, 58, 30), Qt::UTC));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(stored(0).occurredAt, utcAt(13, 58, 30));
        QCOMPARE(stored(0).text, u"Paged <b>on-call</b> & waited"_s);
        QCOMPARE(model->index(0, TimelineModel::Occurred).data(TimelineModel::OccurredAtRole),
                 QVariant(utcAt(13, 58, 30)));
    }

    void editTheKindFromAList()
    {
        auto *combo = openEditor<QComboBox>(1, TimelineModel::Kind);
        QVERIFY(combo);
        QCOMPARE(combo->count(), int(EventKindCount));
        QCOMPARE(combo->currentData().toInt(), int(EventKind::Action));
        combo->setCurrentIndex(combo->findData(int(EventKind::Decision)));
        QTest::keyClick(combo, Qt::Key_Return);
        QTRY_COMPARE(stored(1).kind, EventKind::Decision);
        QCOMPARE(stored(1).occurredAt, utcAt(14, 9)); // nothing else changed
    }

    void editTheTextAsPlainText()
    {
        auto *line = openEditor<QLineEdit>(0, TimelineModel::Text);
        QVERIFY(line);
        QCOMPARE(line->text(), u"Paged <b>on-call</b> & waited"_s);
        line->setText(u"Paged on-call twice"_s);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE(stored(0).text, u"Paged on-call twice"_s);
    }

    void tooltipsShowTextAsTyped()
    {
        const QModelIndex text = model->index(0, TimelineModel::Text);
        const QRect cell = view->visualRect(text);
        QHelpEvent help(QEvent::ToolTip, cell.center(),
                        view->viewport()->mapToGlobal(cell.center()));
        QStyleOptionViewItem option;
        option.rect = cell;
        QVERIFY(delegate->helpEvent(&help, view.get(), option, text));
        QTRY_VERIFY(QToolTip::isVisible());
        // Markup in the event is escaped for display: the tooltip reads it literally.
        QVERIFY2(QToolTip::text().contains(u"&lt;b&gt;on-call&lt;/b&gt; &amp; waited"_s),
                 qPrintable(QToolTip::text()));
        QToolTip::hideText();

        // A cell without a tooltip hides any tooltip and lets the event go on.
        const QModelIndex source = model->index(0, TimelineModel::Source);
        QHelpEvent none(QEvent::ToolTip, cell.center(),
                        view->viewport()->mapToGlobal(cell.center()));
        QVERIFY(!delegate->helpEvent(&none, view.get(), option, source));
        QVERIFY(!none.isAccepted());
    }

    void keyEventsAreBold()
    {
        // Rows 1 and 2 say the same; row 1 is pinned, so its text is wider in bold.
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        const QSize key = delegate->sizeHint(option, model->index(1, TimelineModel::Text));
        const QSize plain = delegate->sizeHint(option, model->index(2, TimelineModel::Text));
        QVERIFY2(key.width() > plain.width(),
                 qPrintable(u"%1 vs %2"_s.arg(key.width()).arg(plain.width())));
    }
};

QTEST_MAIN(TestTimelineDelegate)
#include "test_timelinedelegate.moc"
