/** The fake tools' side of the simulator's private control endpoint. */
import { type IncomingMessage, request } from 'node:http';
import { readBody } from './httpUtil';

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

  private async send<T>(method: string, u: URL, body?: string): Promise<T> {
    const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(u, { method, headers }, resolve);
      req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(`the Beacon simulator is not running (${e.code ?? e.message})`)));
      req.end(body);
    });
    // a page of logs after a long pause may be large: no limit
    const text = await readBody(res, Infinity);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`bad answer from the simulator: ${text.slice(0, 200)}`);
    }
    if ((res.statusCode ?? 500) >= 400) throw new Error((parsed as { error?: string }).error ?? `HTTP ${res.statusCode}`);
    return parsed as T;
  }
}
