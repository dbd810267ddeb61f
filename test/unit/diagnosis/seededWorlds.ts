// Diagnosing simulated worlds drawn from a seed (the seeded fault matrix and its benchmark): one
// simulator per world, the variation drawn from the seed, the answer judged right, a miss
// (undetermined, with the step that would settle it) or wrong.
import { performance } from 'node:perf_hooks';
import { runDiagnosis } from '../../../src/diagnosis/diagnose';
import type { Runbook } from '../../../src/runbook/schema';
import { drawVariation, FAULT_NAMES, simulatorTarget, startSimulator, UNKNOWN_FAULT_NAMES, type FaultName, type WorldVariation } from '../../../src/sim/simulator';

export const MATRIX_FAULTS: readonly FaultName[] = [...FAULT_NAMES, ...UNKNOWN_FAULT_NAMES];

export interface SeededAnswer {
  fault: FaultName;
  seed: number;
  variation: WorldVariation;
  rootCause: string;
  nextStep: string | null;
  verdict: 'right' | 'miss' | 'wrong';
  ms: number;
  steps: string[];
  notes: string[];
}

/** Right: the fault's own name (`unknown` for a fault the runbook does not know). Miss: undetermined with a next step. */
export function judge(fault: FaultName, rootCause: string, nextStep: string | null): SeededAnswer['verdict'] {
  const expected = (UNKNOWN_FAULT_NAMES as readonly string[]).includes(fault) ? 'unknown' : fault;
  if (rootCause === expected) return 'right';
  if (rootCause === 'undetermined' && nextStep) return 'miss';
  return 'wrong';
}

/** Diagnoses one seeded world of `fault`. `timeScale` < 1 compresses every check's timeout. */
export async function diagnoseSeeded(rb: Runbook, fault: FaultName, seed: number, opts: { timeScale?: number; timeoutSeconds?: number } = {}): Promise<SeededAnswer> {
  const variation = drawVariation(seed);
  const sim = await startSimulator({ fault, seed, variation, adminIntervalMs: 0 });
  try {
    const t0 = performance.now();
    const run = await runDiagnosis(rb, simulatorTarget(sim), { timeoutSeconds: opts.timeoutSeconds ?? 20, timeScale: opts.timeScale });
    const ms = performance.now() - t0;
    const d = run.diagnosis;
    return {
      fault,
      seed,
      variation,
      rootCause: d.rootCause.id,
      nextStep: d.nextStep?.text ?? null,
      verdict: judge(fault, d.rootCause.id, d.nextStep?.text ?? null),
      ms,
      steps: run.stepsRun,
      notes: d.notes,
    };
  } finally {
    await sim.stop();
  }
}

/** Runs `task` over `items` with at most `width` at once, in order of the items. */
export async function pool<T, R>(items: readonly T[], width: number, task: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export function describeAnswer(a: SeededAnswer): string {
  const v = { ...a.variation } as Partial<WorldVariation>;
  delete v.seed;
  return `seed ${a.seed}: ${a.fault} → ${a.rootCause}${a.nextStep ? ` (next: ${a.nextStep})` : ''} in ${Math.round(a.ms)} ms; steps ${a.steps.join(' ')}; world ${JSON.stringify(v)}\n    ${a.notes.join('\n    ')}`;
}
