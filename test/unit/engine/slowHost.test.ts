// A host that accepts requests and never answers is learned once per run: the first timeout marks it,
// probes already waiting on it stop a short probe later, probes asked later wait only the short probe.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ProbeCache, SHORT_PROBE_MS } from '../../../src/engine/probes/probeCache';
import { runSteps } from '../../../src/engine/runner';
import type { Target } from '../../../src/engine/types';
import { Runbook } from '../../../src/runbook/schema';

function book(steps: object[]): Runbook {
  return Runbook.parse({
    schemaVersion: 1, id: 't', title: 'T', keyInsight: { title: 'k', text: 'k' },
    quickWins: { title: 'QW', text: '', steps },
    phases: [{ id: 'phase-9', title: 'P', steps: [{ id: '9.1', title: 'manual', text: '', manual: true }] }],
  });
}
const httpStep = (id: string, path: string, timeoutSeconds?: number) => ({
  id, title: id, text: '',
  checks: [{
    id: 'c', label: id, ...(timeoutSeconds ? { timeoutSeconds } : {}),
    probe: { type: 'http', method: 'GET', url: `\${router.url}${path}` },
    rules: [{ when: { fact: '$error', op: 'eq', value: 'timeout' }, verdict: 'fail', reason: 'no answer', facts: { 'router.slow': true } }],
    otherwise: { verdict: 'pass', reason: 'answered' },
  }],
});

describe('engine: a host that does not answer is waited for once per run', function () {
  this.timeout(30_000);
  let hang: http.Server;
  let hangUrl: string;
  const sockets = new Set<Socket>();
  let requests = 0;

  before(async () => {
    hang = http.createServer(() => { requests++; /* accepts, never answers */ });
    hang.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', () => r()));
    hangUrl = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => hang.close(() => r()));
  });
  const target = (): Target => ({ name: 't', flyApp: 'beacon-runner-test', runnerUrl: 'http://127.0.0.1:9', routerUrl: hangUrl, flyctlPath: process.execPath, psqlPath: 'psql' });

  it('a probe already waiting stops a short probe after another one timed out (not at its own timeout)', async () => {
    const rb = book([httpStep('qw.1', '/inference', 1), httpStep('qw.2', '/health', 20)]);
    const t0 = performance.now();
    const o = await runSteps(rb, target(), {});
    const ms = performance.now() - t0;
    const [a, b] = o.results;
    assert.equal(a.verdict, 'fail');
    assert.equal(b.verdict, 'fail', b.reason);
    assert.equal(o.facts['router.slow']?.value, true);
    assert.match(b.checks[0].output + b.checks[0].reason, /already did not answer qw\.1\/c within 1 s/);
    // 1 s (the first timeout) + the short probe, far below qw.2's own 20 s
    assert.ok(ms < 1000 + SHORT_PROBE_MS + 1500, `${Math.round(ms)} ms`);
  });

  it('a later run sharing the cache (a diagnosis round) waits only the short probe', async () => {
    const cache = new ProbeCache();
    await runSteps(book([httpStep('qw.1', '/inference', 1)]), target(), { cache });
    const t0 = performance.now();
    const o = await runSteps(book([httpStep('qw.3', '/debug/x', 20)]), target(), { cache, timeScale: 0.25 });
    const ms = performance.now() - t0;
    assert.equal(o.results[0].verdict, 'fail');
    assert.match(o.results[0].checks[0].output, /no answer within 0\.5 s: .* already did not answer qw\.1\/c within 1 s/);
    assert.ok(ms < SHORT_PROBE_MS * 0.25 + 1500, `${Math.round(ms)} ms`);
  });

  it('without the knowledge (a new cache) the full timeout applies: the shortening is learned, not a default', async () => {
    const before = requests;
    const t0 = performance.now();
    const o = await runSteps(book([httpStep('qw.3', '/debug/x', 1)]), target(), { cache: new ProbeCache(), timeScale: 1 });
    const ms = performance.now() - t0;
    assert.equal(o.results[0].verdict, 'fail');
    assert.ok(ms >= 950, `${Math.round(ms)} ms`);
    assert.equal(requests, before + 1);
  });
});
