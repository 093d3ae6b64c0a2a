#include "fontwarmup.h"

#include <QFontDatabase>
#include <QStringList>

namespace idesk {

FontWarmup::FontWarmup()
    : m_thread([] {
          // Any query populates the whole database; the answer itself is not needed.
          (void)QFontDatabase::families();
      })
{}

FontWarmup::~FontWarmup()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace idesk
