/**
 * The hybrid router (Python/FastAPI) as the simulator models it: its providers and their health
 * checks, provider selection for `/inference`, and the log lines it prints (BEACON-FACTS "Hybrid
 * router endpoints"). The HTTP layer (`routerServer.ts`) and the simulated runner's jobs both go
 * through `inference()`, so the router's logs and history show every request.
 */
import { LogBuffer } from './logBuffer';
import { pythonLog, uvicornAccess } from './logFormat';
import type { Rng } from './rng';

export interface Provider {
  name: string;
  type: 'modal';
  region: string;
  /** The URL the router's health check calls. */
  healthUrl: string;
  inferenceUrl: string;
  healthy: boolean;
  lastHealthCheck: number | null;
  costPerSecond: number;
  avgLatencyMs: number;
  successRate: number;
}

export interface HealthCheckRecord {
  provider: string;
  url: string;
  status_code: number | null;
  success: boolean;
  error: string | null;
  timestamp: string;
  response_time_ms: number;
}

export interface InferenceRequest {
  model: string;
  prompt: string;
  temperature?: number;
  max_tokens?: number;
  region_preference?: string | null;
  cost_priority?: boolean;
}

export interface InferenceAnswer {
  success: boolean;
  response: string | null;
  error: string | null;
  error_code: string | null;
  failure: { stage: string; component: string; message: string; retryable: boolean } | null;
  provider_used: string;
  inference_time: number;
  cost_estimate: number;
  metadata: Record<string, unknown>;
}

export const ROUTER_MACHINE = { id: 'e2865013a45d86', region: 'ord', privateIp: 'fdaa:2:b0a1:a7b:1b4:5f21:9e3a:2' };

const PROVIDERS: readonly { name: string; region: string; slug: string }[] = [
  { name: 'modal-us-east', region: 'us-east', slug: 'us-east' },
  { name: 'modal-eu-west', region: 'eu-west', slug: 'eu-west' },
  { name: 'modal-asia-pacific', region: 'asia-pacific', slug: 'apac' },
];

/** Provider health URLs: the right one, and the wrong one of the incident (a 404). */
function healthUrl(slug: string, wrong: boolean): string {
  return wrong ? `https://project-beacon--inference-${slug}.modal.run/health` : `https://project-beacon--health-${slug}.modal.run`;
}

export class RouterApp {
  private listening = true;
  private overloaded = false;
  private quota = false;
  providers: Provider[] = [];
  healthHistory: HealthCheckRecord[] = [];
  bootedAt = 0;
  readonly logs = new LogBuffer();

  constructor(private readonly rng: Rng) {}

  get up(): boolean {
    return this.listening;
  }

  /** Overloaded: /health answers late, /inference later still (see `routerServer.ts`). */
  get slow(): boolean {
    return this.overloaded;
  }

  /** provider-quota: every provider call is refused upstream with HTTP 429 (a quota), though health checks pass. */
  get quotaExceeded(): boolean {
    return this.quota;
  }

  /** Providers whose health URL is wrong get 404 from every health check (the real incident). */
  configure(opts: { wrongHealthUrls: boolean; up: boolean; slow: boolean; quotaExceeded: boolean }): void {
    this.listening = opts.up;
    this.overloaded = opts.slow;
    this.quota = opts.quotaExceeded;
    this.providers = PROVIDERS.map((p) => ({
      name: p.name,
      type: 'modal' as const,
      region: p.region,
      healthUrl: healthUrl(p.slug, opts.wrongHealthUrls),
      inferenceUrl: `https://project-beacon--inference-${p.slug}.modal.run`,
      healthy: !opts.wrongHealthUrls,
      lastHealthCheck: null,
      costPerSecond: 0.000583,
      avgLatencyMs: 0,
      successRate: opts.wrongHealthUrls ? 0 : 1,
    }));
    this.healthHistory = [];
    this.logs.clear();
  }

  get healthyProviders(): Provider[] {
    return this.providers.filter((p) => p.healthy);
  }

  private log(ts: number, message: string): void {
    this.logs.append({ ts, instance: ROUTER_MACHINE.id, region: ROUTER_MACHINE.region, provider: 'app', level: 'info', message });
  }

  private platform(ts: number, message: string, provider: 'runner' | 'app' = 'runner'): void {
    this.logs.append({ ts, instance: ROUTER_MACHINE.id, region: ROUTER_MACHINE.region, provider, level: 'info', message });
  }

  boot(ts: number): void {
    this.bootedAt = ts;
    this.platform(ts, 'Configuring firecracker');
    this.platform(ts + 180, ' INFO Starting init (commit: 6c3309ba)...', 'app');
    this.platform(ts + 190, ' INFO Preparing to run: `uvicorn app.main:app --host 0.0.0.0 --port 8000` as root', 'app');
    this.log(ts + 1450, 'INFO:     Started server process [314]');
    this.log(ts + 1452, 'INFO:     Waiting for application startup.');
    this.log(ts + 1460, pythonLog('INFO', 'app.main', `🚀 Hybrid router starting (providers configured: ${this.providers.length})`));
    this.log(ts + 1462, pythonLog('INFO', 'app.core.health', 'Health monitor started (interval=30s)'));
    this.log(ts + 1470, 'INFO:     Application startup complete.');
    this.log(ts + 1471, 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)');
    this.platform(ts + 1500, 'Machine started in 1.512s');
  }

  /** The router process dies (router-down): its last lines, then the platform gives up restarting it. */
  crash(ts: number): void {
    this.listening = false;
    this.log(ts, pythonLog('ERROR', 'app.core.health', 'Health monitor crashed: [Errno 24] Too many open files'));
    this.log(ts + 2, 'Traceback (most recent call last):');
    this.log(ts + 3, '  File "/app/app/main.py", line 88, in lifespan');
    this.log(ts + 4, "OSError: [Errno 24] Too many open files: '/app/app/config/providers.json'");
    this.log(ts + 5, 'ERROR:    Application startup failed. Exiting.');
    this.platform(ts + 40, ' INFO Main child exited normally with code: 3', 'app');
    this.platform(ts + 60, 'machine has reached its max restart count of 10');
  }

  /** One round of provider health checks (every 30 s, and on POST /debug/force-health-check). */
  healthCheckRound(ts: number): HealthCheckRecord[] {
    const out: HealthCheckRecord[] = [];
    let t = ts;
    for (const p of this.providers) {
      this.log(t, pythonLog('INFO', 'app.core.health', `🔍 [HEALTH_CHECK] Starting health check for ${p.name}`));
      const wrong = p.healthUrl.endsWith('/health');
      const ms = Math.round(this.rng.between(this.slow ? 900 : 90, this.slow ? 2400 : 260));
      t += ms;
      const rec: HealthCheckRecord = {
        provider: p.name,
        url: p.healthUrl,
        status_code: wrong ? 404 : 200,
        success: !wrong,
        error: wrong ? 'HTTP 404: Not Found' : null,
        timestamp: new Date(t).toISOString(),
        response_time_ms: ms,
      };
      p.healthy = !wrong;
      p.lastHealthCheck = t;
      p.avgLatencyMs = ms;
      if (wrong) this.log(t, pythonLog('ERROR', 'app.core.health', `❌ [HEALTH_CHECK] ${p.name} failed: HTTP 404 from ${p.healthUrl}`));
      else this.log(t, pythonLog('INFO', 'app.core.health', `✅ [HEALTH_CHECK] ${p.name} is HEALTHY (success=True)`));
      out.push(rec);
      this.healthHistory.push(rec);
    }
    if (this.healthHistory.length > 100) this.healthHistory.splice(0, this.healthHistory.length - 100);
    return out;
  }

  /**
   * Provider selection and the answer of POST /inference, logged as the router logs it.
   * `client` is the caller's address as uvicorn prints it (`ip:port`).
   */
  inference(ts: number, req: InferenceRequest, client: string, logAccess = true): InferenceAnswer {
    const total = this.providers.length;
    const region = req.region_preference ?? null;
    // a region preference is soft (another region's provider serves it), but one the router does not know leaves none
    const knownRegion = region === null || this.providers.some((x) => x.region === region);
    const healthy = knownRegion ? this.healthyProviders : [];
    this.log(ts, pythonLog('ERROR', 'app.core.router', `[SELECT_PROVIDER] Total providers: ${total}`));
    if (healthy.length === 0) {
      const took = this.rng.between(0.0011, 0.0029);
      this.log(ts, pythonLog('ERROR', 'app.core.router', `[SELECT_PROVIDER] NO HEALTHY PROVIDERS! healthy=0 total=${total}`));
      this.log(ts + 1, pythonLog('WARNING', 'app.core.router', `No healthy providers available for region ${region ?? 'any'}`));
      if (logAccess) this.log(ts + 2, uvicornAccess(client, 'POST', '/inference', 200));
      return {
        success: false,
        response: null,
        error: 'No healthy providers available',
        error_code: 'PROVIDER_UNAVAILABLE',
        failure: { stage: 'provider_selection', component: 'router', message: 'No healthy providers available', retryable: true },
        provider_used: '',
        inference_time: round(took, 4),
        cost_estimate: 0,
        metadata: { model: req.model, region_preference: region, providers_total: total, providers_healthy: 0 },
      };
    }
    const chosen = healthy.find((p) => p.region === region) ?? healthy[0];
    const took = this.rng.between(0.12, 0.45);
    if (this.quotaExceeded) {
      const error = `Provider ${chosen.name} returned HTTP 429 Too Many Requests: monthly GPU quota exceeded`;
      this.log(ts + Math.round(took * 1000), pythonLog('WARNING', 'app.providers.modal', `${chosen.name} answered 429 Too Many Requests (quota)`));
      if (logAccess) this.log(ts + Math.round(took * 1000), uvicornAccess(client, 'POST', '/inference', 200));
      return {
        success: false,
        response: null,
        error,
        error_code: 'PROVIDER_ERROR',
        failure: { stage: 'inference', component: 'provider', message: error, retryable: false },
        provider_used: chosen.name,
        inference_time: round(took, 4),
        cost_estimate: 0,
        metadata: { model: req.model, region: chosen.region, providers_total: total, providers_healthy: this.healthyProviders.length },
      };
    }
    const tokens = Math.min(req.max_tokens ?? 500, 18);
    this.log(ts, pythonLog('INFO', 'app.core.router', `[SELECT_PROVIDER] Selected ${chosen.name} (healthy=${healthy.length}/${total}, region=${chosen.region})`));
    if (logAccess) this.log(ts + Math.round(took * 1000), uvicornAccess(client, 'POST', '/inference', 200));
    return {
      success: true,
      response: 'Hello! It looks like you are testing the connection. How can I help you today?',
      error: null,
      error_code: null,
      failure: null,
      provider_used: chosen.name,
      inference_time: round(took, 4),
      cost_estimate: round(took * chosen.costPerSecond, 6),
      metadata: { model: req.model, region: chosen.region, tokens_generated: tokens, providers_total: total, providers_healthy: healthy.length },
    };
  }

  /** An access line for the other routes (GET /health, /ready, /providers, …). */
  access(ts: number, client: string, method: string, path: string, status: number): void {
    this.log(ts, uvicornAccess(client, method, path, status));
  }

  appendLog(ts: number, message: string): void {
    this.log(ts, message);
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
