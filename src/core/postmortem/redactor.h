#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace idesk {

// Removes credentials from text before it leaves the machine (post-mortem export, clipboard,
// diagnostics evidence). It looks for the shapes secrets actually have: vendor tokens by their
// prefixes and shapes (AWS, GitHub, GitLab, Slack, Stripe, Google, npm, Twilio, SendGrid,
// Telegram, Discord, and the others of gitleaks' and trufflehog's rule sets), webhook, RPC and
// signed URLs that carry a key, PEM private-key blocks, JWTs, Authorization headers, URIs,
// command lines, .netrc and XML config with a password, Azure connection strings, an AWS secret key
// next to its key id, Ethereum private keys (64 hex digits next to a word like key, pk or signer),
// BIP-39 recovery phrases (checked against the word list and its checksum), and values of
// names like PASSWORD, DB_PASS, TOKEN, AUTH, API_KEY in env, JSON, YAML and CLI form.
// It leaves alone what only resembles them: git SHAs, sha256 digests, transaction and block
// hashes, wallet addresses, UUIDs, trace ids, the words "password" or "token" in prose. A
// value is cut whole (to whitespace, or its closing quote) and becomes "[REDACTED]", keeping
// the name or URI user so the reader still knows what was there. Redacting already-redacted
// text changes nothing and counts 0. Linear in the length of the text.
class Redactor
{
public:
    struct Result
    {
        QString text;
        int count = 0;     // secrets replaced
        QStringList kinds; // one entry per replacement, e.g. "aws-access-key", "uri-password"
    };

    static QString placeholder() { return QStringLiteral("[REDACTED]"); }

    Result redact(const QString &text) const;
    // Convenience for callers that only add up counts.
    QString redact(const QString &text, int *count) const;
    // Redacts many texts in place and returns how many secrets it replaced.
    int redactAll(const std::vector<QString *> &texts) const;
};

} // namespace idesk
