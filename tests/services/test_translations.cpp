// The catalogues the programs install: English plural forms, German for German, and records
// that stay English whatever the language.
#include "core/clock.h"
#include "core/profile.h"
#include "services/incidentservice.h"
#include "services/translations.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>

using namespace idesk;

namespace {

QString eventsText(int n)
{
    return QCoreApplication::translate("idesk::TimelineTab", "%n event(s)", nullptr, n);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::enterTestMode(); }

    // Runs first: a translator installed later takes precedence over this one.
    void englishHasPluralForms()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslations(*QCoreApplication::instance());
        QCOMPARE(eventsText(1), QStringLiteral("1 event"));
        QCOMPARE(eventsText(2), QStringLiteral("2 events"));
        QCOMPARE(QCoreApplication::translate("idesk::TimelineTab", "Search text"),
                 QStringLiteral("Search text"));
    }

    void germanFollowsTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        installTranslations(*QCoreApplication::instance());
        QCOMPARE(eventsText(1), QStringLiteral("1 Ereignis"));
        QCOMPARE(eventsText(3), QStringLiteral("3 Ereignisse"));
        // A text from each layer below the window.
        QCOMPARE(QCoreApplication::translate("idesk::TimelineModel", "Key event"),
                 QStringLiteral("Schlüsselereignis"));
        QCOMPARE(QCoreApplication::translate("idesk::WebhookPoster", "Host not found: %1."),
                 QStringLiteral("Host nicht gefunden: %1."));
        QCOMPARE(QCoreApplication::translate("QObject", "List incidents."),
                 QStringLiteral("Vorfälle auflisten."));
    }

    // With German on screen, what the services write to the timeline is still English: the
    // record syncs to devices in other languages.
    void recordsStayEnglish()
    {
        QCOMPARE(QCoreApplication::translate("QObject", "List incidents."),
                 QStringLiteral("Vorfälle auflisten.")); // German is active
        test::TempDir dir;
        FakeClock clock(QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC));
        auto service =
            IncidentService::open(dir.file(QStringLiteral("db.sqlite")), defaultProfile(), clock);
        const Incident inc = service->declare(
            {QStringLiteral("Orders failing"), Severity::P1, QStringLiteral("@ana"), {}});
        service->acknowledge(inc.id);
        service->setStatus(inc.id, IncidentStatus::Identified);
        EventQuery q;
        q.incidentId = inc.id;
        QStringList texts;
        for (const TimelineEvent &e : service->events(q))
            texts << e.text;
        QCOMPARE(texts.size(), 3);
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(u"Incident declared: P1 Orders failing"), qPrintable(all));
        QVERIFY2(all.contains(u"Incident acknowledged by"), qPrintable(all));
        QVERIFY2(all.contains(u"Status Investigating → Identified"), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
