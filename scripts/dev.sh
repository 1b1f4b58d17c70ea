#!/usr/bin/env bash
# The project's entry point. Works on a machine that has only the system Node.js and npm:
# it fetches Node.js 24 (needed by n8n 2.x) from the npm registry when the system one is older.
#
#   bash scripts/dev.sh demo   set up, build, run examples 1 and 2 in a real n8n against the LCIC emulator
#   bash scripts/dev.sh test   set up, build, type-check, lint and run every test
#   bash scripts/dev.sh bench  set up, build and run the benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

setup() {
  step "Node.js $(node --version), npm $(npm --version 2>/dev/null)"
  # Reinstall only when the lock file changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing dependencies (npm install, locked versions)"
    # Not `npm ci`: the registry here has no builds of a jest resolver for other platforms, so npm
    # ci calls the lock "out of sync"; `npm install` installs exactly the locked versions anyway.
    npm install --no-audit --no-fund --loglevel=error
  fi
  step "Building (npm run build)"
  npm run --silent build
}

case "${1:-}" in
  demo)
    setup
    step "The demo: examples 1 and 2 in a real n8n, against the local LCIC emulator"
    npx --no-install tsx scripts/demo.ts
    ;;
  test)
    setup
    step "Type-checking (npm run typecheck)"
    npm run --silent typecheck
    step "Linting with n8n's community-node rules (npm run lint)"
    npm run --silent lint
    step "n8n's verification scanner on the source and the packed package (npm run scan)"
    npm run --silent scan
    step "actionlint on the GitHub Actions workflows (npm run lint:workflows)"
    npm run --silent lint:workflows
    step "Running the tests (npm test)"
    npm test --silent -- --ci
    step "End-to-end in a real n8n: installed from a local npm registry through n8n's Community Nodes, the example workflows, an update (npm run e2e)"
    npm run --silent e2e
    step "End-to-end in n8n queue mode: Redis, PostgreSQL, main and two workers (npm run e2e:queue)"
    npm run --silent e2e:queue
    ;;
  bench)
    setup
    step "Running the benchmarks (npm run bench)"
    npm run --silent bench
    ;;
  *)
    echo "usage: bash scripts/dev.sh demo|test|bench" >&2
    exit 2
    ;;
esac
