/** The fake tools' side of the simulator's private control endpoint. */
import { request } from 'node:http';

export class ControlError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'ControlError';
  }
}

export class ControlClient {
  private readonly base: URL;

  constructor(controlUrl: string) {
    this.base = new URL(controlUrl.endsWith('/') ? controlUrl : controlUrl + '/');
  }

  get<T>(route: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const u = new URL(route, this.base);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
    return this.send<T>('GET', u);
  }

  post<T>(route: string, body: unknown): Promise<T> {
    return this.send<T>('POST', new URL(route, this.base), JSON.stringify(body));
  }

  private send<T>(method: string, u: URL, body?: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              reject(new ControlError(`bad answer from the simulator: ${text.slice(0, 200)}`, res.statusCode ?? 0));
              return;
            }
            if ((res.statusCode ?? 500) >= 400) reject(new ControlError((parsed as { error?: string }).error ?? `HTTP ${res.statusCode}`, res.statusCode ?? 0));
            else resolve(parsed as T);
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(new ControlError(`the Beacon simulator is not running (${(e as NodeJS.ErrnoException).code ?? e.message})`, 0)));
      if (body) req.write(body);
      req.end();
    });
  }
}
