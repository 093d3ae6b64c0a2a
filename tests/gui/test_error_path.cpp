#include "core/error.h"
#include "gui/errorguard.h"
#include "gui/mainwindow.h"
#include "gui/postmortem/postmortemtab.h"
#include "gui/timeline/timelinetab.h"
#include "gui/triage/triagetab.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "storage/store.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

using namespace idesk;
using namespace Qt::StringLiterals;

// One path for errors: whatever a tab raises is shown by the window and lands in the log.
class TestErrorPath : public QObject
{
    Q_OBJECT
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)};
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> m_log;

    QString logText() const
    {
        QString all;
        for (const std::string &line : m_log->last_formatted())
            all += QString::fromStdString(line);
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::enterTestMode();
        qputenv("IDESK_NO_DIALOGS", "1");
        m_log = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
        spdlog::default_logger()->sinks().push_back(m_log);
    }

    void helperRaisesWhatTheWorkThrew()
    {
        test::TempDir dir;
        auto service = IncidentService::open(dir.file(u"db.sqlite"_s), defaultProfile(), m_clock);
        TimelineTab tab(*service);
        QSignalSpy raised(&tab, &TimelineTab::errorRaised);
        QVERIFY(reportingErrors(&tab, [] {}));
        QCOMPARE(raised.size(), 0);
        QVERIFY(!reportingErrors(
            &tab, [] { throw StoreError(StoreError::Code::Busy, u"database is locked"_s); },
            u"Not saved"_s));
        QCOMPARE(raised.size(), 1);
        const auto e = raised.at(0).at(0).value<Error>();
        QCOMPARE(e.kind(), Error::Kind::Busy);
        QCOMPARE(e.message(), u"Not saved"_s);
        QCOMPARE(e.detail(), u"database is locked"_s);
    }

    void eachTabsErrorReachesTheStatusBarAndTheLog()
    {
        test::TempDir dir;
        Settings settings(dir.file(u"settings.ini"_s));
        MainWindow window(
            IncidentService::open(dir.file(u"db.sqlite"_s), defaultProfile(), m_clock), settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = 0; i < window.tabs()->count(); ++i) {
            window.tabs()->setCurrentIndex(i);
            QWidget *tab = window.currentTab();
            QVERIFY(tab);
            const Error error(Error::Kind::Storage, u"Could not save in tab %1"_s.arg(i),
                              u"disk I/O error"_s);
            if (auto *t = qobject_cast<TriageTab *>(tab))
                Q_EMIT t->errorRaised(error);
            else if (auto *t = qobject_cast<TimelineTab *>(tab))
                Q_EMIT t->errorRaised(error);
            else if (auto *t = qobject_cast<PostmortemTab *>(tab))
                Q_EMIT t->errorRaised(error);
            else
                continue; // a tab that does not write (yet)
            QCOMPARE(window.statusBar()->currentMessage(),
                     u"Could not save in tab %1: disk I/O error"_s.arg(i));
            QVERIFY2(logText().contains(u"Could not save in tab %1: disk I/O error"_s.arg(i)),
                     qPrintable(logText()));
        }
    }
};

QTEST_MAIN(TestErrorPath)
#include "test_error_path.moc"
