#pragma once

#include "core/profile.h"

#include <QMainWindow>
#include <memory>

class QLabel;
class QUndoGroup;
namespace Ui {
class MainWindow;
}

namespace idesk {

class IncidentService;
class IncidentListModel;
class IncidentFilterProxy;
class Settings;

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
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    IncidentFilterProxy *incidentProxy() const { return m_proxy; }

    // Replace the open database (File → Open database); the old service stays on failure.
    bool openDatabase(const QString &path);
    bool openProfile(const QString &path);
    // Shows a message across the top of the window until dismissed or replaced.
    void showBanner(const QString &text);

public Q_SLOTS:
    void declareIncident();

Q_SIGNALS:
    void currentIncidentChanged(const QString &id);

protected:
    void closeEvent(QCloseEvent *e) override;

private:
    void setService(std::unique_ptr<IncidentService> service);
    void buildTabs();
    void connectActions();
    void updateStatusBar();
    void onSelectionChanged();
    void exportJson();
    void importJson();
    void about();
    void reportError(const QString &title, const QString &message);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<IncidentService> m_service;
    Settings &m_settings;
    IncidentListModel *m_model = nullptr;
    IncidentFilterProxy *m_proxy = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QLabel *m_dbLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QLabel *m_syncLabel = nullptr;
    QString m_currentId;
    QString m_profilePath;
};

} // namespace idesk
