#include "screenshot.h"

#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTabWidget>

namespace idesk {

QStringList saveTabScreenshots(MainWindow &window, const QString &dir, QString *error)
{
    QStringList written;
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QObject::tr("Cannot create the folder %1").arg(dir);
        return written;
    }
    QTabWidget *tabs = window.tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        window.completeDeferredBuilds();
        // A layout that settles in two steps (a column's height after its width) posts again.
        for (int round = 0; round < 3; ++round)
            QApplication::processEvents();
        QString name = tabs->tabText(i).remove(QLatin1Char('&')).toLower();
        name.replace(QLatin1Char(' '), QLatin1Char('-'));
        const QString file = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(i + 1).arg(name));
        if (!window.grab().save(file, "PNG")) {
            if (error)
                *error = QObject::tr("Cannot write %1").arg(file);
            return written;
        }
        written << file;
    }
    tabs->setCurrentIndex(0);
    return written;
}

} // namespace idesk
