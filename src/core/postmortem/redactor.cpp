#include "redactor.h"

#include "bip39.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace idesk {

namespace {

// ---------------------------------------------------------------------------------------------
// Building blocks

QRegularExpression rx(const QString &pattern, bool caseInsensitive = false)
{
    QRegularExpression::PatternOptions o = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        o |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression r(pattern, o);
    r.optimize();
    Q_ASSERT_X(r.isValid(), "Redactor", qPrintable(r.errorString()));
    return r;
}

char16_t asciiLower(char16_t u)
{
    return (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = asciiLower(c.unicode());
    return u >= u'a' && u <= u'z';
}

// Shannon entropy in bits per character: random keys score high, words and counters low.
double entropy(QStringView v)
{
    if (v.isEmpty())
        return 0;
    QHash<char16_t, int> counts;
    for (QChar c : v)
        ++counts[c.unicode()];
    double h = 0;
    for (int n : std::as_const(counts)) {
        const double p = double(n) / double(v.size());
        h -= p * std::log2(p);
    }
    return h;
}

// Splits an identifier into lowercase words at separators and case changes:
// "ETH_PRIVATE_KEY", "privateKey", "x-api-key", "APIKey" -> {eth, private, key}, {private, key}...
QStringList identifierWords(QStringView name)
{
    QStringList words;
    QString cur;
    auto flush = [&] {
        if (!cur.isEmpty())
            words.append(cur);
        cur.clear();
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!isAsciiAlnum(c)) {
            flush();
            continue;
        }
        if (c.isUpper() && !cur.isEmpty()) {
            const QChar prev = name[i - 1];
            const bool nextLower = i + 1 < name.size() && name[i + 1].isLower();
            if (prev.isLower() || prev.isDigit() || (prev.isUpper() && nextLower))
                flush();
        }
        cur.append(QChar(asciiLower(c.unicode())));
    }
    flush();
    return words;
}

// Values that stand for a secret without being one: references, placeholders, flags, and the
// on-chain public shapes a Web3 log is full of.
bool isNotASecret(QStringView v)
{
    const QStringView t = v.trimmed();
    if (t.isEmpty() || t.startsWith(u"[REDACTED"))
        return true;
    if (t.size() > 200) // placeholders are short; a long value is not checked over and over
        return t.startsWith(u"{{");
    static const QRegularExpression harmless = rx(
        QStringLiteral(
            R"rx(^(?:true|false|null|none|nil|undefined|yes|no|redacted|masked|hidden|omitted|removed|sanitized|filtered|\*+|x+|\.\.\.|…|<[^<>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([^()]*\)|%[A-Za-z_][A-Za-z0-9_]*%|\{\{.*|%s|0x[0-9a-f]{40})$)rx"),
        true);
    return harmless.match(t).hasMatch();
}

// ---------------------------------------------------------------------------------------------
// Which names hold secrets

enum class NameClass
{
    None,
    Strong,      // the value is a secret whatever it looks like
    Token,       // a secret unless it is a plain number (an NFT's token id)
    Auth,        // "auth": a secret unless it names a method ("basic", "scram-sha-256")
    Pwd,         // "PWD": a password unless it is a path (the shell's working directory)
    Credentials, // a secret unless it is a path (GOOGLE_APPLICATION_CREDENTIALS=/var/…json)
    Generic,     // "..._key", "pk": a secret only if it looks random
};

enum class Syntax
{
    Assign,
    Json,
    Colon,
    Cli
};

// Words that end a secret's name however they are prefixed: "PGPASSWORD", "dbpassword".
constexpr const char16_t *kStrongSuffixes[] = {
    u"password",    u"passwd",   u"passphrase", u"secret",     u"credential",
    u"credentials", u"apikey",   u"privkey",    u"privatekey", u"secretkey",
    u"accesskey",   u"mnemonic", u"seedphrase", u"authtoken",  u"keypair",
};

// "<qualifier> key" pairs that name a secret key.
const QSet<QString> &secretKeyQualifiers()
{
    static const QSet<QString> s = {
        QStringLiteral("api"),          QStringLiteral("access"),     QStringLiteral("private"),
        QStringLiteral("priv"),         QStringLiteral("secret"),     QStringLiteral("account"),
        QStringLiteral("signing"),      QStringLiteral("encryption"), QStringLiteral("master"),
        QStringLiteral("auth"),         QStringLiteral("app"),        QStringLiteral("session"),
        QStringLiteral("deployer"),     QStringLiteral("wallet"),     QStringLiteral("signer"),
        QStringLiteral("client"),       QStringLiteral("service"),    QStringLiteral("admin"),
        QStringLiteral("license"),      QStringLiteral("shared"),     QStringLiteral("hmac"),
        QStringLiteral("jwt"),          QStringLiteral("webhook"),    QStringLiteral("ssh"),
        QStringLiteral("subscription"), QStringLiteral("consumer"),   QStringLiteral("storage"),
        QStringLiteral("sas"),          QStringLiteral("mnemonic"),   QStringLiteral("crypto"),
        QStringLiteral("decryption"),   QStringLiteral("root"),       QStringLiteral("user"),
    };
    return s;
}

NameClass classifyName(QStringView name, Syntax syntax)
{
    const QStringList w = identifierWords(name);
    if (w.isEmpty())
        return NameClass::None;
    const QString &last = w.last();
    const QString prev = w.size() > 1 ? w.at(w.size() - 2) : QString();

    if (last.endsWith(u"credentials") || last.endsWith(u"credential") || last == u"creds")
        return NameClass::Credentials;
    for (const char16_t *s : kStrongSuffixes) {
        if (last.endsWith(QStringView(s)))
            return NameClass::Strong;
    }
    if (last.endsWith(u"token"))
        return (prev == u"auth" || prev == u"access" || prev == u"api") ? NameClass::Strong
                                                                        : NameClass::Token;
    if (last == u"phrase" && (prev == u"seed" || prev == u"recovery" || prev == u"secret" ||
                              prev == u"backup" || prev == u"mnemonic"))
        return NameClass::Strong;
    if (last == u"data" && prev == u"key") // kubeconfig client-key-data
        return NameClass::Strong;
    if (last == u"pass") {
        // "PASS: test_login" is a test runner's verdict, not a password
        if (syntax == Syntax::Colon && w.size() == 1)
            return NameClass::None;
        return NameClass::Strong;
    }
    if (last == u"pwd")
        return NameClass::Pwd;
    if (last == u"auth")
        return NameClass::Auth;
    if (last == u"key" || last == u"keys") {
        if (secretKeyQualifiers().contains(prev) ||
            (w.size() > 2 && prev == u"access" && w.at(w.size() - 3) == u"secret"))
            return NameClass::Strong;
        return NameClass::Generic;
    }
    if (last == u"pk" || last == u"sk")
        return NameClass::Generic;
    return NameClass::None;
}

// A value a random generator made: long enough, mixed, and of high entropy; never a UUID, a
// commit or digest, or a path. gitleaks' generic rule uses the same threshold of 3.5 bits.
bool looksRandom(QStringView v)
{
    if (v.size() > 512) // keys are short; this also keeps a megabyte of junk cheap
        return false;
    static const QRegularExpression shape = rx(QStringLiteral(R"rx(^[A-Za-z0-9+/=_.~-]{16,}$)rx"));
    static const QRegularExpression lookAlike = rx(
        QStringLiteral(
            R"rx(^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:0x)?[0-9a-f]{40}|(?:0x)?[0-9a-f]{64}|[0-9]+)$)rx"),
        true);
    if (!shape.match(v).hasMatch() || lookAlike.match(v).hasMatch())
        return false;
    bool letter = false;
    bool digit = false;
    for (QChar c : v) {
        letter = letter || isAsciiLetter(c);
        digit = digit || c.isDigit();
    }
    return letter && digit && entropy(v) >= 3.5;
}

// A method or mode, not a credential: lowercase words and digits joined by - or _.
bool isConfigWord(QStringView v)
{
    static const QRegularExpression word =
        rx(QStringLiteral(R"rx(^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$)rx"));
    return v.size() <= 24 && word.match(v).hasMatch();
}

bool isPath(QStringView v)
{
    return v.startsWith(u'/') || v.startsWith(u'~') || v.startsWith(u"./") ||
           (v.size() > 2 && isAsciiLetter(v[0]) && v[1] == u':' && (v[2] == u'\\' || v[2] == u'/'));
}

bool valueIsSecret(NameClass cls, QStringView v)
{
    if (cls == NameClass::None || isNotASecret(v))
        return false;
    switch (cls) {
    case NameClass::Token: {
        // an NFT's token id, or the coin a payment is made in ("token": "USDC")
        static const QRegularExpression idOrTicker =
            rx(QStringLiteral(R"rx(^(?:[0-9]{1,78}|[A-Z][A-Z0-9.]{1,9})$)rx"));
        return v.size() > 78 || !idOrTicker.match(v).hasMatch();
    }
    case NameClass::Auth:
        return !isConfigWord(v);
    case NameClass::Pwd:
    case NameClass::Credentials:
        return !isPath(v);
    case NameClass::Generic:
        return looksRandom(v);
    default:
        return true;
    }
}

// ---------------------------------------------------------------------------------------------
// Rules

struct Span
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString kind;
    QString with; // empty = the placeholder
};

using Spans = std::vector<Span>;

// A regular-expression rule hands each match to its picker, which says what to replace and
// where the search goes on (by default after the match; an assignment that is not a secret
// goes on right after its name, so a value cannot hide the next key).
struct Pick
{
    Spans spans;
    qsizetype resume = -1;
};

struct BareRun
{
    qsizetype from = -1;
    qsizetype end = -1;
};

using Picker = std::function<void(const QString &text, const QRegularExpressionMatch &m, Pick &)>;

// Shapes that stand in for trigger words where a rule has none: a run of 64 hex digits, and a
// run of 12 words of 3 to 8 letters apart only by spaces, commas and line breaks.
constexpr const char *kHex64 = "\x01hex64";
constexpr const char *kTwelveWords = "\x01words12";

struct Rule
{
    std::vector<const char *> triggers; // ASCII, lowercase; the rule runs if any occurs
    std::function<void(const QString &text, Spans &out)> scan;
};

BareRun &bareRun();

void scanRegex(const QRegularExpression &re, const Picker &pick, const QString &text, Spans &out)
{
    bareRun() = {};
    qsizetype offset = 0;
    while (offset <= text.size()) {
        // redact() made the text valid UTF-16, and checking it again on every call would make
        // the scan quadratic
        const QRegularExpressionMatch m =
            re.match(text, offset, QRegularExpression::NormalMatch,
                     QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!m.hasMatch())
            break;
        Pick p;
        pick(text, m, p);
        for (Span &s : p.spans) {
            if (s.end > s.start && (out.empty() || s.start >= out.back().end))
                out.push_back(std::move(s));
        }
        qsizetype next = p.resume >= 0 ? p.resume : m.capturedEnd(0);
        if (next <= m.capturedStart(0))
            next = m.capturedStart(0) + 1;
        if (next <= offset)
            next = offset + 1;
        offset = next;
    }
}

// Replaces the first group that took part (or the whole match), unless it is a placeholder.
Picker groups(const QString &kind, std::vector<int> candidates = {})
{
    return [kind, candidates](const QString &, const QRegularExpressionMatch &m, Pick &p) {
        int g = candidates.empty() ? 0 : -1;
        for (int c : candidates) {
            if (m.capturedStart(c) >= 0) {
                g = c;
                break;
            }
        }
        if (g < 0 || isNotASecret(m.capturedView(g)))
            return;
        p.spans.push_back({m.capturedStart(g), m.capturedEnd(g), kind, {}});
    };
}

// Generated keys mix upper and lower case; hex digests and words do not.
bool mixedCaseRandom(QStringView v, double minEntropy)
{
    bool upper = false;
    bool lower = false;
    for (QChar c : v) {
        upper = upper || (c.unicode() >= u'A' && c.unicode() <= u'Z');
        lower = lower || (c.unicode() >= u'a' && c.unicode() <= u'z');
    }
    return upper && lower && entropy(v) >= minEntropy;
}

// A vendor token found by its prefix, kept only if its random part looks random.
Picker randomGroup(const QString &kind, int group, double minEntropy)
{
    return [kind, group, minEntropy](const QString &, const QRegularExpressionMatch &m, Pick &p) {
        if (mixedCaseRandom(m.capturedView(group), minEntropy))
            p.spans.push_back({m.capturedStart(0), m.capturedEnd(0), kind, {}});
    };
}

// Bitcoin's base58 alphabet: no 0, O, I or l.
int base58Digit(QChar c)
{
    static const QLatin1String alphabet(
        "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
    return c.unicode() < 128 ? int(alphabet.indexOf(c)) : -1;
}

// A wallet-import-format private key: base58 of a version byte (0x80 main net, 0xef test net),
// 32 key bytes, an optional 0x01 (compressed) and a four-byte checksum, the start of the
// double SHA-256 of what precedes it. The checksum tells a key from any other base58 run.
bool isWifKey(QStringView v)
{
    QByteArray bytes; // big-endian, grown as digits come in
    for (QChar c : v) {
        int carry = base58Digit(c);
        if (carry < 0)
            return false;
        for (qsizetype i = bytes.size() - 1; i >= 0; --i) {
            carry += 58 * static_cast<unsigned char>(bytes[i]);
            bytes[i] = static_cast<char>(carry & 0xff);
            carry >>= 8;
        }
        for (; carry > 0; carry >>= 8)
            bytes.prepend(static_cast<char>(carry & 0xff));
    }
    const bool compressed = bytes.size() == 38 && bytes.at(33) == 0x01;
    if (bytes.size() != 37 && !compressed)
        return false;
    const auto version = static_cast<unsigned char>(bytes.at(0));
    if (version != 0x80 && version != 0xef)
        return false;
    const QByteArray payload = bytes.first(bytes.size() - 4);
    const QByteArray once = QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
    return QCryptographicHash::hash(once, QCryptographicHash::Sha256).first(4) == bytes.last(4);
}

Rule regexRule(std::vector<const char *> triggers, QRegularExpression re, Picker pick)
{
    return {std::move(triggers),
            [re = std::move(re), pick = std::move(pick)](const QString &text, Spans &out) {
                scanRegex(re, pick, text, out);
            }};
}

// Where an assignment's value lies: "double quoted" (to its closing quote, or to the end of
// the line when it has none), 'single quoted' likewise, or bare up to whitespace. A bare value
// takes & ; , ) ] } with it: "Tr0ub4dor&3xyz" is one password. Found by hand rather than by the
// pattern, so that a name that is no secret costs nothing however long the value after it.
struct Value
{
    qsizetype start = -1;
    qsizetype end = -1;
    bool bare = false;
};

// A bare value ends at the next whitespace. Assignments that are no secret resume right after
// their name, so the same run would be walked again and again: its end is remembered for as
// long as one rule scans one text (scanRegex forgets it before each scan).
BareRun &bareRun()
{
    thread_local BareRun run;
    return run;
}

Value valueAt(const QString &text, qsizetype pos)
{
    const qsizetype n = text.size();
    if (pos >= n || text[pos].isSpace())
        return {};
    const QChar q = text[pos];
    if (q == u'"' || q == u'\'') {
        qsizetype i = pos + 1;
        while (i < n && text[i] != q && text[i] != u'\n') {
            if (q == u'"' && text[i] == u'\\' && i + 1 < n && text[i + 1] != u'\n')
                ++i;
            ++i;
        }
        qsizetype end = i;
        if (i >= n || text[i] == u'\n') {
            while (end > pos + 1 && text[end - 1] == u'\r')
                --end;
        }
        return {pos + 1, end, false};
    }
    BareRun &run = bareRun();
    if (pos > run.from && pos < run.end)
        return {pos, run.end, true};
    qsizetype i = pos;
    while (i < n && !text[i].isSpace())
        ++i;
    run = {pos, i};
    return {pos, i, true};
}

// Names that can hold a secret end with one of these; the exact decision is classifyName's.
constexpr char16_t kNameEnd[] =
    uR"rx((?:pass(?:word|wd|phrase)?|pwd|secret|token|keypair|keys?|auth|credentials?|creds|mnemonic|phrase|pk|sk|data))rx";

QString withNames(const char16_t *pattern)
{
    return QString::fromUtf16(pattern).replace(QStringLiteral("NAMEEND"),
                                               QString::fromUtf16(kNameEnd));
}

bool isPlainWord(QStringView w)
{
    if (w.isEmpty())
        return false;
    for (qsizetype k = 0; k < w.size(); ++k) {
        if (!isAsciiLetter(w[k]) || (k > 0 && w[k].isUpper()))
            return false;
    }
    return true;
}

// "Password: was rotated at 15:10", "Token: expired." are sentences, not a name and its value.
// A bare word after a colon is prose when it is one of the words such sentences go on with,
// when it ends the sentence, or when more plain words follow; "password: hunter2", a last
// "token: abc" on its line and "password: letmein host: db" are values.
bool readsAsProse(const QString &text, QStringView value, qsizetype end)
{
    static const QSet<QString> proseWords = {
        QStringLiteral("was"),       QStringLiteral("is"),      QStringLiteral("are"),
        QStringLiteral("were"),      QStringLiteral("has"),     QStringLiteral("have"),
        QStringLiteral("had"),       QStringLiteral("will"),    QStringLiteral("must"),
        QStringLiteral("should"),    QStringLiteral("can"),     QStringLiteral("could"),
        QStringLiteral("not"),       QStringLiteral("the"),     QStringLiteral("a"),
        QStringLiteral("an"),        QStringLiteral("to"),      QStringLiteral("be"),
        QStringLiteral("been"),      QStringLiteral("reset"),   QStringLiteral("rotated"),
        QStringLiteral("changed"),   QStringLiteral("expired"), QStringLiteral("updated"),
        QStringLiteral("required"),  QStringLiteral("missing"), QStringLiteral("invalid"),
        QStringLiteral("incorrect"), QStringLiteral("wrong"),   QStringLiteral("ok"),
        QStringLiteral("set"),       QStringLiteral("unset"),   QStringLiteral("empty"),
        QStringLiteral("hidden"),    QStringLiteral("removed"), QStringLiteral("revoked"),
        QStringLiteral("leaked"),    QStringLiteral("see"),     QStringLiteral("redacted"),
    };
    QStringView word = value;
    while (!word.isEmpty() && QStringView(u".,;!?").contains(word.back()))
        word.chop(1);
    if (!isPlainWord(word))
        return false;
    if (word.size() < value.size() || proseWords.contains(word.toString().toLower()))
        return true;
    qsizetype i = end;
    while (i < text.size() && (text[i] == u' ' || text[i] == u'\t'))
        ++i;
    qsizetype j = i;
    while (j < text.size() && !text[j].isSpace())
        ++j;
    QStringView next = QStringView(text).mid(i, j - i);
    while (!next.isEmpty() && QStringView(u".,;!?").contains(next.back()))
        next.chop(1);
    return isPlainWord(next);
}

// Picks the value after an assignment's name (group 1) if the name calls for a secret. In a URL
// query (the name right after ? or &) a bare value stops at & or #.
Picker assignment(const QString &kind, Syntax syntax)
{
    return [kind, syntax](const QString &text, const QRegularExpressionMatch &m, Pick &p) {
        p.resume = m.capturedEnd(1);
        const NameClass cls = classifyName(m.capturedView(1), syntax);
        if (cls == NameClass::None)
            return;
        const Value v = valueAt(text, m.capturedEnd(0));
        if (v.start < 0 || (syntax == Syntax::Cli && v.bare && text[v.start] == u'-'))
            return;
        const qsizetype start = v.start;
        qsizetype end = v.end;
        const qsizetype nameStart = m.capturedStart(1);
        const bool inQuery = syntax == Syntax::Assign && nameStart > 0 &&
                             (text[nameStart - 1] == u'?' || text[nameStart - 1] == u'&');
        if (v.bare && inQuery) {
            for (qsizetype i = start; i < end; ++i) {
                if (text[i] == u'&' || text[i] == u'#') {
                    end = i;
                    break;
                }
            }
        }
        QStringView value = QStringView(text).mid(start, end - start);
        if (syntax == Syntax::Colon && v.bare && readsAsProse(text, value, end))
            return;
        if (!valueIsSecret(cls, value))
            return;
        p.spans.push_back({start, end, kind, {}});
        p.resume = std::max(end, m.capturedEnd(0));
    };
}

// ---------------------------------------------------------------------------------------------
// Ethereum private keys: 64 hex digits, like every transaction and block hash. What decides is
// the nearest telling word before it on the same line: key, pk, private, secret, signer...
// make it a key; tx, hash, block, sha256, digest, commit... make it a hash. "public key" and
// "storage key" are not secrets either.

const QSet<QString> &ethKeyWords()
{
    static const QSet<QString> s = {
        QStringLiteral("key"),      QStringLiteral("keys"),       QStringLiteral("pk"),
        QStringLiteral("sk"),       QStringLiteral("priv"),       QStringLiteral("private"),
        QStringLiteral("privkey"),  QStringLiteral("privatekey"), QStringLiteral("secret"),
        QStringLiteral("signer"),   QStringLiteral("wallet"),     QStringLiteral("seed"),
        QStringLiteral("mnemonic"), QStringLiteral("deployer"),   QStringLiteral("signingkey"),
        QStringLiteral("account"),  QStringLiteral("accounts"),
    };
    return s;
}

const QSet<QString> &ethHashWords()
{
    static const QSet<QString> s = {
        QStringLiteral("tx"),           QStringLiteral("txn"),       QStringLiteral("txs"),
        QStringLiteral("txid"),         QStringLiteral("txhash"),    QStringLiteral("transaction"),
        QStringLiteral("transactions"), QStringLiteral("hash"),      QStringLiteral("hashes"),
        QStringLiteral("blockhash"),    QStringLiteral("block"),     QStringLiteral("blocks"),
        QStringLiteral("sha"),          QStringLiteral("sha1"),      QStringLiteral("sha256"),
        QStringLiteral("sha3"),         QStringLiteral("sha512"),    QStringLiteral("keccak"),
        QStringLiteral("keccak256"),    QStringLiteral("digest"),    QStringLiteral("commit"),
        QStringLiteral("checksum"),     QStringLiteral("root"),      QStringLiteral("merkle"),
        QStringLiteral("receipt"),      QStringLiteral("parent"),    QStringLiteral("topic"),
        QStringLiteral("topics"),       QStringLiteral("id"),        QStringLiteral("uuid"),
        QStringLiteral("nonce"),        QStringLiteral("salt"),      QStringLiteral("slot"),
        QStringLiteral("storage"),      QStringLiteral("data"),      QStringLiteral("calldata"),
        QStringLiteral("input"),        QStringLiteral("signature"), QStringLiteral("sig"),
        QStringLiteral("codehash"),     QStringLiteral("mixhash"),   QStringLiteral("trace"),
        QStringLiteral("span"),         QStringLiteral("request"),   QStringLiteral("blob"),
        QStringLiteral("etag"),         QStringLiteral("pubkey"),    QStringLiteral("public"),
        QStringLiteral("pub"),          QStringLiteral("address"),   QStringLiteral("addr"),
        QStringLiteral("image"),        QStringLiteral("layer"),     QStringLiteral("object"),
        QStringLiteral("fingerprint"),  QStringLiteral("leaf"),      QStringLiteral("proof"),
    };
    return s;
}

// Before "key", these say the key is an index, not a credential: "cache key", "storage key".
const QSet<QString> &harmlessKeyQualifiers()
{
    static const QSet<QString> s = {
        QStringLiteral("public"),    QStringLiteral("pub"),      QStringLiteral("storage"),
        QStringLiteral("slot"),      QStringLiteral("cache"),    QStringLiteral("idempotency"),
        QStringLiteral("partition"), QStringLiteral("primary"),  QStringLiteral("sort"),
        QStringLiteral("foreign"),   QStringLiteral("routing"),  QStringLiteral("hash"),
        QStringLiteral("map"),       QStringLiteral("lookup"),   QStringLiteral("dedup"),
        QStringLiteral("object"),    QStringLiteral("row"),      QStringLiteral("index"),
        QStringLiteral("cursor"),    QStringLiteral("page"),     QStringLiteral("unique"),
        QStringLiteral("bucket"),    QStringLiteral("redis"),    QStringLiteral("dedupe"),
        QStringLiteral("composite"), QStringLiteral("sharding"), QStringLiteral("shard"),
    };
    return s;
}

// +1: a key, -1: a hash, 0: no telling word among the nearest few. Before the value the nearest
// telling word decides, except that "hash of the key", "public key", "storage key" are not
// keys, and a key word that does not stand right before the value ("tx hash for key rotation
// 0x…") loses to a hash word further back. After the value ("0x… (deployer private key)") the
// first telling word decides.
int ethContextVerdict(const QStringList &words, bool before)
{
    static const QSet<QString> filler = {QStringLiteral("of"),   QStringLiteral("the"),
                                         QStringLiteral("for"),  QStringLiteral("a"),
                                         QStringLiteral("an"),   QStringLiteral("this"),
                                         QStringLiteral("that"), QStringLiteral("our")};
    const qsizetype n = words.size();
    const qsizetype window = std::min<qsizetype>(n, 6);
    for (qsizetype step = 0; step < window; ++step) {
        const qsizetype i = before ? n - 1 - step : step;
        const QString &w = words.at(i);
        if (ethHashWords().contains(w))
            return -1;
        if (!ethKeyWords().contains(w))
            continue;
        if (!before)
            return 1;
        qsizetype q = i - 1;
        while (q >= 0 && filler.contains(words.at(q)))
            --q;
        if (q >= 0 && (w == u"key" || w == u"keys") &&
            (harmlessKeyQualifiers().contains(words.at(q)) || ethHashWords().contains(words.at(q))))
            return -1;
        if (step > 0) {
            for (qsizetype k = n - window; k < i; ++k) {
                if (ethHashWords().contains(words.at(k)))
                    return -1;
            }
        }
        return 1;
    }
    return 0;
}

void scanEthereumKeys(const QString &text, Spans &out)
{
    static const QRegularExpression hex64 =
        rx(QStringLiteral(R"rx((?<![0-9A-Za-z_])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z_]))rx"));
    QRegularExpressionMatchIterator it =
        hex64.globalMatch(text, 0, QRegularExpression::NormalMatch,
                          QRegularExpression::DontCheckSubjectStringMatchOption);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype start = m.capturedStart(0);
        const qsizetype end = m.capturedEnd(0);
        qsizetype from = start;
        while (from > 0 && start - from < 80 && text[from - 1] != u'\n')
            --from;
        int verdict =
            ethContextVerdict(identifierWords(QStringView(text).mid(from, start - from)), true);
        if (verdict == 0) {
            // "0x… (deployer's private key)": a telling word right after it
            qsizetype to = end;
            while (to < text.size() && to - end < 40 && text[to] != u'\n')
                ++to;
            verdict =
                ethContextVerdict(identifierWords(QStringView(text).mid(end, to - end)), false);
        }
        if (verdict > 0 && (out.empty() || start >= out.back().end))
            out.push_back({start, end, QStringLiteral("ethereum-private-key"), {}});
    }
}

// ---------------------------------------------------------------------------------------------
// BIP-39 recovery phrases. A run of 12 to 24 list words whose checksum holds is one anywhere
// (a run of list words passes by chance one time in 16 to 256, prose almost never has 12 list
// words in a row); after a label (MNEMONIC=, seed phrase:, SEED_PHRASE=...) the whole run of at
// least 12 list words is one, checksum or not.

struct Word
{
    qsizetype start;
    qsizetype end;
    int index; // in the BIP-39 list, or -1
};

bool mnemonicLabelBefore(const QString &text, qsizetype pos)
{
    qsizetype i = pos;
    while (i > 0 && pos - i < 8 &&
           (text[i - 1] == u' ' || text[i - 1] == u'\t' || text[i - 1] == u'"' ||
            text[i - 1] == u'\'' || text[i - 1] == u'=' || text[i - 1] == u':' ||
            text[i - 1] == u'`'))
        --i;
    if (i == pos)
        return false;
    qsizetype from = i;
    while (from > 0 && i - from < 60 && text[from - 1] != u'\n')
        --from;
    const QStringList w = identifierWords(QStringView(text).mid(from, i - from));
    if (w.isEmpty())
        return false;
    const QString &last = w.last();
    const QString prev = w.size() > 1 ? w.at(w.size() - 2) : QString();
    if (last == u"mnemonic" || last == u"seed" || last == u"seedphrase" || last == u"mnemonics")
        return true;
    return (last == u"phrase" || last == u"words") &&
           (prev == u"seed" || prev == u"recovery" || prev == u"secret" || prev == u"backup" ||
            prev == u"mnemonic" || prev == u"wallet");
}

void scanMnemonics(const QString &text, Spans &out)
{
    const QString kind = QStringLiteral("bip39-mnemonic");
    std::vector<Word> run; // consecutive list words, apart only by spaces, commas, line breaks
    std::vector<int> idx;
    auto flush = [&] {
        const std::size_t len = run.size();
        if (len >= 12 && mnemonicLabelBefore(text, run.front().start)) {
            out.push_back({run.front().start, run.back().end, kind, {}});
        } else if (len >= 12) {
            // Every window whose checksum holds; overlapping ones are merged, so a list word
            // that happens to stand before the phrase cannot shift it and leave its tail.
            qsizetype from = -1;
            qsizetype to = -1;
            for (std::size_t k = 0; k + 12 <= len; ++k) {
                for (std::size_t n : {24u, 21u, 18u, 15u, 12u}) {
                    if (k + n > len)
                        continue;
                    idx.clear();
                    for (std::size_t q = k; q < k + n; ++q)
                        idx.push_back(run[q].index);
                    if (!bip39ChecksumValid(idx))
                        continue;
                    const qsizetype s = run[k].start;
                    const qsizetype e = run[k + n - 1].end;
                    if (from >= 0 && s > to) {
                        out.push_back({from, to, kind, {}});
                        from = -1;
                    }
                    if (from < 0)
                        from = s;
                    to = std::max(to, e);
                }
            }
            if (from >= 0)
                out.push_back({from, to, kind, {}});
        }
        run.clear();
    };

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c.isDigit() && (i == 0 || text[i - 1].isSpace())) {
            // a numbered list: "1. legal 2. winner …" or "1) legal"
            qsizetype j = i;
            while (j < n && j - i < 2 && text[j].isDigit())
                ++j;
            if (j < n && (text[j] == u'.' || text[j] == u')' || text[j] == u':'))
                ++j;
            if (j == n || text[j].isSpace()) {
                i = j;
                continue;
            }
        }
        if (!isAsciiLetter(c)) {
            if (!(c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u','))
                flush();
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isAsciiLetter(text[j]))
            ++j;
        const bool boundedBefore = i == 0 || !(isAsciiAlnum(text[i - 1]) || text[i - 1] == u'_');
        const bool boundedAfter = j == n || !(isAsciiAlnum(text[j]) || text[j] == u'_');
        const int index =
            boundedBefore && boundedAfter ? bip39WordIndex(QStringView(text).mid(i, j - i)) : -1;
        if (index < 0) {
            flush();
            while (j < n && (isAsciiAlnum(text[j]) || text[j] == u'_'))
                ++j;
        } else {
            run.push_back({i, j, index});
        }
        i = j;
    }
    flush();
}

// ---------------------------------------------------------------------------------------------

// Vendor tokens whose prefix and shape say what they are. Where the random part has a capture
// group, it must read as random too (mixed case, entropy), so a name or a slug with the same
// prefix stays.
struct VendorShape
{
    std::vector<const char *> triggers;
    const char *pattern;
    const char *kind;
    double entropy; // 0: the shape alone decides
};

void addVendorShapes(std::vector<Rule> &r)
{
    static const VendorShape shapes[] = {
        {{"-us"}, R"(\b[0-9a-f]{32}-us[0-9]{1,2}\b)", "mailchimp-key", 0},
        {{"sq0", "eaaa"},
         R"(\b(?:sq0atp-[0-9A-Za-z_-]{22,}|sq0csp-[0-9A-Za-z_-]{43,}|EAAA[0-9A-Za-z_-]{22,60})(?![0-9A-Za-z_-]))",
         "square-token",
         0},
        {{".atlasv1."},
         R"(\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-]))",
         "terraform-token",
         0},
        {{"nrak-", "nrii-", "nral"},
         R"((?:\bNR(?:AK-[A-Z0-9]{27}|II-[A-Za-z0-9_-]{32})|\b[a-f0-9]{36}NRAL)(?![A-Za-z0-9_-]))",
         "newrelic-key",
         0},
        {{"pmak-"}, R"(\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b)", "postman-key", 0},
        {{"pul-"}, R"(\bpul-[a-f0-9]{40}\b)", "pulumi-token", 0},
        {{"fo1_", "fm2_", "fm1a_", "fm1r_"},
         R"(\b(?:fo1_[A-Za-z0-9_-]{40,}|fm(?:2|1[ar])_[A-Za-z0-9+/]{64,}={0,3})(?![A-Za-z0-9_+/=-]))",
         "flyio-token",
         0},
        {{"secret_", "ntn_"},
         R"(\b(?:secret_([A-Za-z0-9]{43})|ntn_[0-9]{11}([A-Za-z0-9]{35}))\b)",
         "notion-token",
         3.5},
        {{"figd_"}, R"(\bfigd_[A-Za-z0-9_-]{38,}(?![A-Za-z0-9_-]))", "figma-token", 0},
        {{"rubygems_"}, R"(\brubygems_[a-f0-9]{48}\b)", "rubygems-key", 0},
        {{"sbp_", "sb_secret_"},
         R"(\b(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-]))",
         "supabase-key",
         0},
        {{"dt0c01."}, R"(\bdt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b)", "dynatrace-token", 0},
        {{"pscale_"}, R"(\bpscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,})", "planetscale-token", 0},
        {{"gsk_", "r8_", "pplx-", "xai-"},
         R"(\b(?:gsk_([A-Za-z0-9]{48,})|r8_([A-Za-z0-9]{37})|pplx-([A-Za-z0-9]{40,})|xai-([A-Za-z0-9]{60,}))(?![A-Za-z0-9]))",
         "ai-api-key",
         3.5},
        {{"v1.0-"}, R"(\bv1\.0-[a-f0-9]{24}-[a-f0-9]{146}\b)", "cloudflare-origin-ca-key", 0},
        {{"ltai"}, R"(\bLTAI([A-Za-z0-9]{20})\b)", "alibaba-access-key", 3.0},
        {{"sk.eyj"}, R"(\bsk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})", "mapbox-token", 0},
        {{"cfpat-"}, R"(\bCFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-]))", "contentful-token", 0},
        {{"gocspx-"}, R"(\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-]))", "google-client-secret", 0},
        {{"q~"},
         R"((?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~([A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-]))",
         "azure-client-secret",
         3.0},
        {{"tskey-"},
         R"(\btskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{20,}\b)",
         "tailscale-key",
         0},
        {{"bkua_"}, R"(\bbkua_[a-f0-9]{40}\b)", "buildkite-token", 0},
        {{"ccipat_"}, R"(\bCCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}\b)", "circleci-token", 0},
        {{"akcp", "cmvmdgtuo"},
         R"(\b(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuO[A-Za-z0-9]{55})\b)",
         "jfrog-token",
         0},
        {{"squ_", "sqp_", "sqa_"}, R"(\bsq[upa]_[a-f0-9]{40}\b)", "sonarqube-token", 0},
        {{"access_token$"},
         R"(\baccess_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}\b)",
         "braintree-token",
         0},
        {{"access-"},
         R"(\baccess-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\b)",
         "plaid-token",
         0},
        {{"aaaa"},
         R"(\bAAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140,}(?![A-Za-z0-9_-]))",
         "firebase-server-key",
         0},
        {{"sgp_"},
         R"(\bsgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}\b)",
         "sourcegraph-token",
         0},
        {{"nfp_", "rnd_", "pnu_", "ddp_", "ddw_"},
         R"(\b(?:nfp_([A-Za-z0-9]{36})|rnd_([A-Za-z0-9]{32})|pnu_([A-Za-z0-9]{36})|dd[pw]_([A-Za-z0-9]{36}))\b)",
         "platform-token",
         3.0},
        {{"rdme_"}, R"(\brdme_[a-z0-9]{70}\b)", "readme-key", 0},
        {{"tfp_"}, R"(\btfp_[A-Za-z0-9_.=-]{59}(?![A-Za-z0-9_.=-]))", "typeform-token", 0},
        {{"ico-"}, R"(\bico-([A-Za-z0-9]{32})\b)", "infracost-key", 3.0},
        {{"duffel_"},
         R"(\bduffel_(?:test|live)_[A-Za-z0-9_=-]{43}(?![A-Za-z0-9_=-]))",
         "duffel-token",
         0},
        {{"shippo_"}, R"(\bshippo_(?:live|test)_[a-f0-9]{40}\b)", "shippo-token", 0},
        {{"flwseck"}, R"(\bFLWSECK(?:_TEST)?-[a-h0-9]{32}-X\b)", "flutterwave-key", 0},
        {{"ezak", "eztk"}, R"(\bEZ[AT]K[A-Za-z0-9]{54}\b)", "easypost-key", 0},
        {{"ops_eyj"}, R"(\bops_eyJ[A-Za-z0-9+/=_-]{100,})", "1password-token", 0},
        {{"pat."},
         R"(\bpat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}\b)",
         "harness-token",
         0},
        {{"clojars_"}, R"(\bCLOJARS_[a-z0-9]{60}\b)", "clojars-token", 0},
        {{"tk-us-"}, R"(\btk-us-[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-]))", "scalingo-token", 0},
        // OpenAI-compatible services (DeepSeek and others) hand out "sk-" and 32 hex digits.
        {{"sk-"}, R"(\bsk-[a-f0-9]{32}\b)", "ai-api-key", 0},
        {{"api_org_"}, R"(\bapi_org_([A-Za-z]{34})\b)", "huggingface-token", 3.5},
        {{"lsv2_"}, R"(\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b)", "langsmith-key", 0},
        // Discord bot tokens: the bot's id in base64, a timestamp, an HMAC. Digits in the id and
        // the HMAC tell them from a class name such as Outer.Helper.LongMethodName.
        {{"."},
         R"((?<![A-Za-z0-9_.-])[MNO](?=[A-Za-z_-]{0,24}[0-9])[A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.((?=[A-Za-z_-]{0,37}[0-9])[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-]))",
         "discord-bot-token",
         3.0},
        {{"eyj"}, R"(\beyJrIjoi[A-Za-z0-9]{70,400}={0,3}(?![A-Za-z0-9=]))", "grafana-token", 0},
        {{"atbb"}, R"(\bATBB([A-Za-z0-9_=.-]{32,})(?![A-Za-z0-9_=.-]))", "atlassian-token", 3.5},
        {{"absk"}, R"(\bABSK[A-Za-z0-9+/]{109,269}={0,2}(?![A-Za-z0-9+/=]))", "aws-bedrock-key", 0},
        {{"a3-"},
         R"(\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b)",
         "1password-secret-key",
         0},
        {{"p8e-"}, R"(\bp8e-[A-Za-z0-9]{32}\b)", "adobe-client-secret", 0},
        {{"pat"}, R"(\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b)", "airtable-token", 0},
        {{"4b1d"}, R"(\b4b1d([A-Za-z0-9]{38})\b)", "clickhouse-key", 3.5},
        {{"eaa"}, R"(\bEAA[MC][A-Za-z0-9]{100,}\b)", "facebook-token", 0},
        {{"fio-u-"}, R"(\bfio-u-[A-Za-z0-9_=-]{64}(?![A-Za-z0-9_=-]))", "frameio-token", 0},
        {{"s4t2"}, R"(\bs-s4t2(?:ud|af)-[a-f0-9]{64}\b)", "intra42-secret", 0},
        {{"_mmk"}, R"(\b[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk\b)", "maxmind-key", 0},
        {{"api-"}, R"(\bAPI-(?=[A-Z]*[0-9])[A-Z0-9]{26}\b)", "octopus-key", 0},
        {{"sha256~"},
         R"((?<![A-Za-z0-9_-])sha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-]))",
         "openshift-token",
         0},
        {{"xkeysib-", "xsmtpsib-"},
         R"(\bx(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}\b)",
         "brevo-key",
         0},
        {{"sm_"}, R"(\bsm_(?:aat|pat|sat)_[A-Za-z0-9]{16}\b)", "settlemint-token", 0},
        // Twitter/X app-only bearer tokens start with 22 A's.
        {{"aaaa"},
         R"((?<![A-Za-z0-9%])A{22}([A-Za-z0-9%]{80,100})(?![A-Za-z0-9%]))",
         "twitter-bearer-token",
         3.5},
        {{"sl."}, R"(\bsl\.(?:u\.)?([A-Za-z0-9_-]{130,})(?![A-Za-z0-9_-]))", "dropbox-token", 3.5},
        // Tencent Cloud's SecretId, the counterpart of AWS's key id.
        {{"akid"}, R"(\bAKID([A-Za-z0-9]{32})\b)", "tencent-secret-id", 3.5},
        // Microsoft's common annotated key format (Azure DevOps, storage, Cosmos...): 84
        // characters with the signature JQQJ9 at 52.
        {{"jqqj9"}, R"(\b[A-Za-z0-9]{52}JQQJ9[A-Za-z0-9]{27}\b)", "azure-key", 0},
    };
    for (const VendorShape &v : shapes) {
        const QString kind = QString::fromLatin1(v.kind);
        const double minEntropy = v.entropy;
        r.push_back(regexRule(
            v.triggers, rx(QString::fromLatin1(v.pattern)),
            [kind, minEntropy](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                if (isNotASecret(m.capturedView(0)))
                    return;
                if (minEntropy > 0) {
                    int g = 1;
                    while (g <= m.lastCapturedIndex() && m.capturedStart(g) < 0)
                        ++g;
                    if (g > m.lastCapturedIndex() ||
                        !mixedCaseRandom(m.capturedView(g), minEntropy))
                        return;
                }
                p.spans.push_back({m.capturedStart(0), m.capturedEnd(0), kind, {}});
            }));
    }
}

// Cookies carry sessions: "Cookie: a=1; session=…", "Set-Cookie: session=…; Path=/", curl's
// -b / --cookie. Every value of eight characters or more goes (short ones such as theme=dark
// say nothing); Set-Cookie's attributes after its first pair stay.
Rule cookieRule()
{
    return regexRule(
        {"cookie", "-b "},
        rx(QStringLiteral(
               R"rx((?:\b(set-)?cookie["']?[ \t]*:[ \t]*["']?|(?<!\S)(?:-b|--cookie)\s+["']?))rx"),
           true),
        [](const QString &text, const QRegularExpressionMatch &m, Pick &p) {
            const bool setCookie = m.capturedStart(1) >= 0;
            qsizetype i = m.capturedEnd(0);
            const qsizetype n = text.size();
            const auto stop = [&](qsizetype k) {
                const QChar c = text[k];
                return c == u';' || c == u',' || c == u'"' || c == u'\'' || c.isSpace();
            };
            for (;;) {
                const qsizetype nameStart = i;
                while (i < n && text[i] != u'=' && !stop(i))
                    ++i;
                if (i >= n || text[i] != u'=' || i == nameStart)
                    break;
                const qsizetype valueStart = ++i;
                while (i < n && !stop(i))
                    ++i;
                const QStringView value = QStringView(text).mid(valueStart, i - valueStart);
                if (value.size() >= 8 && !isNotASecret(value))
                    p.spans.push_back({valueStart, i, QStringLiteral("cookie"), {}});
                if (setCookie || i >= n || text[i] != u';')
                    break;
                ++i;
                while (i < n && text[i] == u' ')
                    ++i;
            }
            p.resume = std::max(i, m.capturedEnd(0));
        });
}

// Secrets that command lines, .netrc files and signed URLs carry in places of their own.
void addCommandLineRules(std::vector<Rule> &r)
{
    // Passwords given by flags of their own: redis-cli -a, sshpass -p, docker login -p.
    r.push_back(regexRule(
        {"redis-cli", "sshpass", "docker"},
        rx(QStringLiteral(
            R"rx((?<![A-Za-z0-9_-])(?:redis-cli\b[^\n]{0,200}?\s-a|sshpass\s+-p|docker\s+login\b[^\n]{0,200}?\s-p)[ \t]*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s"'-][^\s]*)))rx")),
        groups(QStringLiteral("cli-secret"), {1, 2, 3})));
    // Oracle's user/password@database: JDBC thin URLs, sqlplus and the dump tools.
    r.push_back(regexRule(
        {"oracle", "sqlplus", "sqlldr", "expdp", "impdp"},
        rx(QStringLiteral(
               R"rx((?<![A-Za-z0-9_])(?:jdbc:oracle:[a-z]+:|(?:sqlplus|sqlldr|expdp|impdp)\s+(?:-[A-Za-z]+\s+)*)[A-Za-z0-9_$#.]+/([^@\s/"']+)@)rx"),
           true),
        groups(QStringLiteral("cli-secret"), {1})));
    // .netrc: "machine HOST login USER password SECRET", on one line or several.
    r.push_back(regexRule(
        {"login"}, rx(QStringLiteral(R"rx((?<![A-Za-z0-9_-])login\s+\S+\s+password[ \t]+(\S+))rx")),
        groups(QStringLiteral("netrc-password"), {1})));
    // Signed URLs grant access until they expire: S3 and GCS presigned URLs, CloudFront and
    // the older query-string signatures.
    r.push_back(regexRule(
        {"signature="},
        rx(QStringLiteral(
               R"rx([?&](?:X-Amz-Signature|X-Goog-Signature|Signature)=([^&\s#"'<>]{16,}))rx"),
           true),
        groups(QStringLiteral("url-signature"), {1})));
}

void addXmlRule(std::vector<Rule> &r, const std::vector<const char *> &nameTriggers)
{
    // XML: <password>…</password> (Maven's settings.xml) and <add key="…Password" value="…"/>
    // (NuGet.config, .NET appSettings).
    r.push_back(regexRule(
        nameTriggers,
        rx(withNames(
               uR"rx(<([A-Za-z0-9_.:-]*?NAMEEND)>([^<>\n]+)</\1>|<add\s+key\s*=\s*"([A-Za-z0-9_.:-]*?NAMEEND)"\s+value\s*=\s*"([^"\n]*)")rx"),
           true),
        [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
            const int nameGroup = m.capturedStart(1) >= 0 ? 1 : 3;
            const int valueGroup = nameGroup + 1;
            const NameClass cls = classifyName(m.capturedView(nameGroup), Syntax::Json);
            if (!valueIsSecret(cls, m.capturedView(valueGroup)))
                return;
            p.spans.push_back({m.capturedStart(valueGroup),
                               m.capturedEnd(valueGroup),
                               QStringLiteral("xml-secret"),
                               {}});
        }));
}

const std::vector<Rule> &rules()
{
    static const std::vector<Rule> all = [] {
        std::vector<Rule> r;

        // Whole blocks first, so their lines are not picked apart by the narrower rules below.
        r.push_back(regexRule(
            {"-----begin"},
            rx(QStringLiteral(
                R"rx((-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)([\s\S]*?)(-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\z))rx")),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                if (m.capturedView(2).trimmed().startsWith(u"[REDACTED"))
                    return;
                const bool hasEnd = m.capturedLength(3) > 0;
                p.spans.push_back({m.capturedStart(2), m.capturedEnd(2),
                                   QStringLiteral("private-key"),
                                   QLatin1Char('\n') + Redactor::placeholder() +
                                       (hasEnd ? QStringLiteral("\n") : QString())});
            }));

        // Recovery phrases before the assignments, which would take only their first word.
        r.push_back({{kTwelveWords}, scanMnemonics});

        r.push_back(regexRule(
            {"://"},
            rx(QStringLiteral(
                R"rx(\b([A-Za-z][A-Za-z0-9+.-]{1,30}://)([^\s:/?#@\[\]"'<>]*):([^\s/?#"'<>]+)@)rx")),
            groups(QStringLiteral("uri-password"), {3})));
        r.push_back(regexRule(
            {"hooks.slack.com"},
            rx(QStringLiteral(
                R"rx(\bhooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9/_-]{8,}))rx")),
            groups(QStringLiteral("slack-webhook"), {1})));
        r.push_back(regexRule(
            {"discord"},
            rx(QStringLiteral(
                   R"rx(\bdiscord(?:app)?\.com/api/webhooks/([0-9]{5,25}/[A-Za-z0-9_-]{20,}))rx"),
               true),
            groups(QStringLiteral("discord-webhook"), {1})));
        r.push_back(regexRule(
            {"webhookb2"},
            rx(QStringLiteral(R"rx(\bwebhook\.office\.com/webhookb2/([A-Za-z0-9@/_.-]{20,}))rx"),
               true),
            groups(QStringLiteral("teams-webhook"), {1})));
        // Okta's API tokens go in an "Authorization: SSWS …" header.
        r.push_back(regexRule({"ssws"}, rx(QStringLiteral(R"rx(\bSSWS\s+([A-Za-z0-9_-]{30,}))rx")),
                              groups(QStringLiteral("okta-token"), {1})));
        // Web3 node providers put the project key in the RPC URL itself.
        r.push_back(regexRule(
            {"infura.io", "alchemy", "quiknode.pro", "ankr.com"},
            rx(QStringLiteral(
                   R"rx(\b(?:infura\.io/(?:v3|ws/v3)|alchemy(?:api)?\.(?:com|io)/v2|quiknode\.pro|rpc\.ankr\.com/[a-z0-9_]+)/([A-Za-z0-9_-]{16,}))rx"),
               true),
            groups(QStringLiteral("rpc-url-key"), {1})));
        r.push_back(
            regexRule({"eyj"},
                      rx(QStringLiteral(
                          R"rx(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)rx")),
                      groups(QStringLiteral("jwt"))));
        r.push_back(regexRule(
            {"authorization"},
            rx(QStringLiteral(
                   R"rx(\bauthorization["']?\s*[:=]\s*["']?(bearer|token|basic|digest|bot|apikey|sso-key)\s+([^\s"',;]{6,}))rx"),
               true),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                if (isNotASecret(m.capturedView(2)))
                    return;
                const QString scheme = m.captured(1).toLower();
                p.spans.push_back({m.capturedStart(2),
                                   m.capturedEnd(2),
                                   scheme == u"basic"    ? QStringLiteral("basic-auth")
                                   : scheme == u"bearer" ? QStringLiteral("bearer-token")
                                                         : QStringLiteral("authorization-header"),
                                   {}});
            }));
        r.push_back(regexRule(
            {"bearer"},
            rx(QStringLiteral(
                   R"rx(\bbearer\s+((?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{16,}=*))rx"),
               true),
            groups(QStringLiteral("bearer-token"), {1})));

        // AWS: a secret written just before its key id, the key id with a secret after it (on
        // the same or the next line), or the secret under its name, however that is spelled. A
        // 40-hex commit next to a key id is no secret: AWS secrets mix upper and lower case.
        r.push_back(regexRule(
            {"akia", "asia", "abia", "acca", "a3t"},
            rx(QStringLiteral(
                R"rx((?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])[\s\S]{0,120}?\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b)rx")),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                if (mixedCaseRandom(m.capturedView(1), 3.5))
                    p.spans.push_back({m.capturedStart(1),
                                       m.capturedEnd(1),
                                       QStringLiteral("aws-secret-key"),
                                       {}});
                p.resume = m.capturedEnd(1);
            }));
        r.push_back(regexRule(
            {"akia", "asia", "abia", "acca", "a3t"},
            rx(QStringLiteral(
                R"rx(\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})\b(?:[\s\S]{0,120}?(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=]))?)rx")),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                p.spans.push_back(
                    {m.capturedStart(1), m.capturedEnd(1), QStringLiteral("aws-access-key"), {}});
                p.resume = m.capturedEnd(1);
                if (m.capturedStart(2) < 0 || !mixedCaseRandom(m.capturedView(2), 3.5))
                    return;
                p.spans.push_back(
                    {m.capturedStart(2), m.capturedEnd(2), QStringLiteral("aws-secret-key"), {}});
                p.resume = m.capturedEnd(2);
            }));
        r.push_back(regexRule(
            {"secret"},
            rx(QStringLiteral(
                   R"rx((?<![A-Za-z0-9])(?:aws[\s_-]*)?secret[\s_-]*(?:access[\s_-]*)?key["']?\s*[:=]?\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=]))rx"),
               true),
            groups(QStringLiteral("aws-secret-key"), {1})));

        // Vendor tokens, recognised by their prefixes.
        // Wallet keys: BIP-32 extended private keys and wallet-import-format keys (checked by
        // their checksum, so addresses and other base58 text stay).
        r.push_back(regexRule(
            {"prv"},
            rx(QStringLiteral(
                R"rx((?<![1-9A-HJ-NP-Za-km-z])[xtyzuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{100,112}(?![1-9A-HJ-NP-Za-km-z]))rx")),
            groups(QStringLiteral("bip32-private-key"))));
        r.push_back(regexRule(
            {},
            rx(QStringLiteral(
                R"rx((?<![1-9A-HJ-NP-Za-km-z])[59KLc][1-9A-HJ-NP-Za-km-z]{50,51}(?![1-9A-HJ-NP-Za-km-z]))rx")),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                if (isWifKey(m.capturedView(0)))
                    p.spans.push_back({m.capturedStart(0),
                                       m.capturedEnd(0),
                                       QStringLiteral("wif-private-key"),
                                       {}});
            }));
        // A Solana keypair file (id.json, what `solana-keygen` writes): a JSON array of the 64
        // bytes of the secret and public key. Random bytes rarely repeat; a histogram or a list of
        // small counts of the same length does, so few distinct values mean no key.
        r.push_back(regexRule(
            {"["}, rx(QStringLiteral(R"rx(\[\s*((?:[0-9]{1,3}\s*,\s*){63}[0-9]{1,3})\s*\])rx")),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                std::array<bool, 256> seen{};
                int distinct = 0;
                for (const QStringView part : m.capturedView(1).split(u',')) {
                    bool ok = false;
                    const int byte = part.trimmed().toInt(&ok);
                    if (!ok || byte > 255)
                        return;
                    distinct += !std::exchange(seen[std::size_t(byte)], true);
                }
                if (distinct >= 40)
                    p.spans.push_back({m.capturedStart(1),
                                       m.capturedEnd(1),
                                       QStringLiteral("solana-keypair"),
                                       {}});
            }));
        r.push_back(
            regexRule({"age-secret-key-"},
                      rx(QStringLiteral(R"rx(\bAGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}\b)rx"), true),
                      groups(QStringLiteral("age-secret-key"))));
        r.push_back(regexRule(
            {"hv"}, rx(QStringLiteral(R"rx(\bhv[sbr]\.[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-]))rx")),
            groups(QStringLiteral("vault-token"))));
        r.push_back(regexRule({"shp"},
                              rx(QStringLiteral(R"rx(\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b)rx")),
                              groups(QStringLiteral("shopify-token"))));
        r.push_back(regexRule(
            {"dckr_"}, rx(QStringLiteral(R"rx(\bdckr_pat_[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-]))rx")),
            groups(QStringLiteral("docker-token"))));
        r.push_back(regexRule(
            {"gl"},
            rx(QStringLiteral(
                R"rx(\b(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b|glc_[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/=])))rx")),
            groups(QStringLiteral("grafana-token"))));
        r.push_back(regexRule({"_v1_"}, rx(QStringLiteral(R"rx(\bdo[opr]_v1_[a-f0-9]{64}\b)rx")),
                              groups(QStringLiteral("digitalocean-token"))));
        r.push_back(regexRule(
            {"pypi-"}, rx(QStringLiteral(R"rx(\bpypi-AgE[A-Za-z0-9_-]{60,}(?![A-Za-z0-9_-]))rx")),
            groups(QStringLiteral("pypi-token"))));
        r.push_back(regexRule(
            {"sntry"},
            rx(QStringLiteral(R"rx(\bsntry[su]_[A-Za-z0-9+/=_-]{30,}(?![A-Za-z0-9+/=_-]))rx")),
            groups(QStringLiteral("sentry-token"))));
        r.push_back(regexRule({"dapi"},
                              rx(QStringLiteral(R"rx(\bdapi[a-f0-9]{32}(?:-[0-9])?\b)rx")),
                              groups(QStringLiteral("databricks-token"))));
        r.push_back(regexRule({"lin_api_"},
                              rx(QStringLiteral(R"rx(\blin_api_[A-Za-z0-9]{40}\b)rx")),
                              groups(QStringLiteral("linear-key"))));
        r.push_back(regexRule(
            {"dp."},
            rx(QStringLiteral(R"rx(\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b)rx")),
            groups(QStringLiteral("doppler-token"))));
        r.push_back(regexRule(
            {"atatt3"}, rx(QStringLiteral(R"rx(\bATATT3[A-Za-z0-9_=-]{100,}(?![A-Za-z0-9_=-]))rx")),
            groups(QStringLiteral("atlassian-token"))));
        r.push_back(regexRule(
            {"ya29."}, rx(QStringLiteral(R"rx(\bya29\.[0-9A-Za-z_-]{30,}(?![0-9A-Za-z_-]))rx")),
            groups(QStringLiteral("google-oauth-token"))));
        addVendorShapes(r);
        r.push_back(cookieRule());
        // Mailgun's older private keys: "key-" and 32 lowercase letters and digits.
        // (Hex ones always; others when they read as random rather than as a slug of words.)
        r.push_back(regexRule(
            {"key-"}, rx(QStringLiteral(R"rx(\bkey-([0-9a-z]{32})\b)rx")),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                const QStringView v = m.capturedView(1);
                const bool hex = std::all_of(v.begin(), v.end(), [](QChar c) {
                    return c.isDigit() || (c >= u'a' && c <= u'f');
                });
                const bool digits =
                    std::any_of(v.begin(), v.end(), [](QChar c) { return c.isDigit(); });
                if (hex || (digits && entropy(v) >= 3.5))
                    p.spans.push_back(
                        {m.capturedStart(0), m.capturedEnd(0), QStringLiteral("mailgun-key"), {}});
            }));
        r.push_back(regexRule(
            {"hrku-"}, rx(QStringLiteral(R"rx(\bHRKU-[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-]))rx")),
            groups(QStringLiteral("heroku-key"))));
        r.push_back(regexRule(
            {"xox"}, rx(QStringLiteral(R"rx(\bxox[a-z](?:\.xox[a-z])?-[A-Za-z0-9-]{10,})rx")),
            groups(QStringLiteral("slack-token"))));
        r.push_back(regexRule({"xapp-"},
                              rx(QStringLiteral(R"rx(\bxapp-[0-9]+-[A-Za-z0-9-]{10,})rx")),
                              groups(QStringLiteral("slack-token"))));
        r.push_back(regexRule(
            {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
            rx(QStringLiteral(
                R"rx(\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b)rx")),
            groups(QStringLiteral("github-token"))));
        r.push_back(regexRule(
            {"gl", "gr1348941"},
            rx(QStringLiteral(
                R"rx(\b(?:gl(?:pat|dt|rt|ptt|cbt|imt|ft|soat|agent|ffct|oas)-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{9})?|GR1348941[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_.-]))rx")),
            groups(QStringLiteral("gitlab-token"))));
        r.push_back(regexRule(
            {"k_live_", "k_test_", "whsec_"},
            rx(QStringLiteral(
                R"rx(\b(?:[rs]k_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,})\b)rx")),
            groups(QStringLiteral("stripe-key"))));
        r.push_back(regexRule({"aiza"},
                              rx(QStringLiteral(R"rx(\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-]))rx")),
                              groups(QStringLiteral("google-api-key"))));
        r.push_back(regexRule({"npm_"},
                              rx(QStringLiteral(R"rx(\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9]))rx")),
                              groups(QStringLiteral("npm-token"))));
        r.push_back(regexRule(
            {"sg."},
            rx(QStringLiteral(R"rx(\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}\b)rx")),
            groups(QStringLiteral("sendgrid-key"))));
        r.push_back(regexRule(
            {"sk-"},
            rx(QStringLiteral(
                R"rx(\bsk-(?:proj-|ant-[a-z0-9]+-)?([A-Za-z0-9_-]{32,})(?![A-Za-z0-9_-]))rx")),
            randomGroup(QStringLiteral("ai-api-key"), 1, 4.0)));
        r.push_back(regexRule({"hf_"},
                              rx(QStringLiteral(R"rx(\bhf_([A-Za-z0-9]{30,})(?![A-Za-z0-9]))rx")),
                              randomGroup(QStringLiteral("huggingface-token"), 1, 3.5)));
        // Twilio: the account SID (AC…) is an id; API keys (SK…) and auth tokens are secrets.
        r.push_back(regexRule({"sk"}, rx(QStringLiteral(R"rx(\bSK[0-9a-fA-F]{32}\b)rx")),
                              groups(QStringLiteral("twilio-api-key"))));
        r.push_back(regexRule(
            {"twilio", "auth"},
            rx(QStringLiteral(
                   R"rx((?<![A-Za-z0-9])(?:twilio|auth[\s_-]*token)(?![A-Za-z0-9])[^\n]{0,60}?(?<![0-9A-Za-z-])([0-9a-f]{32})(?![0-9A-Za-z-]))rx"),
               true),
            [](const QString &text, const QRegularExpressionMatch &m, Pick &p) {
                // not a trace or request id that happens to share the line
                const qsizetype s = m.capturedStart(1);
                const qsizetype from = std::max(m.capturedStart(0), s - 24);
                const QStringList before = identifierWords(QStringView(text).mid(from, s - from));
                static const QSet<QString> ids = {
                    QStringLiteral("trace"),       QStringLiteral("span"),
                    QStringLiteral("request"),     QStringLiteral("correlation"),
                    QStringLiteral("sid"),         QStringLiteral("id"),
                    QStringLiteral("traceparent"), QStringLiteral("message")};
                for (const QString &w : before) {
                    if (ids.contains(w)) {
                        p.resume = m.capturedEnd(1);
                        return;
                    }
                }
                p.spans.push_back({s, m.capturedEnd(1), QStringLiteral("twilio-auth-token"), {}});
            }));
        // Telegram bot tokens: the bot's numeric id, a colon, 35 random characters.
        r.push_back(regexRule(
            {":"},
            rx(QStringLiteral(
                R"rx((?:(?<![0-9A-Za-z])|(?<=bot))[0-9]{8,10}:([A-Za-z0-9_-]{35})(?![A-Za-z0-9_-]))rx")),
            randomGroup(QStringLiteral("telegram-bot-token"), 1, 3.0)));
        // Azure storage and service-bus connection strings and SAS URLs.
        r.push_back(regexRule(
            {"accountkey", "sharedaccesskey"},
            rx(QStringLiteral(
                   R"rx((?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey)\s*=\s*([A-Za-z0-9+/]{16,}={0,2}))rx"),
               true),
            groups(QStringLiteral("azure-key"), {1})));
        r.push_back(regexRule(
            {"sharedaccesssignature"},
            rx(QStringLiteral(R"rx((?<![A-Za-z0-9])SharedAccessSignature\s*=\s*([^;\s"'<>]+))rx"),
               true),
            groups(QStringLiteral("azure-sas"), {1})));
        r.push_back(regexRule(
            {"sig="}, rx(QStringLiteral(R"rx((?<![A-Za-z0-9_])sig=([A-Za-z0-9%+/=_-]{16,}))rx")),
            groups(QStringLiteral("azure-sas"), {1})));
        // mysql -pSECRET (the password glued to -p; "-p db" asks for it and names a database)
        r.push_back(regexRule(
            {"mysql", "mariadb"},
            rx(QStringLiteral(
                R"rx((?<![A-Za-z0-9_-])(?:mysql|mysqldump|mysqladmin|mysqlsh|mariadb|mariadb-dump)(?![A-Za-z0-9_-])[^\n]{0,300}?\s-p(?:"([^"\n]+)"|'([^'\n]+)'|([^\s"'][^\s]*)))rx")),
            groups(QStringLiteral("cli-secret"), {1, 2, 3})));
        // curl -u user:password
        r.push_back(regexRule(
            {"curl"},
            rx(QStringLiteral(
                R"rx(\bcurl\b[^\n]{0,300}?\s(?:-u|--user)[ \t]+["']?[^\s:"']+:([^\s"']+))rx")),
            groups(QStringLiteral("cli-secret"), {1})));
        addCommandLineRules(r);

        r.push_back({{kHex64}, scanEthereumKeys});

        // Assignments whose name calls for a secret: JSON/Python "name": "value", env and
        // query name=value, --name value, YAML and header name: value.
        const std::vector<const char *> nameTriggers = {
            "pass",  "pwd",      "secret", "token", "key", "auth", "credential",
            "creds", "mnemonic", "phrase", "pk",    "sk",  "data"};
        r.push_back(regexRule(
            nameTriggers,
            rx(withNames(
                   uR"rx("([A-Za-z0-9_.-]*?NAMEEND)"\s*:\s*"((?:[^"\\\n]|\\.)*)"|'([A-Za-z0-9_.-]*?NAMEEND)'\s*:\s*'([^'\n]*)')rx"),
               true),
            [](const QString &, const QRegularExpressionMatch &m, Pick &p) {
                const int nameGroup = m.capturedStart(1) >= 0 ? 1 : 3;
                const int valueGroup = nameGroup + 1;
                const NameClass cls = classifyName(m.capturedView(nameGroup), Syntax::Json);
                if (!valueIsSecret(cls, m.capturedView(valueGroup)))
                    return;
                p.spans.push_back({m.capturedStart(valueGroup),
                                   m.capturedEnd(valueGroup),
                                   QStringLiteral("json-secret"),
                                   {}});
            }));
        addXmlRule(r, nameTriggers);
        r.push_back(regexRule(
            nameTriggers,
            rx(withNames(
                   uR"rx((?<![A-Za-z0-9_.-])-{0,2}([A-Za-z0-9_.-]*?NAMEEND)["']?[ \t]*=(?![=>])[ \t]*)rx"),
               true),
            assignment(QStringLiteral("key-value-secret"), Syntax::Assign)));
        r.push_back(regexRule(
            nameTriggers,
            rx(withNames(uR"rx((?<![A-Za-z0-9_-])--?([A-Za-z0-9-]*?NAMEEND)[ \t]+)rx"), true),
            assignment(QStringLiteral("cli-secret"), Syntax::Cli)));
        r.push_back(regexRule(
            nameTriggers,
            rx(withNames(
                   uR"rx((?<![A-Za-z0-9_.-])["']?([A-Za-z0-9_.-]*?NAMEEND)["']?[ \t]*:(?![/:])[ \t]*)rx"),
               true),
            assignment(QStringLiteral("yaml-secret"), Syntax::Colon)));
        // Told in a sentence: "the db password is hunter2", "the API key for stripe was set to
        // …", "password of svc-orders is: …". A bare value counts only when it cannot be a word
        // of the sentence: "is incorrect", "is 8+ chars", "is in 1Password" and links stay.
        r.push_back(regexRule(
            {"pass", "pwd", "secret", "token", "key"},
            rx(QStringLiteral(
                   R"rx(\b(?:pass(?:word|wd|phrase)|pwd|(?:client|shared|app|api)[ _-]?secret|(?:api|access|auth|bearer|bot)[ _-]?(?:key|token))(?:[ \t]+(?:for|of|on|to)(?:[ \t]+[^\s]{1,64}){1,3}?)?[ \t]+(?:is|was):?(?:[ \t]+(?:now|still|set|changed|reset|rotated|updated)(?:[ \t]+to)?)?[ \t]+)rx"),
               true),
            [](const QString &text, const QRegularExpressionMatch &m, Pick &p) {
                const Value v = valueAt(text, m.capturedEnd(0));
                if (v.start < 0)
                    return;
                qsizetype end = v.end;
                if (v.bare) {
                    while (end > v.start && QStringView(u".,;)").contains(text[end - 1]))
                        --end;
                }
                const QStringView value = QStringView(text).mid(v.start, end - v.start);
                if (isNotASecret(value))
                    return;
                if (v.bare) {
                    const bool digits = std::all_of(value.begin(), value.end(),
                                                    [](QChar c) { return c.isDigit(); });
                    if (value.size() < 5 || (digits && value.size() < 6) || isPlainWord(value) ||
                        value.contains(u"://"))
                        return;
                }
                p.spans.push_back({v.start, end, QStringLiteral("prose-secret"), {}});
                p.resume = std::max(end, m.capturedEnd(0));
            }));
        return r;
    }();
    return all;
}

// One bit per trigger word, in two 128-bit halves (GCC and Clang both have 128-bit integers).
struct TriggerBits
{
    __extension__ using Half = unsigned __int128;
    std::array<Half, 2> half{};

    static TriggerBits bit(std::size_t id)
    {
        TriggerBits b;
        b.half[id / 128] = Half(1) << (id % 128);
        return b;
    }
    TriggerBits &operator|=(const TriggerBits &o)
    {
        half[0] |= o.half[0];
        half[1] |= o.half[1];
        return *this;
    }
    bool intersects(const TriggerBits &o) const
    {
        return (half[0] & o.half[0]) != 0 || (half[1] & o.half[1]) != 0;
    }
    bool any() const { return half[0] != 0 || half[1] != 0; }
};

// Every trigger of every rule (at most 256, one bit each), and for each rule the bits that start
// it; a rule without triggers has no bits and always runs.
struct TriggerTable
{
    std::vector<QLatin1String> words;
    // Trigger bits by their first two characters (lowercase ASCII), flattened: the ids of pair
    // c0 * 128 + c1 are pairIds[pairStart[pair] .. pairStart[pair + 1]). Most characters of
    // a text start no trigger pair at all, and the rest only one or two.
    std::vector<std::uint16_t> pairStart;
    std::vector<std::uint8_t> pairIds;
    std::array<TriggerBits, 128> single{}; // the triggers of one character
    std::vector<TriggerBits> ruleMasks;
    TriggerBits hex64Bit;
    TriggerBits twelveWordsBit;
};

const TriggerTable &triggerTable()
{
    static const TriggerTable t = [] {
        TriggerTable table;
        std::vector<std::vector<std::uint8_t>> byPair(128 * 128);
        for (const Rule &rule : rules()) {
            TriggerBits mask;
            for (const char *w : rule.triggers) {
                const QLatin1String word(w);
                auto it = std::find(table.words.begin(), table.words.end(), word);
                if (it == table.words.end()) {
                    table.words.push_back(word);
                    it = table.words.end() - 1;
                    const int id = int(it - table.words.begin());
                    if (word == QLatin1String(kHex64))
                        table.hex64Bit = TriggerBits::bit(std::size_t(id));
                    else if (word == QLatin1String(kTwelveWords))
                        table.twelveWordsBit = TriggerBits::bit(std::size_t(id));
                    else if (word.size() == 1)
                        table.single[std::size_t(static_cast<unsigned char>(w[0]))] |=
                            TriggerBits::bit(std::size_t(id));
                    else
                        byPair[std::size_t(static_cast<unsigned char>(w[0])) * 128 +
                               std::size_t(static_cast<unsigned char>(w[1]))]
                            .push_back(std::uint8_t(id));
                }
                mask |= TriggerBits::bit(std::size_t(it - table.words.begin()));
            }
            table.ruleMasks.push_back(mask);
        }
        Q_ASSERT(table.words.size() <= 256);
        table.pairStart.reserve(byPair.size() + 1);
        for (const auto &ids : byPair) {
            table.pairStart.push_back(std::uint16_t(table.pairIds.size()));
            table.pairIds.insert(table.pairIds.end(), ids.begin(), ids.end());
        }
        table.pairStart.push_back(std::uint16_t(table.pairIds.size()));
        return table;
    }();
    return t;
}

// One pass over the text says which trigger words occur (ASCII case-insensitively); a rule
// none of whose triggers occurs is skipped. Most timeline text needs only the two scanners.
TriggerBits triggersIn(QStringView text)
{
    const TriggerTable &t = triggerTable();
    TriggerBits seen;
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype hexRun = 0;
    qsizetype letters = 0; // of the current word
    int words = 0;         // in the current run of words
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = asciiLower(p[i]);
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        hexRun = hex ? hexRun + 1 : 0;
        if (hexRun >= 64)
            seen |= t.hex64Bit;
        if (c >= u'a' && c <= u'z') {
            ++letters;
        } else {
            if (letters > 0)
                words = (letters >= 3 && letters <= 8) ? words + 1 : 0;
            letters = 0;
            if (words >= 12)
                seen |= t.twelveWordsBit;
            if (!(c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u',' ||
                  (c >= u'0' && c <= u'9') || c == u'.' || c == u')' || c == u':'))
                words = 0;
        }
        if (c >= 128)
            continue;
        seen |= t.single[c];
        if (i + 1 >= n)
            continue;
        const char16_t c1 = asciiLower(p[i + 1]);
        if (c1 >= 128)
            continue;
        const std::size_t pair = std::size_t(c) * 128 + c1;
        for (std::size_t at = t.pairStart[pair]; at < t.pairStart[pair + 1]; ++at) {
            const int id = t.pairIds[at];
            const TriggerBits bit = TriggerBits::bit(std::size_t(id));
            if (seen.intersects(bit))
                continue;
            const QLatin1String &w = t.words[std::size_t(id)];
            if (n - i < w.size())
                continue;
            qsizetype k = 2;
            while (k < w.size() && asciiLower(p[i + k]) == char16_t(w[k].unicode()))
                ++k;
            if (k == w.size())
                seen |= bit;
        }
    }
    if (letters >= 3 && letters <= 8 && words + 1 >= 12)
        seen |= t.twelveWordsBit;
    return seen;
}

} // namespace

Redactor::Result Redactor::redact(const QString &text) const
{
    Result res;
    res.text = text;
    if (text.isEmpty())
        return res;
    if (!QStringView(text).isValidUtf16()) {
        // A lone surrogate would make every pattern refuse the whole text, secrets included.
        for (qsizetype i = 0; i < res.text.size(); ++i) {
            const char16_t c = res.text[i].unicode();
            if (QChar::isHighSurrogate(c) && i + 1 < res.text.size() &&
                QChar::isLowSurrogate(res.text[i + 1].unicode())) {
                ++i;
            } else if (QChar::isSurrogate(c)) {
                res.text[i] = QChar::ReplacementCharacter;
            }
        }
    }

    const TriggerBits seen = triggersIn(text);
    const TriggerTable &table = triggerTable();
    const std::vector<Rule> &all = rules();
    const QString ph = placeholder();
    for (std::size_t r = 0; r < all.size(); ++r) {
        const TriggerBits mask = table.ruleMasks[r];
        if (mask.any() && !mask.intersects(seen))
            continue;
        Spans spans;
        all[r].scan(res.text, spans);
        if (spans.empty())
            continue;
        QString out;
        out.reserve(res.text.size());
        qsizetype copied = 0;
        for (const Span &s : spans) {
            out += QStringView(res.text).mid(copied, s.start - copied);
            out += s.with.isEmpty() ? ph : s.with;
            copied = s.end;
            ++res.count;
            res.kinds.append(s.kind);
        }
        out += QStringView(res.text).mid(copied);
        res.text = out;
    }
    return res;
}

int Redactor::redactAll(const std::vector<QString *> &texts) const
{
    int count = 0;
    for (QString *text : texts) {
        Result r = redact(*text);
        if (r.count > 0) {
            *text = std::move(r.text);
            count += r.count;
        }
    }
    return count;
}

QString Redactor::redact(const QString &text, int *count) const
{
    Result r = redact(text);
    if (count)
        *count += r.count;
    return r.text;
}

} // namespace idesk
