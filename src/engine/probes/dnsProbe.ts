/** Resolves a host name with the system resolver (`node:dns` lookup), timed. */
import { promises as dns } from 'node:dns';
import { performance } from 'node:perf_hooks';
import { errorCode } from './httpProbe';
import { failedOutcome, type OnOutput, type ProbeOutcome } from './probeOutcome';
import { errorMessage } from '../../shared/errorMessage';

export interface DnsProbeRequest {
  host: string;
  timeoutMs: number;
  signal?: AbortSignal;
  onOutput?: OnOutput;
  /** Injected in tests. */
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export async function runDnsProbe(req: DnsProbeRequest): Promise<ProbeOutcome> {
  const command = `lookup ${req.host}`;
  if (req.signal?.aborted) return failedOutcome(command, 'cancelled', 'cancelled before it started', { couldNotRun: true });
  const lookup = req.lookup ?? ((h: string) => dns.lookup(h, { all: true, verbatim: true }));
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  // a lookup cannot be interrupted (it runs on libuv's thread pool): the race only stops the waiting
  const stopped = new Promise<'timeout' | 'cancelled'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), req.timeoutMs);
    onAbort = () => resolve('cancelled');
    req.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const r = await Promise.race([lookup(req.host).then((a) => ({ addrs: a })), stopped]);
    const durationMs = Math.round(performance.now() - started);
    if (r === 'timeout') return failedOutcome(command, 'timeout', `no DNS answer within ${req.timeoutMs / 1000} s`, { durationMs });
    if (r === 'cancelled') return failedOutcome(command, 'cancelled', 'cancelled', { durationMs, couldNotRun: true });
    const addresses = r.addrs.map((a) => a.address);
    const text = addresses.map((a) => `Address: ${a}`).join('\n') + '\n';
    req.onOutput?.('info', `${req.host} resolved in ${durationMs} ms\n`);
    req.onOutput?.('stdout', text);
    return { command, ok: true, durationMs, latencyMs: durationMs, stdout: text, stderr: '', output: text, transcript: text, addresses };
  } catch (e) {
    const durationMs = Math.round(performance.now() - started);
    const code = errorCode(e);
    req.onOutput?.('info', `${code}: ${errorMessage(e)}\n`);
    return failedOutcome(command, code, `${code}: ${errorMessage(e)}`, { durationMs });
  } finally {
    clearTimeout(timer);
    if (onAbort) req.signal?.removeEventListener('abort', onAbort);
  }
}
