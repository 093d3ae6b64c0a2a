#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
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
    const QByteArray base = qgetenv("IDESK_TEST_DATA");
    return QString::fromLocal8Bit(base) + QLatin1Char('/') + relative;
}

} // namespace idesk::test
