// Builds facts and step results for the pure diagnosis tests, shaped as the engine reports them.
import type { FactValue } from '../../../src/runbook/schema';
import type { CheckResult, Facts, StepResult, Target } from '../../../src/engine/types';
import type { CheckVerdict } from '../../../src/runbook/schema';

/** `{ 'hybrid.configured': false }` → Facts, every fact from `step` (or `[value, step, line]`). */
export function factsOf(values: Record<string, FactValue | [FactValue, string, string?]>, step = 'test'): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) out[k] = { value: v[0], step: v[1], ...(v[2] !== undefined ? { line: v[2] } : {}) };
    else out[k] = { value: v, step };
  }
  return out;
}

export function stepResult(id: string, verdict: CheckVerdict = 'pass', reason = ''): StepResult {
  const check: CheckResult = { id: `${id}-check`, label: `check of ${id}`, verdict, reason, durationMs: 1, command: '', output: '', facts: {} };
  return { id, title: id, verdict, reason, durationMs: 1, checks: [check], facts: {} };
}

export const TARGET: Target = {
  name: 'staging',
  flyApp: 'beacon-runner-staging',
  runnerUrl: 'https://beacon-runner-staging.fly.dev',
  routerUrl: 'https://router.example',
  flyctlPath: 'flyctl',
  psqlPath: 'psql',
  adminToken: 'adm-s3cr3t-token',
};

/** Facts of a healthy system, as the tree's steps report them. */
export const HEALTHY: Record<string, FactValue> = {
  'hybrid.configured': true,
  'hybrid.disabled': false,
  'hybrid.timeoutTooShort': false,
  'hybrid.timeoutSeconds': 300,
  'startup.hybridEnabled': true,
  'startup.hybridDisabled': false,
  'startup.explicitlyDisabled': false,
  'startup.linesSeen': true,
  'startup.clientInitTimeout': 300,
  'logs.databaseErrors': 0,
  'router.reachable': true,
  'router.providersHealthy': 2,
  'router.healthLatencyMs': 4,
  'router.inferenceSuccess': true,
  'circuit.state': 'closed',
  'logs.executionFailures': 0,
  'logs.hybridRequests': 0,
  'logs.noHealthyProviders': 0,
  'logs.connectionRefused': 0,
  'logs.hybridTimeouts': 0,
  'logs.clientNil': 0,
  'logs.executorNil': 0,
};

/** The steps the tree reads on its way to `healthy`. */
export const TREE_STEPS = ['0.1', '0.2', '1.6', 'r.1', 'r.2', '1.5', 'qw.4'];
