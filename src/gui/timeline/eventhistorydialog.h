#pragma once

#include "core/types.h"

#include <QDialog>
#include <vector>

class QTableWidget;

namespace idesk {

// Every revision of one timeline event, oldest first: what changed, when it was written, and
// whether it was a delete. Read-only; the record is never rewritten.
class EventHistoryDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        Revision = 0,
        Recorded,
        Occurred,
        Kind,
        Author,
        Text,
        Pinned,
        Deleted,
        ColumnCount
    };

    explicit EventHistoryDialog(const std::vector<TimelineEvent> &revisions,
                                QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace idesk
