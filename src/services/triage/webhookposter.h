#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace idesk {

struct WebhookResult
{
    quint64 requestId = 0;
    QUrl url;
    bool ok = false;
    int httpStatus = 0; // 0 when no HTTP answer came back
    QString error; // for people: "HTTP 500 Internal Server Error: …", "no answer within 10 s"
    QString bodyExcerpt; // the first characters of the answer, control characters removed
};

// Posts {"text": …} to a Slack-compatible incoming webhook. Never blocks: the answer comes back
// through finished(). Every failure says why in words a commander can act on.
class WebhookPoster final : public QObject
{
    Q_OBJECT
public:
    explicit WebhookPoster(QObject *parent = nullptr);
    ~WebhookPoster() override;

    static constexpr int kDefaultTimeoutMs = 10000;
    static constexpr int kExcerptChars = 200;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    // Returns the request id that finished() will carry.
    quint64 post(const QUrl &url, const QString &text);

Q_SIGNALS:
    void finished(const idesk::WebhookResult &result);

private:
    void onFinished(QNetworkReply *reply, quint64 id);

    QNetworkAccessManager *m_nam;
    int m_timeoutMs = kDefaultTimeoutMs;
    quint64 m_nextId = 1;
};

} // namespace idesk

Q_DECLARE_METATYPE(idesk::WebhookResult)
