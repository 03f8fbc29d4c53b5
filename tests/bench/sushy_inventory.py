#!/usr/bin/python3
"""The baseline for the discovery benchmark: the same inventory walk with Debian's python3-sushy.

Reads what NeoCloud's crawler reads (systems with processors, memory, storage drives and
Ethernet interfaces; chassis with network adapters and ports, PCIe devices, power and thermal),
one request at a time as sushy does. Prints the time and the number of resources read.
Usage: sushy_inventory.py URL USERNAME PASSWORD
"""
import sys
import time

import sushy

url, username, password = sys.argv[1:4]
start = time.monotonic()
root = sushy.Sushy(url, auth=sushy.auth.BasicAuth(username, password))
conn = root._conn
reads = 1


def get(path):
    global reads
    reads += 1
    return conn.get(path).json()


def members(path):
    return [m["@odata.id"] for m in get(path).get("Members", [])]


def link(resource, key):
    return (resource.get(key) or {}).get("@odata.id")


summary = {"gpus": 0, "drives": 0, "ports": 0, "dimms": 0}
drives = set()  # a drive is linked from its storage and from its chassis
for system in root.get_system_collection().get_members():
    reads += 2
    for p in system.processors.get_members():
        reads += 1
        # sushy maps the type to its ProcessorType enum (value "GPU")
        summary["gpus"] += getattr(p.processor_type, "value", p.processor_type) == "GPU"
    sj = system.json
    if link(sj, "Memory"):
        for m in members(link(sj, "Memory")):
            get(m)
            summary["dimms"] += 1
    # sushy 4.3's Storage model needs StorageControllers[].MemberId, which the DMTF mockup
    # lacks; read storage through sushy's connector instead.
    if link(sj, "Storage"):
        for storage in members(link(sj, "Storage")):
            for drive in get(storage).get("Drives", []):
                get(drive["@odata.id"])
                drives.add(drive["@odata.id"].rstrip("/"))
    for nic in system.ethernet_interfaces.get_members():
        reads += 1
for chassis in root.get_chassis_collection().get_members():
    reads += 2
    cj = chassis.json
    for drive in (cj.get("Links") or {}).get("Drives", []):
        get(drive["@odata.id"])
        drives.add(drive["@odata.id"].rstrip("/"))
    if link(cj, "NetworkAdapters"):
        for adapter in members(link(cj, "NetworkAdapters")):
            a = get(adapter)
            ports = link(a, "Ports") or link(a, "NetworkPorts")
            if ports:
                for port in members(ports):
                    get(port)
                    summary["ports"] += 1
    if link(cj, "PCIeDevices"):
        for dev in members(link(cj, "PCIeDevices")):
            get(dev)
    for key in ("Power", "Thermal"):
        if link(cj, key):
            get(link(cj, key))
summary["drives"] = len(drives)
elapsed = time.monotonic() - start
print(f"sushy: {elapsed * 1000:.1f} ms, {reads} reads, {summary}")
