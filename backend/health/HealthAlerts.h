#pragma once
// Health changes as alerts: a cell turning degraded or down raises one alert (warning or
// critical) and keeps it open while the cell stays bad; a change between degraded and down
// replaces it, so there is never more than one open alert per cell; recovering clears it. A new
// reason on a cell that stays bad is not another alert. Recoveries and new reasons are events,
// one per recompute (flush()): a CNode coming back must not write thousands. Every raised and
// cleared alert is also POSTed to each webhook.

#include "HealthTypes.h"
#include "WebhookSender.h"
#include "domain/Activity.h"
#include "store/HealthRepository.h"

#include <QObject>

namespace NeoCloud {

class EventLog;

class HealthAlerts : public QObject
{
    Q_OBJECT
public:
    HealthAlerts(EventLog &events, HealthRepository &repository, WebhookOptions webhookOptions,
                 QObject *parent = nullptr);

    // Called once per cell whose status or reason changed; sets `after.alertId`. The alerts are
    // written by flush(), all at once, before the cells that name them.
    void cellChanged(const HealthCell &before, HealthCell &after, const QString &tenantName,
                     const QString &deviceId);
    // The tenant is gone: its open alerts are cleared.
    void tenantRemoved(const QList<HealthCell> &cells, const QString &tenantName);
    // Writes the alerts raised and cleared since the last flush, and the events that go with
    // them, then sends them to the webhooks.
    Status flush();

    Status reloadWebhooks();
    const QList<Webhook> &webhooks() const { return m_webhooks; }
    WebhookSender &sender() { return m_sender; }
    // Sends an alert event to every webhook (the threshold rules' alerts use the same hooks).
    void notify(const QString &event, const QJsonObject &alert);

private:
    QString raise(const HealthCell &cell, const QString &tenantName, const QString &deviceId);
    void clear(const HealthCell &cell, const QString &tenantName, const QString &message);

    struct Pending
    {
        Event event;
        HealthCell cell;
        QString tenantName;
    };
    QList<Pending> m_raised;
    QList<Pending> m_cleared; // event: the alert's id, the clearing message

    EventLog &m_events;
    HealthRepository &m_repository;
    WebhookSender m_sender;
    QList<Webhook> m_webhooks;
    struct Summary
    {
        int count = 0;
        QString tenantId; // of the first
        QString first;
        QString firstInTenantWords;
        void note(const HealthCell &cell, const QString &message, const QString &tenantMessage);
    };
    Summary m_recoveries;
    Summary m_reasons;
};

} // namespace NeoCloud
