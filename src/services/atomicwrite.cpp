#include "atomicwrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace idesk {

namespace {

Error failure(const QString &path, const QString &why)
{
    return Error(Error::Kind::File,
                 QCoreApplication::translate("idesk::AtomicWrite", "Could not write %1")
                     .arg(QDir::toNativeSeparators(path)),
                 why);
}

} // namespace

std::optional<Error> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return failure(path, f.errorString());
    // A full disk or a file size limit can take part of the bytes without reporting an error;
    // committing that would replace a whole file with the start of one.
    if (f.write(bytes) != bytes.size()) {
        f.cancelWriting();
        return failure(path, QCoreApplication::translate(
                                 "idesk::AtomicWrite",
                                 "Only part of it could be written; the disk may be full. The "
                                 "file was left as it was."));
    }
    if (!f.commit())
        return failure(path, f.errorString());
    return std::nullopt;
}

} // namespace idesk
