#include "gui/timeline/eventhistorydialog.h"

#include "services/displaytext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace idesk {

namespace {

QString utcText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

} // namespace

EventHistoryDialog::EventHistoryDialog(const std::vector<TimelineEvent> &revisions, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Event history"));
    resize(900, 360);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Every revision of this event, oldest first. Edits and deletes add revisions; none "
           "is ever removed. Times are UTC."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(int(revisions.size()), ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Rev"), tr("Recorded (UTC)"), tr("Occurred (UTC)"),
                                        tr("Kind"), tr("Author"), tr("Text"), tr("Pinned"),
                                        tr("Deleted")});
    m_table->setAccessibleName(tr("Revisions"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(Text, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    const TimelineEvent *previous = nullptr;
    int row = 0;
    for (const auto &rev : revisions) {
        // QTableWidgetItem text is never interpreted as markup, so pasted text is safe here.
        const auto set = [&](int column, const QString &text, bool changed) {
            auto *item = new QTableWidgetItem(text);
            if (changed) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(row, column, item);
        };
        const bool first = previous == nullptr;
        set(Revision, QString::number(rev.revision), false);
        set(Recorded, utcText(rev.recordedAt), false);
        set(Occurred, utcText(rev.occurredAt), !first && rev.occurredAt != previous->occurredAt);
        set(Kind, DisplayText::eventKind(rev.kind), !first && rev.kind != previous->kind);
        set(Author, rev.author, !first && rev.author != previous->author);
        set(Text, rev.text, !first && rev.text != previous->text);
        set(Pinned, rev.pinned ? tr("yes") : tr("no"), !first && rev.pinned != previous->pinned);
        set(Deleted, rev.deleted ? tr("deleted") : QString(),
            !first && rev.deleted != previous->deleted);
        previous = &rev;
        ++row;
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(Text, QHeaderView::Stretch);
    layout->addWidget(m_table);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace idesk
