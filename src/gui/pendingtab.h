#pragma once

#include <QWidget>

namespace idesk {

// A tab whose feature is not built yet says so plainly instead of showing fake content.
class PendingTab final : public QWidget
{
    Q_OBJECT
public:
    PendingTab(const QString &feature, const QString &plannedContent, QWidget *parent = nullptr);
};

} // namespace idesk
