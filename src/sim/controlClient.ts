/** The fake tools' side of the simulator's private control endpoint. */
import { request } from 'node:http';

export class ControlClient {
  /** `controlUrl` ends with `/`: the routes are resolved under its random token. */
  constructor(private readonly controlUrl: string) {}

  get<T>(route: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const u = new URL(route, this.controlUrl);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
    return this.send<T>('GET', u);
  }

  post<T>(route: string, body: unknown): Promise<T> {
    return this.send<T>('POST', new URL(route, this.controlUrl), JSON.stringify(body));
  }

  private send<T>(method: string, u: URL, body?: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
      const req = request(u, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            reject(new Error(`bad answer from the simulator: ${text.slice(0, 200)}`));
            return;
          }
          if ((res.statusCode ?? 500) >= 400) reject(new Error((parsed as { error?: string }).error ?? `HTTP ${res.statusCode}`));
          else resolve(parsed as T);
        });
        res.on('error', reject);
      });
      req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(`the Beacon simulator is not running (${e.code ?? e.message})`)));
      if (body) req.write(body);
      req.end();
    });
  }
}
