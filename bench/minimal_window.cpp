// The anchor for the cold-start benchmark: the least a Qt Widgets app with tabs can be,
// started and stopped the same way as IncidentDesk (quit at the first paint).
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>
#include <ctime>

namespace {

class FirstPaintQuitter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() && !m_done) {
            m_done = true;
            // The benchmark reads this system-wide monotonic time, so what the process does
            // while shutting down is not counted as start-up.
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            std::printf("first-paint-monotonic-ns=%lld\n",
                        static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
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
