#pragma once

#include "core/profile.h"
#include "diagnosticjob.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace idesk::diag {

struct HttpOptions
{
    qint64 bodyCap = 4 * 1024 * 1024;
    int maxRedirects = 5;
    int maxJsonDepth = 64;
};

// Deepest nesting of arrays/objects in a JSON text, stopping early once past `limit` so a
// hostile body costs no more than one pass.
int jsonDepth(const QByteArray &json, int limit);

// "$.a.b[0]" on a parsed document; false when the path does not exist.
bool jsonPathValue(const QByteArray &json, const QString &path, QJsonValue *out);

// Decodes an Ethereum quantity ("0x1b4") to a number; false for anything else.
bool decodeHexQuantity(const QString &hex, quint64 *value);

// An http or jsonrpc check through a shared QNetworkAccessManager: a deadline for the whole
// exchange (a slow drip never resets it), a redirect limit, a body cap, a JSON depth limit.
class HttpJob final : public DiagnosticJob
{
    Q_OBJECT
public:
    HttpJob(DiagnosticCheck check, QNetworkAccessManager *nam, int timeoutSeconds,
            HttpOptions options = {}, QObject *parent = nullptr);
    ~HttpJob() override;
    void start() override;
    void cancel() override;

private:
    void onReadyRead();
    void onFinished();
    void finish(DiagnosticResult r);
    void evaluate(DiagnosticResult &r, int status);

    DiagnosticCheck m_check;
    QNetworkAccessManager *m_nam;
    int m_timeout;
    HttpOptions m_opt;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QByteArray m_body;
    QString m_sslReason;
    bool m_tooBig = false;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_done = false;
    DiagnosticResult m_result;
};

} // namespace idesk::diag
