#!/usr/bin/env bash
# The main job from a fresh clone, in one command: VS Code (code-server, in a
# browser) with the packaged extension installed, and a local stand-in for the
# Nexudus API serving the documented example. Prints the address to open; with
# no display it also saves a screenshot of the opened panel.
#   bash scripts/demo.sh [--screenshot] [--once]     (see scripts/demo.ts)
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci starts from an empty node_modules, so only when the lock file is newer
# than the last install (npm writes node_modules/.package-lock.json at install).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/ensure-code-server.sh
node esbuild.js --tests
npm run --silent package >/dev/null
exec node out/scripts/demo.js "$@"
