// The catalogues the programs install: English plural forms, German for German, and records
// that stay English whatever the language.
#include "core/clock.h"
#include "core/incidentjson.h"
#include "core/profile.h"
#include "core/timeline/quickentry.h"
#include "core/timeline/timelinetext.h"
#include "services/displaytext.h"
#include "services/incidentservice.h"
#include "services/profilefile.h"
#include "services/translations.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace idesk;
using namespace Qt::StringLiterals;

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
        // The window's durations read like the record's.
        QCOMPARE(DisplayText::duration(3600 + 60), QStringLiteral("1 hour 1 minute"));
        QCOMPARE(DisplayText::duration(2 * 86400 + 2 * 3600 + 59),
                 QStringLiteral("2 days 2 hours"));
        QCOMPARE(DisplayText::duration(-5), QStringLiteral("0 minutes"));
        QCOMPARE(QCoreApplication::translate("idesk::TimelineTab", "Search text"),
                 QStringLiteral("Search text"));
    }

    void germanFollowsTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        installTranslations(*QCoreApplication::instance());
        QCOMPARE(eventsText(1), QStringLiteral("1 Ereignis"));
        QCOMPARE(eventsText(3), QStringLiteral("3 Ereignisse"));
        // What the core computes, in the window's words and numbers.
        QCOMPARE(DisplayText::duration(86400 + 2 * 3600 + 60),
                 QStringLiteral("1 Tag 2 Stunden 1 Minute"));
        QCOMPARE(DisplayText::status(IncidentStatus::Mitigating), QStringLiteral("Eindämmung"));
        QCOMPARE(DisplayText::number(12345.678), QStringLiteral("12.345,68"));
        Impact impact;
        impact.revenueLossPerHour = 2500;
        QCOMPARE(DisplayText::impactReasons(impact, ImpactThresholds{}),
                 QStringList({u"Auswirkung auf Nutzer unbekannt: Anteil betroffener Nutzer nicht "
                              u"gesetzt."_s,
                              u"Geschäftliche Auswirkung hoch: $2.500/Stunde Umsatzverlust "
                              u"($1.000 bis $10.000/Stunde)."_s,
                              u"P1 vorgeschlagen, weil die geschäftliche Auswirkung hoch ist."_s}));
        // A text from each layer below the window.
        QCOMPARE(QCoreApplication::translate("idesk::TimelineModel", "Key event"),
                 QStringLiteral("Schlüsselereignis"));
        QCOMPARE(QCoreApplication::translate("idesk::WebhookPoster", "Host not found: %1."),
                 QStringLiteral("Host nicht gefunden: %1."));
        QCOMPARE(QCoreApplication::translate("QObject", "List incidents."),
                 QStringLiteral("Vorfälle auflisten."));
        // Counts worded by the catalogue's plural forms, not by a test for 1 in the code.
        QCOMPARE(QCoreApplication::translate("QObject", "%n step(s)", nullptr, 1), u"1 Schritt"_s);
        QCOMPARE(QCoreApplication::translate("QObject", "%n step(s)", nullptr, 14),
                 u"14 Schritte"_s);
        QCOMPARE(
            QCoreApplication::translate("idesk::PostmortemTab", "%n item(s) redacted", nullptr, 2),
            u"2 Stellen geschwärzt"_s);
        // The timeline parsers' messages, as core words them, with their values kept.
        const QTimeZone utc = QTimeZone::utc();
        const QDateTime now(QDate(2024, 1, 15), QTime(14, 30), utc);
        QCOMPARE(DisplayText::timelineMessage(parseQuickEntry(u"+99999999h x"_s, now).error),
                 u"Versatz zu groß: +99999999h"_s);
        QCOMPARE(DisplayText::timelineMessage(parseQuickEntry(u"14:32"_s, now).error),
                 u"Text fehlt nach der Uhrzeit"_s);
        QCOMPARE(DisplayText::timelineMessage(parseQuickEntry(u"2024-02-30 10:00 x"_s, now).error),
                 u"kein solches Datum: 2024-02-30"_s);
        QCOMPARE(DisplayText::timelineMessage(u"not from the parsers"_s),
                 u"not from the parsers"_s);
        // Every message has a German form and keeps its placeholders.
        for (const char *source : timelinetext::kAll) {
            const QString de = QCoreApplication::translate(timelinetext::kContext, source);
            QVERIFY2(de != QString::fromLatin1(source), source);
            for (const char *p : {"%1", "%2", "%3"})
                QCOMPARE(de.contains(QLatin1String(p)),
                         QString::fromLatin1(source).contains(QLatin1String(p)));
        }
    }

    // What core says of a profile it cannot read reaches the window and the CLI as it is, so
    // it is German too, with the file, the JSON path and the values kept.
    void coreValidationInGerman_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const QByteArray head = R"({"schemaVersion": 1, "name": "Drill", )";
        QTest::newRow("profile rule") << head + R"("severities": "none"})" << u"$.severities"_s
                                      << u"ein Array mit je einem Eintrag für P0..P3"_s;
        QTest::newRow("missing key")
            << QByteArray(R"({"name": "Drill"})") << u"$.schemaVersion"_s
            << u"schemaVersion <= 1 (eine positive ganze Zahl) (der Schlüssel fehlt)"_s;
        QTest::newRow("unknown key")
            << head + R"("severities": [{"severity": "P0", "lable": "x"}]})"
            << u"$.severities[0].lable"_s
            << u"einer der Schlüssel severity, label, description, responseMinutes, "
               u"updateEveryMinutes, examples"_s;
        QTest::newRow("type") << QByteArray("[1]") << u"$"_s
                              << u"ein JSON-Objekt auf oberster Ebene (gefunden: ein Array)"_s;
        QTest::newRow("syntax") << QByteArray(R"({"a": 1, "a": 2})") << u"$.a"_s
                                << u"jeden Schlüssel nur einmal in einem Objekt („a“ kommt "
                                   u"zweimal vor)"_s;
    }

    void coreValidationInGerman()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        test::TempDir dir;
        dir.write(u"drill.json"_s, json);
        const QString file = dir.file(u"drill.json"_s);
        try {
            loadProfileFile(file);
            QFAIL("the profile was read");
        } catch (const ProfileError &e) {
            QCOMPARE(e.jsonPath(), path);
            QCOMPARE(e.expected(), expected);
            QCOMPARE(e.message(), u"%1: %2: erwartet: %3"_s.arg(file, path, expected));
        }

        // A file that is not there is the service's to say, in the same words.
        try {
            loadProfileFile(dir.file(u"missing.json"_s));
            QFAIL("a missing profile was read");
        } catch (const ProfileError &e) {
            QCOMPARE(e.expected(), u"eine lesbare Datei"_s);
        }
    }

    void importValidationInGerman()
    {
        const QDateTime now(QDate(2024, 1, 15), QTime(14, 30), QTimeZone::utc());
        try {
            bundleFromJson(R"({"schema": "incidentdesk.incident/1", "incident": []})",
                           u"drill.json"_s, now);
            QFAIL("the bundle was read");
        } catch (const FormatError &e) {
            QCOMPARE(e.where(), u"$.incident"_s);
            QCOMPARE(e.message(), u"drill.json: $.incident: erwartet: ein Objekt (gefunden: ein "
                                  u"Array)"_s);
        }
        try {
            bundleFromJson("{\"schema\": ", u"drill.json"_s, now);
            QFAIL("a cut document was read");
        } catch (const FormatError &e) {
            QCOMPARE(e.where(), u"Byte 11"_s);
            // nlohmann's own explanation after the byte stays as the library words it.
            QVERIFY2(e.expected().startsWith(u"gültiges JSON: Syntaxfehler bei Byte 11, "_s),
                     qPrintable(e.expected()));
        }
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
