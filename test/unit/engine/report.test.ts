import * as assert from 'node:assert/strict';
import { buildRunReport, exitCodeFor, exitMessage } from '../../../src/engine/report';
import { redactorFor } from '../../../src/engine/redact';
import type { CheckResult, StepResult } from '../../../src/engine/types';

const step = (id: string, verdict: StepResult['verdict'], reason = 'r'): StepResult => ({ id, title: id, verdict, reason, durationMs: 5, checks: [], facts: { x: 1 } });
const check = (id: string, verdict: CheckResult['verdict'], reason = 'r'): CheckResult => ({ id, label: id, verdict, reason, durationMs: 3, command: '', output: '', facts: { 'flyctl.user': 'a@b', $ok: true } });

describe('engine/report', () => {
  it('builds the run report of DESIGN.md with the diagnosis fields null, redacted once more', () => {
    const r = buildRunReport(
      { environment: 'production', startedAt: 'a', finishedAt: 'b', results: [step('qw.1', 'fail', 'token tok-secret-1 seen')], preflight: [check('flyctl-present', 'pass'), check('flyctl-auth', 'pass')] },
      redactorFor({ adminToken: 'tok-secret-1' }),
    );
    assert.deepEqual(Object.keys(r), ['schemaVersion', 'environment', 'startedAt', 'finishedAt', 'steps', 'rootCause', 'ranked', 'evidence', 'nextStep', 'fix']);
    assert.equal(r.schemaVersion, 1);
    assert.deepEqual(r.steps[0], { id: 'preflight', verdict: 'pass', durationMs: 3, reason: 'r r', facts: { 'flyctl.user': 'a@b' } });
    assert.deepEqual(r.steps[1], { id: 'qw.1', verdict: 'fail', durationMs: 5, reason: 'token *** seen', facts: { x: 1 } });
    assert.deepEqual([r.rootCause, r.ranked, r.evidence, r.nextStep, r.fix], [null, null, null, null, null]);
    assert.equal(buildRunReport({ environment: 'e', startedAt: 'a', finishedAt: 'b', results: [] }).steps.length, 0);
  });

  it('exit codes: 0 nothing failed, 1 a check failed, 3 a check could not run or the preflight stopped the run', () => {
    assert.equal(exitCodeFor([step('a', 'pass'), step('b', 'warn'), step('c', 'inconclusive'), step('d', 'skipped'), step('e', 'pending')]), 0);
    assert.equal(exitCodeFor([step('a', 'pass'), step('b', 'fail')]), 1);
    assert.equal(exitCodeFor([step('a', 'error')]), 3);
    assert.equal(exitCodeFor([step('a', 'error'), step('b', 'fail')]), 1);
    assert.equal(exitCodeFor([step('a', 'skipped')], [check('flyctl-auth', 'fail')]), 3);
    assert.equal(exitMessage(1, [step('a', 'fail'), step('b', 'fail')]), 'a check failed (a, b)');
    assert.equal(exitMessage(3, [step('a', 'error')]), 'a check could not run (a)');
  });
});
