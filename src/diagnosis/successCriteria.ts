/**
 * The plan's Success Criteria checklist, evaluated on a run's facts:
 * - `met` when the criterion's condition holds;
 * - `notMet` when it does not hold and every fact it reads is known;
 * - `unknown` when it does not hold but some fact it reads is unknown (the check that would tell
 *   has not run, or could not), or when the criterion has no condition (the user ticks it).
 *
 * The diagnosis adds two facts of its own that criteria may read: `diagnosis.certain` (a root
 * cause or `healthy` was reached with certainty) and `fix.applied` (a fix ran and exited 0).
 */
import type { Runbook } from '../runbook/schema';
import type { Facts } from '../engine/types';
import { evaluateCondition } from '../engine/conditions';
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
    const status: CriterionStatus = evaluateCondition(sc.when, lookup)
      ? 'met'
      : read.every((p) => p.value !== null)
        ? 'notMet'
        : 'unknown';
    return { id: sc.id, text: sc.text, status, read };
  });
}
