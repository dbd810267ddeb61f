/**
 * The hybrid router's HTTP API as FastAPI serves it (BEACON-FACTS "Hybrid router endpoints"):
 * `/health` always says "healthy" (judge `providers_healthy`), HEAD gets 405, `/inference` answers
 * HTTP 200 with `success:false` / `PROVIDER_UNAVAILABLE` within milliseconds when no provider is
 * healthy, plus the diagnostics routes. When the router is overloaded (router-slow) `/health` and
 * `/ready` answer after `slowMs` and `/inference` after `slowInferenceMs`; otherwise a successful
 * `/inference` takes the provider's inference time (0.12–0.45 s) and a failed one a few ms.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { clientIp, pathOf, readBody } from './httpUtil';
import type { InferenceRequest } from './routerApp';
import type { SimWorld } from './simWorld';
import { errorMessage } from '../shared/errorMessage';

export interface RouterServerOptions {
  /** router-slow: delay of /health and /ready (default 2300 ms: above the checks' 2 s warning). */
  slowMs?: number;
  /** router-slow: delay of /inference (default 2000 ms; 5600 makes the 1.6 script's `timeout 5` fire, at ~8 s for that check). */
  slowInferenceMs?: number;
}

const ROUTES: Record<string, string[]> = {
  '/health': ['GET'],
  '/ready': ['GET'],
  '/inference': ['POST'],
  '/providers': ['GET'],
  '/debug/providers': ['GET'],
  '/debug/health-check-history': ['GET'],
  '/debug/startup-status': ['GET'],
  '/debug/force-health-check': ['POST'],
};

/** A router that accepts a request and never answers it (long past any check's timeout). */
const HANG_MS = 10 * 60_000;

/** The router's request handler (the simulator attaches it once its ports are known). */
export function routerRequestHandler(world: SimWorld, opts: RouterServerOptions = {}): RequestListener {
  const v = world.variation;
  const slowMs = opts.slowMs ?? (v.routerSlow === 'hang' ? HANG_MS : v.routerLateMs);
  const slowInferenceMs = opts.slowInferenceMs ?? (v.routerSlow === 'late' ? Math.max(0, v.routerLateMs - 300) : HANG_MS);
  // 'inference': overloaded workers, but /health and /ready are served apart and answer at once
  const slowHealth = () => world.router.slow && v.routerSlow !== 'inference';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    world.advance();
    const router = world.router;
    const method = req.method ?? 'GET';
    const path = pathOf(req);
    const client = `${clientIp(req)}:${req.socket.remotePort ?? 0}`;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), server: 'uvicorn', ...headers });
      res.end(method === 'HEAD' ? undefined : text);
      router.access(world.currentTime(), client, method, req.url ?? path, status);
    };
    const later = (ms: number, fn: () => void) => {
      const wait = ms + v.routerLatencyMs;
      if (wait <= 0) {
        fn();
        return;
      }
      const timer = setTimeout(() => {
        world.advance();
        fn();
      }, wait);
      res.on('close', () => clearTimeout(timer));
    };

    const allowed = path.startsWith('/debug/') && !v.routerDebugRoutes ? undefined : ROUTES[path];
    if (!allowed) {
      send(404, { detail: 'Not Found' });
      return;
    }
    if (!allowed.includes(method)) {
      send(405, { detail: 'Method Not Allowed' }, { allow: allowed.join(', ') });
      return;
    }
    const now = () => world.currentTime();
    switch (path) {
      case '/health':
        later(slowHealth() ? slowMs : 0, () =>
          send(200, {
            status: 'healthy',
            timestamp: new Date(now()).toISOString(),
            providers_total: router.providers.length,
            providers_healthy: router.healthyProviders.length,
            regions: [...new Set(router.providers.map((p) => p.region))],
          }),
        );
        return;
      case '/ready':
        later(slowHealth() ? slowMs : 0, () => send(200, { status: 'ok' }));
        return;
      case '/inference': {
        const raw = await readBody(req);
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch (e) {
          send(422, { detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: errorMessage(e) } }] });
          return;
        }
        const problems = validateInference(body);
        if (problems.length) {
          send(422, { detail: problems });
          return;
        }
        const r = body as InferenceRequest;
        if (router.slow) {
          later(slowInferenceMs, () => send(200, router.inference(now(), r, client, false)));
          return;
        }
        // a router answers after the provider's inference time (a provider that answered, even a refusal); a failed selection at once
        const answer = router.inference(now(), r, client, false);
        later(answer.provider_used ? Math.round(answer.inference_time * 1000) : 0, () => send(200, answer));
        return;
      }
      case '/providers':
        send(200, {
          providers: router.providers.map((p) => ({
            name: p.name,
            type: p.type,
            region: p.region,
            healthy: p.healthy,
            last_health_check: p.lastHealthCheck === null ? null : new Date(p.lastHealthCheck).toISOString(),
            cost_per_second: p.costPerSecond,
            avg_latency: Math.round(p.avgLatencyMs) / 1000,
            success_rate: p.successRate,
          })),
        });
        return;
      case '/debug/providers':
        send(200, {
          total: router.providers.length,
          healthy: router.healthyProviders.length,
          providers: router.providers.map((p) => ({
            name: p.name,
            type: p.type,
            region: p.region,
            healthy: p.healthy,
            health_url: p.healthUrl,
            inference_url: p.inferenceUrl,
            last_health_check: p.lastHealthCheck === null ? null : new Date(p.lastHealthCheck).toISOString(),
          })),
        });
        return;
      case '/debug/health-check-history':
        send(200, { total: router.healthHistory.length, history: router.healthHistory.slice(-30).reverse() });
        return;
      case '/debug/startup-status':
        send(200, {
          startup_complete: true,
          started_at: new Date(router.bootedAt + 1470).toISOString(),
          providers_loaded: router.providers.length,
          health_monitor_running: true,
          health_check_interval_seconds: 30,
          errors: [],
        });
        return;
      case '/debug/force-health-check': {
        await readBody(req);
        const results = router.healthCheckRound(now());
        send(200, { status: 'completed', providers_total: router.providers.length, providers_healthy: router.healthyProviders.length, results });
        return;
      }
    }
  };

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`Internal Server Error: ${errorMessage(e)}`);
      } else res.destroy();
    });
  };
}

/** pydantic's 422 details for the InferenceRequest model. */
function validateInference(body: unknown): Record<string, unknown>[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: body }];
  }
  const b = body as Record<string, unknown>;
  const out: Record<string, unknown>[] = [];
  for (const f of ['model', 'prompt']) {
    if (!(f in b)) out.push({ type: 'missing', loc: ['body', f], msg: 'Field required', input: b });
    else if (typeof b[f] !== 'string') out.push({ type: 'string_type', loc: ['body', f], msg: 'Input should be a valid string', input: b[f] });
  }
  for (const f of ['temperature', 'max_tokens']) {
    if (f in b && typeof b[f] !== 'number') out.push({ type: f === 'max_tokens' ? 'int_parsing' : 'float_parsing', loc: ['body', f], msg: `Input should be a valid ${f === 'max_tokens' ? 'integer' : 'number'}`, input: b[f] });
  }
  return out;
}
