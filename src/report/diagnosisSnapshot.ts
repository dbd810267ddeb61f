/**
 * The part of a diagnosis that is kept with a run: plain data, validated when read back, so that
 * the history stays readable when the diagnosis' internal types change.
 */
import { z } from 'zod';
import { FactValue } from '../runbook/schema';
import type { Diagnosis } from '../diagnosis/diagnose';
import type { FactProof } from '../diagnosis/factProof';

const FactProofSchema = z.object({
  fact: z.string(),
  value: FactValue,
  step: z.string().nullable(),
  check: z.string().nullable(),
  line: z.string().nullable(),
});

const EvidenceMatchSchema = z.object({
  label: z.string(),
  weight: z.number(),
  facts: z.array(FactProofSchema),
});

export const DiagnosisSnapshot = z.object({
  status: z.enum(['certain', 'healthy', 'undetermined']),
  rootCause: z.object({ id: z.string(), scenario: z.string().nullable(), title: z.string(), probability: z.number() }),
  leading: z.object({ id: z.string(), probability: z.number() }).nullable(),
  healthyProbability: z.number(),
  ranked: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      scenario: z.string().nullable(),
      prior: z.number(),
      probability: z.number(),
      for: z.array(EvidenceMatchSchema),
      against: z.array(EvidenceMatchSchema),
    }),
  ),
  evidence: z.array(
    z.object({
      step: z.string(),
      check: z.string().nullable(),
      fact: z.string(),
      value: FactValue,
      line: z.string().nullable(),
      label: z.string(),
      weight: z.number().nullable(),
    }),
  ),
  nextStep: z
    .object({ step: z.string(), title: z.string(), action: z.enum(['run', 'instrument']), text: z.string(), reason: z.string() })
    .nullable(),
  fix: z
    .object({ id: z.string(), title: z.string(), kind: z.enum(['command', 'code', 'guidance']), argv: z.array(z.string()).nullable() })
    .nullable(),
  notes: z.array(z.string()),
  criteria: z.array(z.object({ id: z.string(), text: z.string(), status: z.enum(['met', 'notMet', 'unknown']) })),
  tree: z.object({
    path: z.array(
      z.object({
        node: z.string(),
        question: z.string(),
        branch: z.string(),
        branchIndex: z.number().int(),
        next: z.string().nullable(),
        read: z.array(FactProofSchema),
      }),
    ),
    outcome: z.object({
      kind: z.enum(['leaf', 'needs', 'stuck']),
      node: z.string(),
      /** leaf: the branch label; needs: the question; stuck: the reason. */
      text: z.string(),
      cause: z.string().nullable(),
      steps: z.array(z.string()),
    }),
    notes: z.array(z.object({ source: z.string(), text: z.string() })),
  }),
});
export type DiagnosisSnapshot = z.infer<typeof DiagnosisSnapshot>;

const proof = (p: FactProof) => ({ fact: p.fact, value: p.value, step: p.step, check: p.check, line: p.line });

export function snapshotDiagnosis(d: Diagnosis): DiagnosisSnapshot {
  const o = d.tree.outcome;
  return {
    status: d.status,
    rootCause: { ...d.rootCause },
    leading: d.leading ? { ...d.leading } : null,
    healthyProbability: d.healthyProbability,
    ranked: d.ranking.causes.map((c) => ({
      id: c.id,
      title: c.title,
      scenario: c.scenario,
      prior: c.prior,
      probability: c.probability,
      for: c.for.map((m) => ({ label: m.label, weight: m.weight, facts: m.facts.map(proof) })),
      against: c.against.map((m) => ({ label: m.label, weight: m.weight, facts: m.facts.map(proof) })),
    })),
    evidence: d.evidence.map((e) => ({
      step: e.step,
      check: e.check,
      fact: e.fact,
      value: e.value,
      line: e.line,
      label: e.label,
      weight: e.weight,
    })),
    nextStep: d.nextStep ? { ...d.nextStep } : null,
    fix: d.fix ? { id: d.fix.id, title: d.fix.title, kind: d.fix.kind, argv: d.fix.argv ? [...d.fix.argv] : null } : null,
    notes: [...d.notes],
    criteria: d.criteria.map((c) => ({ id: c.id, text: c.text, status: c.status })),
    tree: {
      path: d.tree.path.map((h) => ({
        node: h.node,
        question: h.question,
        branch: h.branch,
        branchIndex: h.branchIndex,
        next: h.next,
        read: h.read.map(proof),
      })),
      outcome: {
        kind: o.kind,
        node: o.node,
        text: o.kind === 'leaf' ? o.label : o.kind === 'needs' ? o.question : o.reason,
        cause: o.kind === 'leaf' ? o.cause : null,
        steps: o.kind === 'needs' ? [...o.steps] : [],
      },
      notes: d.tree.notes.map((n) => ({ ...n })),
    },
  };
}
