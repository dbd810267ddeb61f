import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { evaluateTree } from '../../../src/diagnosis/decisionTree';
import { factsOf, HEALTHY } from './factsHelper';

let rb: Runbook;
const nodes = (e: ReturnType<typeof evaluateTree>) => e.path.map((h) => h.node);

describe('diagnosis/decisionTree', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('missing configuration: one hop, the fact it read with its proof, scenario F and its reality note', () => {
    const e = evaluateTree(rb, factsOf({ 'hybrid.configured': [false, '0.1'], 'hybrid.disabled': [false, '0.1'] }));
    assert.deepEqual(nodes(e), ['config']);
    assert.equal(e.outcome.kind, 'leaf');
    if (e.outcome.kind !== 'leaf') return;
    assert.equal(e.outcome.cause, 'missing-hybrid-config');
    assert.equal(e.outcome.scenario, 'scn-f');
    assert.equal(e.outcome.fix, 'fix-f');
    assert.deepEqual(e.path[0].read.map((r) => [r.fact, r.value, r.step]), [['hybrid.configured', false, '0.1']]);
    assert.equal(e.path[0].next, null);
    // the plan expects "executor is NIL" here; the tree says this runner falls back to Golem
    assert.ok(e.notes.some((n) => /executor is NIL/.test(n.text) && /Golem/.test(n.text)), JSON.stringify(e.notes));
    assert.ok(e.notes.some((n) => n.source.includes('scn-f')));
    assert.ok(e.impossible.some((i) => i.branch.includes('executor is NIL')));
  });

  it('HYBRID_ROUTER_DISABLE=true is taken before "not configured"', () => {
    const e = evaluateTree(rb, factsOf({ 'hybrid.configured': false, 'hybrid.disabled': true }));
    assert.equal(e.outcome.kind === 'leaf' && e.outcome.cause, 'hybrid-disabled');
    assert.equal(e.path[0].branchIndex, 0);
  });

  it('a healthy system walks every node to the healthy leaf', () => {
    const e = evaluateTree(rb, factsOf(HEALTHY));
    assert.deepEqual(nodes(e), ['config', 'startup', 'router', 'circuit', 'timeout', 'execution']);
    assert.equal(e.outcome.kind === 'leaf' && e.outcome.cause, 'healthy');
  });

  it('stops at the node whose needs have not run, naming the steps', () => {
    const e = evaluateTree(rb, factsOf({ 'hybrid.configured': true, 'hybrid.disabled': false }), { ranSteps: new Set(['0.1']) });
    assert.deepEqual(nodes(e), ['config']);
    assert.deepEqual(e.outcome, { kind: 'needs', node: 'startup', question: e.outcome.kind === 'needs' ? e.outcome.question : '', steps: ['0.2'] });
    const router = evaluateTree(rb, factsOf({ ...HEALTHY }), { ranSteps: new Set(['0.1', '0.2', 'r.1']) });
    assert.equal(router.outcome.kind, 'needs');
    if (router.outcome.kind === 'needs') assert.deepEqual(router.outcome.steps, ['1.6', 'r.2']);
  });

  it('without ranSteps the data\'s "could not be read" branches decide unknown facts', () => {
    const e = evaluateTree(rb, factsOf({ 'logs.executionFailures': 0 }));
    assert.deepEqual(nodes(e), ['config', 'startup', 'router', 'circuit', 'timeout', 'execution']);
    assert.deepEqual(e.path.map((h) => h.branch.split(' ')[0]), ['variables', 'logs', 'router', 'no', 'timeout', 'no']);
  });

  it('no job runner started: no startup line and database errors → database-unavailable', () => {
    const e = evaluateTree(rb, factsOf({ 'hybrid.configured': true, 'hybrid.disabled': false, 'startup.linesSeen': false, 'logs.databaseErrors': 3 }));
    assert.deepEqual(nodes(e), ['config', 'startup']);
    assert.equal(e.outcome.kind === 'leaf' && e.outcome.cause, 'database-unavailable');
  });

  it('the real incident: router reachable, providers_healthy 0 → no-healthy-providers', () => {
    const e = evaluateTree(rb, factsOf({ ...HEALTHY, 'router.providersHealthy': 0, 'router.noHealthyProviders': true }));
    assert.deepEqual(nodes(e), ['config', 'startup', 'router']);
    assert.equal(e.outcome.kind === 'leaf' && e.outcome.cause, 'no-healthy-providers');
  });

  it('"hybrid client is NIL" → executor-bug via scenario G, whose reality note says it cannot happen with this code', () => {
    const e = evaluateTree(rb, factsOf({ ...HEALTHY, 'logs.clientNil': 2, 'logs.executionFailures': 2 }));
    assert.equal(e.outcome.kind === 'leaf' && e.outcome.scenario, 'scn-g');
    assert.ok(e.notes.some((n) => /never returns nil/.test(n.text)));
  });

  it('a node where no branch holds stops the walk and lists what it read', () => {
    const f = { ...HEALTHY } as Record<string, unknown>;
    delete f['logs.executionFailures'];
    const e = evaluateTree(rb, factsOf(f as typeof HEALTHY));
    assert.equal(e.outcome.kind, 'stuck');
    if (e.outcome.kind !== 'stuck') return;
    assert.equal(e.outcome.node, 'execution');
    assert.ok(e.outcome.read.some((r) => r.fact === 'logs.executionFailures' && r.value === null));
  });

  it('a loop in a user runbook is reported, not followed forever', () => {
    const loop: Runbook = {
      ...rb,
      decisionTree: {
        root: 'a',
        planText: '',
        impossible: [],
        nodes: [
          { id: 'a', question: 'A?', needs: [], branches: [{ label: 'to b', when: { fact: 'x', op: 'missing' }, next: 'b' }] },
          { id: 'b', question: 'B?', needs: [], branches: [{ label: 'to a', when: { fact: 'x', op: 'missing' }, next: 'a' }] },
        ],
      },
    };
    const e = evaluateTree(loop, {});
    assert.equal(e.outcome.kind, 'stuck');
    assert.match(e.outcome.kind === 'stuck' ? e.outcome.reason : '', /loops back to "a"/);
  });
});
