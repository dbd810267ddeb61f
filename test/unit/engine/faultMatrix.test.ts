/**
 * Every automated check of the built-in plan against the simulator, in every fault mode, judged
 * against ONE table of expected step verdicts. A fresh simulator per fault keeps the runner's
 * one-admin-call-per-10-s limit out of the picture.
 */
import * as assert from 'node:assert/strict';
import { runDnsProbe } from '../../../src/engine/probes/dnsProbe';
import { buildRunReport } from '../../../src/engine/report';
import { redactorFor } from '../../../src/engine/redact';
import { runSteps, type RunOutcome } from '../../../src/engine/runner';
import type { RunEvent, Target } from '../../../src/engine/types';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import { Runbook } from '../../../src/runbook/schema';
import { simulatorTarget, FAULT_NAMES, startSimulator, type FaultName, type Simulator } from '../../../src/sim/simulator';

/*
 * Expected step verdicts per fault. Columns: healthy, missing-hybrid-config, hybrid-disabled,
 * router-down, router-slow, no-healthy-providers, circuit-open, timeout-too-short,
 * database-unavailable, executor-bug.
 *
 * The simulator's router host is 127.0.0.1, so 1.6's DNS check reads nslookup's reverse answer.
 * qw.4 is inconclusive for database-unavailable: no job runner started, so no execution failed, and
 * the refused Postgres connections are not the hybrid client's.
 */
const COLUMNS: FaultName[] = [
  'healthy', 'missing-hybrid-config', 'hybrid-disabled', 'router-down', 'router-slow',
  'no-healthy-providers', 'circuit-open', 'timeout-too-short', 'database-unavailable', 'executor-bug',
];
const STEP_TABLE = `
step       healthy  missing  disabled  down   slow   noprov  circuit  timeout  db     exec
qw.1       pass     fail     fail      pass   pass   pass    pass     warn     pass   pass
qw.2       pass     fail     fail      pass   pass   pass    incon    pass     fail   pass
qw.3       pass     pass     pass      fail   warn   fail    pass     pass     pass   pass
qw.4       incon    fail     fail      fail   fail   fail    fail     fail     incon  fail
qw.5       incon    incon    incon     incon  incon  incon   incon    incon    incon  incon
0.1        pass     fail     fail      pass   pass   pass    pass     warn     pass   pass
0.2        pass     fail     fail      pass   pass   pass    incon    pass     fail   pass
0.3        incon    incon    incon     incon  incon  incon   incon    incon    incon  incon
1.5        incon    incon    incon     incon  incon  incon   fail     incon    incon  incon
1.6        pass     pass     pass      fail   warn   fail    pass     pass     pass   pass
r.1        pass     pass     pass      fail   warn   fail    pass     pass     pass   pass
r.2        pass     pass     pass      fail   pass   fail    pass     pass     pass   pass
r.3        pass     pass     pass      error  pass   fail    pass     pass     pass   pass
r.4        pass     pass     pass      pass   pass   fail    pass     pass     pass   pass
2.1        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
2.2        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
2.3        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
2.4        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
3.analyze  pend     pend     pend      pend   pend   pend    pend     pend     pend   pend
4.f        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
4.g        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
4.h        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
4.i        skip     skip     skip      skip   skip   skip    skip     skip     skip   skip
5.1        incon    incon    incon     incon  incon  incon   incon    incon    incon  incon
5.2        pass     pass     pass      pass   pass   pass    pass     pass     pass   pass
5.3        pass     pass     pass      pass   pass   pass    pass     pass     fail   pass
5.4        pass     pass     pass      pass   pass   pass    pass     pass     pass   pass
1.5/circuit-metric        incon  incon  incon  incon  incon  incon  incon  incon  incon  incon
1.5/circuit-admin         pass   pass   pass   pass   pass   pass   fail   pass   pass   pass
1.6/container-dns         pass   pass   pass   pass   pass   pass   pass   pass   pass   pass
1.6/container-health      pass   pass   pass   fail   warn   fail   pass   pass   pass   pass
1.6/container-inference   pass   pass   pass   fail   pass   fail   pass   pass   pass   pass
`;
const WORD: Record<string, string> = { incon: 'inconclusive', skip: 'skipped', pend: 'pending' };

function parseTable(text: string): Map<string, Map<FaultName, string>> {
  const rows = text.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
  return new Map(rows.map(([id, ...cells]) => {
    assert.equal(cells.length, COLUMNS.length, `row ${id} has ${cells.length} cells`);
    return [id, new Map(COLUMNS.map((f, i) => [f, WORD[cells[i]] ?? cells[i]]))];
  }));
}
const EXPECTED = parseTable(STEP_TABLE);

/** Facts the diagnosis reads, per fault (only where the fault decides them). */
const FACTS: Partial<Record<FaultName, Record<string, unknown>>> = {
  healthy: { 'hybrid.configured': true, 'router.providersHealthy': 3, 'circuit.state': 'closed', 'startup.linesSeen': true, 'logs.executionFailures': 0 },
  'missing-hybrid-config': { 'hybrid.configured': false, 'hybrid.disabled': false, 'startup.hybridDisabled': true },
  'hybrid-disabled': { 'hybrid.disabled': true, 'startup.explicitlyDisabled': true },
  'router-down': { 'router.down': true, 'router.reachable': false },
  'router-slow': { 'router.slow': true, 'router.reachable': true },
  'no-healthy-providers': { 'router.providersHealthy': 0, 'router.noHealthyProviders': true, 'router.inferenceErrorCode': 'PROVIDER_UNAVAILABLE' },
  'circuit-open': { 'circuit.state': 'open', 'startup.linesSeen': false },
  'timeout-too-short': { 'hybrid.timeoutTooShort': true, 'startup.clientInitTimeout': 5 },
  'database-unavailable': { 'startup.linesSeen': false, 'db.unavailable': true },
  'executor-bug': { 'hybrid.configured': true, 'router.providersHealthy': 3, 'logs.hybridRequests': 0 },
};

const CANARY = 'canary-matrix-5150';

const targetOf = (sim: Simulator): Target => simulatorTarget(sim);

describe('engine against the simulator: the fault matrix', function () {
  this.timeout(120_000);
  const rb = loadBuiltinRunbook();

  it('the table covers every fault and every step of the plan', () => {
    assert.deepEqual([...COLUMNS].sort(), [...FAULT_NAMES].sort());
    const ids = [...rb.quickWins.steps, ...rb.phases.flatMap((p) => p.steps)].map((s) => s.id);
    assert.deepEqual(ids.filter((id) => !EXPECTED.has(id)), []);
  });

  for (const fault of COLUMNS) {
    it(`${fault}: every step's verdict, the key facts, no secret in the output`, async () => {
      const sim = await startSimulator({ fault, canarySecret: CANARY });
      const events: RunEvent[] = [];
      let out: RunOutcome;
      try {
        out = await runSteps(rb, targetOf(sim), { preflight: true, timeoutSeconds: 20, onEvent: (e) => events.push(e) });
        const dns = await runDnsProbe({ host: new URL(sim.routerUrl).hostname, timeoutMs: 5000 });
        assert.equal(dns.ok, true);
      } finally {
        await sim.stop();
      }
      assert.deepEqual(out.preflight.map((c) => c.verdict), ['pass', 'pass', 'pass']);
      const mismatches: string[] = [];
      for (const r of out.results) {
        const want = EXPECTED.get(r.id)?.get(fault);
        if (r.verdict !== want) mismatches.push(`${r.id}: expected ${want}, got ${r.verdict} (${r.reason})`);
        for (const c of r.checks) {
          const wantCheck = EXPECTED.get(`${r.id}/${c.id}`)?.get(fault);
          if (wantCheck && c.verdict !== wantCheck) mismatches.push(`${r.id}/${c.id}: expected ${wantCheck}, got ${c.verdict} (${c.reason})`);
        }
      }
      assert.deepEqual(mismatches, []);
      for (const [fact, value] of Object.entries(FACTS[fault] ?? {})) {
        assert.equal(out.facts[fact]?.value, value, `${fact} (${JSON.stringify(out.facts[fact])})`);
      }
      const report = buildRunReport({ environment: 'demo', startedAt: out.startedAt, finishedAt: out.finishedAt, results: out.results, preflight: out.preflight });
      const everything = JSON.stringify({ events, out, report });
      assert.ok(!everything.includes(CANARY), 'the canary secret leaked');
    });
  }

  it('a canary the runner prints (its env over ssh) is redacted in every event, result and the report', async () => {
    const leaky = Runbook.parse({
      ...rb,
      quickWins: {
        ...rb.quickWins,
        steps: [{
          id: 'qw.leak', title: 'print secrets', text: '',
          checks: [{
            id: 'env', label: 'env', probe: { type: 'shell', argv: ['${tool.flyctl}', 'ssh', 'console', '-a', '${runner.flyApp}', '-C', "sh -c 'echo ADMIN_TOKEN=$ADMIN_TOKEN; echo DATABASE_URL=$DATABASE_URL; echo token $ADMIN_TOKEN; echo url $DATABASE_URL'"] },
            extract: [{ regex: 'token (\\S+)', fact: 'leak.token' }, { regex: 'url (\\S+)', fact: 'leak.url' }],
            otherwise: { verdict: 'pass', reason: 'token ${fact:leak.token} url ${fact:leak.url}' },
          }],
        }],
      },
    });
    const sim = await startSimulator({ fault: 'healthy', canarySecret: CANARY });
    const events: RunEvent[] = [];
    let out: RunOutcome;
    let raw: string;
    try {
      const t = targetOf(sim);
      out = await runSteps(leaky, t, { only: ['qw.leak', 'quick-wins', 'phase-0', 'phase-5'], onEvent: (e) => events.push(e) });
      const { runShellProbe } = await import('../../../src/engine/probes/shellProbe');
      raw = (await runShellProbe({ argv: [sim.flyctlPath, 'ssh', 'console', '-a', sim.flyApp, '-C', "sh -c 'echo $ADMIN_TOKEN'"], timeoutMs: 20_000 })).stdout;
    } finally {
      await sim.stop();
    }
    assert.ok(raw.includes(CANARY), 'the simulator really prints the canary (else this test proves nothing)');
    const leak = out.results.find((r) => r.id === 'qw.leak')!;
    assert.equal(leak.verdict, 'pass');
    assert.equal(leak.reason, 'token *** url postgres://beacon:***@127.0.0.1:5432/beacon?sslmode=disable');
    const terminal = events.filter((e) => e.type === 'output').map((e) => (e as { text: string }).text).join('');
    assert.match(terminal, /ADMIN_TOKEN=\*\*\*/);
    const report = buildRunReport({ environment: 'demo', startedAt: out.startedAt, finishedAt: out.finishedAt, results: out.results }, redactorFor({}));
    const everything = JSON.stringify({ events, out, report, terminal });
    assert.ok(!everything.includes(CANARY), 'the canary secret leaked');
  });
});
