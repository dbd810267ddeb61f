/**
 * How one real Beacon system differs from another, drawn from a seed: the simulator's worlds vary
 * where real systems do (BEACON-FACTS "Log formats seen in production", "flyctl", "Hybrid router
 * endpoints"), so a diagnosis proven on many seeds is not proven on one simulator's details.
 *
 * One table: each dimension lists its values with their weights; `drawVariation(seed)` picks one of
 * each. The world, the servers and the fake `flyctl` read the result; nothing else changes.
 */
import { Rng } from './rng';

export interface WorldVariation {
  seed: number;
  /** zerolog console with ANSI colours (a terminal), without (a pipe), or JSON lines (GIN_MODE=release). */
  runnerLog: 'color' | 'plain' | 'json';
  /** How `flyctl logs` prefixes a line: `app[id] lhr [info]`, without the region, the bare instance id, or coloured. */
  flyPrefix: 'standard' | 'no-region' | 'bare-instance' | 'colored';
  /** How often a job arrives (ms) and how much past the buffers hold at start (ms). */
  jobIntervalMs: number;
  historyMs: number;
  /** The previous boot of the runner (another configuration: a fix, a deploy) is still in the log buffer. */
  olderBoot: boolean;
  /** Lines of other components a minute (gin access lines, Fly health checks, Redis reconnects, proxy). */
  noisePerMinute: number;
  /** router-slow: answers after seconds, accepts and never answers, or answers /health and not /inference. */
  routerSlow: 'late' | 'hang' | 'inference';
  /** How late a slow router answers (ms), when it answers. */
  routerLateMs: number;
  /** The router build has no /debug routes (404), as an older build. */
  routerDebugRoutes: boolean;
  /**
   * The admin token: set in the environment; not given to Beacon Debug (its admin checks are skipped);
   * or the runner has none configured (its admin endpoints answer 503 admin_auth_not_configured).
   */
  admin: 'set' | 'not-given' | 'not-configured';
  /** Extra ms every router answer takes (network distance). */
  routerLatencyMs: number;
}

type Choice<T> = readonly (readonly [T, number])[];

const TABLE: { [K in Exclude<keyof WorldVariation, 'seed'>]: Choice<WorldVariation[K]> } = {
  runnerLog: [['color', 3], ['plain', 2], ['json', 2]],
  flyPrefix: [['standard', 4], ['no-region', 1], ['bare-instance', 1], ['colored', 2]],
  jobIntervalMs: [[20_000, 1], [60_000, 3], [150_000, 1]],
  historyMs: [[4 * 60_000, 1], [10 * 60_000, 3], [25 * 60_000, 1]],
  olderBoot: [[false, 2], [true, 1]],
  noisePerMinute: [[0, 2], [6, 2], [30, 1]],
  routerSlow: [['late', 1], ['hang', 1], ['inference', 1]],
  routerLateMs: [[2300, 1], [4000, 1]],
  routerDebugRoutes: [[true, 3], [false, 1]],
  admin: [['set', 3], ['not-given', 1], ['not-configured', 1]],
  routerLatencyMs: [[0, 2], [40, 1], [180, 1]],
};

function pick<T>(rng: Rng, choices: Choice<T>): T {
  const total = choices.reduce((a, [, w]) => a + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of choices) if ((x -= w) < 0) return v;
  return choices[choices.length - 1][0];
}

/** The same seed always gives the same variation. */
export function drawVariation(seed: number): WorldVariation {
  const rng = new Rng(seed ^ 0x5eed);
  const out = { seed } as WorldVariation;
  for (const key of Object.keys(TABLE) as (keyof typeof TABLE)[]) (out as unknown as Record<string, unknown>)[key] = pick(rng, TABLE[key] as Choice<unknown>);
  return out;
}

/** The simulator as it was before variation: what the demo and the existing tests run. */
export const NO_VARIATION: WorldVariation = {
  seed: 0,
  runnerLog: 'color',
  flyPrefix: 'standard',
  jobIntervalMs: 60_000,
  historyMs: 10 * 60_000,
  olderBoot: false,
  noisePerMinute: 0,
  routerSlow: 'late',
  routerLateMs: 2300,
  routerDebugRoutes: true,
  admin: 'set',
  routerLatencyMs: 0,
};

/**
 * Lines other parts of a healthy runner print, as a real buffer holds them between the lines that
 * matter — several with words the classifier must not take for a fault (Redis' refused connection
 * is not the router's, a client's `context canceled` is not a hybrid timeout).
 */
export const RUNNER_NOISE: readonly { level: 'info' | 'warn' | 'debug'; msg: string; fields: Record<string, string | number> }[] = [
  { level: 'info', msg: 'request', fields: { method: 'GET', path: '/health', status: 200, latency: '212.4µs', ip: '172.16.2.2' } },
  { level: 'info', msg: 'request', fields: { method: 'GET', path: '/api/v1/metrics', status: 200, latency: '1.9ms', ip: '10.0.82.7' } },
  { level: 'warn', msg: 'redis reconnect', fields: { error: 'dial tcp 10.0.0.7:6379: connect: connection refused', attempt: 1, breaker: 'redis' } },
  { level: 'info', msg: 'redis reconnected', fields: { addr: 'beacon-redis.internal:6379' } },
  { level: 'warn', msg: 'client went away', fields: { path: '/api/v1/jobs/stream', error: 'context canceled' } },
  { level: 'debug', msg: 'queue poll', fields: { pending: 0, took: '3.1ms' } },
];
