#include "pq/libpq.h"

#include <QByteArray>
#include <QtGlobal>
#include <dlfcn.h>

namespace idesk::pq {

namespace {

struct Library
{
    QByteArray name;
    void *handle = nullptr;
    QString error;
};

const Library &library()
{
    // A function-local static: the first caller loads it, concurrent callers wait for that.
    static const Library lib = [] {
        Library l;
        // IDESK_LIBPQ names another file (a libpq outside the loader's path), as IDESK_KUBECTL
        // does for kubectl.
        l.name = qgetenv("IDESK_LIBPQ");
        if (l.name.isEmpty())
            l.name = IDESK_LIBPQ_SONAME;
        // Never closed: results and connections may outlive any one user of the library.
        l.handle = dlopen(l.name.constData(), RTLD_NOW | RTLD_LOCAL);
        QString why;
        if (!l.handle) {
            const char *loader = dlerror();
            why = loader ? QString::fromLocal8Bit(loader) : QStringLiteral("not found");
        } else if (!dlsym(l.handle, "PQlibVersion")) {
            // Another library named by mistake: said here, where every way in checks, instead of
            // ending the process at its first call.
            dlclose(l.handle);
            l.handle = nullptr;
            why = QStringLiteral("it has no PQlibVersion, so it is not libpq");
        }
        if (!why.isEmpty())
            l.error = QStringLiteral("The PostgreSQL client library (%1) could not be loaded: %2")
                          .arg(QString::fromLocal8Bit(l.name), why);
        return l;
    }();
    return lib;
}

} // namespace

QString loadError()
{
    return library().error;
}

void *symbol(const char *name)
{
    const Library &lib = library();
    void *found = lib.handle ? dlsym(lib.handle, name) : nullptr;
    if (!found)
        qFatal("libpq: %s is missing (%s)", name,
               lib.handle
                   ? qPrintable(
                         QStringLiteral("not exported by %1").arg(QString::fromLocal8Bit(lib.name)))
                   : qPrintable(lib.error));
    return found;
}

} // namespace idesk::pq
