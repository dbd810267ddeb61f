/**
 * The CLI's tie to its own process: the signals that end a run and the output streams.
 *
 * Every signal that ends a process from a terminal (Ctrl+C, `kill`, the terminal closing, Ctrl+\)
 * cancels the run the same way: the probes' process trees are killed and temp dirs (the demo
 * simulator's) removed before the process ends. A second one ends it at once (the exit hooks
 * still kill what is left). A closed stdout or stderr (`beacon-debug demo | head -1`) also
 * cancels the run, and nothing more is written: no stack trace, no EPIPE error.
 */
import { constants } from 'node:os';
import type { CliIo } from './io';

export const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** Cancels `abort` on the first ending signal; exits with 128 + the signal's number on the second. */
export function cancelOnEndingSignals(abort: AbortController, proc: NodeJS.Process = process): () => void {
  let received = 0;
  const handlers = ENDING_SIGNALS.map((sig) => {
    const handler = () => {
      if (++received > 1) proc.exit(128 + (constants.signals[sig] ?? 2));
      abort.abort(new Error(`interrupted (${sig})`));
    };
    proc.on(sig, handler);
    return [sig, handler] as const;
  });
  return () => {
    for (const [sig, handler] of handlers) proc.off(sig, handler);
  };
}

/**
 * stdout / stderr of this process as a `CliIo`. A write error (EPIPE: the reader went away; EIO:
 * the terminal closed) cancels `abort` and silences both streams.
 */
export function processIo(abort: AbortController, proc: NodeJS.Process = process): CliIo {
  let closed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    abort.abort(new Error(`output closed (${e.code ?? e.message})`));
  };
  proc.stdout.on('error', onError);
  proc.stderr.on('error', onError);
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    if (closed || stream.destroyed) return;
    stream.write(s);
  };
  return { stdout: write(proc.stdout), stderr: write(proc.stderr) };
}
