/**
 * Fault application: puts the world's parts in the state a list of faults describes, with the
 * recent past replayed on the clock (so the log buffers hold what a real system in that state
 * would hold), and reads back which faults hold now (fixes applied through flyctl change them).
 */
import { type FaultName, INFERENCE_COLD_START_SECONDS, normalizeFaults } from './faults';
import type { FlyPlatform } from './flyPlatform';
import type { RouterApp } from './routerApp';
import type { RunnerApp, RunnerFaults } from './runnerApp';
import type { SimClock } from './simClock';
import type { SimDatabase } from './simDatabase';
import { RUNNER_NOISE, type WorldVariation } from './worldVariation';

/** What the faults act on (the world's parts). */
export interface FaultedParts {
  readonly clock: SimClock;
  readonly platform: FlyPlatform;
  readonly database: SimDatabase;
  readonly runner: RunnerApp;
  readonly router: RouterApp;
  readonly variation: WorldVariation;
  readonly routerUrl: string;
  readonly adminToken: string;
}

/** How the recent past is replayed. */
export interface Replay {
  readonly historyMs: number;
  readonly jobIntervalMs: number;
  /** Instrumentation deployed at start (step ids). */
  readonly initialInstrumentation: readonly string[];
  /** The router stops listening (a crash at time `t`). */
  crashRouter(t: number): void;
}

/** Re-creates the world in the state of `faults` (default `healthy`), with its recent past replayed up to now. */
export function applyFaults(w: FaultedParts, replay: Replay, faults?: string | readonly string[]): RunnerFaults {
  const list = normalizeFaults(faults);
  const has = (f: FaultName) => list.includes(f);
  const { clock, platform, runner, router, variation } = w;
  const now = clock.now();
  const t0 = now - replay.historyMs;
  clock.clear();
  runner.logs.clear();
  runner.deployInstrumentation(replay.initialInstrumentation);
  w.database.reset(!has('database-unavailable'));
  const runnerFaults = { executorBug: has('executor-bug'), jobRegion: has('unknown-region') ? 'europe-central' : undefined };

  const secrets = new Map<string, string>();
  const set = (k: string, v: string) => secrets.set(k, v);
  set('DATABASE_URL', w.database.url);
  set('ADMIN_TOKEN', w.adminToken);
  set('REDIS_URL', `redis://default:${encodeURIComponent(w.database.password)}-redis@beacon-redis.internal:6379`);
  if (!has('missing-hybrid-config')) set('HYBRID_BASE', w.routerUrl);
  if (has('hybrid-disabled')) set('HYBRID_ROUTER_DISABLE', 'true');
  if (has('timeout-too-short')) set('HYBRID_ROUTER_TIMEOUT', '5');
  if (runner.instrumentation.has('0.3')) set('BEACON_DEBUG_EXECUTOR', '1');
  if (variation.admin === 'not-configured') secrets.delete('ADMIN_TOKEN');

  // the router: up and checking its providers since before the runner's last boot
  router.configure({ wrongHealthUrls: has('no-healthy-providers'), up: true, slow: has('router-slow'), quotaExceeded: has('provider-quota') });
  const routerBootedAt = t0 - 20 * 60_000;
  platform.reset(secrets, routerBootedAt);
  clock.every(routerBootedAt + 2000, 30_000, () => router.up, (t) => router.healthCheckRound(t));
  if (has('router-down')) clock.schedule(now - 3 * 60_000, (t) => replay.crashRouter(t));

  // the runner: booted at t0, jobs arrive every minute; with an older boot still in the buffer, that boot
  // ran with the other hybrid configuration until a deploy (a fix, or the change that broke it) restarted it
  const older = variation.olderBoot ? Math.min(replay.historyMs / 2, 5 * 60_000) : 0;
  if (older) {
    const env = platform.machineEnv(42);
    const flipped: Record<string, string> = env.HYBRID_BASE ? { ...env, HYBRID_BASE: '' } : { ...env, HYBRID_BASE: w.routerUrl };
    platform.bootRunner(t0 - older, 41, flipped);
    clock.schedule(t0 - 200, (t) => runner.shutdown(t));
    clock.schedule(t0, (t) => platform.bootRunner(t, 42));
  } else {
    platform.bootRunner(t0, 42);
  }
  clock.every(t0 - older + 40_000, replay.jobIntervalMs, () => runner.running, (t) => void runner.submitJob(t));
  const noise = variation.noisePerMinute;
  if (noise > 0) {
    let n = 0;
    // a line of another part of the runner (see RUNNER_NOISE), in the runner's own log format
    clock.every(t0 - older + 1500, Math.round(60_000 / noise), () => runner.running, (t) => {
      const l = RUNNER_NOISE[(n++ * 7 + variation.seed) % RUNNER_NOISE.length];
      runner.line(t, l.level, l.msg, l.fields);
    });
  }
  clock.every(t0 + 95_000, 4000, () => runner.breaker.state === 'open', (t) => runner.breakerReject(t));
  if (has('circuit-open')) clock.schedule(t0 + 90_000, (t) => runner.tripBreaker(t));
  return runnerFaults;
}

/** The faults that hold now. `['healthy']` when none. */
export function activeFaults(w: Pick<FaultedParts, 'runner' | 'router' | 'database'>, runnerFaults: RunnerFaults): FaultName[] {
  const out: FaultName[] = [];
  const { runner, router } = w;
  const h = runner.hybrid;
  if (h.state === 'disabled') out.push('missing-hybrid-config');
  if (h.state === 'explicitly-disabled') out.push('hybrid-disabled');
  if (!router.up) out.push('router-down');
  if (router.quotaExceeded) out.push('provider-quota');
  if (runnerFaults.jobRegion) out.push('unknown-region');
  if (router.up && router.slow) out.push('router-slow');
  if (router.providers.length > 0 && router.healthyProviders.length === 0) out.push('no-healthy-providers');
  if (runner.breaker.state === 'open') out.push('circuit-open');
  if (h.timeoutSeconds < INFERENCE_COLD_START_SECONDS.enough) out.push('timeout-too-short');
  if (!w.database.up) out.push('database-unavailable');
  if (runnerFaults.executorBug) out.push('executor-bug');
  return out.length ? out : ['healthy'];
}
