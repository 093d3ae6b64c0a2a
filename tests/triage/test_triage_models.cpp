#include "core/clock.h"
#include "models/triage/checklistmodel.h"
#include "models/triage/contactsmodel.h"
#include "servicefixture.h"
#include "services/incidentservice.h"
#include "triagefixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace idesk;
using namespace idesk::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(idesk::ChecklistKind)

class TestTriageModels : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServiceFixture> m_fx;

    Incident declare(const QString &title = u"Orders failing"_s)
    {
        NewIncident n;
        n.title = title;
        n.severity = Severity::P1;
        return m_fx->service->declare(n);
    }

private Q_SLOTS:
    void initTestCase() { enterTestMode(); }
    void init()
    {
        m_fx = std::make_unique<ServiceFixture>(seedProfile(), u"db.sqlite"_s, runbookStart());
        m_fx->service->setActor(u"jane"_s);
    }
    void cleanup() { m_fx.reset(); }

    void checklistsFromProfile_data();
    void checklistsFromProfile();
    void tickGoesThroughServiceToTimeline();
    void untickAndOtherIncidents();
    void noIncidentIsEmpty();
    void contacts();
    void contactsFollowProfile();
};

void TestTriageModels::checklistsFromProfile_data()
{
    QTest::addColumn<ChecklistKind>("kind");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("first");
    QTest::newRow("initial") << ChecklistKind::InitialAssessment << 5
                             << u"Confirm incident is real (not false positive)"_s;
    QTest::newRow("recovery") << ChecklistKind::RecoveryConfirmation << 5
                              << u"All systems showing green in monitoring"_s;
    QTest::newRow("post-incident")
        << ChecklistKind::PostIncident << 4 << u"Send resolution notification"_s;
}

void TestTriageModels::checklistsFromProfile()
{
    QFETCH(ChecklistKind, kind);
    QFETCH(int, rows);
    QFETCH(QString, first);
    const Incident inc = declare();
    ChecklistModel model(*m_fx->service, kind);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(inc.id);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.columnCount(), int(ChecklistModel::ColumnCount));
    QCOMPARE(model.index(0, ChecklistModel::Text).data().toString(), first);
    QCOMPARE(model.index(0, ChecklistModel::Text).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    QVERIFY(model.flags(model.index(0, ChecklistModel::Text)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, ChecklistModel::CheckedBy)) & Qt::ItemIsUserCheckable));
    QCOMPARE(model.checkedCount(), 0);
    QVERIFY(!model.allChecked());
}

void TestTriageModels::tickGoesThroughServiceToTimeline()
{
    const Incident inc = declare();
    ChecklistModel model(*m_fx->service, ChecklistKind::InitialAssessment);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(inc.id);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    m_fx->clock.advanceSecs(120);
    const QModelIndex second = model.index(1, ChecklistModel::Text);
    QVERIFY(model.setData(second, Qt::Checked, Qt::CheckStateRole));

    QCOMPARE(reset.size(), 0); // updated in place
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(second.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, ChecklistModel::CheckedBy).data().toString(), u"jane"_s);
    QCOMPARE(model.index(1, ChecklistModel::CheckedAt).data().toString(), u"14:32 UTC"_s);
    QCOMPARE(model.checkedCount(), 1);

    // Stored, and on the timeline with who and when.
    const auto items = m_fx->service->store().checklist(inc.id);
    const auto stored = std::find_if(items.begin(), items.end(), [&](const ChecklistItem &c) {
        return c.id == second.data(ChecklistModel::IdRole).toString();
    });
    QVERIFY(stored != items.end());
    QVERIFY(stored->checked);
    QCOMPARE(stored->checkedBy, u"jane"_s);
    EventQuery q;
    q.incidentId = inc.id;
    const auto events = m_fx->service->store().events(q);
    const auto tick = std::find_if(events.begin(), events.end(), [](const TimelineEvent &e) {
        return e.source == u"checklist"_s;
    });
    QVERIFY(tick != events.end());
    QCOMPARE(tick->text, u"Checked: Determine severity level"_s);
    QCOMPARE(tick->author, u"jane"_s);
    QCOMPARE(tick->occurredAt, m_fx->clock.now());
}

void TestTriageModels::untickAndOtherIncidents()
{
    const Incident a = declare(u"A"_s);
    const Incident b = declare(u"B"_s);
    ChecklistModel model(*m_fx->service, ChecklistKind::RecoveryConfirmation);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(a.id);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.setData(model.index(r, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.allChecked());
    QVERIFY(model.uncheckedTexts().isEmpty());
    QVERIFY(model.setData(model.index(4, 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.uncheckedTexts(), QStringList{u"No new related alerts"_s});
    QCOMPARE(model.index(4, ChecklistModel::CheckedBy).data().toString(), QString());

    // Ticks on another incident do not touch this model.
    ChecklistModel other(*m_fx->service, ChecklistKind::RecoveryConfirmation);
    other.setIncidentId(b.id);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(other.setData(other.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.checkedCount(), 4);
    model.setIncidentId(b.id);
    QCOMPARE(model.checkedCount(), 1);
}

void TestTriageModels::noIncidentIsEmpty()
{
    ChecklistModel model(*m_fx->service, ChecklistKind::PostIncident);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
}

void TestTriageModels::contacts()
{
    ContactsModel model(*m_fx->service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3 + 4 + 3 + 4);
    QCOMPARE(model.index(0, ContactsModel::Group).data().toString(), u"On-call"_s);
    QCOMPARE(model.index(0, ContactsModel::Phone).data().toString(), u"+1-555-0123"_s);
    QCOMPARE(model.index(0, ContactsModel::Phone).data(ContactsModel::CopyRole).toString(),
             u"+1-555-0123"_s);
    QCOMPARE(model.index(0, ContactsModel::Role).data(ContactsModel::CopyRole).toString(),
             u"Primary (Primary on-call) — +1-555-0123 — PagerDuty"_s);
    const int cto = 3;
    QCOMPARE(model.index(cto, ContactsModel::Group).data().toString(), u"Personnel"_s);
    QCOMPARE(model.index(cto, ContactsModel::Email).data(ContactsModel::CopyRole).toString(),
             u"cto@linkdao.io"_s);
    const int infura = 3 + 4 + 1;
    QCOMPARE(model.index(infura, ContactsModel::Via).data().toString(),
             u"Slack: #infura-support"_s);
    const int lastChannel = model.rowCount() - 1;
    QCOMPARE(model.index(lastChannel, ContactsModel::Group).data().toString(), u"Channel"_s);
    QCOMPARE(model.index(lastChannel, ContactsModel::Via).data(ContactsModel::CopyRole).toString(),
             u"https://status.linkdao.io"_s);
    // An empty cell copies the row's summary rather than nothing.
    QCOMPARE(model.index(infura, ContactsModel::Phone).data(ContactsModel::CopyRole).toString(),
             u"Infura — support@infura.io — Slack: #infura-support"_s);
}

void TestTriageModels::contactsFollowProfile()
{
    ContactsModel model(*m_fx->service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Profile p = seedProfile();
    p.vendors.clear();
    p.channels.clear();
    m_fx->service->setProfile(p);
    QCOMPARE(model.rowCount(), 3 + 4);
}

QTEST_GUILESS_MAIN(TestTriageModels)
#include "test_triage_models.moc"
