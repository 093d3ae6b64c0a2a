// The anchor for the cold-start benchmark: the least a Qt Widgets app with tabs can be,
// started and stopped the same way as IncidentDesk (quit once its first frame is on screen).
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>
#include <QWindow>
#ifdef IDESK_ANCHOR_READS_DATABASE
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#endif
#include <cstdio>
#include <ctime>

namespace {

// Quits once the first frame has been drawn and handed to the window system: the cold-start
// benchmark's finish line.
//
// Widgets paint into the window's backing store, and Qt's repaint manager flushes that store to
// the platform window in the same call that delivered the paint events, once every widget of the
// frame has painted. So the first paint event only marks the start of the first frame; a call
// queued from it runs after that flush has returned. There QGuiApplication::sync() waits until
// the window system has processed what it was sent (on X11 a round trip to the server, which
// therefore holds the image; offscreen it returns at once), and the clock stops. A frame drawn
// before the window was exposed would not count, so that is checked too.
class FirstPaintQuitter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() && !m_armed && !m_done) {
            m_armed = true;
            QPointer<QWidget> top = static_cast<QWidget *>(watched)->window();
            QMetaObject::invokeMethod(
                this, [this, top] { finishIfShown(top); }, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void finishIfShown(const QPointer<QWidget> &top)
    {
        m_armed = false;
        if (!top || !top->windowHandle() || !top->windowHandle()->isExposed())
            return; // not on screen yet: the next paint arms again
        QGuiApplication::sync();
        m_done = true;
        // The benchmark reads this system-wide monotonic time, so what the process does
        // while shutting down is not counted as start-up.
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        std::printf("first-paint-monotonic-ns=%lld\n",
                    static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    bool m_armed = false;
    bool m_done = false;
};

} // namespace

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
    FirstPaintQuitter quitter;
    app.installEventFilter(&quitter);
    window.show();
    return app.exec();
}
