import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRunView } from '../../../src/report/buildRunView';
import { incidentReport } from '../../../src/report/incidentReport';
import { RunRecord } from '../../../src/report/runRecord';
import { completeRecord, evaluateRecord, withAppliedFix } from '../../../src/report/storedRecord';
import { fixOfCause, offeredFixes } from '../../../src/diagnosis/fixes';
import { fixtureRecord, ROOT, runbook } from './fixtureRun';

/** A record written before criteria and fixes were kept with it. */
const OLD_RECORD = path.join(ROOT, 'test/fixtures/report.record.json');

describe('stored run records: evaluated once, drawn as kept', () => {
  it('a new record keeps its success criteria and its offered fixes, the command resolved for its target', () => {
    const r = fixtureRecord();
    assert.ok(RunRecord.parse(JSON.parse(JSON.stringify(r))).criteria?.length);
    assert.deepEqual(r.fixes.map((f) => [f.id, f.recommended, f.cause?.id]), [['fix-f', true, 'missing-hybrid-config']]);
    assert.match(r.fixes[0].command ?? '', /secrets set HYBRID_BASE=/);
    assert.equal(r.criteria.find((c) => c.id === 'sc.3')?.status, 'met');
  });

  it('an old record (no criteria, no fixes) still loads; reading it evaluates them once', () => {
    const old = RunRecord.parse(JSON.parse(fs.readFileSync(OLD_RECORD, 'utf8')));
    assert.equal(old.criteria, undefined);
    assert.equal(old.fixes, undefined);
    const complete = completeRecord(runbook(), old);
    assert.deepEqual(complete.fixes.map((f) => f.id), ['fix-f']);
    assert.ok(complete.criteria.length > 0);
    assert.ok(RunRecord.safeParse(complete).success);
    // a complete record is returned as it is: nothing is evaluated again
    assert.equal(completeRecord(runbook(), complete), complete);
  });

  it('drawing a record evaluates nothing: the page and the report show what the record holds', () => {
    const r = fixtureRecord();
    const kept = {
      ...r,
      criteria: r.criteria.map((c) => ({ ...c, status: 'met' as const })),
      fixes: [{ ...r.fixes[0], command: 'kept-command --as-written', effect: 'the effect kept with the record' }],
    };
    const v = buildRunView(runbook(), kept);
    assert.ok(v.criteria.every((c) => c.status === 'met'));
    assert.equal(v.fixes[0].command, 'kept-command --as-written');
    const md = incidentReport(runbook(), kept);
    assert.match(md, /kept-command --as-written/);
    assert.match(md, /What it does: the effect kept with the record/);
    assert.doesNotMatch(md, /not met/);
  });

  it('applying a fix evaluates the criteria again (they read fix.applied)', () => {
    const r = evaluateRecord(runbook(), { ...fixtureRecord(), facts: { ...fixtureRecord().facts, 'logs.executionFailures': { value: 0, step: 'qw.4' } } });
    const before = r.criteria.find((c) => c.id === 'sc.4')?.status;
    const after = withAppliedFix(runbook(), r, { id: 'fix-f', argv: ['flyctl'], environment: 'production', appliedAt: r.finishedAt, exitCode: 0, output: '' });
    assert.notEqual(before, 'met');
    assert.equal(after.criteria?.find((c) => c.id === 'sc.4')?.status, 'met');
    assert.equal(after.fixesApplied.length, 1);
  });
});

describe('which fix goes with a cause: one rule (diagnosis/fixes.ts)', () => {
  const rb = runbook();
  const withLeafFixes = () => {
    const copy = structuredClone(rb);
    const cause = copy.causes.find((c) => c.fix)!;
    return { copy, cause };
  };

  it('the leaf the decision tree reached wins over the cause\'s own fix', () => {
    const { copy, cause } = withLeafFixes();
    const other = copy.fixes.find((f) => f.id !== cause.fix)!;
    assert.equal(fixOfCause(copy, cause.id, { cause: cause.id, fix: other.id }), other.id);
    assert.equal(fixOfCause(copy, cause.id, { cause: 'another-cause', fix: other.id }), cause.fix);
    assert.equal(fixOfCause(copy, cause.id, null), cause.fix);
  });

  it('a cause without a fix of its own takes the fix of a leaf that names it, else none', () => {
    const { copy, cause } = withLeafFixes();
    delete (cause as { fix?: string }).fix;
    const leaf = copy.decisionTree!.nodes.flatMap((n) => n.branches).find((b) => b.cause === cause.id && b.fix);
    assert.equal(fixOfCause(copy, cause.id), leaf?.fix);
    for (const n of copy.decisionTree!.nodes) for (const b of n.branches) if (b.cause === cause.id) delete (b as { fix?: string }).fix;
    assert.equal(fixOfCause(copy, cause.id), undefined);
  });

  it('offers nothing when healthy, the recommended fix when certain, the leading causes\' fixes when undetermined', () => {
    const r = fixtureRecord();
    const d = r.diagnosis!;
    assert.deepEqual(offeredFixes(rb, { ...d, status: 'healthy' }, r.target), []);
    assert.deepEqual(offeredFixes(rb, d, r.target).map((f) => f.recommended), [true]);
    const undetermined = offeredFixes(rb, { ...d, status: 'undetermined', fix: null, ranked: d.ranked.map((c, i) => ({ ...c, probability: i < 3 ? 0.3 : 0.01 })) }, r.target);
    assert.ok(undetermined.length >= 1 && undetermined.every((f) => !f.recommended));
    assert.deepEqual(offeredFixes(rb, null, r.target), []);
  });
});
