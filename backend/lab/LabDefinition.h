#pragma once
// The demo lab's definition (docs/lab-format.md): templates of hardware, racks that place them,
// and the cabling rules, expanded into concrete devices with names, serials, MACs, U positions
// and port-to-port cables. Deterministic: the same file gives the same lab every time.

#include "core/Result.h"
#include "domain/Inventory.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace NeoCloud {

struct LabTemplate
{
    QString id;
    DeviceKind kind = DeviceKind::Other;
    QString role; // "leaf" or "spine" for switches
    QString vendor;
    QString model;
    QString firmware;
    int heightU = 1;
    int gpus = 0;
    QString gpuModel;
    QString gpuFirmware;
    int cpus = 0;
    QString cpuModel;
    int dimms = 0;
    int dimmGiB = 64;
    int drives = 0;
    QString driveModel;
    qint64 driveBytes = 0;
    int nvram = 0; // DBox NVRAM (SCM) drives
    int nics = 0;
    QString nicModel;
    double nicSpeedGbps = 100;
    int uplinks = 0;      // NIC ports cabled to the rack's leaf
    int switchPorts = 0;  // for switches
    int spineUplinks = 0; // per spine, for leaves
    int psus = 0;
    int fans = 0;
    bool expand = true; // the BMC supports $expand
};

struct LabPort
{
    QString name;
    QString mac;
    double speedGbps = 0;
    QString peerDevice; // cabled to, empty when not
    QString peerPort;
};

// A part the lab builds broken (asBuilt "faults"): gpu-failed, drive-failed or psu-failed.
struct LabDeviceFault
{
    QString kind;
    QString component;
};

struct LabDevice
{
    QString name;
    std::shared_ptr<const LabTemplate> tmpl;
    QString rack;
    QString row;
    int position = 1;
    QString serial;
    QString baseMac;
    QList<LabPort> ports;
    // As built, where the lab's asBuilt block says it differs from its design:
    QString firmware;              // empty: the template's
    bool absent = false;           // never installed: no BMC, no cables
    QList<LabDeviceFault> faults;  // broken parts
};

inline QString firmwareOf(const LabDevice &d) { return d.firmware.isEmpty() ? d.tmpl->firmware : d.firmware; }

// NVRAM (storage-class memory) drives in DBoxes: what the BMCs and the VMS double both report.
inline constexpr qint64 labNvramDriveBytes = 1500LL * 1000 * 1000 * 1000;

// The lab's VAST Management Service double (lab/vms): where it listens and how it lets callers in.
struct LabVms
{
    bool enabled = true;
    QString address = QStringLiteral("127.77.250.1");
    quint16 port = 16625; // taken: a free one instead
    QString token;        // "Api-Token <token>"; default: derived from the lab name, stable across runs
    QString username = QStringLiteral("admin"); // Basic auth
    QString password = QStringLiteral("neocloud-lab");
    QString cluster;      // the cluster's name; default: "<site>-vast"
    double drr = 3.0;     // data reduction ratio the cluster reports
};

struct LabDefinition
{
    QString name;
    QString site;
    QString username = QStringLiteral("admin");
    QString password = QStringLiteral("neocloud-lab");
    QString network = QStringLiteral("127.77.0.0"); // BMC i gets network + i
    quint16 port = 0; // one port for every BMC; 0 picks a free one (BMC URLs then change per run)
    LabVms vms;
    QHash<QString, std::shared_ptr<const LabTemplate>> templates;
    QList<LabDevice> devices;
    QHash<QString, int> rackUnits;
    QHash<QString, qsizetype> index; // device name -> position in devices
    // The devices as designed, when an asBuilt block makes the built lab differ (same order and
    // names as `devices`); empty when the lab is built as designed.
    QList<LabDevice> design;
    const QList<LabDevice> &designDevices() const { return design.isEmpty() ? devices : design; }

    static Result<LabDefinition> parse(const QJsonObject &json);
    static Result<LabDefinition> load(const QString &path);
    const LabDevice *device(const QString &name) const;
};

} // namespace NeoCloud
