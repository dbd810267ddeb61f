/**
 * The simulator's fault modes (the same names the diagnosis uses for root causes) and the runner's
 * configuration rules (BEACON-FACTS "Runner configuration"), shared by the servers and the fake tools.
 */

export const FAULT_NAMES = [
  'healthy',
  'missing-hybrid-config',
  'hybrid-disabled',
  'router-down',
  'router-slow',
  'no-healthy-providers',
  'circuit-open',
  'timeout-too-short',
  'database-unavailable',
  'executor-bug',
] as const;
/**
 * Faults the runbook's causes table does not contain: the diagnosis must answer `unknown` (or
 * `undetermined`), never one of its causes. provider-quota: the router's upstream provider refuses
 * every call with HTTP 429 (a quota) while its health checks pass. unknown-region: the runner asks
 * for a region the router does not know, so every job gets PROVIDER_UNAVAILABLE while providers are healthy.
 */
export const UNKNOWN_FAULT_NAMES = ['provider-quota', 'unknown-region'] as const;
export type UnknownFaultName = (typeof UNKNOWN_FAULT_NAMES)[number];
/** The faults named after the runbook's causes. */
export type KnownFaultName = (typeof FAULT_NAMES)[number];
export type FaultName = KnownFaultName | UnknownFaultName;
const ALL_FAULTS: readonly string[] = [...FAULT_NAMES, ...UNKNOWN_FAULT_NAMES];

export const RUNNER_FLY_APP = 'beacon-runner-production';
export const ROUTER_FLY_APP = 'beacon-hybrid-router';
/** The router URL the runner uses with ENABLE_HYBRID_DEFAULT=1. */
export const DEFAULT_ROUTER_URL = 'https://project-beacon-production.up.railway.app';

export class FaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultError';
  }
}

function isFaultName(s: string): s is FaultName {
  return ALL_FAULTS.includes(s);
}

/**
 * `undefined` → `['healthy']`; a comma-separated string or a list → validated, de-duplicated.
 * `healthy` cannot be combined with a fault. Throws `FaultError` naming the valid names.
 */
export function normalizeFaults(input?: string | readonly string[]): FaultName[] {
  const raw = input === undefined ? [] : typeof input === 'string' ? input.split(',') : [...input];
  const names = raw.map((s) => s.trim()).filter((s) => s !== '');
  const bad = names.filter((n) => !isFaultName(n));
  if (bad.length) {
    throw new FaultError(`unknown fault ${bad.map((b) => `"${b}"`).join(', ')}; valid faults: ${ALL_FAULTS.join(', ')}`);
  }
  const out = [...new Set(names as FaultName[])];
  if (out.length === 0) return ['healthy'];
  if (out.length > 1 && out.includes('healthy')) throw new FaultError('"healthy" cannot be combined with a fault');
  if (out.includes('router-down') && out.includes('router-slow')) {
    throw new FaultError('"router-down" and "router-slow" cannot be combined: the router cannot be down (port closed) and slow (accepting) at once');
  }
  return out;
}

export type HybridState = 'enabled' | 'enabled-default' | 'disabled' | 'explicitly-disabled';

export interface HybridConfig {
  state: HybridState;
  /** The router URL the hybrid client uses, or null when the runner uses the Golem executor. */
  base: string | null;
  timeoutSeconds: number;
  /** `default`, `HYBRID_ROUTER_TIMEOUT`, `HYBRID_ROUTER_TIMEOUT (invalid)`, `HYBRID_TIMEOUT`, `HYBRID_TIMEOUT (invalid)`. */
  timeoutSource: string;
  /** The raw value of the variable the timeout came from ("" for the default). */
  timeoutEnvValue: string;
}

/**
 * The runner's rules, exactly: HYBRID_ROUTER_DISABLE only `true` disables; HYBRID_BASE is preferred,
 * HYBRID_ROUTER_URL used only when HYBRID_BASE is empty; ENABLE_HYBRID_DEFAULT only `1` enables the
 * default URL. Timeout: HYBRID_ROUTER_TIMEOUT (integer seconds > 0, else 300 "(invalid)"), HYBRID_TIMEOUT
 * only when the former is unset or empty, else 300.
 */
export function hybridConfig(env: Readonly<Record<string, string | undefined>>): HybridConfig {
  const { timeoutSeconds, timeoutSource, timeoutEnvValue } = clientTimeout(env);
  const common = { timeoutSeconds, timeoutSource, timeoutEnvValue };
  if (env.HYBRID_ROUTER_DISABLE === 'true') return { state: 'explicitly-disabled', base: null, ...common };
  const base = env.HYBRID_BASE || env.HYBRID_ROUTER_URL || '';
  if (base !== '') return { state: 'enabled', base, ...common };
  if (env.ENABLE_HYBRID_DEFAULT === '1') return { state: 'enabled-default', base: DEFAULT_ROUTER_URL, ...common };
  return { state: 'disabled', base: null, ...common };
}

function clientTimeout(env: Readonly<Record<string, string | undefined>>): Pick<HybridConfig, 'timeoutSeconds' | 'timeoutSource' | 'timeoutEnvValue'> {
  const parse = (v: string) => (/^[+-]?\d+$/.test(v) && Number(v) > 0 && Number(v) <= 2 ** 31 ? Number(v) : undefined);
  for (const name of ['HYBRID_ROUTER_TIMEOUT', 'HYBRID_TIMEOUT']) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    const n = parse(v);
    return n === undefined
      ? { timeoutSeconds: 300, timeoutSource: `${name} (invalid)`, timeoutEnvValue: v }
      : { timeoutSeconds: n, timeoutSource: name, timeoutEnvValue: v };
  }
  return { timeoutSeconds: 300, timeoutSource: 'default', timeoutEnvValue: '' };
}

/**
 * Seconds a real job's inference takes through the router (a Modal cold start: 40–58 s). A client
 * timeout below `enough` (the runbook's 60 s threshold) times out some or all of them.
 */
export const INFERENCE_COLD_START_SECONDS = { min: 40, max: 58, enough: 60 } as const;
