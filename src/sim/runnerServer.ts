/**
 * The runner's HTTP API as gin serves it (BEACON-FACTS "Runner HTTP endpoints"): GET-only health
 * routes (HEAD gets gin's 404), Prometheus metrics, the admin
 * endpoints behind the admin token with one request per 10 s each, the jobs API, 60 requests a
 * minute per client on every route, 400 for a POST without a JSON content type, no /debug/pprof,
 * /debug/executor only once step 0.3 is deployed. Every other path is gin's 404.
 */
import type { RequestListener } from 'node:http';
import { asyncHandler, clientIp, pathOf, readBody, sendJson, sendText, type SendOptions, WindowLimiter } from './httpUtil';
import type { SimWorld } from './simWorld';

export interface RunnerServerOptions {
  /** Requests a minute per client on every route (default 60). */
  requestsPerMinute?: number;
  /** Minimum interval between two requests to the same admin endpoint (default 10 s). */
  adminIntervalMs?: number;
}

/** `/health` and its `live` and `ready` variants, each also under `/api/v1`. */
const HEALTH = new Set(['/health', '/health/live', '/health/ready'].flatMap((p) => [p, `/api/v1${p}`]));
const METRICS = new Set(['/metrics', '/api/v1/metrics']);
const ADMIN = new Set(['/admin/circuit-breaker-stats', '/admin/resource-stats']);
const JOBS = new Set(['/api/v1/jobs', '/api/v1/jobs/cross-region']);

/** The runner's request handler (the simulator attaches it once its ports are known). */
export function runnerRequestHandler(world: SimWorld, opts: RunnerServerOptions = {}): RequestListener {
  const limiter = new WindowLimiter(opts.requestsPerMinute ?? 60, 60_000);
  const adminLimiter = new WindowLimiter(1, opts.adminIntervalMs ?? 10_000);

  return asyncHandler(async (req, res) => {
    world.advance();
    const now = world.currentTime();
    const runner = world.runner;
    const method = req.method ?? 'GET';
    const path = pathOf(req);
    const ip = clientIp(req);
    /** A string as text, anything else as JSON. */
    const reply = (status: number, body: unknown, options: SendOptions = {}) => {
      runner.metrics.request(method, path, status);
      return typeof body === 'string' ? sendText(res, status, body, options) : sendJson(res, status, body, options);
    };
    const tooMany = (error: string, retryAfter: number) =>
      reply(429, { error, retry_after: retryAfter }, { headers: { 'Retry-After': String(retryAfter) } });
    const token = runner.env.ADMIN_TOKEN ?? '';
    const bearerOk = () => (req.headers.authorization ?? '') === `Bearer ${token}`;

    const retry = limiter.take(ip, now);
    if (retry !== undefined) return tooMany('rate limit exceeded', retry);
    if (method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return reply(400, { error: 'Content-Type must be application/json' });
    }
    if (method === 'GET' && HEALTH.has(path)) {
      const redisUp = runner.breaker.state !== 'open';
      const services = {
        database: world.database.up ? 'healthy' : 'unhealthy',
        job_runner: runner.jobRunnerStarted ? 'running' : 'not_started',
        redis: redisUp ? 'healthy' : 'unhealthy',
      };
      if (path.endsWith('/live')) return reply(200, { services: {}, status: 'alive' });
      const ready = world.database.up && runner.jobRunnerStarted;
      if (path.endsWith('/ready')) return reply(ready ? 200 : 503, { services, status: ready ? 'ready' : 'not_ready' });
      return reply(200, { services, status: world.database.up && redisUp ? 'healthy' : 'degraded' });
    }
    if (method === 'GET' && METRICS.has(path)) {
      return reply(200, runner.metrics.render(), { contentType: 'text/plain; version=0.0.4; charset=utf-8' });
    }
    if (method === 'GET' && ADMIN.has(path)) {
      if (token === '') return reply(503, { error: 'admin_auth_not_configured' });
      if (!bearerOk()) return reply(401, { error: 'unauthorized' });
      const wait = adminLimiter.take(`${ip} ${path}`, now);
      if (wait !== undefined) return tooMany('admin rate limit exceeded', wait);
      if (path === '/admin/resource-stats') return reply(200, { goroutines: runner.goroutines });
      return reply(200, `CircuitBreaker[redis]: state=${runner.breaker.state}, failures=${runner.breaker.failures}\n`);
    }
    if (method === 'GET' && path === '/debug/executor' && runner.debugExecutorEnabled) {
      // step 0.3's guard: the admin token when the runner has one
      if (token !== '' && !bearerOk()) return reply(401, { error: 'unauthorized' });
      return reply(200, { executor_type: runner.executorType, hybrid_client_set: runner.jobRunnerStarted && !!runner.hybrid.base });
    }
    if (method === 'POST' && JOBS.has(path)) {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return reply(400, { error: 'invalid JSON body' });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return reply(400, { error: 'invalid job spec' });
      const r = world.submitJob();
      return reply(r.status, r.body);
    }
    reply(404, '404 page not found');
  });
}
