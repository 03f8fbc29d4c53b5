#include "HardwareText.h"

#include <QCoreApplication>

namespace NeoCloud {

QString kindLabel(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::GpuServer:
        return QCoreApplication::translate("Hardware", "GPU server");
    case DeviceKind::StorageCNode:
        return QCoreApplication::translate("Hardware", "Storage CNode");
    case DeviceKind::StorageDBox:
        return QCoreApplication::translate("Hardware", "Storage DBox");
    case DeviceKind::Switch:
        return QCoreApplication::translate("Hardware", "Switch");
    case DeviceKind::Pdu:
        return QCoreApplication::translate("Hardware", "PDU");
    case DeviceKind::Other:
        break;
    }
    return QCoreApplication::translate("Hardware", "Other");
}

QString componentKindLabel(ComponentKind kind, int count)
{
    const bool many = count != 1;
    switch (kind) {
    case ComponentKind::Gpu:
        return many ? QCoreApplication::translate("Hardware", "GPUs")
                    : QCoreApplication::translate("Hardware", "GPU");
    case ComponentKind::Cpu:
        return many ? QCoreApplication::translate("Hardware", "CPUs")
                    : QCoreApplication::translate("Hardware", "CPU");
    case ComponentKind::Memory:
        return many ? QCoreApplication::translate("Hardware", "DIMMs")
                    : QCoreApplication::translate("Hardware", "DIMM");
    case ComponentKind::Drive:
        return many ? QCoreApplication::translate("Hardware", "Drives")
                    : QCoreApplication::translate("Hardware", "Drive");
    case ComponentKind::Nic:
        return many ? QCoreApplication::translate("Hardware", "NICs")
                    : QCoreApplication::translate("Hardware", "NIC");
    case ComponentKind::Psu:
        return many ? QCoreApplication::translate("Hardware", "PSUs")
                    : QCoreApplication::translate("Hardware", "PSU");
    case ComponentKind::Fan:
        return many ? QCoreApplication::translate("Hardware", "Fans")
                    : QCoreApplication::translate("Hardware", "Fan");
    }
    return {};
}

QString healthLabel(Health health)
{
    switch (health) {
    case Health::Ok:
        return QCoreApplication::translate("Hardware", "Healthy");
    case Health::Warning:
        return QCoreApplication::translate("Hardware", "Warning");
    case Health::Critical:
        return QCoreApplication::translate("Hardware", "Critical");
    case Health::Unknown:
        break;
    }
    return QCoreApplication::translate("Hardware", "Unknown");
}

QLocale sortLocale()
{
    const QLocale system = QLocale::system();
    return system.language() == QLocale::C ? QLocale(QLocale::English) : system;
}

QString unitRangeText(const Device &device)
{
    if (!device.position)
        return {};
    const int first = *device.position;
    const int last = first + qMax(1, device.heightU) - 1;
    return last == first ? QStringLiteral("U%1").arg(first)
                         : QStringLiteral("U%1\u2013U%2").arg(first).arg(last);
}

} // namespace NeoCloud
