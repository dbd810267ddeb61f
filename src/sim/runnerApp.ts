/**
 * The Go job runner (`beacon-runner-production`) as the simulator models it: its startup lines
 * from its environment (BEACON-FACTS "Runner configuration", "Runner startup log lines"), what each
 * job execution does given the router, the database and the Redis breaker, the lines it prints and
 * the counters behind /metrics.
 */
import { hybridConfig, type HybridConfig, INFERENCE_COLD_START_SECONDS } from './faults';
import { goDuration } from './goFormat';
import { LogBuffer, type LogProvider } from './logBuffer';
import { type Fields, pythonLog, zerologConsole, zerologJson, type ZerologLevel } from './logFormat';
import type { RouterApp } from './routerApp';
import type { Rng } from './rng';
import { RunnerMetrics } from './runnerMetrics';
import { TRACE_LINES } from '../shared/instrumentationLines';

export const RUNNER_MACHINE = { id: '857509c4e7d578', region: 'lhr', privateIp: 'fdaa:2:b0a1:a7b:1b4:c32e:2c6d:2' };
export const RUNNER_INTERNAL_PORT = 8090;
/** The instrumentation steps whose lines the simulated runner prints once they are deployed. */
const INSTRUMENTATION_IDS = ['0.3', '2.1', '2.2', '2.3', '2.4', '5.1', 'fix-g'] as const;
type InstrumentationId = (typeof INSTRUMENTATION_IDS)[number];

function asInstrumentation(ids: readonly string[]): Set<InstrumentationId> {
  return new Set(ids.filter((i): i is InstrumentationId => (INSTRUMENTATION_IDS as readonly string[]).includes(i)));
}

/** The routes gin lists at startup in debug mode. */
const GIN_ROUTES = [
  'GET /health', 'GET /health/live', 'GET /health/ready', 'GET /metrics', 'GET /api/v1/health', 'GET /api/v1/metrics',
  'POST /api/v1/jobs', 'POST /api/v1/jobs/cross-region', 'GET /admin/circuit-breaker-stats', 'GET /admin/resource-stats',
];

/** The faults that are not a state of one of the world's parts: the runner's code and its jobs. */
export interface RunnerFaults {
  /** Scenario H: HybridExecutor.Execute returns early, before any HTTP call. */
  executorBug: boolean;
  /** unknown-region: every job asks the router for this region (one the router does not know). */
  jobRegion: string | undefined;
}

/** What the runner needs from the rest of the simulated world. */
export interface RunnerContext {
  readonly router: RouterApp;
  /** The simulator's router URL (what HYBRID_BASE points at when configured). */
  readonly routerUrl: string;
  readonly database: { readonly up: boolean; readonly address: string };
  readonly faults: Readonly<RunnerFaults>;
  readonly rng: Rng;
  /** zerolog's console writer colours its output when it writes to a terminal. */
  readonly color: boolean;
  schedule(at: number, run: (at: number) => void): void;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

const MODELS = ['llama3.2-1b', 'mistral-7b'];
const REGIONS = ['us-east', 'eu-west', 'asia-pacific'];
const QUESTIONS = ['What is the capital of France?', 'Summarise the causes of the 2008 financial crisis.', 'Who was Tank Man?'];
/** The runner's egress address as the router's access log shows it. */
const RUNNER_EGRESS = '137.66.9.214';

interface Outcome {
  ok: boolean;
  durationMs: number;
  errorType?: string;
  component?: string;
  /** The execution's own lines, written when it ends. */
  lines: { level: ZerologLevel; msg: string; fields: Fields }[];
  plain: string[];
  reachedClient: boolean;
  clientExit?: string;
  provider?: string;
}

export class RunnerApp {
  /** The environment of the running machine (set at boot from the base env and the app's secrets). */
  env: Record<string, string> = {};
  hybrid: HybridConfig = hybridConfig({});
  jobRunnerStarted = false;
  breaker: { state: BreakerState; failures: number } = { state: 'closed', failures: 0 };
  /** The instrumentation steps the deployed code contains. */
  instrumentation: ReadonlySet<InstrumentationId> = new Set();
  bootedAt = 0;
  /** The Fly release the machine runs. */
  release = 1;
  running = true;
  readonly logs = new LogBuffer();
  metrics = new RunnerMetrics();
  private jobSeq = 0;
  private boots = 0;

  constructor(private readonly ctx: RunnerContext) {}

  /** A deploy of code with these steps (ids the runner does not know are ignored). */
  deployInstrumentation(ids: readonly string[]): void {
    this.instrumentation = asInstrumentation(ids);
  }

  get executorType(): string {
    if (!this.jobRunnerStarted) return 'nil';
    return this.hybrid.base ? '*worker.HybridExecutor' : '*worker.GolemExecutor';
  }

  /** Step 0.3's endpoint: deployed, and switched on with BEACON_DEBUG_EXECUTOR=1. */
  get debugExecutorEnabled(): boolean {
    return this.instrumentation.has('0.3') && this.env.BEACON_DEBUG_EXECUTOR === '1';
  }

  /** A line of the machine's output: the app's own (`app`), or Fly's about the machine (`runner`, `health`). */
  plain(ts: number, text: string, provider: LogProvider = 'app'): void {
    this.logs.append({ ts, instance: RUNNER_MACHINE.id, region: RUNNER_MACHINE.region, provider, level: 'info', message: text });
  }

  /** A zerolog line: console (with colours on a terminal), or JSON with GIN_MODE=release. */
  line(ts: number, level: ZerologLevel, msg: string, fields: Fields = {}): void {
    const json = this.env.GIN_MODE === 'release';
    this.plain(ts, json ? zerologJson(ts, level, msg, fields) : zerologConsole(ts, level, msg, fields, this.ctx.color));
  }

  /** The machine starts with `env`: the startup lines follow from it and from the database. */
  boot(ts: number, env: Record<string, string>, opts: { newImage: boolean; imageRef: string; release: number }): void {
    this.boots++;
    this.release = opts.release;
    this.env = { ...env };
    this.hybrid = hybridConfig(this.env);
    this.bootedAt = ts;
    this.running = true;
    this.breaker = { state: 'closed', failures: 0 };
    this.metrics = new RunnerMetrics();
    let t = ts;
    if (opts.newImage) {
      this.plain(t, `Pulling container image ${opts.imageRef}`, 'runner');
      this.plain(t + 1840, `Successfully prepared image ${opts.imageRef} (1.84s)`, 'runner');
      t += 2040;
    }
    this.plain(t, 'Configuring firecracker', 'runner');
    this.plain(t + 170, ' INFO Starting init (commit: 6c3309ba)...');
    this.plain(t + 180, ' INFO Preparing to run: `/app/runner` as root');
    this.plain(t + 230, 'Machine started in 1.203s', 'runner');
    t += 590;
    this.line(t, 'info', 'Starting Beacon runner', { port: String(RUNNER_INTERNAL_PORT), region: RUNNER_MACHINE.region, version: 'v1.8.3' });
    t += 15;
    const databaseUp = this.ctx.database.up;
    if (databaseUp) {
      this.line(t, 'info', 'Connected to database', { database: 'beacon', host: this.ctx.database.address });
    } else {
      for (let attempt = 1; attempt <= 3; attempt++) {
        this.line(t, 'error', 'failed to connect to database', { error: `dial tcp ${this.ctx.database.address}: connect: connection refused`, attempt });
        t += 1000 * attempt;
      }
      this.line(t, 'warn', 'Database not available at startup: job runner not started');
    }
    this.line(t + 8, 'info', 'Connected to Redis', { addr: 'beacon-redis.internal:6379' });
    t += 13;
    // without a database no job runner starts, so none of the hybrid lines is printed
    this.jobRunnerStarted = databaseUp;
    const h = this.hybrid;
    if (databaseUp) {
      if (h.state === 'explicitly-disabled') {
        this.line(t, 'info', 'Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true');
      } else if (h.base) {
        this.plain(t, initLine(h));
        this.line(t + 1, 'info', h.state === 'enabled-default' ? 'Hybrid Router enabled (default)' : 'Hybrid Router enabled', { hybrid_base: h.base });
      } else {
        this.line(t, 'info', 'Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)');
      }
      if (this.instrumentation.has('fix-g')) this.plain(t + 3, fixGLine(this.executorType, h, this.env));
      this.line(t + 5, 'info', 'Job runner started', { executor: this.executorType, workers: 4 });
      t += 7;
    }
    if (this.debugExecutorEnabled) this.line(t, 'warn', '🔍 TRACE: debug endpoint GET /debug/executor enabled (BEACON_DEBUG_EXECUTOR=1)');
    const ginDebug = this.env.GIN_MODE !== 'release';
    if (ginDebug) {
      this.plain(t + 1, '[GIN-debug] [WARNING] Running in "debug" mode. Switch to "release" mode in production.');
      const routes = this.debugExecutorEnabled ? [...GIN_ROUTES, 'GET /debug/executor'] : GIN_ROUTES;
      routes.forEach((r, i) => {
        const [method, path] = r.split(' ');
        this.plain(t + 2 + i, `[GIN-debug] ${method.padEnd(6)} ${path.padEnd(25)} --> main.main.func${i + 1} (4 handlers)`);
      });
      t += 2 + routes.length;
    }
    // the cross-region handler builds its own client
    if (databaseUp && h.base) this.plain(t + 1, initLine(h));
    if (ginDebug) this.plain(t + 2, `[GIN-debug] Listening and serving HTTP on :${RUNNER_INTERNAL_PORT}`);
    this.plain(t + 900, `Health check 'servicecheck-00-http-${RUNNER_INTERNAL_PORT}' on port ${RUNNER_INTERNAL_PORT} is now passing.`, 'health');
  }

  shutdown(ts: number): void {
    this.plain(ts, ' INFO Sending signal SIGINT to main child process w/ PID 313');
    this.line(ts + 3, 'info', 'Shutting down server...');
    this.line(ts + 9, 'info', 'Server exiting');
    this.plain(ts + 30, ' INFO Main child exited normally with code: 0');
    this.running = false;
  }

  /** Redis stops answering: five failures trip the breaker (it stays open until a restart). */
  tripBreaker(ts: number): void {
    for (let i = 1; i <= 5; i++) {
      this.line(ts + i * 400, 'warn', 'redis operation failed', { breaker: 'redis', error: 'dial tcp 10.0.0.7:6379: i/o timeout', failures: i, op: 'BRPOP' });
    }
    this.breaker = { state: 'open', failures: 5 };
    this.line(ts + 2100, 'error', 'circuit breaker state changed', { breaker: 'redis', from: 'closed', to: 'open' });
  }

  /** The runner's heartbeat while the breaker is open: one rejected Redis call every few seconds. */
  breakerReject(ts: number): void {
    if (this.breaker.state !== 'open' || !this.running) return;
    this.line(ts, 'error', 'failed to update runner heartbeat', { breaker: 'redis', error: 'circuit breaker is open' });
  }

  /**
   * A job arrives (the queue, or POST /api/v1/jobs). Returns the HTTP answer the jobs API gives.
   * The job's questions run one after another (RunJob), each logging what its execution did.
   */
  submitJob(ts: number): { status: number; body: Record<string, unknown> } {
    if (!this.ctx.database.up) {
      this.line(ts, 'error', 'failed to create job', { error: 'database unavailable', path: '/api/v1/jobs' });
      return { status: 503, body: { error: 'database unavailable' } };
    }
    if (!this.jobRunnerStarted) {
      this.line(ts, 'error', 'failed to create job', { error: 'job runner not started', path: '/api/v1/jobs' });
      return { status: 503, body: { error: 'job runner not started' } };
    }
    this.jobSeq++;
    const jobId = `bias-detection-${Math.floor(ts / 1000)}${this.jobSeq > 1 ? `-${this.jobSeq}` : ''}`;
    const region = this.ctx.faults.jobRegion ?? REGIONS[this.jobSeq % REGIONS.length];
    const question = QUESTIONS[this.jobSeq % QUESTIONS.length];
    const queueLatency = this.ctx.rng.between(0.02, 0.3);
    this.metrics.queueLatency(region, queueLatency);
    const start = ts + Math.round(queueLatency * 1000);
    const boot = this.boots;
    this.ctx.schedule(start, (t) => {
      if (this.boots !== boot) return; // the machine restarted before the job was picked up
      this.line(t, 'info', 'executing multi-model job', { job_id: jobId, model_count: MODELS.length });
      this.runExecutions(t, jobId, region, question, 0, 0, boot);
    });
    return { status: 202, body: { id: jobId, status: 'queued' } };
  }

  private runExecutions(ts: number, jobId: string, region: string, question: string, index: number, failed: number, boot: number): void {
    if (this.boots !== boot) return;
    if (index >= MODELS.length) {
      this.line(ts, 'info', 'job finished', { completed: MODELS.length - failed, failed, job_id: jobId });
      this.metrics.jobFinished(failed > 0);
      return;
    }
    const model = MODELS[index];
    const questionId = `q${(this.jobSeq % 9) + 1}`;
    const qf: Fields = { job_id: jobId, region, model_id: model, question_id: questionId };
    const ins = this.instrumentation;
    const executorType = this.executorType;
    if (ins.has('2.1')) this.line(ts, 'info', TRACE_LINES.executeQuestionEntry, { ...qf, executor_type: executorType, executor_nil: false });
    if (ins.has('2.2')) this.line(ts, 'info', TRACE_LINES.callingExecute, { ...qf, executor_type: executorType, num_questions: 1 });
    const outcome = this.execute(ts, model, region, question);
    if (outcome.reachedClient && ins.has('2.3')) {
      this.line(ts, 'info', TRACE_LINES.hybridExecuteEntry, { region, client_type: '*hybrid.Client', client_nil: false, num_questions: 1, num_models: 1 });
    }
    if (outcome.clientExit !== undefined && ins.has('2.4')) {
      this.plain(ts, `${TRACE_LINES.hybridClientPrefix} 🔍 TRACE: RunInference ENTRY base_url=${this.hybrid.base} timeout=${goDuration(this.hybrid.timeoutSeconds * 1000)} model=${JSON.stringify(model)} region=${JSON.stringify(region)} prompt_len=${question.length}`);
    }
    const end = ts + outcome.durationMs;
    this.ctx.schedule(end, (t) => {
      if (this.boots !== boot) return;
      if (outcome.clientExit !== undefined && ins.has('2.4')) this.plain(t, outcome.clientExit);
      for (const l of outcome.lines) this.line(t, l.level, l.msg, { ...l.fields, job_id: jobId });
      for (const p of outcome.plain) this.plain(t, p.replace('{job}', jobId));
      if (ins.has('2.2')) {
        const err = outcome.lines.find((l) => l.level === 'error')?.fields.error;
        this.line(t, 'info', TRACE_LINES.executeReturned, {
          ...qf,
          provider_id: outcome.provider ?? '',
          status: outcome.ok ? 'completed' : 'failed',
          duration_ms: Math.round(outcome.durationMs * 1000) / 1000,
          duration_nanosec: Math.round(outcome.durationMs * 1e6),
          output_len: outcome.ok ? 96 : 0,
          receipt_len: outcome.ok ? 64 : 0,
          has_error: !outcome.ok,
          ...(err !== undefined ? { error: typeof err === 'object' ? JSON.stringify(err.json) : String(err) } : {}),
        });
        if (outcome.durationMs < 100) {
          this.line(t, 'warn', '🚨 SUSPICIOUS: Execution completed in <100ms - likely immediate failure', {
            job_id: jobId,
            region,
            duration: goDuration(outcome.durationMs),
            status: outcome.ok ? 'completed' : 'failed',
          });
        }
      }
      this.metrics.execution(region, outcome.ok ? 'completed' : 'failed', outcome.durationMs / 1000);
      if (!outcome.ok) this.metrics.failure(region, outcome.errorType ?? 'unknown', outcome.component ?? 'executor');
      this.runExecutions(t + 1, jobId, region, question, index + 1, failed + (outcome.ok ? 0 : 1), boot);
    });
  }

  /** What one question's execution does in the current world. */
  private execute(ts: number, model: string, region: string, question: string): Outcome {
    const rng = this.ctx.rng;
    const fail = (durationMs: number, errorType: string, component: string, msg: string, error: Fields['error'], extra: Fields = {}): Outcome => ({
      ok: false,
      durationMs,
      errorType,
      component,
      lines: [{ level: 'error', msg, fields: { error, region, ...extra } }],
      plain: [],
      reachedClient: false,
    });
    if (this.breaker.state === 'open') {
      return fail(rng.between(1, 3), 'circuit_open', 'redis', 'Execution failed', 'redis: circuit breaker is open', { component: 'dedup' });
    }
    const h = this.hybrid;
    if (!h.base) {
      return fail(rng.between(9, 26), 'provider_unavailable', 'golem_executor', 'question execution failed', 'golem executor: no provider configured');
    }
    if (this.ctx.faults.executorBug) {
      const o = fail(rng.between(0.3, 1.8), 'invalid_spec', 'hybrid_executor', 'question execution failed', 'spec has no question or no model');
      o.reachedClient = true;
      o.plain.push('[EXEC] ERROR: executor returned no output for job {job}');
      return o;
    }
    const url = `${h.base.replace(/\/+$/, '')}/inference`;
    const target = this.routeOf(h.base);
    const clientFail = (durationMs: number, errorType: string, error: string): Outcome => {
      const o = fail(durationMs, errorType, 'hybrid_client', 'question execution failed', `hybrid ${errorType === 'timeout' ? 'network' : errorType} error at ${url}: ${error}`);
      o.reachedClient = true;
      o.clientExit = `${TRACE_LINES.hybridClientPrefix} ❌ TRACE: RunInference EXIT after ${goDuration(durationMs)}: error: hybrid network error at ${url}: ${error}`;
      return o;
    };
    if (target.kind === 'nxdomain') {
      return clientFail(rng.between(4, 19), 'network', `Post "${url}": dial tcp: lookup ${target.host} on [fdaa::3]:53: no such host`);
    }
    if (target.kind === 'refused' || !this.ctx.router.up) {
      const hostPort = target.kind === 'refused' ? target.hostPort : new URL(this.ctx.routerUrl).host;
      return clientFail(rng.between(1, 3), 'network', `Post "${url}": dial tcp ${hostPort}: connect: connection refused`);
    }
    const timeoutMs = h.timeoutSeconds * 1000;
    const timedOut = () => clientFail(timeoutMs + rng.between(0.2, 2), 'timeout', `Post "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`);
    const router = this.ctx.router;
    if (router.slow) {
      // the overloaded router accepts the request and never answers a real job within the client timeout
      router.appendLog(ts + 1, pythonLog('ERROR', 'app.core.router', `[SELECT_PROVIDER] Total providers: ${router.providers.length}`));
      return timedOut();
    }
    const answer = router.inference(ts + 1, { model, prompt: question, temperature: 0.1, max_tokens: 500, region_preference: region, cost_priority: true }, `${RUNNER_EGRESS}:${rng.int(40000, 60000)}`);
    if (!answer.success) {
      const o = fail(answer.inference_time * 1000 + rng.between(8, 28), 'router_error', 'hybrid_router', 'Execution failed', { json: { Message: answer.error, Type: 'router_error' } }, { provider: answer.provider_used || 'modal-us-east' });
      delete o.lines[0].fields.region;
      o.reachedClient = true;
      o.clientExit = `${TRACE_LINES.hybridClientPrefix} ✅ TRACE: RunInference EXIT after ${goDuration(o.durationMs - 8)}: success=false provider="" error=${JSON.stringify(answer.error)} error_code=${JSON.stringify(answer.error_code)}`;
      return o;
    }
    // a real job's inference waits for a Modal cold start (sparse traffic: the model has scaled to zero)
    const coldStartMs = rng.between(INFERENCE_COLD_START_SECONDS.min, INFERENCE_COLD_START_SECONDS.max) * 1000;
    if (timeoutMs < coldStartMs) return timedOut();
    return {
      ok: true,
      durationMs: coldStartMs,
      lines: [{ level: 'info', msg: 'question execution completed', fields: { duration_ms: Math.round(coldStartMs), provider: answer.provider_used, region } }],
      plain: [],
      reachedClient: true,
      provider: answer.provider_used,
      clientExit: `${TRACE_LINES.hybridClientPrefix} ✅ TRACE: RunInference EXIT after ${goDuration(coldStartMs - 3)}: success=true provider=${JSON.stringify(answer.provider_used)} error="" error_code=""`,
    };
  }

  /** Where the hybrid client's base URL leads in the simulated world. */
  private routeOf(base: string): { kind: 'router' } | { kind: 'refused'; hostPort: string } | { kind: 'nxdomain'; host: string } {
    let u: URL;
    try {
      u = new URL(base);
    } catch {
      return { kind: 'nxdomain', host: base };
    }
    const router = new URL(this.ctx.routerUrl);
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    if (u.hostname === router.hostname && port === router.port) return { kind: 'router' };
    if (u.hostname === 'localhost' || /^[\d.]+$/.test(u.hostname) || u.hostname.startsWith('[')) {
      return { kind: 'refused', hostPort: `${u.hostname === 'localhost' ? '127.0.0.1' : u.hostname}:${port}` };
    }
    return { kind: 'nxdomain', host: u.hostname };
  }

  get goroutines(): number {
    const base = 23 + (this.jobRunnerStarted ? 4 * 3 : 0) + (this.hybrid.base ? 2 : 0) + (this.ctx.database.up ? 6 : 0);
    return this.running ? base : 0;
  }
}

/** `[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://…` (plain stdout). */
export function initLine(h: HybridConfig): string {
  return `[HYBRID_CLIENT_INIT] timeout=${h.timeoutSeconds}s source=${h.timeoutSource} env_value=${JSON.stringify(h.timeoutEnvValue)} url=${h.base}`;
}

/** Fix G's line: what the runner wired at startup (plain stdout). */
function fixGLine(executorType: string, h: HybridConfig, env: Record<string, string>): string {
  const setting = (name: string) => JSON.stringify(env[name] ?? '');
  return (
    `${TRACE_LINES.fixGPrefix} hybrid client wiring: executor_type=${executorType} hybrid_client_set=${!!h.base} ` +
    `HYBRID_BASE_set=${!!env.HYBRID_BASE} HYBRID_ROUTER_URL_set=${!!env.HYBRID_ROUTER_URL} ` +
    `ENABLE_HYBRID_DEFAULT=${setting('ENABLE_HYBRID_DEFAULT')} HYBRID_ROUTER_DISABLE=${setting('HYBRID_ROUTER_DISABLE')}`
  );
}
