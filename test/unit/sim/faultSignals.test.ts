/**
 * Every fault shows in the signals the real system would show — env, startup lines, HTTP answers,
 * log lines — and only those: no output names the fault.
 */
import * as assert from 'node:assert/strict';
import { FAULT_NAMES, type KnownFaultName } from '../../../src/sim/faults';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';
import { flyctl, http, messages, postJson, runbookCheck, shellArgv } from './simTestUtil';

interface Expect {
  env: Record<string, string>;
  /** Exact startup lines (after the zerolog time and level) that must be in the runner's log page. */
  startup: string[];
  /** Patterns that must not be in the page. */
  absent: RegExp[];
  init: string | null;
  routerHealth: 'up' | 'refused' | 'slow' | 'no-providers';
  inference: 'success' | 'PROVIDER_UNAVAILABLE' | 'refused';
  breaker: 'closed' | 'open';
  jobs: number;
  /** A line every failing execution prints (null: executions succeed). */
  failure: RegExp | null;
}

const ENABLED = (sim: Simulator) => `INF Hybrid Router enabled hybrid_base=${sim.routerUrl}`;
const DISABLED = 'INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)';
const EXPLICIT = 'INF Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true';
const TIMEOUT_LINE = /ERR question execution failed error="hybrid network error at http:\/\/127\.0\.0\.1:\d+\/inference: Post \\"http:\/\/127\.0\.0\.1:\d+\/inference\\": context deadline exceeded \(Client\.Timeout exceeded while awaiting headers\)"/;

function table(sim: Simulator): Record<KnownFaultName, Expect> {
  const base = { HYBRID_BASE: sim.routerUrl, HYBRID_ROUTER_URL: '', ENABLE_HYBRID_DEFAULT: '', HYBRID_ROUTER_DISABLE: '', HYBRID_ROUTER_TIMEOUT: '', HYBRID_TIMEOUT: '' };
  const init300 = `[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=${sim.routerUrl}`;
  const ok = { routerHealth: 'up' as const, inference: 'success' as const, breaker: 'closed' as const, jobs: 202 };
  return {
    healthy: { env: base, startup: [ENABLED(sim)], absent: [/Hybrid Router (disabled|explicitly)/, /ERR /], init: init300, ...ok, failure: null },
    'missing-hybrid-config': { env: { ...base, HYBRID_BASE: '' }, startup: [DISABLED], absent: [/Hybrid Router enabled/, /HYBRID_CLIENT_INIT/], init: null, ...ok, failure: /ERR question execution failed error="golem executor: no provider configured"/ },
    'hybrid-disabled': { env: { ...base, HYBRID_ROUTER_DISABLE: 'true' }, startup: [EXPLICIT], absent: [/Hybrid Router enabled/, /HYBRID_CLIENT_INIT/], init: null, ...ok, failure: /golem executor: no provider configured/ },
    'router-down': { env: base, startup: [ENABLED(sim)], absent: [], init: init300, ...ok, routerHealth: 'refused', inference: 'refused', failure: /ERR question execution failed error=".*dial tcp 127\.0\.0\.1:\d+: connect: connection refused"/ },
    'router-slow': { env: base, startup: [ENABLED(sim)], absent: [], init: init300, ...ok, routerHealth: 'slow', failure: TIMEOUT_LINE },
    'no-healthy-providers': { env: base, startup: [ENABLED(sim)], absent: [], init: init300, ...ok, routerHealth: 'no-providers', inference: 'PROVIDER_UNAVAILABLE', failure: /ERR Execution failed error=\{"Message":"No healthy providers available","Type":"router_error"\} job_id=\S+ provider=modal-us-east$/ },
    'circuit-open': { env: base, startup: [], absent: [/Hybrid Router/, /HYBRID_CLIENT_INIT/], init: null, ...ok, breaker: 'open', failure: /ERR Execution failed error="redis: circuit breaker is open"/ },
    'timeout-too-short': { env: { ...base, HYBRID_ROUTER_TIMEOUT: '5' }, startup: [ENABLED(sim)], absent: [], init: `[HYBRID_CLIENT_INIT] timeout=5s source=HYBRID_ROUTER_TIMEOUT env_value="5" url=${sim.routerUrl}`, ...ok, failure: TIMEOUT_LINE },
    'database-unavailable': { env: base, startup: ['ERR failed to connect to database error="dial tcp 127.0.0.1:5432: connect: connection refused" attempt=1'], absent: [/Hybrid Router/, /HYBRID_CLIENT_INIT/, /executing multi-model job/], init: null, ...ok, jobs: 503, failure: null },
    'executor-bug': { env: base, startup: [ENABLED(sim)], absent: [/\[HYBRID_CLIENT\]/], init: init300, ...ok, failure: /ERR question execution failed error="spec has no question or no model"/ },
  };
}

describe('sim/fault signals', () => {
  for (const fault of FAULT_NAMES) {
    describe(fault, () => {
      let sim: Simulator;
      let exp: Expect;
      const seen: string[] = [];
      before(async () => {
        sim = await startSimulator({ fault, slowMs: 300, slowInferenceMs: 300 });
        exp = table(sim)[fault];
      });
      after(async () => {
        await sim.stop();
        const others = FAULT_NAMES.filter((f) => f !== 'healthy');
        for (const text of seen) for (const f of others) assert.ok(!text.includes(f), `an output names the fault "${f}"`);
        assert.ok(seen.length >= 5);
      });

      it('faults reports it', () => {
        assert.deepEqual(sim.faults, [fault]);
      });

      it("env: the runbook's 0.1 command prints the six variables", async () => {
        const argv = shellArgv(sim, runbookCheck('0.1', 'hybrid-env'));
        const r = await flyctl(sim, argv.slice(1));
        seen.push(r.stdout, r.stderr);
        assert.equal(r.code, 0, r.stderr);
        const printed = Object.fromEntries(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
        assert.deepEqual(printed, exp.env);
      });

      it('startup lines in `flyctl logs --no-tail`', async () => {
        const r = await flyctl(sim, ['logs', '-a', sim.flyApp, '--no-tail']);
        seen.push(r.stdout);
        assert.equal(r.code, 0);
        const lines = messages(r.stdout);
        assert.ok(lines.length > 20 && lines.length <= 100, `${lines.length} lines`);
        const body = lines.map((l) => l.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /, ''));
        for (const s of exp.startup) assert.ok(body.includes(s), `missing startup line: ${s}\n${body.join('\n')}`);
        for (const re of exp.absent) assert.ok(!body.some((l) => re.test(l)), `unexpected line matching ${re}`);
        const init = body.filter((l) => l.startsWith('[HYBRID_CLIENT_INIT]'));
        if (exp.init === null) assert.equal(init.length, 0);
        else {
          assert.ok(init.length >= 1 && init.length <= 3, `${init.length} INIT lines`);
          assert.ok(init.every((l) => l === exp.init), init.join('\n'));
        }
        if (exp.failure) assert.ok(body.some((l) => exp.failure!.test(l)), `no line matching ${exp.failure}\n${body.join('\n')}`);
        else assert.ok(!body.some((l) => /Execution failed|question execution failed|\[EXEC\] ERROR/.test(l)));
      });

      it('the router over HTTP', async () => {
        if (exp.routerHealth === 'refused') {
          await assert.rejects(http(sim.routerUrl + '/health'), /ECONNREFUSED/);
          await assert.rejects(postJson(sim.routerUrl + '/inference', { model: 'm', prompt: 'p' }), /ECONNREFUSED/);
          return;
        }
        const h = await http(sim.routerUrl + '/health');
        seen.push(h.body, JSON.stringify(h.headers));
        const body = JSON.parse(h.body);
        assert.equal(body.status, 'healthy');
        assert.equal(body.providers_healthy, exp.routerHealth === 'no-providers' ? 0 : 3);
        if (exp.routerHealth === 'slow') assert.ok(h.ms >= 290, `${h.ms} ms`);
        else assert.ok(h.ms < 250, `${h.ms} ms`);
        const i = await postJson(sim.routerUrl + '/inference', { model: 'llama3.2-1b', prompt: 'test' });
        seen.push(i.body);
        const ib = JSON.parse(i.body);
        assert.equal(i.status, 200);
        if (exp.inference === 'success') assert.equal(ib.success, true);
        else assert.equal(ib.error_code, exp.inference);
      });

      it('the runner over HTTP: breaker state, jobs API', async () => {
        const b = await http(sim.runnerUrl + '/admin/circuit-breaker-stats', { headers: { authorization: `Bearer ${sim.adminToken}` } });
        seen.push(b.body, JSON.stringify(b.headers));
        assert.equal(b.body, `CircuitBreaker[redis]: state=${exp.breaker}, failures=${exp.breaker === 'open' ? 5 : 0}\n`);
        const j = await postJson(sim.runnerUrl + '/api/v1/jobs', { questions: ['q'] });
        seen.push(j.body);
        assert.equal(j.status, exp.jobs);
        const m = await http(sim.runnerUrl + '/api/v1/metrics');
        seen.push(m.body);
      });
    });
  }

  it('combined faults: missing config and the router down at once', async () => {
    const sim = await startSimulator({ fault: ['missing-hybrid-config', 'router-down'] });
    try {
      assert.deepEqual(sim.faults, ['missing-hybrid-config', 'router-down']);
      await assert.rejects(http(sim.routerUrl + '/health'), /ECONNREFUSED/);
      const lines = messages((await flyctl(sim, ['logs', '-a', sim.flyApp, '--no-tail'])).stdout);
      assert.ok(lines.some((l) => l.endsWith(DISABLED)));
      // the runner never calls the router: its failures are the Golem executor's, not connection refused
      assert.ok(!lines.some((l) => /connection refused/.test(l)));
    } finally {
      await sim.stop();
    }
  });

  it('setFault re-creates the world (the router port opens and closes with it)', async () => {
    const sim = await startSimulator({ fault: 'router-down' });
    try {
      await assert.rejects(http(sim.routerUrl + '/health'), /ECONNREFUSED/);
      await sim.setFault('no-healthy-providers');
      assert.deepEqual(sim.faults, ['no-healthy-providers']);
      assert.equal(JSON.parse((await http(sim.routerUrl + '/health')).body).providers_healthy, 0);
      await sim.setFault(['router-down', 'circuit-open']);
      await assert.rejects(http(sim.routerUrl + '/health'), /ECONNREFUSED/);
      assert.deepEqual(sim.faults, ['router-down', 'circuit-open']);
    } finally {
      await sim.stop();
    }
  });
});
