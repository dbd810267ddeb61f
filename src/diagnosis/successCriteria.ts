/**
 * The plan's Success Criteria checklist, evaluated on a run's facts, in three values:
 * - `met` when the criterion's condition holds;
 * - `notMet` when it fails whatever the unknown facts turn out to be;
 * - `unknown` when the answer depends on a fact nobody has read yet (the check that would tell has
 *   not run, or could not), when no fact it reads is known, or when it has no condition.
 *
 * Each comparison is decided by the engine's `evaluateCondition`; a comparison on an unknown fact
 * is unknown, except `exists` / `missing`, which ask precisely whether the fact is known. `all`,
 * `any` and `not` combine the three values (Kleene's logic: `all` is false as soon as one part is
 * false, `any` true as soon as one part is true).
 *
 * The diagnosis adds two facts of its own that criteria may read: `diagnosis.certain` (a root
 * cause or `healthy` was reached with certainty) and `fix.applied` (a fix ran and exited 0).
 */
import type { Condition, Runbook } from '../runbook/schema';
import type { Facts } from '../engine/types';
import { evaluateCondition } from '../engine/conditions';
import type { FactLookup } from '../engine/conditions';
import { factLookup, proofsOf, type FactProof } from './factProof';

export type CriterionStatus = 'met' | 'notMet' | 'unknown';

export interface CriterionResult {
  id: string;
  text: string;
  status: CriterionStatus;
  /** The facts the criterion read, with their proofs (unknown ones have value null). */
  read: FactProof[];
}

export function evaluateSuccessCriteria(runbook: Runbook, facts: Facts): CriterionResult[] {
  const lookup = factLookup(facts);
  return runbook.successCriteria.map((sc) => {
    if (!sc.when) return { id: sc.id, text: sc.text, status: 'unknown', read: [] };
    const read = proofsOf(facts, sc.when);
    const value = read.some((p) => p.value !== null) ? decide(sc.when, lookup) : undefined;
    const status: CriterionStatus = value === true ? 'met' : value === false ? 'notMet' : 'unknown';
    return { id: sc.id, text: sc.text, status, read };
  });
}

/** true / false / undefined (unknown). */
function decide(cond: Condition, lookup: FactLookup): boolean | undefined {
  if ('all' in cond) {
    const parts = cond.all.map((c) => decide(c, lookup));
    return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => decide(c, lookup));
    return parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;
  }
  if ('not' in cond) {
    const v = decide(cond.not, lookup);
    return v === undefined ? undefined : !v;
  }
  const v = lookup(cond.fact);
  if ((v === undefined || v === null) && cond.op !== 'exists' && cond.op !== 'missing') return undefined;
  return evaluateCondition(cond, lookup);
}
