/**
 * What a run learns once and does not ask again.
 *
 * - **One answer per endpoint per run.** The runner's admin endpoints allow one call per 10 s, and
 *   several steps read the same thing (0.1 and qw.1, the logs for 0.2 / qw.2 / qw.4 / 5.1): the
 *   first check asks, the others — even while the first is still waiting — get the same answer.
 * - **One timeout per host per run.** When a host accepts a request and does not answer within the
 *   check's timeout (the router-slow failure), that is a fact: every other probe to the same
 *   `host:port` — already waiting, or asked later — gets a short probe (`shortProbeMs`) instead of
 *   its own full timeout, and says why. A router that never answers costs one router timeout per
 *   diagnosis, not one per check.
 */
import type { ProbeOutcome } from './probeOutcome';

export interface CacheHit {
  promise: Promise<ProbeOutcome>;
  /** True when another check asked first. */
  cached: boolean;
  /** `step/check` of the check that asked. */
  owner: string;
}

/** A host that accepted a request and did not answer it in time. */
export interface SlowEndpoint {
  endpoint: string;
  /** `step/check` of the probe that waited. */
  by: string;
  /** How long it waited. */
  waitedMs: number;
}

/** How long a probe to a host already known not to answer still waits (before the time scale). */
export const SHORT_PROBE_MS = 2000;

export class ProbeCache {
  private readonly entries = new Map<string, { promise: Promise<ProbeOutcome>; owner: string }>();
  private readonly slow = new Map<string, SlowEndpoint>();
  private readonly slowListeners = new Set<(s: SlowEndpoint) => void>();

  /** The answer for `key`, asking with `ask` only when nobody has yet. */
  get(key: string, owner: string, ask: () => Promise<ProbeOutcome>): CacheHit {
    const hit = this.entries.get(key);
    if (hit) return { promise: hit.promise, cached: true, owner: hit.owner };
    const promise = ask();
    this.entries.set(key, { promise, owner });
    return { promise, cached: false, owner };
  }

  /** Records that `endpoint` (`host:port`) did not answer; tells every probe waiting on it. */
  markSlow(s: SlowEndpoint): void {
    if (this.slow.has(s.endpoint)) return;
    this.slow.set(s.endpoint, s);
    for (const l of [...this.slowListeners]) l(s);
  }

  /** The first of `endpoints` known not to answer. */
  slowOf(endpoints: readonly string[]): SlowEndpoint | undefined {
    for (const e of endpoints) {
      const s = this.slow.get(e);
      if (s) return s;
    }
    return undefined;
  }

  /** Called for every endpoint marked slow from now on; returns the unsubscribe. */
  onSlow(listener: (s: SlowEndpoint) => void): () => void {
    this.slowListeners.add(listener);
    return () => this.slowListeners.delete(listener);
  }

  /** Forgets every answer and every slow host (a fix was applied; the next read must ask again). */
  clear(): void {
    this.entries.clear();
    this.slow.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
