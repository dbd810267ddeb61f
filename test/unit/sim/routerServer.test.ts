import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';
import { NO_VARIATION } from '../../../src/sim/worldVariation';
import { http, messages, postJson } from './simTestUtil';

const INFERENCE = { model: 'llama3.2-1b', prompt: 'test', temperature: 0.1, max_tokens: 100, cost_priority: true };

describe('sim/router HTTP (FastAPI)', () => {
  let sim: Simulator;
  afterEach(async () => sim?.stop());

  it('GET /health: {"status":"healthy", timestamp, providers_total, providers_healthy, regions}; HEAD → 405', async () => {
    sim = await startSimulator({});
    const r = await http(sim.routerUrl + '/health');
    assert.equal(r.status, 200);
    const body = JSON.parse(r.body);
    assert.deepEqual(Object.keys(body), ['status', 'timestamp', 'providers_total', 'providers_healthy', 'regions']);
    assert.equal(body.status, 'healthy');
    assert.equal(body.providers_total, 3);
    assert.equal(body.providers_healthy, 3);
    assert.ok(!Number.isNaN(Date.parse(body.timestamp)));
    assert.deepEqual(body.regions, ['us-east', 'eu-west', 'asia-pacific']);
    const head = await http(sim.routerUrl + '/health', { method: 'HEAD' });
    assert.equal(head.status, 405);
    assert.equal(head.headers.allow, 'GET');
    assert.deepEqual(JSON.parse((await http(sim.routerUrl + '/ready')).body), { status: 'ok' });
    const nf = await http(sim.routerUrl + '/nope');
    assert.equal(nf.status, 404);
    assert.deepEqual(JSON.parse(nf.body), { detail: 'Not Found' });
  });

  it('POST /inference succeeds with the documented body', async () => {
    sim = await startSimulator({});
    const r = await postJson(sim.routerUrl + '/inference', INFERENCE);
    assert.equal(r.status, 200);
    const b = JSON.parse(r.body);
    assert.deepEqual(Object.keys(b), ['success', 'response', 'error', 'error_code', 'failure', 'provider_used', 'inference_time', 'cost_estimate', 'metadata']);
    assert.equal(b.success, true);
    assert.equal(typeof b.response, 'string');
    assert.equal(b.error_code, null);
    assert.match(b.provider_used, /^modal-/);
    assert.ok(r.ms >= b.inference_time * 1000 - 5, 'answers after the inference time');
  });

  it('no healthy provider: /health still says "healthy" with providers_healthy 0; /inference is HTTP 200 success:false PROVIDER_UNAVAILABLE within a few ms', async () => {
    sim = await startSimulator({ fault: 'no-healthy-providers' });
    const h = JSON.parse((await http(sim.routerUrl + '/health')).body);
    assert.equal(h.status, 'healthy');
    assert.equal(h.providers_healthy, 0);
    assert.equal(h.providers_total, 3);
    const r = await postJson(sim.routerUrl + '/inference', INFERENCE);
    assert.equal(r.status, 200);
    const b = JSON.parse(r.body);
    assert.equal(b.success, false);
    assert.equal(b.error, 'No healthy providers available');
    assert.equal(b.error_code, 'PROVIDER_UNAVAILABLE');
    assert.equal(b.failure.stage, 'provider_selection');
    assert.ok(r.ms < 100, `answered in ${r.ms} ms`);
    assert.ok(b.inference_time < 0.01);
  });

  it('the diagnostics routes; the health-check history shows the 404 of the wrong health URL', async () => {
    sim = await startSimulator({ fault: 'no-healthy-providers' });
    const providers = JSON.parse((await http(sim.routerUrl + '/providers')).body).providers;
    assert.equal(providers.length, 3);
    assert.ok(providers.every((p: { healthy: boolean }) => p.healthy === false));
    const debug = JSON.parse((await http(sim.routerUrl + '/debug/providers')).body);
    assert.equal(debug.healthy, 0);
    assert.ok(debug.providers.every((p: { health_url: string }) => p.health_url.endsWith('/health')));
    const hist = await http(sim.routerUrl + '/debug/health-check-history');
    const entries = JSON.parse(hist.body).history as Record<string, unknown>[];
    assert.ok(entries.length > 0);
    for (const e of entries) {
      assert.deepEqual(Object.keys(e).slice(0, 5), ['provider', 'url', 'status_code', 'success', 'error']);
      assert.equal(e.status_code, 404);
      assert.equal(e.success, false);
    }
    // the runbook's r.3 regexes read it like this
    assert.match(hist.body, /"status_code"\s*:\s*(\d+)[^}]*"success"\s*:\s*false/);
    assert.ok(!/"success"\s*:\s*true/.test(hist.body));
    assert.equal((await http(sim.routerUrl + '/debug/health-check-history', { method: 'POST' })).status, 405);
    const startup = JSON.parse((await http(sim.routerUrl + '/debug/startup-status')).body);
    assert.equal(startup.startup_complete, true);
    const forced = await http(sim.routerUrl + '/debug/force-health-check', { method: 'POST' });
    assert.equal(forced.status, 200);
    assert.equal(JSON.parse(forced.body).providers_healthy, 0);
    assert.equal((await http(sim.routerUrl + '/debug/force-health-check')).status, 405);
  });

  it('healthy providers: the history is all successes', async () => {
    sim = await startSimulator({});
    const hist = (await http(sim.routerUrl + '/debug/health-check-history')).body;
    assert.ok(!/"success"\s*:\s*false/.test(hist));
    assert.match(hist, /"status_code":200/);
  });

  it('422 for a body that is not the InferenceRequest model', async () => {
    sim = await startSimulator({});
    const r = await postJson(sim.routerUrl + '/inference', { prompt: 'x' });
    assert.equal(r.status, 422);
    assert.deepEqual(JSON.parse(r.body).detail[0].loc, ['body', 'model']);
    const bad = await http(sim.routerUrl + '/inference', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.status, 422);
  });

  it('router-down: the port is closed (connection refused)', async () => {
    sim = await startSimulator({ fault: 'router-down' });
    await assert.rejects(http(sim.routerUrl + '/health'), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
  });

  it('router-slow: /health answers after slowMs, /inference after slowInferenceMs', async () => {
    sim = await startSimulator({ fault: 'router-slow', slowMs: 300, slowInferenceMs: 600 });
    const h = await http(sim.routerUrl + '/health');
    assert.equal(h.status, 200);
    assert.ok(h.ms >= 290, `health took ${h.ms} ms`);
    const r = await postJson(sim.routerUrl + '/inference', INFERENCE);
    assert.ok(r.ms >= 590, `inference took ${r.ms} ms`);
    assert.equal(JSON.parse(r.body).success, true);
  });

  it('router-slow by default: /health above the 2 s warning threshold', async function () {
    this.timeout(10000);
    sim = await startSimulator({ fault: 'router-slow' });
    const h = await http(sim.routerUrl + '/health');
    assert.ok(h.ms > 2000 && h.ms < 4000, `health took ${h.ms} ms`);
  });

  it('a world with routerLatencyMs: every answer takes that much longer (the network distance)', async () => {
    sim = await startSimulator({ variation: { ...NO_VARIATION, routerLatencyMs: 180 } });
    const inference = await postJson(sim.routerUrl + '/inference', INFERENCE);
    for (const r of [await http(sim.routerUrl + '/health'), inference, await http(sim.routerUrl + '/nope'), await postJson(sim.routerUrl + '/inference', {})]) {
      assert.ok(r.ms >= 170, `answered HTTP ${r.status} in ${r.ms} ms`);
    }
  });

  it('requests appear in the router\'s logs (uvicorn access lines, [SELECT_PROVIDER] lines)', async () => {
    sim = await startSimulator({ fault: 'no-healthy-providers' });
    const before = sim.state.router.logs.lastSeq;
    await postJson(sim.routerUrl + '/inference', { ...INFERENCE, region_preference: 'us-east' });
    const lines = messages(sim.state.router.logs.after(before).map((e) => e.message).join('\n') + '\n');
    assert.ok(lines.includes('ERROR:app.core.router:[SELECT_PROVIDER] Total providers: 3'), lines.join('\n'));
    assert.ok(lines.includes('ERROR:app.core.router:[SELECT_PROVIDER] NO HEALTHY PROVIDERS! healthy=0 total=3'));
    assert.ok(lines.includes('WARNING:app.core.router:No healthy providers available for region us-east'));
    assert.ok(lines.some((l) => /^INFO: {5}127\.0\.0\.1:\d+ - "POST \/inference HTTP\/1\.1" 200 OK$/.test(l)));
  });
});
