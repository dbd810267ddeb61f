import * as assert from 'node:assert/strict';
import { buildRunView } from '../../../src/report/buildRunView';
import { RunView } from '../../../src/shared/runView';
import { VIEW_MAX_CHARS } from '../../../src/report/outputText';
import { fixtureRecord, runbook } from './fixtureRun';
import { evaluateRecord } from '../../../src/report/storedRecord';

describe('results view model', () => {
  it('groups the run\'s steps under the plan\'s phases, in plan order, with counts', () => {
    const v = buildRunView(runbook(), fixtureRecord());
    assert.ok(RunView.safeParse(v).success);
    assert.deepEqual(v.groups.map((g) => [g.id, g.steps.map((s) => s.id)]), [
      ['quick-wins', ['qw.1', 'qw.2', 'qw.3', 'qw.4', 'qw.5']],
      ['phase-0', ['0.1', '0.2']],
    ]);
    assert.deepEqual(v.counts, { fail: 5, inconclusive: 1, pass: 1 });
    assert.equal(v.environment.production, true);
    assert.equal(v.durationMs, 2200);
  });

  it('carries the diagnosis: root cause with the plan\'s words, evidence with step, check and line', () => {
    const v = buildRunView(runbook(), fixtureRecord());
    const d = v.diagnosis!;
    assert.equal(d.status, 'certain');
    assert.equal(d.headline, 'Root cause: Missing HYBRID_BASE / HYBRID_ROUTER_URL configuration (100 %)');
    assert.equal(d.rootCause.plan, 'cause 1 (80 %), scenario F, fix F');
    assert.equal(d.rootCause.scenario?.letter, 'F');
    const e = d.evidence.find((x) => x.fact === 'startup.hybridDisabled')!;
    assert.deepEqual([e.step, e.check, e.weight], ['qw.2', 'startup-lines', 40]);
    assert.match(e.line ?? '', /Hybrid Router disabled/);
    assert.equal(d.ranked[0].id, 'missing-hybrid-config');
    assert.ok(d.ranked[0].isRootCause && !d.ranked[1].isRootCause);
  });

  it('draws every node of the tree and marks the branch taken', () => {
    const v = buildRunView(runbook(), fixtureRecord());
    const t = v.tree!;
    assert.deepEqual(t.nodes.map((n) => n.id), ['config', 'startup', 'router', 'circuit', 'timeout', 'execution']);
    const config = t.nodes[0];
    assert.ok(config.onPath && config.isEnd);
    assert.deepEqual(config.branches.map((b) => b.taken), [false, true, false, false]);
    assert.deepEqual(config.branches[1].to, { kind: 'cause', id: 'missing-hybrid-config', title: 'Missing HYBRID_BASE / HYBRID_ROUTER_URL configuration' });
    assert.ok(t.nodes.slice(1).every((n) => !n.onPath && n.branches.every((b) => !b.taken)));
    assert.equal(t.outcome.kind, 'leaf');
    assert.ok(t.impossible.length > 0);
  });

  it('offers the certain cause\'s fix with the command for this environment', () => {
    const v = buildRunView(runbook(), fixtureRecord());
    assert.equal(v.fixes.length, 1);
    const f = v.fixes[0];
    assert.deepEqual([f.id, f.kind, f.recommended], ['fix-f', 'command', true]);
    assert.equal(f.command, 'flyctl secrets set HYBRID_BASE=https://project-beacon-production.up.railway.app -a beacon-runner-production');
    assert.match(f.effect ?? '', /beacon-runner-production/);
  });

  it('offers the fixes of the leading causes while undetermined, and none when healthy', () => {
    const r = fixtureRecord();
    const d = r.diagnosis!;
    const undetermined = buildRunView(runbook(), evaluateRecord(runbook(), {
      ...r,
      diagnosis: {
        ...d,
        status: 'undetermined',
        rootCause: { id: 'undetermined', scenario: null, title: 'Undetermined', probability: 0.6 },
        fix: null,
        ranked: [
          { ...d.ranked[0], id: 'circuit-open', probability: 0.6 },
          { ...d.ranked[0], id: 'timeout-too-short', probability: 0.3 },
          { ...d.ranked[0], id: 'router-down', probability: 0.07 },
          { ...d.ranked[0], id: 'missing-hybrid-config', probability: 0.03 },
        ],
      },
    }));
    assert.deepEqual(undetermined.fixes.map((f) => [f.id, f.recommended]), [['fix-h', false], ['fix-i', false], ['guide-router', false]]);
    const healthy = buildRunView(runbook(), evaluateRecord(runbook(), { ...r, diagnosis: { ...d, status: 'healthy' } }));
    assert.deepEqual(healthy.fixes, []);
  });

  it('evaluates the success criteria with the diagnosis and the fixes applied', () => {
    const r = fixtureRecord();
    const before = buildRunView(runbook(), evaluateRecord(runbook(), r)).criteria;
    assert.equal(before.find((c) => c.id === 'sc.3')?.status, 'met');
    assert.equal(before.find((c) => c.id === 'sc.0')?.status, 'notMet');
    assert.equal(before.find((c) => c.id === 'sc.5')?.status, 'unknown');
    const fixed = buildRunView(runbook(), evaluateRecord(runbook(), {
      ...r,
      facts: { ...r.facts, 'logs.executionFailures': { value: 0, step: 'qw.4' } },
      fixesApplied: [{ id: 'fix-f', argv: ['flyctl'], environment: 'production', appliedAt: r.finishedAt, exitCode: 0, output: '' }],
    })).criteria;
    assert.equal(fixed.find((c) => c.id === 'sc.4')?.status, 'met');
  });

  it('shows output as cleaned text, cut for the page, with its full size', () => {
    const r = fixtureRecord();
    const big = `\x1b[31mERR\x1b[0m <script>alert(1)</script>\n${'x'.repeat(99)}\n`.repeat(50_000); // ~5 MB
    const v = buildRunView(runbook(), evaluateRecord(runbook(), {
      ...r,
      steps: r.steps.map((s) => (s.id === 'qw.4' ? { ...s, checks: s.checks.map((c) => ({ ...c, output: big })) } : s)),
    }));
    const out = v.groups[0].steps.find((s) => s.id === 'qw.4')!.checks[0].output;
    assert.equal(out.truncated, true);
    assert.equal(out.lines, 100_000);
    assert.ok(out.bytes > 5_000_000);
    assert.ok(out.text.length <= VIEW_MAX_CHARS);
    assert.ok(!out.text.includes('\x1b'));
    assert.ok(out.text.startsWith('ERR <script>alert(1)</script>\n'));
    assert.ok(RunView.safeParse(v).success);
  });

  it('marks results carried over from an earlier run', () => {
    const r = fixtureRecord();
    const v = buildRunView(runbook(), evaluateRecord(runbook(), { ...r, ranSteps: ['qw.1'] }));
    const steps = v.groups.flatMap((g) => g.steps);
    assert.deepEqual(steps.filter((s) => s.ran).map((s) => s.id), ['qw.1']);
  });
});
