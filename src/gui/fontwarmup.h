#pragma once

#include <thread>

namespace idesk {

// Fills Qt's font database on a second core while start-up opens the database and builds the
// window. Reading the fontconfig setup is the largest single cost before the first paint, and
// it needs nothing from the rest of start-up. Joins on destruction; the GUI thread simply waits
// on the font database's own lock if it asks for fonts before the warm-up is done.
class FontWarmup
{
public:
    FontWarmup(); // needs the QGuiApplication to exist
    ~FontWarmup();
    FontWarmup(const FontWarmup &) = delete;
    FontWarmup &operator=(const FontWarmup &) = delete;

private:
    std::thread m_thread;
};

} // namespace idesk
