#!/usr/bin/env bash
# Fails when a binary links Qt WebEngine, Qt Quick or QML, directly or through another library:
# neocloud-server is the headless build and must never need them (ctest server_links_no_webengine).
# Run on neocloud-console it must fail (ctest console_fails_the_webengine_check), which proves the
# check sees what it looks for.
set -euo pipefail
binary="$1"
direct="$(readelf -d "$binary" | awk '/\(NEEDED\)/ {print $NF}' | tr -d '[]')"
all="$(ldd "$binary" | awk '{print $1}')"
# Reading nothing would pass anything: the binary must at least show Qt Core.
grep -q '^libQt6Core\.so' <<<"$direct" || { echo "readelf found no Qt Core in $binary" >&2; exit 1; }
if found="$(grep -E '^libQt6(WebEngine|Quick|Qml)' <<<"$all")"; then
  echo "$(basename "$binary") loads:" $found >&2
  exit 1
fi
echo "$(basename "$binary"): $(wc -l <<<"$direct") direct and $(wc -l <<<"$all") loaded libraries, none of Qt WebEngine, Quick or QML"
