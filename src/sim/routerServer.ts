/**
 * The hybrid router's HTTP API as FastAPI serves it (BEACON-FACTS "Hybrid router endpoints"):
 * `/health` always says "healthy" (judge `providers_healthy`) and HEAD gets 405; `/inference`
 * answers HTTP 200 `success:false` / `PROVIDER_UNAVAILABLE` within ms when no provider is healthy;
 * the diagnostics routes the runbook's guidance sends the user to. Any other path: FastAPI's 404.
 * Overloaded (router-slow), `/health` and `/ready` answer after `slowMs`, `/inference` after `slowInferenceMs`.
 */
import type { RequestListener } from 'node:http';
import { asyncHandler, clientIp, pathOf, readBody, sendJson } from './httpUtil';
import { uvicornAccess } from './logFormat';
import type { InferenceRequest } from './routerApp';
import type { SimWorld } from './simWorld';

export interface RouterServerOptions {
  /** router-slow: delay of /health (default 2300 ms: above the checks' 2 s warning). */
  slowMs?: number;
  /** router-slow: delay of /inference (default 2000 ms; 5600 makes the 1.6 script's `timeout 5` fire, at ~8 s for that check). */
  slowInferenceMs?: number;
}

const ROUTES: Record<string, string> = {
  '/health': 'GET',
  '/ready': 'GET',
  '/inference': 'POST',
  '/providers': 'GET',
  '/debug/providers': 'GET',
  '/debug/health-check-history': 'GET',
  '/debug/startup-status': 'GET',
  '/debug/force-health-check': 'POST',
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

  return asyncHandler(async (req, res) => {
    world.advance();
    const router = world.router;
    const method = req.method ?? 'GET';
    const path = pathOf(req);
    const client = `${clientIp(req)}:${req.socket.remotePort ?? 0}`;
    const now = () => world.currentTime();
    /** Answers after `delayMs` (plus the network distance); the body is made when the answer leaves. */
    const answer = (delayMs: number, status: number, body: () => unknown, headers: Record<string, string> = {}) => {
      const send = () => {
        sendJson(res, status, body(), { contentType: 'application/json', headers: { server: 'uvicorn', ...headers }, head: method === 'HEAD' });
        router.appendLog(now(), uvicornAccess(client, method, req.url ?? path, status));
      };
      const wait = delayMs + v.routerLatencyMs;
      if (wait <= 0) {
        send();
        return;
      }
      const timer = setTimeout(() => {
        world.advance();
        send();
      }, wait);
      res.on('close', () => clearTimeout(timer));
    };

    const allowed = path.startsWith('/debug/') && !v.routerDebugRoutes ? undefined : ROUTES[path];
    if (!allowed) {
      answer(0, 404, () => ({ detail: 'Not Found' }));
      return;
    }
    if (method !== allowed) {
      answer(0, 405, () => ({ detail: 'Method Not Allowed' }), { allow: allowed });
      return;
    }
    const counts = () => ({ providers_total: router.providers.length, providers_healthy: router.healthyProviders.length });
    /** A provider as /providers shows it; /debug/providers adds the URL its health check calls. */
    const provider = (p: (typeof router.providers)[number], debug: boolean) => ({
      name: p.name,
      type: 'modal',
      region: p.region,
      healthy: p.healthy,
      last_health_check: router.healthHistory.filter((h) => h.provider === p.name).pop()?.timestamp ?? null,
      ...(debug ? { health_url: p.healthUrl } : {}),
    });
    switch (path) {
      case '/health':
        return answer(slowHealth() ? slowMs : 0, 200, () => ({
          status: 'healthy',
          timestamp: new Date(now()).toISOString(),
          ...counts(),
          regions: [...new Set(router.providers.map((p) => p.region))],
        }));
      case '/ready':
        return answer(slowHealth() ? slowMs : 0, 200, () => ({ status: 'ok' }));
      case '/providers':
        return answer(0, 200, () => ({ providers: router.providers.map((p) => provider(p, false)) }));
      case '/debug/providers':
        return answer(0, 200, () => ({
          total: router.providers.length,
          healthy: router.healthyProviders.length,
          providers: router.providers.map((p) => provider(p, true)),
        }));
      case '/debug/health-check-history':
        return answer(0, 200, () => ({ total: router.healthHistory.length, history: router.healthHistory.slice(-30).reverse() }));
      case '/debug/startup-status':
        return answer(0, 200, () => ({ startup_complete: true, providers_loaded: router.providers.length, health_monitor_running: true, errors: [] }));
      case '/debug/force-health-check':
        await readBody(req);
        router.healthCheckRound(now());
        return answer(0, 200, () => ({ status: 'completed', ...counts(), results: router.healthHistory.slice(-router.providers.length) }));
    }
    const raw = await readBody(req);
    const problem = inferenceProblem(raw);
    if (problem) {
      answer(0, 422, () => ({ detail: [problem] }));
      return;
    }
    const r = JSON.parse(raw) as InferenceRequest;
    if (router.slow) {
      answer(slowInferenceMs, 200, () => router.inference(now(), r, client, false));
      return;
    }
    const result = router.inference(now(), r, client, false);
    // the answer leaves after the provider's inference time (a provider that answered, even a refusal); a failed selection at once
    answer(result.provider_used ? Math.round(result.inference_time * 1000) : 0, 200, () => result);
  });
}

/** The first problem pydantic finds in an InferenceRequest body (FastAPI's 422 lists them all; one is enough here). */
function inferenceProblem(raw: string): { type: string; loc: (string | number)[]; msg: string } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error' };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from' };
  }
  const b = body as Record<string, unknown>;
  for (const f of ['model', 'prompt']) {
    if (!(f in b)) return { type: 'missing', loc: ['body', f], msg: 'Field required' };
    if (typeof b[f] !== 'string') return { type: 'string_type', loc: ['body', f], msg: 'Input should be a valid string' };
  }
  for (const f of ['temperature', 'max_tokens']) {
    if (f in b && typeof b[f] !== 'number') return { type: 'number_type', loc: ['body', f], msg: 'Input should be a valid number' };
  }
  return undefined;
}
