/**
 * Engine benchmark (numbers printed, never asserted):
 * 1. the Quick Win Checklist with 300 ms injected before every check, against the simulator —
 *    wall time ÷ the slowest single check (target ≤ 1.2; one after another it would be ≈ 5);
 * 2. a full run of every automated check of the plan against the simulator (target < 3 s);
 * 3. the gate every output passes: 1 MB of log lines made inert and redacted (the target's secrets in
 *    all their forms, the shape patterns), and 1 MB of hostile text made inert.
 */
import { performance } from 'node:perf_hooks';
import { redactorFor } from '../../src/engine/redact';
import { runSteps } from '../../src/engine/runner';
import { inertText } from '../../src/shared/inertText';
import type { StepResult, Target } from '../../src/engine/types';
import { loadBuiltinRunbook } from '../../src/runbook/builtin';
import { simulatorTarget, startSimulator, type Simulator } from '../../src/sim/simulator';

const targetOf = (sim: Simulator): Target => simulatorTarget(sim);

const checksOf = (results: readonly StepResult[]) => results.flatMap((r) => r.checks.filter((c) => c.verdict !== 'skipped'));

export async function benchEngine(): Promise<void> {
  const rb = loadBuiltinRunbook();
  // the admin endpoints allow one call per 10 s: no limit here, so repeated runs measure the engine
  const sim = await startSimulator({ fault: 'healthy', adminIntervalMs: 0 });
  try {
    const t = targetOf(sim);
    await runSteps(rb, t, { only: ['qw.3'] }); // warm-up: module loading, first connections

    const INJECT = 300;
    const t0 = performance.now();
    const qw = await runSteps(rb, t, { only: ['quick-wins'], injectDelayMs: INJECT });
    const wall = performance.now() - t0;
    const checks = checksOf(qw.results);
    const slowest = Math.max(...checks.map((c) => c.durationMs));
    const serial = checks.reduce((a, c) => a + c.durationMs, 0);
    console.log(`engine: Quick Win Checklist, ${checks.length} checks, ${INJECT} ms injected per check`);
    console.log(`  wall ${wall.toFixed(0)} ms, slowest check ${slowest} ms → wall ÷ slowest = ${(wall / slowest).toFixed(2)} (target ≤ 1.2)`);
    console.log(`  one after another: Σ checks ${serial} ms → ${(serial / slowest).toFixed(2)} × the slowest`);
    for (const c of checks) console.log(`    ${c.id.padEnd(16)} ${String(c.durationMs).padStart(5)} ms${c.cached ? ' (cached)' : ''}`);

    for (const label of ['first', 'second']) {
      const t1 = performance.now();
      const full = await runSteps(rb, t, { preflight: true });
      const fullWall = performance.now() - t1;
      const all = [...full.preflight, ...checksOf(full.results)];
      const cached = all.filter((c) => c.cached).length;
      const slow = all.reduce((m, c) => (c.durationMs > m.durationMs ? c : m));
      console.log(`engine: full run (${label}), preflight + ${full.results.length} steps, ${all.length} checks (${cached} answered from the run's cache)`);
      console.log(`  wall ${fullWall.toFixed(0)} ms (target < 3000 ms); slowest check ${slow.id} ${slow.durationMs} ms`);
    }
  } finally {
    await sim.stop();
  }
  benchOutputGate();
}

function medianMs(f: () => void, runs = 15): { min: number; median: number; max: number } {
  for (let i = 0; i < 3; i++) f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { min: t[0], median: t[Math.floor(runs / 2)], max: t[runs - 1] };
}

function benchOutputGate(): void {
  const red = redactorFor({ adminToken: 'adm-9f8e7d6c5b4a3928', databaseUrl: 'postgres://beacon:pw-9f8e7d6c@db.internal:5432/beacon' });
  const line = '2025-10-22T10:14:58Z app[e784] ams [info] ERR question execution failed error="golem: no provider" job_id=bf2a duration=14ms token=abc\n';
  const logs = line.repeat(Math.ceil(1e6 / line.length));
  const hostile = '\x1b]52;c;ZWNobw==\x07 \x1b[31mRED\x1b[0m FAIL\rPASS \u202eevil\u202c nul\x00 '.repeat(Math.ceil(1e6 / 60));
  const fmt = (r: { min: number; median: number; max: number }) => `min ${r.min.toFixed(1)} ms, median ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`;
  console.log('engine: the output gate (inert + redact), 1 MB');
  console.log(`  log lines, redacted: ${fmt(medianMs(() => red.redact(logs)))}`);
  console.log(`  hostile text, inert only: ${fmt(medianMs(() => inertText(hostile)))}`);
}

