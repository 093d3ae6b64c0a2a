#include "services/settings.h"
#include "testsupport.h"

#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
