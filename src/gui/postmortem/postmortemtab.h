#pragma once

#include "core/error.h"
#include "core/postmortem/postmortemdoc.h"
#include "gui/incidentpage.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QToolButton;
class QWidget;

namespace idesk {

class ActionItemModel;
class ActionItemSortProxy;
class IncidentService;
class KeyEventModel;
class PostmortemService;

// The incident's post-mortem: the runbook template as a form on the left (summary values taken
// from the incident unless typed over, key events picked from the timeline, the free-text
// sections, action items, the review meeting), the Markdown as it will be exported on the
// right. Edits are saved to the store shortly after typing stops; the preview follows a little
// sooner. Export (file or clipboard) is redacted unless the commander turns it off.
class PostmortemTab final : public QWidget, public IncidentPage
{
    Q_OBJECT
public:
    explicit PostmortemTab(IncidentService &service, QWidget *parent = nullptr);
    ~PostmortemTab() override;

    QString incidentId() const { return m_incidentId; }
    PostmortemService &postmortemService() const { return *m_pm; }

    // What the form holds now.
    PostmortemDoc document() const;
    // The export as it stands (redacted when the checkbox is on), and how many items were hidden.
    QString markdown(int *redactedCount = nullptr) const;

    // The same as the buttons, without the file dialog. False (and a message) on failure.
    bool exportMarkdownTo(const QString &path);
    bool exportIcsTo(const QString &path);

    // Writes a pending autosave now (also done on switching incidents and on close).
    void saveNow();
    bool hasPendingSave() const { return m_dirty; }

    // For tests.
    QLabel *redactedLabel() const { return m_redactedLabel; }
    QLabel *statusLabel() const { return m_status; }
    QTextBrowser *preview() const { return m_preview; }
    ActionItemModel *actionModel() const { return m_actions; }
    KeyEventModel *keyEventModel() const { return m_keyEvents; }

public Q_SLOTS:
    void setIncidentId(const QString &id) override; // empty: the empty state
    void exportMarkdown();                          // asks for a file
    void copyMarkdown();
    void exportIcs(); // asks for a file
    void copyResolutionNotification();
    void showReports();
    void addActionItem();
    void removeSelectedActionItems();
    void resetSummaryToIncident();

Q_SIGNALS:
    void saved(const QString &incidentId);
    void previewUpdated();
    void errorRaised(const idesk::Error &error);

private:
    void buildUi();
    QWidget *buildForm();
    void load();
    void clearForm();
    void edited();
    void updatePreview();
    void updateSummaryPlaceholders();
    void updateReviewWarning();
    void setStatus(const QString &text, bool error = false);
    QString askForFile(const QString &title, const QString &suggestedName, const QString &filter);

    IncidentService &m_service;
    PostmortemService *m_pm;
    ActionItemModel *m_actions;
    ActionItemSortProxy *m_actionProxy;
    KeyEventModel *m_keyEvents;
    QString m_incidentId;
    bool m_loading = false;
    bool m_dirty = false;       // edited since the last load or save
    bool m_saveBlocked = false; // the stored document was unreadable and nothing was edited yet
    QTimer m_saveTimer;
    QTimer m_previewTimer;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_redactedLabel = nullptr;
    QCheckBox *m_redact = nullptr;
    QTextBrowser *m_preview = nullptr;

    QLineEdit *m_date = nullptr;
    QLineEdit *m_duration = nullptr;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_impact = nullptr;
    QLineEdit *m_users = nullptr;
    QLineEdit *m_revenue = nullptr;

    QListView *m_keyEventView = nullptr;
    QPlainTextEdit *m_rootCause = nullptr;
    QPlainTextEdit *m_factors = nullptr;
    QPlainTextEdit *m_wentWell = nullptr;
    QPlainTextEdit *m_improve = nullptr;
    QPlainTextEdit *m_lessons = nullptr;

    QTableView *m_actionView = nullptr;
    QLineEdit *m_newAction = nullptr;
    QLineEdit *m_newOwner = nullptr;
    QDateEdit *m_newDue = nullptr;
    QCheckBox *m_hideDone = nullptr;

    QToolButton *m_sreToggle = nullptr;
    QWidget *m_sreBox = nullptr;
    QPlainTextEdit *m_trigger = nullptr;
    QPlainTextEdit *m_detection = nullptr;
    QPlainTextEdit *m_resolution = nullptr;
    QPlainTextEdit *m_lucky = nullptr;
    QPlainTextEdit *m_supporting = nullptr;
    QCheckBox *m_evidence = nullptr;

    QCheckBox *m_reviewOn = nullptr;
    QDateTimeEdit *m_reviewAt = nullptr;
    QSpinBox *m_reviewMinutes = nullptr;
    QLineEdit *m_reviewLocation = nullptr;
    QLabel *m_reviewWarning = nullptr;
};

} // namespace idesk
