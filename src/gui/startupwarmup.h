#pragma once

#include <thread>

namespace idesk {

// Fills two process-wide caches on the second core while start-up opens the database and
// reads the incident list: Qt's font database (reading the fontconfig setup is the largest
// single cost before the first paint) and the image-format plugins (the first image read, the
// menu bar's own icon, makes Qt load and ask every plugin). Neither needs anything from the
// rest of start-up. Joins on destruction; the GUI thread simply waits on the caches' own locks
// if it gets there first.
class StartupWarmup
{
public:
    StartupWarmup(); // needs the QGuiApplication to exist
    ~StartupWarmup();
    StartupWarmup(const StartupWarmup &) = delete;
    StartupWarmup &operator=(const StartupWarmup &) = delete;

private:
    std::thread m_thread;
};

} // namespace idesk
