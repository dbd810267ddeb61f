// The log classifier on every sample line of BEACON-FACTS.md (literally, including the "…" the
// document uses for elided values), on the plan's instrumentation lines, and on lines of our own:
// Fly prefixes, ANSI colours, JSON, indented `flyctl logs --json` objects.
import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { applyLogSignals } from '../../../src/engine/logs/logSignals';
import { normaliseLogLine } from '../../../src/engine/logs/logLines';
import {
  classifyLine,
  classifyLogText,
  LogClassifier,
  LogFactAccumulator,
  parseGoDurationMs,
  type LineClassification,
} from '../../../src/diagnosis/logClassifier';

let rb: Runbook;
const facts = (c: LineClassification) => Object.fromEntries(c.facts.map((f) => [f.fact, f.value]));
const runner = (line: string) => facts(classifyLine(rb.logSignals, line, 'runner'));
const router = (line: string) => facts(classifyLine(rb.logSignals, line, 'router'));

describe('diagnosis/logClassifier', () => {
  before(function () {
    this.timeout(20_000); // the first load compiles the zod schema
    rb = loadBuiltinRunbook();
  });

  describe('BEACON-FACTS sample lines (literal)', () => {
    it('zerolog console: an ordinary job line says nothing', () => {
      const c = classifyLine(rb.logSignals, '2025-09-30T12:17:35Z INF executing multi-model job job_id=dedup-test-1759234649 model_count=2');
      assert.deepEqual(c.facts, []);
      assert.equal(c.line.level, 'info');
      assert.equal(c.line.fields.job_id, 'dedup-test-1759234649');
    });

    it('an error value that is a JSON object: router_error / No healthy providers available', () => {
      const f = runner('… ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=… provider=modal-us-east');
      assert.equal(f['logs.executionFailures'], 1);
      assert.equal(f['logs.noHealthyProviders'], 1);
      assert.equal(f['logs.routerErrors'], 1);
      assert.equal(f['logs.lastErrorType'], 'router_error');
      assert.equal(f['logs.lastErrorMessage'], 'No healthy providers available');
      assert.equal(f['logs.lastErrorProvider'], 'modal-us-east');
    });

    it('zerolog JSON (GIN_MODE=release)', () => {
      const c = classifyLine(rb.logSignals, '{"level":"error","job_id":"…","time":"…","message":"question execution failed"}');
      const f = facts(c);
      assert.equal(f['logs.executionFailures'], 1);
      assert.equal(f['logs.errorLines'], 1);
      assert.equal(c.line.format, 'json');
    });

    it('the flyctl logs prefix is stripped', () => {
      const c = classifyLine(rb.logSignals, '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] <line>');
      assert.equal(c.line.text, '<line>');
      assert.equal(c.line.region, 'lhr');
      assert.deepEqual(c.facts, []);
    });

    it('plain fmt.Printf lines: [HYBRID_CLIENT_INIT] … and [EXEC] ERROR: …', () => {
      assert.deepEqual(runner('[HYBRID_CLIENT_INIT] …'), { 'startup.clientInitCount': 1 });
      assert.equal(runner('[EXEC] ERROR: …')['logs.executionFailures'], 1);
    });

    it('startup: Hybrid Router enabled hybrid_base=<url>', () => {
      const f = runner('2025-10-09T15:37:50Z INF Hybrid Router enabled hybrid_base=https://project-beacon-production.up.railway.app');
      assert.equal(f['startup.hybridEnabled'], true);
      assert.equal(f['startup.hybridBase'], 'https://project-beacon-production.up.railway.app');
      assert.equal(f['startup.hybridDisabled'], undefined);
    });

    it('startup: Hybrid Router enabled (default)', () => {
      const f = runner('Hybrid Router enabled (default)');
      assert.equal(f['startup.hybridEnabled'], true);
    });

    it('startup: Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)', () => {
      const f = runner('Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)');
      assert.equal(f['startup.hybridDisabled'], true);
      assert.equal(f['startup.explicitlyDisabled'], undefined);
      assert.equal(f['startup.hybridEnabled'], undefined);
    });

    it('startup: Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true (a grep for "disabled" misses it)', () => {
      const f = runner('Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true');
      assert.equal(f['startup.explicitlyDisabled'], true);
      assert.equal(f['startup.hybridDisabled'], undefined);
    });

    it('startup: [HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://…', () => {
      const f = runner('[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://…');
      assert.equal(f['startup.clientInitCount'], 1);
      assert.equal(f['startup.clientInitTimeout'], 300);
      assert.equal(f['startup.clientInitSource'], 'default');
      assert.equal(f['startup.clientInitEnvValue'], '');
      assert.equal(f['startup.clientInitUrl'], 'https://…');
    });

    it('[HYBRID_CLIENT_INIT] sources with "(invalid)"', () => {
      const f = runner('[HYBRID_CLIENT_INIT] timeout=300s source=HYBRID_ROUTER_TIMEOUT (invalid) env_value="300s" url=https://r.example');
      assert.equal(f['startup.clientInitSource'], 'HYBRID_ROUTER_TIMEOUT (invalid)');
      assert.equal(f['startup.clientInitEnvValue'], '300s');
      assert.equal(f['startup.clientInitTimeout'], 300);
    });

    it('router: 🔍 [HEALTH_CHECK] Starting health check for <provider>', () => {
      const f = router('🔍 [HEALTH_CHECK] Starting health check for <provider>');
      assert.equal(f['routerLogs.healthChecks'], 1);
      assert.equal(f['routerLogs.healthCheckFailures'], undefined);
    });

    it('router: ✅ [HEALTH_CHECK] <provider> is HEALTHY (success=…)', () => {
      const f = router('✅ [HEALTH_CHECK] <provider> is HEALTHY (success=…)');
      assert.equal(f['routerLogs.healthyProviders'], 1);
      assert.equal(f['routerLogs.lastHealthyProvider'], '<provider>');
    });

    it('router: ❌ [HEALTH_CHECK] <provider> failed: …', () => {
      const f = router('❌ [HEALTH_CHECK] <provider> failed: …');
      assert.equal(f['routerLogs.healthCheckFailures'], 1);
      assert.equal(f['routerLogs.lastFailedProvider'], '<provider>');
      assert.equal(f['routerLogs.lastFailureReason'], '…');
    });

    it('router: [SELECT_PROVIDER] Total providers: N, NO HEALTHY PROVIDERS!, No healthy providers available for region', () => {
      assert.equal(router('[SELECT_PROVIDER] Total providers: 3')['routerLogs.totalProviders'], 3);
      assert.equal(router('[SELECT_PROVIDER] NO HEALTHY PROVIDERS! …')['routerLogs.noHealthyProviders'], 1);
      assert.equal(router('No healthy providers available for region <region>')['routerLogs.noHealthyProviders'], 1);
    });

    it('the Redis breaker: CircuitBreaker[<name>]: state=open, failures=N', () => {
      assert.equal(runner('CircuitBreaker[redis]: state=open, failures=12')['logs.circuitOpen'], 1);
      assert.equal(runner('CircuitBreaker[redis]: state=closed, failures=0')['logs.circuitOpen'], undefined);
    });

    it('router signals are not read from runner logs, and the other way round', () => {
      assert.deepEqual(runner('❌ [HEALTH_CHECK] modal failed: 404'), {});
      assert.deepEqual(router('Hybrid Router enabled hybrid_base=x'), {});
    });
  });

  describe("the plan's instrumentation markers", () => {
    it('TRACE: executeQuestion ENTRY, with the executor type', () => {
      const f = runner('2025-10-22T10:00:00Z INF 🔍 TRACE: executeQuestion ENTRY executor_nil=false executor_type=*worker.HybridExecutor job_id=j1 model_id=llama3.2-1b question_id=q1 region=us-east');
      assert.equal(f['logs.traceLines'], 1);
      assert.equal(f['logs.traceEntries'], 1);
      assert.equal(f['logs.executorType'], '*worker.HybridExecutor');
    });

    it('executor.Execute() RETURNED with its duration (zerolog Dur → ms, duration_nanosec exact)', () => {
      const f = runner('2025-10-22T10:00:00Z INF 🔍 TRACE: executor.Execute() RETURNED duration_ms=12.5 duration_nanosec=12500000 has_error=true job_id=j1 output_len=0 provider_id= receipt_len=0 status=failed');
      assert.equal(f['logs.executeReturned'], 1);
      assert.equal(f['logs.executeDurationMs'], 12.5);
      assert.equal(f['logs.fastExecutions'], 1);
    });

    it('RETURNED without duration_nanosec: duration_ms is read; slow executions are not "fast"', () => {
      const f = runner('{"level":"info","duration_ms":4200.25,"status":"completed","message":"🔍 TRACE: executor.Execute() RETURNED"}');
      assert.equal(f['logs.executeDurationMs'], 4200.25);
      assert.equal(f['logs.fastExecutions'], undefined);
    });

    it('🚨 CRITICAL: executor is NIL! / hybrid client is NIL!', () => {
      assert.equal(runner('2025-10-22T10:00:00Z ERR 🚨 CRITICAL: executor is NIL! job_id=j1 region=us-east')['logs.executorNil'], 1);
      assert.equal(runner('2025-10-22T10:00:00Z ERR 🚨 CRITICAL: hybrid client is NIL!')['logs.clientNil'], 1);
    });

    it('SUSPICIOUS, PANIC RECOVERED, Context cancelled', () => {
      assert.equal(runner('WRN 🚨 SUSPICIOUS: Execution completed in <100ms - likely immediate failure duration=3.2ms status=failed')['logs.suspicious'], 1);
      assert.equal(runner('ERR 🚨 PANIC RECOVERED in executeQuestion job_id=j1 panic="runtime error"')['logs.panics'], 1);
      assert.equal(runner('WRN 🚨 Context cancelled during execution error="context canceled" job_id=j1')['logs.contextCancelled'], 1);
    });

    it('[HYBRID_CLIENT] request lines, response status and elapsed time', () => {
      assert.equal(runner('[HYBRID_CLIENT] 🔍 Starting inference request')['logs.hybridRequests'], 1);
      assert.equal(runner('[HYBRID_CLIENT] 🚀 Sending HTTP request...')['logs.hybridRequests'], 1);
      const ok = runner('[HYBRID_CLIENT] ✅ HTTP response received after 2.345ms');
      assert.equal(ok['logs.hybridElapsedMs'], 2.345);
      assert.equal(ok['logs.hybridErrors'], undefined);
      assert.equal(runner('[HYBRID_CLIENT]   Status: 200')['logs.hybridStatus'], 200);
      assert.equal(runner('[HYBRID_CLIENT]   Timeout: 5m0s')['logs.hybridTimeoutSeconds'], 300);
    });

    it('[HYBRID_CLIENT] connection refused', () => {
      const f = runner('[HYBRID_CLIENT] ❌ HTTP error after 1.1ms: Post "http://127.0.0.1:9/inference": dial tcp 127.0.0.1:9: connect: connection refused');
      assert.equal(f['logs.hybridErrors'], 1);
      assert.equal(f['logs.connectionRefused'], 1);
      assert.equal(f['logs.hybridElapsedMs'], 1.1);
      assert.equal(f['logs.databaseErrors'], undefined);
    });

    it('[HYBRID_CLIENT] timeout', () => {
      const f = runner('[HYBRID_CLIENT] ❌ HTTP error after 10.001s: Post "https://r.example/inference": context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
      assert.equal(f['logs.hybridTimeouts'], 1);
      assert.equal(f['logs.hybridErrors'], 1);
      assert.equal(f['logs.hybridElapsedMs'], 10001);
    });

    it('HTTP 429 from the provider, in its spellings', () => {
      assert.equal(runner('[HYBRID_CLIENT]   Status: 429')['logs.httpStatus429'], 1);
      assert.equal(runner('ERR inference failed status_code=429 provider=modal-us-east')['logs.httpStatus429'], 1);
      assert.equal(runner('ERR provider answered 429 Too Many Requests')['logs.httpStatus429'], 1);
      assert.equal(runner('ERR provider answered 429 Too Many Requests')['logs.provider429'], 1);
      assert.equal(runner('INF processed 429 jobs')['logs.httpStatus429'], undefined);
    });

    it('PROVIDER_UNAVAILABLE and database errors', () => {
      assert.equal(runner('ERR inference failed error_code=PROVIDER_UNAVAILABLE')['logs.providerUnavailable'], 1);
      assert.equal(runner('ERR failed to connect to database error="dial tcp 10.0.0.5:5432: connect: connection refused"')['logs.databaseErrors'], 1);
    });
  });

  describe('formats of our own', () => {
    it('ANSI colour codes (zerolog ConsoleWriter) are stripped before matching', () => {
      const raw = '\x1b[90m2025-10-22T10:00:00Z\x1b[0m \x1b[31mERR\x1b[0m Execution failed \x1b[36merror=\x1b[0m{"Message":"No healthy providers available","Type":"router_error"} \x1b[36mprovider=\x1b[0mmodal-eu-west';
      const f = runner(raw);
      assert.equal(f['logs.noHealthyProviders'], 1);
      assert.equal(f['logs.lastErrorType'], 'router_error');
      assert.equal(f['logs.lastErrorProvider'], 'modal-eu-west');
    });

    it('Fly prefix + zerolog console + JSON error value', () => {
      const f = runner('2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:50Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=j7 provider=modal-us-east');
      assert.equal(f['logs.lastErrorType'], 'router_error');
      assert.equal(f['logs.errorLines'], 1);
    });

    it('JSON line whose error is a nested object', () => {
      const f = runner('{"level":"error","error":{"Message":"No healthy providers available","Type":"router_error"},"message":"Execution failed"}');
      assert.equal(f['logs.lastErrorType'], 'router_error');
      assert.equal(f['logs.lastErrorMessage'], 'No healthy providers available');
    });

    it('a plain error string is kept as logs.lastError', () => {
      assert.equal(runner('2025-10-22T10:00:00Z ERR question execution failed error="hybrid client is nil"')['logs.lastError'], 'hybrid client is nil');
    });

    it('Go durations', () => {
      assert.equal(parseGoDurationMs('1.5ms'), 1.5);
      assert.equal(parseGoDurationMs('850µs'), 0.85);
      assert.equal(parseGoDurationMs('2m3.5s'), 123500);
      assert.equal(parseGoDurationMs('120ns'), 0.00012);
      assert.equal(parseGoDurationMs('12'), 12);
      assert.equal(parseGoDurationMs('fast'), undefined);
      assert.equal(parseGoDurationMs('3ms and more'), undefined);
    });
  });

  describe('accumulating line by line', () => {
    const LOG = [
      '2025-10-09T15:30:00.001 app[857509c4e7d578] lhr [info] 2025-10-09T15:30:00Z INF Hybrid Router enabled hybrid_base=https://r.example',
      '2025-10-09T15:30:00.002 app[857509c4e7d578] lhr [info] [HYBRID_CLIENT_INIT] timeout=10s source=HYBRID_ROUTER_TIMEOUT env_value="10" url=https://r.example',
      '2025-10-09T15:30:00.003 app[857509c4e7d578] lhr [info] [HYBRID_CLIENT_INIT] timeout=10s source=HYBRID_ROUTER_TIMEOUT env_value="10" url=https://r.example',
      '2025-10-09T15:37:50.100 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:50Z INF 🔍 TRACE: executor.Execute() RETURNED duration_ms=18.2 duration_nanosec=18200000 status=failed',
      '2025-10-09T15:37:50.200 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:50Z INF 🔍 TRACE: executor.Execute() RETURNED duration_ms=9.75 duration_nanosec=9750000 status=failed',
      '2025-10-09T15:37:50.300 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:50Z INF 🔍 TRACE: executor.Execute() RETURNED duration_ms=350 duration_nanosec=350000000 status=completed',
      '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:50Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=j1 provider=modal-us-east',
      '2025-10-09T15:37:51.766 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:51Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=j2 provider=modal-eu-west',
    ];

    it('counts add up, flags OR, values keep the last line, min/max keep the extreme line', () => {
      const c = LogClassifier.forRunbook(rb);
      for (const l of LOG) c.push(l);
      const f = c.facts();
      assert.equal(c.linesSeen, LOG.length);
      assert.equal(f['startup.clientInitCount'].value, 2);
      assert.equal(f['startup.clientInitTimeout'].value, 10);
      assert.equal(f['startup.hybridEnabled'].value, true);
      assert.equal(f['startup.hybridEnabled'].line, LOG[0]);
      assert.equal(f['startup.hybridDisabled'].value, false);
      assert.equal(f['startup.hybridDisabled'].line, null);
      assert.equal(f['logs.executeReturned'].value, 3);
      assert.equal(f['logs.minExecuteDurationMs'].value, 9.75);
      assert.equal(f['logs.minExecuteDurationMs'].line, LOG[4]);
      assert.equal(f['logs.maxExecuteDurationMs'].value, 350);
      assert.equal(f['logs.maxExecuteDurationMs'].line, LOG[5]);
      assert.equal(f['logs.executeDurationMs'].value, 350);
      assert.equal(f['logs.fastExecutions'].value, 2);
      assert.equal(f['logs.noHealthyProviders'].value, 2);
      assert.equal(f['logs.noHealthyProviders'].line, LOG[7]);
      assert.equal(f['logs.lastErrorProvider'].value, 'modal-eu-west');
    });

    it("the signal facts equal the engine's applyLogSignals over the same lines (one reading of the logs)", () => {
      const acc = new LogFactAccumulator(rb.logSignals, 'runner');
      for (const l of LOG) acc.add(classifyLine(rb.logSignals, l, 'runner'));
      const mine = acc.facts();
      const engine = applyLogSignals(rb.logSignals, LOG.map(normaliseLogLine), 'runner');
      for (const [name, sf] of Object.entries(engine)) {
        assert.deepEqual(mine[name]?.value, sf.value, name);
        if (sf.line !== undefined) assert.equal(normaliseLogLine(mine[name].line!).text, sf.line, name);
      }
      const signalFacts = rb.logSignals.filter((s) => s.source !== 'router').map((s) => s.fact);
      for (const name of signalFacts) assert.equal(name in mine, name in engine, name);
    });

    it('with no lines, counts are 0 and flags false, like an empty log', () => {
      const f = new LogClassifier(rb.logSignals).facts();
      assert.equal(f['logs.executionFailures'].value, 0);
      assert.equal(f['startup.hybridEnabled'].value, false);
      assert.equal(f['startup.clientInitTimeout'], undefined);
    });

    it('chunks split mid-line are joined before classifying', () => {
      const text = LOG.join('\n');
      const c = new LogClassifier(rb.logSignals);
      const cut = [17, 250, 251, 600, text.length];
      let from = 0;
      const seen: LineClassification[] = [];
      for (const to of cut) {
        seen.push(...c.pushChunk(text.slice(from, to)));
        from = to;
      }
      seen.push(...c.flush());
      assert.equal(seen.length, LOG.length);
      assert.deepEqual(c.facts(), classifyLogText(rb.logSignals, text));
    });

    it('router logs accumulate separately', () => {
      const f = classifyLogText(
        rb.logSignals,
        [
          '2025-10-09 15:30:00,001 - hybrid_router - INFO - 🔍 [HEALTH_CHECK] Starting health check for modal-us-east',
          '2025-10-09 15:30:00,101 - hybrid_router - ERROR - ❌ [HEALTH_CHECK] modal-us-east failed: HTTP 404',
          '2025-10-09 15:30:00,201 - hybrid_router - ERROR - [SELECT_PROVIDER] Total providers: 2',
          '2025-10-09 15:30:00,202 - hybrid_router - ERROR - [SELECT_PROVIDER] NO HEALTHY PROVIDERS! all 2 unhealthy',
        ].join('\n'),
        'router',
      );
      assert.equal(f['routerLogs.healthChecks'].value, 2);
      assert.equal(f['routerLogs.healthCheckFailures'].value, 1);
      assert.equal(f['routerLogs.healthyProviders'].value, 0);
      assert.equal(f['routerLogs.noHealthyProviders'].value, 1);
      assert.equal(f['routerLogs.lastFailureReason'].value, 'HTTP 404');
      assert.equal(f['routerLogs.totalProviders'].value, 2);
      assert.equal(f['logs.executionFailures'], undefined);
    });
  });
});
