// Polling instead of sleeping: integration tests wait for the workbench this way.

/** Reads `get` every `poll` ms until `ok` holds or `ms` have passed; returns the last value read. */
export async function waitFor<T>(get: () => Promise<T> | T, ok: (v: T) => boolean, ms: number, poll = 100): Promise<T> {
  const end = Date.now() + ms;
  let v = await get();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, poll));
    v = await get();
  }
  return v;
}

/** Waits until `pred` holds; whether it did within `ms`. */
export function waitUntil(pred: () => boolean, ms: number, poll = 50): Promise<boolean> {
  return waitFor(pred, (v) => v, ms, poll);
}

/** Waits for `f` to give a truthy value and returns it; after `ms`, throws an error naming `what`. */
export async function waitForValue<T>(what: string, f: () => T | undefined | false | Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const v = await waitFor(f, (x) => !!x, ms);
  if (!v) throw new Error(`timed out waiting for ${what}`);
  return v;
}
