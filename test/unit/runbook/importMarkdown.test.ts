import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { allSteps, parseRunbook } from '../../../src/runbook/load';
import { packageRoot } from '../../../src/runbook/paths';
import { importMarkdownRunbook, NothingToImportError } from '../../../src/runbook/import/importMarkdown';
import { formatImportReport } from '../../../src/runbook/import/importReport';
import { MarkdownInputError } from '../../../src/runbook/import/markdownBlocks';
import { repairMojibake } from '../../../src/runbook/import/mojibake';
import { runbookToYaml } from '../../../src/runbook/import/runbookYaml';
import { readExpectation, safeRegex } from '../../../src/runbook/import/expectations';
import { parseAsciiTree } from '../../../src/runbook/import/asciiTree';
import { placeholderMismatches } from '../../../src/runbook/import/placeholders';
import type { Runbook } from '../../../src/runbook/schema';

const PLAN = path.join(packageRoot(), 'test/fixtures/execution-failure-debug-plan.md');
const plan = () => fs.readFileSync(PLAN, 'utf8');

/**
 * Windows-1252 as Windows programs decode it (Node's TextDecoder('windows-1252') gives Latin-1 C1
 * controls for 0x80–0x9F instead): code points of 0x80–0x9F, the unassigned five kept as C1.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The clean text as UTF-8 bytes, read back in a single-byte encoding: the mangled form. */
export function mangle(text: string, encoding: 'macintosh' | 'windows-1252'): string {
  const bytes = Buffer.from(text, 'utf8');
  if (encoding === 'macintosh') return new TextDecoder('macintosh').decode(bytes);
  let out = '';
  for (const b of bytes) out += String.fromCodePoint(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b);
  return out;
}

function titlesAndCommands(rb: Runbook) {
  return {
    title: rb.title,
    groups: [rb.quickWins.title, ...rb.phases.map((p) => p.title)],
    steps: allSteps(rb).map((s) => [s.id, s.title, s.estimate ?? null]),
    commands: allSteps(rb).flatMap((s) => s.checks.map((c) => (c.probe.type === 'script' ? c.probe.script : ''))),
  };
}

describe('markdown import: the plan\'s own markdown', () => {
  const { runbook: rb, report } = importMarkdownRunbook(plan(), { source: 'execution-failure-debug-plan.md' });

  it('gives the groups Quick Win Checklist and Phase 0–5, and the steps 0.1–5.4 with the plan\'s numbers', () => {
    assert.equal(rb.quickWins.title, 'Quick Win Checklist');
    assert.deepEqual(rb.phases.map((p) => p.id), ['phase-0', 'phase-1', 'phase-2', 'phase-3', 'phase-4', 'phase-5']);
    assert.deepEqual(rb.phases.map((p) => p.title), [
      'Phase 0: Pre-Flight Configuration Audit',
      'Phase 1: Identify Failure Point',
      'Phase 2: Enhanced Diagnostic Logging',
      'Phase 3: Analyze Results',
      'Phase 4: Root Cause Specific Fixes',
      'Phase 5: Deep Dive Analysis',
    ]);
    assert.deepEqual(rb.phases.map((p) => p.estimate), ['15 minutes', '15 minutes', '30 minutes', '10 minutes', '30 minutes', '20 minutes']);
    const numbered = allSteps(rb).map((s) => s.id).filter((id) => /^\d+\.\d+$/.test(id));
    assert.deepEqual(numbered, ['0.1', '0.2', '0.3', '1.5', '1.6', '2.1', '2.2', '2.3', '2.4', '5.1', '5.2', '5.3', '5.4']);
    assert.deepEqual(rb.quickWins.steps.map((s) => [s.id, s.title, s.estimate]), [
      ['qw.1', 'Check hybrid env vars', '30 seconds'],
      ['qw.2', 'Check executor type', '1 minute'],
      ['qw.3', 'Test hybrid router', '1 minute'],
      ['qw.4', 'Check recent job logs', '2 minutes'],
      ['qw.5', 'Check circuit breaker', '1 minute'],
    ]);
    assert.deepEqual(rb.phases[3].steps.map((s) => s.id), ['3.f', '3.g', '3.h', '3.i', '3.j']);
    assert.deepEqual(rb.phases[4].steps.map((s) => s.id), ['4.f', '4.g', '4.h', '4.i']);
  });

  it('keeps every line of every command block exactly as written, comments too', () => {
    const s01 = allSteps(rb).find((s) => s.id === '0.1')!;
    const probe = s01.checks[0].probe;
    assert.equal(probe.type, 'script');
    const md = plan();
    const block = md.slice(md.indexOf('```bash', md.indexOf('Step 0.1')) + '```bash\n'.length);
    assert.equal(probe.type === 'script' && probe.script, block.slice(0, block.indexOf('\n```')));
    assert.match(probe.type === 'script' ? probe.script : '', /^# Check if hybrid router env vars are set\n/);
  });

  it('maps placeholders as metadata beside the command and flags the guessed router URL for review', () => {
    const qw3 = rb.quickWins.steps[2].checks[0].probe;
    assert.equal(qw3.type, 'script');
    if (qw3.type !== 'script') return;
    assert.equal(qw3.script, 'curl https://project-beacon-production.up.railway.app/health');
    assert.deepEqual(qw3.placeholders.map((p) => p.field), ['router.url']);
    assert.ok(qw3.placeholders[0].review);
    const qw1 = rb.quickWins.steps[0].checks[0].probe;
    assert.deepEqual(qw1.type === 'script' && qw1.placeholders, [{ text: 'beacon-runner-production', field: 'runner.flyApp' }]);
    const mismatch = placeholderMismatches(qw1.type === 'script' ? qw1.placeholders : [], { name: 'staging', flyApp: 'beacon-runner-staging', runnerUrl: 'https://x.fly.dev', routerUrl: 'https://r.example' });
    assert.equal(mismatch.length, 1);
    assert.match(mismatch[0], /beacon-runner-production.*staging.*beacon-runner-staging/);
  });

  it('reads Expected / If / Look for into rules, and leaves what it cannot read to the user', () => {
    const s03 = allSteps(rb).find((s) => s.id === '0.3')!;
    const c = s03.checks[0];
    assert.ok(c.extract.some((x) => 'regex' in x && x.regex.includes('HybridExecutor')));
    assert.equal(c.rules[0].verdict, 'fail');
    assert.match(c.rules[0].reason, /GolemExecutor/);
    const s01 = allSteps(rb).find((s) => s.id === '0.1')!;
    assert.match(s01.checks[0].judgeByHand ?? '', /At least ONE of `HYBRID_BASE` or `HYBRID_ROUTER_URL`/);
    assert.equal(s01.checks[0].otherwise.verdict, 'inconclusive');
    assert.equal(s01.ifLines.length, 1);
    const s02 = allSteps(rb).find((s) => s.id === '0.2')!;
    const regexes = s02.checks[0].extract.map((x) => ('regex' in x ? x.regex : ''));
    assert.ok(regexes.some((r) => r.includes('Hybrid Router enabled')));
    assert.ok(regexes.some((r) => r.includes('\\[HYBRID_CLIENT_INIT\\]')));
    const s15 = allSteps(rb).find((s) => s.id === '1.5')!;
    assert.ok(s15.checks[0].extract.some((x) => 'regex' in x && x.regex.startsWith('hybrid_circuit_breaker_state')));
  });

  it('never runs a command that changes the system (secrets set, restart): it is marked mutating', () => {
    const fixF = allSteps(rb).find((s) => s.id === '4.f')!;
    const probe = fixF.checks[0].probe;
    assert.equal(probe.type === 'script' && probe.mutating, 'flyctl secrets set');
  });

  it('shows go blocks with their step, linked to the code lens anchor they match', () => {
    const anchors = Object.fromEntries(allSteps(rb).filter((s) => s.code.length).map((s) => [s.id, s.code.map((c) => c.anchor ?? null)]));
    assert.deepEqual(anchors, {
      '0.3': ['setHybridClient'],
      '2.1': ['executeQuestion'],
      '2.2': ['executorCall'],
      '2.3': ['hybridExecute'],
      '2.4': ['runInference'],
      '4.g': ['setHybridClient'],
      '5.1': ['executorCall'],
    });
  });

  it('turns the ASCII decision tree into the runbook\'s tree (at least 10 nodes)', () => {
    const tree = rb.decisionTree!;
    assert.ok(tree);
    assert.ok(report.counts.treeNodes >= 10, `${report.counts.treeNodes} nodes`);
    const root = tree.nodes.find((n) => n.id === tree.root)!;
    assert.equal(root.question, 'Job fails in 10-30ms with empty receipt?');
    assert.deepEqual(root.branches.map((b) => b.label), ['Check executor initialization logs', 'Check HTTP client logs', 'Check circuit breaker state']);
    assert.ok(tree.nodes.some((n) => n.question === '"executor is NIL" → Missing HYBRID_BASE env var'));
  });

  it('reports what became what and everything it did not understand — nothing silently dropped', () => {
    const text = formatImportReport(report);
    assert.match(text, /line 24 +step +0\.1 +"Verify Hybrid Client Initialization"/);
    assert.match(text, /line 26 +command +0\.1\/cmd-1/);
    assert.match(text, /Not understood \(1; kept as text where they are\):\n {2}line 57 +0\.2 +a ❌ line without a quoted text/);
    // every non-blank line of the plan is in some text of the runbook (list markers aside)
    const kept = JSON.stringify(rb);
    for (const line of plan().split('\n')) {
      const t = line.trim().replace(/^(?:[-*]|\d+\.)\s+/, '');
      if (!t || /^(---|#+ )/.test(t)) continue;
      assert.ok(kept.includes(JSON.stringify(t).slice(1, -1)), `line dropped: ${t}`);
    }
  });

  it('writes YAML that loads again with the same schema', () => {
    const yaml = runbookToYaml(rb);
    const again = parseRunbook(yaml, 'again');
    assert.deepEqual(titlesAndCommands(again), titlesAndCommands(rb));
  });
});

describe('markdown import: the mangled plan (UTF-8 read as Mac Roman / Windows-1252)', () => {
  const clean = importMarkdownRunbook(plan(), { source: 'plan.md' });
  for (const encoding of ['macintosh', 'windows-1252'] as const) {
    it(`${encoding}: repairs the text and gives the same titles and commands as the clean one`, () => {
      const mangled = mangle(plan(), encoding);
      assert.ok(mangled.includes(encoding === 'macintosh' ? 'üî¨' : 'ðŸ”¬'), 'the test really mangles the text');
      assert.ok(mangled.includes(encoding === 'macintosh' ? '‚Üí' : 'â†’'), 'the arrow is mangled as the issue shows');
      const r = importMarkdownRunbook(mangled, { source: 'plan.md' });
      assert.equal(r.report.repaired?.encoding, encoding === 'macintosh' ? 'Mac Roman' : 'Windows-1252');
      assert.ok((r.report.repaired?.characters ?? 0) > 100);
      assert.deepEqual(titlesAndCommands(r.runbook), titlesAndCommands(clean.runbook));
      assert.match(formatImportReport(r.report), /Repaired: the text was UTF-8 read as/);
    });
  }

  it('leaves clean text alone, including text with a few accents', () => {
    assert.equal(repairMojibake('café — naïve → ✅').encoding, undefined);
    assert.equal(repairMojibake(plan()).encoding, undefined);
  });
});

describe('markdown import: other plans', () => {
  it('numbers and checklists without step headings, slugs where nothing is numbered, console and expected-output blocks, mdproof Expected lists', () => {
    const md = [
      '# Redis outage runbook',
      '',
      '## Triage',
      '',
      '- [ ] Confirm the alert in Grafana',
      '- [ ] Page the owner',
      '',
      '## Check the cache',
      '',
      '### Ping redis',
      '',
      '```console',
      '$ redis-cli -h cache.internal ping',
      'PONG',
      '```',
      '',
      '### Count keys',
      '',
      '```sh',
      'redis-cli -h cache.internal dbsize',
      '```',
      '',
      'Expected:',
      '- exit code 0',
      '- output contains "(integer)"',
      '- regex: /\\d+/',
      '- fewer keys than yesterday',
      '',
      '### Health endpoint',
      '',
      '```bash',
      'curl -s https://cache-admin.example.com/health',
      '```',
      '',
      'Expected output:',
      '',
      '```',
      'ok',
      '```',
    ].join('\n');
    const { runbook: rb, report } = importMarkdownRunbook(md, { source: 'redis.md' });
    assert.equal(rb.title, 'Redis outage runbook');
    assert.deepEqual(rb.phases.map((p) => [p.id, p.steps.map((s) => s.id)]), [
      ['triage', ['triage.1', 'triage.2']],
      ['check-the-cache', ['ping-redis', 'count-keys', 'health-endpoint']],
    ]);
    const [ping, count, health] = rb.phases[1].steps;
    assert.equal(ping.checks[0].probe.type === 'script' && ping.checks[0].probe.script, 'redis-cli -h cache.internal ping');
    assert.ok(ping.checks[0].extract.some((x) => 'regex' in x && x.regex === 'PONG'));
    assert.ok(count.checks[0].rules.some((r) => 'fact' in r.when && r.when.fact === '$exitCode' && r.when.op === 'ne' && r.when.value === 0));
    assert.ok(count.checks[0].extract.some((x) => 'regex' in x && x.regex === '\\d+'));
    assert.equal(count.checks[0].judgeByHand, 'fewer keys than yesterday');
    assert.ok(health.checks[0].extract.some((x) => 'regex' in x && x.regex === 'ok'));
    assert.equal(rb.phases[0].steps[0].manual, true);
    assert.equal(report.counts.steps, 5);
  });

  it('an unparsable ASCII tree is kept as text and reported', () => {
    const md = ['# P', '## Steps', '```bash', 'true', '```', '## Decision tree', '```', '├─ no root', 'x', '```'].join('\n');
    const { runbook: rb, report } = importMarkdownRunbook(md);
    assert.equal(rb.decisionTree, undefined);
    assert.ok(report.entries.some((e) => e.kind === 'not-understood' && /decision tree does not parse/.test(e.detail)));
    assert.ok(rb.sections.some((s) => s.text.includes('├─ no root')));
  });

  it('reads expectations: substring, negation, exit code, regex; refuses a regex that backtracks', () => {
    assert.deepEqual(readExpectation('`ok`', 1).kind, 'contains');
    assert.deepEqual(readExpectation('does not contain "ERROR"', 1), { kind: 'absent', value: 'ERROR', text: 'does not contain "ERROR"', line: 1 });
    assert.deepEqual(readExpectation('exit code 3', 1).value, 3);
    assert.equal(readExpectation('regex: /a+b/i', 1).regexFlags, 'i');
    assert.equal(readExpectation('regex: /(a+)+$/', 1).kind, 'manual');
    assert.equal(safeRegex('(x*)*y'), false);
    assert.equal(safeRegex('(?:ab|cd)+'), true);
    assert.equal(safeRegex('((a)+)'), true);
    assert.equal(safeRegex('((a)+)+'), false);
  });

  it('the ASCII tree parser rejects a branch with no parent and counts nodes', () => {
    assert.equal(parseAsciiTree(['Q?', '├─ a', '│  └─ b', '└─ c']).nodes, 4);
    assert.match(parseAsciiTree(['├─ a']).problem ?? '', /before the tree's root/);
  });
});

describe('markdown import: hostile input gets a clear error in bounded time', () => {
  const bounded = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  it('nothing to import', () => {
    assert.throws(() => importMarkdownRunbook('# Just a title\n\nSome prose.\n'), NothingToImportError);
    assert.throws(() => importMarkdownRunbook(''), NothingToImportError);
  });
  it('binary, huge, endless lines', () => {
    assert.throws(() => importMarkdownRunbook('# x\n\u0000\u0001\u0002'), (e: Error) => e instanceof MarkdownInputError && /binary/.test(e.message));
    assert.throws(() => importMarkdownRunbook('\ufffd'.repeat(5000)), /not UTF-8 text/);
    assert.throws(() => importMarkdownRunbook('a'.repeat(5_000_000)), /characters long; a plan to import is at most/);
    assert.throws(() => importMarkdownRunbook('# x\n' + 'y'.repeat(30_000)), /line 2 is 30000 characters long/);
  });
  it('pathological lines for the line patterns, deep nesting and a deep tree finish quickly', () => {
    const spaces = ' '.repeat(9_000);
    const nasty = [
      '# T', '## Phase 1', '### Step 1.1: x', '```bash', 'true', '```',
      `**If${spaces}x`, `Expected${spaces}:${spaces}`, `regex:${spaces}/`, `# ${spaces}#`, `fly ${'fly '.repeat(4000)}`,
      ...Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i % 200)}- item ${i}`),
      '## Tree', '```', 'Q?', ...Array.from({ length: 150 }, (_, i) => `${'│  '.repeat(i)}└─ n${i}`), '```',
    ].join('\n');
    const ms = bounded(() => importMarkdownRunbook(nasty));
    assert.ok(ms < 3000, `${ms} ms`);
  });
});
