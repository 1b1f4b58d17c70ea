#!/usr/bin/env bash
# Redis and PostgreSQL for the queue-mode end-to-end check (npm run e2e:queue), from Debian's
# packages, installed only when missing. Nothing is started here and no system service is used:
# the check starts its own servers on 127.0.0.1 with throw-away data folders.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
have_all() {
  local bin
  bin="$(pg_bin)"
  command -v redis-server >/dev/null &&
    [ -n "$bin" ] && [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ] && [ -x "$bin/psql" ]
}

if ! have_all; then
  if [ "$(id -u)" != 0 ]; then
    echo "[queue] Redis and PostgreSQL are needed; as root run: apt-get install -y redis-server postgresql" >&2
    exit 1
  fi
  echo "[queue] installing redis-server and postgresql from Debian's packages (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  install() {
    apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 redis-server postgresql >&2
  }
  # A fresh machine may have no package lists yet: update only when the install cannot proceed.
  if ! install; then
    apt-get update -o DPkg::Lock::Timeout=300 >&2
    install
  fi
  have_all || { echo "[queue] redis-server or PostgreSQL still missing after apt-get" >&2; exit 1; }
fi
echo "redis-server=$(command -v redis-server)"
echo "postgres-bin=$(pg_bin)"
