import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { retryAfterSeconds, runHttpProbe } from '../../../src/engine/probes/httpProbe';
import { runDnsProbe } from '../../../src/engine/probes/dnsProbe';
import { runMetricsProbe } from '../../../src/engine/probes/metricsProbe';

interface Seen { method: string; url: string; auth?: string; contentType?: string; body: string }

function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, contentType: req.headers['content-type'], body });
      handler(req, res, body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise<{ url: string; seen: Seen[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        close: () => new Promise((r) => {
          for (const s of sockets) s.destroy();
          server.close(() => r());
        }),
      });
    });
  });
}

describe('engine/probes/httpProbe', function () {
  this.timeout(15_000);

  it('GET: status, headers, latency, JSON parsed when the answer is JSON', async () => {
    const srv = await serve((_q, res) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end('{"status":"healthy","providers_healthy":0,"providers_total":3}');
    });
    try {
      const out = await runHttpProbe({ method: 'GET', url: `${srv.url}/health`, timeoutMs: 5000 });
      assert.equal(out.ok, true);
      assert.equal(out.status, 200);
      assert.equal(out.contentType, 'application/json; charset=utf-8');
      assert.deepEqual(out.json, { status: 'healthy', providers_healthy: 0, providers_total: 3 });
      assert.ok(out.latencyMs! >= 0 && out.durationMs >= out.latencyMs!);
      assert.equal(out.command, `GET ${srv.url}/health`);
    } finally {
      await srv.close();
    }
  });

  it('POST sends a JSON body with its content type; text answers stay text', async () => {
    const srv = await serve((_q, res) => {
      res.setHeader('content-type', 'text/plain');
      res.end('{"not":"parsed"}');
    });
    try {
      const out = await runHttpProbe({ method: 'POST', url: `${srv.url}/inference`, body: { model: 'm', prompt: 'test' }, timeoutMs: 5000 });
      assert.equal(srv.seen[0].method, 'POST');
      assert.equal(srv.seen[0].contentType, 'application/json');
      assert.deepEqual(JSON.parse(srv.seen[0].body), { model: 'm', prompt: 'test' });
      assert.equal(out.json, undefined);
      assert.equal(out.body, '{"not":"parsed"}');
    } finally {
      await srv.close();
    }
  });

  it('the admin token goes only to its own origin; anywhere else the request is refused before it is sent', async () => {
    const runner = await serve((_q, res) => res.end('CircuitBreaker[redis]: state=closed, failures=0'));
    const foreign = await serve((_q, res) => res.end('ok'));
    try {
      const bearer = { token: 'canary-admin-7f3a', origin: new URL(runner.url).origin, what: 'the admin token' };
      const ok = await runHttpProbe({ method: 'GET', url: `${runner.url}/admin/circuit-breaker-stats`, bearer, timeoutMs: 5000 });
      assert.equal(ok.status, 200);
      assert.equal(runner.seen[0].auth, 'Bearer canary-admin-7f3a');
      assert.ok(!ok.command.includes('canary'));

      const refused = await runHttpProbe({ method: 'GET', url: `${foreign.url}/admin/circuit-breaker-stats`, bearer, timeoutMs: 5000 });
      assert.equal(refused.ok, false);
      assert.equal(refused.error, 'EORIGIN');
      assert.equal(refused.couldNotRun, true);
      assert.match(refused.errorMessage!, /refused to send the admin token to http:\/\/127\.0\.0\.1:\d+: it is only sent to/);
      assert.equal(foreign.seen.length, 0, 'nothing was sent to the foreign origin');

      const plain = await runHttpProbe({ method: 'GET', url: `${foreign.url}/x`, timeoutMs: 5000 });
      assert.equal(plain.status, 200);
      assert.equal(foreign.seen[0].auth, undefined);
    } finally {
      await runner.close();
      await foreign.close();
    }
  });

  it('does not follow a redirect (so the token cannot leak through one)', async () => {
    const other = await serve((_q, res) => res.end('elsewhere'));
    const runner = await serve((_q, res) => {
      res.statusCode = 302;
      res.setHeader('location', `${other.url}/steal`);
      res.end();
    });
    try {
      const out = await runHttpProbe({ method: 'GET', url: `${runner.url}/admin/x`, bearer: { token: 'tok-12345', origin: new URL(runner.url).origin, what: 't' }, timeoutMs: 5000 });
      assert.equal(out.status, 302);
      assert.equal(other.seen.length, 0);
    } finally {
      await runner.close();
      await other.close();
    }
  });

  it('a 429 is marked rate limited with Retry-After in seconds', async () => {
    const srv = await serve((_q, res) => {
      res.statusCode = 429;
      res.setHeader('retry-after', '7');
      res.end('{"error":"rate_limited"}');
    });
    try {
      const out = await runHttpProbe({ method: 'GET', url: `${srv.url}/admin/resource-stats`, timeoutMs: 5000 });
      assert.equal(out.rateLimited, true);
      assert.equal(out.retryAfterSeconds, 7);
    } finally {
      await srv.close();
    }
    assert.equal(retryAfterSeconds(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1)), 30);
    assert.equal(retryAfterSeconds('soon'), undefined);
  });

  it('connection refused is ECONNREFUSED', async () => {
    const srv = await serve((_q, res) => res.end());
    const url = srv.url;
    await srv.close();
    const out = await runHttpProbe({ method: 'GET', url: `${url}/health`, timeoutMs: 5000 });
    assert.equal(out.ok, false);
    assert.equal(out.error, 'ECONNREFUSED');
    assert.equal(out.couldNotRun, undefined);
  });

  it('an unknown host is ENOTFOUND (or EAI_AGAIN without a resolver)', async () => {
    const out = await runHttpProbe({ method: 'GET', url: 'http://beacon-no-such-host.invalid/health', timeoutMs: 8000 });
    assert.ok(['ENOTFOUND', 'EAI_AGAIN'].includes(out.error!), out.error);
  });

  it('a server that accepts but does not answer times out', async () => {
    const srv = await serve(() => undefined);
    try {
      const out = await runHttpProbe({ method: 'GET', url: `${srv.url}/health`, timeoutMs: 300 });
      assert.equal(out.ok, false);
      assert.equal(out.error, 'timeout');
      assert.match(out.errorMessage!, /no answer within 0\.3 s/);
    } finally {
      await srv.close();
    }
  });

  it('cancellation aborts a pending request', async () => {
    const srv = await serve(() => undefined);
    try {
      const ac = new AbortController();
      const p = runHttpProbe({ method: 'GET', url: `${srv.url}/slow`, timeoutMs: 60_000, signal: ac.signal });
      await new Promise<void>((r) => { const t = setInterval(() => { if (srv.seen.length) { clearInterval(t); r(); } }, 10); });
      ac.abort();
      const out = await p;
      assert.equal(out.error, 'cancelled');
      assert.equal(out.couldNotRun, true);
    } finally {
      await srv.close();
    }
  });

  it('caps the body size', async () => {
    const srv = await serve((_q, res) => res.end('x'.repeat(5000)));
    try {
      const out = await runHttpProbe({ method: 'GET', url: `${srv.url}/big`, timeoutMs: 5000, maxBodyBytes: 1000 });
      assert.equal(out.body!.length, 1000);
      assert.equal(out.truncated, true);
    } finally {
      await srv.close();
    }
  });

  it('metrics: parsed from a 200 answer', async () => {
    const srv = await serve((_q, res) => res.end('# TYPE jobs_failed_total counter\njobs_failed_total 4\n'));
    try {
      const out = await runMetricsProbe({ url: `${srv.url}/api/v1/metrics`, timeoutMs: 5000 });
      assert.equal(out.exposition!.samples[0].value, 4);
    } finally {
      await srv.close();
    }
  });

  it('dns: resolves with timing; a failure carries its code', async () => {
    const ok = await runDnsProbe({ host: 'localhost', timeoutMs: 5000 });
    assert.equal(ok.ok, true);
    assert.ok(ok.addresses!.length >= 1);
    assert.match(ok.output, /Address: /);
    const bad = await runDnsProbe({ host: 'x.invalid', timeoutMs: 5000, lookup: async () => { throw Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' }); } });
    assert.equal(bad.error, 'ENOTFOUND');
    const slow = await runDnsProbe({ host: 'x', timeoutMs: 50, lookup: () => new Promise(() => undefined) });
    assert.equal(slow.error, 'timeout');
  });
});
