#pragma once
// The demo lab for the console's lab panel: its devices (for the fault form) and its current
// faults as list models, and adding or clearing a fault through LabService. Without a lab both
// lists are empty and `available` is false.

#include "lab/LabTrees.h"

#include <QAbstractListModel>
#include <QList>
#include <QVariantList>
#include <QtQmlIntegration>

namespace NeoCloud {

class InventoryService;
class LabService;

// The lab's devices in definition order, for choosing where a fault goes.
class LabDeviceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabDeviceModel is provided by LabFaultModel.")

    Q_PROPERTY(int count READ rowCount CONSTANT)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        KindRole, // gpu-server, storage-cnode, ...
        RackRole,
    };
    Q_ENUM(Roles)

    explicit LabDeviceModel(LabService *lab, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QString nameAt(int row) const;
    Q_INVOKABLE QString kindAt(int row) const;
    Q_INVOKABLE int indexOf(const QString &name) const;

private:
    LabService *m_lab;
};

class LabFaultModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabFaultModel is provided by ConsoleContext.")

    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QString labName READ labName CONSTANT)
    Q_PROPERTY(QString siteName READ siteName CONSTANT)
    Q_PROPERTY(int bmcCount READ bmcCount CONSTANT)
    Q_PROPERTY(NeoCloud::LabDeviceModel *devices READ devices CONSTANT)
    // [{value, label, appliesTo: [device kinds] (empty: every device), usesComponent, usesLatency}]
    Q_PROPERTY(QVariantList faultKinds READ faultKinds CONSTANT)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        DeviceRole,
        KindRole,
        ComponentRole,
        LatencyMsRole,
        CreatedAtRole, // local QDateTime
    };
    Q_ENUM(Roles)

    LabFaultModel(LabService *lab, InventoryService &inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool available() const { return m_lab != nullptr; }
    QString labName() const;
    QString siteName() const;
    int bmcCount() const { return m_devices.rowCount(); }
    LabDeviceModel *devices() { return &m_devices; }
    QVariantList faultKinds() const;

    // Returns "" on success, else the lab's reason (e.g. no such component). latencyMs is sent
    // when positive; component when not empty, so the lab picks its default (GPU1, PSU1, ...).
    Q_INVOKABLE QString addFault(const QString &device, const QString &kind, const QString &component,
                                 int latencyMs);
    Q_INVOKABLE QString clearFault(const QString &id);

    // What the component field takes for this device and fault kind, from the device's
    // template: e.g. "GPU1 to GPU8 (empty: GPU1)".
    Q_INVOKABLE QString componentHint(const QString &device, const QString &kind) const;

Q_SIGNALS:
    void countChanged();

private:
    void reload();

    LabService *m_lab;
    InventoryService &m_inventory;
    LabDeviceModel m_devices;
    QList<LabFault> m_rows;
};

} // namespace NeoCloud
