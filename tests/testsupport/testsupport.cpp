#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTest>

namespace idesk::test {

QString pgConninfo()
{
    return qEnvironmentVariable("IDESK_TEST_PG");
}

bool pgRequired()
{
    return qEnvironmentVariableIntValue("IDESK_TEST_PG_REQUIRED") == 1;
}

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

QProcessEnvironment privateEnvironment(const QString &root)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QDir dir(root);
    const auto folder = [&](const QString &name) {
        if (!dir.mkpath(name))
            qFatal("cannot create a private folder for a child process");
        return dir.absoluteFilePath(name);
    };
    env.insert(QStringLiteral("HOME"), folder(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), folder(QStringLiteral("xdg/data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), folder(QStringLiteral("xdg/config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), folder(QStringLiteral("xdg/cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), folder(QStringLiteral("xdg/state")));
    // Qt ignores a runtime folder that others may read.
    const QString runtime = folder(QStringLiteral("xdg/runtime"));
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    return env;
}

ProcessResult runProcess(const QString &program, const QStringList &args,
                         const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(30000)) {
        qWarning("%s did not finish: %s", qPrintable(program), qPrintable(p.errorString()));
        p.kill();
        p.waitForFinished();
        return {};
    }
    ProcessResult r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

namespace {

quint32 bigEndian16(const QByteArray &b, qsizetype offset)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + offset;
    return (quint32(p[0]) << 8) | quint32(p[1]);
}

} // namespace

int damageMiddlePages(const QString &path, int count)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return 0;
    const QByteArray bytes = f.readAll();
    if (bytes.size() < 100)
        return 0;
    const quint32 raw = bigEndian16(bytes, 16);
    const qsizetype pageSize = raw == 1 ? 65536 : qsizetype(raw);
    if (pageSize < 512)
        return 0;
    const qsizetype pages = bytes.size() / pageSize;
    int damaged = 0;
    // Page 1 holds the header and the schema; the middle third is timeline rows and indexes.
    for (qsizetype page = pages / 3; page < 2 * pages / 3 && damaged < count; ++page) {
        const qsizetype at = page * pageSize;
        const auto type = uchar(bytes.at(at));
        const bool interior = type == 0x02 || type == 0x05;
        const bool leaf = type == 0x0a || type == 0x0d;
        const quint32 cells = bigEndian16(bytes, at + 3);
        if ((!interior && !leaf) || cells < 2)
            continue; // a free-list or overflow page: damage there may go unnoticed
        // Every cell pointer now points past the end of the page.
        const qsizetype pointers = at + (interior ? 12 : 8);
        f.seek(pointers);
        f.write(QByteArray(qsizetype(2 * cells), '\xAB'));
        ++damaged;
    }
    return f.flush() ? damaged : 0;
}

} // namespace idesk::test
