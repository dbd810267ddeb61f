import type { Runbook, Step } from './schema';

/** Every step of the runbook, quick wins first, in plan order. */
export function allSteps(rb: Runbook): Step[] {
  return [...rb.quickWins.steps, ...rb.phases.flatMap((p) => p.steps)];
}

export function findStep(rb: Runbook, id: string): Step | undefined {
  return allSteps(rb).find((s) => s.id === id);
}
