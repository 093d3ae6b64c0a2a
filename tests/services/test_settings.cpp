#include "services/settings.h"
#include "testsupport.h"

#include <QTest>
#include <sys/stat.h>

using namespace idesk;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAndRoundTrip()
    {
        test::TempDir dir;
        const QString ini = dir.file(QStringLiteral("s.ini"));
        {
            Settings s(ini);
            QVERIFY(s.readOnly()); // destructive actions are off until the user turns them on
            QVERIFY(s.lastDatabase().isEmpty());
            s.setReadOnly(false);
            s.setLastDatabase(QStringLiteral("/tmp/x.sqlite"));
            s.setLastProfile(QStringLiteral("/tmp/p.json"));
            s.setUserName(QStringLiteral("jane"));
            s.setWindowGeometry(QByteArray("geo"));
            s.sync();
        }
        Settings again(ini);
        QVERIFY(!again.readOnly());
        QCOMPARE(again.lastDatabase(), QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(again.lastProfile(), QStringLiteral("/tmp/p.json"));
        QCOMPARE(again.userName(), QStringLiteral("jane"));
        QCOMPARE(again.windowGeometry(), QByteArray("geo"));
    }

    // QSettings replaces the file on every write; storing what is already there must not, or
    // every start-up pays for a rewrite and a disk sync before the window paints.
    void unchangedValuesLeaveTheFileAlone()
    {
        test::TempDir dir;
        const QString ini = dir.file(QStringLiteral("s.ini"));
        const auto inode = [&ini] {
            struct stat st
            {};
            return ::stat(QFile::encodeName(ini).constData(), &st) == 0 ? st.st_ino : ino_t(0);
        };
        const auto storeAll = [&ini](const QString &profile) {
            Settings s(ini);
            s.setReadOnly(false);
            s.setLastDatabase(QStringLiteral("/tmp/x.sqlite"));
            s.setLastProfile(profile);
            s.setUserName(QString());
            s.setWindowGeometry(QByteArray("geo\x01"));
            s.sync();
        };
        storeAll(QString());
        const ino_t first = inode();
        QVERIFY(first != 0);
        storeAll(QString());
        QCOMPARE(inode(), first);
        storeAll(QStringLiteral("/tmp/p.json")); // a real change is written
        QVERIFY(inode() != first);
        QCOMPARE(Settings(ini).lastProfile(), QStringLiteral("/tmp/p.json"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
