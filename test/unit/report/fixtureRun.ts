/**
 * A realistic run for the report tests: the Quick Win Checklist against an environment whose
 * runner has no hybrid configuration (the plan's cause 1), diagnosed by the real diagnosis. The
 * outputs carry what the real world sends: ANSI colours, HTML-looking text, a leaked token.
 */
import * as path from 'node:path';
import { diagnose } from '../../../src/diagnosis/diagnose';
import type { RunOutcome } from '../../../src/engine/runner';
import type { CheckResult, Facts, StepResult, Target } from '../../../src/engine/types';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import type { InstrumentationStatus } from '../../../src/report/instrumentationStatus';
import { recordFromRun } from '../../../src/report/recordFromRun';
import type { DrawableRecord } from '../../../src/report/runRecord';

export const ROOT = path.resolve(__dirname, '../../../..');
export const CANARY_TOKEN = 'canary-admin-token-7f3a9c1e5b2d';
export const CANARY_DB_PASSWORD = 'canaryDbPassw0rd9d8e';

let cached: Runbook | undefined;
export function runbook(): Runbook {
  return (cached ??= loadBuiltinRunbook(ROOT));
}

export function target(): Target {
  return {
    name: 'production',
    flyApp: 'beacon-runner-production',
    runnerUrl: 'https://beacon-runner-production.fly.dev',
    routerUrl: 'https://project-beacon-production.up.railway.app',
    flyctlPath: 'flyctl',
    psqlPath: 'psql',
    adminToken: CANARY_TOKEN,
    databaseUrl: `postgres://beacon:${CANARY_DB_PASSWORD}@db.internal:5432/beacon`,
    production: true,
  };
}

const T0 = Date.parse('2025-10-22T10:15:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function check(c: Partial<CheckResult> & Pick<CheckResult, 'id' | 'label' | 'verdict' | 'reason' | 'output'>): CheckResult {
  return { durationMs: 420, command: 'flyctl', facts: {}, ...c };
}

function step(id: string, title: string, startMs: number, durationMs: number, checks: CheckResult[], facts: StepResult['facts'] = {}): StepResult {
  const verdictOrder = ['fail', 'error', 'warn', 'inconclusive', 'pass', 'skipped'] as const;
  const verdict = verdictOrder.find((v) => checks.some((c) => c.verdict === v)) ?? 'skipped';
  return {
    id,
    title,
    verdict,
    reason: checks.find((c) => c.verdict === verdict)?.reason ?? '',
    durationMs,
    startedAt: at(startMs),
    finishedAt: at(startMs + durationMs),
    checks,
    facts,
  };
}

const HYBRID_ENV = ['HYBRID_BASE=', 'HYBRID_ROUTER_URL=', 'ENABLE_HYBRID_DEFAULT=', 'HYBRID_ROUTER_DISABLE=', 'HYBRID_ROUTER_TIMEOUT=', 'HYBRID_TIMEOUT=', ''].join('\n');

export const HOSTILE_LINE = '<img src=x onerror=alert(1)> [click](javascript:alert(2)) </script>';

const RUNNER_LOGS = [
  '2025-10-22T10:02:11Z app[e784] ams [info] \x1b[32mINF\x1b[0m Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)',
  '2025-10-22T10:14:58Z app[e784] ams [info] \x1b[31mERR\x1b[0m question execution failed error="golem: no provider for job" job_id=bf2a duration=14ms',
  '2025-10-22T10:14:59Z app[e784] ams [info] \x1b[31mERR\x1b[0m question execution failed error="golem: no provider for job" job_id=bf2b duration=12ms',
  `2025-10-22T10:14:59Z app[e784] ams [info] WRN retrying with Authorization: Bearer ${CANARY_TOKEN}`,
  `2025-10-22T10:14:59Z app[e784] ams [info] WRN user note: ${HOSTILE_LINE}`,
  '',
].join('\n');

/** The steps of the run, with the facts they produced. */
export function results(): { results: StepResult[]; facts: Facts } {
  const qw1 = step('qw.1', 'Check hybrid env vars', 10, 1310, [
    check({
      id: 'hybrid-env',
      label: 'the runner\'s hybrid variables',
      verdict: 'fail',
      reason: 'HYBRID_BASE and HYBRID_ROUTER_URL are empty and ENABLE_HYBRID_DEFAULT is not 1: hybrid is not configured, the runner uses the Golem executor.',
      command: 'flyctl ssh console -a beacon-runner-production -C "sh -c \'echo …\'"',
      vantage: 'runner container',
      durationMs: 1300,
      output: HYBRID_ENV,
      facts: { 'env.HYBRID_BASE': '', 'env.HYBRID_ROUTER_URL': '', 'hybrid.configured': false, 'hybrid.disabled': false },
    }),
  ], { 'hybrid.configured': false, 'hybrid.disabled': false });
  const qw2 = step('qw.2', 'Check executor type', 12, 2105, [
    check({
      id: 'startup-lines',
      label: 'hybrid startup lines in the runner\'s logs',
      verdict: 'fail',
      reason: '"Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)" — the executor is Golem.',
      command: 'flyctl logs -a beacon-runner-production --no-tail',
      vantage: 'this machine',
      durationMs: 2100,
      output: RUNNER_LOGS,
      facts: { 'startup.hybridDisabled': true, 'startup.hybridEnabled': false, 'startup.linesSeen': true },
    }),
  ], { 'startup.hybridDisabled': true, 'startup.linesSeen': true });
  const qw3 = step('qw.3', 'Test hybrid router', 11, 90, [
    check({
      id: 'router-health',
      label: 'router /health from this machine',
      verdict: 'pass',
      reason: 'Router /health: 2 of 2 providers healthy, 84 ms.',
      command: 'GET https://project-beacon-production.up.railway.app/health',
      vantage: 'this machine',
      durationMs: 84,
      output: '{"status":"healthy","providers_healthy":2,"providers_total":2}\n',
      facts: { 'router.reachable': true, 'router.providersHealthy': 2, 'router.healthLatencyMs': 84 },
    }),
  ], { 'router.reachable': true, 'router.providersHealthy': 2 });
  const qw4 = step('qw.4', 'Check recent job logs', 12, 2110, [
    check({
      id: 'job-logs',
      label: 'recent job lines in the runner\'s logs',
      verdict: 'fail',
      reason: '2 failed execution line(s); TRACE lines: 0.',
      command: 'flyctl logs -a beacon-runner-production --no-tail',
      vantage: 'this machine',
      durationMs: 3,
      cached: true,
      output: RUNNER_LOGS,
      facts: { 'logs.executionFailures': 2, 'logs.traceLines': 0, 'logs.hybridRequests': 0, 'logs.noHealthyProviders': 0 },
    }),
  ]);
  const qw5 = step('qw.5', 'Check circuit breaker', 11, 130, [
    check({
      id: 'circuit-metric',
      label: 'circuit-breaker series in /api/v1/metrics',
      verdict: 'inconclusive',
      reason: 'No circuit-breaker metric: not exposed by this runner (the hybrid client has no circuit breaker).',
      command: 'GET https://beacon-runner-production.fly.dev/api/v1/metrics',
      vantage: 'this machine',
      durationMs: 128,
      output: '# HELP jobs_processed_total Jobs processed\n# TYPE jobs_processed_total counter\njobs_processed_total 1289\njobs_failed_total 1289\n',
      facts: { 'circuit.metricExposed': false },
    }),
  ]);
  // Phase 0 reads the same answers (the run's per-endpoint cache)
  const s01 = step('0.1', 'Verify Hybrid Client Initialization', 1320, 2, qw1.checks.map((c) => ({ ...c, durationMs: 1, cached: true })), qw1.facts);
  const s02 = step('0.2', 'Check Startup Logs for Hybrid Initialization', 2120, 2, qw2.checks.map((c) => ({ ...c, durationMs: 1, cached: true })), qw2.facts);
  const facts: Facts = {
    'env.HYBRID_BASE': { value: '', step: 'qw.1', check: 'hybrid-env', line: 'HYBRID_BASE=' },
    'env.HYBRID_ROUTER_URL': { value: '', step: 'qw.1', check: 'hybrid-env', line: 'HYBRID_ROUTER_URL=' },
    'env.ENABLE_HYBRID_DEFAULT': { value: '', step: 'qw.1', check: 'hybrid-env', line: 'ENABLE_HYBRID_DEFAULT=' },
    'hybrid.disabled': { value: false, step: 'qw.1', check: 'hybrid-env' },
    'hybrid.configured': { value: false, step: 'qw.1', check: 'hybrid-env', line: 'HYBRID_BASE=' },
    'startup.hybridDisabled': {
      value: true,
      step: 'qw.2',
      check: 'startup-lines',
      line: '2025-10-22T10:02:11Z app[e784] ams [info] INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)',
    },
    'startup.linesSeen': { value: true, step: 'qw.2', check: 'startup-lines' },
    'router.reachable': { value: true, step: 'qw.3', check: 'router-health' },
    'router.providersHealthy': { value: 2, step: 'qw.3', check: 'router-health', line: '{"status":"healthy","providers_healthy":2,"providers_total":2}' },
    'router.healthLatencyMs': { value: 84, step: 'qw.3', check: 'router-health' },
    'logs.executionFailures': {
      value: 2,
      step: 'qw.4',
      check: 'job-logs',
      line: '2025-10-22T10:14:58Z app[e784] ams [info] ERR question execution failed error="golem: no provider for job" job_id=bf2a duration=14ms',
    },
    'logs.traceLines': { value: 0, step: 'qw.4', check: 'job-logs' },
    'logs.hybridRequests': { value: 0, step: 'qw.4', check: 'job-logs' },
    'logs.noHealthyProviders': { value: 0, step: 'qw.4', check: 'job-logs' },
    'circuit.metricExposed': { value: false, step: 'qw.5', check: 'circuit-metric' },
  };
  return { results: [qw1, qw2, qw3, qw4, qw5, s01, s02], facts };
}

export function outcome(): RunOutcome {
  const { results: r, facts } = results();
  return { runId: 'run-fixture', environment: 'production', startedAt: at(0), finishedAt: at(2200), results: r, facts, preflight: [], cancelled: false };
}

export const INSTRUMENTATION: InstrumentationStatus = {
  checkedAt: at(2300),
  scope: 'workspace folder runner-app',
  files: [{ file: 'internal/worker/job_runner.go', steps: ['2.2'], lines: [212] }],
  problems: [],
};

/** The run as the extension saves it (redacted by `recordFromRun`). */
export function fixtureRecord(): DrawableRecord {
  const o = outcome();
  const rb = runbook();
  const t = target();
  return recordFromRun({
    runbook: rb,
    target: t,
    request: { label: 'Quick Win Checklist and Phase 0', only: ['quick-wins', '0.1', '0.2'] },
    outcome: o,
    diagnosis: diagnose(rb, o.facts, o.results, { target: t }),
    fixesApplied: [],
    instrumentation: INSTRUMENTATION,
    id: '20251022T101500Z-a1b2c3',
  });
}
