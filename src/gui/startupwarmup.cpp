#include "startupwarmup.h"

#include <QFontDatabase>
#include <QImageReader>
#include <QStringList>

namespace idesk {

StartupWarmup::StartupWarmup()
    : m_thread([] {
          // Any query populates the whole font database; the answer itself is not needed.
          (void)QFontDatabase::families();
          // Reading one of our own icons loads the image plugins the way the menu bar will.
          QImageReader(QStringLiteral(":/icons/incidentdesk-16.png")).read();
      })
{}

StartupWarmup::~StartupWarmup()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace idesk
