#!/usr/bin/env bash
# Runs the browser tests against the server the fixture started (STATE from server.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="$1"; out="$2"
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "playwright-core is not installed: run installers/install-deps.sh (npm ci in tests/browser)" >&2
  exit 1
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "playwright-core 1.65 needs Node.js 20 or later; this is $(node --version)" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "Debian's chromium is missing: run installers/install-deps.sh" >&2
  exit 1
fi
set -a
# shellcheck disable=SC1090
. "$state"
set +a
export NEOCLOUD_BROWSER_OUT="$out"
mkdir -p "$out"
cd "$here"
# Every *.test.mjs, one file at a time (they share one server), in name order.
exec node --test --test-concurrency=1 ./*.test.mjs
