/**
 * Runs one command as an argv array (never through a shell), streams its output, and stops it —
 * with its whole process tree — on timeout or cancellation.
 */
import { execa } from 'execa';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { displayArgv } from '../displayCommand';
import { pgEnvFromUrl, withoutPgEnv } from './pgEnv';
import { failedOutcome, type OnOutput, type ProbeOutcome } from './probeOutcome';
import { killTree, signalGroup, trackGroup } from './processTree';
import { errorMessage } from '../../shared/errorMessage';
import { watchDeadline } from './probeDeadline';

export interface ShellProbeRequest {
  argv: readonly string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Passed to the process as PG* variables (never on its command line). */
  databaseUrl?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  onOutput?: OnOutput;
  /** Between SIGTERM and SIGKILL to the process group. */
  killGraceMs?: number;
  /** Per stream; the rest is dropped and the outcome marked `truncated`. */
  maxOutputChars?: number;
  /** Working directory (default: this process's). */
  cwd?: string;
  /** `false`: hand every chunk to `onOutput` and keep none (a stream that may run for hours). */
  keepOutput?: boolean;
  /** Ends the probe as a timeout before `timeoutMs`; its reason (a string) is the error message. */
  expire?: AbortSignal;
}

/** How to get a missing tool, by its name. */
export function installHint(executable: string): string {
  const base = path.basename(executable).replace(/\.exe$/i, '');
  if (base === 'flyctl' || base === 'fly') return 'Install flyctl: https://fly.io/docs/flyctl/install/ or set beaconDebug.flyctlPath.';
  if (base === 'psql') return 'Install the PostgreSQL client (apt-get install postgresql-client, brew install libpq) or set beaconDebug.psqlPath.';
  return `Install ${base} or check its path.`;
}

export async function runShellProbe(req: ShellProbeRequest): Promise<ProbeOutcome> {
  const argv = [...req.argv];
  const command = displayArgv(argv);
  if (req.signal?.aborted) return failedOutcome(command, 'cancelled', 'cancelled before it started', { couldNotRun: true });

  let env: Record<string, string> = req.databaseUrl ? withoutPgEnv(process.env) : { ...(process.env as Record<string, string>) };
  if (req.env) env = { ...env, ...req.env };
  if (req.databaseUrl) {
    try {
      env = { ...env, ...pgEnvFromUrl(req.databaseUrl) };
    } catch (e) {
      return failedOutcome(command, 'EINVAL', `the database URL is not usable: ${errorMessage(e)}`, { couldNotRun: true });
    }
  }

  const started = performance.now();
  const max = req.maxOutputChars ?? 2_000_000;
  let stdout = '';
  let stderr = '';
  let transcript = '';
  let truncated = false;
  const take = (stream: 'stdout' | 'stderr', chunk: string) => {
    if (req.keepOutput === false) {
      req.onOutput?.(stream, chunk);
      return;
    }
    const current = stream === 'stdout' ? stdout : stderr;
    if (current.length >= max) {
      truncated = true;
      return;
    }
    const part = chunk.length + current.length > max ? chunk.slice(0, max - current.length) : chunk;
    if (part.length < chunk.length) truncated = true;
    if (stream === 'stdout') stdout += part;
    else stderr += part;
    transcript += part;
    req.onOutput?.(stream, part);
  };

  const sub = execa(argv[0], argv.slice(1), {
    shell: false,
    ...(req.cwd ? { cwd: req.cwd } : {}),
    detached: process.platform !== 'win32',
    env,
    extendEnv: false,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    windowsHide: true,
    stripFinalNewline: false,
  });
  const pid = sub.pid;
  const untrack = pid !== undefined ? trackGroup(pid) : () => false;
  sub.stdout?.setEncoding('utf8');
  sub.stderr?.setEncoding('utf8');
  sub.stdout?.on('data', (c: string) => take('stdout', c));
  sub.stderr?.on('data', (c: string) => take('stderr', c));

  let stopReason: 'timeout' | 'cancelled' | undefined;
  let killer: { cancel(): void } | undefined;
  const stop = (why: 'timeout' | 'cancelled') => {
    if (stopReason) return;
    stopReason = why;
    if (pid !== undefined) killer = killTree(pid, req.killGraceMs ?? 2000);
  };
  const unwatch = watchDeadline(req, stop);

  let result: Awaited<typeof sub>;
  try {
    result = await sub;
  } finally {
    unwatch();
    if (stopReason && pid !== undefined) {
      // the leader is gone; whatever of its group survived SIGTERM goes now
      signalGroup(pid, 'SIGKILL');
      killer?.cancel();
    }
    untrack();
  }
  const durationMs = Math.round(performance.now() - started);
  const base = { command, durationMs, stdout, stderr, output: transcript, transcript, truncated };

  const code = (result as { code?: string }).code;
  if (!stopReason && (code === 'ENOENT' || code === 'EACCES')) {
    const what = code === 'ENOENT' ? `${argv[0]} was not found` : `${argv[0]} is not executable`;
    const hint = installHint(argv[0]);
    return { ...base, ok: false, error: code, errorMessage: `${what}. ${hint}`, hint, couldNotRun: true, transcript: `${what}. ${hint}` };
  }
  if (stopReason === 'timeout') {
    const why = req.expire?.aborted ? `${expiryReason(req.expire)} (the process tree was killed)` : `timed out after ${Math.round(req.timeoutMs / 100) / 10} s (the process tree was killed)`;
    return { ...base, ok: false, error: 'timeout', errorMessage: why };
  }
  if (stopReason === 'cancelled') {
    return { ...base, ok: false, error: 'cancelled', errorMessage: 'cancelled (the process tree was killed)', couldNotRun: true };
  }
  const exitCode = result.exitCode;
  if (exitCode === 0) return { ...base, ok: true, exitCode };
  if (exitCode === undefined) {
    const sig = result.signal ?? 'unknown signal';
    return { ...base, ok: false, error: `signal ${sig}`, errorMessage: `killed by ${sig}` };
  }
  const lastErr = stderr.trim().split('\n').pop()?.trim();
  return {
    ...base,
    ok: false,
    exitCode,
    error: `exit ${exitCode}`,
    errorMessage: `exited with code ${exitCode}${lastErr ? `: ${lastErr.slice(0, 300)}` : ''}`,
  };
}

/** The message an `expire` signal carries (see ShellProbeRequest.expire). */
export function expiryReason(expire: AbortSignal): string {
  const r: unknown = expire.reason;
  return typeof r === 'string' ? r : r instanceof Error ? r.message : 'stopped early';
}
