#include "redactor.h"

#include <QRegularExpression>
#include <array>
#include <vector>

namespace idesk {

namespace {

// Key names whose value is a credential. Matched at the end of the key ("DB_PASSWORD",
// "x-api-key", "GITHUB_TOKEN") but not inside longer words ("max_tokens", "passwordless").
constexpr char16_t kKeyWords[] =
    u"(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|"
    u"private[_-]?key|credentials?)";

struct Rule
{
    QString kind;
    QRegularExpression re;
    std::vector<int> groups; // the first group that matched is replaced; empty = whole match
    bool pemBody = false;
};

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

QString withKeys(const char16_t *pattern)
{
    return QString::fromUtf16(pattern).replace(QStringLiteral("KEYS"),
                                               QString::fromUtf16(kKeyWords));
}

const std::vector<Rule> &rules()
{
    static const std::vector<Rule> all = [] {
        std::vector<Rule> r;
        // Whole blocks first, so their lines are not picked apart by the narrower rules below.
        r.push_back(
            {QStringLiteral("private-key"),
             rx(QStringLiteral(
                 R"rx((-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)([\s\S]*?)(-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\z))rx")),
             {2},
             true});
        r.push_back(
            {QStringLiteral("uri-password"),
             rx(QStringLiteral(
                 R"rx(\b([A-Za-z][A-Za-z0-9+.-]{1,30}://)([^\s:/?#@\[\]"'<>]*):([^\s/?#"'<>]+)@)rx")),
             {3}});
        r.push_back({QStringLiteral("slack-webhook"),
                     rx(QStringLiteral(R"rx(\bhooks\.slack\.com/services/([A-Za-z0-9/_-]{8,}))rx")),
                     {1}});
        r.push_back({QStringLiteral("jwt"),
                     rx(QStringLiteral(
                         R"rx(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)rx")),
                     {}});
        r.push_back(
            {QStringLiteral("bearer-token"),
             rx(QStringLiteral(
                    R"rx(\bbearer\s+((?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{16,}=*))rx"),
                true),
             {1}});
        r.push_back(
            {QStringLiteral("basic-auth"),
             rx(QStringLiteral(R"rx(\bauthorization\s*:\s*basic\s+([A-Za-z0-9+/]{8,}={0,2}))rx"),
                true),
             {1}});
        r.push_back({QStringLiteral("aws-access-key"),
                     rx(QStringLiteral(R"rx(\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b)rx")),
                     {}});
        r.push_back(
            {QStringLiteral("aws-secret-key"),
             rx(QStringLiteral(
                    R"rx(\b(?:aws_?)?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=]))rx"),
                true),
             {1}});
        r.push_back({QStringLiteral("slack-token"),
                     rx(QStringLiteral(R"rx(\bxox[abposre]-[A-Za-z0-9-]{10,})rx")),
                     {}});
        r.push_back(
            {QStringLiteral("github-token"),
             rx(QStringLiteral(
                 R"rx(\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b)rx")),
             {}});
        r.push_back({QStringLiteral("stripe-key"),
                     rx(QStringLiteral(R"rx(\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b)rx")),
                     {}});
        r.push_back({QStringLiteral("google-api-key"),
                     rx(QStringLiteral(R"rx(\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-]))rx")),
                     {}});
        // "password": "…" in JSON bodies
        r.push_back({QStringLiteral("json-secret"),
                     rx(withKeys(uR"rx("[A-Za-z0-9_.-]*?KEYS"\s*:\s*"((?:[^"\\]|\\.)*)")rx"), true),
                     {1}});
        // password=…, ?token=…&, API_KEY='…'
        r.push_back(
            {QStringLiteral("key-value-secret"),
             rx(withKeys(
                    uR"rx((?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*?KEYS[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s&;,"')\]}]+)))rx"),
                true),
             {1, 2, 3}});
        // --password hunter2, --token abc
        r.push_back(
            {QStringLiteral("cli-secret"),
             rx(withKeys(uR"rx((?<![A-Za-z0-9_-])--?[A-Za-z0-9-]*?KEYS[ \t]+([^\s-]\S*))rx"), true),
             {1}});
        // YAML / header lines: "  token: abc", "X-Api-Key: abc", "client-key-data: LS0t…".
        // Only a single word (or quoted value) counts, so "Password: was rotated" stays prose.
        r.push_back(
            {QStringLiteral("yaml-secret"),
             rx(withKeys(
                    uR"rx((?m)^[ \t]*(?:-[ \t]+)?["']?[A-Za-z0-9_.-]*?(?:KEYS|client-key-data)["']?[ \t]*:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"'][^\s]*))[ \t]*\r?$)rx"),
                true),
             {1, 2, 3}});
        return r;
    }();
    return all;
}

// Words every secret shape contains at least one of (compared ASCII-case-insensitively). A
// text without any of them skips the rules entirely; one hand-written pass is several times
// cheaper than a regular expression with this many alternatives.
constexpr const char *kTriggers[] = {
    "-----begin", "://",         "hooks.slack.com",
    "eyj",        "bearer",      "authorization",
    "akia",       "asia",        "abia",
    "acca",       "xox",         "ghp_",
    "gho_",       "ghu_",        "ghs_",
    "ghr_",       "github_pat_", "k_live_",
    "k_test_",    "aiza",        "pass",
    "secret",     "token",       "key",
    "credential",
};

char16_t asciiLower(char16_t u)
{
    return (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
}

bool mayContainSecret(QStringView text)
{
    // triggers grouped by first character, so most positions cost one table look-up
    static const auto byFirst = [] {
        std::array<std::vector<QLatin1String>, 128> table;
        for (const char *t : kTriggers)
            table[std::size_t(static_cast<unsigned char>(t[0]))].push_back(QLatin1String(t));
        return table;
    }();
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = asciiLower(p[i]);
        if (c >= 128)
            continue;
        for (const QLatin1String &t : byFirst[c]) {
            if (n - i < t.size())
                continue;
            qsizetype k = 1;
            while (k < t.size() && asciiLower(p[i + k]) == char16_t(t[k].unicode()))
                ++k;
            if (k == t.size())
                return true;
        }
    }
    return false;
}

// Values that stand for a secret without being one: references, placeholders, flags.
bool isNotASecret(QStringView v)
{
    const QStringView t = v.trimmed();
    if (t.isEmpty() || t.startsWith(u"[REDACTED"))
        return true;
    static const QRegularExpression harmless = rx(
        QStringLiteral(
            R"rx(^(?:true|false|null|none|nil|yes|no|\*+|x+|\.\.\.|…|<[^<>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*|%s)$)rx"),
        true);
    return harmless.match(t).hasMatch();
}

} // namespace

Redactor::Result Redactor::redact(const QString &text) const
{
    Result res;
    res.text = text;
    if (text.isEmpty() || !mayContainSecret(text))
        return res;

    const QString ph = placeholder();
    for (const Rule &rule : rules()) {
        QString out;
        qsizetype copied = 0;
        bool changed = false;
        QRegularExpressionMatchIterator it = rule.re.globalMatch(res.text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            int g = 0;
            if (!rule.groups.empty()) {
                g = -1;
                for (int candidate : rule.groups) {
                    if (m.capturedStart(candidate) >= 0) {
                        g = candidate;
                        break;
                    }
                }
                if (g < 0)
                    continue;
            }
            const QStringView value = m.capturedView(g);
            if (rule.pemBody ? value.trimmed().startsWith(u"[REDACTED") : isNotASecret(value))
                continue;
            if (!changed)
                out.reserve(res.text.size());
            out += QStringView(res.text).mid(copied, m.capturedStart(g) - copied);
            if (rule.pemBody) {
                const bool hasEnd = m.capturedLength(3) > 0;
                out += QLatin1Char('\n') + ph + (hasEnd ? QStringLiteral("\n") : QString());
            } else {
                out += ph;
            }
            copied = m.capturedEnd(g);
            changed = true;
            ++res.count;
            res.kinds.append(rule.kind);
        }
        if (changed) {
            out += QStringView(res.text).mid(copied);
            res.text = out;
        }
    }
    return res;
}

int Redactor::redactAll(const std::vector<QString *> &texts) const
{
    int count = 0;
    for (QString *text : texts) {
        if (!mayContainSecret(*text))
            continue;
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
