/**
 * The local Beacon simulator: the runner's and the router's HTTP servers on 127.0.0.1, a private
 * control endpoint, and a temp dir with `flyctl` and `psql` wrapper scripts that run the fake tools
 * against this simulator. One fault mode or several at once; fixes applied through the fake
 * `flyctl` change the state, so "fix → re-run → green" works.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { controlRequestHandler } from './controlServer';
import { type FaultName, normalizeFaults, ROUTER_FLY_APP, RUNNER_FLY_APP } from './faults';
import { close, listen } from './httpUtil';
import { routerRequestHandler, type RouterServerOptions } from './routerServer';
import { runnerRequestHandler, type RunnerServerOptions } from './runnerServer';
import { SimWorld, type WorldOptions } from './simWorld';
import type { Target } from '../engine/types';
export type { FaultName, KnownFaultName } from './faults';
export { FAULT_NAMES, FaultError, normalizeFaults, UNKNOWN_FAULT_NAMES } from './faults';
export { drawVariation, type WorldVariation } from './worldVariation';

export interface SimulatorOptions
  extends RouterServerOptions,
    RunnerServerOptions,
    Pick<WorldOptions, 'seed' | 'logsAfterRestart' | 'instrumentation' | 'variation'> {
  fault?: FaultName | FaultName[] | string;
  /** 0 or unset: an ephemeral port. */
  runnerPort?: number;
  routerPort?: number;
  /** Made into the runner's DATABASE_URL password and ADMIN_TOKEN (random when unset). */
  canarySecret?: string;
  logger?: { info(message: string): void };
}

export interface Simulator {
  readonly runnerUrl: string;
  readonly routerUrl: string;
  readonly flyctlPath: string;
  readonly psqlPath: string;
  /** The temp dir holding `flyctl` and `psql` (prepend it to PATH to use them by name). */
  readonly binDir: string;
  readonly flyApp: 'beacon-runner-production';
  readonly routerFlyApp: 'beacon-hybrid-router';
  /** The runner's ADMIN_TOKEN (`adm-<canary>`). */
  readonly adminToken: string;
  /** `postgres://beacon:<canary>@127.0.0.1:5432/beacon?sslmode=disable` — what the fake psql accepts. */
  readonly databaseUrl: string;
  /** The faults that hold now (`['healthy']` once every fault is fixed). */
  readonly faults: FaultName[];
  /** The simulated world (runner, router, secrets, database, logs) — for tests and the CLI. */
  readonly state: SimWorld;
  /** The private control endpoint the fake tools use (random token in the path; 127.0.0.1 only). */
  readonly controlUrl: string;
  /** Re-creates the world in another fault state (ports, tokens and paths stay). */
  setFault(fault: FaultName | FaultName[] | string): Promise<void>;
  stop(): Promise<void>;
}

/** Where the fake tools' entry lives: next to this module (dist/ when bundled, out/src/sim/ from tsc). */
export function fakeToolsPath(): string {
  return path.join(__dirname, 'fakeTools.js');
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function wrapper(tool: string, controlUrl: string): string {
  return [
    '#!/bin/sh',
    `# Beacon Debug simulator: fake ${tool} (answers from the simulator at ${controlUrl.replace(/\/[^/]+\/?$/, '/…')})`,
    'ELECTRON_RUN_AS_NODE=1',
    'export ELECTRON_RUN_AS_NODE',
    `exec ${shQuote(process.execPath)} ${shQuote(fakeToolsPath())} --sim-control ${shQuote(controlUrl)} ${tool} "$@"`,
    '',
  ].join('\n');
}

/** The target that runs the checks against this simulator: the built-in `demo` environment. */
export function simulatorTarget(sim: Simulator): Target {
  const admin = sim.state.variation.admin !== 'not-given';
  return {
    name: 'demo',
    flyApp: sim.flyApp,
    runnerUrl: sim.runnerUrl,
    routerUrl: sim.routerUrl,
    routerFlyApp: sim.routerFlyApp,
    flyctlPath: sim.flyctlPath,
    psqlPath: sim.psqlPath,
    adminToken: admin ? sim.adminToken : undefined,
    databaseUrl: sim.databaseUrl,
  };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const faults = normalizeFaults(opts.fault === undefined ? undefined : Array.isArray(opts.fault) ? opts.fault : String(opts.fault));
  const tools = fakeToolsPath();
  if (!fs.existsSync(tools)) throw new Error(`the simulator's fake tools are missing: ${tools} (build them first)`);
  const log = (m: string) => opts.logger?.info(m);
  const canary = opts.canarySecret ?? `sim-${randomBytes(6).toString('hex')}`;
  const token = randomBytes(18).toString('hex');

  const servers: Server[] = [];
  let binDir: string | undefined;
  let stopped = false;
  // a process that exits without stop() (an uncaught error, process.exit) still removes the temp dir
  const removeBinDir = () => {
    if (binDir) fs.rmSync(binDir, { recursive: true, force: true });
  };
  const stopAll = async () => {
    stopped = true;
    process.off('exit', removeBinDir);
    await Promise.all(servers.map((s) => close(s)));
    removeBinDir();
  };

  try {
    // ports first (the world needs its URLs), handlers once the world exists
    const routerServer = createServer();
    const runnerServer = createServer();
    const controlServer = createServer();
    servers.push(routerServer, runnerServer, controlServer);
    const routerPort = await listen(routerServer, opts.routerPort ?? 0);
    const runnerPort = await listen(runnerServer, opts.runnerPort ?? 0);
    const controlPort = await listen(controlServer, 0);
    const runnerUrl = `http://127.0.0.1:${runnerPort}`;
    const routerUrl = `http://127.0.0.1:${routerPort}`;

    // the router's port is open exactly when the router is up
    let routerChange: Promise<void> = Promise.resolve();
    const onRouterUpChange = (up: boolean) => {
      // a failed change (the port taken meanwhile) surfaces in setFault; the next change still runs
      routerChange = routerChange.catch(() => undefined).then(async () => {
        if (stopped) return;
        if (up && !routerServer.listening) await listen(routerServer, routerPort);
        else if (!up && routerServer.listening) await close(routerServer);
      });
    };
    const world = new SimWorld({ ...opts, runnerUrl, routerUrl, canary, onRouterUpChange });
    routerServer.on('request', routerRequestHandler(world, opts));
    runnerServer.on('request', runnerRequestHandler(world, opts));
    controlServer.on('request', controlRequestHandler(world, token));

    world.reset(faults);
    await routerChange;

    const dir = (binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-sim-')));
    process.once('exit', removeBinDir);
    const controlUrl = `http://127.0.0.1:${controlPort}/${token}/`;
    const flyctlPath = path.join(dir, 'flyctl');
    const psqlPath = path.join(dir, 'psql');
    fs.writeFileSync(flyctlPath, wrapper('flyctl', controlUrl), { mode: 0o755 });
    fs.writeFileSync(psqlPath, wrapper('psql', controlUrl), { mode: 0o755 });
    log(`Beacon simulator: runner ${runnerUrl}, router ${routerUrl}, faults ${faults.join(',')}`);

    return {
      runnerUrl,
      routerUrl,
      flyctlPath,
      psqlPath,
      binDir: dir,
      flyApp: RUNNER_FLY_APP,
      routerFlyApp: ROUTER_FLY_APP,
      adminToken: world.adminToken,
      databaseUrl: world.databaseUrl,
      get faults() {
        return world.activeFaults();
      },
      state: world,
      controlUrl,
      async setFault(f) {
        const list = normalizeFaults(Array.isArray(f) ? f : String(f));
        world.reset(list);
        await routerChange;
        log(`Beacon simulator: faults ${list.join(',')}`);
      },
      async stop() {
        if (stopped) return;
        await routerChange;
        await stopAll();
        log('Beacon simulator stopped');
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
