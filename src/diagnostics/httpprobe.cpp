#include "httpprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslError>

namespace idesk::diag {

int jsonDepth(const QByteArray &json, int limit)
{
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char ch : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
            continue;
        }
        if (ch == '"') {
            inString = true;
        } else if (ch == '[' || ch == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return deepest;
}

bool jsonPathValue(const QByteArray &json, const QString &path, QJsonValue *out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !path.startsWith(QLatin1Char('$')))
        return false;
    QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    qsizetype i = 1;
    while (i < path.size()) {
        if (path.at(i) == QLatin1Char('.')) {
            qsizetype j = i + 1;
            while (j < path.size() && path.at(j) != QLatin1Char('.') &&
                   path.at(j) != QLatin1Char('['))
                ++j;
            const QString key = path.mid(i + 1, j - i - 1);
            if (!v.isObject() || !v.toObject().contains(key))
                return false;
            v = v.toObject().value(key);
            i = j;
        } else if (path.at(i) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            bool ok = false;
            const int idx = close > 0 ? path.mid(i + 1, close - i - 1).toInt(&ok) : -1;
            if (!ok || !v.isArray() || idx < 0 || idx >= v.toArray().size())
                return false;
            v = v.toArray().at(idx);
            i = close + 1;
        } else {
            return false;
        }
    }
    *out = v;
    return true;
}

bool decodeHexQuantity(const QString &hex, quint64 *value)
{
    if (!hex.startsWith(QStringLiteral("0x")) || hex.size() < 3 || hex.size() > 18)
        return false;
    bool ok = false;
    const quint64 v = hex.mid(2).toULongLong(&ok, 16);
    if (ok)
        *value = v;
    return ok;
}

namespace {

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d);
    }
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString::fromUtf8(v.isArray()
                                     ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
}

} // namespace

HttpJob::HttpJob(DiagnosticCheck check, QNetworkAccessManager *nam, int timeoutSeconds,
                 HttpOptions options, QObject *parent)
    : DiagnosticJob(parent), m_check(std::move(check)), m_nam(nam),
      m_timeout(timeoutSeconds > 0 ? timeoutSeconds : m_check.timeoutSeconds), m_opt(options)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    m_result.check = m_check.id;
    m_result.kind = m_check.kind;
    m_result.url = m_check.url;
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpJob::start()
{
    m_clock.start();
    const QUrl url(m_check.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https")) {
        m_result.status = RunStatus::Error;
        m_result.summary = QStringLiteral("not an http(s) URL");
        finish(m_result);
        return;
    }
    QNetworkRequest req(url);
    req.setTransferTimeout(m_timeout * 1000);
    req.setMaximumRedirectsAllowed(m_opt.maxRedirects);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("IncidentDesk diagnostics"));
    if (m_check.kind == u"jsonrpc") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QJsonObject call{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                         {QStringLiteral("method"), m_check.method},
                         {QStringLiteral("params"), QJsonArray()},
                         {QStringLiteral("id"), 1}};
        m_reply = m_nam->post(req, QJsonDocument(call).toJson(QJsonDocument::Compact));
    } else {
        const QByteArray verb =
            m_check.method.isEmpty() ? QByteArrayLiteral("GET") : m_check.method.toLatin1();
        m_reply = m_nam->sendCustomRequest(req, verb);
    }
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList why;
        for (const QSslError &e : errors)
            why << e.errorString();
        m_sslReason = why.join(QStringLiteral("; "));
    });
    m_deadline.start(m_timeout * 1000);
}

void HttpJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort();
        return;
    }
    m_result.status = RunStatus::Cancelled;
    m_result.summary = QStringLiteral("cancelled before it ran");
    finish(m_result);
}

void HttpJob::onReadyRead()
{
    if (!m_reply || !m_reply->isOpen())
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_body.size() + chunk.size() > m_opt.bodyCap) {
        m_body.append(chunk.left(m_opt.bodyCap - m_body.size()));
        m_tooBig = true;
        m_reply->abort();
        return;
    }
    m_body.append(chunk);
}

void HttpJob::onFinished()
{
    if (m_done || !m_reply)
        return;
    if (!m_tooBig)
        onReadyRead();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    DiagnosticResult &r = m_result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.exitCode = status > 0 ? status : -1;
    r.output = stripControl(QString::fromUtf8(m_body));
    r.truncated = m_tooBig;
    const auto error = reply->error();
    if (m_cancelled) {
        r.status = RunStatus::Cancelled;
        r.summary = QStringLiteral("cancelled");
    } else if (m_tooBig) {
        r.status = RunStatus::Fail;
        r.summary =
            QStringLiteral("the body is larger than %1 bytes; stopped reading").arg(m_opt.bodyCap);
    } else if (m_timedOut || error == QNetworkReply::OperationCanceledError ||
               error == QNetworkReply::TimeoutError) {
        r.status = RunStatus::Timeout;
        r.summary = QStringLiteral("no complete answer within %1 s").arg(m_timeout);
    } else if (error == QNetworkReply::TooManyRedirectsError) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("more than %1 redirects").arg(m_opt.maxRedirects);
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("TLS refused: %1")
                        .arg(m_sslReason.isEmpty() ? reply->errorString() : m_sslReason);
    } else if (status == 0) {
        r.status = RunStatus::Fail;
        r.summary = reply->errorString();
    } else {
        evaluate(r, status);
    }
    finish(r);
}

void HttpJob::evaluate(DiagnosticResult &r, int status)
{
    const int want = m_check.expect.status;
    const bool statusOk = want == 0 ? (status >= 200 && status < 300) : status == want;
    if (!statusOk) {
        r.status = RunStatus::Fail;
        r.summary = want == 0 ? QStringLiteral("HTTP %1 (expected 2xx)").arg(status)
                              : QStringLiteral("HTTP %1 (expected %2)").arg(status).arg(want);
        return;
    }
    QString path = m_check.expect.jsonPath;
    if (m_check.kind == u"jsonrpc" && path.isEmpty())
        path = QStringLiteral("$.result");
    if (path.isEmpty()) {
        r.status = RunStatus::Pass;
        r.summary = QStringLiteral("HTTP %1").arg(status);
        return;
    }
    if (jsonDepth(m_body, m_opt.maxJsonDepth) > m_opt.maxJsonDepth) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("the JSON nests deeper than %1 levels; not parsed")
                        .arg(m_opt.maxJsonDepth);
        return;
    }
    QJsonValue v;
    if (!jsonPathValue(m_body, path, &v)) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("HTTP %1 but %2 is missing or the body is not JSON")
                        .arg(status)
                        .arg(path);
        return;
    }
    QString text = valueText(v);
    double number = v.toDouble();
    bool isNumber = v.isDouble();
    quint64 q = 0;
    if (v.isString() && decodeHexQuantity(text, &q)) {
        number = static_cast<double>(q);
        isNumber = true;
        text = QString::number(q);
    }
    if (!m_check.expect.value.isEmpty() && text != m_check.expect.value &&
        valueText(v) != m_check.expect.value) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("%1 is %2 (expected %3)").arg(path, text, m_check.expect.value);
        return;
    }
    if (m_check.expect.threshold >= 0 && (!isNumber || number > m_check.expect.threshold)) {
        r.status = RunStatus::Fail;
        r.summary = QStringLiteral("%1 is %2 (at most %3 expected)")
                        .arg(path, text)
                        .arg(m_check.expect.threshold);
        return;
    }
    r.status = RunStatus::Pass;
    r.summary = QStringLiteral("%1 = %2").arg(path, text);
}

void HttpJob::finish(DiagnosticResult r)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    r.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(r);
}

} // namespace idesk::diag
