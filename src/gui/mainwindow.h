#pragma once

#include "core/error.h"
#include "core/profile.h"

#include <QMainWindow>
#include <QTabWidget>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QToolButton;
class QSystemTrayIcon;
class QUndoGroup;
class QUndoStack;
class QThread;
namespace Ui {
class MainWindow;
}

namespace idesk {

class ElidedLabel;
class IncidentService;
class IncidentListModel;
class IncidentFilterProxy;
class IncidentPage;
class Settings;
class SyncSettingsDialog;
class ConflictsDialog;
namespace sync {
class SyncController;
}

// The commander's window: the incident list on the left drives the four tabs on the right.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<IncidentService> service, Settings &settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    IncidentService &service() { return *m_service; }
    QString currentIncidentId() const { return m_currentId; }
    bool selectIncident(const QString &id);
    QTabWidget *tabs() const;
    // The tab in front (built on first view), e.g. the TriageTab.
    QWidget *currentTab() const { return tabContent(tabs()->currentIndex()); }
    QWidget *tabContent(int index) const; // nullptr until the tab is first viewed
    // Finishes now what built tabs left for after their first paint (screenshots, tests).
    void completeDeferredBuilds();
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    IncidentFilterProxy *incidentProxy() const { return m_proxy; }

    // Replace the open database (File → Open database); the old service stays on failure.
    bool openDatabase(const QString &path);
    bool openProfile(const QString &path);
    // Shows a message across the top of the window until dismissed or replaced.
    void showBanner(const QString &text);

    // Settings → Sync… (Save restarts the sync worker) and the conflicts review, also reached
    // from the status bar's "N conflicts". Both open window-modal and delete themselves.
    SyncSettingsDialog *openSyncSettings();
    ConflictsDialog *openConflicts();
    QAction *syncSettingsAction() const { return m_syncSettingsAction; }
    QAction *conflictsAction() const { return m_conflictsAction; }
    QToolButton *conflictsButton() const { return m_conflictsButton; }
    const sync::SyncController *syncController() const { return m_sync.get(); }

public Q_SLOTS:
    void declareIncident();
    // An error a tab raised: logged, and shown in the status bar.
    void showError(const idesk::Error &error);

Q_SIGNALS:
    void currentIncidentChanged(const QString &id);

protected:
    void closeEvent(QCloseEvent *e) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void afterFirstPaint(); // window icon, search clear button, list sorting
    // model: the list model, already reading from service (start-up), or null to make one.
    void setService(std::unique_ptr<IncidentService> service, IncidentListModel *model = nullptr);
    void buildTabs();
    void checkIntegrityInBackground();
    void materializeTab(int index);
    static void passIncident(QWidget *tab, const QString &id);
    IncidentPage *page(int index) const; // the tab's content, once built
    void connectActions();
    void updateStatusBar();
    void onSelectionChanged();
    void updateWindowTitle();
    void exportJson();
    void importJson();
    void about();
    // The window's own actions (declare, open, import): banner, dialog and log.
    void reportError(const Error &error);
    void logError(const Error &error);
    void notifyOverdue(const QString &text, const QString &incidentTitle);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<IncidentService> m_service;
    Settings &m_settings;
    IncidentListModel *m_model = nullptr;
    IncidentFilterProxy *m_proxy = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    ElidedLabel *m_dbLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QLabel *m_syncLabel = nullptr;
    QToolButton *m_conflictsButton = nullptr;
    QAction *m_syncSettingsAction = nullptr;
    QAction *m_conflictsAction = nullptr;
    QSystemTrayIcon *m_tray = nullptr;            // made on the first missed deadline
    std::unique_ptr<sync::SyncController> m_sync; // null when sync is off
    void restartSync();
    void updateSyncLabel();
    std::vector<std::function<QWidget *(QWidget *)>> m_tabFactories;
    QUndoStack *m_timelineUndo = nullptr;
    QThread *m_integrityCheck = nullptr;
    QTimer m_integrityDelay;
    QTimer m_elsewherePoll; // shows what the CLI and other windows write to the same file
    bool m_firstPaintSeen = false;
    QString m_currentId;
    QString m_profilePath;
};

} // namespace idesk
