# Core is pure (see the design): no file I/O and no wall clock, so every rule there runs the same
# in a test as on the commander's laptop. clock.h's SystemClock is the one adapter that reads the
# wall clock; it is handed in from above like any other Clock.
file(GLOB_RECURSE sources ${CORE_DIR}/*.cpp ${CORE_DIR}/*.h)
set(forbidden "QFile|QSaveFile|QDir[^a-z]|std::[io]?fstream|fopen|QDateTime::currentDateTime|QDateTime::currentMSecs|QDate::currentDate|QTime::currentTime|std::chrono::system_clock")
set(found "")
foreach(source ${sources})
    if(source MATCHES "/clock\\.h$")
        continue()
    endif()
    file(STRINGS ${source} hits REGEX "${forbidden}")
    foreach(hit ${hits})
        string(APPEND found "\n${source}: ${hit}")
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "file I/O or the wall clock in src/core:${found}")
endif()
