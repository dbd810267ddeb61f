/**
 * The runner's HTTP API as gin serves it (BEACON-FACTS "Runner HTTP endpoints"): GET-only health
 * routes (HEAD gets gin's 404), Prometheus metrics, the admin endpoints behind the admin token with
 * one request per 10 s each, 60 requests a minute per client on every route, 400 for a POST
 * without a JSON content type, no /debug/pprof, /debug/executor only once step 0.3 is deployed.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { clientIp, pathOf, readBody, sendJson, sendText, WindowLimiter } from './httpUtil';
import type { SimWorld } from './simWorld';
import { errorMessage } from '../shared/errorMessage';

export interface RunnerServerOptions {
  /** Requests a minute per client on every route (default 60). */
  requestsPerMinute?: number;
  /** Minimum interval between two requests to the same admin endpoint (default 10 s). */
  adminIntervalMs?: number;
}

const HEALTH = new Set(['/health', '/api/v1/health']);
const LIVE = new Set(['/health/live', '/api/v1/health/live']);
const READY = new Set(['/health/ready', '/api/v1/health/ready']);
const METRICS = new Set(['/metrics', '/api/v1/metrics']);
const ADMIN = new Set(['/admin/circuit-breaker-stats', '/admin/resource-stats']);

/** The runner's request handler (the simulator attaches it once its ports are known). */
export function runnerRequestHandler(world: SimWorld, opts: RunnerServerOptions = {}): RequestListener {
  const limiter = new WindowLimiter(opts.requestsPerMinute ?? 60, 60_000);
  const adminInterval = opts.adminIntervalMs ?? 10_000;
  const adminLast = new Map<string, number>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    world.advance();
    const now = world.currentTime();
    const runner = world.runner;
    const method = req.method ?? 'GET';
    const path = pathOf(req);
    const ip = clientIp(req);
    const count = (status: number) => runner.metrics.request(method, path, status);

    const retry = limiter.take(ip, now);
    if (retry !== undefined) {
      sendJson(res, 429, { error: 'rate limit exceeded', retry_after: retry }, { headers: { 'Retry-After': String(retry) } });
      return;
    }
    if (method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 400, { error: 'Content-Type must be application/json' });
      return;
    }
    const notFound = () => sendText(res, 404, '404 page not found');

    if (method === 'GET' && HEALTH.has(path)) {
      const healthy = world.database.up && runner.breaker.state !== 'open';
      sendJson(res, 200, { services: services(world), status: healthy ? 'healthy' : 'degraded' });
      count(200);
      return;
    }
    if (method === 'GET' && LIVE.has(path)) {
      sendJson(res, 200, { services: {}, status: 'alive' });
      count(200);
      return;
    }
    if (method === 'GET' && READY.has(path)) {
      const ready = world.database.up && runner.jobRunnerStarted;
      sendJson(res, ready ? 200 : 503, { services: services(world), status: ready ? 'ready' : 'not_ready' });
      count(ready ? 200 : 503);
      return;
    }
    if (method === 'GET' && METRICS.has(path)) {
      count(200);
      const text = runner.metrics.render({
        goroutines: runner.goroutines,
        uptimeSeconds: Math.max(0, (now - runner.bootedAt) / 1000),
        heapBytes: 21_495_808 + runner.metrics.processed * 4096,
      });
      sendText(res, 200, text, { contentType: 'text/plain; version=0.0.4; charset=utf-8' });
      return;
    }
    if (method === 'GET' && ADMIN.has(path)) {
      const token = runner.env.ADMIN_TOKEN ?? '';
      if (token === '') {
        sendJson(res, 503, { error: 'admin_auth_not_configured' });
        count(503);
        return;
      }
      if ((req.headers.authorization ?? '') !== `Bearer ${token}`) {
        sendJson(res, 401, { error: 'unauthorized' });
        count(401);
        return;
      }
      const key = `${ip} ${path}`;
      const last = adminLast.get(key);
      if (last !== undefined && now - last < adminInterval) {
        const wait = Math.max(1, Math.ceil((last + adminInterval - now) / 1000));
        sendJson(res, 429, { error: 'admin rate limit exceeded', retry_after: wait }, { headers: { 'Retry-After': String(wait) } });
        count(429);
        return;
      }
      adminLast.set(key, now);
      count(200);
      if (path === '/admin/circuit-breaker-stats') {
        sendText(res, 200, `CircuitBreaker[redis]: state=${runner.breaker.state}, failures=${runner.breaker.failures}\n`);
      } else {
        const uptime = Math.max(0, Math.round((now - runner.bootedAt) / 1000));
        sendJson(res, 200, {
          goroutines: runner.goroutines,
          heap_alloc_mb: Math.round((20.5 + runner.metrics.processed * 0.004) * 10) / 10,
          heap_sys_mb: 47.6,
          num_gc: 12 + Math.floor(uptime / 120),
          uptime_seconds: uptime,
        });
      }
      return;
    }
    if (method === 'GET' && path === '/debug/executor' && runner.debugExecutorEnabled) {
      const token = runner.env.ADMIN_TOKEN ?? '';
      if (token !== '' && (req.headers.authorization ?? '') !== `Bearer ${token}`) {
        sendJson(res, 401, { error: 'unauthorized' });
        count(401);
        return;
      }
      sendJson(res, 200, { executor_type: runner.executorType, hybrid_client_set: runner.jobRunnerStarted && !!runner.hybrid.base });
      count(200);
      return;
    }
    if (method === 'POST' && (path === '/api/v1/jobs' || path === '/api/v1/jobs/cross-region')) {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        sendJson(res, 400, { error: 'invalid JSON body' });
        count(400);
        return;
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        sendJson(res, 400, { error: 'invalid job spec' });
        count(400);
        return;
      }
      const r = world.submitJob();
      sendJson(res, r.status, r.body);
      count(r.status);
      return;
    }
    notFound();
  };

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: errorMessage(e) });
      else res.destroy();
    });
  };
}

function services(world: SimWorld): Record<string, string> {
  return {
    database: world.database.up ? 'healthy' : 'unhealthy',
    job_runner: world.runner.jobRunnerStarted ? 'running' : 'not_started',
    redis: world.runner.breaker.state === 'open' ? 'unhealthy' : 'healthy',
  };
}
