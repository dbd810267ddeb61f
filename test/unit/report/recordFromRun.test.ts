import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { buildRunView } from '../../../src/report/buildRunView';
import { recordFromRun } from '../../../src/report/recordFromRun';
import { RunRecord } from '../../../src/report/runRecord';
import { CANARY_DB_PASSWORD, CANARY_TOKEN, outcome, runbook, target } from './fixtureRun';

describe('a run record from the engine\'s outcome', () => {
  it('keeps inputs, verdicts, outputs, facts, diagnosis and timestamps — and no secret', () => {
    const o = outcome();
    const t = target();
    const r = recordFromRun({ runbook: runbook(), target: t, request: { label: 'Quick Win Checklist', only: ['quick-wins'] }, outcome: o, diagnosis: diagnose(runbook(), o.facts, o.results, { target: t }) });
    assert.ok(RunRecord.safeParse(r).success);
    assert.match(r.id, /^20251022T101500Z-[0-9a-f]{6}$/);
    assert.deepEqual(r.request, { label: 'Quick Win Checklist', only: ['quick-wins'] });
    assert.deepEqual(Object.keys(r.target).sort(), ['flyApp', 'flyctlPath', 'name', 'production', 'psqlPath', 'routerUrl', 'runnerUrl']);
    assert.deepEqual(r.ranSteps, o.results.map((s) => s.id));
    assert.equal(r.steps.find((s) => s.id === 'qw.4')?.checks[0].output.includes('ERR'), true);
    assert.equal(r.facts['startup.hybridDisabled'].value, true);
    assert.equal(r.diagnosis?.rootCause.id, 'missing-hybrid-config');
    assert.deepEqual([r.startedAt, r.finishedAt], [o.startedAt, o.finishedAt]);
    const json = JSON.stringify(r);
    assert.ok(!json.includes(CANARY_TOKEN), 'the admin token is not stored');
    assert.ok(!json.includes(CANARY_DB_PASSWORD), 'the database password is not stored');
  });

  it('adds the preflight as a step and carries earlier results it did not replace', () => {
    const o = outcome();
    const pre = { id: 'flyctl-auth', label: 'flyctl is logged in', verdict: 'pass' as const, reason: 'logged in as oncall@beacon.dev', durationMs: 210, command: 'flyctl auth whoami', output: 'oncall@beacon.dev\n', facts: {} };
    const earlier = { id: '1.6', title: 'Router from the runner', verdict: 'fail' as const, reason: 'refused', durationMs: 30, checks: [], facts: {} };
    const r = recordFromRun({
      runbook: runbook(),
      target: target(),
      request: { label: 'x' },
      outcome: { ...o, preflight: [pre], results: o.results.slice(0, 2) },
      carried: { results: [earlier, o.results[0]], facts: { 'router.down': { value: true, step: '1.6' } } },
    });
    assert.deepEqual(r.steps.map((s) => s.id), ['1.6', 'preflight', 'qw.1', 'qw.2']);
    assert.deepEqual(r.ranSteps, ['preflight', 'qw.1', 'qw.2']);
    assert.equal(r.steps[1].verdict, 'pass');
    assert.equal(r.facts['router.down'].value, true);
    assert.equal(r.diagnosis, null);
    assert.deepEqual(r.request, { label: 'x', only: null });
  });

  it('caps huge outputs for storage', () => {
    const o = outcome();
    const huge = 'z'.repeat(3_000_000);
    const r = recordFromRun({ runbook: runbook(), target: target(), request: { label: 'x' }, outcome: { ...o, results: [{ ...o.results[0], checks: [{ ...o.results[0].checks[0], output: huge }] }] } });
    const stored = r.steps[0].checks[0].output;
    assert.ok(stored.length < 1_100_000);
    assert.match(stored, /characters of output not kept/);
    assert.deepEqual(r.steps[0].checks[0].outputSize, { lines: 1, bytes: 3_000_000 });
    // the page still tells the size the output had
    const out = buildRunView(runbook(), r).groups[0].steps[0].checks[0].output;
    assert.deepEqual([out.lines, out.bytes, out.truncated, out.capped], [1, 3_000_000, true, true]);
    // and an output under the cap is kept whole, without a size note
    assert.equal(recordFromRun({ runbook: runbook(), target: target(), request: { label: 'x' }, outcome: o }).steps[0].checks[0].outputSize, undefined);
  });
});
