import * as assert from 'node:assert/strict';
import { evaluateCheck, renderTemplate, type EvalContext } from '../../../src/engine/evaluate';
import { normaliseFlyLogs } from '../../../src/engine/logs/logLines';
import type { ProbeOutcome } from '../../../src/engine/probes/probeOutcome';
import { parsePrometheus } from '../../../src/engine/prometheus';
import { redactorFor } from '../../../src/engine/redact';
import { validateTarget } from '../../../src/engine/target';
import type { FactValue } from '../../../src/runbook/schema';
import { allSteps } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import { Check } from '../../../src/runbook/schema';

const rb = loadBuiltinRunbook();
const check = (step: string, id: string) => allSteps(rb).find((s) => s.id === step)!.checks.find((c) => c.id === id)!;
const target = validateTarget({
  name: 'test', flyApp: 'beacon-runner-production', runnerUrl: 'https://runner.example', routerUrl: 'https://router.example',
  flyctlPath: 'flyctl', psqlPath: 'psql', adminToken: 'canary-admin-7f3a', databaseUrl: 'postgres://u:canary-db-pw@db/x',
});

function ctx(runFacts: Record<string, FactValue> = {}): EvalContext {
  return { target, redactor: redactorFor(target), logSignals: rb.logSignals, runFact: (n) => runFacts[n] };
}

function shell(stdout: string, extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return { command: 'flyctl …', ok: true, exitCode: 0, durationMs: 5, stdout, stderr: '', output: stdout, transcript: stdout, ...extra };
}

function http(status: number, body: string, extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { command: 'GET …', ok: true, status, durationMs: 9, latencyMs: 7, stdout: body, stderr: '', output: body, transcript: body, body, json, contentType: 'application/json', ...extra };
}

function logs(raw: string): ProbeOutcome {
  const lines = normaliseFlyLogs(raw, false);
  return { ...shell(raw), lines, output: lines.map((l) => l.text).join('\n') };
}

const env = (vars: Record<string, string>) =>
  ['HYBRID_BASE', 'HYBRID_ROUTER_URL', 'ENABLE_HYBRID_DEFAULT', 'HYBRID_ROUTER_DISABLE', 'HYBRID_ROUTER_TIMEOUT', 'HYBRID_TIMEOUT']
    .map((k) => `${k}=${vars[k] ?? ''}`).join('\n') + '\n';

describe('engine/evaluate', () => {
  describe('the hybrid variables (0.1 / qw.1): the four-variable rule', () => {
    const c = check('0.1', 'hybrid-env');
    const cases: [Record<string, string>, string, Record<string, FactValue>][] = [
      [{ HYBRID_BASE: 'https://r' }, 'pass', { 'hybrid.configured': true, 'hybrid.baseSource': 'HYBRID_BASE', 'hybrid.timeoutSeconds': 300, 'hybrid.timeoutSource': 'default' }],
      [{ HYBRID_ROUTER_URL: 'https://r' }, 'pass', { 'hybrid.configured': true, 'hybrid.baseSource': 'HYBRID_ROUTER_URL' }],
      [{ ENABLE_HYBRID_DEFAULT: '1' }, 'pass', { 'hybrid.configured': true, 'hybrid.baseSource': 'ENABLE_HYBRID_DEFAULT' }],
      [{ ENABLE_HYBRID_DEFAULT: 'true' }, 'fail', { 'hybrid.configured': false, 'hybrid.baseSource': 'none' }],
      [{}, 'fail', { 'hybrid.configured': false, 'hybrid.disabled': false }],
      [{ HYBRID_BASE: 'https://r', HYBRID_ROUTER_DISABLE: 'true' }, 'fail', { 'hybrid.disabled': true, 'hybrid.configured': false }],
      [{ HYBRID_BASE: 'https://r', HYBRID_ROUTER_DISABLE: 'TRUE' }, 'pass', { 'hybrid.disabled': false }],
      [{ HYBRID_BASE: 'https://r', HYBRID_ROUTER_TIMEOUT: '10' }, 'warn', { 'hybrid.timeoutSeconds': 10, 'hybrid.timeoutSource': 'HYBRID_ROUTER_TIMEOUT', 'hybrid.timeoutTooShort': true }],
      [{ HYBRID_BASE: 'https://r', HYBRID_ROUTER_TIMEOUT: '300s' }, 'pass', { 'hybrid.timeoutSeconds': 300, 'hybrid.timeoutSource': 'default' }],
      [{ HYBRID_BASE: 'https://r', HYBRID_TIMEOUT: '20' }, 'warn', { 'hybrid.timeoutSeconds': 20, 'hybrid.timeoutSource': 'HYBRID_TIMEOUT' }],
      [{ HYBRID_BASE: 'https://r', HYBRID_ROUTER_TIMEOUT: '300', HYBRID_TIMEOUT: '20' }, 'pass', { 'hybrid.timeoutSeconds': 300, 'hybrid.timeoutSource': 'HYBRID_ROUTER_TIMEOUT' }],
    ];
    for (const [vars, verdict, facts] of cases) {
      it(`${JSON.stringify(vars)} → ${verdict}`, () => {
        const { result } = evaluateCheck(c, shell(env(vars)), ctx());
        assert.equal(result.verdict, verdict, result.reason);
        for (const [k, v] of Object.entries(facts)) assert.equal(result.facts[k], v, k);
      });
    }

    it('copies a fact keeping its type, and renders the reason with it', () => {
      const { result, facts } = evaluateCheck(c, shell(env({ HYBRID_BASE: 'https://r', HYBRID_ROUTER_TIMEOUT: '10' })), ctx());
      assert.equal(typeof result.facts['hybrid.timeoutSeconds'], 'number');
      assert.equal(result.reason, 'Hybrid configured via HYBRID_BASE, but the client timeout is 10s (HYBRID_ROUTER_TIMEOUT) — shorter than a Modal cold start.');
      assert.equal(facts['env.HYBRID_ROUTER_TIMEOUT'].line, 'HYBRID_ROUTER_TIMEOUT=10');
      assert.ok(!('$ok' in facts), '$ facts stay local');
      assert.equal(result.facts.$ok, true);
    });

    it('a missing flyctl is an error with the install hint, whatever the rules say', () => {
      const o = shell('', { ok: false, error: 'ENOENT', couldNotRun: true, exitCode: undefined, errorMessage: 'flyctl was not found. Install flyctl: https://fly.io/docs/flyctl/install/ or set beaconDebug.flyctlPath.', hint: 'Install flyctl: https://fly.io/docs/flyctl/install/ or set beaconDebug.flyctlPath.' });
      const { result } = evaluateCheck(c, o, ctx());
      assert.equal(result.verdict, 'error');
      assert.match(result.reason, /Install flyctl: https:\/\/fly\.io\/docs\/flyctl\/install\//);
      assert.equal(result.facts.$error, 'ENOENT');
    });
  });

  describe('startup lines (0.2 / qw.2)', () => {
    const c = check('0.2', 'startup-lines');
    const P = '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] ';
    it('enabled → pass with the hybrid_base and the client init line read', () => {
      const { result } = evaluateCheck(c, logs(`${P}2025-09-30T12:17:35Z INF Hybrid Router enabled hybrid_base=https://r.example\n${P}[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://r.example\n`), ctx());
      assert.equal(result.verdict, 'pass');
      assert.equal(result.reason, '"Hybrid Router enabled" (hybrid_base=https://r.example); client init timeout 300s (source default).');
    });
    it('explicitly disabled is recognised (a grep for "disabled" would miss it)', () => {
      const { result } = evaluateCheck(c, logs(`${P}2025-09-30T12:17:35Z INF Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true\n`), ctx());
      assert.equal(result.verdict, 'fail');
      assert.equal(result.facts['startup.explicitlyDisabled'], true);
    });
    it('no line but database errors → the database was down at boot', () => {
      const { result } = evaluateCheck(c, logs(`${P}2025-09-30T12:17:35Z ERR failed to connect to database error="dial tcp 10.0.0.5:5432: connect: connection refused"\n`), ctx());
      assert.equal(result.verdict, 'fail');
      assert.match(result.reason, /database was not available at boot/);
    });
    it('no line at all → inconclusive, not "client never initialised"', () => {
      const { result } = evaluateCheck(c, logs(`${P}2025-09-30T12:17:35Z INF request served path=/health\n`), ctx());
      assert.equal(result.verdict, 'inconclusive');
      assert.equal(result.facts['startup.linesSeen'], false);
    });
  });

  describe('router /health (qw.3 / r.1)', () => {
    const c = check('qw.3', 'router-health');
    it('status "healthy" with 0 providers healthy is a failure', () => {
      const { result } = evaluateCheck(c, http(200, '{"status":"healthy","providers_total":3,"providers_healthy":0}'), ctx());
      assert.equal(result.verdict, 'fail');
      assert.equal(result.facts['router.providersHealthy'], 0);
      assert.equal(result.facts['router.reachable'], true);
      assert.equal(result.facts['router.healthLatencyMs'], 7);
    });
    it('connection refused → fail with router.down', () => {
      const { result, facts } = evaluateCheck(c, { ...http(0, ''), ok: false, status: undefined, error: 'ECONNREFUSED', errorMessage: 'ECONNREFUSED: connect' }, ctx());
      assert.equal(result.verdict, 'fail');
      assert.equal(result.reason, 'The router does not answer (ECONNREFUSED).');
      assert.equal(facts['router.down'].value, true);
      assert.equal(facts['router.reachable'].value, false);
    });
    it('healthy providers → pass', () => {
      const { result } = evaluateCheck(c, http(200, '{"status":"healthy","providers_total":3,"providers_healthy":2}'), ctx());
      assert.equal(result.verdict, 'pass');
      assert.equal(result.reason, 'Router /health: 2 of 3 providers healthy, 7 ms.');
    });
  });

  describe('circuit breaker (qw.5 / 1.5)', () => {
    it('no circuit metric → inconclusive "not exposed", never pass or fail', () => {
      const c = check('qw.5', 'circuit-metric');
      const body = '# TYPE jobs_failed_total counter\njobs_failed_total 12\njobs_processed_total 40\n';
      const { result } = evaluateCheck(c, { ...http(200, body), json: undefined, exposition: parsePrometheus(body) }, ctx());
      assert.equal(result.verdict, 'inconclusive');
      assert.match(result.reason, /not exposed by this runner/);
      assert.equal(result.facts['metrics.circuitSeries'], 0);
      assert.equal(result.facts['metrics.jobsFailed'], 12);
      assert.equal(result.facts['circuit.metricExposed'], false);
    });
    it('admin stats: state=open → fail; the text is read from the body', () => {
      const c = check('1.5', 'circuit-admin');
      const { result } = evaluateCheck(c, http(200, 'CircuitBreaker[redis]: state=open, failures=12\n'), ctx());
      assert.equal(result.verdict, 'fail');
      assert.equal(result.reason, 'The Redis circuit breaker is open (failures=12).');
    });
    it('a 429 is "rate limited, retry in N s" regardless of the rules', () => {
      const c = check('1.5', 'circuit-admin');
      const { result } = evaluateCheck(c, http(429, '{"error":"rate limited"}', { rateLimited: true, retryAfterSeconds: 8 }), ctx());
      assert.equal(result.verdict, 'error');
      assert.equal(result.reason, 'rate limited, retry in 8 s');
    });
  });

  describe('router test inference (r.2): judged on success / error_code, not the HTTP status', () => {
    const c = check('r.2', 'router-inference');
    it('HTTP 200 success:false PROVIDER_UNAVAILABLE → fail with router.noHealthyProviders', () => {
      const { result } = evaluateCheck(c, http(200, '{"success":false,"error":"No healthy providers available","error_code":"PROVIDER_UNAVAILABLE","failure":{"stage":"provider_selection"}}'), ctx());
      assert.equal(result.verdict, 'fail');
      assert.equal(result.facts['router.noHealthyProviders'], true);
      assert.equal(result.facts['router.failureStage'], 'provider_selection');
      assert.match(result.reason, /stage provider_selection\) in 7 ms/);
    });
    it('success:true → pass', () => {
      assert.equal(evaluateCheck(c, http(200, '{"success":true,"response":"hi"}'), ctx()).result.verdict, 'pass');
    });
  });

  describe('generic behaviour', () => {
    const custom = (over: object) => Check.parse({
      id: 'c', label: 'custom', probe: { type: 'shell', argv: ['${tool.flyctl}'] },
      otherwise: { verdict: 'pass', reason: 'fine ${fact:missing.fact} ${fact:n}' }, ...over,
    });

    it('missing facts render as "unknown"; target placeholders render in reasons', () => {
      const c = custom({ extract: [{ regex: 'n=(\\d+)', fact: 'n', type: 'number' }], rules: [{ when: { fact: 'n', op: 'gt', value: 5 }, verdict: 'warn', reason: '${runner.url} n=${fact:n}' }] });
      assert.equal(evaluateCheck(c, shell('n=3'), ctx()).result.reason, 'fine unknown 3');
      assert.equal(evaluateCheck(c, shell('n=9'), ctx()).result.reason, 'https://runner.example n=9');
      assert.equal(renderTemplate('${fact:a} ${nope}', () => undefined), 'unknown ${nope}');
    });

    it('regex modes: first, last, count, otherwise, named groups, from stderr', () => {
      const c = custom({ extract: [
        { regex: 'v=(\\d+)', fact: 'first', type: 'number' },
        { regex: 'v=(\\d+)', mode: 'last', fact: 'last', type: 'number' },
        { regex: 'v=\\d+', mode: 'count', fact: 'count' },
        { regex: 'nothing', fact: 'none', otherwise: 'dflt' },
        { regex: 'w=(?<w>\\w+)', group: 'w', fact: 'named' },
        { regex: 'E: (.*)', from: 'stderr', fact: 'err' },
        { regex: 'v=1', fact: 'flag' },
      ] });
      const { result } = evaluateCheck(c, shell('v=1 v=2\nv=3 w=abc', { stderr: 'E: oops', transcript: 'v=1 v=2\nv=3 w=abc\nE: oops' }), ctx());
      assert.deepEqual(
        [result.facts.first, result.facts.last, result.facts.count, result.facts.none, result.facts.named, result.facts.err, result.facts.flag],
        [1, 3, 3, 'dflt', 'abc', 'oops', true],
      );
    });

    it('derivations run in order (later ones override) and may read facts of earlier checks', () => {
      const c = custom({ derive: [
        { fact: 'd', when: { fact: 'other.step', op: 'eq', value: 'x' }, then: 'from-run' },
        { fact: 'd', when: { fact: 'other.step', op: 'eq', value: 'y' }, then: 'never', else: 'overridden' },
      ] });
      assert.equal(evaluateCheck(c, shell(''), ctx({ 'other.step': 'x' })).result.facts.d, 'overridden');
    });

    it('first matching rule wins; a rule sets its facts', () => {
      const c = custom({ rules: [
        { when: { fact: '$exitCode', op: 'eq', value: 0 }, verdict: 'fail', reason: 'first', facts: { 'set.by.rule': true } },
        { when: { fact: '$exitCode', op: 'eq', value: 0 }, verdict: 'warn', reason: 'second' },
      ] });
      const { result, facts } = evaluateCheck(c, shell(''), ctx());
      assert.equal(result.verdict, 'fail');
      assert.equal(facts['set.by.rule'].value, true);
    });

    it('no rule fired and the probe failed → error with the probe\'s error', () => {
      const c = custom({});
      const { result } = evaluateCheck(c, shell('', { ok: false, error: 'timeout', errorMessage: 'timed out after 5 s (the process tree was killed)' }), ctx());
      assert.equal(result.verdict, 'error');
      assert.equal(result.reason, 'timed out after 5 s (the process tree was killed)');
    });

    it('a failed probe is no evidence of absence: no defaults, no zero counts, only rules on $ facts', () => {
      const failed = (stdout: string) => shell(stdout, { ok: false, exitCode: 1, error: 'exit 1', errorMessage: 'exited with code 1: Error: Could not find App "beacon-runner-other"' });
      const env01 = evaluateCheck(check('0.1', 'hybrid-env'), failed(''), ctx());
      assert.equal(env01.result.verdict, 'error');
      assert.equal(env01.result.reason, 'exited with code 1: Error: Could not find App "beacon-runner-other"');
      assert.deepEqual(Object.keys(env01.facts), []);

      const startup = evaluateCheck(check('0.2', 'startup-lines'), { ...failed(''), lines: [] }, ctx());
      assert.equal(startup.result.verdict, 'error');
      assert.deepEqual(Object.keys(startup.facts), [], 'no logs.* = 0, no startup.linesSeen = false');

      const partial = evaluateCheck(check('qw.4', 'job-logs'), { ...failed('x'), lines: normaliseFlyLogs('2025-10-09T15:37:50.766 app[8575] lhr [info] 2025-09-30T12:17:35Z ERR Execution failed error={"Message":"No healthy providers available"} job_id=j', false) }, ctx());
      assert.equal(partial.facts['logs.noHealthyProviders'].value, 1, 'what was seen still counts');
      assert.equal(partial.facts['logs.executionFailures'].value, 1);
      assert.equal(partial.facts['logs.executorNil'], undefined);

      const psql = evaluateCheck(check('5.3', 'pg-activity'), shell('', { ok: false, exitCode: 2, error: 'exit 2', errorMessage: 'exited with code 2: psql: error: connection refused' }), ctx());
      assert.equal(psql.result.verdict, 'fail', 'a rule on $ok still judges the failure');
      assert.equal(psql.facts['db.unavailable'].value, true);
    });

    it('redacts output, reasons and string facts', () => {
      const c = custom({ extract: [{ regex: 'tok=(\\S+)', fact: 'tok' }, { regex: 'url=(\\S+)', fact: 'url' }], otherwise: { verdict: 'pass', reason: '${fact:tok} ${fact:url}' } });
      const out = 'tok=canary-admin-7f3a url=postgres://u:canary-db-pw@db/x\nAuthorization: Bearer canary-admin-7f3a\n';
      const { result, facts } = evaluateCheck(c, shell(out), ctx());
      const all = JSON.stringify({ result, facts });
      assert.ok(!all.includes('canary-admin-7f3a'), all);
      assert.ok(!all.includes('canary-db-pw'), all);
      assert.equal(result.facts.url, 'postgres://u:***@db/x');
    });
  });
});
