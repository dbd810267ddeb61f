#!/usr/bin/env bash
# Proves that the integration tier catches a broken extension: copies the repository to a temporary
# directory, makes activate() throw, runs `node scripts/test.mjs --integration-only` there and succeeds only
# if that run FAILS (non-zero exit, a non-zero failure count, and the injected error visible in the output).
# Not part of `npm test`. Usage: bash scripts/prove-broken.sh   (needs what npm test needs; ~2 min)
set -euo pipefail
tmp=""
main() {
  local repo log ext rc
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/beacon-broken-XXXXXX")
  log="$tmp.log"
  trap 'rm -rf "$tmp"' EXIT   # $tmp is global: the trap runs after main returns

  # the working tree as git sees it (tracked + untracked, minus .gitignore'd: no node_modules, out, dist)
  # (node_modules, out, dist are never copied, even when they are symlinks that .gitignore's "dir/" misses)
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard) \
    | grep -zvE '^(node_modules|out|dist)(/|$)' \
    | (cd "$repo" && tar --null -T - -cf -) | tar -C "$tmp" -xf -
  [ -d "$repo/node_modules" ] || { echo "prove-broken: run npm ci first" >&2; exit 2; }
  ln -s "$(cd "$repo/node_modules" && pwd -P)" "$tmp/node_modules"

  ext="$tmp/src/vscode/extension.ts"
  grep -qE '^export (async )?function activate\(' "$ext" || { echo "prove-broken: no 'export function activate(' in $ext" >&2; exit 2; }
  # first statement of activate(): throw (behind a condition, so tsc sees no unreachable code)
  perl -0pi -e 's/^(export (?:async )?function activate\([^)]*\)[^{]*\{\n)/$1  if (Date.now() > 0) throw new Error("deliberately broken");\n/m' "$ext"
  grep -q 'deliberately broken' "$ext" || { echo "prove-broken: could not inject the throw" >&2; exit 2; }
  echo "prove-broken: activate() now throws in $ext"

  set +e
  (cd "$tmp" && node scripts/test.mjs --integration-only) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e

  local summary
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 || true)
  echo
  echo "prove-broken: broken copy exit=$rc, summary: ${summary:-none}"
  if [ "$rc" -eq 0 ]; then echo "prove-broken: FAILED — npm test passed with a broken extension" >&2; exit 1; fi
  if ! [[ "$summary" =~ ^[0-9]+\ passed,\ ([1-9][0-9]*)\ failed$ ]]; then echo "prove-broken: FAILED — no failure counted" >&2; exit 1; fi
  if ! grep -q 'deliberately broken' "$log"; then echo "prove-broken: FAILED — the injected error does not appear in the output" >&2; exit 1; fi
  rm -f "$log"
  echo "prove-broken: OK — the broken extension makes the integration tier fail"
}
main "$@"
