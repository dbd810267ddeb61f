#!/usr/bin/env node
// The CLI as users get it: `npm pack` this checkout, install the tarball into an empty prefix
// (`npm install -g --prefix DIR`), put DIR/bin first on PATH, and use `beacon-debug` from a folder outside
// the checkout. `npm test` runs this stage; it writes {passed, failed, failures} to $BEACON_TEST_RESULTS.
//   node scripts/installedCli.mjs [--keep]      (--keep: leave the temp dirs and print where they are)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-installed-cli-'));
const prefix = path.join(work, 'prefix');
const cwd = path.join(work, 'elsewhere'); // not the checkout: the installed command must not need it
fs.mkdirSync(cwd);
const results = { passed: 0, failed: 0, failures: [] };
const MAX_TARBALL_BYTES = 1024 * 1024;

/** Runs npm with a clean npm environment (run from `npm test`, the outer npm's settings would leak in). */
function npm(args, opts = {}) {
  return spawnSync('bash', ['-c', `. "$1" && shift && exec npm "$@"`, 'npm', path.join(ROOT, 'scripts/harness/cleanNpmEnv.sh'), ...args],
    { encoding: 'utf8', timeout: 300_000, ...opts });
}

/** The installed command, found through PATH as a shell would find it. */
function beaconDebug(args, opts = {}) {
  const env = { ...process.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  return spawnSync('beacon-debug', args, { cwd, env, encoding: 'utf8', timeout: 120_000, ...opts });
}

function check(title, fn) {
  try {
    fn();
    results.passed += 1;
    console.log(`  ✓ ${title}`);
  } catch (e) {
    results.failed += 1;
    results.failures.push({ title, error: e.message });
    console.log(`  ✗ ${title}\n      ${e.message.split('\n').join('\n      ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
const shown = (r) => `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}\n--- stdout\n${(r.stdout ?? '').slice(0, 1500)}\n--- stderr\n${(r.stderr ?? '').slice(0, 1500)}`;

let tarball;
try {
  console.log(`npm pack (prepack builds the release) → ${work}`);
  const packed = npm(['pack', '--json', '--pack-destination', work], { cwd: ROOT });
  check('npm pack builds and packs the package', () => {
    assert(packed.status === 0, `npm pack failed: ${shown(packed)}`);
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')))[0];
    tarball = path.join(work, info.filename);
    const files = info.files.map((f) => f.path);
    for (const need of ['bin/beacon-debug.js', 'dist/cli.js', 'dist/chunk-cli.js', 'dist/fakeTools.js', 'dist/execution-failure.runbook.json', 'dist/tree-sitter-go.wasm']) {
      assert(files.includes(need), `the tarball lacks ${need}`);
    }
    const extra = files.filter((f) => /^(test|src|scripts|\.ci|docs|media|runbooks)\//.test(f) || /(^|\/)extension\.js$|chunk-(extension|vscode)\.js$|\.map$/.test(f));
    assert(!extra.length, `the tarball holds what the CLI does not use: ${extra.join(', ')}`);
    assert(info.size <= MAX_TARBALL_BYTES, `the tarball is ${info.size} bytes (limit ${MAX_TARBALL_BYTES})`);
    console.log(`    ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(0)} KB packed, ${(info.unpackedSize / 1024).toFixed(0)} KB unpacked`);
  });
  if (!tarball) throw new Error('no tarball');

  const installed = npm(['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work });
  check('npm install -g --prefix DIR installs it with nothing else (everything is bundled)', () => {
    assert(installed.status === 0, `npm install failed: ${shown(installed)}`);
    assert(fs.existsSync(path.join(prefix, 'bin', 'beacon-debug')), 'no DIR/bin/beacon-debug after the install');
    const modules = fs.readdirSync(path.join(prefix, 'lib', 'node_modules'));
    assert(modules.length === 1 && modules[0] === 'beacon-debug', `installed packages: ${modules.join(', ')}`);
  });

  check('beacon-debug --help prints the usage, exit 0', () => {
    const r = beaconDebug(['--help']);
    assert(r.status === 0 && /^Usage: beacon-debug/m.test(r.stdout), shown(r));
  });
  check('an unknown command exits 2 and says so', () => {
    const r = beaconDebug(['frobnicate']);
    assert(r.status === 2 && r.stderr.includes('unknown command "frobnicate"') && r.stderr.includes('Usage'), shown(r));
  });
  check('beacon-debug list --json: the plan, Quick Win Checklist and Phase 0–5', () => {
    const r = beaconDebug(['list', '--json']);
    assert(r.status === 0, shown(r));
    const listing = JSON.parse(r.stdout);
    const groups = listing.groups.map((g) => g.id);
    assert(listing.runbook.id === 'execution-failure', `runbook ${listing.runbook.id}`);
    assert(['quick-wins', 'phase-0', 'phase-5'].every((g) => groups.includes(g)), `groups: ${groups.join(', ')}`);
    const steps = listing.groups.flatMap((g) => g.steps.map((s) => s.id));
    assert(steps.includes('0.1') && steps.includes('5.4'), `steps: ${steps.join(', ')}`);
  });
  check('beacon-debug demo --fault no-healthy-providers --json, outside the checkout: root cause found, exit 1', () => {
    const r = beaconDebug(['demo', '--fault', 'no-healthy-providers', '--json'], { timeout: 180_000 });
    assert(r.status === 1, shown(r));
    const report = JSON.parse(r.stdout);
    assert(report.environment === 'demo', `environment ${report.environment}`);
    assert(report.rootCause?.id === 'no-healthy-providers', `root cause ${JSON.stringify(report.rootCause)}`);
    assert(report.steps.length > 5 && report.steps.every((s) => s.verdict !== 'error' || s.id === '5.3'), `steps: ${report.steps.map((s) => `${s.id}=${s.verdict}`).join(' ')}`);
  });

  // instrument on a copy of the Go fixture: find nothing, insert, find it, remove byte for byte
  const goCopy = path.join(work, 'go');
  fs.cpSync(path.join(ROOT, 'test/go'), goCopy, { recursive: true });
  const rel = 'src/github.com/beacon/runner-app/internal/worker/job_runner.go';
  const file = path.join(goCopy, rel);
  const original = fs.readFileSync(file);
  check('beacon-debug instrument --check on the Go fixture: no markers, exit 0', () => {
    const r = beaconDebug(['instrument', '--check', file]);
    assert(r.status === 0 && /no beacon-debug markers in 1 file/i.test(r.stdout), shown(r));
  });
  check('beacon-debug instrument --step 2.1 inserts; --check --json finds it (exit 1); --remove restores the bytes', () => {
    const ins = beaconDebug(['instrument', file, '--step', '2.1']);
    assert(ins.status === 0 && /inserted 2\.1/.test(ins.stdout), shown(ins));
    assert(!fs.readFileSync(file).equals(original), 'the file did not change');
    const chk = beaconDebug(['instrument', '--check', file, '--json']);
    assert(chk.status === 1, `--check exits 1 while a marker is there: ${shown(chk)}`);
    const found = JSON.parse(chk.stdout);
    assert(found[0]?.markers?.some((m) => m.step === '2.1' && m.kind === 'begin'), `markers: ${chk.stdout.slice(0, 400)}`);
    const rem = beaconDebug(['instrument', '--remove', file]);
    assert(rem.status === 0, shown(rem));
    assert(fs.readFileSync(file).equals(original), 'after --remove the file is not byte-identical to the original');
  });
} catch (e) {
  if (!results.failed) {
    results.failed += 1;
    results.failures.push({ title: 'installed CLI stage', error: String(e?.message ?? e) });
  }
} finally {
  if (keep) console.log(`kept: ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

console.log(`installed CLI: ${results.passed} passed, ${results.failed} failed`);
if (process.env.BEACON_TEST_RESULTS) fs.writeFileSync(process.env.BEACON_TEST_RESULTS, JSON.stringify(results));
process.exit(results.failed ? 1 : 0);
