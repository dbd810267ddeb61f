/**
 * Two runs side by side: the steps whose verdict changed, the facts whose value changed, and the
 * root cause before and after. The question after a fix is "what is different now?", and this
 * answers exactly that.
 */
import type { FactValue } from '../runbook/schema';
import { clip } from './buildRunView';
import { historyEntry } from './historyEntry';
import type { RunRecord } from './runRecord';
import type { RunComparisonView } from '../shared/runView';

function sameValue(a: FactValue | undefined, b: FactValue | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

const shown = (v: FactValue | undefined): FactValue | undefined => (typeof v === 'string' ? clip(v) : v);

function cause(r: RunRecord): RunComparisonView['rootCause']['before'] {
  const d = r.diagnosis;
  return d ? { id: d.rootCause.id, title: clip(d.rootCause.title), probability: d.rootCause.probability } : null;
}

export function compareRuns(before: RunRecord, after: RunRecord): RunComparisonView {
  const a = new Map(before.steps.map((s) => [s.id, s]));
  const b = new Map(after.steps.map((s) => [s.id, s]));
  const order = [...after.steps.map((s) => s.id), ...before.steps.map((s) => s.id).filter((id) => !b.has(id))];
  const verdicts: RunComparisonView['verdicts'] = [];
  let unchanged = 0;
  for (const id of order) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && y && x.verdict === y.verdict) {
      unchanged++;
      continue;
    }
    verdicts.push({ step: id, title: clip((y ?? x)!.title), before: x?.verdict ?? null, after: y?.verdict ?? null });
  }

  const names = [...new Set([...Object.keys(before.facts), ...Object.keys(after.facts)])].sort();
  const facts: RunComparisonView['facts'] = [];
  for (const fact of names) {
    const x = before.facts[fact]?.value;
    const y = after.facts[fact]?.value;
    if (sameValue(x, y)) continue;
    facts.push({ fact, ...(x !== undefined ? { before: shown(x) } : {}), ...(y !== undefined ? { after: shown(y) } : {}) });
  }

  const rb = cause(before);
  const ra = cause(after);
  return {
    before: historyEntry(before),
    after: historyEntry(after),
    verdicts,
    facts,
    rootCause: { before: rb, after: ra, changed: (rb?.id ?? null) !== (ra?.id ?? null) },
    unchanged,
  };
}
