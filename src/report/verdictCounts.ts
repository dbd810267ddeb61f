import type { ViewVerdict } from '../shared/runView';

/** How many steps ended with each verdict (only verdicts that occur). */
export function countVerdicts(steps: readonly { verdict: ViewVerdict }[]): Partial<Record<ViewVerdict, number>> {
  const out: Partial<Record<ViewVerdict, number>> = {};
  for (const s of steps) out[s.verdict] = (out[s.verdict] ?? 0) + 1;
  return out;
}

/** "3 fail, 1 error, 8 pass" in the order that matters during an incident. */
export function describeCounts(counts: Partial<Record<ViewVerdict, number>>): string {
  const order: ViewVerdict[] = ['fail', 'error', 'warn', 'inconclusive', 'pass', 'done', 'skipped', 'running', 'pending'];
  const parts = order.filter((v) => counts[v]).map((v) => `${counts[v]} ${v}`);
  return parts.length ? parts.join(', ') : 'no steps';
}
