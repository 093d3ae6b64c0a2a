#include "app/firstframe.h"
#include "core/profile.h"
#include "gui/mainwindow.h"
#include "gui/screenshot.h"
#include "gui/startupwarmup.h"
#include "services/incidentservice.h"
#include "services/logging.h"
#include "services/paths.h"
#include "services/profilefile.h"
#include "services/settings.h"
#include "services/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <spdlog/spdlog.h>
#include <thread>

using namespace idesk;

namespace {

Profile loadStartupProfile(const QString &path, bool interactive, QString *usedPath)
{
    if (path.isEmpty())
        return defaultProfile();
    try {
        Profile p = loadProfileFile(path);
        *usedPath = path;
        return p;
    } catch (const ProfileError &e) {
        spdlog::error("profile: {}", e.message().toStdString());
        std::fprintf(stderr, "incidentdesk: %s\n", qPrintable(e.message()));
        if (interactive) {
            const auto answer = QMessageBox::warning(
                nullptr, QObject::tr("The profile has an error"),
                QObject::tr("%1\n\nContinue with the shipped default profile?").arg(e.message()),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            if (answer != QMessageBox::Yes)
                throw;
        }
        return defaultProfile();
    }
}

std::unique_ptr<IncidentService> openStartupService(QString path, const Profile &profile,
                                                    const Clock &clock, bool interactive)
{
    for (;;) {
        try {
            // Pages are checked in the background once the window is up (MainWindow).
            return IncidentService::open(path, profile, clock, IncidentService::Check::Structure);
        } catch (const Error &e) {
            spdlog::error("database: {}", e.message().toStdString());
            std::fprintf(stderr, "incidentdesk: %s\n", qPrintable(e.message()));
            if (!interactive)
                return nullptr;
            QMessageBox box(QMessageBox::Critical, QObject::tr("Cannot open the database"),
                            e.message() + QStringLiteral("\n\n") +
                                QObject::tr("The file has not been changed."));
            QPushButton *other =
                box.addButton(QObject::tr("Open another…"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Close);
            box.exec();
            if (box.clickedButton() != static_cast<QAbstractButton *>(other))
                return nullptr;
            path = QFileDialog::getOpenFileName(nullptr, QObject::tr("Open database"));
            if (path.isEmpty())
                return nullptr;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // The shipped profile is parsed on the second core while QApplication connects to the
    // display: parsing needs nothing from the application object, and start-up reads it unless
    // another profile was chosen. A failure is left for the main thread to meet and report.
    std::thread profileWarmup([] {
        try {
            (void)defaultProfile();
        } catch (...) {
        }
    });
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("IncidentDesk"));
    QApplication::setApplicationName(QStringLiteral("incidentdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("IncidentDesk"));
    QApplication::setApplicationVersion(QStringLiteral(INCIDENTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.incidentdesk.IncidentDesk"));

    installTranslations(app);
    profileWarmup.join(); // before --help or --version can end the process under it

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("IncidentDesk: run a production incident from a laptop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QObject::tr("The SQLite database (default: %1).").arg(paths::defaultDatabase()),
        QStringLiteral("path"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QObject::tr("A service profile (JSON)."),
                                           QStringLiteral("path"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QObject::tr("Save one PNG per tab into DIR and exit."),
        QStringLiteral("dir"));
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QObject::tr("Select this incident (id or channel)."),
                                          QStringLiteral("id"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QObject::tr("Log to stderr as well."));
    QCommandLineOption firstPaintOption(QStringLiteral("quit-after-first-paint"),
                                        QObject::tr("Exit once the window has painted."));
    firstPaintOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // Screenshots at other widths than the README's (the narrow window a layout change is for).
    QCommandLineOption screenshotSizeOption(QStringLiteral("screenshot-size"),
                                            QObject::tr("Window size for --screenshot."),
                                            QStringLiteral("WxH"), QStringLiteral("1280x800"));
    screenshotSizeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({dbOption, profileOption, screenshotOption, selectOption, verboseOption,
                       firstPaintOption, screenshotSizeOption});
    parser.process(app); // exits for --help and --version
    // From here on the window is coming: fonts and image plugins load on the other core.
    const StartupWarmup warmup;

    setupLogging(paths::logFile(), parser.isSet(verboseOption));
    spdlog::debug("start-up: logging ready after {} ms", sinceStart.elapsed());
    const bool interactive = !parser.isSet(screenshotOption) && !parser.isSet(firstPaintOption);

    Settings settings;
    const SystemClock clock;
    QString profilePath;
    Profile profile;
    try {
        profile = loadStartupProfile(parser.isSet(profileOption) ? parser.value(profileOption)
                                                                 : settings.lastProfile(),
                                     interactive, &profilePath);
    } catch (const ProfileError &) {
        return 3;
    }
    const QString dbPath =
        parser.isSet(dbOption) ? parser.value(dbOption) : paths::defaultDatabase();
    auto service = openStartupService(dbPath, profile, clock, interactive);
    if (!service)
        return 3;
    spdlog::info("opened {}", service->databasePath().toStdString());
    spdlog::debug("start-up: database open after {} ms", sinceStart.elapsed());
    settings.setLastProfile(profilePath);

    MainWindow window(std::move(service), settings);
    spdlog::debug("start-up: window built after {} ms", sinceStart.elapsed());
    if (parser.isSet(selectOption)) {
        try {
            if (const auto inc = window.service().findIncident(parser.value(selectOption)))
                window.selectIncident(inc->id);
        } catch (const Error &e) {
            // An ambiguous name: the window still opens, with nothing selected.
            std::fprintf(stderr, "incidentdesk: %s\n", qPrintable(e.message()));
        }
    }

    if (parser.isSet(screenshotOption)) {
        const QStringList size = parser.value(screenshotSizeOption).split(QLatin1Char('x'));
        window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1280,
                      size.value(1).toInt() > 0 ? size.value(1).toInt() : 800);
        window.show();
        QString error;
        const QStringList files =
            saveTabScreenshots(window, parser.value(screenshotOption), &error);
        for (const QString &f : files)
            std::printf("%s\n", qPrintable(f));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "incidentdesk: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }

    firstframe::FirstPaintQuitter quitter;
    if (parser.isSet(firstPaintOption))
        app.installEventFilter(&quitter);
    window.show();
    return app.exec();
}
