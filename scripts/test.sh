#!/usr/bin/env bash
# Every test, from a fresh clone: installs what the tests need (npm packages,
# Chromium, the offline VS Code from code-server), then runs type-check, unit
# tests, the integration suite inside a real VS Code, and the packaged-VSIX test.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
bash scripts/ensure-code-server.sh
npm test
