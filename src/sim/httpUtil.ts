/** Small helpers shared by the simulator's HTTP servers (node:http, no framework). */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type SendOptions = { contentType?: string; headers?: Record<string, string>; head?: boolean };

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

/** Reads the request body (up to `limit` bytes; more is an error). */
export function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The client address: IPv4-mapped IPv6 addresses as plain IPv4. */
export function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
}

/** Starts listening on 127.0.0.1 (port 0: an ephemeral port); resolves the port. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host: '127.0.0.1', port, exclusive: true });
  });
}

/** Stops listening and drops every open connection (a hung request included). */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A sliding one-minute window of request times per key. */
export class WindowLimiter {
  private hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** `undefined` when allowed (and counted), else the seconds until a slot frees up. */
  take(key: string, now: number): number | undefined {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return Math.max(1, Math.ceil((list[0] + this.windowMs - now) / 1000));
    }
    list.push(now);
    this.hits.set(key, list);
    return undefined;
  }
}
