#include "pq/libpq.h"

#include <QtGlobal>
#include <dlfcn.h>

namespace idesk::pq {

namespace {

struct Library
{
    void *handle = nullptr;
    QString error;
};

const Library &library()
{
    // A function-local static: the first caller loads it, concurrent callers wait for that.
    static const Library lib = [] {
        Library l;
        // Never closed: results and connections may outlive any one user of the library.
        l.handle = dlopen(IDESK_LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (!l.handle) {
            const char *why = dlerror();
            l.error = QStringLiteral("The PostgreSQL client library (%1) could not be loaded: %2")
                          .arg(QLatin1String(IDESK_LIBPQ_SONAME),
                               why ? QString::fromLocal8Bit(why) : QStringLiteral("not found"));
        }
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
               lib.handle ? "not exported by " IDESK_LIBPQ_SONAME : qPrintable(lib.error));
    return found;
}

} // namespace idesk::pq
