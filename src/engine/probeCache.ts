/**
 * One answer per endpoint per run. The runner's admin endpoints allow one call per 10 s, and
 * several steps read the same thing (0.1 and qw.1, the logs for 0.2 / qw.2 / qw.4 / 5.1): the
 * first check asks, the others — even while the first is still waiting — get the same answer.
 */
import type { ProbeOutcome } from './probeOutcome';

export interface CacheHit {
  promise: Promise<ProbeOutcome>;
  /** True when another check asked first. */
  cached: boolean;
  /** `step/check` of the check that asked. */
  owner: string;
}

export class ProbeCache {
  private readonly entries = new Map<string, { promise: Promise<ProbeOutcome>; owner: string }>();

  /** The answer for `key`, asking with `ask` only when nobody has yet. */
  get(key: string, owner: string, ask: () => Promise<ProbeOutcome>): CacheHit {
    const hit = this.entries.get(key);
    if (hit) return { promise: hit.promise, cached: true, owner: hit.owner };
    const promise = ask();
    this.entries.set(key, { promise, owner });
    return { promise, cached: false, owner };
  }

  /** Forgets every answer (a fix was applied; the next read must ask again). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
