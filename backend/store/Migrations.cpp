#include "Migrations.h"

namespace NeoCloud {
namespace {

// Portability rules for these statements: TEXT ids made by the application (no AUTOINCREMENT or
// SERIAL), BIGINT for byte counts, DOUBLE PRECISION for rates, INTEGER 0/1 for flags, timestamps
// as fixed-width ISO 8601 text (see core/Time.h), CHECK constraints instead of engine enums.

Migration v1()
{
    return {1, QStringLiteral("core inventory, tenancy, users, activity"), {
        QStringLiteral(R"(CREATE TABLE sites (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE racks (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            units INTEGER NOT NULL CHECK (units BETWEEN 1 AND 60),
            UNIQUE (site_id, name)))"),
        QStringLiteral(R"(CREATE TABLE devices (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            rack_id TEXT REFERENCES racks(id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('gpu-server', 'storage-cnode', 'storage-dbox',
                                               'switch', 'pdu', 'other')),
            vendor TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            serial TEXT NOT NULL DEFAULT '',
            firmware TEXT NOT NULL DEFAULT '',
            position INTEGER CHECK (position IS NULL OR position >= 1),
            height_u INTEGER NOT NULL DEFAULT 1 CHECK (height_u BETWEEN 1 AND 20),
            health TEXT NOT NULL DEFAULT 'unknown'
                CHECK (health IN ('ok', 'warning', 'critical', 'unknown')),
            state TEXT NOT NULL DEFAULT 'active',
            bmc_url TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            UNIQUE (site_id, name)))"),
        QStringLiteral(R"(CREATE TABLE components (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('gpu', 'cpu', 'memory', 'drive', 'nic', 'psu', 'fan')),
            name TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            serial TEXT NOT NULL DEFAULT '',
            firmware TEXT NOT NULL DEFAULT '',
            capacity_bytes BIGINT NOT NULL DEFAULT 0,
            health TEXT NOT NULL DEFAULT 'unknown'
                CHECK (health IN ('ok', 'warning', 'critical', 'unknown')),
            UNIQUE (device_id, name)))"),
        QStringLiteral(R"(CREATE TABLE ports (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            mac TEXT NOT NULL DEFAULT '',
            speed_gbps DOUBLE PRECISION NOT NULL DEFAULT 0,
            link_state TEXT NOT NULL DEFAULT 'unknown'
                CHECK (link_state IN ('up', 'down', 'unknown')),
            UNIQUE (device_id, name)))"),
        QStringLiteral(R"(CREATE TABLE links (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            a_device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            a_port TEXT NOT NULL,
            b_device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            b_port TEXT NOT NULL,
            speed_gbps DOUBLE PRECISION NOT NULL DEFAULT 0,
            source TEXT NOT NULL CHECK (source IN ('lldp', 'plan', 'redfish')),
            UNIQUE (a_device_id, a_port, b_device_id, b_port)))"),
        QStringLiteral(R"(CREATE TABLE tenants (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL DEFAULT '',
            contact_email TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'active'
                CHECK (state IN ('active', 'suspended', 'deleting')),
            created_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE services (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            params TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('operator-admin', 'operator-viewer',
                                               'tenant-admin', 'tenant-viewer')),
            tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            CHECK ((role LIKE 'tenant-%') = (tenant_id IS NOT NULL))))"),
        QStringLiteral(R"(CREATE TABLE tokens (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked_at TEXT))"),
        QStringLiteral(R"(CREATE TABLE events (
            id TEXT PRIMARY KEY,
            time TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
            source TEXT NOT NULL,
            message TEXT NOT NULL,
            tenant_id TEXT REFERENCES tenants(id) ON DELETE SET NULL,
            device_id TEXT REFERENCES devices(id) ON DELETE SET NULL))"),
        QStringLiteral(R"(CREATE TABLE audit (
            id TEXT PRIMARY KEY,
            time TEXT NOT NULL,
            username TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'))"),
    }};
}

Migration v2()
{
    // Alerts are events that stay open until cleared; the Overview counts the open ones.
    return {2, QStringLiteral("alerts on events, indexes for time-ordered reads"), {
        QStringLiteral("ALTER TABLE events ADD COLUMN alert INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE events ADD COLUMN cleared_at TEXT"),
        QStringLiteral("CREATE INDEX events_time ON events (time)"),
        QStringLiteral("CREATE INDEX audit_time ON audit (time)"),
        QStringLiteral("CREATE INDEX devices_kind ON devices (site_id, kind)"),
    }};
}

Migration v3()
{
    // Scans, enablements and onboardings are jobs that must survive a restart.
    return {3, QStringLiteral("jobs"), {
        QStringLiteral(R"(CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'partial',
                                                 'failed', 'cancelled')),
            progress_done INTEGER NOT NULL DEFAULT 0,
            progress_total INTEGER NOT NULL DEFAULT 0,
            payload TEXT NOT NULL DEFAULT '{}',
            result TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT))"),
        QStringLiteral("CREATE INDEX jobs_state ON jobs (state)"),
    }};
}

Migration v4()
{
    // Demo-lab faults persist until cleared, across restarts.
    return {4, QStringLiteral("lab faults"), {
        QStringLiteral(R"(CREATE TABLE lab_faults (
            id TEXT PRIMARY KEY,
            lab TEXT NOT NULL,
            device TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('bmc-down', 'bmc-slow', 'bmc-error', 'gpu-failed',
                                               'drive-failed', 'link-down', 'psu-failed', 'cnode-down')),
            component TEXT NOT NULL DEFAULT '',
            latency_ms INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL))"),
    }};
}

Migration v5()
{
    // BMC credentials for rescans, sealed (see auth/SecretBox.h); certificates pinned on first use.
    return {5, QStringLiteral("BMC credentials and pinned certificates"), {
        QStringLiteral(R"(CREATE TABLE bmc_credentials (
            url TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            secret TEXT NOT NULL,
            updated_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE bmc_certificates (
            host TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            pinned_at TEXT NOT NULL))"),
    }};
}

Migration v6()
{
    // Tenancy: quotas on the tenant, network pools and per-tenant allocations (IPAM: unique
    // VLAN per pool and unique subnet, enforced here), and operator settings. A default pool is
    // seeded so a new box can onboard tenants at once; operators add their own.
    return {6, QStringLiteral("tenant quotas, network pools and allocations, settings"), {
        QStringLiteral("ALTER TABLE tenants ADD COLUMN quota_capacity_bytes BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN quota_gpus INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN quota_max_services INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN qos_bandwidth_mbps BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN qos_iops BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral(R"(CREATE TABLE network_pools (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            vlan_from INTEGER NOT NULL CHECK (vlan_from BETWEEN 1 AND 4094),
            vlan_to INTEGER NOT NULL CHECK (vlan_to BETWEEN 1 AND 4094),
            cidr TEXT NOT NULL UNIQUE,
            subnet_prefix INTEGER NOT NULL CHECK (subnet_prefix BETWEEN 8 AND 30),
            CHECK (vlan_from <= vlan_to)))"),
        QStringLiteral(R"(CREATE TABLE tenant_networks (
            tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
            pool_id TEXT NOT NULL REFERENCES network_pools(id),
            vlan INTEGER NOT NULL,
            subnet TEXT NOT NULL UNIQUE,
            vip_from TEXT NOT NULL,
            vip_to TEXT NOT NULL,
            allowed_clients TEXT NOT NULL DEFAULT '[]',
            UNIQUE (pool_id, vlan)))"),
        QStringLiteral(R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
        QStringLiteral("INSERT INTO network_pools (id, name, vlan_from, vlan_to, cidr, subnet_prefix) "
                       "VALUES ('pool-default', 'tenant-default', 2000, 2999, '10.100.0.0/16', 24)"),
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('tenancy.overcommitRatio', '1.0')"),
    }};
}

Migration v7()
{
    // S3 access keys of tenant users: the secret is sealed (auth/SecretBox.h), shown once.
    return {7, QStringLiteral("tenant access keys"), {
        QStringLiteral(R"(CREATE TABLE access_keys (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            access_key TEXT NOT NULL UNIQUE,
            secret TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'revoked')),
            created_at TEXT NOT NULL,
            rotated_at TEXT,
            revoked_at TEXT))"),
        QStringLiteral("CREATE INDEX access_keys_tenant ON access_keys (tenant_id)"),
    }};
}

Migration v8()
{
    // The demo lab's VMS double: its objects (one JSON body per object, plus what it keeps but
    // never answers), its id counters, and the values no two objects may share, enforced here
    // as well as in the code. Lab faults gain VMS kinds and the method/status they match.
    return {8, QStringLiteral("lab VMS objects and VMS faults"), {
        QStringLiteral(R"(CREATE TABLE lab_faults_v8 (
            id TEXT PRIMARY KEY,
            lab TEXT NOT NULL,
            device TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('bmc-down', 'bmc-slow', 'bmc-error', 'gpu-failed',
                                               'drive-failed', 'link-down', 'psu-failed', 'cnode-down',
                                               'vms-error', 'vms-slow')),
            component TEXT NOT NULL DEFAULT '',
            latency_ms INTEGER NOT NULL DEFAULT 0,
            method TEXT NOT NULL DEFAULT '',
            status INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL))"),
        QStringLiteral("INSERT INTO lab_faults_v8 (id, lab, device, kind, component, latency_ms, created_at) "
                       "SELECT id, lab, device, kind, component, latency_ms, created_at FROM lab_faults"),
        QStringLiteral("DROP TABLE lab_faults"),
        QStringLiteral("ALTER TABLE lab_faults_v8 RENAME TO lab_faults"),
        QStringLiteral(R"(CREATE TABLE lab_vms_objects (
            lab TEXT NOT NULL,
            collection TEXT NOT NULL,
            id INTEGER NOT NULL CHECK (id >= 1),
            body TEXT NOT NULL,
            hidden TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (lab, collection, id)))"),
        QStringLiteral(R"(CREATE TABLE lab_vms_sequences (
            lab TEXT NOT NULL,
            collection TEXT NOT NULL,
            last_id INTEGER NOT NULL,
            PRIMARY KEY (lab, collection)))"),
        QStringLiteral(R"(CREATE TABLE lab_vms_unique (
            lab TEXT NOT NULL,
            unique_key TEXT NOT NULL,
            collection TEXT NOT NULL,
            id INTEGER NOT NULL,
            PRIMARY KEY (lab, unique_key),
            FOREIGN KEY (lab, collection, id) REFERENCES lab_vms_objects (lab, collection, id) ON DELETE CASCADE))"),
    }};
}

Migration v9()
{
    // Services become jobs of provider steps: what made a service is kept so disabling can
    // undo exactly that, and the tenant's foundation on the provider (tenant, VIP pool, QoS)
    // is kept on the tenant so deleting it removes exactly what was made for it.
    return {9, QStringLiteral("service enablement"), {
        QStringLiteral("ALTER TABLE services ADD COLUMN endpoints TEXT NOT NULL DEFAULT '{}'"),
        QStringLiteral("ALTER TABLE services ADD COLUMN health TEXT NOT NULL DEFAULT 'unknown'"),
        QStringLiteral("ALTER TABLE services ADD COLUMN job_id TEXT"),
        QStringLiteral("ALTER TABLE services ADD COLUMN error TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE services ADD COLUMN steps TEXT NOT NULL DEFAULT '[]'"),
        QStringLiteral("ALTER TABLE services ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX services_tenant ON services (tenant_id, created_at)"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN provider_foundation TEXT NOT NULL DEFAULT '[]'"),
        QStringLiteral("CREATE INDEX jobs_kind ON jobs (kind, created_at)"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN encryption_state TEXT NOT NULL DEFAULT 'none' "
                       "CHECK (encryption_state IN ('none', 'active', 'revoked'))"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN encryption_key_version INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE tenants ADD COLUMN encryption_changed_at TEXT"),
    }};
}

Migration v10()
{
    // Service health: the current tenant x kind cell (status, both wordings of its reason, since
    // when, and the alert open while it is bad), every status change of a cell, and the URLs
    // operators want alerts POSTed to.
    return {10, QStringLiteral("service health"), {
        QStringLiteral(R"(CREATE TABLE health_cells (
            tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('healthy', 'degraded', 'down', 'unknown', 'disabled')),
            reason TEXT NOT NULL DEFAULT '',
            tenant_reason TEXT NOT NULL DEFAULT '',
            since TEXT NOT NULL,
            alert_id TEXT REFERENCES events(id) ON DELETE SET NULL,
            PRIMARY KEY (tenant_id, kind)))"),
        QStringLiteral(R"(CREATE TABLE health_transitions (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL CHECK (to_status IN ('healthy', 'degraded', 'down', 'unknown', 'disabled')),
            reason TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX health_transitions_cell ON health_transitions (tenant_id, kind, at)"),
        QStringLiteral(R"(CREATE TABLE health_webhooks (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL))"),
    }};
}

Migration v11()
{
    // Telemetry: raw samples for a day and hourly rollups for a year (TelemetryRepository);
    // offset_total sums the samples' offsets into their hour, for their mean time.
    // Unlike the rest of the schema, times are epoch milliseconds (BIGINT): rollups bucket by
    // integer arithmetic, and range scans over a year of rows compare numbers, not text.
    return {11, QStringLiteral("telemetry samples and hourly rollups"), {
        QStringLiteral(R"(CREATE TABLE telemetry_samples (
            series TEXT NOT NULL,
            scope TEXT NOT NULL DEFAULT '',
            time_ms BIGINT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (series, scope, time_ms)))"),
        QStringLiteral("CREATE INDEX telemetry_samples_time ON telemetry_samples (time_ms)"),
        QStringLiteral(R"(CREATE TABLE telemetry_hourly (
            series TEXT NOT NULL,
            scope TEXT NOT NULL DEFAULT '',
            hour_ms BIGINT NOT NULL,
            samples INTEGER NOT NULL CHECK (samples > 0),
            total DOUBLE PRECISION NOT NULL,
            offset_total DOUBLE PRECISION NOT NULL,
            minimum DOUBLE PRECISION NOT NULL,
            maximum DOUBLE PRECISION NOT NULL,
            latest DOUBLE PRECISION NOT NULL,
            latest_ms BIGINT NOT NULL,
            PRIMARY KEY (series, scope, hour_ms)))"),
        QStringLiteral("CREATE INDEX telemetry_hourly_time ON telemetry_hourly (hour_ms)"),
    }};
}

Migration v12()
{
    // Commissioning: imported site plans (racks, devices and cabling as rows, so the database
    // refuses duplicates and dangling references too), runs that compare a plan with what
    // discovery found, their findings, waivers that carry over to later runs, and handover
    // reports with the data each was made from.
    return {12, QStringLiteral("commissioning plans, runs, findings, waivers, reports"), {
        QStringLiteral(R"(CREATE TABLE commissioning_plans (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL CHECK (site <> ''),
            name TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL CHECK (format IN ('json', 'csv', 'netbox')),
            extra TEXT NOT NULL DEFAULT '{}',
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral(R"(CREATE TABLE commissioning_plan_racks (
            plan_id TEXT NOT NULL REFERENCES commissioning_plans(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name <> ''),
            units INTEGER NOT NULL CHECK (units BETWEEN 1 AND 60),
            PRIMARY KEY (plan_id, name)))"),
        QStringLiteral(R"(CREATE TABLE commissioning_plan_devices (
            plan_id TEXT NOT NULL REFERENCES commissioning_plans(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            rack TEXT,
            position INTEGER CHECK (position IS NULL OR position >= 1),
            height_u INTEGER NOT NULL DEFAULT 1 CHECK (height_u BETWEEN 1 AND 20),
            kind TEXT NOT NULL CHECK (kind IN ('gpu-server', 'storage-cnode', 'storage-dbox',
                                               'switch', 'pdu', 'other')),
            vendor TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            serial TEXT NOT NULL DEFAULT '',
            asset_tag TEXT NOT NULL DEFAULT '',
            bmc_url TEXT NOT NULL DEFAULT '',
            firmware TEXT NOT NULL DEFAULT '',
            expected_gpus INTEGER,
            expected_drives INTEGER,
            expected_memory INTEGER,
            extra TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (plan_id, name),
            UNIQUE (plan_id, seq),
            FOREIGN KEY (plan_id, rack) REFERENCES commissioning_plan_racks (plan_id, name)))"),
        QStringLiteral(R"(CREATE TABLE commissioning_plan_links (
            plan_id TEXT NOT NULL REFERENCES commissioning_plans(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            a_device TEXT NOT NULL,
            a_port TEXT NOT NULL CHECK (a_port <> ''),
            b_device TEXT NOT NULL,
            b_port TEXT NOT NULL CHECK (b_port <> ''),
            speed_gbps DOUBLE PRECISION CHECK (speed_gbps IS NULL OR speed_gbps > 0),
            extra TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (plan_id, seq),
            UNIQUE (plan_id, a_device, a_port),
            UNIQUE (plan_id, b_device, b_port),
            FOREIGN KEY (plan_id, a_device) REFERENCES commissioning_plan_devices (plan_id, name),
            FOREIGN KEY (plan_id, b_device) REFERENCES commissioning_plan_devices (plan_id, name)))"),
        QStringLiteral(R"(CREATE TABLE commissioning_runs (
            id TEXT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
            plan_id TEXT NOT NULL REFERENCES commissioning_plans(id) ON DELETE CASCADE,
            previous_run_id TEXT REFERENCES commissioning_runs(id) ON DELETE SET NULL,
            scan_id TEXT,
            site TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            snapshot TEXT NOT NULL DEFAULT '{}',
            changes TEXT NOT NULL DEFAULT '[]'))"),
        QStringLiteral("CREATE INDEX commissioning_runs_plan ON commissioning_runs (plan_id, created_at)"),
        QStringLiteral(R"(CREATE TABLE commissioning_findings (
            id TEXT PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES commissioning_runs(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            finding_key TEXT NOT NULL,
            check_name TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
            status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'waived')),
            problem TEXT NOT NULL DEFAULT '',
            device TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            expected TEXT NOT NULL DEFAULT '',
            found TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL DEFAULT '',
            change TEXT NOT NULL DEFAULT '',
            waiver_reason TEXT,
            waived_by TEXT,
            waived_at TEXT,
            UNIQUE (run_id, finding_key),
            UNIQUE (run_id, seq),
            CHECK ((status = 'waived') = (waiver_reason IS NOT NULL))))"),
        QStringLiteral(R"(CREATE TABLE commissioning_waivers (
            plan_id TEXT NOT NULL REFERENCES commissioning_plans(id) ON DELETE CASCADE,
            finding_key TEXT NOT NULL,
            found TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL CHECK (reason <> ''),
            waived_by TEXT NOT NULL,
            waived_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, finding_key)))"),
        QStringLiteral(R"(CREATE TABLE commissioning_reports (
            id TEXT PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES commissioning_runs(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            html_sha256 TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            UNIQUE (run_id, sha256)))"),
        QStringLiteral("CREATE INDEX commissioning_reports_sha ON commissioning_reports (sha256)"),
        QStringLiteral("CREATE INDEX commissioning_reports_html ON commissioning_reports (html_sha256)"),
    }};
}

Migration v13()
{
    // Probes and alert rules: lab faults gain the endpoint kinds (a tenant's VIP pool refusing or
    // answering late); alerts can be acknowledged; threshold rules beyond the hardware (capacity,
    // runway, probe latency) are stored with their thresholds, and each open rule alert is kept
    // against its subject so there is one per subject however often the rule is evaluated.
    return {13, QStringLiteral("endpoint lab faults, alert acknowledgement, threshold alert rules"), {
        QStringLiteral(R"(CREATE TABLE lab_faults_v13 (
            id TEXT PRIMARY KEY,
            lab TEXT NOT NULL,
            device TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('bmc-down', 'bmc-slow', 'bmc-error', 'gpu-failed',
                                               'drive-failed', 'link-down', 'psu-failed', 'cnode-down',
                                               'vms-error', 'vms-slow', 'endpoint-down', 'endpoint-slow')),
            component TEXT NOT NULL DEFAULT '',
            latency_ms INTEGER NOT NULL DEFAULT 0,
            method TEXT NOT NULL DEFAULT '',
            status INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL))"),
        QStringLiteral("INSERT INTO lab_faults_v13 SELECT id, lab, device, kind, component, latency_ms, method, status, created_at "
                       "FROM lab_faults"),
        QStringLiteral("DROP TABLE lab_faults"),
        QStringLiteral("ALTER TABLE lab_faults_v13 RENAME TO lab_faults"),
        QStringLiteral("ALTER TABLE events ADD COLUMN acknowledged_at TEXT"),
        QStringLiteral("ALTER TABLE events ADD COLUMN acknowledged_by TEXT"),
        QStringLiteral(R"(CREATE TABLE alert_rules (
            id TEXT PRIMARY KEY CHECK (id IN ('cluster-capacity', 'tenant-quota', 'runway', 'probe-latency')),
            threshold REAL NOT NULL CHECK (threshold >= 0),
            enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral(R"(CREATE TABLE rule_alerts (
            rule TEXT NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
            subject TEXT NOT NULL,
            alert_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            value REAL NOT NULL,
            PRIMARY KEY (rule, subject)))"),
        QStringLiteral("INSERT INTO alert_rules (id, threshold, updated_at) VALUES "
                       "('cluster-capacity', 85, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
                       "('tenant-quota', 90, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
                       "('runway', 30, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
                       "('probe-latency', 500, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"),
    }};
}

Migration v14()
{
    // "View as tenant": a login token an operator gets to look at one tenant through that
    // tenant's eyes (tenant-viewer, read-only, short-lived). It stays the operator's token, so
    // it is audited under their name and goes with their account; it goes with the tenant too.
    return {14, QStringLiteral("tokens that view as a tenant"), {
        QStringLiteral("ALTER TABLE tokens ADD COLUMN view_tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE"),
    }};
}

Migration v15()
{
    // Events in a tenant's own words, for the tenant portal: the operator's message names
    // devices, serials and other tenants; this one says what it means for that tenant. A NULL
    // keeps an event away from tenant users altogether.
    return {15, QStringLiteral("events in the tenant's words"), {
        QStringLiteral("ALTER TABLE events ADD COLUMN tenant_message TEXT"),
    }};
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{v1(), v2(), v3(), v4(), v5(), v6(), v7(), v8(), v9(), v10(), v11(), v12(), v13(), v14(), v15()};
    return all;
}

int latestSchemaVersion() { return migrations().constLast().version; }

} // namespace NeoCloud
