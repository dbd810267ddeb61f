/**
 * Ranks the runbook's root causes on the evidence: every cause with a prior gets
 *
 *     P(cause | facts) ∝ prior × Π weight of each of its evidence items whose condition holds,
 *
 * normalised over the causes (the weights are likelihood ratios, data beside the priors). With no
 * evidence the ranking equals the priors. Evidence with weight > 1 that matched is "for" the
 * cause, weight < 1 is "against" (contradicting) it.
 *
 * "Certain" means: one cause at ≥ CERTAINTY with no contradicting evidence. Ties (causes within
 * TIE_MARGIN of the leader) and the leader's contradictions are reported, never hidden.
 *
 * `evidenceMass` is Σ prior × Π weight (unnormalised). The known causes' priors add up to 1, so
 * with no evidence the mass is 1 plus the unknown cause's prior; it falls when the evidence speaks
 * against every cause. The diagnosis uses it to decide `healthy` (see diagnose.ts).
 *
 * **The unknown cause** (a cause with `unexplained` in the data) stands for "none of these". A known
 * cause is *supported* when its evidence holds on balance (Π weight > 1). A failed check is
 * *explained* when a supported cause's matching evidence (weight > 1) reads one of the check's
 * facts. When no known cause is supported, the unknown cause gets ×weight for each failed check
 * left unexplained (at most `max`): facts that every known cause's model calls unlikely make "none
 * of these" likely. When some known cause is supported, the unknown cause keeps its prior only, so it
 * never displaces a known cause whose evidence is present.
 */
import type { Runbook } from '../runbook/schema';
import type { Facts } from '../engine/types';
import { evaluateCondition } from '../engine/conditions';
import { factLookup, proofsOf, type FactProof } from './factProof';

/** A cause at or above this probability, with no contradicting evidence, is certain. */
export const CERTAINTY = 0.9;
/** Causes whose probabilities differ by at most this much are reported as tied. */
export const TIE_MARGIN = 0.01;

export interface EvidenceMatch {
  cause: string;
  label: string;
  /** Likelihood ratio: > 1 for, < 1 against. */
  weight: number;
  /** The facts the evidence read (known ones), with the step and line proving each. */
  facts: FactProof[];
}

export interface RankedCause {
  id: string;
  title: string;
  scenario: string | null;
  prior: number;
  probability: number;
  /** prior × Π weight, before normalisation. */
  score: number;
  for: EvidenceMatch[];
  against: EvidenceMatch[];
}

export interface Ranking {
  /** Highest probability first; equal probabilities keep the runbook's order. */
  causes: RankedCause[];
  leader: RankedCause | null;
  /** The leader is at ≥ CERTAINTY and nothing contradicts it. */
  certain: boolean;
  /** Ids of the causes tied with the leader (the leader included), empty when there is no tie. */
  ties: string[];
  /** Evidence that matched against the leader. */
  contradictions: EvidenceMatch[];
  /** Σ prior × Π weight over the causes (1 with no evidence). */
  evidenceMass: number;
  /** Failed checks that no supported known cause explains (what the unknown cause reads). */
  unexplained: FailedCheck[];
  /** Known causes whose evidence holds on balance (Π weight > 1). */
  supported: string[];
}

/** A check that failed, with the facts it produced (what it says). */
export interface FailedCheck {
  step: string;
  check: string;
  label: string;
  reason: string;
  facts: string[];
}

export function rankCauses(runbook: Runbook, facts: Facts, failed: readonly FailedCheck[] = []): Ranking {
  const lookup = factLookup(facts);
  const scored = runbook.causes
    .filter((c): c is typeof c & { prior: number } => c.prior !== null)
    .map((c) => {
      const matched: EvidenceMatch[] = c.evidence
        .filter((e) => evaluateCondition(e.when, lookup))
        .map((e) => ({
          cause: c.id,
          label: e.label,
          weight: e.weight,
          facts: proofsOf(facts, e.when).filter((p) => p.value !== null),
        }));
      // log space: products of several large weights stay exact enough and never overflow
      const logScore = Math.log(c.prior) + matched.reduce((a, m) => a + Math.log(m.weight), 0);
      return {
        id: c.id,
        title: c.title,
        scenario: c.scenario ?? null,
        prior: c.prior,
        logScore,
        unexplainedWeight: c.unexplained,
        for: matched.filter((m) => m.weight > 1),
        against: matched.filter((m) => m.weight < 1),
      };
    });

  const known = scored.filter((s) => !s.unexplainedWeight);
  const supportedCauses = known.filter((s) => s.logScore - Math.log(s.prior) > 1e-9);
  const explains = (c: (typeof scored)[number], f: FailedCheck) => c.for.some((m) => m.facts.some((p) => f.facts.includes(p.fact)));
  const unexplained = failed.filter((f) => !supportedCauses.some((c) => explains(c, f)));
  for (const s of scored) {
    if (!s.unexplainedWeight || supportedCauses.length) continue;
    const n = Math.min(unexplained.length, s.unexplainedWeight.max);
    if (n === 0) continue;
    s.logScore += n * Math.log(s.unexplainedWeight.weight);
    s.for.push({
      cause: s.id,
      label: `${n} failed check${n === 1 ? '' : 's'} that no known cause explains: ${unexplained.slice(0, n).map((f) => `${f.step} ${f.label}`).join('; ')}`,
      weight: s.unexplainedWeight.weight ** n,
      facts: unexplained.slice(0, n).flatMap((f) => proofsOf(facts, { any: f.facts.map((fact) => ({ fact, op: 'exists' as const })) })).filter((p) => p.value !== null),
    });
  }

  const finite = scored.filter((s) => Number.isFinite(s.logScore));
  const maxLog = finite.length ? Math.max(...finite.map((s) => s.logScore)) : 0;
  const rel = scored.map((s) => (Number.isFinite(s.logScore) ? Math.exp(s.logScore - maxLog) : 0));
  const total = rel.reduce((a, b) => a + b, 0);
  const causes: RankedCause[] = scored.map((s, i) => ({
    id: s.id,
    title: s.title,
    scenario: s.scenario,
    prior: s.prior,
    probability: total > 0 ? rel[i] / total : 0,
    score: Math.exp(s.logScore),
    for: s.for,
    against: s.against,
  }));
  const order = causes.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.probability - a.c.probability || a.i - b.i);
  const ranked = order.map((o) => o.c);

  const leader = ranked[0] ?? null;
  const ties = leader ? ranked.filter((c) => leader.probability - c.probability <= TIE_MARGIN).map((c) => c.id) : [];
  const contradictions = leader ? leader.against : [];
  return {
    causes: ranked,
    leader,
    certain: !!leader && leader.probability >= CERTAINTY && contradictions.length === 0 && ties.length <= 1,
    ties: ties.length > 1 ? ties : [],
    contradictions,
    evidenceMass: causes.reduce((a, c) => a + c.score, 0),
    unexplained: supportedCauses.length ? [] : unexplained,
    supported: supportedCauses.map((c) => c.id),
  };
}
