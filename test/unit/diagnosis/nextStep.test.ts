import * as assert from 'node:assert/strict';
import { findStep } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Cause, Evidence, Runbook } from '../../../src/runbook/schema';
import { chooseNextStep, expectedSeconds, informationGain, producedFacts, type NextStepContext } from '../../../src/diagnosis/nextStep';
import { rankCauses } from '../../../src/diagnosis/ranking';
import { evaluateTree } from '../../../src/diagnosis/decisionTree';
import type { Facts } from '../../../src/engine/types';
import { factsOf, stepResult, TARGET } from './factsHelper';

let rb: Runbook;

const cause = (id: string, prior: number, evidence: Evidence[], confirmWith: string[] = []): Cause => ({ id, title: id, plan: 'test', prior, confirmWith, evidence });
const ev = (fact: string, op: Evidence['when'] extends infer C ? (C extends { op: infer O } ? O : never) : never, value: unknown, weight: number): Evidence =>
  ({ label: `${fact} ${op} ${String(value)}`, when: { fact, op, value } as Evidence['when'], weight });

/** The built-in steps with the given causes and a tree that always ends at the first one. */
function book(causes: Cause[]): Runbook {
  return {
    ...rb,
    causes,
    decisionTree: { root: 'n', planText: '', impossible: [], nodes: [{ id: 'n', question: 'N?', needs: [], branches: [{ label: 'always', when: { fact: 'nothing', op: 'missing' }, cause: causes[0].id }] }] },
  };
}

function next(runbook: Runbook, ran: string[] = [], facts: Facts = {}, ctx: NextStepContext = {}) {
  return chooseNextStep(runbook, facts, rankCauses(runbook, facts), evaluateTree(runbook, facts), new Set(ran), ctx);
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
    for (const name of ['startup.hybridDisabled', 'logs.executionFailures', 'logs.failureSeconds', 'startup.linesSeen']) assert.ok(f02.has(name), name);
    assert.ok(!f02.has('routerLogs.healthChecks'), 'runner logs do not yield router signals');
    const r1 = producedFacts(rb, findStep(rb, 'r.1')!);
    for (const name of ['router.providersHealthy', 'router.reachable', 'router.down', 'router.slow']) assert.ok(r1.has(name), name);
    assert.ok(![...r1].some((n) => n.startsWith('$')));
  });

  it('two tied causes: the step chosen is the one that separates them, not the one that raises both most', () => {
    // 5.3 (db.unavailable) raises a and b ×100 alike; 5.2 (runner.goroutines) raises a ×10 and lowers b ×0.1
    const tied = book([
      cause('a', 0.5, [ev('db.unavailable', 'eq', true, 100), ev('runner.goroutines', 'gt', 1000, 10)]),
      cause('b', 0.5, [ev('db.unavailable', 'eq', true, 100), ev('runner.goroutines', 'gt', 1000, 0.1)]),
    ]);
    const r = rankCauses(tied, {});
    assert.deepEqual(r.ties, ['a', 'b']);
    const leaders = r.causes.map((c) => ({ id: c.id, p: c.probability }));
    assert.equal(informationGain(tied, {}, leaders, findStep(tied, '5.3')!), 0, 'raising both alike tells nothing about which');
    assert.ok(informationGain(tied, {}, leaders, findStep(tied, '5.2')!) > 0.3);
    const n = next(tied);
    assert.equal(n?.text, 'run 5.2');
    assert.match(n!.reason, /tells a, b apart best for its cost: 0\.\d+ bits expected in about 1 s/);
  });

  it('the built-in plan: router-slow and timeout-too-short explain the same job logs — the next step tells them apart', () => {
    // both predict client timeouts and executions that ran for seconds: the logs cannot separate them
    const facts = factsOf({
      'hybrid.configured': true, 'hybrid.disabled': false, 'startup.lastState': 'enabled', 'startup.linesSeen': true,
      'logs.hybridTimeouts': 6, 'logs.failureSeconds': 5.1, 'logs.executionFailures': 6, 'logs.databaseErrors': 0,
      'startup.clientInitTimeout': 300, 'startup.clientInitCount': 2,
    });
    const r = rankCauses(rb, facts);
    assert.deepEqual(r.causes.slice(0, 2).map((c) => c.id).sort(), ['router-slow', 'timeout-too-short']);
    const n = next(rb, ['0.2', 'qw.4', 'qw.2'], facts);
    assert.ok(n && ['0.1', 'qw.1', 'r.1', 'r.2', 'qw.3', '1.6'].includes(n.step), `${n?.text}: ${n?.reason}`);
    // and it is the cheap one: 0.1 and r.2 separate them equally well, r.2 answers in ~1 s
    const two = r.causes.slice(0, 2);
    const leaders = two.map((c) => ({ id: c.id, p: c.probability / (two[0].probability + two[1].probability) }));
    assert.ok(informationGain(rb, facts, leaders, findStep(rb, '5.1')!) < 1e-9, '5.1 cannot separate them');
  });

  it('when the leading causes differ in how fast jobs fail, the next step reads the job logs\' failure timing', () => {
    const timing = book([
      cause('fails-fast', 0.5, [ev('logs.failureSeconds', 'lt', 0.5, 20)]),
      cause('fails-slow', 0.5, [ev('logs.failureSeconds', 'ge', 1, 20)]),
    ]);
    const n = next(timing);
    assert.ok(n && ['qw.2', 'qw.4', '0.2', '5.1'].includes(n.step), n?.text);
    assert.ok(producedFacts(timing, findStep(timing, n!.step)!).has('logs.failureSeconds'));
  });

  it('cost counts: of two steps that separate alike, the one without a deploy; a shared probe costs nothing', () => {
    const s03 = findStep(rb, '0.3')!;
    assert.equal(expectedSeconds(s03, {}), 600, '0.3 reads an endpoint that exists only once deployed');
    assert.equal(expectedSeconds(findStep(rb, 'r.1')!, {}), 1);
    assert.equal(expectedSeconds(findStep(rb, 'r.1')!, factsOf({ 'router.slow': true })), 2, 'a router known not to answer: the short probe');
    assert.equal(Math.round(expectedSeconds(findStep(rb, '1.6')!, {}) * 10) / 10, 5.2, 'three checks of one command in the runner container');
    const ask = new Set([JSON.stringify(findStep(rb, '0.2')!.checks[0].probe)]);
    assert.ok(expectedSeconds(findStep(rb, 'qw.4')!, {}, ask) < 0.5, 'qw.4 reads the logs 0.2 already read');
    const deployOrNot = book([
      cause('a', 0.5, [ev('executor.type', 'eq', '*worker.HybridExecutor', 50), ev('runner.goroutines', 'gt', 1000, 50)]),
      cause('b', 0.5, []),
    ]);
    assert.equal(next(deployOrNot)?.text, 'run 5.2');
  });

  it('a step the target cannot run (missing secret) is not chosen, and is named once', () => {
    const needsToken = book([cause('a', 0.5, [ev('runner.goroutines', 'gt', 1000, 100)]), cause('b', 0.5, [ev('runner.memAvailableMb', 'lt', 96, 3)])]);
    assert.equal(next(needsToken)?.text, 'run 5.2', 'with every secret: 5.2 (admin token) separates most');
    const n = next(needsToken, [], {}, { target: { ...TARGET, adminToken: undefined } });
    assert.equal(n?.text, 'run 5.4');
    assert.deepEqual(n?.unavailable.map((u) => u.step), ['5.2']);
    assert.match(n!.unavailable[0].reason, /admin token/);
  });

  it('a check that came back inconclusive (not exposed on this target) is not asked again by another step', () => {
    const metric = book([cause('a', 0.5, [ev('metrics.circuitOpen', 'ge', 1, 100)]), cause('b', 0.5, [])]);
    const first = next(metric);
    assert.ok(first && ['qw.5', '1.x'].some((p) => first.step.startsWith(p.replace('x', ''))), first?.text);
    const shared = ['qw.5', ...rb.phases.flatMap((p) => p.steps).filter((s) => s.id !== 'qw.5' && s.checks.some((c) => c.id === 'circuit-metric')).map((s) => s.id)];
    assert.ok(shared.length >= 2, `the metric check is in ${shared.join(', ')}`);
    const results = [{ ...stepResult('qw.5', 'inconclusive', 'No circuit-breaker metric: not exposed by this runner'), checks: [{ ...stepResult('qw.5').checks[0], id: 'circuit-metric', verdict: 'inconclusive' as const }] }];
    const after = next(metric, ['qw.5'], {}, { results });
    assert.ok(!after || !shared.includes(after.step), `asked again: ${after?.text}`);
  });

  it('a step that already ran is not asked again; with nothing left, the leaders\' instrumentation', () => {
    const b = book([cause('a', 0.5, [ev('db.unavailable', 'eq', true, 100)], ['2.4']), cause('b', 0.5, [ev('runner.goroutines', 'gt', 1000, 2)])]);
    assert.equal(next(b)?.text, 'run 5.3');
    assert.equal(next(b, ['5.3'])?.text, 'run 5.2');
    const n = next(b, ['5.3', '5.2']);
    assert.equal(n?.action, 'instrument');
    assert.equal(n?.text, 'insert 2.4 and redeploy');
    assert.equal(next(book([cause('a', 0.5, [ev('db.unavailable', 'eq', true, 100)]), cause('b', 0.5, [])]), ['5.3']), null);
  });

  it('ties in value go to the leading causes\' confirmWith order, then to the plan\'s order', () => {
    const mk = (ca: string[], cb: string[]) =>
      book([cause('a', 0.5, [ev('db.unavailable', 'eq', true, 10)], ca), cause('b', 0.5, [ev('runner.goroutines', 'gt', 1000, 10)], cb)]);
    assert.equal(next(mk([], []))?.text, 'run 5.2', 'plan order: 5.2 comes before 5.3');
    assert.equal(next(mk(['5.3'], []))?.text, 'run 5.3', "the leader a's confirmWith");
  });
});
