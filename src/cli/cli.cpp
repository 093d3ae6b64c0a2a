#include "cli.h"

#include "core/incidentjson.h"
#include "core/safetext.h"
#include "services/atomicwrite.h"
#include "services/incidentservice.h"
#include "services/logging.h"
#include "services/paths.h"
#include "services/postmortem/postmortemexport.h"
#include "services/profilefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <algorithm>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace idesk::cli {

void Registry::add(Command c)
{
    const QString name = c.name;
    m_commands.insert_or_assign(name, std::move(c));
}

const Command *Registry::find(const QString &name) const
{
    const auto it = m_commands.find(name);
    return it == m_commands.end() ? nullptr : &it->second;
}

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const QString prefix = name + QLatin1Char('=');
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (i + 1 >= args.size())
                throw UsageError{QObject::tr("%1 needs a value").arg(name)};
            return args[i + 1];
        }
        if (args[i].startsWith(prefix))
            return args[i].mid(prefix.size());
    }
    return fallback;
}

bool flag(const QStringList &args, const QString &name)
{
    return args.contains(name);
}

QStringList positionals(const QStringList &args, const QStringList &optionsWithValue)
{
    QStringList out;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (optionsWithValue.contains(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(QStringLiteral("--")))
            continue;
        out << a;
    }
    return out;
}

void checkOptions(const QStringList &args, const QStringList &withValue, const QStringList &flags)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i].section(QLatin1Char('='), 0, 0);
        if (!a.startsWith(QStringLiteral("--")))
            continue;
        if (withValue.contains(a)) {
            if (!args[i].contains(QLatin1Char('=')))
                ++i;
            continue;
        }
        if (!flags.contains(a))
            throw UsageError{QObject::tr("unknown option %1").arg(a)};
    }
}

QStringList exactPositionals(const QStringList &args, const QStringList &withValue, int count,
                             const QString &what)
{
    const QStringList pos = positionals(args, withValue);
    if (pos.size() != count)
        throw UsageError{QObject::tr("expected %1").arg(what)};
    return pos;
}

Incident requireIncident(Context &ctx, const QString &idOrPrefix)
{
    const auto inc = ctx.service().findIncident(idOrPrefix);
    if (!inc)
        throw StoreError(StoreError::Code::NotFound,
                         QObject::tr("no incident matches '%1'").arg(idOrPrefix));
    return *inc;
}

namespace {

QString onePositional(const QStringList &args, const QStringList &withValue, const QString &what)
{
    return exactPositionals(args, withValue, 1, QObject::tr("exactly one %1").arg(what)).first();
}

QDateTime parseTime(const QString &text, const QString &optionName)
{
    const QDateTime t = fromIso(text);
    if (!t.isValid())
        throw UsageError{QObject::tr("%1 expects an ISO 8601 time such as 2024-01-15T14:30:00Z")
                             .arg(optionName)};
    return t;
}

QJsonObject incidentJson(const Incident &inc)
{
    return QJsonObject{
        {QStringLiteral("id"), inc.id},
        {QStringLiteral("channel"), inc.channel},
        {QStringLiteral("title"), inc.title},
        {QStringLiteral("severity"), severityToString(inc.severity)},
        {QStringLiteral("status"), statusToString(inc.status)},
        {QStringLiteral("commander"), inc.commander},
        {QStringLiteral("startedAt"), toIsoUtc(inc.startedAt)},
        {QStringLiteral("acknowledgedAt"), toIsoUtc(inc.acknowledgedAt)},
        {QStringLiteral("resolvedAt"), toIsoUtc(inc.resolvedAt)},
        {QStringLiteral("escalationLevel"), inc.escalationLevel},
    };
}

QString utc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                       : QStringLiteral("—");
}

int cmdDeclare(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--title"), QStringLiteral("--severity"),
                                QStringLiteral("--commander"), QStringLiteral("--started")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--json")});
    if (!positionals(ctx.args, withValue).isEmpty())
        throw UsageError{QObject::tr("declare takes no positional arguments")};
    NewIncident n;
    n.title = option(ctx.args, QStringLiteral("--title")).simplified();
    if (n.title.isEmpty())
        throw UsageError{QObject::tr("--title is required")};
    const QString sev = option(ctx.args, QStringLiteral("--severity"));
    const auto severity = severityFromString(sev);
    if (!severity)
        throw UsageError{QObject::tr("--severity must be P0, P1, P2 or P3")};
    n.severity = *severity;
    n.commander = option(ctx.args, QStringLiteral("--commander"));
    const QString started = option(ctx.args, QStringLiteral("--started"));
    if (!started.isEmpty())
        n.startedAt = parseTime(started, QStringLiteral("--started"));
    const Incident inc = ctx.service().declare(n);
    if (flag(ctx.args, QStringLiteral("--json")))
        ctx.out << QJsonDocument(incidentJson(inc)).toJson(QJsonDocument::Compact) << '\n';
    else
        ctx.out << inc.id << '\t' << inc.channel << '\n';
    return Ok;
}

int cmdList(Context &ctx)
{
    checkOptions(ctx.args, {QStringLiteral("--status")},
                 {QStringLiteral("--json"), QStringLiteral("--open")});
    const QString statusText = option(ctx.args, QStringLiteral("--status"));
    std::optional<IncidentStatus> status;
    if (!statusText.isEmpty()) {
        status = statusFromString(statusText);
        if (!status)
            throw UsageError{QObject::tr("unknown status %1").arg(statusText)};
    }
    const bool openOnly = flag(ctx.args, QStringLiteral("--open"));
    std::vector<Incident> rows;
    for (const Incident &inc : ctx.service().incidents()) {
        if (status && inc.status != *status)
            continue;
        if (openOnly && inc.status == IncidentStatus::Resolved)
            continue;
        rows.push_back(inc);
    }
    if (flag(ctx.args, QStringLiteral("--json"))) {
        QJsonArray arr;
        for (const Incident &inc : rows)
            arr.append(incidentJson(inc));
        ctx.out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const Incident &inc : rows) {
        ctx.out << inc.id.left(8) << "  " << severityToString(inc.severity) << "  "
                << statusToString(inc.status).leftJustified(13) << "  " << oneLine(inc.channel)
                << "  " << oneLine(inc.title) << '\n';
    }
    return Ok;
}

int cmdShow(Context &ctx)
{
    checkOptions(ctx.args, {}, {QStringLiteral("--json")});
    const Incident inc =
        requireIncident(ctx, onePositional(ctx.args, {}, QObject::tr("incident id")));
    if (flag(ctx.args, QStringLiteral("--json"))) {
        ctx.out << bundleToJson(ctx.service().bundle(inc.id));
        return Ok;
    }
    ctx.out << oneLine(inc.title) << '\n'
            << "  id:           " << inc.id << '\n'
            << "  severity:     " << severityToString(inc.severity) << '\n'
            << "  status:       " << statusToString(inc.status) << '\n'
            << "  channel:      " << oneLine(inc.channel) << '\n'
            << "  commander:    " << oneLine(inc.commander) << '\n'
            << "  started:      " << utc(inc.startedAt) << '\n'
            << "  acknowledged: " << utc(inc.acknowledgedAt) << '\n'
            << "  resolved:     " << utc(inc.resolvedAt) << '\n'
            << "Timeline:\n";
    EventQuery q;
    q.incidentId = inc.id;
    for (const TimelineEvent &e : ctx.service().events(q)) {
        ctx.out << "  " << e.occurredAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                << (e.pinned ? " * " : "   ") << eventKindToString(e.kind).leftJustified(13) << ' '
                << oneLine(e.author) << ": " << oneLine(e.text) << '\n';
    }
    return Ok;
}

int cmdEvent(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--text"), QStringLiteral("--kind"),
                                QStringLiteral("--at"), QStringLiteral("--author")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--pin"), QStringLiteral("--json")});
    const Incident inc =
        requireIncident(ctx, onePositional(ctx.args, withValue, QObject::tr("incident id")));
    NewEvent e;
    e.text = option(ctx.args, QStringLiteral("--text"));
    if (e.text.trimmed().isEmpty())
        throw UsageError{QObject::tr("--text is required")};
    const QString kind = option(ctx.args, QStringLiteral("--kind"), QStringLiteral("note"));
    const auto k = eventKindFromString(kind);
    if (!k)
        throw UsageError{QObject::tr("unknown --kind %1").arg(kind)};
    e.kind = *k;
    const QString at = option(ctx.args, QStringLiteral("--at"));
    if (!at.isEmpty())
        e.occurredAt = parseTime(at, QStringLiteral("--at"));
    e.author = option(ctx.args, QStringLiteral("--author"));
    e.pinned = flag(ctx.args, QStringLiteral("--pin"));
    e.source = QStringLiteral("cli");
    const TimelineEvent added = ctx.service().addEvent(inc.id, e);
    ctx.out << added.eventId << '\n';
    return Ok;
}

int writeOutput(Context &ctx, const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty() || path == QStringLiteral("-")) {
        ctx.out << QString::fromUtf8(bytes);
        return Ok;
    }
    if (const std::optional<Error> failed = writeFileAtomically(path, bytes)) {
        ctx.err << QObject::tr("cannot write %1: %2").arg(path, failed->detail()) << '\n';
        return DataError;
    }
    return Ok;
}

int cmdExport(Context &ctx)
{
    const QStringList withValue{QStringLiteral("--format"), QStringLiteral("-o"),
                                QStringLiteral("--output")};
    checkOptions(ctx.args, withValue, {QStringLiteral("--no-redact")});
    const Incident inc =
        requireIncident(ctx, onePositional(ctx.args, withValue, QObject::tr("incident id")));
    const QString format = option(ctx.args, QStringLiteral("--format"), QStringLiteral("json"));
    QString out = option(ctx.args, QStringLiteral("-o"));
    if (out.isEmpty())
        out = option(ctx.args, QStringLiteral("--output"));
    if (format == QStringLiteral("json"))
        return writeOutput(ctx, out, bundleToJson(ctx.service().bundle(inc.id)));
    if (format == QStringLiteral("md") || format == QStringLiteral("markdown")) {
        const bool redact = !flag(ctx.args, QStringLiteral("--no-redact"));
        int redacted = 0;
        const QString md = exportPostmortemMarkdown(ctx.service(), inc.id, redact, &redacted);
        const int rc = writeOutput(ctx, out, md.toUtf8());
        // The count goes to stderr so stdout stays the document itself.
        if (rc == Ok && redact)
            ctx.err << QObject::tr("%n secret(s) redacted", nullptr, redacted) << '\n';
        return rc;
    }
    throw UsageError{QObject::tr("unknown --format %1 (json or md)").arg(format)};
}

int cmdImport(Context &ctx)
{
    checkOptions(ctx.args, {}, {});
    const QString path = onePositional(ctx.args, {}, QObject::tr("file"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.err << QObject::tr("cannot read %1: %2").arg(path, f.errorString()) << '\n';
        return DataError;
    }
    const IncidentBundle b = bundleFromJson(f.readAll(), path, ctx.service().clock().now());
    ctx.service().importBundle(b);
    ctx.out << b.incident.id << '\t' << oneLine(b.incident.channel) << '\n';
    return Ok;
}

QString globalHelp(const QCommandLineParser &parser, const Registry &registry)
{
    QString text = parser.helpText();
    // Qt's catalogue (qtbase) may have translated the word; the context is not spelt as a
    // literal so that lupdate leaves this text to Qt's catalogue.
    static constexpr const char *kParser = "QCommandLineParser";
    const QString options = QCoreApplication::translate(kParser, "[options]");
    text.replace(options, options + QStringLiteral(" COMMAND [args]"));
    text += QObject::tr("\nCommands:\n");
    for (const auto &[name, c] : registry.all())
        text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, c.summary);
    text += QObject::tr("\nExit codes: 0 ok, 1 a check failed, 2 usage error, 3 data error.\n");
    return text;
}

} // namespace

void registerCoreCommands(Registry &r)
{
    r.add({QStringLiteral("declare"),
           QStringLiteral("declare --title T --severity P0|P1|P2|P3 [--commander NAME] "
                          "[--started ISO8601] [--json]"),
           QObject::tr("Declare an incident; prints its id and channel."), cmdDeclare});
    r.add({QStringLiteral("list"), QStringLiteral("list [--open] [--status S] [--json]"),
           QObject::tr("List incidents."), cmdList});
    r.add({QStringLiteral("show"), QStringLiteral("show ID [--json]"),
           QObject::tr("Show an incident and its timeline."), cmdShow});
    r.add({QStringLiteral("event"),
           QStringLiteral("event ID --text TEXT [--kind K] [--at ISO8601] [--author A] [--pin]"),
           QObject::tr("Add a timeline event."), cmdEvent});
    r.add({QStringLiteral("export"),
           QStringLiteral("export ID --format json|md [-o FILE] [--no-redact]"),
           QObject::tr("Export an incident as JSON, or its post-mortem as Markdown (secrets "
                       "redacted unless --no-redact)."),
           cmdExport});
    r.add({QStringLiteral("import"), QStringLiteral("import FILE"),
           QObject::tr("Import an incident exported as JSON."), cmdImport});
}

QString terminalText(QStringView text)
{
    const auto unsafe = [](QChar c) { return safetext::isUnsafe(c.unicode()); };
    if (std::none_of(text.begin(), text.end(), unsafe))
        return text.toString();
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!safetext::isUnsafe(u))
            out += c;
        else if (u < 0x80)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return out;
}

QString oneLine(QStringView text)
{
    QString s = text.toString();
    s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    s.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    s.replace(QChar(0x2028), QStringLiteral("\\u2028"));
    s.replace(QChar(0x2029), QStringLiteral("\\u2029"));
    return terminalText(s);
}

namespace {

using ByteWriter = std::function<void(QByteArrayView)>;

int runUnfiltered(const QStringList &arguments, QTextStream &out, QTextStream &err,
                  const Clock &clock, const ByteWriter &writeBytes);

// True when the bytes are printable ASCII, tabs and newlines only: then they are what
// terminalText would make of them, and can skip the conversion.
bool plainAscii(QByteArrayView bytes)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time: a report of fifty megabytes is checked here on one core.
    // Signed, bytes from 0x80 on are below ' ' too.
    const __m128i space = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7F),
                  newline = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
    for (; i + 16 <= bytes.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes.data() + i));
        const __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, tab));
        const __m128i bad = _mm_or_si128(_mm_andnot_si128(allowed, _mm_cmplt_epi8(v, space)),
                                         _mm_cmpeq_epi8(v, del));
        if (_mm_movemask_epi8(bad) != 0)
            return false;
    }
#endif
    unsigned bad = 0;
    for (const char ch : bytes.sliced(i)) {
        const auto c = static_cast<unsigned char>(ch);
        bad |= unsigned(c >= 0x7F) | unsigned(c < 0x20 && c != '\n' && c != '\t');
    }
    return bad == 0;
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    static const SystemClock clock;
    return run(arguments, out, err, clock);
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err, const Clock &clock)
{
    // Commands write into buffers; only filtered text reaches the real streams, so no stored
    // or imported text can send a terminal an escape sequence (OSC 52 writes the clipboard).
    QString outText;
    QString errText;
    int rc = Ok;
    {
        QTextStream bufferedOut(&outText);
        QTextStream bufferedErr(&errText);
        const auto pass = qScopeGuard([&] {
            bufferedOut.flush();
            bufferedErr.flush();
            out << terminalText(outText);
            err << terminalText(errText);
            out.flush();
            err.flush();
        });
        const ByteWriter writeBytes = [&](QByteArrayView bytes) {
            bufferedOut.flush();
            QIODevice *device = out.device();
            if (!device) {
                bufferedOut << QString::fromUtf8(bytes);
                return;
            }
            // Keep the order: what the command wrote as text so far goes out first.
            out << terminalText(outText);
            outText.clear();
            if (plainAscii(bytes)) {
                out.flush();
                device->write(bytes.data(), bytes.size());
            } else {
                out << terminalText(QString::fromUtf8(bytes));
                out.flush();
            }
        };
        rc = runUnfiltered(arguments, bufferedOut, bufferedErr, clock, writeBytes);
    }
    return rc;
}

namespace {

int runUnfiltered(const QStringList &arguments, QTextStream &out, QTextStream &err,
                  const Clock &clock, const ByteWriter &writeBytes)
{
    Registry registry;
    registerCoreCommands(registry);
    registerAreaCommands(registry);

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr(
        "incidentdesk-cli: the IncidentDesk command line, on the same database as the app."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QObject::tr("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QObject::tr("Show the version."));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QObject::tr("The SQLite database (default: %1).").arg(paths::defaultDatabase()),
        QStringLiteral("path"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QObject::tr("A service profile (JSON)."),
                                     QStringLiteral("path"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QObject::tr("Log to stderr."));
    parser.addOptions({help, version, db, profile, verbose});
    parser.addPositionalArgument(QStringLiteral("command"), QObject::tr("What to do."));

    if (!parser.parse(QStringList{QStringLiteral("incidentdesk-cli")} + arguments)) {
        err << parser.errorText() << '\n' << QObject::tr("Try --help.") << '\n';
        return Usage;
    }
    if (parser.isSet(version)) {
        out << "incidentdesk-cli " << INCIDENTDESK_VERSION << '\n';
        return Ok;
    }
    const QStringList pos = parser.positionalArguments();
    if (parser.isSet(help) || pos.isEmpty()) {
        (parser.isSet(help) ? out : err) << globalHelp(parser, registry);
        return parser.isSet(help) ? Ok : Usage;
    }
    const Command *command = registry.find(pos.first());
    if (!command) {
        err << QObject::tr("unknown command '%1'. Try --help.").arg(pos.first()) << '\n';
        return Usage;
    }
    const QStringList commandArgs = pos.mid(1);
    if (commandArgs.contains(QStringLiteral("--help"))) {
        out << "usage: incidentdesk-cli [--db PATH] [--profile PATH] " << command->synopsis << '\n'
            << command->summary << '\n';
        return Ok;
    }
    setupLogging(paths::logFile(), parser.isSet(verbose));

    const QString dbPath = parser.isSet(db) ? parser.value(db) : paths::defaultDatabase();
    const QString profilePath = parser.isSet(profile) ? parser.value(profile) : QString();
    std::optional<Profile> loadedProfile;
    std::unique_ptr<IncidentService> service;
    // Errors surface as ProfileError / StoreError from the command's first profile() or
    // service() call and are reported below like any other.
    const auto loadProfile = [&]() -> const Profile & {
        if (!loadedProfile)
            loadedProfile = profilePath.isEmpty() ? defaultProfile() : loadProfileFile(profilePath);
        return *loadedProfile;
    };
    const auto openService = [&]() -> IncidentService & {
        if (!service) {
            service = IncidentService::open(dbPath, Profile(loadProfile()), clock);
            const QString user = qEnvironmentVariable("INCIDENTDESK_USER");
            if (!user.isEmpty())
                service->setActor(user);
        }
        return *service;
    };

    Context ctx{commandArgs, openService, loadProfile, out, err, writeBytes};
    try {
        const int rc = command->run(ctx);
        out.flush();
        return rc;
    } catch (const cli::UsageError &e) {
        err << e.message << '\n'
            << "usage: incidentdesk-cli [--db PATH] " << command->synopsis << '\n';
        return Usage;
    } catch (const StoreError &e) {
        err << e.message() << '\n';
        return DataError;
    } catch (const FormatError &e) {
        err << e.message() << '\n';
        if (command->name == QStringLiteral("import"))
            err << QObject::tr("Nothing was imported.") << '\n';
        return DataError;
    } catch (const ProfileError &e) {
        err << e.message() << '\n';
        return DataError;
    }
}

} // namespace

} // namespace idesk::cli
