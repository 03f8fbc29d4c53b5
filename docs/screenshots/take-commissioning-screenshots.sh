#!/bin/bash
# Retakes the Commissioning pictures: the Quick Test runs the console over commissioning-demo.json
# (the demo site built with five known differences), imports the lab's plan, runs it, selects a
# finding and photographs the view, then saves the handover report as PDF; page 1 of that PDF is
# rendered with pdftoppm. Usage: take-commissioning-screenshots.sh [BUILD_DIR]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${1:-$HERE/../../build}" && pwd)
SHOTS=$(mktemp -d)
trap 'rm -rf "$SHOTS"' EXIT
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

if command -v xvfb-run > /dev/null; then
    NEOCLOUD_SCREENSHOT_DIR=$SHOTS xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        "$BUILD/tests/tst_quick_commissioning" > "$SHOTS/test.log" 2>&1 || { cat "$SHOTS/test.log"; exit 1; }
else
    NEOCLOUD_SCREENSHOT_DIR=$SHOTS QT_QPA_PLATFORM=offscreen \
        "$BUILD/tests/tst_quick_commissioning" > "$SHOTS/test.log" 2>&1 || { cat "$SHOTS/test.log"; exit 1; }
fi
cp "$SHOTS/console-commissioning.png" "$HERE/"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$SHOTS/commissioning-report.pdf" "$HERE/commissioning-report"
echo "pictures in $HERE"
