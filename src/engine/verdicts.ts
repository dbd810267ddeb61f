/** Ordering of verdicts: a step is as bad as its worst check. */
import type { CheckVerdict, Verdict } from '../runbook/schema';

/** fail > error > warn > inconclusive > pass > skipped. */
const SEVERITY: Record<CheckVerdict, number> = { fail: 5, error: 4, warn: 3, inconclusive: 2, pass: 1, skipped: 0 };

export function severity(v: CheckVerdict): number {
  return SEVERITY[v];
}

export function worstVerdict(verdicts: readonly CheckVerdict[]): CheckVerdict {
  return verdicts.reduce<CheckVerdict>((w, v) => (SEVERITY[v] > SEVERITY[w] ? v : w), 'skipped');
}

export const VERDICT_SYMBOL: Record<Verdict, string> = {
  pending: '·', running: '…', pass: '✓', fail: '✗', warn: '!', inconclusive: '?', error: 'E', skipped: '-', done: '✓',
};
