import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { redactorFor } from '../../../src/engine/redact';
import { incidentReport, REPORT_SECTIONS } from '../../../src/report/incidentReport';
import { RunRecord } from '../../../src/report/runRecord';
import { CANARY_DB_PASSWORD, CANARY_TOKEN, fixtureRecord, ROOT, runbook, target } from './fixtureRun';
import { completeRecord, evaluateRecord } from '../../../src/report/storedRecord';

const GOLDEN = path.join(ROOT, 'test/fixtures/report.golden.md');
const RECORD = path.join(ROOT, 'test/fixtures/report.record.json');
const GENERATED_AT = '2025-10-22T10:30:00.000Z';

/** The run the golden report is written from: a frozen copy of the fixture run. */
function frozenRecord(): RunRecord {
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(RECORD, JSON.stringify(fixtureRecord(), null, 1) + '\n');
  return RunRecord.parse(JSON.parse(fs.readFileSync(RECORD, 'utf8')));
}

function sections(md: string): string[] {
  return [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
}

describe('incident report', () => {
  it('matches the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const md = incidentReport(runbook(), completeRecord(runbook(), frozenRecord()), { redactor: redactorFor(target()), generatedAt: GENERATED_AT });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, md);
    assert.equal(md, fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('has every required section, in order, in the golden file too', () => {
    const md = incidentReport(runbook(), fixtureRecord(), { generatedAt: GENERATED_AT });
    assert.deepEqual(sections(md), [...REPORT_SECTIONS]);
    assert.deepEqual(sections(fs.readFileSync(GOLDEN, 'utf8')), [...REPORT_SECTIONS]);
    assert.match(md, /^# Incident report: Execution Failure Debug Plan on production$/m);
  });

  it('says what matters in the summary: root cause, fix, instrumentation still present', () => {
    const md = incidentReport(runbook(), fixtureRecord(), { generatedAt: GENERATED_AT });
    const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## Timeline'));
    assert.match(summary, /\*\*Root cause: Missing HYBRID_BASE \/ HYBRID_ROUTER_URL configuration\*\* \(`missing-hybrid-config`\) — 100 %, certain/);
    assert.match(summary, /Fix: Fix F: Missing Hybrid Configuration — not applied yet/);
    assert.match(summary, /Debug instrumentation: STILL PRESENT in 1 file\(s\)/);
    const fix = md.slice(md.indexOf('## Fix'), md.indexOf('## Success criteria'));
    assert.ok(fix.includes('flyctl secrets set HYBRID_BASE=https://project-beacon-production.up.railway.app -a beacon-runner-production'));
  });

  it('says when no instrumentation is left, and when nobody looked', () => {
    const r = fixtureRecord();
    const none = incidentReport(runbook(), evaluateRecord(runbook(), { ...r, instrumentation: { ...r.instrumentation!, files: [] } }));
    assert.match(none, /Debug instrumentation: None: no `\/\/ beacon-debug:` block in the Go files of workspace folder runner-app/);
    const unknown = incidentReport(runbook(), evaluateRecord(runbook(), { ...r, instrumentation: null }));
    assert.match(unknown, /Debug instrumentation: Not checked/);
  });

  it('lists applied fixes in the summary, the timeline and the fix section', () => {
    const r = fixtureRecord();
    const md = incidentReport(runbook(), evaluateRecord(runbook(), {
      ...r,
      fixesApplied: [{ id: 'fix-f', argv: ['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://project-beacon-production.up.railway.app', '-a', 'beacon-runner-production'], environment: 'production', appliedAt: '2025-10-22T10:21:00.000Z', exitCode: 0, output: 'Secrets are staged for the first deployment\n', undoArgv: ['flyctl', 'secrets', 'unset', 'HYBRID_BASE', '-a', 'beacon-runner-production'] }],
    }));
    assert.match(md, /- Fix applied: `flyctl secrets set HYBRID_BASE=https:\/\/project-beacon-production.up.railway.app -a beacon-runner-production` on production at 2025-10-22 10:21:00 UTC — succeeded\./);
    assert.match(md, /\| 10:21:00 \| Fix `fix-f` applied on production/);
    assert.match(md, /Undo: `flyctl secrets unset HYBRID_BASE -a beacon-runner-production`/);
    assert.match(md, /- \[ \] Phase 4 Complete: Fix applied and jobs execute successfully — not met/);
  });

  it('never contains a secret of the run, wherever it hides in the record', () => {
    const r = fixtureRecord();
    // put the canaries back where a careless engine could have left them
    const leaky: RunRecord = {
      ...r,
      steps: r.steps.map((s, i) =>
        i === 0
          ? {
              ...s,
              reason: `token ${CANARY_TOKEN} rejected`,
              checks: s.checks.map((c) => ({ ...c, verdict: 'fail' as const, command: `curl -H 'Authorization: Bearer ${CANARY_TOKEN}' x`, output: `DATABASE_URL=postgres://beacon:${CANARY_DB_PASSWORD}@db:5432/beacon\n${CANARY_TOKEN}\n` })),
            }
          : s,
      ),
      diagnosis: r.diagnosis && {
        ...r.diagnosis,
        evidence: r.diagnosis.evidence.map((e) => ({ ...e, line: `${e.line} ${CANARY_TOKEN}` })),
        notes: [...r.diagnosis.notes, `password ${CANARY_DB_PASSWORD}`],
      },
      fixesApplied: [{ id: 'fix-f', argv: ['flyctl', 'secrets', 'set', `X=${CANARY_TOKEN}`], environment: 'production', appliedAt: '2025-10-22T10:21:00.000Z', exitCode: 1, output: `error: ${CANARY_DB_PASSWORD}` }],
    };
    const md = incidentReport(runbook(), evaluateRecord(runbook(), leaky), { redactor: redactorFor(target()), generatedAt: GENERATED_AT });
    assert.ok(!md.includes(CANARY_TOKEN), 'admin token leaked');
    assert.ok(!md.includes(CANARY_DB_PASSWORD), 'database password leaked');
    assert.ok(md.includes('***'), 'the secrets were masked, not dropped silently');
    // the same record without the target's redactor still loses the shapes that are secrets
    const shaped = incidentReport(runbook(), evaluateRecord(runbook(), leaky), { generatedAt: GENERATED_AT });
    assert.ok(!shaped.includes(`Bearer ${CANARY_TOKEN}`));
    assert.ok(!shaped.includes(`beacon:${CANARY_DB_PASSWORD}@`));
  });

  it('keeps hostile output inert: fenced, never markup', () => {
    const md = incidentReport(runbook(), fixtureRecord(), { generatedAt: GENERATED_AT });
    // every occurrence of the hostile line is inside a fenced block
    let fence: string | null = null;
    for (const line of md.split('\n')) {
      const m = /^\s*(`{3,})/.exec(line);
      if (m) fence = fence === null ? m[1] : line.trim() === fence ? null : fence;
      if (line.includes('<img src=x')) assert.notEqual(fence, null, `outside a fence: ${line}`);
    }
    assert.ok(!md.includes('\x1b'), 'ANSI escapes are removed');
  });

  it('escapes text that would otherwise become markdown', () => {
    const r = fixtureRecord();
    const md = incidentReport(runbook(), evaluateRecord(runbook(), { ...r, request: { label: '![x](https://evil.example/p.png) <b>|</b>', only: null } }));
    assert.ok(!md.includes('![x](https://evil.example'));
    assert.ok(md.includes('!\\[x\\](https://evil.example/p.png) \\<b\\>\\|\\</b\\>'));
  });
});
