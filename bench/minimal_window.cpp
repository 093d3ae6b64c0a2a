// The anchor for the cold-start benchmark: the least a Qt Widgets app with tabs can be,
// started and stopped the same way as IncidentDesk (quit once its first frame is on screen).
#include <QApplication>
#include <QGuiApplication>
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
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>

namespace {

// A round trip to the X server: once it answers, it has processed every request sent before
// it, the first frame's image included. It goes through the libxcb the xcb platform plugin has
// loaded, so the program links nothing more for it; QGuiApplication::sync() would also run the
// event loop, and with it work the window queued for after its first frame. Other platforms
// have no server to wait for.
void waitForWindowSystem()
{
    // The offscreen platform answers for X11 too (for GLX) without a connection to a server.
    auto *x11 = QGuiApplication::platformName() == u"xcb"
                    ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>()
                    : nullptr;
    void *xcb = x11 && x11->connection() ? dlopen("libxcb.so.1", RTLD_NOW | RTLD_NOLOAD) : nullptr;
    if (!xcb)
        return;
    struct Cookie
    {
        unsigned int sequence;
    };
    using Request = Cookie (*)(xcb_connection_t *);
    using Reply = void *(*)(xcb_connection_t *, Cookie, void **);
    const auto request = reinterpret_cast<Request>(dlsym(xcb, "xcb_get_input_focus"));
    const auto reply = reinterpret_cast<Reply>(dlsym(xcb, "xcb_get_input_focus_reply"));
    if (request && reply)
        std::free(reply(x11->connection(), request(x11->connection()), nullptr));
    dlclose(xcb);
}

// Quits once the first frame has been drawn and handed to the window system: the cold-start
// benchmark's finish line.
//
// Widgets paint into the window's backing store, and Qt's repaint manager flushes that store to
// the platform window in the same call that delivered the paint events, once every widget of the
// frame has painted. So the first paint event only marks the start of the first frame; a call
// queued from it runs after that flush has returned (and before the work the window itself
// queues from its first paint). There the program waits until the window system has processed
// what it was sent (on X11 a round trip to the server, which then holds the image; offscreen
// there is nothing to wait for), and the clock stops. A frame drawn before the window was
// exposed would not count, so that is checked too.
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
        waitForWindowSystem();
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
