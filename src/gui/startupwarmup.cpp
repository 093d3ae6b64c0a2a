#include "startupwarmup.h"

#include "core/profile.h"

#include <QFontDatabase>
#include <QImageReader>
#include <QStringList>
#ifdef IDESK_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace idesk {

StartupWarmup::StartupWarmup() : m_thread([this] { run(); }) {}

StartupWarmup::~StartupWarmup()
{
    finish();
}

void StartupWarmup::run()
{
    // A failure is left for the GUI thread to meet and report when it reads the profile.
    try {
        (void)defaultProfile();
    } catch (...) {
    }
    {
        const std::lock_guard lock(m_mutex);
        m_profileDone = true;
    }
    m_changed.notify_all();
#ifdef IDESK_HAVE_FONTCONFIG
    // Qt's font database starts with this call too; made first here, it is a no-op there.
    FcInit();
#endif
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_applicationReady || m_stop; });
        if (m_stop)
            return;
    }
    // Any query populates the whole font database; the answer itself is not needed.
    (void)QFontDatabase::families();
    // Reading one of our own icons loads the image plugins the way the menu bar will.
    QImageReader(QStringLiteral(":/icons/incidentdesk-16.png")).read();
}

void StartupWarmup::applicationReady()
{
    {
        const std::lock_guard lock(m_mutex);
        m_applicationReady = true;
    }
    m_changed.notify_all();
}

void StartupWarmup::waitForProfile()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_profileDone; });
}

void StartupWarmup::finish()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace idesk
