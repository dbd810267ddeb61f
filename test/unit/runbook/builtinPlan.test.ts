import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allSteps } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import { packageRoot } from '../../../src/runbook/paths';
import type { Condition, Runbook } from '../../../src/runbook/schema';
import { PLACEHOLDERS } from '../../../src/engine/target';

/** Step ids as the plan's markdown writes them — parsed from a copy of the plan, not from our data. */
function planStepIds(md: string): string[] {
  const ids = new Set<string>();
  for (const m of md.matchAll(/^### \*\*Step (\d+\.\d+)/gm)) ids.add(m[1]);
  return [...ids];
}

function planScenarioLetters(md: string): string[] {
  return [...md.matchAll(/^\*\*Scenario ([A-Z]):/gm)].map((m) => m[1]);
}

function planFixLetters(md: string): string[] {
  return [...md.matchAll(/^\*\*Fix ([A-Z]):/gm)].map((m) => m[1]);
}

function planQuickWins(md: string): string[] {
  const section = md.slice(md.indexOf('Quick Win Checklist'), md.indexOf('Success Criteria'));
  return [...section.matchAll(/^\d+\. ✅ \*\*(.+?)\*\*/gm)].map((m) => m[1]);
}

function conditionFacts(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionFacts);
  if ('any' in c) return c.any.flatMap(conditionFacts);
  if ('not' in c) return conditionFacts(c.not);
  return [c.fact];
}

describe('the built-in plan', () => {
  const md = fs.readFileSync(path.join(packageRoot(), 'test/fixtures/execution-failure-debug-plan.md'), 'utf8');
  let rb: Runbook;
  before(() => {
    rb = loadBuiltinRunbook();
  });

  it('has every step the plan numbers (0.1–0.3, 1.5, 1.6, 2.1–2.4, 5.1–5.4)', () => {
    const want = planStepIds(md);
    assert.deepEqual(want.sort(), ['0.1', '0.2', '0.3', '1.5', '1.6', '2.1', '2.2', '2.3', '2.4', '5.1', '5.2', '5.3', '5.4']);
    const have = new Set(allSteps(rb).map((s) => s.id));
    for (const id of want) assert.ok(have.has(id), `step ${id} of the plan is missing`);
  });

  it('has the five quick wins in the plan order, with the plan titles', () => {
    const titles = planQuickWins(md);
    assert.equal(titles.length, 5);
    assert.deepEqual(rb.quickWins.steps.map((s) => s.title), titles);
    assert.deepEqual(rb.quickWins.steps.map((s) => s.id), ['qw.1', 'qw.2', 'qw.3', 'qw.4', 'qw.5']);
  });

  it('has scenarios F–J and fixes F–I from the plan, and says A–E were never written', () => {
    assert.deepEqual(rb.scenarios.map((s) => s.letter), planScenarioLetters(md));
    assert.deepEqual(rb.fixes.filter((f) => f.letter).map((f) => f.letter), planFixLetters(md));
    const missing = rb.phases.flatMap((p) => p.missing.map((m) => m.ref));
    assert.ok(missing.some((m) => m.includes('1.1–1.4')));
    assert.ok(missing.some((m) => m.includes('Scenarios A–E')));
    assert.ok(missing.some((m) => m.includes('Fixes A–E')));
    // nothing invented for them
    for (const id of ['1.1', '1.2', '1.3', '1.4']) assert.equal(allSteps(rb).find((s) => s.id === id), undefined);
  });

  it('keeps the plan phases 0–5 in order, Key Insight, success criteria, outcomes and deployment', () => {
    assert.deepEqual(rb.phases.map((p) => p.id), ['phase-0', 'phase-1', 'phase-2', 'phase-3', 'phase-4', 'phase-5']);
    assert.match(rb.keyInsight.text, /10-30ms failures = Pre-execution failure/);
    assert.deepEqual(rb.successCriteria.map((c) => c.id), ['sc.0', 'sc.1', 'sc.2', 'sc.3', 'sc.4', 'sc.5']);
    assert.match(rb.expectedOutcomes!.text, /80% chance/);
    assert.match(rb.deployment!.text, /flyctl deploy/);
  });

  it("keeps the plan's own words: every step's text quotes the plan", () => {
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const plan = squash(md);
    for (const s of allSteps(rb).filter((x) => /^\d\.\d$/.test(x.id))) {
      if (s.expected) assert.ok(plan.includes(squash(s.expected)), `${s.id} expected line is not the plan's`);
      for (const code of s.text.matchAll(/```(?:bash|go)\n([\s\S]*?)```/g)) {
        const firstLine = code[1].trim().split('\n')[0].trim();
        assert.ok(plan.includes(squash(firstLine)), `${s.id}: "${firstLine}" is not in the plan`);
      }
    }
  });

  it('corrects the commands that cannot work, and says so', () => {
    const steps = allSteps(rb);
    const argvs = steps.flatMap((s) => s.checks.map((c) => (c.probe.type === 'shell' ? c.probe.argv : [])));
    for (const argv of argvs.filter((a) => a.includes('ssh') && a.includes('-C'))) {
      const cmd = argv[argv.indexOf('-C') + 1];
      if (/[$|;]/.test(cmd)) assert.match(cmd, /^sh -c '/, `ssh console command needs sh -c: ${cmd}`);
    }
    // logs are always read with --no-tail by the logs probe; the plan's `flyctl logs | grep` is noted
    for (const id of ['0.2', 'qw.2', 'qw.4']) {
      const s = steps.find((x) => x.id === id)!;
      assert.equal(s.checks[0].probe.type, 'logs');
      assert.ok(s.corrections.some((c) => c.includes('--no-tail')), `${id} notes --no-tail`);
    }
    // GET, not HEAD (curl -I)
    const s16 = steps.find((x) => x.id === '1.6')!;
    assert.ok(s16.corrections.some((c) => c.includes('HEAD')));
    const probe16 = s16.checks[0].probe;
    assert.ok(probe16.type === 'shell' && !probe16.argv.join(' ').includes('curl -I'));
  });

  it('has the router-side checks of the real incident', () => {
    const ids = allSteps(rb).map((s) => s.id);
    for (const id of ['r.1', 'r.2', 'r.3', 'r.4']) assert.ok(ids.includes(id));
    const r2 = allSteps(rb).find((s) => s.id === 'r.2')!;
    assert.ok(r2.checks[0].rules.some((r) => JSON.stringify(r.when).includes('PROVIDER_UNAVAILABLE')));
  });

  it('every decision-tree leaf names an existing cause, scenario and fix; every node is reachable', () => {
    const tree = rb.decisionTree!;
    const causes = new Set(rb.causes.map((c) => c.id));
    const reached = new Set([tree.root]);
    for (const n of tree.nodes) {
      for (const b of n.branches) {
        if (b.next) reached.add(b.next);
        else {
          assert.ok(causes.has(b.cause!), `leaf cause ${b.cause}`);
          if (b.scenario) assert.ok(rb.scenarios.some((s) => s.id === b.scenario));
          if (b.fix) assert.ok(rb.fixes.some((f) => f.id === b.fix));
        }
      }
    }
    for (const n of tree.nodes) assert.ok(reached.has(n.id), `node ${n.id} is unreachable`);
    const leafCauses = new Set(tree.nodes.flatMap((n) => n.branches.map((b) => b.cause).filter(Boolean)));
    for (const c of rb.causes) assert.ok(leafCauses.has(c.id), `cause ${c.id} is no leaf of the tree`);
  });

  it('has the ten causes of DESIGN.md with the plan priors, and the unknown cause with its own', () => {
    assert.deepEqual(rb.causes.map((c) => c.id).sort(), [
      'circuit-open', 'database-unavailable', 'executor-bug', 'healthy', 'hybrid-disabled', 'missing-hybrid-config',
      'no-healthy-providers', 'router-down', 'router-slow', 'timeout-too-short', 'unknown',
    ]);
    const unknown = rb.causes.find((c) => c.id === 'unknown')!;
    assert.ok(unknown.unexplained && unknown.prior! > 0, 'unknown: its own prior, raised by what no known cause explains');
    assert.equal(unknown.fix, undefined, 'no fix for a cause nobody knows');
    const prior = (id: string) => rb.causes.find((c) => c.id === id)!.prior!;
    // the plan's 80/10/5/3/2, with the causes it does not know carved out of the nearest one
    assert.equal(Math.round((prior('missing-hybrid-config') + prior('hybrid-disabled')) * 1000), 800);
    assert.equal(Math.round((prior('router-down') + prior('router-slow') + prior('no-healthy-providers')) * 1000), 100);
    assert.equal(prior('circuit-open'), 0.05);
    assert.equal(prior('timeout-too-short'), 0.03);
    assert.equal(Math.round((prior('executor-bug') + prior('database-unavailable')) * 1000), 20);
  });

  it('every placeholder used in the data is one the engine resolves', () => {
    const text = fs.readFileSync(path.join(packageRoot(), 'runbooks/execution-failure.yaml'), 'utf8');
    const used = new Set([...text.matchAll(/\$\{([a-z]+\.[A-Za-z]+)\}/g)].map((m) => m[1]));
    for (const p of used) assert.ok((PLACEHOLDERS as readonly string[]).includes(p), `unknown placeholder \${${p}}`);
  });

  it('every fact a rule, branch or criterion reads is produced somewhere (or is probe-local)', () => {
    const produced = new Set<string>();
    for (const s of allSteps(rb)) {
      for (const c of s.checks) {
        for (const x of c.extract) if ('fact' in x) produced.add(x.fact);
        for (const d of c.derive) produced.add(d.fact);
        for (const r of c.rules) for (const f of Object.keys(r.facts ?? {})) produced.add(f);
      }
    }
    for (const sig of rb.logSignals) produced.add(sig.fact);
    const external = new Set(['diagnosis.certain', 'fix.applied']);
    const read: string[] = [];
    for (const n of rb.decisionTree!.nodes) for (const b of n.branches) read.push(...conditionFacts(b.when));
    for (const c of rb.causes) for (const e of c.evidence) read.push(...conditionFacts(e.when));
    for (const sc of rb.successCriteria) if (sc.when) read.push(...conditionFacts(sc.when));
    for (const f of read) {
      if (f.startsWith('$') || external.has(f)) continue;
      assert.ok(produced.has(f), `fact ${f} is read but never produced`);
    }
  });
});
