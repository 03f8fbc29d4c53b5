#!/usr/bin/env bash
# Installs the Debian 12 packages NeoCloud Box needs to build, run and test.
# Idempotent: asks dpkg first and only calls apt-get for what is missing, so a
# second run on a ready machine takes well under a second.
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ pkg-config ccache git file dpkg-dev openssl
  # Qt 6.4 (HttpServer needs WebSockets to configure)
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qttest
  # crypto: Argon2id password hashes
  libsodium-dev
  # benchmark baseline: the Python Redfish client discovery is compared with
  python3-sushy
  # promtool: the tests check GET /metrics with `promtool check metrics`
  prometheus
  # headless rendering for GUI tests and screenshots
  xvfb xauth libgl1-mesa-dri fonts-dejavu-core
  # commissioning report tests render and read the PDF (pdftoppm, pdftotext)
  poppler-utils
  # the probe tests run a real S3 server (s3rver, from npm: see npm_test_servers below)
  nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# npm comes with some nodejs builds and is a package of its own in Debian's.
command -v npm >/dev/null 2>&1 || missing+=(npm)

# The npm packages the tests run (tests/servers/package-lock.json pins them), installed with
# `npm ci` only when the lock file is newer than what is installed.
npm_test_servers() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/servers"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "install-deps: npm ci in tests/servers"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  npm_test_servers
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
npm_test_servers
echo "install-deps: done"
