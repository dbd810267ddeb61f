/**
 * Killing a probe's whole process tree. Probes are spawned detached, so each leads its own
 * process group; killing the group reaches grandchildren (e.g. the `ssh` a `flyctl` started)
 * that killing the child alone would orphan.
 */
import { execFile } from 'node:child_process';

const live = new Set<number>();
let exitHookInstalled = false;

/** Remembers a running group so it is killed if this process exits first. */
export function trackGroup(pid: number): () => void {
  live.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const p of live) signalGroup(p, 'SIGKILL');
    });
  }
  return () => live.delete(pid);
}

/** Sends a signal to the process group led by `pid`; false when no process of it is left. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(pid), '/T', '/F'], () => undefined);
    return true;
  }
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group now, SIGKILL to whatever is left after `graceMs`. */
export function killTree(pid: number, graceMs: number): { cancel(): void } {
  signalGroup(pid, 'SIGTERM');
  const t = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
  t.unref();
  return { cancel: () => clearTimeout(t) };
}

/** True while any process of the group led by `pid` exists. */
export function groupAlive(pid: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
