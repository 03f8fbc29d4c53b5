#pragma once
// What each catalog kind is on a VAST cluster, as VMS API calls (paths, fields and enums from
// VAST's published OpenAPI document, resources/specs/vast-vms-openapi.json):
//   foundation      POST /tenants/, /vippools/, /qospolicies/, /users/ (the bucket owner)
//   object-storage  a view policy and an S3 view (bucket), an optional quota
//   file-storage    a view policy with the export rules and an NFS and/or SMB view
//   block-storage   a BLOCK view (subsystem), volumes, block hosts, and the mapping
//   event-streaming a KAFKA view with its bucket, and the topics
//   database        a DATABASE view with its bucket, and the schemas
//   functions       DataEngine on the tenant and S3 event notifications for bucket triggers
//   telemetry       client metrics collected into a database bucket of the tenant's own
// Pure functions: no I/O, so a dry run is exactly what an apply would send.

#include "services/ServiceProvider.h"

namespace NeoCloud::Vast {

Result<QList<ProviderStep>> planFoundation(const ProvisionContext &context);
Result<QList<ProviderStep>> planKind(const ProvisionContext &context, const QString &kind, const QJsonObject &params);
QJsonObject endpointsFor(const ProvisionContext &context, const QString &kind, const QJsonObject &params);

// Fixed names on the cluster, derived from the tenant's (DNS-label, unique) name.
QString ownerUser(const Tenant &tenant);
QString vipPool(const Tenant &tenant); // the VIP pool its endpoints answer on
QString eventsBucket(const Tenant &tenant);
QString metricsBucket(const Tenant &tenant);
QString encryptionGroup(const Tenant &tenant); // the tenant's own key, when customer-managed

} // namespace NeoCloud::Vast
