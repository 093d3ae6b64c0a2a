#include "gui/timeline/transcriptdialog.h"

#include "gui/columnfit.h"
#include "gui/severitystyle.h"
#include "services/displaytext.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace idesk {

TranscriptDialog::TranscriptDialog(const QDate &referenceDate, const QString &defaultAuthor,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Paste transcript"));
    resize(960, 640);
    auto *layout = new QVBoxLayout(this);

    auto *help = new QLabel(
        tr("Paste chat lines such as “[14:30] alice: text”, “14:30 alice: text” or “2024-01-15 "
           "14:30 UTC text”. Lines without a time continue the line above. Nothing is saved "
           "until you add the events."),
        this);
    help->setWordWrap(true);
    help->setTextFormat(Qt::PlainText);
    layout->addWidget(help);

    auto *form = new QFormLayout;
    m_date = new QDateEdit(referenceDate.isValid() ? referenceDate : QDate::currentDate(), this);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    form->addRow(tr("Day of the first line:"), m_date);
    m_zone = new QComboBox(this);
    m_zone->addItem(tr("UTC"), QStringLiteral("UTC"));
    m_zone->addItem(tr("Local time (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
                    QStringLiteral("local"));
    for (int h = -12; h <= 14; ++h) {
        if (h == 0)
            continue;
        const QString id = QStringLiteral("UTC%1%2:00")
                               .arg(h < 0 ? u'-' : u'+')
                               .arg(std::abs(h), 2, 10, QChar(u'0'));
        m_zone->addItem(id, h * 3600);
    }
    form->addRow(tr("Times without a zone are in:"), m_zone);
    m_author = new QLineEdit(defaultAuthor, this);
    form->addRow(tr("Author when a line names none:"), m_author);
    m_kind = new QComboBox(this);
    for (int k = 0; k < EventKindCount; ++k)
        m_kind->addItem(DisplayText::eventKind(static_cast<EventKind>(k)), k);
    m_kind->setCurrentIndex(int(EventKind::Communication));
    form->addRow(tr("Kind of the new events:"), m_kind);
    layout->addLayout(form);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_input = new QPlainTextEdit(split);
    m_input->setAccessibleName(tr("Transcript"));
    m_input->setPlaceholderText(tr("Paste the transcript here"));
    m_input->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview = new QTableWidget(0, PreviewColumnCount, split);
    m_preview->setHorizontalHeaderLabels(
        {tr("Line"), tr("Became"), tr("Time (UTC)"), tr("Author"), tr("Text / problem")});
    m_preview->setAccessibleName(tr("Events to add"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->horizontalHeader()->setSectionResizeMode(Text, QHeaderView::Stretch);
    m_preview->setWordWrap(false);
    // The time is the one value to check before importing: its column shows a whole stamp, and
    // the narrow columns before it take no more than their widest value.
    fitColumn(m_preview, Line, {QStringLiteral("9999")});
    fitColumn(m_preview, Status, {tr("+ event %1").arg(999), tr("error"), tr("blank")});
    fitColumn(m_preview, Time, {QStringLiteral("2000-00-00 00:00:00")});
    split->addWidget(m_input);
    split->addWidget(m_preview);
    layout->addWidget(split, 1);

    m_summary = new QLabel(this);
    layout->addWidget(m_summary);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        reparse(); // the debounce may still hold the last keystrokes
        if (!m_result.events.empty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &TranscriptDialog::reparse);
    const auto later = [this] { m_debounce.start(); };
    connect(m_input, &QPlainTextEdit::textChanged, this, later);
    connect(m_date, &QDateEdit::dateChanged, this, later);
    connect(m_zone, &QComboBox::currentIndexChanged, this, later);
    connect(m_author, &QLineEdit::textChanged, this, later);
    reparse();
}

void TranscriptDialog::setTranscript(const QString &text)
{
    m_input->setPlainText(text);
    reparse();
}

QString TranscriptDialog::transcript() const
{
    return m_input->toPlainText();
}

TranscriptOptions TranscriptDialog::options() const
{
    TranscriptOptions o;
    o.referenceDate = m_date->date();
    const QVariant zone = m_zone->currentData();
    if (zone.typeId() == QMetaType::Int)
        o.zone = QTimeZone(zone.toInt());
    else if (zone.toString() == u"local")
        o.zone = QTimeZone::systemTimeZone();
    else
        o.zone = QTimeZone::utc();
    o.defaultAuthor = m_author->text().trimmed();
    return o;
}

void TranscriptDialog::reparse()
{
    m_debounce.stop();
    m_result = parseTranscript(m_input->toPlainText(), options());

    m_preview->setUpdatesEnabled(false);
    m_preview->setRowCount(int(m_result.lines.size()));
    int row = 0;
    for (const auto &line : m_result.lines) {
        QString became;
        QString time;
        QString author;
        QString text = line.raw.trimmed();
        switch (line.status) {
        case TranscriptLine::Status::Event: {
            const auto &e = m_result.events[std::size_t(line.eventIndex)];
            became = tr("event %1").arg(line.eventIndex + 1);
            time = e.occurredAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            author = e.author;
            text = e.text.section(u'\n', 0, 0);
            break;
        }
        case TranscriptLine::Status::Continuation:
            became = tr("+ event %1").arg(line.eventIndex + 1);
            break;
        case TranscriptLine::Status::Blank:
            became = tr("blank");
            break;
        case TranscriptLine::Status::Error:
            became = tr("error");
            text = DisplayText::timelineMessage(line.message) + QStringLiteral(" — ") +
                   line.raw.trimmed();
            break;
        }
        if (!line.message.isEmpty() && line.status != TranscriptLine::Status::Error)
            text += QStringLiteral("   (") + DisplayText::timelineMessage(line.message) + u')';
        const QStringList cells{QString::number(line.number), became, time, author, text};
        for (int c = 0; c < PreviewColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (line.status == TranscriptLine::Status::Error)
                item->setForeground(QColor(alertRed()));
            else if (line.status != TranscriptLine::Status::Event)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_preview->setItem(row, c, item);
        }
        ++row;
    }
    m_preview->setUpdatesEnabled(true);

    const int events = int(m_result.events.size());
    const int errors = m_result.errorCount();
    m_summary->setText(errors > 0
                           ? tr("%n event(s) to add; ", nullptr, events) +
                                 tr("%n line(s) with errors will not be imported", nullptr, errors)
                           : tr("%n event(s) to add", nullptr, events));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Add %n event(s)", nullptr, events));
    ok->setEnabled(events > 0);
}

std::vector<NewEvent> TranscriptDialog::events() const
{
    std::vector<NewEvent> out;
    out.reserve(m_result.events.size());
    const auto kind = static_cast<EventKind>(m_kind->currentData().toInt());
    for (const auto &e : m_result.events) {
        NewEvent n;
        n.occurredAt = e.occurredAt;
        n.kind = kind;
        n.author = e.author;
        n.text = e.text;
        n.source = QStringLiteral("transcript");
        out.push_back(std::move(n));
    }
    return out;
}

} // namespace idesk
