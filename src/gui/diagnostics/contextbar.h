#pragma once

#include "core/profile.h"

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;

namespace idesk {

// Whether the profile marks this kube context as production (kube.productionContexts).
bool isProductionContext(const Profile &profile, const QString &context);

// Leaving read-only mode asks first, from the context bar and the Edit menu alike: one
// window-modal question (not blocking) naming the context mitigations would change; `leave` runs
// only on its Yes.
void askToLeaveReadOnly(QWidget *parent, const QString &context, bool production,
                        std::function<void()> leave);

// Always above the checks: which context and namespace they will run against, a red
// PRODUCTION mark when the profile says so, and whether mitigations may run. Leaving
// read-only mode asks first; going back to it never does.
class ContextBar final : public QFrame
{
    Q_OBJECT
public:
    explicit ContextBar(QWidget *parent = nullptr);

    void setProfile(const Profile &profile);
    bool isProduction() const { return m_production; }
    QString context() const { return m_context; }
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool on);
    // The button's path: asks for confirmation (window-modal, not blocking) before enabling.
    void requestToggle();

Q_SIGNALS:
    void readOnlyChanged(bool readOnly);

private:
    void updateLook();

    QLabel *m_badge;
    QLabel *m_where;
    QLabel *m_mode;
    QPushButton *m_toggle;
    QString m_context;
    QString m_ns;
    bool m_production = false;
    bool m_readOnly = true;
};

} // namespace idesk
