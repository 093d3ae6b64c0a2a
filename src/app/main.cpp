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
#include <QScopeGuard>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <spdlog/spdlog.h>
#include <string_view>

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

// The window's command line. Defined once for the two ways main() reads it.
struct Options
{
    QCommandLineOption db, profile, screenshot, select, verbose, firstPaint, screenshotSize;
};

Options defineOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QObject::tr("IncidentDesk: run a production incident from a laptop."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(
        QStringLiteral("db"),
        QObject::tr("The SQLite database (default: %1).").arg(paths::defaultDatabase()),
        QStringLiteral("path"));
    QCommandLineOption profileOption(QStringLiteral("profile"),
                                     QObject::tr("A service profile (JSON)."),
                                     QStringLiteral("path"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QObject::tr("Save one PNG per tab into DIR and exit."),
                                        QStringLiteral("dir"));
    QCommandLineOption selectOption(QStringLiteral("select"),
                                    QObject::tr("Select this incident (id or channel)."),
                                    QStringLiteral("id"));
    QCommandLineOption verboseOption(QStringLiteral("verbose"),
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
    return {dbOption,      profileOption,    screenshotOption,    selectOption,
            verboseOption, firstPaintOption, screenshotSizeOption};
}

// --help and --version need no display: over ssh, or in a package check, they print and end
// without the window system. The values of options that take one are skipped ("--db --help"
// names a file).
bool onlyPrints(int argc, char *argv[])
{
    static const std::set<std::string_view> withValue = {"--db", "--profile", "--screenshot",
                                                         "--select", "--screenshot-size"};
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "-v" || arg == "--version")
            return true; // not --help-all: Qt's own window-system options are in that list
        if (withValue.count(arg))
            ++i;
    }
    return false;
}

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IncidentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("incidentdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDENTDESK_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        installTranslations(app);
        QCommandLineParser parser;
        defineOptions(parser);
        parser.process(app); // prints and ends the process
        return 0;
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    // From the first line: the shipped profile and fontconfig's setup need no application
    // object, and get the second core while QApplication connects to the display.
    StartupWarmup warmup;
    QApplication app(argc, argv);
    warmup.applicationReady();
    // The warm-up thread uses the application's font database: it ends before the application
    // object does, whichever way main() is left.
    const auto finishWarmupFirst = qScopeGuard([&warmup] { warmup.finish(); });
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("IncidentDesk"));
    QApplication::setDesktopFileName(QStringLiteral("io.incidentdesk.IncidentDesk"));

    installTranslations(app);
    warmup.waitForProfile();

    QCommandLineParser parser;
    const Options options = defineOptions(parser);
    const QCommandLineOption &dbOption = options.db, &profileOption = options.profile,
                             &screenshotOption = options.screenshot, &selectOption = options.select,
                             &verboseOption = options.verbose,
                             &firstPaintOption = options.firstPaint,
                             &screenshotSizeOption = options.screenshotSize;
    const QCommandLineOption helpAll(QStringLiteral("help-all"));
    if (!parser.parse(QCoreApplication::arguments()) || parser.isSet(QStringLiteral("help")) ||
        parser.isSet(helpAll) || parser.isSet(QStringLiteral("version")))
        warmup.finish(); // process() prints and ends the process: nothing may run under it
    parser.process(app);

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
