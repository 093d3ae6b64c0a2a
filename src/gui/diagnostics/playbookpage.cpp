#include "playbookpage.h"

#include "core/error.h"
#include "models/diagnostics/checkcatalogmodel.h"
#include "models/diagnostics/playbookstepmodel.h"
#include "services/diagnostics/playbookservice.h"
#include "services/incidentservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace idesk {

namespace {

using DisplayState = PlaybookStepModel::DisplayState;
using CatalogState = CheckCatalogModel::State;

// A shape per state, so the state reads without colour: a tick, a cross, dots, an empty ring.
QIcon stateIcon(DisplayState s, const QColor &ink)
{
    const qreal dpr = 2;
    QPixmap pm(QSize(16, 16) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF ring(1.5, 1.5, 13, 13);
    switch (s) {
    case DisplayState::Done: {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1b, 0x7a, 0x34));
        p.drawEllipse(ring);
        QPainterPath tick;
        tick.moveTo(4.5, 8.2);
        tick.lineTo(7, 10.8);
        tick.lineTo(11.6, 5.4);
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
        break;
    }
    case DisplayState::Failed:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xb0, 0x1c, 0x1c));
        p.drawEllipse(ring);
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(5.2, 5.2), QPointF(10.8, 10.8));
        p.drawLine(QPointF(10.8, 5.2), QPointF(5.2, 10.8));
        break;
    case DisplayState::Running:
        p.setPen(QPen(ink, 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(ring);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        for (const qreal x : {5.0, 8.0, 11.0})
            p.drawEllipse(QPointF(x, 8), 1.1, 1.1);
        break;
    case DisplayState::NotYet:
        p.setPen(QPen(ink, 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(ring);
        break;
    }
    p.end();
    return QIcon(pm);
}

class StateDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto s = static_cast<DisplayState>(index.data(PlaybookStepModel::StateRole).toInt());
        // The outline follows the row's text, so it stays visible on a selected row; each
        // icon is painted once, as the view asks on every repaint.
        const QColor ink = option->palette.color(
            (option->state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text);
        const QString key = QStringLiteral("%1/%2").arg(int(s)).arg(ink.name());
        auto it = m_icons.find(key);
        if (it == m_icons.end())
            it = m_icons.insert(key, stateIcon(s, ink));
        option->icon = *it;
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(16, 16);
    }

private:
    mutable QHash<QString, QIcon> m_icons;
};

} // namespace

PlaybookPage::PlaybookPage(IncidentService &service, const CheckCatalogModel &catalog,
                           QWidget *parent)
    : QWidget(parent), m_service(service), m_catalog(catalog),
      m_playbooks(new PlaybookService(service, this)), m_model(new PlaybookStepModel(this))
{
    setObjectName(QStringLiteral("playbookPage"));
    auto *root = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("&Playbook:"), this);
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("playbookChoice"));
    m_choice->setAccessibleName(tr("Playbook"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_choice);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("playbookProgress"));
    m_progress->setTextFormat(Qt::PlainText);
    QFont bold = m_progress->font();
    bold.setBold(true);
    m_progress->setFont(bold);
    top->addWidget(label);
    top->addWidget(m_choice);
    top->addSpacing(12);
    top->addWidget(m_progress);
    top->addStretch(1);
    root->addLayout(top);

    m_symptoms = new QLabel(this);
    m_symptoms->setObjectName(QStringLiteral("playbookSymptoms"));
    m_symptoms->setTextFormat(Qt::PlainText);
    m_symptoms->setWordWrap(true);
    root->addWidget(m_symptoms);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("playbookSteps"));
    m_view->setAccessibleName(tr("Playbook steps"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(PlaybookStepModel::State, new StateDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(PlaybookStepModel::Number,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(PlaybookStepModel::Step, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(PlaybookStepModel::Kind, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(PlaybookStepModel::State, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    root->addWidget(m_view, 1);

    m_stepNote = new QLabel(this);
    m_stepNote->setObjectName(QStringLiteral("playbookStepNote"));
    m_stepNote->setTextFormat(Qt::PlainText);
    m_stepNote->setWordWrap(true);
    root->addWidget(m_stepNote);

    auto *actions = new QHBoxLayout;
    m_runButton = new QPushButton(tr("&Run step"), this);
    m_runButton->setObjectName(QStringLiteral("runPlaybookStep"));
    m_runButton->setToolTip(tr("Run the selected step's check or open its mitigation (Enter)"));
    m_tickButton = new QPushButton(tr("&Tick"), this);
    m_tickButton->setObjectName(QStringLiteral("tickPlaybookStep"));
    m_tickButton->setToolTip(tr("Mark the selected step done, or take the tick back (Space)"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("playbookNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    actions->addWidget(m_runButton);
    actions->addWidget(m_tickButton);
    actions->addWidget(m_note, 1);
    root->addLayout(actions);

    connect(m_runButton, &QPushButton::clicked, this, &PlaybookPage::runCurrentStep);
    connect(m_tickButton, &QPushButton::clicked, this, &PlaybookPage::toggleCurrentStep);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &PlaybookPage::showPlaybook);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlaybookPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PlaybookPage::updateActions);
    connect(m_playbooks, &PlaybookService::progressChanged, this, [this](const QString &id) {
        if (id == m_incidentId)
            reloadProgress();
    });
    connect(&m_service, &IncidentService::incidentsChanged, this, &PlaybookPage::reloadProgress);
    connect(&m_service, &IncidentService::profileChanged, this, &PlaybookPage::reloadPlaybooks);
    connect(&m_service, &IncidentService::readOnlyChanged, this, &PlaybookPage::updateActions);
    connect(&m_catalog, &QAbstractItemModel::dataChanged, this, &PlaybookPage::syncRunning);
    reloadPlaybooks();
    setIncidentId({});
}

void PlaybookPage::setIncidentId(const QString &id)
{
    m_incidentId = id;
    // A run still going for the incident shown before is not this incident's.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->playbookId == m_model->playbook().id)
            m_model->setRunning(it->stepId, it->incidentId == id &&
                                                m_catalog.state(it.key()) == CatalogState::Running);
    }
    reloadProgress();
    say(id.isEmpty() ? tr("Select an incident: a playbook's progress is kept on its timeline.")
                     : QString());
}

void PlaybookPage::reloadPlaybooks()
{
    const QString was = currentPlaybookId();
    const QSignalBlocker block(m_choice);
    m_choice->clear();
    for (const Playbook &pb : m_playbooks->playbooks())
        m_choice->addItem(pb.title, pb.id);
    const int at = m_choice->findData(was);
    m_choice->setCurrentIndex(at >= 0 ? at : 0);
    showPlaybook(m_choice->currentIndex());
}

bool PlaybookPage::choosePlaybook(const QString &playbookId)
{
    const int at = m_choice->findData(playbookId);
    if (at < 0)
        return false;
    m_choice->setCurrentIndex(at); // showPlaybook follows when it changed
    return true;
}

QString PlaybookPage::currentPlaybookId() const
{
    return m_choice->currentData().toString();
}

QString PlaybookPage::currentStepId() const
{
    return m_view->currentIndex().data(PlaybookStepModel::StepIdRole).toString();
}

void PlaybookPage::selectStep(const QString &stepId)
{
    const int row = m_model->rowOf(stepId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, PlaybookStepModel::Step));
}

void PlaybookPage::showPlaybook(int comboIndex)
{
    const auto pb = m_playbooks->playbook(m_choice->itemData(comboIndex).toString());
    if (!pb) {
        m_model->setPlaybook({}, {});
        m_symptoms->clear();
        updateActions();
        return;
    }
    QStringList titles;
    for (const PlaybookStep &s : pb->steps)
        titles << m_playbooks->stepTitle(s);
    m_model->setPlaybook(*pb, titles);
    m_symptoms->setText(pb->symptoms.isEmpty() ? QString() : tr("Symptoms: %1").arg(pb->symptoms));
    m_symptoms->setVisible(!pb->symptoms.isEmpty());
    reloadProgress();
    syncRunning();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, PlaybookStepModel::Step));
    updateActions();
}

void PlaybookPage::reloadProgress()
{
    try {
        m_model->setProgress(m_playbooks->progress(m_incidentId, m_model->playbook()));
    } catch (const Error &e) {
        say(tr("Could not read the progress: %1").arg(e.message()));
    }
    m_progress->setText(m_model->rowCount() == 0 ? QString() : m_model->progressText());
    updateActions();
}

// A mitigation runs only once its confirmation is accepted: the tab's catalog says when it
// started. A dialog dismissed leaves nothing running, and the step as it was.
void PlaybookPage::syncRunning()
{
    const QString playbookId = m_model->playbook().id;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->playbookId == playbookId && it->incidentId == m_incidentId &&
            m_catalog.state(it.key()) == CatalogState::Running)
            m_model->setRunning(it->stepId, true);
    }
}

void PlaybookPage::runCurrentStep()
{
    const QString stepId = currentStepId();
    const PlaybookStep *step = m_model->playbook().step(stepId);
    if (!step)
        return;
    if (m_incidentId.isEmpty()) {
        say(tr("Select an incident first: the step's outcome is filed on its timeline."));
        return;
    }
    switch (step->kind) {
    case PlaybookStep::Kind::Manual:
        toggleCurrentStep();
        return;
    case PlaybookStep::Kind::Check:
        break;
    case PlaybookStep::Kind::Mitigation:
        if (m_service.readOnly()) {
            say(tr("Read-only mode is on: enable mitigations in the bar above to run %1.")
                    .arg(m_playbooks->stepTitle(*step)));
            return;
        }
        break;
    }
    if (!m_catalog.check(step->check)) {
        say(tr("The check %1 is not in this profile's catalog.").arg(step->check));
        return;
    }
    m_pending.insert(step->check, Pending{m_incidentId, m_model->playbook().id, step->id});
    say(QString());
    if (step->kind == PlaybookStep::Kind::Mitigation) {
        Q_EMIT runMitigationRequested(step->check);
    } else {
        m_model->setRunning(step->id, true);
        Q_EMIT runCheckRequested(step->check);
    }
    syncRunning();
}

void PlaybookPage::toggleCurrentStep()
{
    const QString stepId = currentStepId();
    if (stepId.isEmpty())
        return;
    if (m_incidentId.isEmpty()) {
        say(tr("Select an incident first: the tick is filed on its timeline."));
        return;
    }
    try {
        const bool ticked = m_playbooks->toggleTick(m_incidentId, m_model->playbook(), stepId);
        say(ticked ? tr("Ticked; recorded on the timeline.")
                   : tr("Tick taken back; its timeline record is deleted (its history is kept)."));
    } catch (const Error &e) {
        say(tr("Could not record the tick: %1").arg(e.message()));
    }
    selectStep(stepId);
}

void PlaybookPage::checkFinished(const QString &checkId)
{
    const auto it = m_pending.find(checkId);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.playbookId == m_model->playbook().id)
        m_model->setRunning(pending.stepId, false);
    const CatalogState s = m_catalog.state(checkId);
    if (s == CatalogState::Cancelled || s == CatalogState::Refused || s == CatalogState::NotRun) {
        say(tr("%1: %2; the step stays as it was.")
                .arg(checkId, CheckCatalogModel::stateText(s).toLower()));
        return;
    }
    const auto pb = m_playbooks->playbook(pending.playbookId);
    if (!pb)
        return;
    const bool passed = s == CatalogState::Pass;
    const QModelIndex status = m_catalog.indexOf(checkId, CheckCatalogModel::Status);
    QString detail = tr("%1 ran %2: %3 (the run's evidence is on the timeline)")
                         .arg(m_service.actor(), checkId, status.data().toString());
    try {
        m_playbooks->recordRun(pending.incidentId, *pb, pending.stepId, passed, detail);
        say(passed ? tr("Step passed; recorded on the timeline.")
                   : tr("Step failed; recorded on the timeline."));
    } catch (const Error &e) {
        say(tr("Could not record the step: %1").arg(e.message()));
    }
}

void PlaybookPage::mitigationNotRun(const QString &checkId)
{
    const auto it = m_pending.find(checkId);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.playbookId != m_model->playbook().id)
        return;
    m_model->setRunning(pending.stepId, false);
    const PlaybookStep *step = m_model->playbook().step(pending.stepId);
    say(tr("%1 was not run; the step stays as it was.")
            .arg(step ? m_playbooks->stepTitle(*step) : checkId));
}

void PlaybookPage::updateActions()
{
    const int row = m_view->currentIndex().row();
    const PlaybookStep *step = row >= 0 && row < m_model->rowCount()
                                   ? &m_model->playbook().steps[static_cast<std::size_t>(row)]
                                   : nullptr;
    const bool incident = !m_incidentId.isEmpty();
    const DisplayState state = m_model->displayState(row);
    m_runButton->setEnabled(incident && step && step->kind != PlaybookStep::Kind::Manual &&
                            state != DisplayState::Running);
    m_runButton->setText(step && step->kind == PlaybookStep::Kind::Mitigation
                             ? tr("&Run mitigation…")
                             : tr("&Run step"));
    const bool tickedNow = step && state == DisplayState::Done &&
                           m_model->progress().steps.at(static_cast<std::size_t>(row)).ticked;
    m_tickButton->setEnabled(incident && step && state != DisplayState::Running);
    m_tickButton->setText(tickedNow ? tr("Un&tick") : tr("&Tick"));
    m_stepNote->setText(step ? step->note : QString());
    m_stepNote->setVisible(step && !step->note.isEmpty());
}

void PlaybookPage::say(const QString &text)
{
    m_note->setText(text);
}

bool PlaybookPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & ~Qt::KeypadModifier)
            return QWidget::eventFilter(watched, event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            runCurrentStep();
            return true;
        }
        if (key->key() == Qt::Key_Space) {
            toggleCurrentStep();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace idesk
