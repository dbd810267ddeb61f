/**
 * The Fly.io platform the two apps run on: apps and their machines, secrets, releases, deploys,
 * restarts, the logged-in user, and the snapshot of an app that `flyctl ssh console` runs in.
 * It changes the runner and the router only as Fly would: by (re)booting them with an environment.
 */
import { ROUTER_FLY_APP, RUNNER_FLY_APP } from './faults';
import type { LogBuffer } from './logBuffer';
import type { RouterApp } from './routerApp';
import { RUNNER_MACHINE, type RunnerApp } from './runnerApp';
import type { SimClock } from './simClock';

export interface DeployRecord {
  app: string;
  release: number;
  instrumentation: string[];
}

export interface MachineInfo {
  id: string;
  region: string;
  privateIp: string;
  state: 'started' | 'stopped';
  version: number;
}

export interface AppSnapshot {
  machines: MachineInfo[];
  /** The environment inside the (first) machine. */
  env: Record<string, string>;
  memory: MemoryInfo;
  runnerUrl: string;
  routerUrl: string;
}

/** The columns of `free`'s Mem: line, in megabytes. */
export type MemoryInfo = Record<'totalMb' | 'usedMb' | 'freeMb' | 'sharedMb' | 'buffCacheMb' | 'availableMb', number>;

/** A request the simulated platform refuses (an unknown app, a missing secret): flyctl prints its message. */
export class WorldError extends Error {}

export interface PlatformOptions {
  clock: SimClock;
  runner: RunnerApp;
  router: RouterApp;
  runnerUrl: string;
  routerUrl: string;
  /** The runner writes GIN_MODE=release logs (JSON). */
  jsonRunnerLogs: boolean;
  /** `clear`: a restart empties the runner's log buffer (see WorldOptions.logsAfterRestart). */
  logsAfterRestart: 'keep' | 'clear';
}

export class FlyPlatform {
  readonly user = 'oncall@beacon.example';
  private signedIn = true;
  private secrets = new Map<string, string>();
  private deployList: DeployRecord[] = [];
  private availableMb = 588;

  constructor(private readonly o: PlatformOptions) {}

  /**
   * The platform at the start of a replayed past: these secrets, no deploys yet, the router booted at
   * `routerBootedAt`.
   */
  reset(secrets: Map<string, string>, routerBootedAt: number): void {
    this.secrets = secrets;
    this.deployList = [];
    this.o.router.boot(routerBootedAt);
  }

  get loggedIn(): boolean {
    return this.signedIn;
  }

  logOut(): void {
    this.signedIn = false;
  }

  /** The runner machine's memory runs low (what `free -m` shows). */
  setAvailableMemory(mb: number): void {
    this.availableMb = mb;
  }

  get deploys(): readonly DeployRecord[] {
    return this.deployList;
  }

  secret(name: string): string | undefined {
    return this.secrets.get(name);
  }

  /** Beacon Debug reads only the logs of the router's Fly app (the live router runs on Railway). */
  private requireRunner(app: string): void {
    if (app === ROUTER_FLY_APP) throw new WorldError(`the Beacon simulator's ${ROUTER_FLY_APP} app answers only flyctl logs`);
    if (app !== RUNNER_FLY_APP) throw new WorldError(`Could not find App "${app}"`);
  }

  private imageRef(release = this.o.runner.release): string {
    return `registry.fly.io/${RUNNER_FLY_APP}:deployment-01JA${String(release).padStart(4, '0')}K7Q2M9X4B8V3N6T`;
  }

  /** Boots the runner at release `release` (a new image) with the current secrets, or with `env`. */
  bootRunner(at: number, release: number, env = this.machineEnv(release)): void {
    this.o.runner.boot(at, env, { newImage: true, imageRef: this.imageRef(release), release });
  }

  /**
   * The environment the runner machine gets at its next boot: the runtime variables Fly sets that say
   * which app, machine and image this is, GIN_MODE when the runner logs JSON, and the app's secrets.
   */
  machineEnv(release = this.o.runner.release): Record<string, string> {
    const env: Record<string, string> = {
      FLY_APP_NAME: RUNNER_FLY_APP,
      FLY_MACHINE_ID: RUNNER_MACHINE.id,
      FLY_REGION: RUNNER_MACHINE.region,
      FLY_IMAGE_REF: this.imageRef(release),
      ...(this.o.jsonRunnerLogs ? { GIN_MODE: 'release' } : {}),
    };
    for (const [k, v] of this.secrets) env[k] = v;
    return env;
  }

  snapshot(app: string): AppSnapshot {
    this.o.clock.advance();
    this.requireRunner(app);
    const { runner, runnerUrl, routerUrl } = this.o;
    const memory = { totalMb: 972, usedMb: 301, freeMb: 409, sharedMb: 0, buffCacheMb: 262, availableMb: this.availableMb };
    const machine: MachineInfo = { ...RUNNER_MACHINE, state: runner.running ? 'started' : 'stopped', version: runner.release };
    return { machines: [machine], env: { ...runner.env }, memory, runnerUrl, routerUrl };
  }

  logBuffer(app: string): LogBuffer {
    if (app === ROUTER_FLY_APP) return this.o.router.logs;
    this.requireRunner(app);
    return this.o.runner.logs;
  }

  /** `flyctl secrets set`: returns whether anything changed; a change restarts the app unless staged. */
  setSecrets(app: string, pairs: [string, string][], stage: boolean): { changed: boolean; machines: string[] } {
    this.o.clock.advance();
    this.requireRunner(app);
    const changed = pairs.filter(([k, v]) => this.secrets.get(k) !== v);
    for (const [k, v] of changed) this.secrets.set(k, v);
    if (changed.length && !stage) this.restart(app, 'secrets');
    return { changed: changed.length > 0, machines: [RUNNER_MACHINE.id] };
  }

  /** `flyctl secrets unset`: every name must exist. */
  unsetSecrets(app: string, names: string[], stage: boolean): { changed: boolean; machines: string[] } {
    this.o.clock.advance();
    this.requireRunner(app);
    const missing = names.filter((n) => !this.secrets.has(n));
    if (missing.length) throw new WorldError(`could not unset secrets: ${missing.map((m) => `secret ${m} not found`).join(', ')}`);
    for (const n of names) this.secrets.delete(n);
    if (!stage) this.restart(app, 'secrets');
    return { changed: true, machines: [RUNNER_MACHINE.id] };
  }

  /** `flyctl apps restart` (and the restart after a secrets change or a deploy). */
  restart(app: string, why: 'restart' | 'secrets' | 'deploy' = 'restart'): void {
    this.o.clock.advance();
    this.requireRunner(app);
    const now = this.o.clock.now();
    const { runner } = this.o;
    const release = runner.release + (why === 'restart' ? 0 : 1);
    if (this.o.logsAfterRestart === 'clear') runner.logs.clear();
    else runner.shutdown(now);
    runner.boot(now + 60, this.machineEnv(release), { newImage: why === 'deploy', imageRef: this.imageRef(release), release });
  }

  /** `flyctl deploy`: ships the instrumentation found in the deployed source (null: no Go source there, keep). */
  deploy(app: string, instrumentation: string[] | null): DeployRecord {
    this.o.clock.advance();
    this.requireRunner(app);
    const { runner } = this.o;
    if (instrumentation) runner.deployInstrumentation(instrumentation);
    this.restart(app, 'deploy');
    const rec: DeployRecord = { app, release: runner.release, instrumentation: [...runner.instrumentation] };
    this.deployList.push(rec);
    return rec;
  }
}
