#!/bin/bash
# A throwaway PostgreSQL cluster for the tests: `pg_cluster.sh start STATE` initialises one
# in a fresh temporary directory (as an unprivileged user when run as root: initdb refuses
# root), listening on 127.0.0.1 on a free port and on a socket in that directory only, and
# writes STATE (shell variables for the tests); `pg_cluster.sh stop STATE` stops it and
# removes it; `pg_cluster.sh stop STATE keep` stops the server and keeps the cluster and
# STATE (a benchmark's archive), and a later `start STATE` starts that cluster again, with
# the port and settings it had (start on a STATE whose server runs: nothing to do). Without
# PostgreSQL installed: skipped (exit 77) with one line, unless CI=true
# (then a failure: CI must run these tests). PG_SERVER_OPTIONS (e.g. "-c shared_buffers=2GB")
# adds server settings (the benchmark's).
set -euo pipefail
cmd=${1:?start or stop}
state=${2:?state file}

find_bin() {
  local dir
  command -v "$1" && return 0
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/$1" ] && { echo "$dir/$1"; return 0; }
  done
  return 1
}

if [ "$cmd" = stop ]; then
  [ -f "$state" ] || exit 0
  # shellcheck disable=SC1090
  . "$state"
  if [ "${3:-}" = keep ]; then
    $PG_AS "$PG_CTL" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    exit 0
  fi
  $PG_AS "$PG_CTL" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  rm -f "$state"
  exit 0
fi

# A cluster kept by `stop STATE keep`: started again as it was.
if [ -f "$state" ]; then
  # shellcheck disable=SC1090
  . "$state"
  if [ -d "$PG_DIR/data" ]; then
    $PG_AS "$PG_CTL" -D "$PG_DIR/data" status >/dev/null 2>&1 && exit 0
    $PG_AS "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 120 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR ${PG_START_OPTIONS:-}" >/dev/null \
      || { tail -5 "$PG_DIR/server.log" >&2; exit 1; }
    echo "PostgreSQL test cluster on 127.0.0.1:$PG_PORT ($PG_DIR), started again"
    exit 0
  fi
fi

skip_or_fail() {
  if [ "${CI:-}" = true ]; then
    echo "vanban: PostgreSQL tests: $1 (CI must run them: .ci/setup installs postgresql)" >&2
    exit 1
  fi
  echo "SKIP: PostgreSQL tests skipped: $1 (apt-get install postgresql to run them)"
  exit 77
}

INITDB=$(find_bin initdb) || skip_or_fail "initdb not found"
PG_CTL=$(find_bin pg_ctl) || skip_or_fail "pg_ctl not found"
PSQL=$(find_bin psql) || skip_or_fail "psql not found"

PG_DIR=$(mktemp -d /tmp/vanban-pg.XXXXXX)
PG_AS=""
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$PG_DIR"
  PG_AS="runuser -u nobody --"
fi
# A password that must never show in any output of vanban.
PG_PASSWORD="Pw-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')-secret"
echo "$PG_PASSWORD" > "$PG_DIR/pw"
chmod 600 "$PG_DIR/pw"
[ -n "$PG_AS" ] && chown nobody "$PG_DIR/pw"
$PG_AS "$INITDB" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pw" --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; rm -rf "$PG_DIR"; exit 1; }
start_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 ${PG_SERVER_OPTIONS:-}"
for attempt in 1 2 3 4 5 6 7 8; do
  PG_PORT=$(( 20000 + (RANDOM % 20000) ))
  if $PG_AS "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR $start_options" \
      >/dev/null 2>&1; then
    break
  fi
  PG_PORT=""
done
[ -n "$PG_PORT" ] || { cat "$PG_DIR/server.log" >&2; rm -rf "$PG_DIR"; exit 1; }
"$PSQL" -q -v ON_ERROR_STOP=1 "host=$PG_DIR port=$PG_PORT user=postgres dbname=postgres" \
  -c "CREATE ROLE vanban LOGIN CREATEDB PASSWORD '$PG_PASSWORD'" >/dev/null
cat > "$state" <<STATE
PG_DIR='$PG_DIR'
PG_PORT='$PG_PORT'
PG_PASSWORD='$PG_PASSWORD'
PG_CTL='$PG_CTL'
PSQL='$PSQL'
PG_AS='$PG_AS'
PG_ADMIN='host=$PG_DIR port=$PG_PORT user=postgres dbname=postgres'
PG_START_OPTIONS='$start_options'
STATE
echo "PostgreSQL test cluster on 127.0.0.1:$PG_PORT ($PG_DIR)"
