#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTest>

namespace idesk::test {

void enterTestMode()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("IncidentDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("incidentdesk-tests"));
}

TempDir::TempDir()
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary directory");
}

void TempDir::write(const QString &name, const QByteArray &bytes) const
{
    QFile f(file(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write test file");
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString testDataPath(const QString &relative)
{
    const QString base = qEnvironmentVariable("IDESK_TEST_DATA");
    return (base.isEmpty() ? sourceDataDir() : base) + QLatin1Char('/') + relative;
}

void compareGolden(const QByteArray &actual, const QString &name)
{
    if (qEnvironmentVariableIntValue("IDESK_UPDATE_GOLDEN") == 1) {
        const QString target = sourceDataDir() + QLatin1Char('/') + name;
        QSaveFile f(target);
        QVERIFY2(f.open(QIODevice::WriteOnly),
                 qPrintable(target + QStringLiteral(": ") + f.errorString()));
        f.write(actual);
        QVERIFY2(f.commit(), qPrintable(target + QStringLiteral(": ") + f.errorString()));
        QFAIL(qPrintable(QStringLiteral("golden file %1 updated; review the change and re-run "
                                        "without IDESK_UPDATE_GOLDEN")
                             .arg(target)));
    }
    const QString path = testDataPath(name);
    QVERIFY2(QFile::exists(path), qPrintable(QStringLiteral("missing golden file ") + path));
    const QByteArray expected = readFile(path);
    QCOMPARE(QString::fromUtf8(actual).split(QLatin1Char('\n')),
             QString::fromUtf8(expected).split(QLatin1Char('\n')));
    QCOMPARE(actual, expected);
}

} // namespace idesk::test
