// One diagnosis per environment: a session owns its environment's results, facts, fixes and its one
// diagnosis; two environments never mix, and a restarted system (another runner URL) starts afresh.
import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { DiagnosisSession, Sessions, type SessionDiagnose } from '../../../src/diagnosis/session';
import { stepsAnswered } from '../../../src/diagnosis/stepEquivalence';
import type { Target } from '../../../src/engine/types';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { factsOf, stepResult, TARGET } from './factsHelper';

describe('diagnosis/session', () => {
  let rb: Runbook;
  let calls = 0;
  let fn: SessionDiagnose;
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
    fn = (facts, results, opts) => {
      calls++;
      return diagnose(rb, facts, results, { ...opts, ranSteps: stepsAnswered(rb, results.map((r) => r.id)) });
    };
  });
  const staging: Target = TARGET;
  const production: Target = { ...TARGET, name: 'production', flyApp: 'beacon-runner-production', runnerUrl: 'https://beacon-runner-production.fly.dev' };

  it('a run joins its environment\'s session, which diagnoses once; the next run adds to what it knows', () => {
    const s = new Sessions();
    calls = 0;
    const d1 = s.of('staging').addRun({ results: [stepResult('0.1', 'pass')], facts: factsOf({ 'hybrid.configured': true, 'hybrid.disabled': false }, '0.1') }, staging, fn);
    assert.equal(calls, 1);
    assert.equal(s.of('staging').diagnosis, d1);
    s.of('staging').addRun({ results: [stepResult('0.2', 'fail')], facts: factsOf({ 'startup.lastState': 'disabled', 'startup.hybridDisabled': true }, '0.2') }, staging, fn);
    assert.equal(calls, 2);
    assert.deepEqual(s.of('staging').results.map((r) => r.id), ['0.1', '0.2']);
    assert.equal(s.of('staging').facts['hybrid.configured']?.value, true, 'the first run\'s facts are kept');
  });

  it('two environments never mix: each session diagnoses only its own facts', () => {
    const s = new Sessions();
    s.of('staging').addRun({ results: [stepResult('0.1', 'fail')], facts: factsOf({ 'hybrid.configured': [false, '0.1'], 'hybrid.disabled': [false, '0.1'] }) }, staging, fn);
    s.of('production').addRun({ results: [stepResult('r.1', 'fail')], facts: factsOf({ 'router.providersHealthy': [0, 'r.1'], 'router.reachable': [true, 'r.1'] }) }, production, fn);
    assert.equal(s.of('staging').diagnosis?.rootCause.id, 'missing-hybrid-config');
    assert.ok(!('router.providersHealthy' in s.of('staging').facts));
    assert.ok(!('hybrid.configured' in s.of('production').facts));
    assert.notEqual(s.of('production').diagnosis?.leading?.id, 'missing-hybrid-config');
    assert.throws(() => s.of('staging').addRun({ results: [], facts: {} }, production, fn), /cannot join the session of "staging"/);
  });

  it('switching environment switches the active session and tells the listeners', () => {
    const s = new Sessions();
    const seen: (string | undefined)[] = [];
    const sub = s.onDidChange((x) => seen.push(x?.environment));
    s.activate('staging');
    s.activate('staging');
    s.activate('production');
    s.activate(undefined);
    sub.dispose();
    s.activate('staging');
    assert.deepEqual(seen, ['staging', 'production', undefined]);
    assert.equal(s.active?.environment, 'staging');
  });

  it('the same name with another runner (a restarted demo) is another system: the session starts afresh', () => {
    const session = new DiagnosisSession('demo');
    const demo1: Target = { ...TARGET, name: 'demo', runnerUrl: 'http://127.0.0.1:4001' };
    session.addRun({ results: [stepResult('0.1', 'fail')], facts: factsOf({ 'hybrid.configured': false }) }, demo1, fn);
    session.recordFix({ id: 'fix-f', argv: ['flyctl'], environment: 'demo', appliedAt: '', exitCode: 0, output: '' }, demo1.runnerUrl);
    assert.equal(session.fixes.length, 1);
    session.addRun({ results: [stepResult('0.2', 'pass')], facts: factsOf({ 'startup.lastState': 'enabled' }) }, { ...demo1, runnerUrl: 'http://127.0.0.1:4999' }, fn);
    assert.deepEqual(session.results.map((r) => r.id), ['0.2']);
    assert.equal(session.fixes.length, 0);
    assert.ok(!('hybrid.configured' in session.facts));
  });

  it('an applied fix reaches the next diagnosis (success criteria)', () => {
    const session = new DiagnosisSession('staging');
    session.recordFix({ id: 'fix-f', argv: ['flyctl'], environment: 'staging', appliedAt: '', exitCode: 0, output: '' }, staging.runnerUrl);
    const d = session.addRun({ results: [stepResult('qw.4', 'pass')], facts: factsOf({ 'logs.executionFailures': 0 }) }, staging, fn);
    assert.equal(d.criteria.find((c) => c.id === 'sc.4')?.status, 'met');
  });
});
