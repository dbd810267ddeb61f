/**
 * The hybrid router (Python/FastAPI) as the simulator models it: its providers and their health
 * checks, provider selection for `/inference`, and the log lines it prints (BEACON-FACTS "Hybrid
 * router endpoints"). The HTTP layer (`routerServer.ts`) and the simulated runner's jobs both go
 * through `inference()`, so the router's logs and history show every request.
 */
import { LogBuffer, type LogProvider } from './logBuffer';
import { pythonLog, uvicornAccess } from './logFormat';
import type { Rng } from './rng';

interface Provider {
  name: string;
  region: string;
  /** The URL the router's health check calls. */
  healthUrl: string;
  healthy: boolean;
}

interface HealthCheckRecord {
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

/** Why an inference failed, as the router's answer carries it. */
type InferenceFailure = { stage: string; component: string; message: string; retryable: boolean };

export const ROUTER_MACHINE = { id: 'e2865013a45d86', region: 'ord', privateIp: 'fdaa:2:b0a1:a7b:1b4:5f21:9e3a:2' };

/** Modal's price of the GPU the providers run on, per second of inference. */
const COST_PER_SECOND = 0.000583;

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
      region: p.region,
      healthUrl: healthUrl(p.slug, opts.wrongHealthUrls),
      healthy: !opts.wrongHealthUrls,
    }));
    this.healthHistory = [];
    this.logs.clear();
  }

  get healthyProviders(): Provider[] {
    return this.providers.filter((p) => p.healthy);
  }

  appendLog(ts: number, message: string, provider: LogProvider = 'app'): void {
    this.logs.append({ ts, instance: ROUTER_MACHINE.id, region: ROUTER_MACHINE.region, provider, level: 'info', message });
  }

  boot(ts: number): void {
    this.appendLog(ts + 180, ' INFO Starting init (commit: 6c3309ba)...');
    this.appendLog(ts + 1462, pythonLog('INFO', 'app.core.health', 'Health monitor started (interval=30s)'));
    this.appendLog(ts + 1470, 'INFO:     Application startup complete.');
    this.appendLog(ts + 1471, 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)');
  }

  /** The router process dies (router-down): its last lines, then the platform gives up restarting it. */
  crash(ts: number): void {
    this.listening = false;
    this.appendLog(ts, pythonLog('ERROR', 'app.core.health', 'Health monitor crashed: [Errno 24] Too many open files'));
    this.appendLog(ts + 5, 'ERROR:    Application startup failed. Exiting.');
    this.appendLog(ts + 60, 'machine has reached its max restart count of 10', 'runner');
  }

  /** One round of provider health checks (every 30 s). */
  healthCheckRound(ts: number): void {
    let t = ts;
    for (const p of this.providers) {
      this.appendLog(t, pythonLog('INFO', 'app.core.health', `🔍 [HEALTH_CHECK] Starting health check for ${p.name}`));
      const wrong = p.healthUrl.endsWith('/health');
      const ms = Math.round(this.rng.between(this.slow ? 900 : 90, this.slow ? 2400 : 260));
      t += ms;
      this.healthHistory.push({
        provider: p.name,
        url: p.healthUrl,
        status_code: wrong ? 404 : 200,
        success: !wrong,
        error: wrong ? 'HTTP 404: Not Found' : null,
        timestamp: new Date(t).toISOString(),
        response_time_ms: ms,
      });
      p.healthy = !wrong;
      if (wrong) this.appendLog(t, pythonLog('ERROR', 'app.core.health', `❌ [HEALTH_CHECK] ${p.name} failed: HTTP 404 from ${p.healthUrl}`));
      else this.appendLog(t, pythonLog('INFO', 'app.core.health', `✅ [HEALTH_CHECK] ${p.name} is HEALTHY (success=True)`));
    }
    if (this.healthHistory.length > 100) this.healthHistory.splice(0, this.healthHistory.length - 100);
  }

  /**
   * Provider selection and the answer of POST /inference, logged as the router logs it.
   * `client` is the caller's address as uvicorn prints it (`ip:port`).
   */
  inference(ts: number, req: InferenceRequest, client: string, logAccess = true) {
    const total = this.providers.length;
    const region = req.region_preference ?? null;
    // a region preference is soft (another region's provider serves it), but one the router does not know leaves none
    const knownRegion = region === null || this.providers.some((x) => x.region === region);
    const healthy = knownRegion ? this.healthyProviders : [];
    this.appendLog(ts, pythonLog('ERROR', 'app.core.router', `[SELECT_PROVIDER] Total providers: ${total}`));
    const chosen = healthy.find((p) => p.region === region) ?? healthy[0];
    // a provider's answer (even a refusal) takes its inference time; a failed selection a few ms
    const took = chosen ? this.rng.between(0.12, 0.45) : this.rng.between(0.0011, 0.0029);
    const answeredAt = ts + (chosen ? Math.round(took * 1000) : 2);
    let failure: InferenceFailure | null = null;
    if (!chosen) {
      this.appendLog(ts, pythonLog('ERROR', 'app.core.router', `[SELECT_PROVIDER] NO HEALTHY PROVIDERS! healthy=0 total=${total}`));
      this.appendLog(ts + 1, pythonLog('WARNING', 'app.core.router', `No healthy providers available for region ${region ?? 'any'}`));
      failure = { stage: 'provider_selection', component: 'router', message: 'No healthy providers available', retryable: true };
    } else if (this.quotaExceeded) {
      const message = `Provider ${chosen.name} returned HTTP 429 Too Many Requests: monthly GPU quota exceeded`;
      this.appendLog(answeredAt, pythonLog('WARNING', 'app.providers.modal', `${chosen.name} answered 429 Too Many Requests (quota)`));
      failure = { stage: 'inference', component: 'provider', message, retryable: false };
    } else {
      const selected = `${chosen.name} (healthy=${healthy.length}/${total}, region=${chosen.region})`;
      this.appendLog(ts, pythonLog('INFO', 'app.core.router', `[SELECT_PROVIDER] Selected ${selected}`));
    }
    if (logAccess) this.appendLog(answeredAt, uvicornAccess(client, 'POST', '/inference', 200));
    return {
      success: failure === null,
      response: failure ? null : 'Hello! It looks like you are testing the connection. How can I help you today?',
      error: failure?.message ?? null,
      error_code: failure ? (chosen ? 'PROVIDER_ERROR' : 'PROVIDER_UNAVAILABLE') : null,
      failure,
      provider_used: chosen?.name ?? '',
      inference_time: round(took, 4),
      cost_estimate: failure ? 0 : round(took * COST_PER_SECOND, 6),
      metadata: { model: req.model, region: chosen?.region ?? region, providers_total: total, providers_healthy: healthy.length },
    };
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
