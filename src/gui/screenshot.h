#pragma once

#include <QString>
#include <QStringList>

namespace idesk {

class MainWindow;

// Renders every tab of the window into DIR/<n>-<tab>.png; returns the files written.
// Works on the offscreen platform, so it runs in CI and for the README.
QStringList saveTabScreenshots(MainWindow &window, const QString &dir, QString *error);

} // namespace idesk
