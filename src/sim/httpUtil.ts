/** Small helpers shared by the simulator's HTTP servers (node:http, no framework). */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../shared/errorMessage';

export type SendOptions = { contentType?: string; headers?: Record<string, string>; head?: boolean };

export function sendJson(res: ServerResponse, status: number, body: unknown, opts: SendOptions = {}): void {
  sendText(res, status, JSON.stringify(body), { ...opts, contentType: opts.contentType ?? 'application/json; charset=utf-8' });
}

export function sendText(res: ServerResponse, status: number, text: string, opts: SendOptions = {}): void {
  res.writeHead(status, {
    'Content-Type': opts.contentType ?? 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...opts.headers,
  });
  res.end(opts.head ? undefined : text);
}

/** A listener around an async handler: a throw answers 500, or drops the connection once the headers are out. */
export function asyncHandler(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): RequestListener {
  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, `Internal Server Error: ${errorMessage(e)}`);
    });
  };
}

/** Reads the request body (up to `limit` bytes; more is an error). */
export async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > limit) {
      req.destroy();
      throw new Error('request body too large');
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The client address: IPv4-mapped IPv6 addresses as plain IPv4. */
export function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0];
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
}

/** Starts listening on 127.0.0.1 (port 0: an ephemeral port); resolves the port. */
export async function listen(server: Server, port: number): Promise<number> {
  const listening = once(server, 'listening'); // rejects on 'error' (the port is taken)
  server.listen({ host: '127.0.0.1', port, exclusive: true });
  await listening;
  return (server.address() as AddressInfo).port;
}

/** Stops listening and drops every open connection (a hung request included). */
export async function close(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  await closed;
}

/** A sliding window of request times per key: at most `limit` requests in any `windowMs`. */
export class WindowLimiter {
  private hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** `undefined` when allowed (and counted), else the seconds until a slot frees up. */
  take(key: string, now: number): number | undefined {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.hits.set(key, list);
    if (list.length >= this.limit) return Math.max(1, Math.ceil((list[0] + this.windowMs - now) / 1000));
    list.push(now);
    return undefined;
  }
}
