/** Which steps a run covers: `quick-wins`, `phase-N`, step ids, or everything. */
import { allSteps } from '../runbook/steps';
import type { Runbook, Step } from '../runbook/schema';

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

/** Steps in plan order; an empty or missing selection means every step. */
export function selectSteps(rb: Runbook, only?: readonly string[]): Step[] {
  const steps = allSteps(rb);
  if (!only || only.length === 0 || only.includes('all')) return steps;
  const wanted = new Set<string>();
  for (const raw of only) {
    const sel = raw.trim();
    if (!sel) continue;
    if (sel === 'quick-wins') rb.quickWins.steps.forEach((s) => wanted.add(s.id));
    else if (rb.phases.some((p) => p.id === sel)) rb.phases.find((p) => p.id === sel)!.steps.forEach((s) => wanted.add(s.id));
    else if (steps.some((s) => s.id === sel)) wanted.add(sel);
    else {
      const known = ['quick-wins', ...rb.phases.map((p) => p.id)].join(', ');
      throw new SelectionError(`unknown step or group "${sel}" (groups: ${known}; steps: ${steps.map((s) => s.id).join(', ')})`);
    }
  }
  return steps.filter((s) => wanted.has(s.id));
}

/** Fails on an `after` cycle among the selected steps (it would wait forever). */
export function checkOrder(steps: readonly Step[]): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    const st = state.get(id);
    if (st === 'done') return;
    if (st === 'visiting') throw new SelectionError(`steps wait for each other: ${[...trail, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.after ?? []) if (byId.has(dep)) visit(dep, [...trail, id]);
    state.set(id, 'done');
  };
  steps.forEach((s) => visit(s.id, []));
}
