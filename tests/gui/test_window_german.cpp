// The window in German: the texts the core layer computes (durations, statuses, impact
// reasons, overdue warnings) are German on screen, while the timeline records the same facts in
// the runbook's English.
#include "services/translations.h"
#include "windowscenes.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTest>

using namespace idesk;

namespace {

template<typename T> T *child(QWidget &root, const QString &name)
{
    T *w = root.findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

} // namespace

class TestWindowGerman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        installTranslations(*QCoreApplication::instance());
    }

    void coreTextsAreGermanAndRecordsEnglish()
    {
        test::WindowScene scene;
        const QString id =
            scene.service().declare({QStringLiteral("Orders failing"), Severity::P1, {}, {}}).id;
        QVERIFY(scene.window().selectIncident(id));
        scene.showTab(0);
        QWidget &w = scene.window();

        // The default profile: P1 answers within 1 hour and updates every 30 minutes.
        const QString p1 = child<QLabel>(w, QStringLiteral("severityTextP1"))->text();
        QVERIFY2(p1.contains(u"1 Stunde") && p1.contains(u"30 Minuten"), qPrintable(p1));
        const QString p3 = child<QLabel>(w, QStringLiteral("severityTextP3"))->text();
        QVERIFY2(p3.contains(u"1 Tag") && p3.contains(u"4 Stunden"), qPrintable(p3));

        QCOMPARE(child<QPushButton>(w, QStringLiteral("statusIdentified"))->text(),
                 QStringLiteral("Identifiziert"));

        child<QDoubleSpinBox>(w, QStringLiteral("usersPercent"))->setValue(12.5);
        const QString why = child<QLabel>(w, QStringLiteral("suggestionWhy"))->text();
        QVERIFY2(why.contains(u"12,5 % der Nutzer betroffen"), qPrintable(why));
        QVERIFY2(why.contains(u"Umsatzverlust nicht gesetzt"), qPrintable(why));
        QVERIFY2(why.contains(u"P1 vorgeschlagen, weil die Auswirkung auf Nutzer mittel ist"),
                 qPrintable(why));

        // 1 hour 31 minutes on: the response SLA and the first update are both late.
        scene.clock().advanceSecs(91 * 60);
        scene.refreshTriage();
        const QString banner = child<QLabel>(w, QStringLiteral("overdueBanner"))->text();
        QVERIFY2(banner.contains(u"Antwortzeit von 1 Stunde") &&
                     banner.contains(u"alle 30 Minuten"),
                 qPrintable(banner));

        EventQuery q;
        q.incidentId = id;
        QStringList records;
        for (const TimelineEvent &e : scene.service().events(q))
            records << e.text;
        const QString all = records.join(u'\n');
        QVERIFY2(all.contains(u"Response SLA missed: P1 not acknowledged by 2024-01-15 15:30 UTC "
                              u"(1 hour response time)."),
                 qPrintable(all));
        QVERIFY2(all.contains(u"Stakeholder update overdue: due 2024-01-15 15:00 UTC (P1 updates "
                              u"every 30 minutes)."),
                 qPrintable(all));
        QVERIFY2(!all.contains(u"Stunde") && !all.contains(u"Minuten"), qPrintable(all));
    }

    // German words are longer than English ones: every tab, empty or showing an incident, still
    // lets the window narrow to half of a 1920-pixel screen, as the README promises.
    void everyTabFitsHalfAScreen()
    {
        test::WindowScene scene;
        MainWindow &window = scene.window();
        const auto checkTabs = [&](const char *when) {
            for (int i = 0; i < window.tabs()->count(); ++i) {
                scene.showTab(i);
                const int width = window.minimumSizeHint().width();
                QVERIFY2(width <= 960,
                         qPrintable(QStringLiteral("%1, tab %2: %3 px")
                                        .arg(QLatin1String(when), window.tabs()->tabText(i))
                                        .arg(width)));
            }
        };
        checkTabs("nothing selected");
        if (QTest::currentTestFailed())
            return;
        const QString id = scene.service()
                               .declare({QStringLiteral("Users unable to create orders"),
                                         Severity::P1,
                                         QStringLiteral("alex"),
                                         {}})
                               .id;
        QVERIFY(window.selectIncident(id));
        checkTabs("an incident selected");
    }
};

QTEST_MAIN(TestWindowGerman)
#include "test_window_german.moc"
