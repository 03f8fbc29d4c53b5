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
  # the console's web views (NEOCLOUD_WITH_WEBENGINE); QML's QtWebEngine needs QtWebChannel
  qt6-webengine-dev qml6-module-qtwebengine qml6-module-qtwebchannel
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
  # browser tests of the web console (Debian's chromium, driven by playwright-core from npm) and
  # the probe tests' real S3 server (from npm)
  chromium nodejs
  # tests/bench/bench_web.sh: wrk loads the REST API, and an nginx of its own (on a free loopback
  # port, its own config in a temp dir) serves the same JSON as the upper bound; nginx-light is
  # not smaller in bookworm (it is nginx plus the echo module)
  wrk nginx
)
# Debian's nodejs has npm separately; other builds of nodejs (NodeSource) bring their own and
# conflict with Debian's npm package.
command -v npm >/dev/null 2>&1 || packages+=(npm)

here="$(cd "$(dirname "$0")" && pwd)"
# The npm packages the tests use, each directory pinned by its package-lock.json: tests/browser
# (playwright-core, axe-core; nothing downloads a browser, the tests use /usr/bin/chromium) and
# tests/servers (an S3 server that checks SigV4). `npm ci` runs only when a lockfile differs
# from the one last installed there.
install_npm_test_modules() {
  local dir
  for dir in "$here/../tests/browser" "$here/../tests/servers"; do
    if cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"; then
      continue
    fi
    echo "install-deps: npm ci in ${dir#"$here/../"}"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"
  done
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  install_npm_test_modules
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The benchmark runs its own nginx; the distribution's service that apt may have just started on
# port 80 is not wanted. Only an nginx this run installed is stopped, never one already in use.
if printf '%s\n' "${missing[@]}" | grep -qx nginx; then
  if [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
  else
    $SUDO service nginx stop >/dev/null 2>&1 || true
    $SUDO update-rc.d nginx disable >/dev/null 2>&1 || true
  fi
fi
install_npm_test_modules
echo "install-deps: done"
