#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <map>

namespace idesk {

class Clock;
class IncidentService;
struct Profile;
struct Incident;

namespace cli {

// Exit codes. (Bad arguments: throw UsageError, which exits with Usage.)
enum ExitCode : int
{
    Ok = 0,
    CheckFailed = 1,
    Usage = 2,
    DataError = 3,
    CouldNotRun = 4 // a check could not run at all: kubectl missing, kubeconfig broken
};

// What a command gets: its own arguments (after the command name), the service over the
// database, and the two output streams. Commands never call exit(); they return an ExitCode.
// The database is opened on the first call to service(): a command that never asks for it (log
// analysis) neither pays for opening it nor creates or migrates the file.
struct Context
{
    QStringList args;
    std::function<IncidentService &()> openService;
    std::function<const Profile &()> loadProfile; // the profile alone, without the database
    QTextStream &out;
    QTextStream &err;
    // Bytes for standard output that skip the text buffer: big machine-readable output (UTF-8)
    // would otherwise make a round trip through UTF-16. The terminal filter still applies.
    std::function<void(QByteArrayView)> writeBytes;

    IncidentService &service() const { return openService(); }
    const Profile &profile() const { return loadProfile(); }
};

struct Command
{
    QString name;
    QString synopsis; // "declare --title T --severity P0|P1|P2|P3 [--commander NAME]"
    QString summary;  // one line for --help
    std::function<int(Context &)> run;
};

// Feature areas register their commands here (see registerCoreCommands in cli.cpp).
class Registry
{
public:
    void add(Command c);
    const Command *find(const QString &name) const;
    const std::map<QString, Command> &all() const { return m_commands; }

private:
    std::map<QString, Command> m_commands;
};

// Thrown by commands for bad arguments; run() prints it with the command's synopsis, exit 2.
struct UsageError
{
    QString message;
};

void registerCoreCommands(Registry &r);        // declare, list, show, event, export, import
void registerAreaCommands(Registry &r);        // the feature areas' commands (cliareas.cpp)
void registerTriageCommands(Registry &r);      // triagecommands.cpp
void registerPostmortemCommands(Registry &r);  // postmortemcommands.cpp
void registerDiagnosticsCommands(Registry &r); // diagcommands.cpp
void registerSyncCommands(Registry &r);        // synccommands.cpp
void registerPlaybookCommands(Registry &r);    // playbookcommands.cpp

// Helpers for commands: parse ctx.args with a QCommandLineParser-like loop.
// Returns the value after `--name`, or the default; throws UsageError on a missing value.
QString option(const QStringList &args, const QString &name, const QString &fallback = {});
bool flag(const QStringList &args, const QString &name);
QStringList positionals(const QStringList &args, const QStringList &optionsWithValue);
// Refuses options a command does not know, so a typo never silently does something else.
void checkOptions(const QStringList &args, const QStringList &withValue, const QStringList &flags);
// The incident named by id, unique id prefix or channel; an unknown one is a data error
// (StoreError NotFound, which run() reports with exit code 3).
Incident requireIncident(Context &ctx, const QString &idOrPrefix);
// Exactly `count` positional arguments, or UsageError naming `what` was expected.
QStringList exactPositionals(const QStringList &args, const QStringList &withValue, int count,
                             const QString &what);

// Text on its way to a terminal: characters that would drive it (ESC and the other C0
// controls, DEL, C1 controls) or reorder what it shows (bidi overrides and isolates) are
// written as escapes instead: "\x1b" for C0 and DEL, "\u009b" / "\u202e" for the others.
// Newline and tab stay. Everything run() prints goes through this; inside a JSON string the
// "\u" form reads back as the same character.
QString terminalText(QStringView text);
// A stored field printed on one line of a listing: terminalText, and line breaks shown as
// "\n" / "\r" so the field cannot forge lines of its own.
QString oneLine(QStringView text);

// The whole CLI: parses global options (--db, --profile, --json, --help, --version, --verbose),
// opens the store, dispatches. Returns the process exit code.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
// The same on the given clock instead of the system's: what "now" and "overdue" mean. The clock
// must outlive the call.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err, const Clock &clock);

} // namespace cli
} // namespace idesk
