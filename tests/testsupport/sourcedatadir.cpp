#include "testsupport.h"

// Compiled into every test executable with that test's own IDESK_TEST_SOURCE_DATA (see
// idesk_add_test), so the shared library knows each test's data folder in the source tree.
QString idesk::test::sourceDataDir()
{
    return QString::fromUtf8(IDESK_TEST_SOURCE_DATA);
}
