#include "webhookposter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace idesk {

namespace {

constexpr qint64 kMaxBodyRead = 64 * 1024;

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(4 * WebhookPoster::kExcerptChars));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    text = text.simplified();
    if (text.size() > WebhookPoster::kExcerptChars)
        text = text.left(WebhookPoster::kExcerptChars) + QStringLiteral("…");
    return text;
}

} // namespace

WebhookPoster::WebhookPoster(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<WebhookResult>();
}

WebhookPoster::~WebhookPoster() = default;

quint64 WebhookPoster::post(const QUrl &url, const QString &text)
{
    const quint64 id = m_nextId++;
    if (!url.isValid() ||
        (url.scheme() != QStringLiteral("https") && url.scheme() != QStringLiteral("http"))) {
        WebhookResult r;
        r.requestId = id;
        r.url = url;
        r.error = url.isEmpty()
                      ? tr("No webhook URL is set in the profile.")
                      : tr("The webhook URL is not an http(s) URL: %1").arg(url.toDisplayString());
        // Same shape as a network answer: callers connect once and never get re-entered.
        QTimer::singleShot(0, this, [this, r] { Q_EMIT finished(r); });
        return id;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("text"), text}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] { onFinished(reply, id); });
    return id;
}

void WebhookPoster::onFinished(QNetworkReply *reply, quint64 id)
{
    reply->deleteLater();
    WebhookResult r;
    r.requestId = id;
    r.url = reply->url();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.httpStatus = status.isValid() ? status.toInt() : 0;
    r.bodyExcerpt = excerpt(reply->read(kMaxBodyRead));
    const QString where =
        reply->url().host() + (reply->url().port() > 0
                                   ? QLatin1Char(':') + QString::number(reply->url().port())
                                   : QString());

    if (r.httpStatus >= 200 && r.httpStatus < 300 && reply->error() == QNetworkReply::NoError) {
        r.ok = true;
    } else if (r.httpStatus != 0) {
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
        r.error = tr("HTTP %1%2")
                      .arg(r.httpStatus)
                      .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
        if (!r.bodyExcerpt.isEmpty())
            r.error += QStringLiteral(": ") + r.bodyExcerpt;
    } else {
        switch (reply->error()) {
        case QNetworkReply::OperationCanceledError: // what the transfer timeout reports
        case QNetworkReply::TimeoutError:
            r.error = tr("No answer from %1 within %2 s (timed out).")
                          .arg(where)
                          .arg(m_timeoutMs / 1000.0, 0, 'g', 3);
            break;
        case QNetworkReply::ConnectionRefusedError:
            r.error = tr("Connection refused by %1: nothing is listening there.").arg(where);
            break;
        case QNetworkReply::HostNotFoundError:
            r.error = tr("Host not found: %1.").arg(reply->url().host());
            break;
        default:
            r.error = reply->errorString();
            break;
        }
    }
    Q_EMIT finished(r);
}

} // namespace idesk
