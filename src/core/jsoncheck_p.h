#pragma once

// Internal to incidentdesk_core (nlohmann is a private dependency): strict readers over a JSON
// tree that report the JSON path of the first thing that is wrong, so a user can fix a
// hand-edited file without guessing.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace idesk::jsoncheck {

using Json = nlohmann::ordered_json;

// What these readers say reaches the user as it is (a profile or import that cannot be read), so
// it is worded in the language of the installed catalogue; with none installed (the tests, a C
// locale) it stays English. The caller's path and values are put in, never translated.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(idesk::JsonCheck)
};

struct SyntaxError
{
    qint64 offset = 0; // 0-based byte offset; equals the input size for a truncated document
    QString detail;    // nlohmann's explanation, with line and column
    // Set instead of offset when the error has a place in the tree (a duplicate key, a number
    // out of range): the JSON path, with `detail` saying what was expected there.
    QString path;
};

inline constexpr int kMaxDepth = 256;

// The offset of the first bracket nested deeper than kMaxDepth, or -1. Parsing is iterative but
// dumping and comparing are recursive, so a hostile file of nested brackets would otherwise
// overflow the stack later, far from here.
inline qint64 tooDeepAt(const QByteArray &bytes)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qint64 i = 0; i < bytes.size(); ++i) {
        const char ch = bytes[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
        } else if (ch == '"') {
            inString = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > kMaxDepth)
                return i;
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return -1;
}

// nlohmann's messages start with a tag such as "[json.exception.parse_error.101] " that means
// nothing to a user.
inline QString untagged(const char *what)
{
    QString s = QString::fromUtf8(what);
    if (s.startsWith(QLatin1Char('['))) {
        const auto close = s.indexOf(QStringLiteral("] "));
        if (close > 0)
            s = s.mid(close + 2);
    }
    return s;
}

// The JSON path of the value being read, and the keys seen so far in each open object. Fed by
// nlohmann's parse callback, so errors found while parsing can name where they are.
class PathTracker
{
public:
    struct DuplicateKey
    {
        QString key;
    };

    void startObject() { open(false); }
    void startArray() { open(true); }
    void key(const std::string &k)
    {
        Frame &f = m_frames[m_depth - 1];
        // nlohmann keeps the last of two equal keys; a hand-edited file with a repeated key
        // would lose the first value without a word. Objects are small, so a scan is cheapest;
        // a set takes over for the rare large one.
        bool repeated = false;
        if (!f.manyKeys.empty())
            repeated = !f.manyKeys.insert(k).second;
        else
            repeated = std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end();
        if (repeated)
            throw DuplicateKey{toQStringUtf8(k)};
        f.keys.push_back(k);
        if (f.keys.size() == kScanLimit)
            f.manyKeys.insert(f.keys.begin(), f.keys.end());
    }
    void end()
    {
        --m_depth;
        completed();
    }
    // A value that is not an object or array was read.
    void completed()
    {
        if (m_depth > 0 && m_frames[m_depth - 1].isArray)
            ++m_frames[m_depth - 1].index;
    }

    QString path() const
    {
        QString p = QStringLiteral("$");
        for (std::size_t i = 0; i < m_depth; ++i) {
            const Frame &f = m_frames[i];
            if (f.isArray)
                p += QLatin1Char('[') + QString::number(f.index) + QLatin1Char(']');
            else if (!f.keys.empty())
                p += QLatin1Char('.') + toQStringUtf8(f.keys.back());
        }
        return p;
    }

private:
    static constexpr std::size_t kScanLimit = 32;

    struct Frame
    {
        bool isArray = false;
        std::size_t index = 0;         // in an array: the element being read
        std::vector<std::string> keys; // in an object: the keys so far; the last is being read
        std::unordered_set<std::string> manyKeys; // the same, once there are kScanLimit
    };

    static QString toQStringUtf8(const std::string &s)
    {
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    }

    // Frames are reused as the depth goes up and down, keeping their capacity: a large import
    // opens an object per row and should not allocate for each.
    void open(bool isArray)
    {
        if (m_depth == m_frames.size())
            m_frames.emplace_back();
        Frame &f = m_frames[m_depth++];
        f.isArray = isArray;
        f.index = 0;
        f.keys.clear();
        f.manyKeys.clear();
    }

    std::vector<Frame> m_frames;
    std::size_t m_depth = 0;
};

// nlohmann's own tree builder, with the path tracked on the way. (Its parse-callback API would
// do the same, but scans the whole parent array after every object, which made a 100,000-event
// import take minutes.)
template<typename J> class TrackingSax
{
public:
    TrackingSax(J &root, PathTracker &tracker) : m_dom(root, true), m_tracker(tracker) {}

    bool null()
    {
        m_tracker.completed();
        return m_dom.null();
    }
    bool boolean(bool v)
    {
        m_tracker.completed();
        return m_dom.boolean(v);
    }
    bool number_integer(typename J::number_integer_t v)
    {
        m_tracker.completed();
        return m_dom.number_integer(v);
    }
    bool number_unsigned(typename J::number_unsigned_t v)
    {
        m_tracker.completed();
        return m_dom.number_unsigned(v);
    }
    bool number_float(typename J::number_float_t v, const typename J::string_t &s)
    {
        m_tracker.completed();
        return m_dom.number_float(v, s);
    }
    bool string(typename J::string_t &v)
    {
        m_tracker.completed();
        return m_dom.string(v);
    }
    bool binary(typename J::binary_t &v)
    {
        m_tracker.completed();
        return m_dom.binary(v);
    }
    bool start_object(std::size_t n)
    {
        m_tracker.startObject();
        return m_dom.start_object(n);
    }
    bool key(typename J::string_t &k)
    {
        m_tracker.key(k);
        return m_dom.key(k);
    }
    bool end_object()
    {
        m_tracker.end();
        return m_dom.end_object();
    }
    bool start_array(std::size_t n)
    {
        m_tracker.startArray();
        return m_dom.start_array(n);
    }
    bool end_array()
    {
        m_tracker.end();
        return m_dom.end_array();
    }
    // Throws the exception with its own type, so callers can tell a bad number from bad syntax.
    template<typename Exception>
    bool parse_error(std::size_t position, const std::string &token, const Exception &ex)
    {
        return m_dom.parse_error(position, token, ex);
    }

private:
    nlohmann::detail::json_sax_dom_parser<J> m_dom;
    PathTracker &m_tracker;
};

// Parses `bytes` strictly; on an error returns nullopt and fills `error`. Nothing nlohmann throws
// escapes: a number too large for a double or an unexpected exception is an error like any
// other, never an abort.
template<typename J = Json> std::optional<J> parseAs(const QByteArray &bytes, SyntaxError &error)
{
    if (const qint64 at = tooDeepAt(bytes); at >= 0) {
        error.offset = at;
        error.detail = Text::tr("at most %1 nested arrays or objects (byte %2 opens one more)")
                           .arg(kMaxDepth)
                           .arg(at);
        return std::nullopt;
    }
    // nlohmann stops at a NUL byte as at the end of a C string, so whatever follows one would
    // be ignored. JSON text never holds a raw NUL (inside a string it is written \u0000).
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        error.offset = nul;
        error.detail =
            Text::tr("parse error at byte %1, a NUL byte, which JSON text never holds").arg(nul);
        return std::nullopt;
    }
    PathTracker tracker;
    try {
        J root;
        TrackingSax<J> sax(root, tracker);
        J::sax_parse(bytes.constData(), bytes.constData() + bytes.size(), &sax);
        return root;
    } catch (const PathTracker::DuplicateKey &d) {
        error.path = tracker.path();
        error.detail =
            Text::tr("each key once in an object (\"%1\" appears twice)").arg(d.key.left(80));
        return std::nullopt;
    } catch (const typename J::parse_error &e) {
        // nlohmann counts the offending byte from 1; callers want a 0-based offset.
        error.offset = e.byte > 0 ? static_cast<qint64>(e.byte) - 1 : 0;
        QString what = untagged(e.what());
        // nlohmann says "parse error at line L, column C: ..."; put the byte offset in front.
        const QString lead = QStringLiteral("parse error at ");
        if (what.startsWith(lead))
            what = what.mid(lead.size());
        error.detail =
            Text::tr("parse error at byte %1, %2").arg(QString::number(error.offset), what);
        // A cut inside a string, number or literal is reported as a bad token; say what it
        // really is, so a truncated download or copy reads as such.
        if (error.offset >= bytes.size() && !what.contains(QStringLiteral("unexpected end"))) {
            error.offset = bytes.size();
            error.detail = Text::tr("unexpected end of input at byte %1, %2")
                               .arg(QString::number(error.offset), what);
        }
        return std::nullopt;
    } catch (const typename J::out_of_range &e) {
        // 1e999 or a million-digit integer: well-formed, but no double holds it.
        error.path = tracker.path();
        QString what = untagged(e.what());
        const auto quote = what.indexOf(QLatin1Char('\''));
        QString token = quote >= 0 ? what.mid(quote + 1) : QString();
        if (token.endsWith(QLatin1Char('\'')))
            token.chop(1);
        if (token.size() > 24)
            token = token.left(20) + Text::tr("… (%1 characters)").arg(token.size());
        error.detail =
            token.isEmpty()
                ? Text::tr("a number within the range of a double")
                : Text::tr("a number within the range of a double (found %1)").arg(token);
        return std::nullopt;
    } catch (const nlohmann::json::exception &e) {
        error.path = tracker.path();
        error.detail = Text::tr("valid JSON: %1").arg(untagged(e.what()));
        return std::nullopt;
    }
}

inline std::optional<Json> parse(const QByteArray &bytes, SyntaxError &error)
{
    return parseAs<Json>(bytes, error);
}

inline QString jsonTypeName(const Json &v)
{
    if (v.is_null())
        return QStringLiteral("null");
    if (v.is_boolean())
        return Text::tr("a boolean");
    if (v.is_number())
        return Text::tr("a number");
    if (v.is_string())
        return Text::tr("a string");
    if (v.is_array())
        return Text::tr("an array");
    return Text::tr("an object");
}

inline QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

inline std::string toStd(const QString &s)
{
    return s.toStdString();
}

inline bool isHttpUrl(const QString &s)
{
    const QUrl u(s, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    return u.isValid() && (scheme == u"http" || scheme == u"https") && !u.host().isEmpty();
}

enum class Presence
{
    Required,
    Optional
};

// Error is constructed as Error(origin, path, expected) and thrown.
template<typename Error> class Checker
{
public:
    explicit Checker(QString origin) : m_origin(std::move(origin)) {}

    [[noreturn]] void fail(const QString &path, const QString &expected) const
    {
        throw Error(m_origin, path, expected);
    }

    static QString key(const QString &path, std::string_view k)
    {
        return path + QLatin1Char('.') + QLatin1String(k.data(), static_cast<qsizetype>(k.size()));
    }
    static QString index(const QString &path, std::size_t i)
    {
        return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
    }

    // Requires an object whose keys are all in `known`: a misspelt optional key would otherwise
    // silently fall back to its default.
    const Json &object(const Json &v, const QString &path,
                       std::initializer_list<std::string_view> known) const
    {
        if (!v.is_object())
            fail(path, Text::tr("an object (found %1)").arg(jsonTypeName(v)));
        for (auto it = v.begin(); it != v.end(); ++it) {
            bool ok = false;
            for (auto k : known)
                ok = ok || k == it.key();
            if (!ok) {
                QStringList names;
                for (auto k : known)
                    names << QLatin1String(k.data(), static_cast<qsizetype>(k.size()));
                fail(path + QLatin1Char('.') + toQString(it.key()),
                     Text::tr("one of the keys %1").arg(names.join(QStringLiteral(", "))));
            }
        }
        return v;
    }

    // The member `k` of object `obj`; a missing required key fails with `expected`.
    const Json *member(const Json &obj, const QString &path, std::string_view k, Presence p,
                       const QString &expected) const
    {
        const auto it = obj.find(std::string(k));
        if (it == obj.end()) {
            if (p == Presence::Required)
                fail(key(path, k), Text::tr("%1 (the key is missing)").arg(expected));
            return nullptr;
        }
        return &*it;
    }

    QString string(const Json &v, const QString &path, bool nonEmpty = false) const
    {
        // Worded only on failure: a large import reads a string for nearly every field.
        const auto expected = [nonEmpty] {
            return nonEmpty ? Text::tr("a non-empty string") : Text::tr("a string");
        };
        if (!v.is_string())
            fail(path, expected());
        QString s = toQString(v.get_ref<const std::string &>());
        if (nonEmpty && s.trimmed().isEmpty())
            fail(path, expected());
        return s;
    }

    qint64 integer(const Json &v, const QString &path, qint64 min, qint64 max,
                   const QString &expected) const
    {
        if (!v.is_number_integer())
            fail(path, expected);
        if (v.is_number_unsigned()) {
            // nlohmann stores every non-negative literal as unsigned, so min applies here too.
            const auto u = v.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max()))
                fail(path, expected);
            const auto i = static_cast<qint64>(u);
            if (i < min || i > max)
                fail(path, expected);
            return i;
        }
        const auto i = v.get<std::int64_t>();
        if (i < min || i > max)
            fail(path, expected);
        return i;
    }

    double number(const Json &v, const QString &path, double min, double max,
                  const QString &expected) const
    {
        if (!v.is_number())
            fail(path, expected);
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < min || d > max)
            fail(path, expected);
        return d;
    }

    bool boolean(const Json &v, const QString &path) const
    {
        if (!v.is_boolean())
            fail(path, Text::tr("true or false"));
        return v.get<bool>();
    }

    const Json &array(const Json &v, const QString &path, const QString &expected) const
    {
        if (!v.is_array())
            fail(path, expected);
        return v;
    }

    QStringList stringList(const Json &v, const QString &path, const QString &itemExpected) const
    {
        if (!v.is_array())
            fail(path, Text::tr("an array of strings"));
        QStringList out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const QString itemPath = index(path, i);
            if (!v[i].is_string())
                fail(itemPath, itemExpected);
            QString s = toQString(v[i].template get_ref<const std::string &>());
            if (s.trimmed().isEmpty())
                fail(itemPath, itemExpected);
            out << s;
        }
        return out;
    }

private:
    QString m_origin;
};

// Integral doubles print as integers ("50", not "50.0") so hand-written files and saved files
// look alike; both parse back to the same double.
inline Json niceNumber(double d)
{
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15)
        return Json(static_cast<std::int64_t>(d));
    return Json(d);
}

inline QByteArray dump(const Json &j)
{
    // replace: a lone surrogate in a QString must not turn an export into an exception.
    const std::string s = j.dump(2, ' ', false, Json::error_handler_t::replace);
    QByteArray out(s.data(), static_cast<qsizetype>(s.size()));
    out.append('\n');
    return out;
}

} // namespace idesk::jsoncheck
