import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { evaluateSuccessCriteria } from '../../../src/diagnosis/successCriteria';
import { factsOf } from './factsHelper';

let rb: Runbook;
const status = (facts: Parameters<typeof factsOf>[0]) =>
  Object.fromEntries(evaluateSuccessCriteria(rb, factsOf(facts)).map((c) => [c.id, c.status]));

describe('diagnosis/successCriteria', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('nothing known: every criterion is unknown, none is claimed', () => {
    const s = status({});
    assert.deepEqual(Object.keys(s), ['sc.0', 'sc.1', 'sc.2', 'sc.3', 'sc.4', 'sc.5']);
    assert.ok(Object.values(s).every((v) => v === 'unknown'), JSON.stringify(s));
  });

  it('Phase 0: met when hybrid is configured and the last boot did not say disabled; an unknown executor type does not block it', () => {
    assert.equal(status({ 'hybrid.configured': true, 'startup.lastState': 'enabled' })['sc.0'], 'met');
    assert.equal(status({ 'hybrid.configured': true })['sc.0'], 'met');
    assert.equal(status({ 'hybrid.configured': true, 'startup.lastState': 'disabled' })['sc.0'], 'notMet');
    assert.equal(status({ 'hybrid.configured': true, 'executor.isHybrid': false })['sc.0'], 'notMet');
    assert.equal(status({ 'hybrid.configured': false, 'startup.lastState': 'disabled', 'executor.isHybrid': false, 'startup.hybridDisabled': true })['sc.0'], 'notMet');
  });

  it('Phase 4: not met while executions still fail after the fix; unknown without a fix', () => {
    assert.equal(status({ 'fix.applied': true, 'logs.executionFailures': 3 })['sc.4'], 'notMet');
    assert.equal(status({ 'fix.applied': true, 'logs.executionFailures': 0 })['sc.4'], 'met');
    assert.equal(status({ 'logs.executionFailures': 0 })['sc.4'], 'unknown');
    // three-valued: failing executions decide it whatever the unknown fix fact turns out to be
    assert.equal(status({ 'logs.executionFailures': 3 })['sc.4'], 'notMet');
  });

  it('Phase 5: thresholds of the plan (≤ 1000 goroutines, memory, no cancellation)', () => {
    assert.equal(status({ 'runner.goroutines': 120, 'runner.memAvailableMb': 500, 'logs.contextCancelled': 0 })['sc.5'], 'met');
    assert.equal(status({ 'runner.goroutines': 4000, 'runner.memAvailableMb': 500, 'logs.contextCancelled': 0 })['sc.5'], 'notMet');
  });

  it('each result lists the facts it read, with their proofs', () => {
    const r = evaluateSuccessCriteria(rb, factsOf({ 'logs.traceLines': [12, 'qw.4', 'INF 🔍 TRACE: executeQuestion ENTRY'] }));
    const sc2 = r.find((c) => c.id === 'sc.2')!;
    assert.equal(sc2.status, 'met');
    assert.deepEqual(sc2.read, [{ fact: 'logs.traceLines', value: 12, step: 'qw.4', check: null, line: 'INF 🔍 TRACE: executeQuestion ENTRY' }]);
  });
});
