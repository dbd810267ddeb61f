/**
 * The whole simulated system: the Fly platform with the runner and the router on it, Postgres, a
 * clock that replays the recent past and advances lazily with wall time, and the faults. The servers
 * read and change it always through the clock first, so what they see is what holds now.
 */
import { activeFaults, applyFaults } from './faultApplication';
import type { FaultName } from './faults';
import { FlyPlatform } from './flyPlatform';
import type { LogEntry, LogFilter } from './logBuffer';
import { Rng } from './rng';
import { RouterApp } from './routerApp';
import { RunnerApp, type RunnerFaults } from './runnerApp';
import { SimClock } from './simClock';
import { type PsqlAnswer, type PsqlConnection, SimDatabase } from './simDatabase';
import { NO_VARIATION, type WorldVariation } from './worldVariation';

export interface WorldOptions {
  runnerUrl: string;
  routerUrl: string;
  /** The secret the runner's DATABASE_URL password and ADMIN_TOKEN are made of. */
  canary: string;
  seed?: number;
  /**
   * `keep` (default, as Fly does): a restart appends the new boot's lines after the old ones, which
   * stay in the buffer until newer lines push them out. `clear`: `flyctl logs` shows only the
   * current boot (a simplification for demos that re-run log checks right after a fix).
   */
  logsAfterRestart?: 'keep' | 'clear';
  /** Instrumentation already deployed at start (step ids); `0.3` also sets BEACON_DEBUG_EXECUTOR=1. */
  instrumentation?: readonly string[];
  /** How this world differs from the plain simulator (default: not at all). */
  variation?: WorldVariation;
  /** Called when the router starts or stops listening (the simulator opens or closes its port). */
  onRouterUpChange?: (up: boolean) => void;
}

export class SimWorld {
  readonly clock: SimClock;
  readonly router: RouterApp;
  readonly runner: RunnerApp;
  readonly platform: FlyPlatform;
  readonly database: SimDatabase;
  readonly runnerUrl: string;
  readonly routerUrl: string;
  readonly adminToken: string;
  readonly variation: WorldVariation;
  private readonly runnerFaults: RunnerFaults = { executorBug: false, jobRegion: undefined };

  constructor(private readonly opts: WorldOptions) {
    const rng = new Rng(opts.seed);
    this.clock = new SimClock(Date.now);
    this.runnerUrl = opts.runnerUrl;
    this.routerUrl = opts.routerUrl;
    this.variation = opts.variation ?? NO_VARIATION;
    this.database = new SimDatabase(opts.canary);
    this.adminToken = `adm-${opts.canary}`;
    this.router = new RouterApp(rng);
    this.runner = new RunnerApp({
      router: this.router,
      routerUrl: this.routerUrl,
      database: this.database,
      faults: this.runnerFaults,
      rng,
      color: this.variation.runnerLog === 'color',
      schedule: (at, run) => this.clock.schedule(at, run),
    });
    this.platform = new FlyPlatform({
      clock: this.clock,
      runner: this.runner,
      router: this.router,
      runnerUrl: this.runnerUrl,
      routerUrl: this.routerUrl,
      jsonRunnerLogs: this.variation.runnerLog === 'json',
      logsAfterRestart: opts.logsAfterRestart ?? 'keep',
    });
  }

  /** The runner's DATABASE_URL. */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** Re-creates the world in the state of `faults` (default `healthy`), with its recent past replayed. */
  reset(faults?: string | readonly string[]): void {
    const o = this.opts;
    const replay = {
      historyMs: this.variation.historyMs,
      jobIntervalMs: this.variation.jobIntervalMs,
      initialInstrumentation: o.instrumentation ?? [],
      crashRouter: (t: number) => {
        this.router.crash(t);
        o.onRouterUpChange?.(false);
      },
    };
    Object.assign(this.runnerFaults, applyFaults(this, replay, faults));
    this.clock.advance();
    o.onRouterUpChange?.(this.router.up);
  }

  /** The faults that hold now (fixes applied through flyctl change them). `['healthy']` when none. */
  activeFaults(): FaultName[] {
    this.clock.advance();
    return activeFaults(this, this.runnerFaults);
  }

  /** Runs everything that has happened up to now. */
  advance(): void {
    this.clock.advance();
  }

  currentTime(): number {
    return this.clock.now();
  }

  recentLogs(app: string, filter: LogFilter): LogEntry[] {
    this.clock.advance();
    return this.platform.logBuffer(app).recent(filter);
  }

  logsAfter(app: string, seq: number, filter: LogFilter): LogEntry[] {
    this.clock.advance();
    return this.platform.logBuffer(app).after(seq, filter);
  }

  /** POST /api/v1/jobs on the runner. */
  submitJob(): { status: number; body: Record<string, unknown> } {
    this.clock.advance();
    return this.runner.submitJob(this.clock.now());
  }

  /** A `psql` connection attempt with these credentials, then `sql`. */
  psql(conn: PsqlConnection, sql: string): PsqlAnswer {
    this.clock.advance();
    return this.database.answer(conn, sql);
  }
}
