#pragma once
// The storage a lab definition describes, as VMS reports it: its CNodes and DBoxes and the
// cluster's capacity, computed from the DBoxes' drives so the console's figures and the VMS
// double's agree (docs/lab-format.md, "VMS double").

#include <QList>
#include <QString>

namespace NeoCloud {

struct LabDefinition;

struct VmsNode
{
    QString name;
    QString serial;
    QString rack;
    int position = 1; // lowest U
    QString vendor;
    QString model;
    QString firmware;
    int drives = 0;
    qint64 driveBytes = 0;
    int nvram = 0;
};

struct VmsHardware
{
    QString clusterName;
    QString psnt; // the cluster's serial: its first CNode's
    QString swVersion; // the last word of the CNodes' firmware ("VAST OS 5.2.1" -> "5.2.1")
    double drr = 1.0;
    QList<VmsNode> cnodes;
    QList<VmsNode> dboxes;

    int ssdCount = 0;
    int nvramCount = 0;
    qint64 rawBytes = 0; // every DBox SSD; NVRAM is a write buffer and adds nothing
    qint64 physicalBytes = 0; // raw less VAST's 8% reserve
    int stripeData = 0; // data strips per stripe: half the SSDs less the parity, 2..146
    static constexpr int stripeParity = 4;
    qint64 usableBytes = 0; // physical x data / (data + parity)
    qint64 logicalBytes = 0; // usable x drr

    static VmsHardware fromLab(const LabDefinition &lab);
};

} // namespace NeoCloud
