/**
 * `npm run bench`: prints numbers, asserts nothing. Engine (concurrency, full run), diagnosis (time
 * and checks per fault), Go code lenses (parse, incremental reparse, pre-check), and the extension's
 * activation time in the real VS Code host (through the integration harness, when it is installed).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../../src/runbook/paths';
import { benchDiagnosis } from './diagnosis.bench';
import { benchEngine } from './engine.bench';
import { benchGolang } from './golang.bench';

function benchActivation(): void {
  const root = packageRoot();
  const harness = process.env.BEACON_HARNESS_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'beacon-debug-harness');
  console.log('\n== extension activation in the real VS Code host');
  if (!fs.existsSync(path.join(harness, 'pw/node_modules/playwright-core'))) {
    console.log(`  skipped: the harness is not installed (bash scripts/harness/setup.sh, or npm test as root)`);
    return;
  }
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-bench-ws-'));
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/harness/runExtTests.mjs'), '--ext', root, '--tests', path.join(root, 'out/test/integration/index.js'), '--folder', ws], {
      env: { ...process.env, BEACON_TEST_SUITE: 'activation', BEACON_TEST_GREP: 'activates when its view is opened' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    fs.rmSync(ws, { recursive: true, force: true });
    const m = /BEACON_BENCH activation ([\d.]+) ms \(VS Code ([^)]+)\)/.exec(r.stdout ?? '');
    if (!m) {
      console.log(`  run ${i + 1}: no measurement (exit ${r.status})`);
      continue;
    }
    samples.push(Number(m[1]));
    console.log(`  run ${i + 1}: activate() ${m[1]} ms on VS Code ${m[2]}`);
  }
  if (samples.length) {
    samples.sort((a, b) => a - b);
    console.log(`  median activate(): ${samples[Math.floor(samples.length / 2)].toFixed(1)} ms`);
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  if (want('engine')) await benchEngine();
  if (want('diagnosis')) await benchDiagnosis();
  if (want('golang')) await benchGolang();
  if (want('activation')) benchActivation();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
