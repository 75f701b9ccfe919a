#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server from Debian's package on loopback, for the tests.
#   scripts/pg-test-server.sh start   -> prints the connection string on stdout
#   scripts/pg-test-server.sh stop
# The cluster lives under /tmp (the 'postgres' account may not be able to enter the checkout) and is
# deleted on stop.
set -euo pipefail

port="${DAGSORDEN_TEST_PG_PORT:-55432}"
dir="${TMPDIR:-/tmp}/dagsorden-pg-$port"
password="dagsorden-test"

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  echo "$found"
}

as_owner() {
  # PostgreSQL refuses to run as root; run it as the unprivileged 'postgres' account instead.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_server() {
  if [ -z "$(find_bin)" ]; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    local sudo=""
    if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  if [ -z "$(find_bin)" ]; then
    echo "PostgreSQL is not installed and could not be installed: run 'apt-get install postgresql'." >&2
    exit 1
  fi
}

start() {
  install_server
  local bin; bin="$(find_bin)"
  stop >/dev/null 2>&1 || true
  mkdir -p "$dir"
  local data="$dir/data"
  if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
  printf '%s\n' "$password" > "$dir/pwfile"
  if [ "$(id -u)" = "0" ]; then chown postgres "$dir/pwfile"; fi
  as_owner "$bin/initdb" -D "$data" -U dagsorden --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=dagsorden;Password=$password;Database=postgres"
}

stop() {
  local bin; bin="$(find_bin)"
  if [ -n "$bin" ] && [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
