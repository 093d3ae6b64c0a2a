#include "services/atomicwrite.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace idesk;
using namespace Qt::StringLiterals;

namespace {

// Root writes into a read-only folder anyway (CAP_DAC_OVERRIDE). Lowered from the effective set
// for the test's scope, the folder's mode decides, as it does for a commander's account; the
// permitted set keeps the capability, so it comes back afterwards.
class WithoutPermissionOverride
{
public:
    WithoutPermissionOverride()
    {
        m_header.version = _LINUX_CAPABILITY_VERSION_3;
        if (syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct lowered[2] = {m_saved[0], m_saved[1]};
        lowered[0].effective &=
            ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH) | (1u << CAP_FOWNER));
        m_lowered = syscall(SYS_capset, &m_header, lowered) == 0;
    }
    ~WithoutPermissionOverride()
    {
        if (m_lowered)
            syscall(SYS_capset, &m_header, m_saved);
    }
    WithoutPermissionOverride(const WithoutPermissionOverride &) = delete;
    WithoutPermissionOverride &operator=(const WithoutPermissionOverride &) = delete;

private:
    __user_cap_header_struct m_header{};
    __user_cap_data_struct m_saved[2]{};
    bool m_lowered = false;
};

} // namespace

class TestAtomicWrite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replacesTheFileWhole()
    {
        test::TempDir dir;
        const QString path = dir.file(u"incident.json"_s);
        QVERIFY(!writeFileAtomically(path, "old\n"));
        QVERIFY(!writeFileAtomically(path, "new\n"));
        QCOMPARE(test::readFile(path), QByteArray("new\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"incident.json"_s});
    }

    void aFolderItCannotWriteLeavesTheOldFileAndSaysWhy()
    {
        test::TempDir dir;
        const QString folder = dir.file(u"exports"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + u"/incident.json"_s;
        QVERIFY(!writeFileAtomically(path, "old report\n"));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));

        std::optional<Error> failed;
        {
            const WithoutPermissionOverride asUser;
            failed = writeFileAtomically(path, "new report\n");
        }
        QVERIFY(
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(failed);
        QCOMPARE(failed->kind(), Error::Kind::File);
        QVERIFY2(failed->message().contains(QDir::toNativeSeparators(path)),
                 qPrintable(failed->message()));
        QVERIFY2(!failed->detail().isEmpty(), "the reason is given");
        QCOMPARE(test::readFile(path), QByteArray("old report\n"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"incident.json"_s});
    }
};

QTEST_GUILESS_MAIN(TestAtomicWrite)
#include "test_atomic_write.moc"
