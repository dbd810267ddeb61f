/** Helpers for tests that spawn real processes: scripts in a temp dir, liveness by pid. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes an executable Node script (`#!/usr/bin/env node` with this Node's path). */
export function writeScript(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
  return file;
}

/** True while the process exists and is not a zombie (a container's init may not reap). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return process.platform !== 'linux';
  }
}

/** Polls `cond` until it holds or `ms` pass. */
export async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function cmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}

const spawned = new Map<number, string | undefined>();
/** Remembers pids a test saw, so `killLeftovers` can clean up when an assertion failed midway. */
export function remember(...pids: number[]): void {
  for (const p of pids) spawned.set(p, cmdline(p));
}
/** Kills remembered processes that still run the same command line (never a reused pid). */
export function killLeftovers(): void {
  for (const [p, cmd] of spawned) {
    if (cmd === undefined || cmdline(p) !== cmd || !alive(p)) continue;
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  spawned.clear();
}
