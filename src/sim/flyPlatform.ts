/**
 * The Fly.io platform the two apps run on: apps and their machines, secrets, releases, deploys,
 * restarts, the logged-in user, and the snapshot of an app that `flyctl ssh console` runs in.
 * It changes the runner and the router only as Fly would: by (re)booting them with an environment.
 */
import { createHash } from 'node:crypto';
import { ROUTER_FLY_APP, RUNNER_FLY_APP } from './faults';
import type { LogBuffer } from './logBuffer';
import { ROUTER_MACHINE, type RouterApp } from './routerApp';
import { RUNNER_INTERNAL_PORT, RUNNER_MACHINE, type RunnerApp } from './runnerApp';
import type { SimClock } from './simClock';

export interface SecretRecord {
  readonly value: string;
  readonly createdAt: number;
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

export class WorldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorldError';
  }
}

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

type AppKind = 'runner' | 'router';

export class FlyPlatform {
  readonly user = 'oncall@beacon.example';
  private signedIn = true;
  private secrets = new Map<string, SecretRecord>();
  private routerSecrets = new Map<string, SecretRecord>();
  private deployList: DeployRecord[] = [];
  private routerRelease = 1;
  private routerBootedAt = 0;
  private availableMb = 588;

  constructor(private readonly o: PlatformOptions) {}

  /** The platform at the start of a replayed past: these secrets, no deploys yet, the router booted at `routerBootedAt`. */
  reset(secrets: Map<string, SecretRecord>, routerSecrets: Map<string, SecretRecord>, routerBootedAt: number): void {
    this.secrets = secrets;
    this.routerSecrets = routerSecrets;
    this.deployList = [];
    this.routerBootedAt = routerBootedAt;
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
    return this.secrets.get(name)?.value;
  }

  private appKind(app: string): AppKind | undefined {
    return app === RUNNER_FLY_APP ? 'runner' : app === ROUTER_FLY_APP ? 'router' : undefined;
  }

  private requireApp(app: string): AppKind {
    const k = this.appKind(app);
    if (!k) throw new WorldError(`Could not find App "${app}"`);
    return k;
  }

  private imageRef(release = this.o.runner.release): string {
    return `registry.fly.io/${RUNNER_FLY_APP}:deployment-01JA${String(release).padStart(4, '0')}K7Q2M9X4B8V3N6T`;
  }

  /** Boots the runner at release `release` (a new image) with the current secrets, or with `env`. */
  bootRunner(at: number, release: number, env = this.machineEnv(release)): void {
    this.o.runner.boot(at, env, { newImage: true, imageRef: this.imageRef(release), release });
  }

  /** The environment the runner machine gets at its next boot: fly.toml [env], Fly's runtime variables, the app's secrets. */
  machineEnv(release = this.o.runner.release): Record<string, string> {
    const version = String(release).padStart(4, '0');
    const env: Record<string, string> = {
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
      FLY_IMAGE_REF: this.imageRef(release),
      FLY_MACHINE_VERSION: `01JA${version}QW3E5R7T9Y1U3I5O7`,
      PORT: String(RUNNER_INTERNAL_PORT),
      LOG_LEVEL: 'info',
      ...(this.o.jsonRunnerLogs ? { GIN_MODE: 'release' } : {}),
    };
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

  snapshot(app: string): AppSnapshot {
    this.o.clock.advance();
    const kind = this.requireApp(app);
    const { runner, router, runnerUrl, routerUrl } = this.o;
    if (kind === 'runner') {
      const memory = { totalMb: 972, usedMb: 301, freeMb: 409, sharedMb: 0, buffCacheMb: 262, availableMb: this.availableMb };
      const machine: MachineInfo = { ...RUNNER_MACHINE, state: runner.running ? 'started' : 'stopped', version: runner.release, checks: '1 total, 1 passing', updatedAt: runner.bootedAt };
      return { app, kind, machines: [machine], env: { ...runner.env }, hostname: RUNNER_MACHINE.id, release: runner.release, imageRef: runner.env.FLY_IMAGE_REF ?? this.imageRef(), memory, runnerUrl, routerUrl };
    }
    const up = router.up;
    const machine: MachineInfo = { ...ROUTER_MACHINE, state: up ? 'started' : 'stopped', version: this.routerRelease, checks: up ? '1 total, 1 passing' : '1 total, 1 critical', updatedAt: this.routerBootedAt };
    const memory = { totalMb: 472, usedMb: 188, freeMb: 97, sharedMb: 0, buffCacheMb: 187, availableMb: 251 };
    const imageRef = `registry.fly.io/${ROUTER_FLY_APP}:deployment-01J9Z4${this.routerRelease}`;
    return { app, kind, machines: [machine], env: this.routerEnv(), hostname: ROUTER_MACHINE.id, release: this.routerRelease, imageRef, memory, runnerUrl, routerUrl };
  }

  logBuffer(app: string): LogBuffer {
    return this.requireApp(app) === 'runner' ? this.o.runner.logs : this.o.router.logs;
  }

  secretsList(app: string): { name: string; digest: string; createdAt: number }[] {
    const map = this.requireApp(app) === 'runner' ? this.secrets : this.routerSecrets;
    return [...map]
      .map(([name, s]) => ({ name, digest: createHash('sha256').update(s.value).digest('hex').slice(0, 16), createdAt: s.createdAt }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** `flyctl secrets set`: returns whether anything changed; a change restarts the app unless staged. */
  setSecrets(app: string, pairs: [string, string][], stage: boolean): { changed: boolean; machines: string[] } {
    this.o.clock.advance();
    const kind = this.requireApp(app);
    const map = kind === 'runner' ? this.secrets : this.routerSecrets;
    const now = this.o.clock.now();
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
    this.o.clock.advance();
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
    this.o.clock.advance();
    const kind = this.requireApp(app);
    const now = this.o.clock.now();
    const { runner, router } = this.o;
    if (kind === 'router') {
      this.routerRelease += why === 'restart' ? 0 : 1;
      router.appendLog(now, 'INFO:     Shutting down');
      if (router.up) {
        this.routerBootedAt = now + 500;
        router.boot(now + 500);
      } else {
        // the crash is in its configuration: it comes back and dies again
        router.boot(now + 500);
        router.crash(now + 2100);
      }
      return;
    }
    const release = runner.release + (why === 'restart' ? 0 : 1);
    if (this.o.logsAfterRestart === 'clear') runner.logs.clear();
    else runner.shutdown(now);
    runner.boot(now + 60, this.machineEnv(release), { newImage: why === 'deploy', imageRef: this.imageRef(release), release });
  }

  /** `flyctl deploy`: the instrumentation found in the deployed source (null: unknown, keep). */
  deploy(app: string, instrumentation: string[] | null, cwd?: string): DeployRecord {
    this.o.clock.advance();
    const kind = this.requireApp(app);
    const { runner } = this.o;
    if (kind === 'runner' && instrumentation) runner.deployInstrumentation(instrumentation);
    this.restart(app, 'deploy');
    const rec: DeployRecord = {
      app,
      at: this.o.clock.now(),
      release: kind === 'runner' ? runner.release : this.routerRelease,
      instrumentation: [...runner.instrumentation],
      ...(cwd ? { cwd } : {}),
    };
    this.deployList.push(rec);
    return rec;
  }

  status(app: string): { app: string; hostname: string; image: string; machines: MachineInfo[] } {
    const s = this.snapshot(app);
    return { app, hostname: `${app}.fly.dev`, image: s.imageRef.replace('registry.fly.io/', ''), machines: s.machines };
  }
}
