#pragma once

// The cold-start finish line, shared by the app and the benchmark's anchor windows so that both
// stop their clocks at exactly the same point.

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPointer>
#include <QWidget>
#include <QWindow>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>

namespace idesk::firstframe {

// A round trip to the X server: once it answers, it has processed every request sent before
// it, the first frame's image included. It goes through the libxcb the xcb platform plugin has
// loaded, so the program links nothing more for it; QGuiApplication::sync() would also run the
// event loop, and with it work the window queued for after its first frame. Other platforms
// have no server to wait for.
inline void waitForWindowSystem()
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

} // namespace idesk::firstframe
