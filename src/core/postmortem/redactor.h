#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace idesk {

// Removes credentials from text before it leaves the machine (post-mortem export, clipboard).
// It looks for the shapes secrets actually have: AWS access key ids and secret keys next to their
// names, PEM private-key blocks, bearer tokens, JWTs, key=value / "key": "value" / YAML pairs
// whose key names a password, token, secret or API key, URIs with a password, kubeconfig
// tokens and client-key-data, Slack / GitHub / Stripe / Google API tokens and Slack webhooks.
// It leaves alone what only resembles them: git SHAs, UUIDs, the words "password" or "token"
// in prose. Each secret becomes "[REDACTED]", keeping the key name or URI user so the reader
// still knows what was there. Redacting already-redacted text changes nothing and counts 0.
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
