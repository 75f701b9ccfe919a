#!/usr/bin/env bash
# Load test on loopback (issue 8, "Load"): the web app in Release on the SQLite demo data, driven by
# wrk with 50 connections on a public meeting page, the search page and a public PDF download; then,
# in the same run, nginx serving the same meeting page saved as static HTML, as the upper bound.
# Prints one Markdown table (requests/s and p99 for each) and the ratio meeting page / nginx.
#
#   bench/load/run.sh                       defaults: 50 connections, 20 s per target
#   DURATION=30s CONNECTIONS=50 bench/load/run.sh
#
# Installs wrk and nginx from Debian's packages if they are missing (this script only; CI does not
# run it). Everything it starts listens on 127.0.0.1 and is stopped again on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${DURATION:-20s}"
connections="${CONNECTIONS:-50}"
threads="${THREADS:-2}"
app_port="${APP_PORT:-5191}"
nginx_port="${NGINX_PORT:-5192}"
meeting="${MEETING:-/cf/2025-03-06}"
query="${QUERY:-sygefrav%C3%A6r}"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian's packages..." >&2
  sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d "${TMPDIR:-/tmp}/dagsorden-load.XXXXXX")"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building (Release)..." >&2
dotnet build src/Dagsorden.Cli/Dagsorden.Cli.csproj -c Release -v quiet -nologo >&2
dotnet build src/Dagsorden.Web/Dagsorden.Web.csproj -c Release -v quiet -nologo >&2
root="$(pwd)"
(cd "$work" && dotnet "$root/src/Dagsorden.Cli/bin/Release/net10.0/dagsorden.dll" demo "$root/samples" >/dev/null)

echo "Starting the web app on 127.0.0.1:$app_port..." >&2
(cd "$work" && exec dotnet "$root/src/Dagsorden.Web/bin/Release/net10.0/Dagsorden.Web.dll" \
  --urls "http://127.0.0.1:$app_port" --Logging:LogLevel:Default=Warning >"$work/app.log" 2>&1) &
app_pid=$!
app="http://127.0.0.1:$app_port"
for _ in $(seq 1 120); do
  curl -fsS "$app/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$app/health" >/dev/null || { echo "The web app did not start; see its log:" >&2; cat "$work/app.log" >&2; exit 1; }

# Each target must answer 200 before it is measured: a fast 404 would flatter the numbers.
for path in "$meeting" "/soeg?q=$query" "$meeting.pdf"; do
  status="$(curl -s -o /dev/null -w '%{http_code}' "$app$path")"
  [ "$status" = "200" ] || { echo "$app$path answers $status, not 200" >&2; exit 1; }
done

mkdir -p "$work/static"
curl -fsS "$app$meeting" -o "$work/static/meeting.html"
# nginx's workers run as www-data: they must be able to read the page.
chmod 755 "$work" "$work/static"
chmod 644 "$work/static/meeting.html"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    location = /meeting { default_type text/html; try_files /meeting.html =404; }
  }
}
EOF
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
static="http://127.0.0.1:$nginx_port/meeting"
for _ in $(seq 1 20); do curl -fsS "$static" >/dev/null 2>&1 && break; sleep 0.2; done

# wrk --latency prints "Requests/sec: N" and a latency distribution with a "99%" line.
measure() { # name url
  local out="$work/wrk-$1.txt"
  wrk -t"$threads" -c"$connections" -d3s "$2" >/dev/null  # warm-up
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout 30s --latency "$2" >"$out"
  { echo "== $1: $2"; cat "$out"; } >&2
  local rps p99 non2xx
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")"
  printf '| %s | `%s` | %s | %s | %s |\n' "$1" "${2#http://127.0.0.1:*/}" "$rps" "$p99" "${non2xx:-0}"
  echo "$rps" >"$work/rps-$1"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$(date -u +%Y-%m-%d) $(nproc) cores, $connections connections, $threads wrk threads, $duration per target"
echo
echo "| target | path | requests/s | p99 | non-2xx |"
echo "|---|---|---|---|---|"
measure "meeting page" "$app$meeting"
measure "search" "$app/soeg?q=$query"
measure "PDF download" "$app$meeting.pdf"
measure "nginx, same page as static HTML" "$static"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
echo
awk -v a="$(cat "$work/rps-meeting page")" -v b="$(cat "$work/rps-nginx, same page as static HTML")" \
  'BEGIN { printf "Meeting page / nginx static: %.1f %% (target: at least 25 %%)\n", 100 * a / b }'
echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after"
