#!/usr/bin/env bash
# The ctest fixture of the browser tests: `server.sh start BIN STATE` runs neocloud-server with
# the demo lab on a free port, a temporary database and a known admin password, and writes
# what the tests need to STATE (a shell-sourceable file); `server.sh stop STATE` ends it.
set -euo pipefail

case "${1:-}" in
start)
  bin="$2"; state="$3"
  dir=$(mktemp -d /tmp/neocloud-browser.XXXXXX)
  password="browser-test-$(date +%s)-$$"
  NEOCLOUD_ADMIN_PASSWORD="$password" QT_QPA_PLATFORM=offscreen \
    setsid "$bin" --lab --listen 127.0.0.1:0 --db "$dir/neocloud.db" --health-poll 1 --telemetry-interval 0 \
    > "$dir/server.log" 2>&1 < /dev/null &
  pid=$!
  url=""
  for _ in $(seq 1 300); do
    url=$(grep -o 'serving http://[0-9.]*:[0-9]*' "$dir/server.log" | head -1 | sed 's/^serving //' || true)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "neocloud-server exited:"; cat "$dir/server.log"; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "neocloud-server did not say where it listens:"; cat "$dir/server.log"; kill "$pid"; exit 1; }
  printf 'NEOCLOUD_URL=%s\nNEOCLOUD_ADMIN_PASSWORD=%s\nNEOCLOUD_PID=%s\nNEOCLOUD_DIR=%s\n' \
    "$url" "$password" "$pid" "$dir" > "$state"
  echo "neocloud-server $pid at $url (log: $dir/server.log)"
  ;;
stop)
  state="$2"
  [ -f "$state" ] || exit 0
  # shellcheck disable=SC1090
  . "$state"
  kill "$NEOCLOUD_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$NEOCLOUD_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$NEOCLOUD_PID" 2>/dev/null || true
  rm -rf "$NEOCLOUD_DIR" "$state"
  ;;
*)
  echo "usage: $0 start BIN STATE | stop STATE" >&2; exit 2 ;;
esac
