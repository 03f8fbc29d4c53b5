#include "WebhookSender.h"

#include "core/Ids.h"
#include "core/Time.h"
#include "core/Version.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace NeoCloud {

WebhookSender::WebhookSender(WebhookOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    // An alert goes to the URL the operator gave, not wherever it redirects to.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

WebhookSender::~WebhookSender()
{
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
        reply->disconnect(this);
        reply->abort();
    }
}

void WebhookSender::send(const QString &webhookId, const QString &url, const QString &event,
                         const QJsonObject &payload)
{
    Delivery d;
    d.id = newId(QLatin1String("dlv"));
    d.webhookId = webhookId;
    d.url = url;
    d.event = event;
    d.body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    ++m_stats[webhookId].pending;
    m_queue.enqueue(d);
    pump();
}

void WebhookSender::forget(const QString &webhookId)
{
    m_queue.removeIf([&](const Delivery &d) { return d.webhookId == webhookId; });
    m_stats.remove(webhookId);
}

void WebhookSender::pump()
{
    while (m_inFlight < m_options.concurrency && !m_queue.isEmpty())
        attempt(m_queue.dequeue());
}

void WebhookSender::attempt(Delivery delivery)
{
    ++delivery.attempt;
    ++m_inFlight;
    QNetworkRequest request { QUrl(delivery.url) };
    request.setTransferTimeout(m_options.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("NeoCloud/" + QByteArray(productVersion.data())));
    request.setRawHeader("X-NeoCloud-Event", delivery.event.toUtf8());
    request.setRawHeader("X-NeoCloud-Delivery", delivery.id.toUtf8());
    request.setRawHeader("X-NeoCloud-Attempt", QByteArray::number(delivery.attempt));
    QNetworkReply *reply = m_network.post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery] {
        reply->deleteLater();
        --m_inFlight;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!m_stats.contains(delivery.webhookId)) {
            // The webhook was removed meanwhile: nothing to count or retry.
        } else if (status >= 200 && status < 300) {
            WebhookStats &s = m_stats[delivery.webhookId];
            ++s.delivered;
            --s.pending;
            s.lastDeliveredAt = nowIso();
        } else {
            failed(delivery, status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
        }
        pump();
    });
}

void WebhookSender::failed(Delivery delivery, const QString &error)
{
    if (!m_stats.contains(delivery.webhookId))
        return; // the webhook was removed meanwhile
    WebhookStats &s = m_stats[delivery.webhookId];
    ++s.failedAttempts;
    s.lastError = error;
    if (delivery.attempt >= m_options.maxAttempts) {
        ++s.gaveUp;
        --s.pending;
        Q_EMIT gaveUp(delivery.webhookId, delivery.url, error);
        return;
    }
    const int wait = int(qMin<qint64>(qint64(m_options.firstRetryMs) << (delivery.attempt - 1),
                                      m_options.maxRetryMs));
    QTimer::singleShot(wait, this, [this, delivery] {
        if (!m_stats.contains(delivery.webhookId))
            return;
        m_queue.enqueue(delivery);
        pump();
    });
}

} // namespace NeoCloud
