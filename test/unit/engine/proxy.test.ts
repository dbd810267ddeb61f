// Behind a proxy the checks go through it (and the tools they start learn it from HTTP(S)_PROXY), so the
// router is not reported down when only the direct route is closed. The proxy here is a real forward proxy
// on 127.0.0.1 (CONNECT and absolute-form requests); the names it serves (*.beacon.test) resolve nowhere
// else, exactly like hosts only a corporate proxy can reach.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { runRunCommand } from '../../../src/cli/runCommand';
import { noProxyWithLoopback, proxyEnv, proxyFromEnv, withoutPassword } from '../../../src/engine/proxy';
import { redactorFor } from '../../../src/engine/redact';
import { runSteps } from '../../../src/engine/runner';
import { TargetError, validateTarget } from '../../../src/engine/target';
import type { Target } from '../../../src/engine/types';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import { simulatorTarget, startSimulator, type Simulator } from '../../../src/sim/simulator';

interface TestProxy {
  url: string;
  /** host:port of every request it forwarded. */
  seen: string[];
  close(): Promise<void>;
}

/** A forward proxy that knows `runner.beacon.test` and `router.beacon.test` (the simulator's ports). */
async function startProxy(routes: Record<string, number>): Promise<TestProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const local = (host: string) => routes[host.toLowerCase()];
  const server = http.createServer((req, res) => {
    // absolute-form: GET http://router.beacon.test:1234/health HTTP/1.1
    let u: URL;
    try {
      u = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('not a proxy request');
      return;
    }
    const port = local(u.hostname);
    seen.push(`${u.hostname}:${u.port}`);
    if (!port) {
      res.writeHead(502).end(`unknown host ${u.hostname}`);
      return;
    }
    const up = http.request({ host: '127.0.0.1', port, method: req.method, path: u.pathname + u.search, headers: { ...req.headers, host: u.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host] = (req.url ?? '').split(':');
    const port = local(host);
    seen.push(req.url ?? '');
    if (!port) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const up = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    for (const s of [up, client]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

describe('engine: HTTP(S) proxies', function () {
  this.timeout(60000);
  const rb = loadBuiltinRunbook();
  let sim: Simulator;
  let proxy: TestProxy;
  let behindProxy: Target;

  before(async () => {
    sim = await startSimulator({ fault: 'healthy', adminIntervalMs: 0 });
    const port = (u: string) => Number(new URL(u).port);
    proxy = await startProxy({ 'runner.beacon.test': port(sim.runnerUrl), 'router.beacon.test': port(sim.routerUrl) });
    behindProxy = { ...simulatorTarget(sim), runnerUrl: `http://runner.beacon.test:${port(sim.runnerUrl)}`, routerUrl: `http://router.beacon.test:${port(sim.routerUrl)}` };
  });
  after(async () => {
    await proxy?.close();
    await sim?.stop();
  });
  beforeEach(() => {
    proxy.seen.length = 0;
  });

  const routerHealth = async (t: Target) => (await runSteps(rb, t, { only: ['qw.3'], cache: false })).results[0];

  it('without the proxy the router looks down (the host resolves nowhere): the false alarm this prevents', async () => {
    const r = await routerHealth(behindProxy);
    assert.notEqual(r.verdict, 'pass', r.reason);
    assert.deepEqual(proxy.seen, []);
  });

  it('through the proxy the router health check passes, and the request went through it', async () => {
    const r = await routerHealth({ ...behindProxy, proxy: { http: proxy.url } });
    assert.equal(r.verdict, 'pass', r.reason);
    assert.ok(proxy.seen.some((h) => h.startsWith('router.beacon.test:')), `proxied: ${proxy.seen.join(', ')}`);
  });

  it('NO_PROXY sends a host direct (and it is down again)', async () => {
    const r = await routerHealth({ ...behindProxy, proxy: { http: proxy.url, noProxy: 'example.org,.beacon.test' } });
    assert.notEqual(r.verdict, 'pass', r.reason);
    assert.deepEqual(proxy.seen, []);
  });

  it('loopback is always reached directly: the simulator on 127.0.0.1 with a proxy that answers nothing', async () => {
    const r = await routerHealth({ ...simulatorTarget(sim), proxy: { http: 'http://127.0.0.1:9', https: 'http://127.0.0.1:9' } });
    assert.equal(r.verdict, 'pass', r.reason);
    assert.match(noProxyWithLoopback('corp.example'), /^corp\.example,localhost,127\.0\.0\.1,/);
  });

  it('the CLI reads HTTP_PROXY / HTTPS_PROXY / NO_PROXY from its environment', async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    const args = ['--only', 'qw.3', '--runner-url', behindProxy.runnerUrl, '--router-url', behindProxy.routerUrl, '--fly-app', sim.flyApp,
      '--flyctl', sim.flyctlPath, '--no-preflight', '--json'];
    const code = await runRunCommand(args, io, undefined, { cwd: process.cwd(), env: { PATH: process.env.PATH, HTTP_PROXY: proxy.url } });
    const report = JSON.parse(out.join(''));
    assert.equal(report.steps.find((s: { id: string }) => s.id === 'qw.3').verdict, 'pass', out.join(''));
    assert.equal(code, 0);
    assert.ok(proxy.seen.some((h) => h.startsWith('router.beacon.test:')));
    assert.deepEqual(proxyFromEnv({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2', NO_PROXY: 'x' }), { http: undefined, https: 'http://a:1', noProxy: 'x' });
    assert.equal(proxyFromEnv({ NO_PROXY: 'x' }), undefined);
  });

  it('the tools a check starts get the same proxy; its password is a secret; a bad proxy URL is a clear error', () => {
    const p = { http: 'http://me:s3cr%40t@proxy.corp:3128', noProxy: 'corp.example' };
    const env = proxyEnv(p);
    assert.equal(env.HTTPS_PROXY, p.http);
    assert.equal(env.http_proxy, p.http);
    assert.match(env.NO_PROXY, /corp\.example,localhost,127\.0\.0\.1/);
    const r = redactorFor({ proxy: p });
    assert.equal(r.redact('proxy auth s3cr%40t / s3cr@t'), 'proxy auth *** / ***');
    assert.equal(withoutPassword(p.http), 'http://me:***@proxy.corp:3128/');
    assert.throws(() => validateTarget({ ...behindProxy, proxy: { http: 'socks5://me:pw@proxy:1080' } }),
      (e: unknown) => e instanceof TargetError && /http\.proxy/.test(e.message) && /must be an http/.test(e.message) && !e.message.includes(':pw@'));
  });
});
