import * as assert from 'node:assert/strict';
import { compareRuns } from '../../../src/report/compareRuns';
import type { RunRecord } from '../../../src/report/runRecord';
import { fixtureRecord } from './fixtureRun';

/** The same environment after Fix F: hybrid configured, the jobs run. */
function afterFix(before: RunRecord): RunRecord {
  const d = before.diagnosis!;
  return {
    ...before,
    id: '20251022T102500Z-ffffff',
    startedAt: '2025-10-22T10:25:00.000Z',
    finishedAt: '2025-10-22T10:25:03.000Z',
    steps: before.steps
      .filter((s) => s.id !== '0.2')
      .map((s) => (['qw.1', 'qw.2', 'qw.4', '0.1'].includes(s.id) ? { ...s, verdict: 'pass' as const, reason: 'ok' } : s))
      .concat([{ id: '1.6', title: 'Router from the runner', verdict: 'pass', reason: 'ok', durationMs: 40, checks: [], facts: {} }]),
    facts: {
      ...before.facts,
      'hybrid.configured': { value: true, step: 'qw.1' },
      'env.HYBRID_BASE': { value: 'https://project-beacon-production.up.railway.app', step: 'qw.1' },
      'logs.newFact': { value: 3, step: 'qw.4' },
    },
    diagnosis: { ...d, status: 'healthy', rootCause: { id: 'healthy', scenario: null, title: 'Healthy — every check passes', probability: 0.95 } },
  };
}

describe('comparing two runs', () => {
  const before = fixtureRecord();
  const after = afterFix(before);
  const c = compareRuns(before, after);

  it('lists the verdicts that changed, steps added and removed', () => {
    assert.deepEqual(
      c.verdicts.map((v) => [v.step, v.before, v.after]),
      [
        ['qw.1', 'fail', 'pass'],
        ['qw.2', 'fail', 'pass'],
        ['qw.4', 'fail', 'pass'],
        ['0.1', 'fail', 'pass'],
        ['1.6', null, 'pass'],
        ['0.2', 'fail', null],
      ],
    );
    assert.equal(c.unchanged, 2);
  });

  it('lists the facts that changed, appeared or disappeared', () => {
    const facts = Object.fromEntries(c.facts.map((f) => [f.fact, f]));
    assert.deepEqual(facts['hybrid.configured'], { fact: 'hybrid.configured', before: false, after: true });
    assert.deepEqual(facts['env.HYBRID_BASE'], { fact: 'env.HYBRID_BASE', before: '', after: 'https://project-beacon-production.up.railway.app' });
    assert.deepEqual(facts['logs.newFact'], { fact: 'logs.newFact', after: 3 });
    assert.equal(facts['startup.linesSeen'], undefined, 'unchanged facts are not listed');
  });

  it('gives the root cause before and after', () => {
    assert.equal(c.rootCause.before?.id, 'missing-hybrid-config');
    assert.equal(c.rootCause.after?.id, 'healthy');
    assert.equal(c.rootCause.changed, true);
    assert.equal(compareRuns(before, before).rootCause.changed, false);
    assert.deepEqual(compareRuns(before, before).verdicts, []);
    assert.deepEqual(compareRuns(before, before).facts, []);
  });
});
