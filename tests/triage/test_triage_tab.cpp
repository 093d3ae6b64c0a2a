#include "core/clock.h"
#include "fakehttpserver.h"
#include "gui/filledlabel.h"
#include "gui/severitystyle.h"
#include "gui/triage/resolvedialog.h"
#include "gui/triage/triagetab.h"
#include "models/triage/checklistmodel.h"
#include "servicefixture.h"
#include "services/incidentservice.h"
#include "services/triage/triageservice.h"
#include "triagefixtures.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace idesk;
using namespace idesk::test;
using namespace idesk::triage;
using namespace Qt::StringLiterals;

class TestTriageTab : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TriageTab> m_tab;

    Incident declare(Severity s, const QString &title = u"Orders failing"_s)
    {
        NewIncident n;
        n.title = title;
        n.severity = s;
        n.commander = u"john.doe"_s;
        return m_fx->service->declare(n);
    }
    Incident open(Severity s)
    {
        const Incident inc = declare(s);
        m_tab->setIncidentId(inc.id);
        return inc;
    }
    template<typename T> T *child(const char *name)
    {
        T *w = m_tab->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    QString clockState(const char *name)
    {
        return child<QLabel>(name)->property("clockState").toString();
    }
    std::vector<TimelineEvent> events(const QString &id, const QString &source)
    {
        EventQuery q;
        q.incidentId = id;
        std::vector<TimelineEvent> out;
        for (auto &e : m_fx->service->store().events(q))
            if (e.source == source)
                out.push_back(e);
        return out;
    }
    // Runs `drive` on the modal dialog that `open` brings up.
    template<typename Open, typename Drive> void withDialog(Open open, Drive drive)
    {
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ResolveDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            seen = true;
            drive(dialog);
        });
        open();
        QVERIFY(seen);
    }

private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void init()
    {
        m_fx = std::make_unique<ServiceFixture>(seedProfile(), u"db.sqlite"_s, runbookStart());
        m_fx->service->setActor(u"jane"_s);
        m_tab = std::make_unique<TriageTab>(*m_fx->service);
        m_tab->resize(880, 700);
        m_tab->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    }
    void cleanup()
    {
        m_tab.reset();
        m_fx.reset();
    }

    void emptyState();
    void showsTheIncident();
    void statusTransitions();
    void resolveNeedsRecoveryOrAReason();
    void checklistTicksLandOnTheTimeline();
    void countdownColoursUnderFakeClock();
    void severityChangeRecomputesClocks();
    void impactSuggestsAndOverrideIsRecorded();
    void messagesAreStoredAndRestartTheClock();
    void editedMessageSurvivesTheTick();
    void copyAlertShortcut();
    void escalateInOneClick();
    void webhookFailureIsShownAndMessageKept();
    void rereadsOnServiceSignals();
    void fitsALaptopScreen();
    void headerFirstBuildsPanelsAfterFirstPaint();
    void headerFirstActionsBuildThePanelsTheyNeed();
};

void TestTriageTab::emptyState()
{
    auto *stack = m_tab->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 0);
    QCOMPARE(child<QLabel>("emptyState")->text(), u"No incident selected — Ctrl+N declares one"_s);
    const Incident inc = open(Severity::P1);
    QCOMPARE(stack->currentIndex(), 1);
    m_tab->setIncidentId({});
    QCOMPARE(stack->currentIndex(), 0);
    m_tab->setIncidentId(u"no-such-incident"_s);
    QCOMPARE(stack->currentIndex(), 0);
    QVERIFY(m_tab->incidentId().isEmpty());
    Q_UNUSED(inc)
}

void TestTriageTab::showsTheIncident()
{
    const Incident inc = open(Severity::P1);
    QCOMPARE(child<QLabel>("incidentTitle")->text(), u"Orders failing"_s);
    QCOMPARE(child<QLabel>("incidentTitle")->textInteractionFlags(), Qt::TextSelectableByMouse);
    QVERIFY(child<QLabel>("severityBadge")->text().startsWith(u"P1\nHigh"_s));
    QCOMPARE(child<FilledLabel>("severityBadge")->background(), severityColor(Severity::P1));
    QCOMPARE(child<QPushButton>("channelButton")->text(), inc.channel);
    QVERIFY(child<QLabel>("incidentSubtitle")->text().startsWith(u"Investigating"_s));
    QVERIFY(child<QPushButton>("severityP1")->isChecked());
    QCOMPARE(m_tab->messageKind(), MessageKind::Alert);
    QVERIFY(m_tab->messageText().startsWith(u"🚨 INCIDENT ALERT 🚨\nSeverity: P1\n"_s));
    QVERIFY(m_tab->messageText().contains(u"Channel: "_s + inc.channel));
    QCOMPARE(clockState("ackClock"), u"ok"_s);
    QCOMPARE(child<QLabel>("ackClock")->text(), u"Acknowledge within 1:00:00"_s);
    QVERIFY(child<QLabel>("escalationNext")->text().contains(u"L2 Senior Engineer/Team Lead"_s));

    child<QPushButton>("channelButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), inc.channel);
}

void TestTriageTab::statusTransitions()
{
    const Incident inc = open(Severity::P1);
    const std::array<const char *, 3> steps{"statusIdentified", "statusMitigating",
                                            "statusMonitoring"};
    for (const char *name : steps) {
        m_fx->clock.advanceSecs(300);
        QTest::mouseClick(child<QPushButton>(name), Qt::LeftButton);
        QVERIFY(child<QPushButton>(name)->property("current").toBool());
        // The current step stands out: filled in the link colour, bold.
        QCOMPARE(child<QPushButton>(name)->palette().color(QPalette::Button), QColor(linkBlue()));
        QVERIFY(child<QPushButton>(name)->font().bold());
    }
    // Passed steps go back to the plain look.
    auto *passed = child<QPushButton>("statusIdentified");
    QVERIFY(!passed->property("current").toBool());
    QVERIFY(passed->palette().color(QPalette::Button) != QColor(linkBlue()));
    QVERIFY(!passed->font().bold());
    const auto stored = m_fx->service->incident(inc.id);
    QCOMPARE(stored->status, IncidentStatus::Monitoring);
    QVERIFY(stored->mitigatedAt.isValid());
    const auto changes = events(inc.id, u"status change"_s);
    QCOMPARE(changes.size(), std::size_t(3));
    QCOMPARE(changes[0].text, u"Status Investigating → Identified"_s);
    QCOMPARE(changes[0].occurredAt, inc.startedAt.addSecs(300));
    QCOMPARE(changes[2].text, u"Status Mitigating → Monitoring"_s);
    QVERIFY(child<QPushButton>("statusInvestigating")->text().startsWith(u"✓"_s));
    QVERIFY(child<QLabel>("incidentSubtitle")->text().startsWith(u"Monitoring"_s));

    // Going back is allowed and recorded too.
    QTest::mouseClick(child<QPushButton>("statusMitigating"), Qt::LeftButton);
    QCOMPARE(m_fx->service->incident(inc.id)->status, IncidentStatus::Mitigating);
}

void TestTriageTab::resolveNeedsRecoveryOrAReason()
{
    const Incident inc = open(Severity::P1);
    // Cancel leaves the status alone.
    withDialog([&] { QTest::mouseClick(child<QPushButton>("statusResolved"), Qt::LeftButton); },
               [](ResolveDialog *d) {
                   auto *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
                   QVERIFY(!ok->isEnabled()); // nothing confirmed, no reason
                   d->reject();
               });
    QCOMPARE(m_fx->service->incident(inc.id)->status, IncidentStatus::Investigating);

    // Tick every recovery item in the dialog, then resolve.
    withDialog([&] { m_tab->requestStatus(IncidentStatus::Resolved); },
               [](ResolveDialog *d) {
                   auto *view = d->findChild<QTreeView *>(u"checklistView"_s);
                   for (int r = 0; r < view->model()->rowCount(); ++r) {
                       view->setCurrentIndex(view->model()->index(r, 0));
                       QTest::keyClick(view, Qt::Key_Space);
                   }
                   QVERIFY(d->allConfirmed());
                   auto *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
                   QVERIFY(ok->isEnabled());
                   QTest::mouseClick(ok, Qt::LeftButton);
               });
    QCOMPARE(m_fx->service->incident(inc.id)->status, IncidentStatus::Resolved);
    QCOMPARE(events(inc.id, u"checklist"_s).size(), std::size_t(5));
    QCOMPARE(events(inc.id, u"status change"_s).back().text,
             u"Status Investigating → Resolved — recovery confirmed (5/5)"_s);
    QCOMPARE(m_tab->messageKind(), MessageKind::Resolved);
    QVERIFY(m_tab->messageText().startsWith(u"✅ INCIDENT RESOLVED ✅"_s));

    // Another incident resolved with items open: only with a reason.
    const Incident other = open(Severity::P2);
    withDialog([&] { m_tab->requestStatus(IncidentStatus::Resolved); },
               [](ResolveDialog *d) {
                   auto *view = d->findChild<QTreeView *>(u"checklistView"_s);
                   view->setCurrentIndex(view->model()->index(0, 0));
                   QTest::keyClick(view, Qt::Key_Space);
                   auto *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
                   QVERIFY(!ok->isEnabled());
                   QTest::keyClicks(d->findChild<QLineEdit *>(u"reasonEdit"_s),
                                    u"alerts are noisy, verified by hand"_s);
                   QVERIFY(ok->isEnabled());
                   QCOMPARE(ok->text(), u"Resolve &anyway"_s);
                   QTest::mouseClick(ok, Qt::LeftButton);
               });
    QCOMPARE(m_fx->service->incident(other.id)->status, IncidentStatus::Resolved);
    const QString note = events(other.id, u"status change"_s).back().text;
    QVERIFY2(note.contains(u"recovery checklist overridden (1/5): alerts are noisy, verified by "
                           "hand; open: Error rates back to baseline"_s),
             qPrintable(note));
}

void TestTriageTab::checklistTicksLandOnTheTimeline()
{
    const Incident inc = open(Severity::P1);
    auto *tabs = child<QTabWidget>("checklistTabs");
    QCOMPARE(tabs->tabText(0), u"Initial assessment 0/5"_s);
    QCOMPARE(tabs->tabText(1), u"Recovery 0/5"_s);
    QCOMPARE(tabs->tabText(2), u"Post-incident 0/4"_s);

    auto *view = child<QTreeView>("checklist_initial-assessment");
    m_fx->clock.advanceSecs(90);
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Space);
    m_fx->clock.advanceSecs(60);
    view->setCurrentIndex(view->model()->index(1, 0));
    QTest::keyClick(view, Qt::Key_Space);

    QCOMPARE(tabs->tabText(0), u"Initial assessment 2/5"_s);
    const auto ticks = events(inc.id, u"checklist"_s);
    QCOMPARE(ticks.size(), std::size_t(2));
    QCOMPARE(ticks[0].text, u"Checked: Confirm incident is real (not false positive)"_s);
    QCOMPARE(ticks[0].author, u"jane"_s);
    QCOMPARE(ticks[0].occurredAt, inc.startedAt.addSecs(90));
    QCOMPARE(ticks[1].text, u"Checked: Determine severity level"_s);
    QCOMPARE(ticks[1].occurredAt, inc.startedAt.addSecs(150));
    QCOMPARE(view->model()->index(0, ChecklistModel::CheckedBy).data().toString(), u"jane"_s);
    QCOMPARE(view->model()->index(0, ChecklistModel::CheckedAt).data().toString(), u"14:31 UTC"_s);

    // Unticking is a fact too.
    m_fx->clock.advanceSecs(30);
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(events(inc.id, u"checklist"_s).back().text,
             u"Unchecked: Confirm incident is real (not false positive)"_s);
    QCOMPARE(tabs->tabText(0), u"Initial assessment 1/5"_s);
}

void TestTriageTab::countdownColoursUnderFakeClock()
{
    const Incident inc = open(Severity::P0); // 15-minute response, 15-minute updates
    QSignalSpy raised(m_tab.get(), &TriageTab::overdueRaised);
    QCOMPARE(clockState("ackClock"), u"ok"_s);
    QCOMPARE(clockState("updateClock"), u"ok"_s);
    const QColor okFill = child<FilledLabel>("ackClock")->background();

    m_fx->clock.advanceSecs(600); // 5:00 left: still fine
    m_tab->refreshClocks();
    QCOMPARE(clockState("ackClock"), u"ok"_s);
    QCOMPARE(child<QLabel>("ackClock")->text(), u"Acknowledge within 5:00"_s);

    m_fx->clock.advanceSecs(1); // 4:59 left
    m_tab->refreshClocks();
    QCOMPARE(clockState("ackClock"), u"amber"_s);
    QCOMPARE(clockState("updateClock"), u"amber"_s);
    QVERIFY(child<FilledLabel>("ackClock")->background() != okFill);
    QCOMPARE(child<FilledLabel>("ackClock")->background(), QColor(u"#ffb300"_s));
    QCOMPARE(child<FilledLabel>("ackClock")->textColor(), QColor(Qt::black));
    QVERIFY(!child<QLabel>("overdueBanner")->isVisible());
    QCOMPARE(raised.size(), 0);

    m_fx->clock.advanceSecs(299); // 15:00
    m_tab->refreshClocks();
    QCOMPARE(clockState("ackClock"), u"red"_s);
    QCOMPARE(clockState("updateClock"), u"red"_s);
    QCOMPARE(child<FilledLabel>("ackClock")->background(), QColor(u"#c62828"_s));
    QCOMPARE(child<FilledLabel>("ackClock")->textColor(), QColor(Qt::white));
    QCOMPARE(child<QLabel>("ackClock")->text(), u"Acknowledge SLA missed by 0:00"_s);
    auto *banner = child<QLabel>("overdueBanner");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"Response SLA missed: P0 not acknowledged by 2024-01-15 "
                                    "14:45 UTC"_s));
    QVERIFY(banner->text().contains(u"Stakeholder update overdue"_s));
    QCOMPARE(raised.size(), 2);
    QCOMPARE(events(inc.id, u"overdue"_s).size(), std::size_t(2));

    // The live timer keeps ticking; nothing is logged twice.
    m_fx->clock.advanceSecs(2);
    QTRY_COMPARE(child<QLabel>("ackClock")->text(), u"Acknowledge SLA missed by 0:02"_s);
    QCOMPARE(raised.size(), 2);
    QCOMPARE(events(inc.id, u"overdue"_s).size(), std::size_t(2));

    // Ctrl+K acknowledges: the clock is done, the banner keeps only the update.
    QTest::keySequence(m_tab.get(), QKeySequence(u"Ctrl+K"_s));
    QVERIFY(m_fx->service->incident(inc.id)->acknowledgedAt.isValid());
    QCOMPARE(clockState("ackClock"), u"done"_s);
    QVERIFY(child<QLabel>("ackClock")->text().startsWith(u"Acknowledged late at 14:45"_s));
    QVERIFY(!banner->text().contains(u"Response SLA"_s));
    QVERIFY(banner->text().contains(u"Stakeholder update overdue"_s));
}

void TestTriageTab::severityChangeRecomputesClocks()
{
    const Incident inc = open(Severity::P2);
    m_fx->clock.advanceSecs(20 * 60);
    m_tab->refreshClocks();
    QCOMPARE(clockState("ackClock"), u"ok"_s);
    m_tab->chooseSeverity(Severity::P0, u"payments affected"_s);
    QCOMPARE(m_fx->service->incident(inc.id)->severity, Severity::P0);
    QCOMPARE(clockState("ackClock"), u"red"_s);
    QVERIFY(child<QLabel>("severityBadge")->text().startsWith(u"P0"_s));
    QCOMPARE(child<FilledLabel>("severityBadge")->background(), severityColor(Severity::P0));
    QVERIFY(child<QPushButton>("severityP0")->isChecked());
    QVERIFY(m_tab->messageText().contains(u"Severity: P0"_s));
}

void TestTriageTab::impactSuggestsAndOverrideIsRecorded()
{
    const Incident inc = open(Severity::P2);
    auto *users = child<QDoubleSpinBox>("usersPercent");
    QCOMPARE(users->text(), u"not set"_s);
    QCOMPARE(child<QLabel>("suggestion")->text(), u"No suggestion yet"_s);
    users->setFocus();
    users->selectAll();
    QTest::keyClicks(users, u"62"_s);
    QTest::keyClick(users, Qt::Key_Return);
    QCOMPARE(m_fx->service->incident(inc.id)->impact.affectedUsersPercent,
             std::optional<double>(62));
    QVERIFY(child<QLabel>("suggestion")->text().startsWith(u"Suggested: P0"_s));
    QVERIFY(child<QLabel>("suggestionWhy")->text().contains(u"62% of users affected"_s));
    auto *apply = child<QPushButton>("applySuggestion");
    QVERIFY(apply->isEnabled());
    QCOMPARE(apply->text(), u"Apply P0"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_fx->service->incident(inc.id)->severity, Severity::P0);
    QVERIFY(events(inc.id, u"severity change"_s).back().text.contains(u"applied the suggestion"_s));
    QVERIFY(!apply->isEnabled());

    // The commander disagrees: the override and its reason land on the timeline.
    m_fx->clock.advanceSecs(60);
    m_tab->chooseSeverity(Severity::P1, u"only the EU region, failover running"_s);
    QCOMPARE(m_fx->service->incident(inc.id)->severity, Severity::P1);
    QCOMPARE(
        events(inc.id, u"severity change"_s).back().text,
        u"Severity P0 → P1 — override of suggested P0: only the EU region, failover running"_s);
}

void TestTriageTab::messagesAreStoredAndRestartTheClock()
{
    const Incident inc = open(Severity::P1);
    m_fx->clock.advanceSecs(25 * 60);
    m_tab->refreshClocks();
    QCOMPARE(clockState("updateClock"), u"amber"_s);
    const QString alert = m_tab->messageText();

    QTest::mouseClick(child<QPushButton>("markSentButton"), Qt::LeftButton);
    const auto sent = events(inc.id, u"message"_s);
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, EventKind::Communication);
    QCOMPARE(sent[0].text, alert);
    QCOMPARE(clockState("updateClock"), u"ok"_s);
    QCOMPARE(child<QLabel>("updateClock")->text(), u"Next update in 30:00"_s);
    QCOMPARE(m_tab->messageKind(), MessageKind::Update);
    QVERIFY(m_tab->messageText().startsWith(u"📊 INCIDENT UPDATE 📊"_s));
    QVERIFY(m_tab->messageText().contains(u"Duration: 25 minutes"_s));
    QCOMPARE(child<QLabel>("commsStatus")->text(), u"Last message sent at 2024-01-15 14:55 UTC."_s);

    QTest::mouseClick(child<QPushButton>("copySlackButton"), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(
        u"*📊 INCIDENT UPDATE 📊*\n*Severity:* P1"_s));
    QTest::mouseClick(child<QPushButton>("copyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), m_tab->messageText());
}

void TestTriageTab::editedMessageSurvivesTheTick()
{
    open(Severity::P1);
    auto *edit = child<QPlainTextEdit>("messageEdit");
    edit->moveCursor(QTextCursor::End);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, u"Extra: checkout page shows a banner"_s);
    QVERIFY(m_tab->messageEdited());
    m_fx->clock.advanceSecs(120);
    m_tab->refreshClocks();
    QVERIFY(m_tab->messageText().endsWith(u"Extra: checkout page shows a banner"_s));
    QTest::mouseClick(child<QPushButton>("copySlackButton"), Qt::LeftButton);
    QVERIFY(
        QGuiApplication::clipboard()->text().endsWith(u"*Extra:* checkout page shows a banner"_s));
    QTest::mouseClick(child<QPushButton>("rerenderButton"), Qt::LeftButton);
    QVERIFY(!m_tab->messageEdited());
    QVERIFY(!m_tab->messageText().contains(u"Extra:"_s));
}

void TestTriageTab::copyAlertShortcut()
{
    const Incident inc = open(Severity::P1);
    m_tab->setMessageKind(MessageKind::Update);
    QGuiApplication::clipboard()->clear();
    QTest::keySequence(m_tab.get(), QKeySequence(u"Ctrl+Shift+C"_s));
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.startsWith(u"🚨 INCIDENT ALERT 🚨\nSeverity: P1"_s));
    QVERIFY(copied.contains(inc.channel));
}

void TestTriageTab::escalateInOneClick()
{
    const Incident inc = open(Severity::P0);
    auto *button = child<QPushButton>("escalateButton");
    QCOMPARE(button->text(), u"Escalate to L2 Senior Engineer/Team Lead"_s);
    m_fx->clock.advanceSecs(30 * 60);
    m_tab->refreshClocks();
    QVERIFY(child<QLabel>("escalationDue")->text().contains(u"Escalate now to L2"_s));
    QVERIFY(button->styleSheet().contains(u"#c62828"_s));
    QVERIFY(child<QLabel>("escalationNext")
                ->text()
                .contains(u"L3 Engineering Manager/CTO at "
                          "2024-01-15 15:30 UTC"_s));
    // Whom to call for L2: the escalation line and the DevOps lead; a click copies the phone.
    auto buttons = m_tab->findChildren<QPushButton *>();
    const auto phone = std::find_if(buttons.begin(), buttons.end(), [](QPushButton *b) {
        return b->text().contains(u"+1-555-0125"_s);
    });
    QVERIFY(phone != buttons.end());
    (*phone)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"+1-555-0125"_s);

    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_fx->service->incident(inc.id)->escalationLevel, 2);
    QVERIFY(events(inc.id, u"escalation"_s)
                .back()
                .text.contains(u"P0/P1 not resolved within 30 minutes"_s));
    QVERIFY(child<QLabel>("escalationDue")->text().contains(u"No escalation due"_s));
    QCOMPARE(button->text(), u"Escalate to L3 Engineering Manager/CTO"_s);
}

void TestTriageTab::webhookFailureIsShownAndMessageKept()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.answerAlways(400, "Bad Request", "invalid_payload");
    Profile p = seedProfile();
    p.webhookUrl = u"http://127.0.0.1:%1/hook"_s.arg(server.serverPort());
    m_fx->service->setProfile(p);
    const Incident inc = open(Severity::P1);
    auto *post = child<QPushButton>("postButton");
    QVERIFY(post->isEnabled());
    const QString text = m_tab->messageText();
    QTest::mouseClick(post, Qt::LeftButton);
    auto *status = child<QLabel>("webhookStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Webhook post failed"_s), 15000);
    QVERIFY(status->text().contains(u"HTTP 400 Bad Request: invalid_payload"_s));
    QCOMPARE(status->textFormat(), Qt::PlainText);
    QCOMPARE(events(inc.id, u"message"_s).size(), std::size_t(1));
    QCOMPARE(events(inc.id, u"message"_s).front().text, text);
    // What was posted is the Slack form of that text.
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().body.contains("*Severity:* P1"));
}

void TestTriageTab::rereadsOnServiceSignals()
{
    const Incident inc = open(Severity::P1);
    // Someone else (the CLI, another tab) changes the incident: the tab follows.
    Incident changed = *m_fx->service->incident(inc.id);
    changed.commander = u"alice"_s;
    changed.impact.userImpact = u"Checkout broken"_s;
    m_fx->service->updateIncident(changed);
    QCOMPARE(child<QLineEdit>("commanderEdit")->text(), u"alice"_s);
    QCOMPARE(child<QLineEdit>("impactEdit")->text(), u"Checkout broken"_s);
    QVERIFY(m_tab->messageText().contains(u"Impact: Checkout broken\n"_s));
    QVERIFY(m_tab->messageText().contains(u"Commander: @alice\n"_s));
    m_fx->service->setStatus(inc.id, IncidentStatus::Identified);
    QVERIFY(child<QPushButton>("statusIdentified")->property("current").toBool());
    const auto items = m_fx->service->store().checklist(inc.id);
    m_fx->service->setChecklistItem(inc.id, items.front().id, true);
    QCOMPARE(child<QTabWidget>("checklistTabs")->tabText(0), u"Initial assessment 1/5"_s);
    m_fx->service->acknowledge(inc.id);
    QCOMPARE(clockState("ackClock"), u"done"_s);
    QVERIFY(!child<QPushButton>("ackButton")->isVisible());
}

// 1280x800 with the incident list beside it leaves the tab about 900 pixels: nothing may need a
// horizontal scroll there; the vertical scroll area takes the rest.
void TestTriageTab::fitsALaptopScreen()
{
    open(Severity::P1);
    m_tab->resize(900, 640);
    auto *scroll = m_tab->findChild<QScrollArea *>(u"triageScroll"_s);
    QVERIFY(scroll);
    QTRY_COMPARE(scroll->viewport()->width(), scroll->widget()->width());
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    QVERIFY(m_tab->minimumSizeHint().width() <= 900);
}

// The window's start-up mode: the header is complete at once, the panels follow the first paint
// and then show exactly what a complete build shows.
void TestTriageTab::headerFirstBuildsPanelsAfterFirstPaint()
{
    const Incident inc = declare(Severity::P1);
    m_fx->service->acknowledge(inc.id);
    m_tab.reset();
    m_tab = std::make_unique<TriageTab>(*m_fx->service, nullptr, TriageTab::Build::HeaderFirst);
    m_tab->resize(880, 700);
    m_tab->triage().recordMessage(inc.id, MessageKind::Alert, u"alert sent by hand"_s);
    m_tab->setIncidentId(inc.id);
    QVERIFY(!m_tab->panelsBuilt());
    QVERIFY(!m_tab->findChild<QPlainTextEdit *>(u"messageEdit"_s));
    QCOMPARE(child<QLabel>("incidentTitle")->text(), inc.title);
    // Plain until the first paint: a selectable title is laid out as a document.
    QVERIFY(!child<QLabel>("incidentTitle")
                 ->textInteractionFlags()
                 .testFlag(Qt::TextSelectableByMouse));
    QCOMPARE(clockState("ackClock"), u"done"_s);
    QVERIFY(child<QLabel>("updateClock")->text().startsWith(u"Next update in"_s));
    QVERIFY(child<QPushButton>("statusInvestigating")->property("current").toBool());
    QCOMPARE(m_tab->messageKind(), MessageKind::Update); // an alert went out: next, an update
    QVERIFY(m_tab->messageText().isEmpty());

    // Copy alert needs no panel: it renders the alert from the incident.
    QGuiApplication::clipboard()->clear();
    m_tab->copyAlert();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(u"🚨 INCIDENT ALERT 🚨\nSeverity: P1"_s));
    QVERIFY(!m_tab->panelsBuilt());

    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    QTRY_VERIFY(m_tab->panelsBuilt());
    QCOMPARE(m_tab->messageKind(), MessageKind::Update);
    QVERIFY(m_tab->messageText().startsWith(u"📊 INCIDENT UPDATE 📊\nSeverity: P1"_s));
    QCOMPARE(child<QTabWidget>("checklistTabs")->tabText(0), u"Initial assessment 0/5"_s);
    QCOMPARE(child<QLineEdit>("commanderEdit")->text(), u"john.doe"_s);
    QVERIFY(child<QPushButton>("severityP1")->isChecked());
    QVERIFY(!child<QLabel>("escalationEngaged")->text().isEmpty());
    QCOMPARE(child<QScrollArea>("triageScroll")->widget()->isVisible(), true);
    QCOMPARE(child<QLabel>("incidentTitle")->textInteractionFlags(), Qt::TextSelectableByMouse);
}

void TestTriageTab::headerFirstActionsBuildThePanelsTheyNeed()
{
    const Incident inc = declare(Severity::P2);
    m_tab.reset();
    m_tab = std::make_unique<TriageTab>(*m_fx->service, nullptr, TriageTab::Build::HeaderFirst);
    m_tab->setIncidentId(inc.id);
    QVERIFY(!m_tab->panelsBuilt());
    m_tab->markMessageSent(); // Ctrl+Return before the panels painted
    QVERIFY(m_tab->panelsBuilt());
    const auto sent = events(inc.id, u"message"_s);
    QCOMPARE(sent.size(), std::size_t(1));
    QVERIFY(sent.front().text.contains(u"INCIDENT ALERT"_s));
    QCOMPARE(m_tab->messageKind(), MessageKind::Update);
}

QTEST_MAIN(TestTriageTab)
#include "test_triage_tab.moc"
