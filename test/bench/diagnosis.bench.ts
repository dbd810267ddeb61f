/**
 * Diagnosis benchmark (numbers printed, never asserted): for every simulator fault, the time from
 * the start of the diagnosis to its answer and how many checks it needed (fewer is better),
 * against a full run of every check of the plan and its time. Plus the combined faults of the
 * tests. The simulator's start is not counted.
 */
import { performance } from 'node:perf_hooks';
import { runDiagnosis } from '../../src/diagnosis/diagnose';
import { runSteps } from '../../src/engine/runner';
import type { Target } from '../../src/engine/types';
import { allSteps } from '../../src/runbook/load';
import { loadBuiltinRunbook } from '../../src/runbook/builtin';
import { simulatorTarget, FAULT_NAMES, startSimulator, type FaultName, type Simulator } from '../../src/sim/simulator';
import { diagnoseSeeded, MATRIX_FAULTS, pool } from '../unit/diagnosis/seededWorlds';

const targetOf = (sim: Simulator): Target => simulatorTarget(sim);

const COMBINED: FaultName[][] = [
  ['missing-hybrid-config', 'router-down'],
  ['database-unavailable', 'router-down'],
  ['timeout-too-short', 'no-healthy-providers'],
  ['executor-bug', 'circuit-open'],
  ['router-slow', 'timeout-too-short'],
];

interface Row {
  fault: string;
  rootCause: string;
  probability: number;
  checks: number;
  steps: string;
  ms: number;
  fullChecks: number;
  fullMs: number;
}

export async function benchDiagnosis(): Promise<void> {
  const rb = loadBuiltinRunbook();
  const runbookChecks = allSteps(rb).reduce((n, s) => n + s.checks.length, 0);
  const rows: Row[] = [];
  for (const faults of [...FAULT_NAMES.map((f) => [f]), ...COMBINED]) {
    // no admin rate limit: the diagnosis and the full run ask the same endpoint within 10 s
    const sim = await startSimulator({ fault: faults, adminIntervalMs: 0 });
    try {
      const target = targetOf(sim);
      const t0 = performance.now();
      const run = await runDiagnosis(rb, target, { timeoutSeconds: 10 });
      const ms = performance.now() - t0;
      const t1 = performance.now();
      const full = await runSteps(rb, target, { timeoutSeconds: 10 });
      const fullMs = performance.now() - t1;
      rows.push({
        fault: faults.join(' + '),
        rootCause: run.diagnosis.rootCause.id,
        probability: run.diagnosis.rootCause.probability,
        checks: run.checksRun,
        steps: run.stepsRun.join(' '),
        ms,
        fullChecks: full.results.reduce((n, r) => n + r.checks.length, 0),
        fullMs,
      });
    } finally {
      await sim.stop();
    }
  }

  const w = Math.max(...rows.map((r) => r.fault.length), 5);
  const wc = Math.max(...rows.map((r) => r.rootCause.length), 10);
  console.log(`diagnosis: time to diagnosis and checks needed per fault (the runbook has ${runbookChecks} checks)`);
  console.log(`  ${'fault'.padEnd(w)}  ${'root cause'.padEnd(wc)}  p       checks  ms       full run        steps`);
  for (const r of rows) {
    console.log(
      `  ${r.fault.padEnd(w)}  ${r.rootCause.padEnd(wc)}  ${r.probability.toFixed(4)}  ${String(r.checks).padStart(6)}  ${r.ms.toFixed(0).padStart(7)}  ${`${r.fullChecks} / ${r.fullMs.toFixed(0)} ms`.padStart(14)}  ${r.steps}`,
    );
  }
  const single = rows.slice(0, FAULT_NAMES.length);
  const right = single.filter((r) => r.rootCause === r.fault).length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `  matrix ${right}/${single.length}; mean ${mean(single.map((r) => r.checks)).toFixed(1)} checks vs ${runbookChecks} in a full run; mean ${mean(single.map((r) => r.ms)).toFixed(0)} ms to diagnosis vs ${mean(single.map((r) => r.fullMs)).toFixed(0)} ms for a full run`,
  );
}

/**
 * Real time (no compressed clock, the CLI's 30 s check timeout): a router that accepts and never
 * answers is settled after one router timeout (r.2's 10 s, the first to expire) plus the short probe,
 * not one timeout per check; every known fault is named well within 60 s.
 */
export async function benchRealTime(): Promise<void> {
  const rb = loadBuiltinRunbook();
  console.log('diagnosis on a real-time clock (check timeout 30 s, r.2 10 s): time to the answer');
  const cases: { label: string; fault: FaultName; hang?: boolean }[] = [
    ...FAULT_NAMES.map((f) => ({ label: f, fault: f })),
    { label: 'router-slow (accepts, never answers)', fault: 'router-slow', hang: true },
  ];
  for (const c of cases) {
    const sim = await startSimulator({ fault: c.fault, adminIntervalMs: 0, ...(c.hang ? { slowMs: 600_000, slowInferenceMs: 600_000 } : {}) });
    try {
      const t0 = performance.now();
      const run = await runDiagnosis(rb, targetOf(sim), { timeoutSeconds: 30 });
      const s = (performance.now() - t0) / 1000;
      const budget = c.hang ? `  (goal ≤ 1 router timeout + 5 s = 15 s)` : '';
      console.log(`  ${c.label.padEnd(38)} ${run.diagnosis.rootCause.id.padEnd(22)} ${s.toFixed(1).padStart(5)} s${budget}`);
    } finally {
      await sim.stop();
    }
  }
}

/**
 * The seeded matrix at bench size: every fault × N worlds drawn from seeds (default 100), on the
 * test's compressed clock (timeouts × 0.3): right / miss (undetermined with a next step) / wrong, and
 * the median and worst time to the answer per fault.
 */
export async function benchSeeded(seeds = Number(process.env.BEACON_BENCH_SEEDS ?? 100)): Promise<void> {
  const rb = loadBuiltinRunbook();
  console.log(`seeded worlds: ${MATRIX_FAULTS.length} faults × ${seeds} seeds, timeouts × 0.3`);
  console.log(`  ${'fault'.padEnd(22)} right   miss  wrong   median   worst`);
  let wrongSeeds: string[] = [];
  for (const fault of MATRIX_FAULTS) {
    const list = Array.from({ length: seeds }, (_, i) => 1 + i * 7919);
    const answers = await pool(list, 4, (seed) => diagnoseSeeded(rb, fault, seed, { timeScale: 0.3 }));
    const n = (v: string) => answers.filter((a) => a.verdict === v).length;
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    wrongSeeds = wrongSeeds.concat(answers.filter((a) => a.verdict !== 'right').map((a) => `${fault}@${a.seed}→${a.rootCause}`));
    console.log(
      `  ${fault.padEnd(22)} ${`${((100 * n('right')) / answers.length).toFixed(0)} %`.padStart(5)} ${String(n('miss')).padStart(6)} ${String(n('wrong')).padStart(6)} ${`${(ms[Math.floor(ms.length / 2)] / 1000).toFixed(2)} s`.padStart(8)} ${`${(ms[ms.length - 1] / 1000).toFixed(2)} s`.padStart(7)}`,
    );
  }
  if (wrongSeeds.length) console.log(`  not right: ${wrongSeeds.join(', ')}`);
}

if (require.main === module) {
  benchDiagnosis().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
