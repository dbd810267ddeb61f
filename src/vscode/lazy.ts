/** How long each part that loads on first use took, in the order they loaded (for `npm run bench`). */
export interface LoadTiming {
  name: string;
  ms: number;
}

/**
 * Parts of the extension built on first use. Their code sits in chunks that are read only then
 * (scripts/build.mjs), so activation pays for the tree and the command table and nothing else.
 */
export class Loads {
  readonly timings: LoadTiming[] = [];

  /** `create()` once, on the first call; later calls return the same value. */
  lazy<T>(name: string, create: () => T): () => T {
    let value: T;
    let state: 'new' | 'creating' | 'done' = 'new';
    return () => {
      if (state === 'done') return value;
      if (state === 'creating') throw new Error(`Beacon Debug: ${name} needs itself while it is being created`);
      state = 'creating';
      const started = performance.now();
      try {
        value = create();
      } catch (e) {
        state = 'new';
        throw e;
      }
      state = 'done';
      this.timings.push({ name, ms: performance.now() - started });
      return value;
    };
  }
}
