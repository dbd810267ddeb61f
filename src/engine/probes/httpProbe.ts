/**
 * One HTTP request with undici: timeout, cancellation, latency to the headers and total time,
 * body size cap, JSON parsed when the answer is JSON. The admin token is attached only when the
 * request goes to the origin it belongs to (the target's runner URL); no redirect is followed.
 */
import { performance } from 'node:perf_hooks';
import { request, type Dispatcher } from 'undici';
import { failedOutcome, type OnOutput, type ProbeOutcome } from './probeOutcome';
import { expiryReason } from './shellProbe';
import { errorMessage } from '../../shared/errorMessage';
import { watchDeadline } from './probeDeadline';

export interface HttpProbeRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** `Authorization: Bearer <token>`, only when the URL's origin equals `origin`. */
  bearer?: { token: string | undefined; origin: string; what: string };
  timeoutMs: number;
  signal?: AbortSignal;
  onOutput?: OnOutput;
  maxBodyBytes?: number;
  dispatcher?: Dispatcher;
  /** Ends the request as a timeout before `timeoutMs`; its reason (a string) is the error message. */
  expire?: AbortSignal;
}

const ERROR_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
};

export function errorCode(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return ERROR_CODES[code] ?? code;
    const errors = (cur as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors.length) cur = errors[0];
    else cur = (cur as { cause?: unknown }).cause;
  }
  return 'EUNKNOWN';
}

/** Retry-After as seconds: delta-seconds or an HTTP date. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.ceil((t - now) / 1000));
}

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h.join(', ') : h;
}

export function displayRequest(method: string, url: string, body: unknown, withToken: boolean): string {
  return `${method} ${url}${withToken ? ' (Authorization: Bearer ***)' : ''}${body === undefined ? '' : ` ${JSON.stringify(body)}`}`;
}

export async function runHttpProbe(req: HttpProbeRequest): Promise<ProbeOutcome> {
  const command = displayRequest(req.method, req.url, req.body, !!req.bearer);
  if (req.signal?.aborted) return failedOutcome(command, 'cancelled', 'cancelled before it started', { couldNotRun: true });

  const headers: Record<string, string> = { 'user-agent': 'beacon-debug', accept: 'application/json, text/plain, */*', ...(req.headers ?? {}) };
  if (req.bearer) {
    let origin: string;
    try {
      origin = new URL(req.url).origin;
    } catch {
      return failedOutcome(command, 'EINVAL', `not a URL: ${req.url}`, { couldNotRun: true });
    }
    if (origin !== req.bearer.origin) {
      return failedOutcome(command, 'EORIGIN', `refused to send ${req.bearer.what} to ${origin}: it is only sent to ${req.bearer.origin}`, { couldNotRun: true });
    }
    if (!req.bearer.token) return failedOutcome(command, 'ENOTOKEN', `${req.bearer.what} is not set`, { couldNotRun: true });
    headers.authorization = `Bearer ${req.bearer.token}`;
  }
  let body: string | undefined;
  if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    headers['content-type'] = 'application/json';
  }

  const ac = new AbortController();
  let stopReason: 'timeout' | 'cancelled' | undefined;
  const stop = (why: 'timeout' | 'cancelled') => {
    if (stopReason) return;
    stopReason = why;
    ac.abort(new Error(why));
  };
  const unwatch = watchDeadline(req, stop);
  const started = performance.now();
  const cap = req.maxBodyBytes ?? 1_000_000;

  try {
    const res = await request(req.url, {
      method: req.method,
      headers,
      body,
      signal: ac.signal,
      dispatcher: req.dispatcher,
      headersTimeout: req.timeoutMs + 1000,
      bodyTimeout: req.timeoutMs + 1000,
    });
    const latencyMs = Math.round(performance.now() - started);
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    let truncated = false;
    for await (const chunk of res.body) {
      const buf = chunk as Uint8Array;
      if (size + buf.length > cap) {
        text += decoder.decode(buf.subarray(0, cap - size), { stream: true });
        size = cap;
        truncated = true;
        res.body.destroy();
        break;
      }
      text += decoder.decode(buf, { stream: true });
      size += buf.length;
    }
    text += decoder.decode();
    const durationMs = Math.round(performance.now() - started);
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      const hv = headerValue(v);
      if (hv !== undefined) flat[k.toLowerCase()] = hv;
    }
    const contentType = flat['content-type'];
    let json: unknown;
    if (!truncated && (/[/+]json\b/i.test(contentType ?? '') || (!contentType && /^\s*[{[]/.test(text)))) {
      try {
        json = JSON.parse(text);
      } catch {
        /* declared JSON but is not: left as text */
      }
    }
    const statusLine = `HTTP ${res.statusCode} · ${latencyMs} ms to headers, ${durationMs} ms total${truncated ? ` · body truncated at ${cap} bytes` : ''}\n`;
    req.onOutput?.('info', statusLine);
    if (text) req.onOutput?.('stdout', text.endsWith('\n') ? text : text + '\n');
    const outcome: ProbeOutcome = {
      command,
      ok: true,
      status: res.statusCode,
      headers: flat,
      contentType,
      latencyMs,
      durationMs,
      stdout: text,
      stderr: '',
      output: text,
      transcript: statusLine + text,
      body: text,
      json,
      truncated,
    };
    if (res.statusCode === 429) {
      outcome.rateLimited = true;
      outcome.retryAfterSeconds = retryAfterSeconds(flat['retry-after']);
    }
    return outcome;
  } catch (e) {
    const durationMs = Math.round(performance.now() - started);
    if (stopReason === 'timeout') {
      const why = req.expire?.aborted ? expiryReason(req.expire) : `no answer within ${Math.round(req.timeoutMs / 100) / 10} s`;
      return failedOutcome(command, 'timeout', why, { durationMs });
    }
    if (stopReason === 'cancelled') return failedOutcome(command, 'cancelled', 'cancelled', { durationMs, couldNotRun: true });
    const code = errorCode(e);
    const msg = errorMessage(e) || code;
    req.onOutput?.('info', `${code}: ${msg}\n`);
    return failedOutcome(command, code, `${code}: ${msg}`, { durationMs });
  } finally {
    unwatch();
  }
}
