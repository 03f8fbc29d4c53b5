#include "VmsHardware.h"

#include "lab/LabDefinition.h"

namespace NeoCloud {

VmsHardware VmsHardware::fromLab(const LabDefinition &lab)
{
    VmsHardware hw;
    hw.clusterName = lab.vms.cluster;
    hw.drr = lab.vms.drr;
    for (const LabDevice &d : lab.devices) {
        const LabTemplate &t = *d.tmpl;
        if (t.kind != DeviceKind::StorageCNode && t.kind != DeviceKind::StorageDBox)
            continue;
        const VmsNode node { d.name,  d.serial,   d.rack,   d.position,   t.vendor,
                             t.model, t.firmware, t.drives, t.driveBytes, t.nvram };
        if (t.kind == DeviceKind::StorageCNode) {
            hw.cnodes << node;
        } else {
            hw.dboxes << node;
            hw.ssdCount += t.drives;
            hw.nvramCount += t.nvram;
            hw.rawBytes += t.drives * t.driveBytes;
        }
    }
    if (!hw.cnodes.isEmpty()) {
        hw.psnt = hw.cnodes.constFirst().serial;
        hw.swVersion = hw.cnodes.constFirst().firmware.section(QLatin1Char(' '), -1);
    }
    hw.physicalBytes = qint64(double(hw.rawBytes) * 0.92);
    hw.stripeData = qBound(2, hw.ssdCount / 2 - stripeParity, 146);
    hw.usableBytes = hw.ssdCount
        ? qint64(double(hw.physicalBytes) * hw.stripeData / (hw.stripeData + stripeParity))
        : 0;
    hw.logicalBytes = qint64(double(hw.usableBytes) * hw.drr);
    return hw;
}

} // namespace NeoCloud
