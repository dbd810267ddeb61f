/**
 * `curl` inside the simulated runner container. It really requests the simulator's servers (so the
 * router's state and delays show), and answers as curl 7.88 does: its options (-s -S -m -X -H -d -w
 * -o -I -i -f -v …), `-w` variables, the progress meter on stderr without -s, and its error messages
 * and exit codes (6 resolve, 7 connect, 22 -f, 28 timeout).
 */
import { request } from 'node:http';
import { isIP } from 'node:net';
import type { ContainerNet } from './containerNet';
import type { CommandContext } from './miniShell';

const VERSION = '7.88.1';

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  maxTimeMs?: number;
  method?: string;
  headers: [string, string][];
  data: string[];
  writeOut?: string;
  output?: string;
  head: boolean;
  include: boolean;
  fail: boolean;
  verbose: boolean;
  urls: string[];
}

const NO_ARG_LONG: Record<string, keyof CurlOpts | null> = {
  '--silent': 'silent', '--show-error': 'showError', '--head': 'head', '--include': 'include', '--fail': 'fail', '--verbose': 'verbose',
  '--location': null, '--insecure': null, '--compressed': null, '--no-buffer': null, '--ipv4': null, '--ipv6': null, '--globoff': null, '--http1.1': null,
};
const ARG_LONG = new Set(['--max-time', '--request', '--header', '--data', '--data-raw', '--data-binary', '--data-ascii', '--write-out', '--output', '--user-agent', '--connect-timeout', '--retry', '--user', '--url', '--resolve', '--max-redirs']);
const SHORT_FLAGS: Record<string, keyof CurlOpts | null> = { s: 'silent', S: 'showError', I: 'head', i: 'include', f: 'fail', v: 'verbose', L: null, k: null, N: null, '4': null, '6': null, g: null };
const SHORT_ARG: Record<string, string> = { m: '--max-time', X: '--request', H: '--header', d: '--data', w: '--write-out', o: '--output', A: '--user-agent', u: '--user' };

function usageError(ctx: CommandContext, msg: string): number {
  ctx.io.err(`curl: ${msg}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return 2;
}

function parse(ctx: CommandContext): CurlOpts | number {
  const o: CurlOpts = { silent: false, showError: false, headers: [], data: [], head: false, include: false, fail: false, verbose: false, urls: [] };
  const args = ctx.argv.slice(1);
  const setArg = (name: string, v: string): number | undefined => {
    switch (name) {
      case '--max-time': {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) return usageError(ctx, `option --max-time: expected a proper numerical parameter`);
        o.maxTimeMs = n * 1000;
        return undefined;
      }
      case '--request':
        o.method = v;
        return undefined;
      case '--header': {
        const i = v.indexOf(':');
        if (i > 0) o.headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()]);
        return undefined;
      }
      case '--data':
      case '--data-raw':
      case '--data-binary':
      case '--data-ascii':
        if (name !== '--data-raw' && v.startsWith('@')) {
          ctx.io.err(`Warning: Couldn't read data from file "${v.slice(1)}", this makes an empty POST.\n`);
          o.data.push('');
        } else o.data.push(name === '--data-binary' ? v : v.replace(/[\r\n]/g, ''));
        return undefined;
      case '--write-out':
        o.writeOut = v;
        return undefined;
      case '--output':
        o.output = v;
        return undefined;
      case '--user-agent':
        o.headers.push(['User-Agent', v]);
        return undefined;
      case '--user':
        o.headers.push(['Authorization', `Basic ${Buffer.from(v).toString('base64')}`]);
        return undefined;
      case '--url':
        o.urls.push(v);
        return undefined;
      default:
        return undefined; // accepted, no effect here (--connect-timeout, --retry, …)
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      if (a in NO_ARG_LONG) {
        const k = NO_ARG_LONG[a];
        if (k) (o as unknown as Record<string, boolean>)[k] = true;
        continue;
      }
      if (ARG_LONG.has(a)) {
        if (i + 1 >= args.length) return usageError(ctx, `option ${a}: requires parameter`);
        const r = setArg(a, args[++i]);
        if (r !== undefined) return r;
        continue;
      }
      return usageError(ctx, `option ${a}: is unknown`);
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c in SHORT_FLAGS) {
          const k = SHORT_FLAGS[c];
          if (k) (o as unknown as Record<string, boolean>)[k] = true;
          continue;
        }
        if (c in SHORT_ARG) {
          let v = a.slice(j + 1);
          if (v === '') {
            if (i + 1 >= args.length) return usageError(ctx, `option -${c}: requires parameter`);
            v = args[++i];
          }
          const r = setArg(SHORT_ARG[c], v);
          if (r !== undefined) return r;
          break;
        }
        return usageError(ctx, `option -${c}: is unknown`);
      }
      continue;
    }
    o.urls.push(a);
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
  contentType: string;
  error?: string;
  bytes: number;
  effectiveUrl: string;
  remoteIp: string;
  remotePort: number;
  method: string;
  uploaded: number;
}

function writeOut(fmt: string, r: Result, ctx: CommandContext): { out: string; err: string } {
  let out = '';
  let err = '';
  let toErr = false;
  const s = (ms: number) => (ms / 1000).toFixed(6);
  const vars: Record<string, () => string> = {
    http_code: () => String(r.status).padStart(3, '0'),
    response_code: () => String(r.status).padStart(3, '0'),
    time_total: () => s(r.totalMs),
    time_connect: () => s(r.connectMs),
    time_namelookup: () => s(Math.min(r.connectMs, 0.02)),
    time_starttransfer: () => s(r.firstByteMs),
    time_pretransfer: () => s(r.connectMs),
    size_download: () => String(r.bytes),
    size_upload: () => String(r.uploaded),
    url_effective: () => r.effectiveUrl,
    content_type: () => r.contentType,
    remote_ip: () => r.remoteIp,
    remote_port: () => (r.remotePort ? String(r.remotePort) : ''),
    num_connects: () => (r.connectMs > 0 || r.status ? '1' : '0'),
    exitcode: () => String(r.code),
    errormsg: () => r.error ?? '',
    method: () => r.method,
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '\\' && i + 1 < fmt.length) {
      const n = fmt[++i];
      const m: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };
      const v = m[n] ?? '\\' + n;
      if (toErr) err += v;
      else out += v;
      continue;
    }
    if (c === '%' && fmt[i + 1] === '%') {
      if (toErr) err += '%';
      else out += '%';
      i++;
      continue;
    }
    if (c === '%' && fmt[i + 1] === '{') {
      const end = fmt.indexOf('}', i + 2);
      if (end > 0) {
        const name = fmt.slice(i + 2, end);
        i = end;
        if (name === 'stderr') toErr = true;
        else if (name === 'stdout') toErr = false;
        else if (vars[name]) {
          if (toErr) err += vars[name]();
          else out += vars[name]();
        } else ctx.io.err(`curl: unknown --write-out variable: '${name}'\n`);
        continue;
      }
    }
    if (toErr) err += c;
    else out += c;
  }
  return { out, err };
}

function progress(r: Result): string {
  const pct = r.bytes > 0 || r.status ? '100' : '  0';
  const speed = r.totalMs > 0 ? Math.round((r.bytes * 1000) / r.totalMs) : 0;
  const fmtTime = '--:--:--';
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r${pct.padStart(3)} ${String(r.bytes).padStart(5)}  ${pct.padStart(3)} ${String(r.bytes).padStart(5)}    0     0 ${String(speed).padStart(6)}      0 ${fmtTime} ${fmtTime} ${fmtTime} ${String(speed).padStart(5)}\n`
  );
}

/** One transfer. */
function transfer(url: string, o: CurlOpts, net: ContainerNet, signal: AbortSignal, ctx: CommandContext): Promise<Result> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const method = o.method ?? (o.head ? 'HEAD' : o.data.length ? 'POST' : 'GET');
  const base: Result = { code: 0, status: 0, totalMs: 0, connectMs: 0, firstByteMs: 0, body: Buffer.alloc(0), headerText: '', contentType: '', bytes: 0, effectiveUrl: url, remoteIp: '', remotePort: 0, method, uploaded: 0 };
  const fail = (code: number, error: string): Result => ({ ...base, code, error, totalMs: elapsed() });
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
  const target = net.connect(address, port);
  if (!target) return Promise.resolve(fail(7, `Failed to connect to ${host} port ${port} after ${Math.round(elapsed())} ms: Couldn't connect to server`));
  if (u.protocol === 'https:') {
    return Promise.resolve(fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number'));
  }
  const body = o.data.length ? o.data.join('&') : undefined;
  const headers: Record<string, string> = { Host: u.host, 'User-Agent': `curl/${VERSION}`, Accept: '*/*' };
  if (body !== undefined) {
    headers['Content-Length'] = String(Buffer.byteLength(body));
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  for (const [k, v] of o.headers) {
    const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
    if (existing) delete headers[existing];
    if (v !== '') headers[k] = v;
  }
  if (o.verbose) {
    ctx.io.err(`*   Trying ${address}:${port}...\n`);
  }
  return new Promise((resolve) => {
    let done = false;
    let connectMs = 0;
    let firstByteMs = 0;
    let received = 0;
    const chunks: Buffer[] = [];
    const finish = (r: Result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const req = request({ host: target.host, port: target.port, method, path: u.pathname + u.search, headers, setHost: false });
    const timer = o.maxTimeMs !== undefined ? setTimeout(() => {
      req.destroy();
      finish({ ...base, code: 28, connectMs, firstByteMs, bytes: received, error: `Operation timed out after ${Math.round(elapsed())} milliseconds with ${received} bytes received`, totalMs: elapsed() });
    }, o.maxTimeMs) : undefined;
    const onAbort = () => {
      req.destroy();
      finish({ ...base, code: 143, totalMs: elapsed() });
    };
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) onAbort();
    req.on('socket', (sock) => {
      sock.on('connect', () => {
        connectMs = elapsed();
        if (o.verbose) {
          ctx.io.err(`* Connected to ${host} (${address}) port ${port} (#0)\n> ${method} ${u.pathname}${u.search} HTTP/1.1\n`);
          for (const [k, v] of Object.entries(headers)) ctx.io.err(`> ${k}: ${v}\n`);
          ctx.io.err('> \n');
        }
      });
    });
    req.on('response', (res) => {
      firstByteMs = elapsed();
      const lines = [`HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ''}`.trimEnd()];
      for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
      const headerText = lines.join('\r\n') + '\r\n\r\n';
      if (o.verbose) ctx.io.err(lines.map((l) => `< ${l}\n`).join('') + '< \n');
      res.on('data', (c: Buffer) => {
        received += c.length;
        chunks.push(c);
      });
      res.on('end', () => {
        if (o.verbose) ctx.io.err(`* Connection #0 to host ${host} left intact\n`);
        finish({
          ...base,
          status: res.statusCode ?? 0,
          connectMs,
          firstByteMs,
          totalMs: elapsed(),
          body: Buffer.concat(chunks),
          bytes: received,
          headerText,
          contentType: String(res.headers['content-type'] ?? ''),
          remoteIp: address,
          remotePort: port,
          uploaded: body ? Buffer.byteLength(body) : 0,
        });
      });
      res.on('error', () => finish({ ...base, code: 56, error: 'Failure when receiving data from the peer', totalMs: elapsed() }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (done) return;
      if (e.code === 'ECONNREFUSED') finish({ ...base, code: 7, error: `Failed to connect to ${host} port ${port} after ${Math.round(elapsed())} ms: Couldn't connect to server`, totalMs: elapsed() });
      else if (e.code === 'ECONNRESET' || e.message === 'socket hang up') finish({ ...base, code: 52, error: 'Empty reply from server', connectMs, totalMs: elapsed() });
      else finish({ ...base, code: 7, error: `Failed to connect to ${host} port ${port} after ${Math.round(elapsed())} ms: ${e.message}`, totalMs: elapsed() });
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
    if (o.output !== undefined && o.output !== '/dev/null' && o.output !== '-') {
      ctx.io.err(`Warning: Failed to open the file ${o.output}: Read-only file system\n`);
      if (!o.silent || o.showError) ctx.io.err('curl: (23) Failure writing output to destination\n');
      return 23;
    }
    let code = 0;
    for (const url of o.urls) {
      const r = await transfer(url, o, net, ctx.signal, ctx);
      if (r.code === 143) return 143; // killed (timeout)
      let failed = r.code;
      let error = r.error;
      if (!failed && o.fail && r.status >= 400) {
        failed = 22;
        error = `The requested URL returned error: ${r.status}`;
      }
      const showErrors = !o.silent || o.showError;
      if (!o.silent) ctx.io.err(progress(r));
      if (failed === 0) {
        const toStdout = o.output === undefined || o.output === '-';
        if (toStdout) {
          if (o.head || o.include) ctx.io.out(r.headerText);
          if (!o.head) ctx.io.out(r.body.toString('utf8'));
        }
      }
      if (failed && showErrors && error) ctx.io.err(`curl: (${failed}) ${error}\n`);
      if (o.writeOut !== undefined) {
        const w = writeOut(o.writeOut, { ...r, code: failed }, ctx);
        if (w.out) ctx.io.out(w.out);
        if (w.err) ctx.io.err(w.err);
      }
      if (failed) code = failed;
    }
    return code;
  };
}
