#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace idesk {

class ConflictsModel;
class IncidentService;

// Lists the values that lost a last-writer-wins merge. "Keep theirs" marks the conflict
// reviewed; "Restore mine" writes the losing value again as a new edit. Both go through the
// service and sync like any other change.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictsDialog(IncidentService &service, QWidget *parent = nullptr);

    ConflictsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *restoreButton() const { return m_restore; }
    QCheckBox *showReviewedBox() const { return m_showReviewed; }

    void keepTheirs();
    void restoreMine();

private:
    QString currentId() const;
    void updateButtons();

    IncidentService &m_service;
    ConflictsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_restore = nullptr;
    QCheckBox *m_showReviewed = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace idesk
