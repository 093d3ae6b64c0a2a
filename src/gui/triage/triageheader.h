#pragma once

#include "core/triage/clocks.h"
#include "core/types.h"

#include <QWidget>
#include <array>
#include <optional>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;
class QPushButton;

namespace idesk {

class FilledLabel;
class IncidentService;

// The top of the Triage tab: severity badge, title, channel, the three countdowns, the status
// row, the overdue banner and a feedback line. It shows; the tab acts on its requests.
class TriageHeader final : public QWidget
{
    Q_OBJECT
public:
    explicit TriageHeader(const IncidentService &service, QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    void setClocks(const triage::IncidentClocks &clocks);
    void setOverdue(const QStringList &texts); // empty hides the banner
    void showFeedback(const QString &text);
    void showError(const QString &text); // red for a few seconds, then the feedback colour
    void clearFeedback();
    // The title can be selected with the mouse from then on (the tab calls it once it has
    // painted).
    void enableTitleSelection();

Q_SIGNALS:
    void copyChannelRequested();
    void acknowledgeRequested();
    void copyAlertRequested();
    void statusRequested(idesk::IncidentStatus status);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void placeFeedback(bool besideStatus);
    void updateFeedbackPlace();

    const IncidentService &m_service;
    std::optional<Incident> m_incident;
    FilledLabel *m_badge;
    QLabel *m_title;
    QLabel *m_subtitle;
    QPushButton *m_channelButton;
    FilledLabel *m_elapsedClock;
    FilledLabel *m_ackClock;
    FilledLabel *m_updateClock;
    QPushButton *m_ackButton;
    FilledLabel *m_banner;
    QLabel *m_feedback;
    QWidget *m_statusBox;
    QHBoxLayout *m_statusRow;
    QVBoxLayout *m_feedbackLine;
    bool m_feedbackBesideStatus = false;
    bool m_placed = false;
    std::array<QPushButton *, IncidentStatusCount> m_statusButtons{};
};

} // namespace idesk
