#pragma once

#include <QString>
#include <QStringList>

namespace idesk {

struct DiagnosticCheck;

// Whether a check would change something, read from what it runs rather than from its
// `destructive` flag, so a profile cannot run `kubectl delete` as a "check" by leaving the flag
// out. Each returns what makes the change in a few words ("kubectl delete", "HTTP POST",
// "SQL DROP", "pg_terminate_backend()", "redis-cli FLUSHALL"), or an empty string when the
// command only reads. The rules know the usual verbs and commands; a command they do not know
// (a script run through kubectl exec) is judged by its flag alone.
QString changeMadeBy(const DiagnosticCheck &check);

QString kubectlChange(const QStringList &args);
QString sqlChange(const QString &query);
QString httpChange(const QString &method);
QString jsonRpcChange(const QString &method);

} // namespace idesk
