/**
 * What a probe brings back, before it is judged. Raw (unredacted): the evaluator redacts it
 * before anything leaves the engine.
 */
import type { NormalisedLine } from '../logs/logLines';
import type { Exposition } from '../prometheus';

export type OutputStream = 'stdout' | 'stderr' | 'info';
export type OnOutput = (stream: OutputStream, text: string) => void;

export interface ProbeOutcome {
  /** The command or request as shown to the user. */
  command: string;
  /** The probe ran and its target answered (exit code 0, or any HTTP status). */
  ok: boolean;
  /** Why not: `ENOENT`, `EACCES`, `timeout`, `cancelled`, `ECONNREFUSED`, `ENOTFOUND`, `exit 1`, … */
  error?: string;
  errorMessage?: string;
  /** How to make the probe runnable (install flyctl, …). */
  hint?: string;
  /** The probe itself could not run (tool missing, refused, cancelled): `error` whatever the rules say. */
  couldNotRun?: boolean;
  exitCode?: number;
  status?: number;
  headers?: Record<string, string>;
  contentType?: string;
  /** Time to the response headers (HTTP) or to the answer (DNS). */
  latencyMs?: number;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** The text extractors read by default (`from: output`): stdout+stderr, the HTTP body, normalised log lines. */
  output: string;
  /** What the user sees as the captured output. */
  transcript: string;
  body?: string;
  json?: unknown;
  truncated?: boolean;
  /** HTTP 429: seconds from Retry-After. */
  retryAfterSeconds?: number;
  rateLimited?: boolean;
  lines?: NormalisedLine[];
  exposition?: Exposition;
  addresses?: string[];
}

export function failedOutcome(command: string, error: string, errorMessage: string, extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return {
    command,
    ok: false,
    error,
    errorMessage,
    durationMs: 0,
    stdout: '',
    stderr: '',
    output: '',
    transcript: errorMessage,
    ...extra,
  };
}
