#pragma once

#include "models/diagnostics/checkcatalogmodel.h"

#include <QColor>
#include <QIcon>
#include <QWidget>

class QLabel;

namespace idesk {

QColor stateColor(CheckCatalogModel::State s);
// A filled circle in the state's colour, for item views; always shown beside the state's text.
QIcon stateIcon(CheckCatalogModel::State s);

// One check in the quick-health grid: a coloured light and "Title: status" in words, so the
// state reads the same without colour.
class StatusLight final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString statusText READ statusText)
public:
    StatusLight(const QString &checkId, const QString &title, QWidget *parent = nullptr);

    QString checkId() const { return m_checkId; }
    CheckCatalogModel::State state() const { return m_state; }
    QString statusText() const;
    void setState(CheckCatalogModel::State s, const QString &detail = {});

Q_SIGNALS:
    void clicked(const QString &checkId);

protected:
    void mouseReleaseEvent(QMouseEvent *e) override;

private:
    QString m_checkId;
    QString m_title;
    CheckCatalogModel::State m_state = CheckCatalogModel::State::NotRun;
    QLabel *m_dot;
    QLabel *m_text;
};

} // namespace idesk
