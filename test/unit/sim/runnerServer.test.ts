import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';
import { http, messages, postJson } from './simTestUtil';

describe('sim/runner HTTP (gin)', () => {
  let sim: Simulator;
  afterEach(async () => sim?.stop());

  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  it('GET health routes answer JSON {status, services}; HEAD (curl -I) gets 404', async () => {
    sim = await startSimulator({});
    for (const p of ['/health', '/api/v1/health', '/health/live', '/api/v1/health/live', '/health/ready', '/api/v1/health/ready']) {
      const r = await http(sim.runnerUrl + p);
      assert.equal(r.status, 200, p);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      const body = JSON.parse(r.body);
      assert.deepEqual(Object.keys(body).sort(), ['services', 'status'], p);
    }
    assert.deepEqual(JSON.parse((await http(sim.runnerUrl + '/health')).body), { services: { database: 'healthy', job_runner: 'running', redis: 'healthy' }, status: 'healthy' });
    const head = await http(sim.runnerUrl + '/health', { method: 'HEAD' });
    assert.equal(head.status, 404);
    const get404 = await http(sim.runnerUrl + '/nope');
    assert.equal(get404.status, 404);
    assert.equal(get404.body, '404 page not found');
  });

  it('/metrics and /api/v1/metrics: the series BEACON-FACTS lists, and no hybrid_circuit_breaker_state', async () => {
    sim = await startSimulator({ fault: 'missing-hybrid-config' });
    for (const p of ['/metrics', '/api/v1/metrics']) {
      const r = await http(sim.runnerUrl + p);
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      for (const name of ['http_requests_total', 'jobs_processed_total', 'jobs_failed_total', 'runner_execution_duration_seconds', 'runner_failures_total', 'runner_queue_latency_seconds']) {
        assert.match(r.body, new RegExp(`^# TYPE ${name} (counter|histogram)$`, 'm'), name);
      }
      assert.ok(!/circuit/i.test(r.body), 'no circuit-breaker series at all');
      assert.match(r.body, /^runner_execution_duration_seconds_bucket\{region="[a-z-]+",status="failed",le="0\.05"\} \d+$/m);
      assert.match(r.body, /^runner_failures_total\{region="[a-z-]+",error_type="provider_unavailable",component="golem_executor"\} [1-9]\d*$/m);
      assert.match(r.body, /^runner_queue_latency_seconds_count\{region="[a-z-]+"\} [1-9]\d*$/m);
      const processed = Number(/^jobs_processed_total (\d+)$/m.exec(r.body)![1]);
      const failed = Number(/^jobs_failed_total (\d+)$/m.exec(r.body)![1]);
      assert.ok(processed > 0 && failed === processed, 'every job failed (Golem executor)');
    }
  });

  it('no /debug/pprof; /debug/executor is 404 until step 0.3 is deployed', async () => {
    sim = await startSimulator({});
    assert.equal((await http(sim.runnerUrl + '/debug/pprof/goroutine?debug=1')).status, 404);
    assert.equal((await http(sim.runnerUrl + '/debug/pprof/heap?debug=1')).status, 404);
    assert.equal((await http(sim.runnerUrl + '/debug/executor')).status, 404);
  });

  it('/debug/executor once deployed: the executor type, guarded by the admin token', async () => {
    sim = await startSimulator({ instrumentation: ['0.3'] });
    assert.equal((await http(sim.runnerUrl + '/debug/executor')).status, 401);
    const r = await http(sim.runnerUrl + '/debug/executor', { headers: bearer(sim.adminToken) });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { executor_type: '*worker.HybridExecutor', hybrid_client_set: true });
    await sim.stop();
    sim = await startSimulator({ instrumentation: ['0.3'], fault: 'missing-hybrid-config' });
    const g = await http(sim.runnerUrl + '/debug/executor', { headers: bearer(sim.adminToken) });
    assert.deepEqual(JSON.parse(g.body), { executor_type: '*worker.GolemExecutor', hybrid_client_set: false });
  });

  it('admin endpoints: 401 with a wrong token, the breaker text and goroutines with the right one, 429 + Retry-After within 10 s', async () => {
    sim = await startSimulator({});
    const wrong = await http(sim.runnerUrl + '/admin/circuit-breaker-stats', { headers: bearer('nope') });
    assert.equal(wrong.status, 401);
    assert.equal((await http(sim.runnerUrl + '/admin/circuit-breaker-stats')).status, 401);
    const ok = await http(sim.runnerUrl + '/admin/circuit-breaker-stats', { headers: bearer(sim.adminToken) });
    assert.equal(ok.status, 200);
    assert.equal(ok.body, 'CircuitBreaker[redis]: state=closed, failures=0\n');
    const again = await http(sim.runnerUrl + '/admin/circuit-breaker-stats', { headers: bearer(sim.adminToken) });
    assert.equal(again.status, 429);
    const retry = Number(again.headers['retry-after']);
    assert.ok(retry >= 9 && retry <= 10, `Retry-After ${retry}`);
    // the limit is per endpoint: the other admin endpoint still answers
    const res = await http(sim.runnerUrl + '/admin/resource-stats', { headers: bearer(sim.adminToken) });
    assert.equal(res.status, 200);
    const stats = JSON.parse(res.body);
    assert.equal(typeof stats.goroutines, 'number');
    assert.ok(stats.goroutines > 0 && stats.goroutines < 1000);
  });

  it('admin endpoints answer again once the interval has passed', async () => {
    sim = await startSimulator({ adminIntervalMs: 300 });
    const get = () => http(sim.runnerUrl + '/admin/resource-stats', { headers: bearer(sim.adminToken) });
    assert.equal((await get()).status, 200);
    assert.equal((await get()).status, 429);
    await new Promise((r) => setTimeout(r, 350));
    assert.equal((await get()).status, 200);
  });

  it('admin endpoints: 503 admin_auth_not_configured when the runner has no ADMIN_TOKEN', async () => {
    sim = await startSimulator({});
    sim.state.platform.unsetSecrets(sim.flyApp, ['ADMIN_TOKEN'], false);
    const r = await http(sim.runnerUrl + '/admin/circuit-breaker-stats', { headers: bearer(sim.adminToken) });
    assert.equal(r.status, 503);
    assert.deepEqual(JSON.parse(r.body), { error: 'admin_auth_not_configured' });
  });

  it('circuit-open: the Redis breaker reports state=open', async () => {
    sim = await startSimulator({ fault: 'circuit-open' });
    const r = await http(sim.runnerUrl + '/admin/circuit-breaker-stats', { headers: bearer(sim.adminToken) });
    assert.equal(r.body, 'CircuitBreaker[redis]: state=open, failures=5\n');
  });

  it('60 requests a minute per client on every route, then 429 with Retry-After', async () => {
    sim = await startSimulator({});
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await http(sim.runnerUrl + (i % 2 ? '/health' : '/nope'))).status);
    assert.ok(codes.slice(0, 60).every((c) => c !== 429));
    const last = await http(sim.runnerUrl + '/health');
    assert.equal(codes[60], 429);
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers['retry-after']) >= 1);
  });

  it('POST without a JSON content type gets 400; POST /api/v1/jobs queues a job whose lines reach the logs', async () => {
    sim = await startSimulator({ fault: 'executor-bug' });
    const bad = await http(sim.runnerUrl + '/api/v1/jobs', { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } });
    assert.equal(bad.status, 400);
    const before = sim.state.runner.logs.lastSeq;
    const r = await postJson(sim.runnerUrl + '/api/v1/jobs', { questions: ['q'], models: [{ id: 'llama3.2-1b' }] });
    assert.equal(r.status, 202);
    const id = JSON.parse(r.body).id as string;
    await new Promise((res) => setTimeout(res, 400)); // the job is picked up after its queue latency
    sim.state.advance();
    const lines = messages(sim.state.runner.logs.after(before).map((e) => e.message).join('\n') + '\n');
    assert.ok(lines.some((l) => l.includes(`executing multi-model job job_id=${id} model_count=2`)), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('ERR question execution failed error="spec has no question or no model"') && l.includes(id)));
  });

  it('database-unavailable: the jobs API answers 503, /health/ready is 503 and /health says degraded', async () => {
    sim = await startSimulator({ fault: 'database-unavailable' });
    const r = await postJson(sim.runnerUrl + '/api/v1/jobs', { questions: ['q'] });
    assert.equal(r.status, 503);
    assert.deepEqual(JSON.parse(r.body), { error: 'database unavailable' });
    assert.equal((await http(sim.runnerUrl + '/health/ready')).status, 503);
    const health = JSON.parse((await http(sim.runnerUrl + '/health')).body);
    assert.equal(health.status, 'degraded');
    assert.deepEqual(health.services, { database: 'unhealthy', job_runner: 'not_started', redis: 'healthy' });
  });
});
