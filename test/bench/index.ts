/**
 * `npm run bench`: prints numbers, asserts nothing. Engine (concurrency, full run), diagnosis (time
 * and checks per fault), Go code lenses (parse, incremental reparse, pre-check), the proof before an
 * edit (go build -overlay), markdown import of a 1,000-line plan, and the extension's activation time in the real VS Code host (through the
 * integration harness, when it is installed).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../../src/runbook/paths';
import { benchDiagnosis, benchRealTime, benchSeeded } from './diagnosis.bench';
import { benchEngine } from './engine.bench';
import { benchGolang } from './golang.bench';
import { benchStartup, fmtStats } from './startup.bench';
import { benchProof } from './proof.bench';
import { benchImport } from './import.bench';

function benchActivation(): void {
  const root = packageRoot();
  const harness = process.env.BEACON_HARNESS_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'beacon-debug-harness');
  console.log('\n== start-up in the real VS Code host (code-server 4.100.3 = VS Code 1.100.3, the oldest allowed)');
  if (!fs.existsSync(path.join(harness, 'pw/node_modules/playwright-core'))) {
    console.log(`  skipped: the harness is not installed (bash scripts/harness/setup.sh, or npm test as root)`);
    return;
  }
  const activate: number[] = [];
  const firstTree: number[] = [];
  const firstUse: { lens: number; check: number; webview: number; loads: { name: string; ms: number }[] }[] = [];
  const RUNS = 5;
  for (let i = 0; i < RUNS; i++) {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-bench-ws-'));
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/harness/runExtTests.mjs'), '--ext', root, '--tests', path.join(root, 'out/test/integration/index.js'),
      '--folder', ws, '--cs', path.join(harness, 'cs-4.100.3')], {
      env: { ...process.env, BEACON_TEST_SUITE: 'activation', BEACON_TEST_GREP: 'activates when its view is opened|builds nothing at activation|first use' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    fs.rmSync(ws, { recursive: true, force: true });
    const a = /BEACON_BENCH activation ([\d.]+) ms/.exec(r.stdout ?? '');
    const t = /BEACON_BENCH firstTreeChildren ([\d.]+) ms/.exec(r.stdout ?? '');
    const u = /BEACON_BENCH firstUse (\{.*\})/.exec(r.stdout ?? '');
    if (!a || !t) {
      console.log(`  run ${i + 1}: no measurement (exit ${r.status})`);
      continue;
    }
    activate.push(Number(a[1]));
    firstTree.push(Number(t[1]));
    if (u) firstUse.push(JSON.parse(u[1]));
    console.log(`  run ${i + 1}: activate() ${a[1]} ms, activation → the Runbook view's first getChildren() ${t[1]} ms${u ? `, first use: ${u[1]}` : ''}`);
  }
  if (!activate.length) return;
  console.log(`  activate(): ${fmtStats(activate)} (goal ≤ 10 ms; with require ≤ 30 ms)`);
  console.log(`  activation → first getChildren(): ${fmtStats(firstTree)} (goal ≤ 100 ms)`);
  if (firstUse.length) {
    for (const k of ['lens', 'check', 'webview'] as const) console.log(`  first ${k} (end to end): ${fmtStats(firstUse.map((f) => f[k]))}`);
    const parts = new Map<string, number[]>();
    for (const f of firstUse) for (const l of f.loads) parts.set(l.name, [...(parts.get(l.name) ?? []), l.ms]);
    for (const [name, xs] of parts) console.log(`    built on first use: ${name.padEnd(22)} ${fmtStats(xs)}`);
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  if (want('startup')) benchStartup();
  if (want('engine')) await benchEngine();
  if (want('diagnosis')) await benchDiagnosis();
  if (want('realtime')) await benchRealTime();
  if (want('seeded')) await benchSeeded();
  if (want('golang')) await benchGolang();
  if (want('proof')) await benchProof();
  if (want('import')) await benchImport();
  if (want('activation')) benchActivation();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
