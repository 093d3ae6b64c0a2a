#include "cli/cli.h"
#include "services/translations.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("IncidentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("incidentdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDENTDESK_VERSION));
    idesk::installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return idesk::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
