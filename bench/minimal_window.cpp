// The anchor for the cold-start benchmark: the least a Qt Widgets app with tabs can be,
// started and stopped the same way as IncidentDesk (quit once its first frame is on screen).
#include "app/firstframe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTabWidget>
#ifdef IDESK_ANCHOR_READS_DATABASE
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#endif

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
#ifdef IDESK_ANCHOR_READS_DATABASE
    // The floor any IncidentDesk start must pay on top of its libraries: load the SQLite
    // driver, open the database and read the first screenful of the incident list.
    QStringList firstRows;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
        db.setDatabaseName(QCoreApplication::arguments().value(1));
        if (!db.open())
            return 1;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, title, severity, status, started_at FROM incidents "
                                   "WHERE deleted = 0 ORDER BY started_at DESC, id LIMIT 50")))
            return 1;
        while (q.next())
            firstRows << q.value(1).toString();
        if (firstRows.isEmpty())
            return 1;
    }
#endif
    QMainWindow window;
    auto *tabs = new QTabWidget(&window);
    for (const char *name : {"Triage", "Diagnostics", "Timeline", "Post-mortem"})
        tabs->addTab(new QLabel(QString::fromLatin1(name)), QString::fromLatin1(name));
    window.setCentralWidget(tabs);
    window.resize(1280, 800);
    idesk::firstframe::FirstPaintQuitter quitter;
    app.installEventFilter(&quitter);
    window.show();
    return app.exec();
}
