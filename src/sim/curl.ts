/**
 * `curl` inside the simulated runner container. It really requests the simulator's servers (so the
 * router's state and delays show), and answers as curl 7.88 does for the options runbooks send
 * (-s -S -m -X -H -d -w -o -I and their long names): `-w` variables, the progress meter on stderr
 * without -s, its error messages and exit codes (6 resolve, 7 connect, 28 timeout). Any other
 * option is refused with a clear error before anything is sent.
 */
import { request } from 'node:http';
import { isIP } from 'node:net';
import type { ContainerNet } from './containerNet';
import type { CommandContext } from './miniShell';

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  head: boolean;
  maxTimeMs?: number;
  method?: string;
  headers: [string, string][];
  data: string[];
  writeOut?: string;
  output?: string;
  urls: string[];
}

const FLAGS: Record<string, 'silent' | 'showError' | 'head'> = { s: 'silent', S: 'showError', I: 'head' };
const WITH_VALUE = new Set(['m', 'X', 'H', 'd', 'w', 'o']);
const LONG: Record<string, string> = {
  '--silent': 's', '--show-error': 'S', '--head': 'I', '--max-time': 'm', '--request': 'X', '--header': 'H', '--data': 'd', '--write-out': 'w', '--output': 'o',
};
const KNOWN = '-s -S -m -X -H -d -w -o -I';

function usageError(ctx: CommandContext, msg: string): number {
  ctx.io.err(`curl: ${msg}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return 2;
}

function parse(ctx: CommandContext): CurlOpts | number {
  const o: CurlOpts = { silent: false, showError: false, head: false, headers: [], data: [], urls: [] };
  const args = ctx.argv.slice(1);
  const refuse = (opt: string) => usageError(ctx, `option ${opt}: is not supported by the Beacon simulator's curl (it knows ${KNOWN} and their long names)`);
  const setValue = (c: string, v: string): number | undefined => {
    if (c === 'm') {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) return usageError(ctx, 'option --max-time: expected a proper numerical parameter');
      o.maxTimeMs = n * 1000;
    } else if (c === 'X') o.method = v;
    else if (c === 'H') {
      const i = v.indexOf(':');
      if (i > 0) o.headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()]);
    } else if (c === 'd') {
      if (v.startsWith('@')) return refuse('-d @file');
      o.data.push(v.replace(/[\r\n]/g, ''));
    } else if (c === 'w') o.writeOut = v;
    else o.output = v;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    const cluster = a.startsWith('--') ? (LONG[a] ?? refuse(a)) : a.slice(1);
    if (typeof cluster === 'number') return cluster;
    for (let j = 0; j < cluster.length; j++) {
      const c = cluster[j];
      if (FLAGS[c]) {
        o[FLAGS[c]] = true;
        continue;
      }
      if (!WITH_VALUE.has(c)) return refuse(`-${c}`);
      let v = cluster.slice(j + 1);
      if (v === '') {
        if (i + 1 >= args.length) return usageError(ctx, `option ${a.startsWith('--') ? a : `-${c}`}: requires parameter`);
        v = args[++i];
      }
      const r = setValue(c, v);
      if (r !== undefined) return r;
      break;
    }
  }
  return o;
}

interface Result {
  code: number;
  status: number;
  totalMs: number;
  connectMs: number;
  firstByteMs: number;
  body: Buffer;
  headerText: string;
  error?: string;
  effectiveUrl: string;
}

function writeOut(fmt: string, r: Result, ctx: CommandContext): string {
  const s = (ms: number) => (ms / 1000).toFixed(6);
  const vars: Record<string, () => string> = {
    http_code: () => String(r.status).padStart(3, '0'),
    response_code: () => String(r.status).padStart(3, '0'),
    time_total: () => s(r.totalMs),
    time_connect: () => s(r.connectMs),
    time_starttransfer: () => s(r.firstByteMs),
    size_download: () => String(r.body.length),
    url_effective: () => r.effectiveUrl,
    exitcode: () => String(r.code),
    errormsg: () => r.error ?? '',
  };
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };
  return fmt.replace(/\\(.)|%%|%\{([^}]*)\}/g, (all, esc: string | undefined, name: string | undefined) => {
    if (esc !== undefined) return escapes[esc] ?? all;
    if (name === undefined) return '%';
    if (vars[name]) return vars[name]();
    ctx.io.err(`curl: unknown --write-out variable: '${name}'\n`);
    return '';
  });
}

function progress(r: Result): string {
  const pct = r.body.length > 0 || r.status ? '100' : '  0';
  const speed = String(r.totalMs > 0 ? Math.round((r.body.length * 1000) / r.totalMs) : 0);
  const size = String(r.body.length).padStart(5);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r${pct} ${size}  ${pct} ${size}    0     0 ${speed.padStart(6)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`
  );
}

/** One transfer. */
function transfer(url: string, o: CurlOpts, net: ContainerNet, signal: AbortSignal): Promise<Result> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const base: Result = { code: 0, status: 0, totalMs: 0, connectMs: 0, firstByteMs: 0, body: Buffer.alloc(0), headerText: '', effectiveUrl: url };
  const fail = (code: number, error: string, connectMs = 0): Result => ({ ...base, code, error, connectMs, totalMs: elapsed() });
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    return Promise.resolve(fail(3, 'URL using bad/illegal format or missing URL'));
  }
  base.effectiveUrl = u.href;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return Promise.resolve(fail(1, `Protocol "${u.protocol.replace(':', '')}" not supported or disabled in libcurl`));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  let address: string;
  if (isIP(host)) address = host;
  else {
    const a = net.lookup(host);
    if (a.kind !== 'addresses' || a.v4.length + a.v6.length === 0) return Promise.resolve(fail(6, `Could not resolve host: ${host}`));
    address = a.v4[0] ?? a.v6[0];
  }
  const connectFailed = (why: string) => fail(7, `Failed to connect to ${host} port ${port} after ${Math.round(elapsed())} ms: ${why}`);
  const target = net.connect(address, port);
  if (!target) return Promise.resolve(connectFailed("Couldn't connect to server"));
  if (u.protocol === 'https:') return Promise.resolve(fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number'));
  const method = o.method ?? (o.head ? 'HEAD' : o.data.length ? 'POST' : 'GET');
  const body = o.data.length ? o.data.join('&') : undefined;
  const headers: Record<string, string> = { Host: u.host, 'User-Agent': 'curl/7.88.1', Accept: '*/*' };
  if (body !== undefined) {
    headers['Content-Length'] = String(Buffer.byteLength(body));
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  for (const [k, v] of o.headers) {
    const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
    if (existing) delete headers[existing];
    if (v !== '') headers[k] = v;
  }
  return new Promise((resolve) => {
    let done = false;
    let connectMs = 0;
    let received = 0;
    const finish = (r: Result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const req = request({ host: target.host, port: target.port, method, path: u.pathname + u.search, headers, setHost: false });
    const timer = o.maxTimeMs === undefined ? undefined : setTimeout(() => {
      req.destroy();
      finish(fail(28, `Operation timed out after ${Math.round(elapsed())} milliseconds with ${received} bytes received`, connectMs));
    }, o.maxTimeMs);
    const onAbort = () => {
      req.destroy();
      finish({ ...base, code: 143, totalMs: elapsed() });
    };
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) onAbort();
    req.on('socket', (sock) => sock.on('connect', () => (connectMs = elapsed())));
    req.on('response', (res) => {
      const firstByteMs = elapsed();
      const lines = [`HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ''}`.trimEnd()];
      for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        received += c.length;
        chunks.push(c);
      });
      res.on('end', () => finish({ ...base, status: res.statusCode ?? 0, connectMs, firstByteMs, totalMs: elapsed(), body: Buffer.concat(chunks), headerText: lines.join('\r\n') + '\r\n\r\n' }));
      res.on('error', () => finish(fail(56, 'Failure when receiving data from the peer', connectMs)));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') finish(connectFailed("Couldn't connect to server"));
      else if (e.code === 'ECONNRESET' || e.message === 'socket hang up') finish(fail(52, 'Empty reply from server', connectMs));
      else finish(connectFailed(e.message));
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function curlCommand(net: ContainerNet) {
  return async (ctx: CommandContext): Promise<number> => {
    const o = parse(ctx);
    if (typeof o === 'number') return o;
    if (o.urls.length === 0) return usageError(ctx, 'no URL specified!');
    const toStdout = o.output === undefined || o.output === '-';
    if (!toStdout && o.output !== '/dev/null') {
      ctx.io.err(`Warning: Failed to open the file ${o.output}: Read-only file system\n`);
      if (!o.silent || o.showError) ctx.io.err('curl: (23) Failure writing output to destination\n');
      return 23;
    }
    let code = 0;
    for (const url of o.urls) {
      const r = await transfer(url, o, net, ctx.signal);
      if (r.code === 143) return 143; // killed (timeout)
      if (!o.silent) ctx.io.err(progress(r));
      if (r.code === 0 && toStdout) ctx.io.out(o.head ? r.headerText : r.body.toString('utf8'));
      if (r.code && (!o.silent || o.showError) && r.error) ctx.io.err(`curl: (${r.code}) ${r.error}\n`);
      if (o.writeOut !== undefined) ctx.io.out(writeOut(o.writeOut, r, ctx));
      if (r.code) code = r.code;
    }
    return code;
  };
}
