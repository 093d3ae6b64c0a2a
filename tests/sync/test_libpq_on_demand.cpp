// libpq (and the TLS, Kerberos and LDAP libraries it brings) is loaded when sync or an SQL check
// first needs it, not with every program that links the sync and diagnostics layers: linked in,
// it costs every start of the window several milliseconds before main().
#include "diagnostics/sqlprobe.h"
#include "pq/libpq.h"
#include "sync/pg.h"

#include <QTest>
#include <dlfcn.h>

using namespace idesk;

namespace {

bool libpqLoaded()
{
    void *handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
    if (handle)
        dlclose(handle);
    return handle != nullptr;
}

} // namespace

class TestLibpqOnDemand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notLoadedUntilUsed();
};

void TestLibpqOnDemand::notLoadedUntilUsed()
{
    // This program links the sync and the diagnostics layers, as the window and the CLI do.
    QVERIFY2(!libpqLoaded(), "libpq was loaded with the program");
    QVERIFY(pq::loadError().isEmpty());
    QVERIFY(libpqLoaded());
    QVERIFY(pq::PQlibVersion() >= 100000); // a function reached through the loaded library
    // The ways in still work: a conninfo with a password is refused, one without accepted.
    QVERIFY_THROWS_EXCEPTION(sync::SyncError,
                             sync::checkConninfo(QStringLiteral("host=db password=secret")));
    sync::checkConninfo(QStringLiteral("host=db dbname=incidents"));
    QVERIFY(diag::conninfoProblem(QStringLiteral("host=db dbname=incidents")).isEmpty());
    QVERIFY(!diag::conninfoProblem(QStringLiteral("host=db bogus_keyword=1")).isEmpty());
}

QTEST_GUILESS_MAIN(TestLibpqOnDemand)
#include "test_libpq_on_demand.moc"
