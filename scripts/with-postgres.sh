#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server (started here, removed afterwards).
# Usage: scripts/with-postgres.sh <command…>   — the command sees TEST_DATABASE_URL.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55433}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed ($PGBIN/initdb missing). Run: apt-get install -y postgresql-15 postgresql-contrib (bash .ci/run does it)." >&2
  exit 3
fi
PGTMP=$(mktemp -d)
cleanup() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  else "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$PGTMP"
}
trap cleanup EXIT
OPTS="-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
if [ "$(id -u)" = 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres:postgres "$PGTMP"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 -o "$OPTS" start >/dev/null
else
  "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 -o "$OPTS" start >/dev/null
fi
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PGPORT"
"$@"
