#!/usr/bin/env bash
# The web benchmark of issue 6 ("Figures to reach"), printed as "BENCH ..." lines:
#  - GET /api/v1/devices?limit=100 at 10,000 devices under wrk (64 connections, 2 threads, 10 s),
#    next to an nginx of its own serving the very same bytes from a file: requests/s, p50/p99
#    latency, bytes per response, and the ratio server/nginx (nginx is the upper bound);
#  - chromium's first contentful paint and bytes transferred for a cold and a warm load of the
#    web console's Overview and Hardware (bench_web_paint.mjs).
# Usage: bench_web.sh NEOCLOUD_SERVER BENCH_WEB_FILL OUT_DIR
# Fails when something does not work (a server that does not start, a refused request, a wrk
# socket error or a non-2xx answer); it never asserts a time.
set -euo pipefail

server_bin="$1"; fill_bin="$2"; out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
browser_dir="$here/../browser"
duration="${BENCH_WEB_DURATION:-10s}"
connections=64
nginx_bin=/usr/sbin/nginx

fail() { echo "bench_web: $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is missing: run installers/install-deps.sh"
[ -x "$nginx_bin" ] || fail "nginx is missing: run installers/install-deps.sh"
command -v curl >/dev/null || fail "curl is missing"
command -v node >/dev/null || fail "node is missing: run installers/install-deps.sh"
[ -d "$browser_dir/node_modules/playwright-core" ] || fail "playwright-core is missing: run installers/install-deps.sh"
[ -x /usr/bin/chromium ] || fail "Debian's chromium is missing: run installers/install-deps.sh"

mkdir -p "$out"
dir=$(mktemp -d /tmp/neocloud-bench-web.XXXXXX)
server_pid=""; nginx_pid=""
cleanup() {
  for pid in $nginx_pid $server_pid; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
}
trap cleanup EXIT

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# 1. A database holding 10,000 devices, and neocloud-server on it (no lab: the devices are the
#    stored ones; no health poll or telemetry sampling competing with the requests).
password="bench-web-$(date +%s)-$$"
"$fill_bin" "$dir/neocloud.db" "$password"
NEOCLOUD_ADMIN_PASSWORD="$password" QT_QPA_PLATFORM=offscreen \
  setsid "$server_bin" --listen 127.0.0.1:0 --db "$dir/neocloud.db" --health-poll 0 --telemetry-interval 0 \
  > "$dir/server.log" 2>&1 < /dev/null &
server_pid=$!
base=""
for _ in $(seq 1 300); do
  base=$(grep -o 'serving http://[0-9.]*:[0-9]*' "$dir/server.log" | head -1 | sed 's/^serving //' || true)
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log"; fail "neocloud-server exited"; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$dir/server.log"; fail "neocloud-server did not say where it listens"; }

token=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/auth/login" |
  node -e 'let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => console.log(JSON.parse(s).token));') ||
  fail "login refused"
[ -n "$token" ] || fail "no token from the login"

# 2. The exact bytes of the measured answer, which nginx will serve.
path="/api/v1/devices?limit=100"
mkdir -p "$dir/www"
code=$(curl -s -o "$dir/www/devices.json" -D "$dir/server-headers.txt" -w '%{http_code}' \
  -H "Authorization: Bearer $token" "$base$path")
[ "$code" = 200 ] || fail "GET $path answered $code"
node -e '
  const page = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (page.items.length !== 100 || page.total < 10000) { console.error(`items ${page.items.length}, total ${page.total}`); process.exit(1); }
' "$dir/www/devices.json" || fail "GET $path did not answer 100 of 10,000 devices"

# 3. nginx on a free loopback port with its own prefix (config, pid, logs, temp paths).
nginx_port=$(free_port)
mkdir -p "$dir/nginx/tmp"
nginx_config() { # WORKERS
  cat <<EOF
daemon off;
worker_processes $1;
$( [ "$(id -u)" -eq 0 ] && echo "user root root;" )
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  client_body_temp_path $dir/nginx/tmp/body;
  proxy_temp_path $dir/nginx/tmp/proxy;
  fastcgi_temp_path $dir/nginx/tmp/fastcgi;
  uwsgi_temp_path $dir/nginx/tmp/uwsgi;
  scgi_temp_path $dir/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /api/v1/devices {
      default_type application/json;
      alias $dir/www/devices.json;
    }
  }
}
EOF
}
start_nginx() { # WORKERS
  nginx_config "$1" > "$dir/nginx/nginx.conf"
  "$nginx_bin" -p "$dir/nginx" -e "$dir/nginx/error.log" -c "$dir/nginx/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$nginx_port$path" && return 0
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$dir/nginx/error.log"; fail "nginx exited"; }
    sleep 0.1
  done
  fail "nginx did not answer on port $nginx_port"
}
stop_nginx() {
  kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
}

# Bytes of one answer on the wire: headers + body, as curl counts them.
answer_bytes() { # URL [HEADER]
  curl -s -o /dev/null -w '%{size_header} %{size_download}' ${2:+-H "$2"} "$1"
}

# wrk, its output kept; fails on socket errors (timeouts are a figure, not an error) and on any
# answer outside 2xx/3xx. Prints one BENCH line.
run_wrk() { # NAME URL [HEADER [LUA_SCRIPT]]
  local name="$1" url="$2" header="${3:-}" script="${4:-}" log="$out/wrk-$1.txt"
  wrk -t2 -c"$connections" -d"$duration" --latency ${header:+-H "$header"} ${script:+-s "$script"} "$url" > "$log" 2>&1 ||
    { cat "$log"; fail "wrk against $name failed"; }
  if grep -q 'Non-2xx or 3xx responses' "$log"; then cat "$log"; fail "$name gave non-2xx answers"; fi
  if grep 'Socket errors' "$log" | grep -Eq 'connect [1-9]|read [1-9]|write [1-9]'; then cat "$log"; fail "socket errors against $name"; fi
  local rps p50 p99 requests timeouts sizes
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$log")
  p50=$(awk '$1 == "50%" { print $2 }' "$log")
  p99=$(awk '$1 == "99%" { print $2 }' "$log")
  requests=$(awk '/requests in/ { print $1 }' "$log")
  timeouts=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' "$log"); timeouts=${timeouts:-0}
  [ -n "$rps" ] && [ -n "$p99" ] && [ "${requests:-0}" -gt 0 ] || { cat "$log"; fail "no figures from wrk against $name"; }
  sizes=($(answer_bytes "$url" "$header"))
  printf 'BENCH web api %-14s %9s req/s  p50 %8s  p99 %8s  %7s requests in %s, %s timeouts  %s B headers + %s B body per answer\n' \
    "$name" "$rps" "$p50" "$p99" "$requests" "$duration" "$timeouts" "${sizes[0]}" "${sizes[1]}"
  eval "rps_${name//-/_}=$rps"
}

echo "BENCH web setup: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
run_wrk server "$base$path" "Authorization: Bearer $token"
# The server keeps device pages until the store changes, so the run above is mostly served from
# memory. Here every request asks for another page (offsets 0..9,999, limit 100): the cost of a
# page read from the store each time.
cat > "$dir/every-page.lua" <<'LUA'
local offset = -1
request = function()
  offset = (offset + 1) % 10000
  return wrk.format(nil, "/api/v1/devices?limit=100&offset=" .. offset)
end
LUA
run_wrk server-uncached "$base$path" "Authorization: Bearer $token" "$dir/every-page.lua"
start_nginx 1
run_wrk nginx-1worker "http://127.0.0.1:$nginx_port$path"
stop_nginx
start_nginx auto
run_wrk nginx-auto "http://127.0.0.1:$nginx_port$path"
stop_nginx
# shellcheck disable=SC2154 # set by run_wrk
awk -v s="$rps_server" -v u="$rps_server_uncached" -v one="$rps_nginx_1worker" -v auto="$rps_nginx_auto" -v n="$(nproc)" 'BEGIN {
  printf "BENCH web api ratio server/nginx: %.4f of nginx with 1 worker, %.4f of nginx with %d workers (the upper bound)\n", s / one, s / auto, n
  printf "BENCH web api ratio server/nginx, a new page every request: %.4f of nginx with %d workers\n", u / auto, n
}'

# 4. The browser: cold and warm loads of Overview and Hardware.
NEOCLOUD_URL="$base" NEOCLOUD_TOKEN="$token" NEOCLOUD_BROWSER_OUT="$out" \
  node "$here/bench_web_paint.mjs" || fail "the browser benchmark failed"
kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log"; fail "neocloud-server died during the benchmark"; }
