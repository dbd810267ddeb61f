/**
 * `curl` inside the simulated runner container. It really requests the simulator's servers (so the
 * router's state and delays show), and answers as curl 7.88 does for what runbooks send: -s with
 * -S -m -X -H -d -I and -w's `%{http_code}` and `%{time_total}`, curl's error messages and exit
 * codes (6 resolve, 7 connect, 28 timeout). Anything else — another option or -w variable, a second
 * URL, no -s (the progress meter) — is refused with a clear error before anything is sent.
 */
import { type IncomingMessage, request } from 'node:http';
import { isIP } from 'node:net';
import { connect, lookup, type SimServers } from './containerNet';
import { type CommandContext, refuse } from './miniShell';

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  head: boolean;
  maxTimeMs?: number;
  method?: string;
  /** Lower-case names; an empty value removes the header. */
  headers: Record<string, string>;
  data?: string;
  writeOut?: string;
  url?: string;
}

interface Result {
  code: number;
  status: number;
  totalMs: number;
  output: string;
  error?: string;
}

const FLAGS: Record<string, 'silent' | 'showError' | 'head'> = { s: 'silent', S: 'showError', I: 'head' };
const USAGE = 'curl -s [-S] [-I] [-m SECS] [-X METHOD] [-H HEADER] [-d DATA] [-w FORMAT] URL';

const WRITE_OUT: Record<string, (r: Result) => string> = {
  http_code: (r) => String(r.status).padStart(3, '0'),
  time_total: (r) => (r.totalMs / 1000).toFixed(6),
};

function usageError(ctx: CommandContext, msg: string): number {
  ctx.io.err(`curl: ${msg}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return 2;
}

function parse(ctx: CommandContext): (CurlOpts & { url: string }) | number {
  const o: CurlOpts = { silent: false, showError: false, head: false, headers: {} };
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = /^-[mXHdw]/.test(a) ? (a.length > 2 ? a.slice(2) : args[++i]) : '';
    if (v === undefined) return usageError(ctx, `option ${a}: requires parameter`);
    if (!a.startsWith('-') || a === '-') {
      if (o.url !== undefined) return refuse(ctx, USAGE, 'a second URL');
      o.url = a;
    } else if (/^-[sSI]+$/.test(a)) {
      for (const c of a.slice(1)) o[FLAGS[c]] = true;
    } else if (a[1] === 'm') {
      if (!/^(\d+\.?\d*|\.\d+)$/.test(v)) return usageError(ctx, 'option -m: expected a proper numerical parameter');
      o.maxTimeMs = Number(v) * 1000;
    } else if (a[1] === 'X') o.method = v;
    else if (a[1] === 'H') {
      const colon = v.indexOf(':');
      if (colon > 0) o.headers[v.slice(0, colon).trim().toLowerCase()] = v.slice(colon + 1).trim();
    } else if (a[1] === 'd') {
      if (v.startsWith('@')) return refuse(ctx, USAGE, 'the option -d @file');
      o.data = [o.data, v.replace(/[\r\n]/g, '')].filter((d) => d !== undefined).join('&');
    } else if (a[1] === 'w') {
      const unknown = [...v.matchAll(/%\{([^}]*)\}/g)].find((m) => !WRITE_OUT[m[1]]);
      if (unknown) return refuse(ctx, `${USAGE}, FORMAT with ${Object.keys(WRITE_OUT).map((k) => `%{${k}}`).join(' ')}`, `the -w variable ${unknown[0]}`);
      o.writeOut = v;
    } else return refuse(ctx, USAGE, `the option ${a}`);
  }
  if (!o.silent) return refuse(ctx, USAGE, 'the progress meter (curl without -s)');
  if (o.url === undefined) return usageError(ctx, 'no URL specified!');
  return { ...o, url: o.url };
}

function writeOut(fmt: string, r: Result): string {
  return fmt.replace(/\\(.)|%%|%\{([^}]*)\}/g, (all, esc: string | undefined, name: string | undefined) => {
    if (esc !== undefined) return { n: '\n', r: '\r', t: '\t' }[esc] ?? all;
    return name === undefined ? '%' : WRITE_OUT[name](r);
  });
}

/** One transfer; code 143: killed (by `timeout`). */
async function transfer(o: CurlOpts & { url: string }, servers: SimServers, signal: AbortSignal): Promise<Result> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const fail = (code: number, error: string): Result => ({ code, error, status: 0, totalMs: elapsed(), output: '' });
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(o.url) ? o.url : `http://${o.url}`;
  if (!URL.canParse(url)) return fail(3, 'URL using bad/illegal format or missing URL');
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail(1, `Protocol "${u.protocol.replace(':', '')}" not supported or disabled in libcurl`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const answer = isIP(host) ? undefined : lookup(host);
  if (answer && answer.kind !== 'addresses') return fail(6, `Could not resolve host: ${host}`);
  const connectFailed = (why: string) => fail(7, `Failed to connect to ${host} port ${port} after ${Math.round(elapsed())} ms: ${why}`);
  const target = connect(answer ? answer.v4[0] : host, port, servers);
  if (!target) return connectFailed("Couldn't connect to server");
  if (u.protocol === 'https:') return fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number');
  const headers: Record<string, string> = { host: u.host, 'user-agent': 'curl/7.88.1', accept: '*/*' };
  // Node adds the Content-Length of the body given to end()
  if (o.data !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  Object.assign(headers, o.headers);
  for (const name of Object.keys(headers)) if (headers[name] === '') delete headers[name];
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop);
  const timer = o.maxTimeMs === undefined ? undefined : setTimeout(stop, o.maxTimeMs);
  let res: IncomingMessage | undefined;
  const chunks: Buffer[] = [];
  try {
    const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
    res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request({ ...target, method, path: u.pathname + u.search, headers, setHost: false, signal: abort.signal }, resolve);
      req.on('error', reject);
      req.end(o.data);
    });
    for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
    const headerLines = [`HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ''}`.trimEnd()];
    for (let i = 0; i < res.rawHeaders.length; i += 2) headerLines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    const output = o.head ? headerLines.join('\r\n') + '\r\n\r\n' : Buffer.concat(chunks).toString('utf8');
    return { code: 0, status: res.statusCode ?? 0, totalMs: elapsed(), output };
  } catch (e) {
    if (signal.aborted) return fail(143, 'killed');
    const received = Buffer.concat(chunks).length;
    if (abort.signal.aborted) return fail(28, `Operation timed out after ${Math.round(elapsed())} milliseconds with ${received} bytes received`);
    if (res) return fail(56, 'Failure when receiving data from the peer');
    const errno = (e as NodeJS.ErrnoException).code;
    if (errno === 'ECONNRESET') return fail(52, 'Empty reply from server');
    return connectFailed(errno === 'ECONNREFUSED' ? "Couldn't connect to server" : (e as Error).message);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

export function curlCommand(servers: SimServers) {
  return async (ctx: CommandContext): Promise<number> => {
    const o = parse(ctx);
    if (typeof o === 'number') return o;
    const r = await transfer(o, servers, ctx.signal);
    if (r.code === 143) return 143;
    ctx.io.out(r.output);
    if (r.error && o.showError) ctx.io.err(`curl: (${r.code}) ${r.error}\n`);
    if (o.writeOut !== undefined) ctx.io.out(writeOut(o.writeOut, r));
    return r.code;
  };
}
