#pragma once

#include "diagnostics/diagnosticresult.h"
#include "gui/incidentpage.h"
#include "models/diagnostics/checkcatalogmodel.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QTabWidget;
class QTreeView;

namespace idesk {

class CatalogProxy;
class ContextBar;
class DiagnosticsService;
class IncidentService;
class LogAnalysisPanel;
class PlaybookPage;
class OutputTableModel;
class OutputTableProxy;
class StatusLight;
namespace diag {
class DiagnosticsRunner;
}

// The commander's diagnostics: the profile's checks by runbook group, run with a click (one, a
// selection, a group, or the quick health check), each cancellable, none on the GUI thread;
// output as plain text under the exact command and context; mitigations behind read-only mode
// and a typed confirmation. Every run made while an incident is selected is filed on its
// timeline as evidence.
class DiagnosticsTab final : public QWidget, public IncidentPage
{
    Q_OBJECT
public:
    explicit DiagnosticsTab(IncidentService &service, QWidget *parent = nullptr);
    ~DiagnosticsTab() override;

    void setIncidentId(const QString &id) override;
    QWidget *entryWidget() const override;

    CheckCatalogModel *catalog() const { return m_model; }
    ContextBar *contextBar() const { return m_bar; }
    PlaybookPage *playbookPage() const { return m_playbooks; }
    // Brings the Playbooks page to the front with this playbook chosen (Triage's offer).
    bool showPlaybook(const QString &playbookId);
    bool isReadOnly() const;
    // Non-destructive checks only: mitigations go through runMitigation() one at a time.
    void runChecks(const QStringList &ids);
    void runQuickHealth();
    void runSelection();
    void rerun();
    void cancelAll();
    // Opens the confirmation for the mitigation; nothing runs unless its target is typed.
    void runMitigation(const QString &checkId);
    void showCheck(const QString &checkId);
    // A window that re-runs an HTTP or JSON-RPC check every few seconds and charts it.
    void watch(const QString &checkId);
    QString shownCheck() const { return m_shown; }
    // The output as a table: offered when the shown result is tabular (an SQL result set, a
    // kubectl table); the choice between text and table holds for every check after it.
    bool tableOffered() const;
    bool showsTable() const;
    void setShowTable(bool table);
    // The choice itself, which stands while the shown result has no table.
    bool prefersTable() const { return m_preferTable; }
    QTableView *outputTable() const { return m_table; }
    int runningCount() const;

Q_SIGNALS:
    // After a result has been shown and, with an incident selected, filed on the timeline.
    void resultShown(const QString &checkId);
    // A mitigation asked for through runMitigation() that will not run: its confirmation was
    // dismissed, or read-only mode refused it.
    void mitigationNotRun(const QString &checkId);
    // The user picked Text or Table; the window keeps the choice for the next start.
    void outputViewChosen(bool table);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildUi();
    void reloadProfile();
    void rebuildHealthGrid();
    diag::DiagnosticsRunner *makeRunner(bool readOnly, const QString &confirmTarget);
    void start(diag::DiagnosticsRunner *runner, const std::vector<DiagnosticCheck> &checks);
    void onResult(const diag::DiagnosticResult &r);
    void updateDetails();
    void updateOutputView();
    void copyTableSelection();
    void fitCommandHeight();
    void updateActions();
    void updateHealthSummary();
    void showFind();
    void find(bool backwards);
    QString commandText(const DiagnosticCheck &c) const;
    QString currentCheckId() const;
    QString currentGroup() const;

    IncidentService &m_service;
    DiagnosticsService *m_evidence;
    CheckCatalogModel *m_model;
    CatalogProxy *m_proxy;
    QList<QPointer<diag::DiagnosticsRunner>> m_runners; // one per batch, gone when it is done
    QSet<QString> m_active;                             // started or queued, no result yet
    QString m_incidentId;
    QString m_shown;
    QStringList m_lastRun;
    QHash<QString, diag::DiagnosticResult> m_results;
    QHash<QString, QString> m_runFor;    // check id -> incident it was started for
    QHash<QString, QString> m_filedNote; // check id -> where its last result was filed

    ContextBar *m_bar = nullptr;
    QPushButton *m_quickButton = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_groupButton = nullptr;
    QPushButton *m_rerunButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_filing = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_healthSummary = nullptr;
    QWidget *m_healthGrid = nullptr;
    QHash<QString, StatusLight *> m_lights;
    QSplitter *m_split = nullptr;
    QTabWidget *m_pages = nullptr;
    LogAnalysisPanel *m_logs = nullptr;
    PlaybookPage *m_playbooks = nullptr;
    bool m_splitPlaced = false; // the first real size places the splitter once
    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_title = nullptr;
    QPlainTextEdit *m_command = nullptr;
    QLabel *m_where = nullptr;
    QWidget *m_mitigationBox = nullptr;
    QLabel *m_mitigationText = nullptr;
    QPushButton *m_mitigationButton = nullptr;
    QLabel *m_resultLabel = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLabel *m_findNote = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QStackedWidget *m_outputStack = nullptr;
    QTableView *m_table = nullptr;
    OutputTableModel *m_tableModel = nullptr;
    OutputTableProxy *m_tableProxy = nullptr;
    QToolButton *m_textMode = nullptr;
    QToolButton *m_tableMode = nullptr;
    bool m_preferTable = false;
    QString m_tableSource; // check id and output the table was read from
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_watchButton = nullptr;
};

} // namespace idesk
