import { allSteps } from '../runbook/steps';
import type { Runbook } from '../runbook/schema';

/**
 * The steps whose checks all ran, counting a step as run when another step that ran has the same
 * checks (qw.1 and 0.1 read the same six variables the same way; qw.2 and 0.2 the same startup
 * lines). The decision tree asks for 0.1; a Quick Win run answered it already.
 */
export function stepsAnswered(rb: Runbook, ran: Iterable<string>): Set<string> {
  const steps = allSteps(rb);
  const key = (id: string) => {
    const s = steps.find((x) => x.id === id);
    return s && s.checks.length ? JSON.stringify(s.checks) : undefined;
  };
  const out = new Set(ran);
  const ranKeys = new Set([...out].map(key).filter((k): k is string => !!k));
  for (const s of steps) {
    const k = key(s.id);
    if (k && ranKeys.has(k)) out.add(s.id);
  }
  return out;
}
