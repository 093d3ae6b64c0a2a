#include "profilefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace idesk {

namespace {

// Far above any real profile; a wrong file chosen by mistake is not read into memory whole.
constexpr qint64 kMaxProfileBytes = 16 * 1024 * 1024;

} // namespace

Profile loadProfileFile(const QString &path)
{
    const QString readable = QCoreApplication::translate("idesk::Profile", "a readable file");
    const QFileInfo info(path);
    if (!info.isFile())
        throw ProfileError(path, QStringLiteral("$"), readable);
    if (info.size() > kMaxProfileBytes)
        throw ProfileError(
            path, QStringLiteral("$"),
            QCoreApplication::translate("idesk::Profile", "a profile of at most %1 bytes")
                .arg(kMaxProfileBytes));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw ProfileError(path, QStringLiteral("$"), readable);
    return parseProfile(f.readAll(), path);
}

} // namespace idesk
