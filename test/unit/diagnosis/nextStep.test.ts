import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook, findStep } from '../../../src/runbook/load';
import type { Cause, Runbook } from '../../../src/runbook/schema';
import { chooseNextStep, producedFacts } from '../../../src/diagnosis/nextStep';
import { rankCauses } from '../../../src/diagnosis/ranking';
import { evaluateTree } from '../../../src/diagnosis/decisionTree';
import { factsOf } from './factsHelper';

let rb: Runbook;

/** The built-in steps with two causes whose evidence reads facts of steps 5.3 (db.unavailable) and 5.2 (runner.goroutines). */
function book(wDb: number, wGoroutines: number, confirm: { a?: string[]; b?: string[] } = {}): Runbook {
  const cause = (id: string, prior: number, fact: string, weight: number, confirmWith: string[]): Cause => ({
    id,
    title: id,
    plan: 'test',
    prior,
    confirmWith,
    evidence: [{ label: `${fact} says ${id}`, when: { fact, op: 'exists' }, weight }],
  });
  return {
    ...rb,
    causes: [cause('a', 0.6, 'db.unavailable', wDb, confirm.a ?? []), cause('b', 0.4, 'runner.goroutines', wGoroutines, confirm.b ?? [])],
    decisionTree: { root: 'n', planText: '', impossible: [], nodes: [{ id: 'n', question: 'N?', needs: [], branches: [{ label: 'always', when: { fact: 'nothing', op: 'missing' }, cause: 'a' }] }] },
  };
}

function next(runbook: Runbook, ran: string[] = []) {
  const facts = factsOf({});
  return chooseNextStep(runbook, facts, rankCauses(runbook, facts), evaluateTree(runbook, facts), new Set(ran));
}

describe('diagnosis/nextStep', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('reads what a step can tell from the data (extractors, log signals, derivations, rule facts)', () => {
    const f01 = producedFacts(rb, findStep(rb, '0.1')!);
    for (const name of ['env.HYBRID_BASE', 'hybrid.configured', 'hybrid.timeoutTooShort']) assert.ok(f01.has(name), name);
    const f02 = producedFacts(rb, findStep(rb, '0.2')!);
    for (const name of ['startup.hybridDisabled', 'logs.executionFailures', 'startup.linesSeen']) assert.ok(f02.has(name), name);
    assert.ok(!f02.has('routerLogs.healthChecks'), 'runner logs do not yield router signals');
    const r1 = producedFacts(rb, findStep(rb, 'r.1')!);
    for (const name of ['router.providersHealthy', 'router.reachable', 'router.down', 'router.slow']) assert.ok(r1.has(name), name);
    assert.ok(![...r1].some((n) => n.startsWith('$')));
  });

  it('picks the step whose facts can move the probability-weighted log-odds most', () => {
    // a: 0.6 × ln 100 ≈ 2.76 (5.3) vs b: 0.4 × ln 2 ≈ 0.28 (5.2)
    assert.equal(next(book(100, 2))?.text, 'run 5.3');
    // a: 0.6 × ln 2 ≈ 0.42 vs b: 0.4 × ln 1000 ≈ 2.76
    assert.equal(next(book(2, 1000))?.text, 'run 5.2');
  });

  it('evidence against counts as much as evidence for (|ln w|)', () => {
    assert.equal(next(book(1 / 100, 2))?.text, 'run 5.3');
  });

  it('a step that already ran is not asked again; with nothing left, the leaders\' instrumentation', () => {
    assert.equal(next(book(100, 2), ['5.3'])?.text, 'run 5.2');
    const n = next(book(100, 2, { a: ['2.4'] }), ['5.3', '5.2']);
    assert.equal(n?.action, 'instrument');
    assert.equal(n?.text, 'insert 2.4 and redeploy');
    assert.equal(next(book(100, 2), ['5.3', '5.2']), null);
  });

  it('ties go to the leading causes\' confirmWith order, then to the plan\'s order', () => {
    // equal scores: 0.6 × ln e^(4/3) = 0.4 × ln e^2 = 0.8
    const wa = Math.exp(4 / 3);
    const wb = Math.exp(2);
    assert.equal(next(book(wa, wb))?.text, 'run 5.2', 'plan order: 5.2 comes before 5.3');
    assert.equal(next(book(wa, wb, { a: ['5.3'] }))?.text, 'run 5.3', "the leader a's confirmWith");
    assert.equal(next(book(wa, wb, { a: ['5.2'], b: ['5.3'] }))?.text, 'run 5.2', "the leader's list comes before b's");
  });
});
