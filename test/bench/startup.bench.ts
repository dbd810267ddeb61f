/**
 * Start-up benchmark (numbers printed, never asserted), on the build in dist/ (`npm run bench` builds the
 * release first, as users get it):
 * 1. cold require() of the extension's entry (dist/extension.js and the chunks it loads at start) in a fresh
 *    Node process, `vscode` replaced by a stub that throws when any of its API is used: goal ≤ 20 ms;
 * 2. the entry's size (what start-up reads): goal ≤ 150 KB;
 * 3. `beacon-debug --help` and `beacon-debug list`, whole fresh processes: goal ≤ 100 ms;
 * 4. what the first use of each part loads, in a fresh Node process (the chunks a check, a lens and the
 *    results page read the first time).
 * activate(), activation → the Runbook view's first answer, and first-use times in the real host are in
 * index.ts (they need the VS Code harness).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../src/runbook/paths';

const RUNS = 9;

export function stats(xs: number[]): { min: number; median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const fmtStats = (xs: number[]) => {
  const s = stats(xs);
  return `median ${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}, ${xs.length} runs)`;
};

/** Node code that replaces `vscode` with a stub whose every function throws: the entry must not call any at load. */
const STUB_VSCODE = `
const Module = require('module');
const load = Module._load;
const touched = (name) => { throw new Error('vscode API used while loading: ' + name); };
const deep = (name) => new Proxy(function () {}, {
  get: (_, p) => (p === 'then' || typeof p === 'symbol') ? undefined : deep(name + '.' + String(p)),
  apply: () => touched(name), construct: () => touched(name),
});
const stub = new Proxy({}, { get: (_, p) => (p === '__esModule' || typeof p === 'symbol') ? undefined : deep(String(p)) });
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
`;

/** Runs `code` after `before` in a fresh Node process with vscode stubbed; how long `code` took. */
function timedRequire(code: string, before = ''): { ms: number; cpuMs: number; error?: string } {
  const script = `${STUB_VSCODE}\n${before}\nconst c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();\n${code}\n` +
    `const c = process.cpuUsage(c0); console.log('MS ' + Number(process.hrtime.bigint() - t0) / 1e6 + ' CPU ' + (c.user + c.system) / 1000);`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const m = /MS ([\d.]+) CPU ([\d.]+)/.exec(r.stdout ?? '');
  return m ? { ms: Number(m[1]), cpuMs: Number(m[2]) } : { ms: NaN, cpuMs: NaN, error: (r.stderr || r.stdout || `exit ${r.status}`).split('\n').find((l) => l.trim()) };
}

function wall(argv: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', cwd: packageRoot() });
  const took = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return took;
}

export function benchStartup(): void {
  const root = packageRoot();
  const dist = path.join(root, 'dist');
  console.log('\n== start-up (the build in dist/, fresh Node processes)');
  if (!fs.existsSync(path.join(dist, 'extension.js'))) {
    console.log('  skipped: dist/extension.js is missing (node scripts/build.mjs --release)');
    return;
  }
  const minified = !fs.readFileSync(path.join(dist, 'chunk-extension.js'), 'utf8').includes('\n  ');
  console.log(`  build: ${minified ? 'release (minified)' : 'development (not minified: run node scripts/build.mjs --release for the shipped figures)'}`);

  const entryFiles = ['extension.js', 'chunk-extension.js', 'chunk-base.js'];
  const entryBytes = entryFiles.reduce((a, f) => a + fs.statSync(path.join(dist, f)).size, 0);
  console.log(`  entry read at start-up: ${kb(entryBytes)} (${entryFiles.join(' + ')}; goal ≤ 150 KB)`);

  const ext = path.join(dist, 'extension.js');
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timedRequire(`require(${JSON.stringify(ext)});`);
    if (r.error) {
      console.log(`  require(dist/extension.js) failed: ${r.error}`);
      return;
    }
    samples.push(r.ms);
    cpu.push(r.cpuMs);
  }
  console.log(`  require(dist/extension.js), vscode stubbed: ${fmtStats(samples)} (goal ≤ 20 ms)`);
  console.log(`    CPU time of the same require: ${fmtStats(cpu)} (less affected by other load on the machine)`);

  // what each part's first use reads: its chunks' files and the modules it initialises
  const chunk = (name: string) => JSON.stringify(path.join(dist, `chunk-${name}.js`));
  const firstUse: [string, string][] = [
    ['a check (run controller, engine, undici, execa)', `require(${chunk('vscode')}).load('src/vscode/runs/runFeature.ts');`],
    ['a Go file\'s lenses (documents, parser glue)', `require(${chunk('vscode')}).load('src/vscode/instrumentation/index.ts');`],
    ['the results page (controller, view model, zod)', `require(${chunk('vscode')}).load('src/vscode/results/registerResults.ts');`],
    ['the settings (zod schema)', `require(${chunk('core')}).load('src/runbook/settings.ts');`],
  ];
  for (const [what, code] of firstUse) {
    const xs: number[] = [];
    const cs: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < 5 && !error; i++) {
      const r = timedRequire(code, `require(${JSON.stringify(ext)});`);
      error = r.error;
      if (!error) {
        xs.push(r.ms);
        cs.push(r.cpuMs);
      }
    }
    console.log(`  first use, ${what}: ${error ? `failed: ${error}` : `${fmtStats(xs)}; CPU median ${ms(stats(cs).median)}`}`);
  }

  const cli = path.join(dist, 'cli.js');
  for (const args of [['--help'], ['list']]) {
    const xs: number[] = [];
    wall([cli, ...args]); // warm the file cache
    for (let i = 0; i < RUNS; i++) xs.push(wall([cli, ...args]));
    console.log(`  beacon-debug ${args.join(' ')} (whole process): ${fmtStats(xs)} (goal ≤ 100 ms)`);
  }
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) bare.push(wall(['-e', '0']));
  console.log(`  for scale, node -e 0: ${fmtStats(bare)}`);
}

if (require.main === module) benchStartup();
