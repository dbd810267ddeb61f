import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Cause, Runbook } from '../../../src/runbook/schema';
import { rankCauses, CERTAINTY } from '../../../src/diagnosis/ranking';
import { factsOf, HEALTHY } from './factsHelper';

let rb: Runbook;

/** The built-in runbook with other causes (priors 0.5 / 0.3 / 0.2 and a healthy without prior). */
function withCauses(causes: Partial<Cause>[]): Runbook {
  return {
    ...rb,
    causes: causes.map((c) => ({ title: c.id!, plan: 'test', evidence: [], confirmWith: [], prior: null, ...c }) as Cause),
  };
}

describe('diagnosis/ranking', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('with no evidence the ranking equals the priors (the plan\'s 80/10/5/3/2 split across the known causes; unknown its own prior)', () => {
    const r = rankCauses(rb, {});
    const priors = rb.causes.filter((c) => c.prior !== null);
    assert.equal(r.causes.length, priors.length);
    const unknownPrior = rb.causes.find((c) => c.id === 'unknown')!.prior!;
    assert.ok(unknownPrior > 0 && unknownPrior < 0.5);
    for (const c of priors) {
      const ranked = r.causes.find((x) => x.id === c.id)!;
      // the known causes' priors add up to 1; the unknown cause's is on top of them
      const expected = c.prior! / (1 + unknownPrior);
      assert.ok(Math.abs(ranked.probability - expected) < 1e-12, `${c.id}: ${ranked.probability} vs ${expected}`);
      assert.deepEqual(ranked.for, []);
      assert.deepEqual(ranked.against, []);
    }
    assert.equal(r.leader?.id, 'missing-hybrid-config');
    assert.ok(Math.abs(r.evidenceMass - (1 + unknownPrior)) < 1e-12);
    assert.equal(r.certain, false, '0.78 is below the certainty threshold');
    // the plan's groups among the known causes: cause 1 = 80 %, cause 2 = 10 %, 3 = 5 %, 4 = 3 %, 5 = 2 %
    const known = 1 - r.causes.find((c) => c.id === 'unknown')!.probability;
    const p = (id: string) => r.causes.find((c) => c.id === id)!.probability / known;
    const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);
    near(p('missing-hybrid-config') + p('hybrid-disabled'), 0.8);
    near(p('router-down') + p('router-slow') + p('no-healthy-providers'), 0.1);
    near(p('circuit-open'), 0.05);
    near(p('timeout-too-short'), 0.03);
    near(p('executor-bug') + p('database-unavailable'), 0.02);
  });

  it('healthy (prior null) is not ranked', () => {
    assert.ok(!rankCauses(rb, {}).causes.some((c) => c.id === 'healthy'));
  });

  it('posterior ∝ prior × Π weight of the matching evidence, normalised', () => {
    const book = withCauses([
      { id: 'a', prior: 0.5, evidence: [{ label: 'x is 1', when: { fact: 'x', op: 'eq', value: 1 }, weight: 4 }, { label: 'y set', when: { fact: 'y', op: 'exists' }, weight: 0.5 }] },
      { id: 'b', prior: 0.3, evidence: [{ label: 'x is 1', when: { fact: 'x', op: 'eq', value: 1 }, weight: 10 }] },
      { id: 'c', prior: 0.2 },
      { id: 'ok', prior: null },
    ]);
    const r = rankCauses(book, factsOf({ x: 1, y: 'yes' }));
    // a: 0.5·4·0.5 = 1, b: 0.3·10 = 3, c: 0.2 → total 4.2
    const p = Object.fromEntries(r.causes.map((c) => [c.id, c.probability]));
    assert.ok(Math.abs(p.a - 1 / 4.2) < 1e-12);
    assert.ok(Math.abs(p.b - 3 / 4.2) < 1e-12);
    assert.ok(Math.abs(p.c - 0.2 / 4.2) < 1e-12);
    assert.deepEqual(r.causes.map((c) => c.id), ['b', 'a', 'c']);
    assert.ok(Math.abs(r.evidenceMass - 4.2) < 1e-12);
    const a = r.causes.find((c) => c.id === 'a')!;
    assert.deepEqual(a.for.map((e) => e.label), ['x is 1']);
    assert.deepEqual(a.against.map((e) => e.label), ['y set']);
  });

  it('evidence carries the facts it read with the step and the proving line', () => {
    const r = rankCauses(rb, factsOf({ 'hybrid.configured': [false, '0.1'], 'startup.hybridDisabled': [true, '0.2', 'INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)'] }));
    const lead = r.leader!;
    assert.equal(lead.id, 'missing-hybrid-config');
    const proof = lead.for.flatMap((e) => e.facts);
    assert.deepEqual(
      proof.map((p) => [p.fact, p.value, p.step, p.line]),
      [
        ['hybrid.configured', false, '0.1', null],
        ['startup.hybridDisabled', true, '0.2', 'INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)'],
      ],
    );
    assert.ok(r.certain);
    assert.ok(lead.probability >= CERTAINTY);
  });

  it('certain needs ≥ 0.9 and nothing against the leader; a contradiction is reported', () => {
    const book = withCauses([
      { id: 'a', prior: 0.5, evidence: [{ label: 'strong', when: { fact: 'x', op: 'eq', value: 1 }, weight: 1000 }, { label: 'but z', when: { fact: 'z', op: 'eq', value: true }, weight: 0.5 }] },
      { id: 'b', prior: 0.5 },
    ]);
    const clean = rankCauses(book, factsOf({ x: 1 }));
    assert.equal(clean.leader?.id, 'a');
    assert.equal(clean.certain, true);
    const contradicted = rankCauses(book, factsOf({ x: 1, z: true }));
    assert.equal(contradicted.leader?.id, 'a');
    assert.ok(contradicted.leader!.probability >= CERTAINTY);
    assert.equal(contradicted.certain, false);
    assert.deepEqual(contradicted.contradictions.map((c) => c.label), ['but z']);
  });

  it('ties are reported, never resolved silently', () => {
    const book = withCauses([{ id: 'a', prior: 0.4 }, { id: 'b', prior: 0.4 }, { id: 'c', prior: 0.2 }]);
    const tied = rankCauses(book, {});
    assert.deepEqual(tied.ties, ['a', 'b']);
    assert.equal(tied.certain, false);
    // the built-in data: router-down and router-slow share cause 2's prior and tie with no evidence
    const plan = rankCauses(withCauses(rb.causes.filter((c) => c.id.startsWith('router-'))), {});
    assert.deepEqual(plan.ties, ['router-down', 'router-slow']);
  });

  it('on a healthy system the evidence mass drops far below 1 and no cause is certain', () => {
    const r = rankCauses(rb, factsOf(HEALTHY));
    assert.ok(r.evidenceMass < 1 / 9, `mass ${r.evidenceMass}`);
    for (const c of r.causes) assert.deepEqual(c.for, [], `${c.id} has evidence for it`);
  });
});
