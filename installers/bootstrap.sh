#!/usr/bin/env bash
# The two ways into the project on a fresh Debian 12 machine (see README.md):
#   installers/bootstrap.sh start   install what is missing, build, start the console
#   installers/bootstrap.sh test    install what is missing, build, run every test suite
# Safe to re-run: the dependency step is a no-op when all is present and the build is incremental.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${NEOCLOUD_BUILD_DIR:-$root/build}"
mode="${1:-start}"

case "$mode" in
  start|test) ;;
  *) echo "usage: $0 start|test" >&2; exit 2 ;;
esac

"$here/install-deps.sh"

export CCACHE_DIR="${CCACHE_DIR:-$root/.cache/ccache}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --parallel "$(nproc)"

if [ "$mode" = test ]; then
  mkdir -p /tmp/runtime-neocloud-tests && chmod 700 /tmp/runtime-neocloud-tests
  cd "$build"
  # Every label. Benchmarks first and verbose, so the figures they print reach the log; they
  # assert only that the work was done. Then unit, integration, gui and package, two at a time.
  ctest -L bench --verbose --timeout 900
  exec ctest -LE bench --output-on-failure --parallel 2 --timeout 600
fi

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "bootstrap: no display here; starting the headless server instead (neocloud-server)." >&2
  exec "$build/bin/neocloud-server" "${@:2}"
fi
exec "$build/bin/neocloud-console" "${@:2}"
