/**
 * Reading facts for the diagnosis: a lookup for the engine's condition evaluator, and the proof
 * (step, check, line) behind every fact a decision read.
 */
import type { FactValue } from '../runbook/schema';
import type { Facts } from '../engine/types';
import type { FactLookup } from '../engine/conditions';
import { conditionFacts } from '../engine/conditions';
import type { Condition } from '../runbook/schema';

/** A fact as read by a decision: its value (null when unknown) and where it came from. */
export interface FactProof {
  fact: string;
  /** `null` when the fact is unknown. */
  value: FactValue;
  step: string | null;
  check: string | null;
  line: string | null;
}

export function factLookup(facts: Facts): FactLookup {
  return (name) => facts[name]?.value;
}

export function isKnown(facts: Facts, name: string): boolean {
  const v = facts[name]?.value;
  return v !== undefined && v !== null;
}

export function proofOf(facts: Facts, name: string): FactProof {
  const rec = facts[name];
  return {
    fact: name,
    value: rec?.value ?? null,
    step: rec?.step ?? null,
    check: rec?.check ?? null,
    line: rec?.line ?? null,
  };
}

/** The facts a condition reads, each once, in the order written, with their proofs. */
export function proofsOf(facts: Facts, cond: Condition): FactProof[] {
  return [...new Set(conditionFacts(cond))].map((n) => proofOf(facts, n));
}
