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
