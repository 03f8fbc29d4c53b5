#pragma once
// The Capacity view's what-if form: hardware to add and a tenant to onboard, sent to
// CapacityService::whatIf, and the answer before and after (usable capacity, runway, quota and
// GPU headroom) as QML reads it.

#include <QObject>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class CapacityService;
struct WhatIfSide;

class WhatIfCalculator : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("WhatIfCalculator is provided by ConsoleContext.")

    // The inputs; terabytes are decimal (10^12 bytes), as the quotas are shown.
    Q_PROPERTY(int addDboxes MEMBER m_addDboxes NOTIFY inputsChanged)
    Q_PROPERTY(int addCnodes MEMBER m_addCnodes NOTIFY inputsChanged)
    Q_PROPERTY(bool addTenant MEMBER m_addTenant NOTIFY inputsChanged)
    Q_PROPERTY(QString tenantName MEMBER m_tenantName NOTIFY inputsChanged)
    Q_PROPERTY(double tenantCapacityTB MEMBER m_tenantCapacityTB NOTIFY inputsChanged)
    Q_PROPERTY(int tenantGpus MEMBER m_tenantGpus NOTIFY inputsChanged)
    Q_PROPERTY(double tenantUsedTB MEMBER m_tenantUsedTB NOTIFY inputsChanged)
    Q_PROPERTY(double tenantGrowthTBPerDay MEMBER m_tenantGrowthTBPerDay NOTIFY inputsChanged)

    // The answer: each side a map of usableBytes, usableText, rawText, runwayText, hasRunway,
    // runwayDays, quotaCommittedText, quotaLimitText, gpusAllocated, gpuLimit, gpuHeadroom,
    // gpusFreeHealthy, dboxes, cnodes.
    Q_PROPERTY(bool calculated READ calculated NOTIFY resultChanged)
    Q_PROPERTY(QVariantMap before READ before NOTIFY resultChanged)
    Q_PROPERTY(QVariantMap after READ after NOTIFY resultChanged)
    Q_PROPERTY(bool quotasFit READ quotasFit NOTIFY resultChanged)
    Q_PROPERTY(bool gpusFit READ gpusFit NOTIFY resultChanged)
    Q_PROPERTY(QStringList notes READ notes NOTIFY resultChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)

public:
    explicit WhatIfCalculator(CapacityService &capacity, QObject *parent = nullptr);

    bool calculated() const { return m_calculated; }
    QVariantMap before() const { return m_before; }
    QVariantMap after() const { return m_after; }
    bool quotasFit() const { return m_quotasFit; }
    bool gpusFit() const { return m_gpusFit; }
    QStringList notes() const { return m_notes; }
    QString error() const { return m_error; }

    // Asks CapacityService with the current inputs; false (and `error`) when it cannot answer.
    Q_INVOKABLE bool calculate();
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void inputsChanged();
    void resultChanged();

private:
    static QVariantMap sideMap(const WhatIfSide &side);
    void fail(const QString &message);

    CapacityService &m_capacity;
    int m_addDboxes = 0;
    int m_addCnodes = 0;
    bool m_addTenant = false;
    QString m_tenantName;
    double m_tenantCapacityTB = 0;
    int m_tenantGpus = 0;
    double m_tenantUsedTB = 0;
    double m_tenantGrowthTBPerDay = 0;

    bool m_calculated = false;
    QVariantMap m_before;
    QVariantMap m_after;
    bool m_quotasFit = true;
    bool m_gpusFit = true;
    QStringList m_notes;
    QString m_error;
};

} // namespace NeoCloud
