#pragma once

#include "core/error.h"
#include "core/timeline/quickentry.h"
#include "gui/incidentpage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QUndoStack;

namespace idesk {

class IncidentService;
class TimelineChart;
class TimelineFilterProxy;
class TimelineModel;
struct TimelineEditContext;

// The incident's record: a chart of events and metrics over time above a table of every event,
// a filter bar, and a quick-entry line. Every change (add, edit in place, delete, pin, pasted
// transcript) is an undoable command that writes a new revision to the local store at once, so
// nothing depends on the network and nothing is lost.
//
// Opening is cheap whatever the size: the first page of rows is read and painted, then the rest
// is read on a worker thread so the filters and the chart cover the whole incident while the
// window stays responsive.
class TimelineTab final : public QWidget, public IncidentPage
{
    Q_OBJECT
public:
    explicit TimelineTab(IncidentService &service, QWidget *parent = nullptr);
    ~TimelineTab() override;

    QUndoStack *undoStack() const { return m_undo; }
    QString incidentId() const { return m_incidentId; }

    // For tests and the bench.
    TimelineModel *model() const { return m_model; }
    TimelineFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    TimelineChart *chart() const { return m_chart; }
    QLineEdit *quickEntry() const { return m_entry; }
    QWidget *entryWidget() const override;
    QString unsavedInput() const override;
    QLineEdit *textFilterEdit() const { return m_textFilter; }
    QLineEdit *authorFilterEdit() const { return m_authorFilter; }
    QLabel *statusLabel() const { return m_status; }
    bool isLoading() const;

public Q_SLOTS:
    void setIncidentId(const QString &id) override; // empty: the empty state
    // Draws a chart that is still waiting for edits to settle now (screenshots, tests).
    void completeDeferredBuild() override;
    // Adds what the quick-entry line holds; false (and a message) when it does not parse.
    bool addFromQuickEntry();
    void deleteSelected();
    void togglePinSelected();
    void showHistory();
    // The full output of the selected evidence event's check, read-only plain text.
    void showOutput();
    void pasteTranscript();
    void setLocalTimeEntry(bool local);

Q_SIGNALS:
    void chartUpdated();
    void fullyLoaded();
    void errorRaised(const idesk::Error &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void updateActions();
    void updateEntryPreview();
    void updateCountLabel();
    void scheduleChart();
    void rebuildChart();
    void applyKindMenu();
    void showError(const Error &error);
    QStringList selectedEventIds() const;
    QString currentEventId() const;
    TimelineEditContext editContext();
    QuickEntryOptions entryOptions() const;

    IncidentService &m_service;
    QString m_incidentId;
    TimelineModel *m_model = nullptr;
    TimelineFilterProxy *m_proxy = nullptr;
    QUndoStack *m_undo = nullptr;

    QStackedWidget *m_stack = nullptr;
    QSplitter *m_split = nullptr;
    TimelineChart *m_chart = nullptr;
    QTableView *m_view = nullptr;
    QToolButton *m_kindButton = nullptr;
    QLineEdit *m_authorFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QCheckBox *m_pinnedOnly = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_entryKind = nullptr;
    QLineEdit *m_entry = nullptr;
    QToolButton *m_localToggle = nullptr;
    QLabel *m_entryPreview = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_pinAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_outputAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QList<QAction *> m_kindActions;

    QTimer m_filterDebounce;
    QTimer m_chartTimer;
    QTimer m_countTimer; // coalesces the count while rows stream in
    bool m_painted = false;
    bool m_shown = false; // setIncidentId ran at least once
    bool m_localEntry = false;
};

} // namespace idesk
