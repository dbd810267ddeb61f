/**
 * Reading facts for the diagnosis: a lookup for the engine's condition evaluator, and the proof
 * (step, check, line) behind every fact a decision read.
 */
import type { FactValue } from '../runbook/schema';
import type { Facts } from '../engine/types';
import type { FactLookup } from '../engine/conditions';
import { conditionFacts } from '../engine/conditions';
import type { Condition, Runbook } from '../runbook/schema';
import { findStep } from '../runbook/steps';

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

/**
 * The lines behind a fact that a check derived from other facts (`derive` in the data), e.g.
 * `hybrid.configured = false` ← `HYBRID_BASE=`, `HYBRID_ROUTER_URL=` …: the proving lines of the
 * facts its derivation read, followed through derivations of derivations, in the data's order.
 * The fact's own line when it has one; empty when nothing proves it by a line.
 */
export function provingLines(runbook: Runbook, facts: Facts, name: string, depth = 3): string[] {
  const rec = facts[name];
  if (!rec) return [];
  if (rec.line) return [rec.line];
  if (depth === 0 || !rec.check) return [];
  const check = findStep(runbook, rec.step)?.checks.find((c) => c.id === rec.check);
  const out: string[] = [];
  for (const d of check?.derive ?? []) {
    if (d.fact !== name) continue;
    for (const input of conditionFacts(d.when)) {
      const inRec = facts[input];
      // the input's record may come from a later check reading the same source (one logs read serves 0.2 and qw.4)
      if (!inRec || input === name) continue;
      for (const l of provingLines(runbook, facts, input, depth - 1)) if (!out.includes(l)) out.push(l);
    }
  }
  return out;
}
