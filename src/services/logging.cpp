#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace idesk {

namespace {

void qtMessageToSpdlog(QtMsgType type, const QMessageLogContext &, const QString &msg)
{
    const std::string text = msg.toStdString();
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("qt: {}", text);
        break;
    case QtInfoMsg:
        spdlog::info("qt: {}", text);
        break;
    case QtWarningMsg:
        spdlog::warn("qt: {}", text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        spdlog::error("qt: {}", text);
        break;
    }
}

} // namespace

void setupLogging(const QString &logFile, bool verbose)
{
    std::vector<spdlog::sink_ptr> sinks;
    QDir().mkpath(QFileInfo(logFile).absolutePath());
    try {
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            logFile.toStdString(), 2 * 1024 * 1024, 3));
    } catch (const spdlog::spdlog_ex &) {
        // A read-only home must not stop the app; stderr still works with --verbose.
    }
    if (verbose)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    auto logger = std::make_shared<spdlog::logger>("incidentdesk", sinks.begin(), sinks.end());
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(qtMessageToSpdlog);
}

} // namespace idesk
