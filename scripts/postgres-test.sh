#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test suite, on a loopback port.
#
#   eval "$(scripts/postgres-test.sh)"        # start (or reuse) and export CONSENTRY_TEST_POSTGRES_URL
#   scripts/postgres-test.sh stop             # stop it (only the postmaster of our data directory)
#   scripts/postgres-test.sh status|url
#   PGDURABLE=1 scripts/postgres-test.sh     # a second cluster (port 55433) with fsync on, for
#                                            # honest durable-commit figures in bench/ledger_bench.py
#
# Idempotent: when something already answers on the port as our cluster, it is reused. Works as
# root on a clean Debian 12 (installs the `postgresql` package when initdb is missing; initdb
# refuses root, so the server runs as the `postgres` user) and as an ordinary user.
# fsync and synchronous_commit are off: this cluster is for tests only, never for data.
set -euo pipefail

if [[ -n "${PGDURABLE:-}" ]]; then
  PGPORT=${PGPORT:-55433}
  FAST=""
else
  PGPORT=${PGPORT:-55432}
  FAST="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
PGROOT=${PGROOT:-/tmp/consentry-pg-$PGPORT}   # short: the Unix socket lives here
DBNAME=${DBNAME:-test}
URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/$DBNAME"

log() { echo "postgres-test: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      log "initdb not found; install PostgreSQL (apt-get install postgresql) as root"
      exit 1
    fi
    log "installing postgresql with apt-get"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PGBIN=$dir
}

as_pg() {  # run a server command as the cluster's owner
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

answers() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -U postgres >/dev/null 2>&1; }

psql_q() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qAtX -c "$1"; }

ensure_db() {
  if [[ -z "$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" ]]; then
    psql_q "CREATE DATABASE $DBNAME" >/dev/null
  fi
}

start_server() {
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT $FAST -c max_connections=200" \
    start >&2
}

start() {
  find_bin
  if answers; then
    if ! psql_q "SELECT 1" >/dev/null 2>&1; then
      log "port $PGPORT answers but not as a trusting postgres cluster; set PGPORT to a free port"
      exit 1
    fi
    log "reusing the cluster already running on 127.0.0.1:$PGPORT"
  else
    mkdir -p "$PGROOT"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PGROOT"
    if [[ -f "$PGROOT/data/PG_VERSION" ]]; then
      log "restarting the cluster in $PGROOT/data"
      start_server || { log "restart failed; making a fresh cluster"; rm -rf "$PGROOT/data"; }
    fi
    if ! answers; then
      rm -rf "$PGROOT/data"
      as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >"$PGROOT/initdb.log" 2>&1 || { cat "$PGROOT/initdb.log" >&2; exit 1; }
      start_server
    fi
  fi
  ensure_db
  log "ready: $URL"
  echo "export CONSENTRY_TEST_POSTGRES_URL=$URL"
}

stop() {
  find_bin
  if [[ -f "$PGROOT/data/postmaster.pid" ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >&2 || true
    log "stopped the cluster in $PGROOT"
  else
    log "no cluster running from $PGROOT"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  status) find_bin; if answers; then log "up on 127.0.0.1:$PGPORT"; else log "down"; exit 1; fi ;;
  *) echo "usage: $0 [start|stop|status|url]" >&2; exit 2 ;;
esac
