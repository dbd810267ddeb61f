/**
 * The whole simulated system: the runner app and its secrets, the router, Postgres, a clock that
 * replays the recent past (so the log buffers hold the lines a real system in that state would
 * hold) and advances lazily with wall time, and the operations `flyctl` and `psql` perform.
 * No servers here: `runnerServer.ts`, `routerServer.ts` and `controlServer.ts` read and change it.
 */
import { createHash } from 'node:crypto';
import { type FaultName, hybridConfig, INFERENCE_COLD_START_SECONDS, normalizeFaults, ROUTER_FLY_APP, RUNNER_FLY_APP } from './faults';
import type { LogBuffer, LogEntry, LogFilter } from './logBuffer';
import { Rng } from './rng';
import { NO_VARIATION, RUNNER_NOISE, type WorldVariation } from './worldVariation';
import { zerologConsole, zerologJson } from './logFormat';
import { ROUTER_MACHINE, RouterApp } from './routerApp';
import { type InstrumentationId, RUNNER_INTERNAL_PORT, RUNNER_MACHINE, RunnerApp } from './runnerApp';

export interface WorldOptions {
  runnerUrl: string;
  routerUrl: string;
  /** The secret the runner's DATABASE_URL password and ADMIN_TOKEN are made of. */
  canary: string;
  seed?: number;
  now?: () => number;
  /**
   * `keep` (default, as Fly does): a restart appends the new boot's lines after the old ones, which
   * stay in the buffer until newer lines push them out. `clear`: `flyctl logs` shows only the
   * current boot (a simplification for demos that re-run log checks right after a fix).
   */
  logsAfterRestart?: 'keep' | 'clear';
  /** How often a job arrives (default 60 s). */
  jobIntervalMs?: number;
  /** How much past the log buffers hold at start (default 10 minutes). */
  historyMs?: number;
  /** Instrumentation already deployed at start (step ids); `0.3` also sets BEACON_DEBUG_EXECUTOR=1. */
  instrumentation?: readonly string[];
  /** How this world differs from the plain simulator (default: not at all). */
  variation?: WorldVariation;
}

export interface SecretRecord {
  value: string;
  createdAt: number;
}

export interface PgSession {
  pid: number;
  state: 'active' | 'idle' | 'idle in transaction';
  query: string;
  /** Seconds since the query started. */
  ageSeconds: number;
}

export interface DeployRecord {
  app: string;
  at: number;
  release: number;
  instrumentation: string[];
  cwd?: string;
}

export interface MachineInfo {
  id: string;
  region: string;
  privateIp: string;
  state: 'started' | 'stopped';
  version: number;
  checks: string;
  updatedAt: number;
}

export interface AppSnapshot {
  app: string;
  kind: 'runner' | 'router';
  machines: MachineInfo[];
  /** The environment inside the (first) machine. */
  env: Record<string, string>;
  hostname: string;
  release: number;
  imageRef: string;
  memory: MemoryInfo;
  runnerUrl: string;
  routerUrl: string;
}

export interface MemoryInfo {
  totalMb: number;
  usedMb: number;
  freeMb: number;
  sharedMb: number;
  buffCacheMb: number;
  availableMb: number;
}

export type PsqlAnswer =
  | { kind: 'ok'; columns: string[]; rows: string[][] }
  | { kind: 'refused' }
  | { kind: 'no-password' }
  | { kind: 'auth-failed'; user: string }
  | { kind: 'no-database'; database: string }
  | { kind: 'query-error'; message: string };

export class WorldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorldError';
  }
}

const DATABASE_HOST = '127.0.0.1';
const DATABASE_PORT = 5432;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Pending {
  at: number;
  seq: number;
  run: (at: number) => void;
}
interface Periodic {
  name: string;
  next: number;
  every: number;
  active: () => boolean;
  run: (at: number) => void;
}

export class SimWorld {
  readonly rng: Rng;
  readonly router: RouterApp;
  readonly runner: RunnerApp;
  readonly runnerUrl: string;
  readonly routerUrl: string;
  readonly adminToken: string;
  readonly databaseUrl: string;
  readonly database = { user: 'beacon', password: '', name: 'beacon', host: DATABASE_HOST, port: DATABASE_PORT, up: true, sessions: [] as PgSession[] };
  secrets = new Map<string, SecretRecord>();
  routerSecrets = new Map<string, SecretRecord>();
  executorBug = false;
  loggedIn = true;
  user = 'oncall@beacon.example';
  memory: MemoryInfo = { totalMb: 972, usedMb: 301, freeMb: 409, sharedMb: 0, buffCacheMb: 262, availableMb: 588 };
  deploys: DeployRecord[] = [];
  /** The faults the world was last set to (what was asked for, not what holds now: see `activeFaults`). */
  requestedFaults: FaultName[] = ['healthy'];
  readonly logsAfterRestart: 'keep' | 'clear';
  readonly variation: WorldVariation;
  /** unknown-region: the region every job asks the router for. */
  jobRegion: string | undefined;
  private readonly now: () => number;
  private readonly jobIntervalMs: number;
  private readonly historyMs: number;
  private pending: Pending[] = [];
  private periodic: Periodic[] = [];
  private pendingSeq = 0;
  private routerRelease = 1;
  private routerBootedAt = 0;
  private readonly initialInstrumentation: InstrumentationId[];
  /** Called when the router starts or stops listening (the simulator opens or closes its port). */
  onRouterUpChange?: (up: boolean) => void;

  constructor(opts: WorldOptions) {
    this.rng = new Rng(opts.seed);
    this.now = opts.now ?? Date.now;
    this.runnerUrl = opts.runnerUrl;
    this.routerUrl = opts.routerUrl;
    this.logsAfterRestart = opts.logsAfterRestart ?? 'keep';
    this.variation = opts.variation ?? NO_VARIATION;
    this.jobIntervalMs = opts.jobIntervalMs ?? this.variation.jobIntervalMs;
    this.historyMs = opts.historyMs ?? this.variation.historyMs;
    this.database.password = opts.canary;
    this.adminToken = `adm-${opts.canary}`;
    this.databaseUrl = `postgres://${this.database.user}:${encodeURIComponent(opts.canary)}@${DATABASE_HOST}:${DATABASE_PORT}/${this.database.name}?sslmode=disable`;
    this.initialInstrumentation = (opts.instrumentation ?? []).filter((i): i is InstrumentationId => ['0.3', '2.1', '2.2', '2.3', '2.4', '5.1', 'fix-g'].includes(i));
    this.router = new RouterApp(this.rng);
    const world = this;
    this.runner = new RunnerApp({
      router: this.router,
      routerUrl: this.routerUrl,
      get databaseUp() {
        return world.database.up;
      },
      databaseAddress: `${DATABASE_HOST}:${DATABASE_PORT}`,
      get executorBug() {
        return world.executorBug;
      },
      rng: this.rng,
      get jobRegion() {
        return world.jobRegion;
      },
      schedule: (at, run) => this.schedule(at, run),
    });
    this.runner.color = this.variation.runnerLog === 'color';
  }

  // ------------------------------------------------------------------ faults

  /** Re-creates the world in the state of `faults` (default `healthy`), with its recent past replayed. */
  reset(faults?: string | readonly string[]): void {
    const list = normalizeFaults(faults);
    this.requestedFaults = list;
    const has = (f: FaultName) => list.includes(f);
    const now = this.now();
    const t0 = now - this.historyMs;
    this.pending = [];
    this.periodic = [];
    this.deploys = [];
    this.runner.logs.clear();
    this.runner.instrumentation = new Set(this.initialInstrumentation);
    this.executorBug = has('executor-bug');
    this.database.up = !has('database-unavailable');
    this.jobRegion = has('unknown-region') ? 'europe-central' : undefined;
    this.database.sessions = [
      { pid: 4211, state: 'active', query: 'SELECT id, spec FROM jobs WHERE status = $1 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED', ageSeconds: 0.004 },
      { pid: 4212, state: 'idle in transaction', query: 'UPDATE executions SET status = $1, completed_at = now() WHERE id = $2', ageSeconds: 2.4 },
      { pid: 4215, state: 'idle', query: 'COMMIT', ageSeconds: 41.2 },
    ];

    const created = t0 - 21 * DAY;
    this.secrets = new Map();
    const set = (k: string, v: string, at = created) => this.secrets.set(k, { value: v, createdAt: at });
    set('DATABASE_URL', this.databaseUrl);
    set('ADMIN_TOKEN', this.adminToken);
    set('REDIS_URL', `redis://default:${encodeURIComponent(this.database.password)}-redis@beacon-redis.internal:6379`);
    if (!has('missing-hybrid-config')) set('HYBRID_BASE', this.routerUrl, t0 - 3 * DAY);
    if (has('hybrid-disabled')) set('HYBRID_ROUTER_DISABLE', 'true', t0 - 2 * HOUR);
    if (has('timeout-too-short')) set('HYBRID_ROUTER_TIMEOUT', '5', t0 - 2 * HOUR);
    if (this.runner.instrumentation.has('0.3')) set('BEACON_DEBUG_EXECUTOR', '1', t0 - HOUR);
    if (this.variation.admin === 'not-configured') this.secrets.delete('ADMIN_TOKEN');
    this.routerSecrets = new Map([
      ['MODAL_TOKEN_ID', { value: 'ak-7Hq2mZ0wPkR4sVb9', createdAt: created }],
      ['MODAL_TOKEN_SECRET', { value: `as-${this.database.password}-modal`, createdAt: created }],
    ]);

    // the router: up and checking its providers since before the runner's last boot
    this.router.configure({ wrongHealthUrls: has('no-healthy-providers'), up: true, slow: has('router-slow') });
    this.router.quotaExceeded = has('provider-quota');
    this.routerBootedAt = t0 - 20 * 60_000;
    this.router.boot(this.routerBootedAt);
    this.periodic.push({ name: 'health', next: this.routerBootedAt + 2000, every: 30_000, active: () => this.router.up, run: (t) => this.router.healthCheckRound(t) });
    if (has('router-down')) this.schedule(now - 3 * 60_000, (t) => this.crashRouter(t));

    // the runner: booted at t0, jobs arrive every minute; with an older boot still in the buffer, that boot
    // ran with the other hybrid configuration until a deploy (a fix, or the change that broke it) restarted it
    this.runner.release = 42;
    const older = this.variation.olderBoot ? Math.min(this.historyMs / 2, 5 * 60_000) : 0;
    if (older) {
      const env = this.machineEnv();
      const flipped: Record<string, string> = env.HYBRID_BASE ? { ...env, HYBRID_BASE: '' } : { ...env, HYBRID_BASE: this.routerUrl };
      this.runner.release = 41;
      this.runner.boot(t0 - older, flipped, { newImage: true, imageRef: this.imageRef() });
      this.schedule(t0 - 200, (t) => this.runner.shutdown(t));
      this.schedule(t0, (t) => {
        this.runner.release = 42;
        this.runner.boot(t, this.machineEnv(), { newImage: true, imageRef: this.imageRef() });
      });
    } else {
      this.runner.boot(t0, this.machineEnv(), { newImage: true, imageRef: this.imageRef() });
    }
    this.periodic.push({ name: 'jobs', next: t0 - older + 40_000, every: this.jobIntervalMs, active: () => this.runner.running, run: (t) => void this.runner.submitJob(t) });
    const noise = this.variation.noisePerMinute;
    if (noise > 0) {
      let n = 0;
      this.periodic.push({ name: 'noise', next: t0 - older + 1500, every: Math.round(60_000 / noise), active: () => this.runner.running, run: (t) => this.runnerNoise(t, n++) });
    }
    this.periodic.push({ name: 'breaker', next: t0 + 95_000, every: 4000, active: () => this.runner.breaker.state === 'open', run: (t) => this.runner.breakerReject(t) });
    if (has('circuit-open')) this.schedule(t0 + 90_000, (t) => this.runner.tripBreaker(t));
    this.advance(now);
    this.onRouterUpChange?.(this.router.up);
  }

  /** A line of another part of the runner (see RUNNER_NOISE), in the runner's own log format. */
  private runnerNoise(t: number, n: number): void {
    const l = RUNNER_NOISE[(n * 7 + this.variation.seed) % RUNNER_NOISE.length];
    const msg = this.runner.consoleLogs ? zerologConsole(t, l.level, l.msg, l.fields, this.runner.color) : zerologJson(t, l.level, l.msg, l.fields);
    this.runner.logs.append({ ts: t, instance: RUNNER_MACHINE.id, region: RUNNER_MACHINE.region, provider: 'app', level: 'info', message: msg });
  }

  private crashRouter(t: number): void {
    this.router.crash(t);
    this.router.up = false;
    this.onRouterUpChange?.(false);
  }

  /** The faults that hold now (fixes applied through flyctl change them). `['healthy']` when none. */
  activeFaults(): FaultName[] {
    this.advance();
    const out: FaultName[] = [];
    const h = this.runner.hybrid;
    if (h.state === 'disabled') out.push('missing-hybrid-config');
    if (h.state === 'explicitly-disabled') out.push('hybrid-disabled');
    if (!this.router.up) out.push('router-down');
    if (this.router.quotaExceeded) out.push('provider-quota');
    if (this.jobRegion) out.push('unknown-region');
    if (this.router.up && this.router.slow) out.push('router-slow');
    if (this.router.providers.length > 0 && this.router.healthyProviders.length === 0) out.push('no-healthy-providers');
    if (this.runner.breaker.state === 'open') out.push('circuit-open');
    if (h.timeoutSeconds < INFERENCE_COLD_START_SECONDS.enough) out.push('timeout-too-short');
    if (!this.database.up) out.push('database-unavailable');
    if (this.executorBug) out.push('executor-bug');
    return out.length ? out : ['healthy'];
  }

  // ------------------------------------------------------------------ clock

  schedule(at: number, run: (at: number) => void): void {
    const ev = { at, seq: this.pendingSeq++, run };
    let i = this.pending.length;
    while (i > 0 && (this.pending[i - 1].at > at || (this.pending[i - 1].at === at && this.pending[i - 1].seq > ev.seq))) i--;
    this.pending.splice(i, 0, ev);
  }

  /** Runs everything that has happened up to `now`: scheduled events and periodic traffic. */
  advance(now = this.now()): void {
    for (const p of this.periodic) {
      // a long idle simulator catches up on the last 15 minutes only
      if (now - p.next > 15 * 60_000) p.next += Math.floor((now - p.next - 15 * 60_000) / p.every + 1) * p.every;
    }
    for (let guard = 0; guard < 50_000; guard++) {
      const nextPending = this.pending.length ? this.pending[0].at : Infinity;
      let which: Periodic | undefined;
      for (const p of this.periodic) if (!which || p.next < which.next) which = p;
      const nextPeriodic = which ? which.next : Infinity;
      const t = Math.min(nextPending, nextPeriodic);
      if (t > now) break;
      if (nextPending <= nextPeriodic) {
        const ev = this.pending.shift()!;
        ev.run(ev.at);
      } else if (which) {
        which.next += which.every;
        if (which.active()) which.run(t);
      }
    }
  }

  currentTime(): number {
    return this.now();
  }

  // ------------------------------------------------------------------ the runner's environment

  private imageRef(): string {
    return `registry.fly.io/${RUNNER_FLY_APP}:deployment-01JA${String(this.runner.release).padStart(4, '0')}K7Q2M9X4B8V3N6T`;
  }

  /** The runner machine's base environment (fly.toml [env] and Fly's runtime variables). */
  private baseEnv(): Record<string, string> {
    return {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: '/root',
      HOSTNAME: RUNNER_MACHINE.id,
      FLY_APP_NAME: RUNNER_FLY_APP,
      FLY_MACHINE_ID: RUNNER_MACHINE.id,
      FLY_ALLOC_ID: RUNNER_MACHINE.id,
      FLY_REGION: RUNNER_MACHINE.region,
      PRIMARY_REGION: RUNNER_MACHINE.region,
      FLY_PRIVATE_IP: RUNNER_MACHINE.privateIp,
      FLY_PROCESS_GROUP: 'app',
      FLY_VM_MEMORY_MB: '1024',
      FLY_IMAGE_REF: this.imageRef(),
      FLY_MACHINE_VERSION: `01JA${String(this.runner.release).padStart(4, '0')}QW3E5R7T9Y1U3I5O7`,
      PORT: String(RUNNER_INTERNAL_PORT),
      LOG_LEVEL: 'info',
      ...(this.variation.runnerLog === 'json' ? { GIN_MODE: 'release' } : {}),
    };
  }

  /** The environment the runner machine gets at its next boot: base env plus the app's secrets. */
  machineEnv(): Record<string, string> {
    const env = this.baseEnv();
    for (const [k, s] of this.secrets) env[k] = s.value;
    return env;
  }

  private routerEnv(): Record<string, string> {
    const env: Record<string, string> = {
      PATH: '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: '/root',
      HOSTNAME: ROUTER_MACHINE.id,
      FLY_APP_NAME: ROUTER_FLY_APP,
      FLY_MACHINE_ID: ROUTER_MACHINE.id,
      FLY_REGION: ROUTER_MACHINE.region,
      FLY_PRIVATE_IP: ROUTER_MACHINE.privateIp,
      PORT: '8000',
      PYTHONUNBUFFERED: '1',
      HEALTH_CHECK_INTERVAL: '30',
    };
    for (const [k, s] of this.routerSecrets) env[k] = s.value;
    return env;
  }

  // ------------------------------------------------------------------ flyctl operations

  appKind(app: string): 'runner' | 'router' | undefined {
    return app === RUNNER_FLY_APP ? 'runner' : app === ROUTER_FLY_APP ? 'router' : undefined;
  }

  private requireApp(app: string): 'runner' | 'router' {
    const k = this.appKind(app);
    if (!k) throw new WorldError(`Could not find App "${app}"`);
    return k;
  }

  snapshot(app: string): AppSnapshot {
    this.advance();
    const kind = this.requireApp(app);
    if (kind === 'runner') {
      return {
        app,
        kind,
        machines: [this.runnerMachine()],
        env: { ...this.runner.env },
        hostname: RUNNER_MACHINE.id,
        release: this.runner.release,
        imageRef: this.runner.env.FLY_IMAGE_REF ?? this.imageRef(),
        memory: { ...this.memory },
        runnerUrl: this.runnerUrl,
        routerUrl: this.routerUrl,
      };
    }
    return {
      app,
      kind,
      machines: [this.routerMachine()],
      env: this.routerEnv(),
      hostname: ROUTER_MACHINE.id,
      release: this.routerRelease,
      imageRef: `registry.fly.io/${ROUTER_FLY_APP}:deployment-01J9Z4${this.routerRelease}`,
      memory: { totalMb: 472, usedMb: 188, freeMb: 97, sharedMb: 0, buffCacheMb: 187, availableMb: 251 },
      runnerUrl: this.runnerUrl,
      routerUrl: this.routerUrl,
    };
  }

  private runnerMachine(): MachineInfo {
    return { ...RUNNER_MACHINE, state: this.runner.running ? 'started' : 'stopped', version: this.runner.release, checks: '1 total, 1 passing', updatedAt: this.runner.bootedAt };
  }

  private routerMachine(): MachineInfo {
    const up = this.router.up;
    return { ...ROUTER_MACHINE, state: up ? 'started' : 'stopped', version: this.routerRelease, checks: up ? '1 total, 1 passing' : '1 total, 1 critical', updatedAt: this.routerBootedAt };
  }

  logBuffer(app: string): LogBuffer {
    return this.requireApp(app) === 'runner' ? this.runner.logs : this.router.logs;
  }

  recentLogs(app: string, filter: LogFilter): LogEntry[] {
    this.advance();
    return this.logBuffer(app).recent(filter);
  }

  logsAfter(app: string, seq: number, filter: LogFilter): LogEntry[] {
    this.advance();
    return this.logBuffer(app).after(seq, filter);
  }

  secretsList(app: string): { name: string; digest: string; createdAt: number }[] {
    const map = this.requireApp(app) === 'runner' ? this.secrets : this.routerSecrets;
    return [...map]
      .map(([name, s]) => ({ name, digest: createHash('sha256').update(s.value).digest('hex').slice(0, 16), createdAt: s.createdAt }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** `flyctl secrets set`: returns whether anything changed; a change restarts the app unless staged. */
  setSecrets(app: string, pairs: [string, string][], stage: boolean): { changed: boolean; machines: string[] } {
    this.advance();
    const kind = this.requireApp(app);
    const map = kind === 'runner' ? this.secrets : this.routerSecrets;
    const now = this.now();
    let changed = false;
    for (const [k, v] of pairs) {
      if (map.get(k)?.value === v) continue;
      map.set(k, { value: v, createdAt: now });
      changed = true;
    }
    if (changed && !stage) this.restart(app, 'secrets');
    return { changed, machines: [kind === 'runner' ? RUNNER_MACHINE.id : ROUTER_MACHINE.id] };
  }

  /** `flyctl secrets unset`: every name must exist. */
  unsetSecrets(app: string, names: string[], stage: boolean): { machines: string[] } {
    this.advance();
    const kind = this.requireApp(app);
    const map = kind === 'runner' ? this.secrets : this.routerSecrets;
    const missing = names.filter((n) => !map.has(n));
    if (missing.length) throw new WorldError(`could not unset secrets: ${missing.map((m) => `secret ${m} not found`).join(', ')}`);
    for (const n of names) map.delete(n);
    if (!stage) this.restart(app, 'secrets');
    return { machines: [kind === 'runner' ? RUNNER_MACHINE.id : ROUTER_MACHINE.id] };
  }

  /** `flyctl apps restart` (and the restart after a secrets change or a deploy). */
  restart(app: string, why: 'restart' | 'secrets' | 'deploy' = 'restart'): void {
    this.advance();
    const kind = this.requireApp(app);
    const now = this.now();
    if (kind === 'router') {
      this.routerRelease += why === 'restart' ? 0 : 1;
      this.router.appendLog(now, 'INFO:     Shutting down');
      if (this.router.up) {
        this.routerBootedAt = now + 500;
        this.router.boot(now + 500);
      } else {
        // the crash is in its configuration: it comes back and dies again
        this.router.boot(now + 500);
        this.router.crash(now + 2100);
      }
      return;
    }
    if (why !== 'restart') this.runner.release++;
    if (this.logsAfterRestart === 'clear') this.runner.logs.clear();
    else this.runner.shutdown(now);
    this.runner.boot(now + 60, this.machineEnv(), { newImage: why === 'deploy', imageRef: this.imageRef() });
  }

  /** `flyctl deploy`: the instrumentation found in the deployed source (null: unknown, keep). */
  deploy(app: string, instrumentation: string[] | null, cwd?: string): DeployRecord {
    this.advance();
    const kind = this.requireApp(app);
    if (kind === 'runner' && instrumentation) {
      this.runner.instrumentation = new Set(instrumentation.filter((i): i is InstrumentationId => ['0.3', '2.1', '2.2', '2.3', '2.4', '5.1', 'fix-g'].includes(i)));
    }
    this.restart(app, 'deploy');
    const rec: DeployRecord = {
      app,
      at: this.now(),
      release: kind === 'runner' ? this.runner.release : this.routerRelease,
      instrumentation: [...this.runner.instrumentation],
      ...(cwd ? { cwd } : {}),
    };
    this.deploys.push(rec);
    return rec;
  }

  status(app: string): { app: string; hostname: string; image: string; machines: MachineInfo[] } {
    const s = this.snapshot(app);
    return { app, hostname: `${app}.fly.dev`, image: s.imageRef.replace('registry.fly.io/', ''), machines: s.machines };
  }

  // ------------------------------------------------------------------ the runner's API

  submitJob(): { status: number; body: Record<string, unknown> } {
    this.advance();
    const r = this.runner.submitJob(this.now());
    return r;
  }

  // ------------------------------------------------------------------ Postgres

  /** A connection attempt with these credentials, then `sql`. */
  psql(conn: { host: string; port: number; user: string; password?: string; database: string }, sql: string): PsqlAnswer {
    this.advance();
    const db = this.database;
    const loopback = conn.host === '127.0.0.1' || conn.host === 'localhost' || conn.host === '::1';
    if (!loopback || conn.port !== db.port || !db.up) return { kind: 'refused' };
    if (conn.password === undefined || conn.password === '') return { kind: 'no-password' };
    if (conn.user !== db.user || conn.password !== db.password) return { kind: 'auth-failed', user: conn.user };
    if (conn.database !== db.name) return { kind: 'no-database', database: conn.database };
    return this.query(sql);
  }

  private query(sql: string): PsqlAnswer {
    const norm = sql.replace(/\s+/g, ' ').trim().replace(/;$/, '').trim().toLowerCase();
    const own: PgSession = { pid: 4242, state: 'active', query: sql.trim(), ageSeconds: 0.0004 };
    const nonIdle = [...this.database.sessions, own].filter((s) => s.state !== 'idle');
    if (norm === "select count(*) filter (where now() - query_start > interval '5 minutes'), count(*) from pg_stat_activity where state != 'idle'") {
      const long = nonIdle.filter((s) => s.ageSeconds > 300).length;
      return { kind: 'ok', columns: ['count', 'count'], rows: [[String(long), String(nonIdle.length)]] };
    }
    if (norm === "select pid, now() - pg_stat_activity.query_start as duration, query, state from pg_stat_activity where state != 'idle' order by duration desc limit 10") {
      const rows = [...nonIdle].sort((a, b) => b.ageSeconds - a.ageSeconds).slice(0, 10).map((s) => [String(s.pid), pgInterval(s.ageSeconds), s.query, s.state]);
      return { kind: 'ok', columns: ['pid', 'duration', 'query', 'state'], rows };
    }
    return { kind: 'query-error', message: "the Beacon simulator's database answers only the runbook's pg_stat_activity queries" };
  }

  /** The hybrid configuration a boot with the current secrets would give (for tests and the CLI). */
  pendingHybridConfig() {
    return hybridConfig(this.machineEnv());
  }
}

/** Postgres' text form of an interval under a day: `00:00:02.4`. */
function pgInterval(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const whole = Math.floor(s);
  const frac = Math.round((s - whole) * 1e6);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(h)}:${p(m)}:${p(whole)}${frac ? '.' + String(frac).padStart(6, '0').replace(/0+$/, '') : ''}`;
}
