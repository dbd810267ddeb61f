/**
 * `beacon-debug sim [--fault NAME[,NAME]] [--runner-port N] [--router-port N] [--slow-ms N]`:
 * starts the Beacon simulator, prints where it is and how to point the checks at it, and serves
 * until SIGINT / SIGTERM (or the abort signal). Exit 0; 2 for a usage error (a bad fault name lists
 * the valid ones) or when it cannot start.
 */
import { FAULT_NAMES, FaultError, normalizeFaults, startSimulator, type Simulator } from '../sim/simulator';
import { errorMessage } from '../shared/errorMessage';

export interface SimCommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `Usage: beacon-debug sim [--fault NAME[,NAME]] [--runner-port N] [--router-port N] [--slow-ms N]

Serves a local Beacon runner and hybrid router on 127.0.0.1 in the given fault state, with a fake
flyctl and psql, until interrupted (Ctrl+C).

Faults: ${FAULT_NAMES.join(', ')}
`;

function port(value: string | undefined, flag: string): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) throw new FaultError(`${flag} needs a port number (0-65535), got ${value === undefined ? 'nothing' : `"${value}"`}`);
  return Number(value);
}

function shq(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export async function runSimCommand(args: string[], io: SimCommandIo, signal?: AbortSignal): Promise<number> {
  let fault: string | undefined;
  let runnerPort: number | undefined;
  let routerPort: number | undefined;
  let slowMs: number | undefined;
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const eq = a.indexOf('=');
      const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
      const value = () => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : args[++i]);
      switch (name) {
        case '--fault':
        case '-f': {
          const v = value();
          if (v === undefined) throw new FaultError(`--fault needs a name; valid faults: ${FAULT_NAMES.join(', ')}`);
          fault = fault ? `${fault},${v}` : v;
          break;
        }
        case '--runner-port':
          runnerPort = port(value(), '--runner-port');
          break;
        case '--router-port':
          routerPort = port(value(), '--router-port');
          break;
        case '--slow-ms':
          slowMs = port(value(), '--slow-ms');
          break;
        case '-h':
        case '--help':
          io.stdout(USAGE);
          return 0;
        default:
          throw new FaultError(`unknown option "${a}"\n\n${USAGE}`);
      }
    }
    normalizeFaults(fault);
  } catch (e) {
    io.stderr(`beacon-debug sim: ${errorMessage(e)}\n`);
    return 2;
  }
  if (runnerPort !== undefined && routerPort !== undefined && runnerPort !== 0 && runnerPort === routerPort) {
    io.stderr('beacon-debug sim: --runner-port and --router-port must differ\n');
    return 2;
  }

  let sim: Simulator;
  try {
    sim = await startSimulator({ fault, runnerPort, routerPort, slowMs });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(`beacon-debug sim: cannot start the simulator: ${err.code === 'EADDRINUSE' ? 'a port is already in use' : err.message}\n`);
    return 2;
  }

  const faults = sim.faults.join(',');
  io.stdout(
    [
      `Beacon simulator running — faults: ${faults}`,
      '',
      `  runner URL     ${sim.runnerUrl}`,
      `  router URL     ${sim.routerUrl}`,
      `  fake flyctl    ${sim.flyctlPath}`,
      `  fake psql      ${sim.psqlPath}`,
      `  Fly apps       ${sim.flyApp} (runner), ${sim.routerFlyApp} (router)`,
      '',
      'Secrets for the checks that need them:',
      `  export BEACON_ADMIN_TOKEN=${shq(sim.adminToken)}`,
      `  export BEACON_DATABASE_URL=${shq(sim.databaseUrl)}`,
      '',
      'Run the checks against it:',
      `  beacon-debug run --runner-url ${sim.runnerUrl} --router-url ${sim.routerUrl} --fly-app ${sim.flyApp} --router-app ${sim.routerFlyApp} \\`,
      `    --flyctl ${shq(sim.flyctlPath)} --psql ${shq(sim.psqlPath)} --admin-token-env BEACON_ADMIN_TOKEN --database-url-env BEACON_DATABASE_URL`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) {
      done();
      return;
    }
    signal?.addEventListener('abort', done, { once: true });
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await sim.stop();
  io.stdout('Beacon simulator stopped.\n');
  return 0;
}
