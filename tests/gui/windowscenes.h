#pragma once
// The window in the states whose colours and controls matter: each tab built, an incident on
// screen with its clocks running, late, escalating and done.
#include "core/clock.h"
#include "core/profile.h"
#include "gui/mainwindow.h"
#include "gui/triage/triagetab.h"
#include "services/incidentservice.h"
#include "services/settings.h"
#include "testsupport.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>
#include <functional>
#include <memory>

namespace idesk::test {

class WindowScene
{
public:
    WindowScene()
        : m_settings(m_dir.file(QStringLiteral("settings.ini"))),
          m_window(std::make_unique<MainWindow>(
              IncidentService::open(m_dir.file(QStringLiteral("db.sqlite")), defaultProfile(),
                                    m_clock),
              m_settings))
    {
        m_window->resize(1280, 800);
        m_window->show();
    }

    MainWindow &window() { return *m_window; }
    FakeClock &clock() { return m_clock; }
    IncidentService &service() { return m_window->service(); }

    // Shows tab `index` with everything it defers built.
    void showTab(int index)
    {
        m_window->tabs()->setCurrentIndex(index);
        QCoreApplication::processEvents();
        m_window->completeDeferredBuilds();
        QCoreApplication::processEvents();
    }

    void refreshTriage()
    {
        if (auto *triage = qobject_cast<TriageTab *>(m_window->tabContent(0)))
            triage->refreshClocks();
        QCoreApplication::processEvents();
    }

    // One incident per severity, the last declared selected; then the moments a commander sees:
    // fresh, the SLA nearly gone (amber), missed (red, escalation due), and acknowledged and
    // resolved. `check` runs at each, with a name for the failure message.
    void walkIncidentStates(const std::function<void(const QString &)> &check)
    {
        QString last;
        for (const auto s : {Severity::P3, Severity::P2, Severity::P1, Severity::P0}) {
            last = service().declare({QStringLiteral("Orders failing"), s, {}, {}}).id;
            QVERIFY(m_window->selectIncident(last));
            showTab(0);
            refreshTriage();
            check(QStringLiteral("fresh %1").arg(severityToString(s)));
        }
        m_clock.advanceSecs(11 * 60); // P0: 4 of 15 minutes left
        refreshTriage();
        check(QStringLiteral("amber"));
        m_clock.advanceSecs(30 * 60);
        refreshTriage();
        check(QStringLiteral("red"));
        service().acknowledge(last);
        refreshTriage();
        check(QStringLiteral("acknowledged"));
        service().setStatus(last, IncidentStatus::Resolved, QStringLiteral("fixed"));
        refreshTriage();
        check(QStringLiteral("resolved"));
    }

private:
    TempDir m_dir;
    FakeClock m_clock{QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::UTC)};
    Settings m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace idesk::test
