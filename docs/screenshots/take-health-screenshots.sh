#!/bin/bash
# Retakes the Health, Capacity and Overview pictures. tst_health_views builds the scene over the
# demo lab (its Redfish BMCs and VMS double): five tenants with services of every kind, block
# volumes the VMS counts as written, a fortnight of capacity history as the sampler would have
# recorded it, then a CNode powered off; it clicks acme's object storage cell, presses the
# what-if's Calculate, and saves each view as the real console window draws it under Xvfb.
# Usage: take-health-screenshots.sh [BUILD_DIR]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${1:-$HERE/../../build}" && pwd)
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

SHOTS=$(mktemp -d)
trap 'rm -rf "$SHOTS"' EXIT
NEOCLOUD_SCREENSHOT_DIR=$SHOTS xvfb-run -a -s "-screen 0 1600x1600x24" env QT_QPA_PLATFORM=xcb \
    "$BUILD/tests/tst_health_views" > "$SHOTS/test.log" 2>&1 || { tail -40 "$SHOTS/test.log"; exit 1; }
cp "$SHOTS/console-health.png" "$SHOTS/console-capacity.png" "$SHOTS/console-overview.png" "$HERE/"
echo "pictures in $HERE"
