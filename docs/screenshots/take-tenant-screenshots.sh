#!/bin/bash
# Retakes the Tenants and Services pictures: fills a database through the real server's REST API
# (demo lab and its VMS double: onboardings, a service VAST refuses, a suspended tenant, S3 keys),
# photographs both views with the real console under Xvfb, and lets the Quick Test photograph the
# enable dialog's plan and the wizard's review page. Usage: take-tenant-screenshots.sh [BUILD_DIR]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${1:-$HERE/../../build}" && pwd)
WORK=$(mktemp -d)
export NEOCLOUD_ADMIN_PASSWORD='screenshot-admin-pass'
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

"$BUILD/bin/neocloud-server" --db "$WORK/console.db" --lab --listen 127.0.0.1:18080 > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
API=http://127.0.0.1:18080/api/v1
for _ in $(seq 50); do curl -sf $API/health > /dev/null && break; sleep 0.3; done
json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }
TOKEN=$(curl -s -X POST $API/auth/login -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$NEOCLOUD_ADMIN_PASSWORD\"}" | json 'd["token"]')
call() { curl -s -X "$1" "$API$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
wait_job() { for _ in $(seq 120); do s=$(call GET "/jobs/$1" | json 'd["state"]'); [[ $s != running && $s != queued ]] && return; sleep 0.5; done; }
tenant_id() { call GET /tenants | json "{t['name']: t['id'] for t in d['items']}['$1']"; }
# The quotas need hardware to be checked against: wait for the lab's first discovery.
for _ in $(seq 100); do [[ $(call GET '/devices?limit=1' | json 'd.get("total", 0)') -gt 10 ]] && break; sleep 0.5; done

wait_job "$(call POST /onboardings '{"tenant": {"name": "acme", "displayName": "Acme Robotics", "contactEmail": "infra@acme.example",
  "quotas": {"capacityBytes": 120000000000000, "gpus": 16, "maxServices": 6, "qos": {"bandwidthMBps": 4000, "iops": 200000}},
  "network": {"allowedClients": ["10.20.0.0/16", "192.168.40.0/24"]}},
  "users": [{"username": "ada", "password": "acme-admin-secret", "role": "tenant-admin"},
            {"username": "grace", "password": "acme-viewer-secret", "role": "tenant-viewer"}],
  "services": [{"kind": "object-storage", "params": {"bucket": "training-data", "versioning": true, "quotaBytes": 50000000000000}},
               {"kind": "event-streaming", "params": {"topics": [{"name": "inference-events", "partitions": 16, "retentionHours": 72}]}},
               {"kind": "telemetry", "params": {"retentionDays": 90}}]}' | json 'd["id"]')"
wait_job "$(call POST /onboardings '{"tenant": {"name": "globex", "displayName": "Globex Research", "contactEmail": "ops@globex.example",
  "quotas": {"capacityBytes": 60000000000000, "gpus": 8, "maxServices": 4}},
  "users": [{"username": "hank", "password": "globex-admin-secret", "role": "tenant-admin"}],
  "services": [{"kind": "file-storage", "params": {"path": "/home", "protocols": ["NFS", "SMB"], "exportRules": [{"clients": "10.30.0.0/16", "access": "rw"}]}},
               {"kind": "database", "params": {"bucket": "analytics", "schemas": ["raw", "curated"]}}]}' | json 'd["id"]')"
wait_job "$(call POST /onboardings '{"tenant": {"name": "initech", "displayName": "Initech", "contactEmail": "it@initech.example",
  "quotas": {"capacityBytes": 20000000000000, "gpus": 4, "maxServices": 3}},
  "services": [{"kind": "block-storage", "params": {"volumes": [{"name": "scratch", "sizeBytes": 1099511627776}]}}]}' | json 'd["id"]')"
# A service VAST refuses (bucket names are unique on the cluster): it fails and is rolled back.
wait_job "$(call POST "/tenants/$(tenant_id globex)/services" '{"kind": "object-storage", "params": {"bucket": "training-data"}}' | json 'd["jobId"]')"
call POST /tenants '{"name": "umbrella", "displayName": "Umbrella Labs", "contactEmail": "lab@umbrella.example",
  "quotas": {"capacityBytes": 10000000000000, "gpus": 2, "maxServices": 2}}' > /dev/null
call PATCH "/tenants/$(tenant_id umbrella)" '{"state": "suspended"}' > /dev/null
call POST "/tenants/$(tenant_id acme)/keys" '{"username": "ada"}' > /dev/null
call POST "/tenants/$(tenant_id acme)/keys" '{"username": "grace"}' > /dev/null
kill $SERVER; wait $SERVER 2>/dev/null || true

for view in tenants services; do
    xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD/bin/neocloud-console" --db "$WORK/console.db" \
        --listen 127.0.0.1:0 --screenshot "$HERE/console-$view.png" --view $view > /dev/null
done
SHOTS=$(mktemp -d)
NEOCLOUD_SCREENSHOT_DIR=$SHOTS xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
    "$BUILD/tests/tst_quick_views" > /dev/null
cp "$SHOTS/console-services-plan.png" "$SHOTS/console-onboarding-review.png" "$HERE/"
rm -rf "$SHOTS"
echo "pictures in $HERE"
