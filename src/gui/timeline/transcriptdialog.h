#pragma once

#include "core/timeline/transcript.h"
#include "core/types.h"

#include <QDialog>
#include <QTimer>
#include <vector>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace idesk {

// "Paste transcript…": the chat text on top, a preview below with one row per pasted line saying
// what it became (event, continuation, blank, or error and why), and nothing saved until the
// user accepts. Lines with errors are listed, not imported.
class TranscriptDialog final : public QDialog
{
    Q_OBJECT
public:
    enum PreviewColumn
    {
        Line = 0,
        Status,
        Time,
        Author,
        Text,
        PreviewColumnCount
    };

    // `referenceDate` is the UTC day undated lines start on (the incident's start day).
    TranscriptDialog(const QDate &referenceDate, const QString &defaultAuthor,
                     QWidget *parent = nullptr);

    void setTranscript(const QString &text);
    QString transcript() const;
    const TranscriptResult &result() const { return m_result; }
    // The events to add, in transcript order, with the chosen kind and source "transcript".
    std::vector<NewEvent> events() const;
    QTableWidget *preview() const { return m_preview; }

public Q_SLOTS:
    void reparse();

private:
    TranscriptOptions options() const;

    QPlainTextEdit *m_input = nullptr;
    QDateEdit *m_date = nullptr;
    QComboBox *m_zone = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_author = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer m_debounce;
    TranscriptResult m_result;
};

} // namespace idesk
