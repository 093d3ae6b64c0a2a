#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

namespace idesk {

// Start-up work for the second core, from the first line of main() until the window needs it:
// the shipped profile (parsed before QApplication has connected to the display), fontconfig's
// setup (reading its configuration and caches is the largest single cost before the first
// paint, and needs no application object), then, once the QGuiApplication exists, Qt's font
// database and the image-format plugins (the menu bar's icon makes Qt load and ask every
// plugin). The GUI thread simply waits on those caches' own locks if it gets there first.
class StartupWarmup
{
public:
    StartupWarmup();  // starts at once, before the QGuiApplication
    ~StartupWarmup(); // finish()
    StartupWarmup(const StartupWarmup &) = delete;
    StartupWarmup &operator=(const StartupWarmup &) = delete;

    // The QGuiApplication exists: the font database and the image plugins may load.
    void applicationReady();
    // Returns once the shipped profile has been parsed (or has failed to parse).
    void waitForProfile();
    // Skips what is left and joins: before the application object goes, and before anything
    // that ends the process at once (--help, --version, a wrong option).
    void finish();

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_profileDone = false;
    bool m_applicationReady = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members above exist
};

} // namespace idesk
