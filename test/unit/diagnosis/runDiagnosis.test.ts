// runDiagnosis with a stand-in for the engine's runSteps: which steps it asks for, in which order,
// when it stops, and what it does on cancellation.
import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { FactValue, Runbook } from '../../../src/runbook/schema';
import type { RunOptions, RunOutcome } from '../../../src/engine/runner';
import type { Facts } from '../../../src/engine/types';
import { runDiagnosis, type DiagnosisEvent, type StepRunner } from '../../../src/diagnosis/diagnose';
import { HEALTHY, stepResult, TARGET } from './factsHelper';

let rb: Runbook;

/** Which step reports which facts (the healthy system unless overridden). */
const STEP_FACTS: Record<string, string[]> = {
  '0.1': ['hybrid.configured', 'hybrid.disabled', 'hybrid.timeoutTooShort', 'hybrid.timeoutSeconds'],
  '0.2': ['startup.hybridEnabled', 'startup.hybridDisabled', 'startup.explicitlyDisabled', 'startup.linesSeen', 'startup.clientInitTimeout', 'logs.databaseErrors'],
  '1.6': [],
  'r.1': ['router.reachable', 'router.providersHealthy', 'router.healthLatencyMs'],
  'r.2': ['router.inferenceSuccess'],
  '1.5': ['circuit.state'],
  'qw.4': ['logs.executionFailures', 'logs.hybridRequests', 'logs.noHealthyProviders', 'logs.connectionRefused', 'logs.hybridTimeouts', 'logs.clientNil', 'logs.executorNil'],
};

function fakeRunner(world: Record<string, FactValue>, calls: string[][], hook?: (only: string[], opts: RunOptions) => void): StepRunner {
  return async (_rb, target, opts): Promise<RunOutcome> => {
    const only = opts.only ?? [];
    calls.push(only);
    hook?.(only, opts);
    const facts: Facts = {};
    for (const s of only) for (const f of STEP_FACTS[s] ?? []) if (world[f] !== undefined) facts[f] = { value: world[f], step: s };
    const cancelled = !!opts.signal?.aborted;
    return {
      runId: 'r',
      environment: target.name,
      startedAt: '2025-10-22T10:00:00Z',
      finishedAt: '2025-10-22T10:00:01Z',
      results: only.map((s) => stepResult(s, cancelled ? 'skipped' : 'pass')),
      facts: cancelled ? {} : facts,
      preflight: [],
      cancelled,
    };
  };
}

describe('diagnosis/runDiagnosis', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('runs the tree\'s needs node by node, in the tree\'s order, until the healthy leaf', async () => {
    const calls: string[][] = [];
    const events: DiagnosisEvent[] = [];
    const run = await runDiagnosis(rb, TARGET, { runSteps: fakeRunner(HEALTHY, calls), onEvent: (e) => events.push(e) });
    assert.deepEqual(calls, [['0.1'], ['0.2'], ['1.6', 'r.1', 'r.2'], ['1.5'], ['qw.4']]);
    assert.equal(run.diagnosis.rootCause.id, 'healthy');
    assert.deepEqual(run.stepsRun, ['0.1', '0.2', '1.6', 'r.1', 'r.2', '1.5', 'qw.4']);
    assert.equal(run.checksRun, 7);
    assert.deepEqual(
      events.filter((e) => e.type === 'diagnosisRound').map((e) => (e.type === 'diagnosisRound' ? e.steps : [])),
      calls,
    );
  });

  it('stops at the first node that decides with certainty: missing configuration needs 0.1 only', async () => {
    const calls: string[][] = [];
    const run = await runDiagnosis(rb, TARGET, { runSteps: fakeRunner({ ...HEALTHY, 'hybrid.configured': false }, calls) });
    assert.deepEqual(calls, [['0.1']]);
    assert.equal(run.diagnosis.rootCause.id, 'missing-hybrid-config');
  });

  it('one cache for every round (one answer per endpoint per diagnosis), the preflight only in the first round', async () => {
    const seen: RunOptions[] = [];
    await runDiagnosis(rb, TARGET, { runSteps: fakeRunner(HEALTHY, [], (_o, opts) => seen.push(opts)), preflight: true });
    assert.ok(seen.length > 1);
    assert.ok(seen.every((o) => o.cache === seen[0].cache && o.cache));
    assert.deepEqual(seen.map((o) => o.preflight), [true, ...seen.slice(1).map(() => false)]);
  });

  it('cancelled: stops after the round that saw the cancellation, undetermined, says so', async () => {
    const calls: string[][] = [];
    const ac = new AbortController();
    const run = await runDiagnosis(rb, TARGET, {
      signal: ac.signal,
      runSteps: fakeRunner(HEALTHY, calls, (only) => {
        if (only.includes('0.2')) ac.abort();
      }),
    });
    assert.deepEqual(calls, [['0.1'], ['0.2']]);
    assert.equal(run.cancelled, true);
    assert.equal(run.diagnosis.rootCause.id, 'undetermined');
  });

  it('when the tree reaches a leaf that the evidence does not make certain, it runs the step that discriminates most', async () => {
    // executions fail after HTTP calls: the tree ends at executor-bug (scenario H), the evidence is thin
    const calls: string[][] = [];
    const run = await runDiagnosis(rb, TARGET, { runSteps: fakeRunner({ ...HEALTHY, 'logs.executionFailures': 5, 'logs.hybridRequests': 5 }, calls) });
    assert.deepEqual(calls.slice(0, 5), [['0.1'], ['0.2'], ['1.6', 'r.1', 'r.2'], ['1.5'], ['qw.4']]);
    assert.ok(calls.length > 5, 'asked for more than the tree needed');
    for (const extra of calls.slice(5)) assert.equal(extra.length, 1);
    assert.equal(new Set(calls.flat()).size, calls.flat().length, 'no step twice');
    assert.equal(run.diagnosis.rootCause.id, 'undetermined');
    assert.equal(run.diagnosis.nextStep?.action, 'instrument', 'in the end: instrument and redeploy');
  });
});
