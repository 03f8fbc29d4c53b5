#pragma once
// Each part of the VMS double adds its collections and special operations here. Field names,
// enums and statuses come from the spec (resources/specs/vast-vms-openapi.json); the lab's
// self-check (VmsCollections::save) and the tests hold every answer to it.

namespace NeoCloud {

class VmsCollections;

// Tenants, their encryption groups, client metrics and local providers; users and their S3 keys;
// VIP pools.
void addTenancyRules(VmsCollections &collections);
// View policies, views, quotas, QoS policies.
void addStorageRules(VmsCollections &collections);
// Kafka topics and database schemas on views' buckets, Kafka brokers, block volumes and hosts.
void addDataRules(VmsCollections &collections);
// The cluster, its CNodes and DBoxes (from the lab definition), and VTasks.
void addClusterRules(VmsCollections &collections);

} // namespace NeoCloud
