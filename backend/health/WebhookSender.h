#pragma once
// Delivers alerts to operators' webhook URLs: one JSON POST per alert and URL, retried with
// exponential backoff while the receiver fails (no answer, or an answer other than 2xx), and
// given up after a bounded number of attempts. Every attempt of one delivery carries the same
// X-NeoCloud-Delivery id, so a receiver can drop a duplicate. Deliveries live in memory: a
// restart drops what was still being retried.

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QQueue>

namespace NeoCloud {

struct WebhookOptions
{
    int timeoutMs = 5000;
    int firstRetryMs = 1000; // doubled after each failed attempt
    int maxRetryMs = 60000;
    int maxAttempts = 6;
    int concurrency = 4;
};

struct WebhookStats
{
    int delivered = 0;
    int failedAttempts = 0;
    int gaveUp = 0;
    int pending = 0;
    QString lastError;
    QString lastDeliveredAt;
};

class WebhookSender : public QObject
{
    Q_OBJECT
public:
    explicit WebhookSender(WebhookOptions options, QObject *parent = nullptr);
    ~WebhookSender() override;

    void send(const QString &webhookId, const QString &url, const QString &event,
              const QJsonObject &payload);
    void forget(const QString &webhookId); // drops its pending deliveries
    WebhookStats stats(const QString &webhookId) const { return m_stats.value(webhookId); }

Q_SIGNALS:
    void gaveUp(const QString &webhookId, const QString &url, const QString &error);

private:
    struct Delivery
    {
        QString id;
        QString webhookId;
        QString url;
        QString event;
        QByteArray body;
        int attempt = 0;
    };
    void pump();
    void attempt(Delivery delivery);
    void failed(Delivery delivery, const QString &error);

    WebhookOptions m_options;
    QNetworkAccessManager m_network;
    QQueue<Delivery> m_queue;
    int m_inFlight = 0;
    QHash<QString, WebhookStats> m_stats;
};

} // namespace NeoCloud
