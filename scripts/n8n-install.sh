#!/usr/bin/env bash
# Installs the full n8n (about 3 GB) once, outside the clone, and reuses it afterwards. 2.41.1 is
# the release whose n8n-core and n8n-workflow match our devDependencies (2.41.3 needs a package
# the registry here does not have).
# `--ignore-scripts` skips an optional part that downloads from the internet; the two native
# modules n8n needs are then rebuilt from source against Node.js 24's headers.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

N8N_VERSION="${N8N_VERSION:-2.41.1}"
N8N_HOME_DIR="$LCIC_TOOLS_DIR/n8n-$N8N_VERSION"
export N8N_HOME_DIR

if [ ! -x "$N8N_HOME_DIR/node_modules/.bin/n8n" ] || [ ! -f "$N8N_HOME_DIR/.installed" ]; then
  echo "[n8n] installing n8n@$N8N_VERSION into $N8N_HOME_DIR (first run only; several minutes)" >&2
  mkdir -p "$N8N_HOME_DIR"
  (
    cd "$N8N_HOME_DIR"
    [ -f package.json ] || echo '{"name":"lcic-n8n-runtime","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2
    npm_config_nodedir="${LCIC_NODE24_HEADERS:-}" npm rebuild --loglevel=error isolated-vm sqlite3 >&2
    touch .installed
  )
fi
echo "$N8N_HOME_DIR/node_modules/.bin/n8n"
