// diagnose() on facts, without running anything: tree + ranking combined, healthy, undetermined,
// disagreement, the next step, and the run report's diagnosis fields.
import * as assert from 'node:assert/strict';
import { allSteps } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { diagnose, reportFields, UNDETERMINED } from '../../../src/diagnosis/diagnose';
import { factsOf, HEALTHY, stepResult, TARGET, TREE_STEPS } from './factsHelper';

let rb: Runbook;

describe('diagnosis/diagnose', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('missing configuration: certain, scenario F, fix F built from the target as argv', () => {
    const facts = factsOf({ 'hybrid.configured': [false, '0.1', 'HYBRID_BASE='], 'hybrid.disabled': [false, '0.1'] });
    const d = diagnose(rb, facts, [stepResult('0.1', 'fail')], { target: TARGET });
    assert.equal(d.status, 'certain');
    assert.equal(d.rootCause.id, 'missing-hybrid-config');
    assert.equal(d.rootCause.scenario, 'scn-f');
    assert.ok(d.rootCause.probability >= 0.9);
    assert.deepEqual(d.fix, {
      id: 'fix-f',
      title: 'Fix F: Missing Hybrid Configuration',
      kind: 'command',
      argv: ['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://router.example', '-a', 'beacon-runner-staging'],
    });
    assert.equal(d.nextStep, null);
    assert.deepEqual(d.agreement, { tree: 'missing-hybrid-config', ranking: 'missing-hybrid-config', agree: true });
    assert.deepEqual(d.evidence[0], {
      step: '0.1',
      check: null,
      fact: 'hybrid.configured',
      value: false,
      line: 'HYBRID_BASE=',
      label: 'hybrid is not configured by the four variables',
      weight: 60,
    });
  });

  it('nothing run yet: undetermined, the leader is the prior, the next step is the tree\'s first question', () => {
    const d = diagnose(rb, {}, []);
    assert.equal(d.status, 'undetermined');
    assert.equal(d.rootCause.id, UNDETERMINED);
    // the plan's 78 %, beside the unknown cause's own prior
    assert.equal(d.rootCause.probability, Math.round((0.78 / (1 + rb.causes.find((c) => c.id === 'unknown')!.prior!)) * 10000) / 10000);
    assert.equal(d.nextStep?.text, 'run 0.1');
    assert.equal(d.fix, null);
    assert.ok(d.notes.some((n) => /needs step 0\.1/.test(n)));
  });

  it('healthy: the tree ends at healthy, no check failed, P(healthy) ≥ 0.9', () => {
    const d = diagnose(rb, factsOf(HEALTHY), TREE_STEPS.map((s) => stepResult(s)));
    assert.equal(d.status, 'healthy');
    assert.equal(d.rootCause.id, 'healthy');
    assert.ok(d.rootCause.probability >= 0.9);
    assert.equal(d.fix, null);
    assert.equal(d.nextStep, null);
  });

  it('the tree ends at healthy but a check failed: undetermined, and it says which', () => {
    const results = TREE_STEPS.map((s) => stepResult(s, s === '1.6' ? 'fail' : 'pass', s === '1.6' ? 'DNS failed' : ''));
    const d = diagnose(rb, factsOf(HEALTHY), results);
    assert.equal(d.status, 'undetermined');
    assert.ok(d.notes.some((n) => n.includes('1.6') && n.includes('DNS failed')), d.notes.join('\n'));
  });

  it('the tree ends at healthy while the evidence is not against the causes: undetermined', () => {
    const f = { ...HEALTHY } as Record<string, unknown>;
    for (const k of ['circuit.state', 'router.providersHealthy', 'router.reachable', 'router.healthLatencyMs', 'startup.linesSeen']) delete f[k];
    const d = diagnose(rb, factsOf(f as typeof HEALTHY), [], { ranSteps: null });
    assert.equal(d.tree.outcome.kind === 'leaf' && d.tree.outcome.cause, 'healthy');
    assert.ok(d.healthyProbability < 0.9);
    assert.equal(d.status, 'undetermined');
    assert.equal(d.agreement.agree, false);
    assert.ok(d.nextStep, 'names a next step');
  });

  it('tree and ranking disagree: reported, undetermined', () => {
    // the tree asks about the router before the breaker; the ranking weighs the open breaker more
    const facts = factsOf({ ...HEALTHY, 'router.providersHealthy': 0, 'router.reachable': undefined as never, 'circuit.state': 'open' });
    delete facts['router.reachable'];
    const d = diagnose(rb, facts, [], { ranSteps: null });
    assert.equal(d.tree.outcome.kind === 'leaf' && d.tree.outcome.cause, 'no-healthy-providers');
    assert.equal(d.ranking.leader?.id, 'circuit-open');
    assert.equal(d.status, 'undetermined');
    assert.deepEqual(d.agreement, { tree: 'no-healthy-providers', ranking: 'circuit-open', agree: false });
    assert.ok(d.notes.some((n) => /disagree/.test(n)));
  });

  it('when no runnable check can discriminate, the next step is an instrumentation: "insert 2.2 and redeploy"', () => {
    // executions fail after HTTP calls, nothing else is wrong: the plan's tree says "look deeper", i.e. none
    // of its causes; with no failed check to explain, the unknown cause leads on its prior only, executor-bug after it
    const facts = factsOf({ ...HEALTHY, 'logs.executionFailures': 4, 'logs.hybridRequests': 4 });
    const all = new Set(allSteps(rb).filter((s) => s.checks.length).map((s) => s.id));
    const d = diagnose(rb, facts, [], { ranSteps: all });
    assert.equal(d.status, 'undetermined');
    assert.equal(d.tree.outcome.kind === 'leaf' && d.tree.outcome.cause, 'unknown');
    assert.deepEqual(d.ranking.causes.slice(0, 2).map((c) => c.id), ['unknown', 'executor-bug']);
    assert.equal(d.nextStep?.action, 'instrument');
    assert.equal(d.nextStep?.text, 'insert 2.2 and redeploy');
  });

  it('the next step among runnable checks is the one that moves the leading causes most', () => {
    // configured, started, router fine; the breaker was not read: 1.5 decides circuit-open
    const facts = factsOf({ ...HEALTHY, 'circuit.state': undefined as never, 'logs.executionFailures': 3 });
    delete facts['circuit.state'];
    const ran = new Set(TREE_STEPS.filter((s) => s !== '1.5'));
    const d = diagnose(rb, facts, [], { ranSteps: ran });
    assert.equal(d.tree.outcome.kind, 'needs');
    assert.equal(d.nextStep?.text, 'run 1.5');
  });

  it('report fields: rootCause, ranked (all causes, 0–1), evidence with lines, nextStep, fix', () => {
    const facts = factsOf({ 'hybrid.configured': [false, '0.1'], 'hybrid.disabled': [false, '0.1'] });
    const d = diagnose(rb, facts, [stepResult('0.1', 'fail')], { target: TARGET });
    const r = reportFields(d);
    assert.equal(r.rootCause?.id, 'missing-hybrid-config');
    assert.equal(r.ranked?.length, rb.causes.filter((c) => c.prior !== null).length);
    assert.ok(r.ranked!.every((x) => x.probability >= 0 && x.probability <= 1));
    assert.deepEqual(r.evidence?.[0], { step: '0.1', fact: 'hybrid.configured', value: false, line: null });
    assert.equal(r.nextStep, null);
    assert.deepEqual(r.fix, { id: 'fix-f', argv: ['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://router.example', '-a', 'beacon-runner-staging'] });
    const guidance = reportFields(diagnose(rb, factsOf({ ...HEALTHY, 'router.providersHealthy': 0, 'router.noHealthyProviders': true }), [], { ranSteps: null, target: TARGET }));
    assert.equal(guidance.rootCause?.id, 'no-healthy-providers');
    assert.deepEqual(guidance.fix, { id: 'guide-providers', argv: null });
    const undetermined = reportFields(diagnose(rb, {}, []));
    assert.equal(undetermined.rootCause?.id, 'undetermined');
    assert.equal(undetermined.fix, null);
    assert.equal(undetermined.nextStep, 'run 0.1');
  });

  it('success criteria update from the diagnosis', () => {
    const d = diagnose(rb, factsOf(HEALTHY), TREE_STEPS.map((s) => stepResult(s)), { fixApplied: true });
    const status = Object.fromEntries(d.criteria.map((c) => [c.id, c.status]));
    assert.equal(status['sc.0'], 'met');
    assert.equal(status['sc.1'], 'met');
    assert.equal(status['sc.3'], 'met');
    assert.equal(status['sc.4'], 'met');
    assert.equal(status['sc.2'], 'unknown', 'no TRACE count known');
  });
});
